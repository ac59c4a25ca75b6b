# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_print_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout,
    QWidget)

from desktop.views.letters.preview import PdfPreview

class Ui_LetterPrintDialog(object):
    def setupUi(self, LetterPrintDialog):
        if not LetterPrintDialog.objectName():
            LetterPrintDialog.setObjectName(u"LetterPrintDialog")
        LetterPrintDialog.resize(1120, 760)
        self.dialogLayout = QVBoxLayout(LetterPrintDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.splitter = QSplitter(LetterPrintDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.sidePanel = QWidget(self.splitter)
        self.sidePanel.setObjectName(u"sidePanel")
        self.sideLayout = QVBoxLayout(self.sidePanel)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 6, 0)
        self.complaintsHeading = QLabel(self.sidePanel)
        self.complaintsHeading.setObjectName(u"complaintsHeading")
        self.complaintsHeading.setStyleSheet(u"font-weight: bold;")

        self.sideLayout.addWidget(self.complaintsHeading)

        self.complaintList = QListWidget(self.sidePanel)
        self.complaintList.setObjectName(u"complaintList")
        self.complaintList.setMinimumSize(QSize(300, 120))
        self.complaintList.setWordWrap(True)
        self.complaintList.setUniformItemSizes(False)

        self.sideLayout.addWidget(self.complaintList)

        self.sheetBox = QGroupBox(self.sidePanel)
        self.sheetBox.setObjectName(u"sheetBox")
        self.sheetForm = QFormLayout(self.sheetBox)
        self.sheetForm.setObjectName(u"sheetForm")
        self.paperLabel = QLabel(self.sheetBox)
        self.paperLabel.setObjectName(u"paperLabel")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paperCombo = QComboBox(self.sheetBox)
        self.paperCombo.setObjectName(u"paperCombo")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.paperCombo)

        self.signerLabel = QLabel(self.sheetBox)
        self.signerLabel.setObjectName(u"signerLabel")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.signerLabel)

        self.signerCombo = QComboBox(self.sheetBox)
        self.signerCombo.setObjectName(u"signerCombo")
        self.signerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.signerCombo.setMinimumContentsLength(18)

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.signerCombo)

        self.contentCheck = QCheckBox(self.sheetBox)
        self.contentCheck.setObjectName(u"contentCheck")

        self.sheetForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.contentCheck)


        self.sideLayout.addWidget(self.sheetBox)

        self.outputBox = QGroupBox(self.sidePanel)
        self.outputBox.setObjectName(u"outputBox")
        self.outputLayout = QVBoxLayout(self.outputBox)
        self.outputLayout.setObjectName(u"outputLayout")
        self.onePdfRadio = QRadioButton(self.outputBox)
        self.onePdfRadio.setObjectName(u"onePdfRadio")
        self.onePdfRadio.setChecked(True)

        self.outputLayout.addWidget(self.onePdfRadio)

        self.perComplaintRadio = QRadioButton(self.outputBox)
        self.perComplaintRadio.setObjectName(u"perComplaintRadio")

        self.outputLayout.addWidget(self.perComplaintRadio)


        self.sideLayout.addWidget(self.outputBox)

        self.stateLabel = QLabel(self.sidePanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.TextFormat.RichText)
        self.stateLabel.setWordWrap(True)

        self.sideLayout.addWidget(self.stateLabel)

        self.numbersLabel = QLabel(self.sidePanel)
        self.numbersLabel.setObjectName(u"numbersLabel")
        self.numbersLabel.setWordWrap(True)
        self.numbersLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.sideLayout.addWidget(self.numbersLabel)

        self.sideSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)

        self.splitter.addWidget(self.sidePanel)
        self.previewPanel = QWidget(self.splitter)
        self.previewPanel.setObjectName(u"previewPanel")
        self.previewLayout = QVBoxLayout(self.previewPanel)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(6, 0, 0, 0)
        self.previewTitle = QLabel(self.previewPanel)
        self.previewTitle.setObjectName(u"previewTitle")
        self.previewTitle.setTextFormat(Qt.TextFormat.RichText)
        self.previewTitle.setWordWrap(True)

        self.previewLayout.addWidget(self.previewTitle)

        self.preview = PdfPreview(self.previewPanel)
        self.preview.setObjectName(u"preview")
        self.preview.setMinimumSize(QSize(480, 400))

        self.previewLayout.addWidget(self.preview)

        self.splitter.addWidget(self.previewPanel)

        self.dialogLayout.addWidget(self.splitter)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.issueButton = QPushButton(LetterPrintDialog)
        self.issueButton.setObjectName(u"issueButton")

        self.buttonRow.addWidget(self.issueButton)

        self.voidButton = QPushButton(LetterPrintDialog)
        self.voidButton.setObjectName(u"voidButton")

        self.buttonRow.addWidget(self.voidButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(LetterPrintDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.printButton = QPushButton(LetterPrintDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonRow.addWidget(self.printButton)

        self.closeButton = QPushButton(LetterPrintDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.paperLabel.setBuddy(self.paperCombo)
        self.signerLabel.setBuddy(self.signerCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterPrintDialog)

        QMetaObject.connectSlotsByName(LetterPrintDialog)
    # setupUi

    def retranslateUi(self, LetterPrintDialog):
        LetterPrintDialog.setWindowTitle(QCoreApplication.translate("LetterPrintDialog", u"Print disposition sheet", None))
        self.complaintsHeading.setText(QCoreApplication.translate("LetterPrintDialog", u"Complaints", None))
        self.sheetBox.setTitle(QCoreApplication.translate("LetterPrintDialog", u"Sheet", None))
        self.paperLabel.setText(QCoreApplication.translate("LetterPrintDialog", u"&Paper", None))
        self.signerLabel.setText(QCoreApplication.translate("LetterPrintDialog", u"&Signed by", None))
        self.contentCheck.setText(QCoreApplication.translate("LetterPrintDialog", u"Print the complaint text under Subject", None))
        self.outputBox.setTitle(QCoreApplication.translate("LetterPrintDialog", u"Save as", None))
        self.onePdfRadio.setText(QCoreApplication.translate("LetterPrintDialog", u"One PDF for all", None))
        self.perComplaintRadio.setText(QCoreApplication.translate("LetterPrintDialog", u"One PDF per complaint", None))
        self.issueButton.setText(QCoreApplication.translate("LetterPrintDialog", u"&Issue", None))
#if QT_CONFIG(tooltip)
        self.issueButton.setToolTip(QCoreApplication.translate("LetterPrintDialog", u"Give the sheet its agenda number and archive it", None))
#endif // QT_CONFIG(tooltip)
        self.voidButton.setText(QCoreApplication.translate("LetterPrintDialog", u"&Void letter\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("LetterPrintDialog", u"Save &PDF\u2026", None))
        self.printButton.setText(QCoreApplication.translate("LetterPrintDialog", u"P&rint\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("LetterPrintDialog", u"Close", None))
    # retranslateUi

