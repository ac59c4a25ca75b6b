# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loket_receipt.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LoketReceiptDialog(object):
    def setupUi(self, LoketReceiptDialog):
        if not LoketReceiptDialog.objectName():
            LoketReceiptDialog.setObjectName(u"LoketReceiptDialog")
        LoketReceiptDialog.resize(720, 700)
        self.receiptLayout = QVBoxLayout(LoketReceiptDialog)
        self.receiptLayout.setObjectName(u"receiptLayout")
        self.numberLabel = QLabel(LoketReceiptDialog)
        self.numberLabel.setObjectName(u"numberLabel")
        self.numberLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.numberLabel.setWordWrap(True)
        self.numberLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numberLabel.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.receiptLayout.addWidget(self.numberLabel)

        self.infoLabel = QLabel(LoketReceiptDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.receiptLayout.addWidget(self.infoLabel)

        self.paperLayout = QHBoxLayout()
        self.paperLayout.setObjectName(u"paperLayout")
        self.paperLabel = QLabel(LoketReceiptDialog)
        self.paperLabel.setObjectName(u"paperLabel")

        self.paperLayout.addWidget(self.paperLabel)

        self.paperCombo = QComboBox(LoketReceiptDialog)
        self.paperCombo.setObjectName(u"paperCombo")

        self.paperLayout.addWidget(self.paperCombo)

        self.paperSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.paperLayout.addItem(self.paperSpacer)


        self.receiptLayout.addLayout(self.paperLayout)

        self.pdfView = QPdfView(LoketReceiptDialog)
        self.pdfView.setObjectName(u"pdfView")
        self.pdfView.setMinimumSize(QSize(0, 300))

        self.receiptLayout.addWidget(self.pdfView)

        self.messageLabel = QLabel(LoketReceiptDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setVisible(False)
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(u"color: #b3261e;")

        self.receiptLayout.addWidget(self.messageLabel)

        self.receiptButtons = QHBoxLayout()
        self.receiptButtons.setObjectName(u"receiptButtons")
        self.receiptSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.receiptButtons.addItem(self.receiptSpacer)

        self.printButton = QPushButton(LoketReceiptDialog)
        self.printButton.setObjectName(u"printButton")

        self.receiptButtons.addWidget(self.printButton)

        self.saveButton = QPushButton(LoketReceiptDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.receiptButtons.addWidget(self.saveButton)

        self.closeButton = QPushButton(LoketReceiptDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.receiptButtons.addWidget(self.closeButton)


        self.receiptLayout.addLayout(self.receiptButtons)

#if QT_CONFIG(shortcut)
        self.paperLabel.setBuddy(self.paperCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoketReceiptDialog)

        self.printButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoketReceiptDialog)
    # setupUi

    def retranslateUi(self, LoketReceiptDialog):
        LoketReceiptDialog.setWindowTitle(QCoreApplication.translate("LoketReceiptDialog", u"Complaint receipt", None))
        self.paperLabel.setText(QCoreApplication.translate("LoketReceiptDialog", u"Paper:", None))
        self.printButton.setText(QCoreApplication.translate("LoketReceiptDialog", u"Print\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("LoketReceiptDialog", u"Save PDF\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("LoketReceiptDialog", u"Close", None))
    # retranslateUi

