# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loket_import.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_LoketImportDialog(object):
    def setupUi(self, LoketImportDialog):
        if not LoketImportDialog.objectName():
            LoketImportDialog.setObjectName(u"LoketImportDialog")
        LoketImportDialog.resize(760, 520)
        self.importLayout = QVBoxLayout(LoketImportDialog)
        self.importLayout.setObjectName(u"importLayout")
        self.fileLabel = QLabel(LoketImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setStyleSheet(u"font-weight: bold;")

        self.importLayout.addWidget(self.fileLabel)

        self.summaryLabel = QLabel(LoketImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.importLayout.addWidget(self.summaryLabel)

        self.errorTable = QTableWidget(LoketImportDialog)
        if (self.errorTable.columnCount() < 3):
            self.errorTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.errorTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.errorTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.errorTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.errorTable.setObjectName(u"errorTable")
        self.errorTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errorTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.errorTable.setWordWrap(True)
        self.errorTable.setAlternatingRowColors(True)
        self.errorTable.horizontalHeader().setStretchLastSection(True)
        self.errorTable.verticalHeader().setVisible(False)

        self.importLayout.addWidget(self.errorTable)

        self.choiceLabel = QLabel(LoketImportDialog)
        self.choiceLabel.setObjectName(u"choiceLabel")
        self.choiceLabel.setWordWrap(True)
        self.choiceLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.importLayout.addWidget(self.choiceLabel)

        self.importButtons = QHBoxLayout()
        self.importButtons.setObjectName(u"importButtons")
        self.importSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importButtons.addItem(self.importSpacer)

        self.cancelButton = QPushButton(LoketImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.importButtons.addWidget(self.cancelButton)

        self.importButton = QPushButton(LoketImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.importButtons.addWidget(self.importButton)


        self.importLayout.addLayout(self.importButtons)


        self.retranslateUi(LoketImportDialog)

        self.importButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoketImportDialog)
    # setupUi

    def retranslateUi(self, LoketImportDialog):
        LoketImportDialog.setWindowTitle(QCoreApplication.translate("LoketImportDialog", u"Import paper log", None))
        ___qtablewidgetitem = self.errorTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("LoketImportDialog", u"Line", None))
        ___qtablewidgetitem1 = self.errorTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("LoketImportDialog", u"Column", None))
        ___qtablewidgetitem2 = self.errorTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("LoketImportDialog", u"Problem", None))
        self.cancelButton.setText(QCoreApplication.translate("LoketImportDialog", u"Import nothing", None))
        self.importButton.setText(QCoreApplication.translate("LoketImportDialog", u"Import", None))
    # retranslateUi

