# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_profile_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from desktop.views.letters.preview import PdfPreview

class Ui_LetterProfilePage(object):
    def setupUi(self, LetterProfilePage):
        if not LetterProfilePage.objectName():
            LetterProfilePage.setObjectName(u"LetterProfilePage")
        LetterProfilePage.resize(1180, 760)
        self.pageLayout = QHBoxLayout(LetterProfilePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formScroll = QScrollArea(LetterProfilePage)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.formScroll.setWidgetResizable(True)
        self.formScroll.setMinimumSize(QSize(300, 0))
        self.formContents = QWidget()
        self.formContents.setObjectName(u"formContents")
        self.formLayout = QVBoxLayout(self.formContents)
        self.formLayout.setObjectName(u"formLayout")
        self.heading = QLabel(self.formContents)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-size: 14pt; font-weight: bold;")

        self.formLayout.addWidget(self.heading)

        self.introLabel = QLabel(self.formContents)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.formLayout.addWidget(self.introLabel)

        self.kopBox = QGroupBox(self.formContents)
        self.kopBox.setObjectName(u"kopBox")
        self.kopForm = QFormLayout(self.kopBox)
        self.kopForm.setObjectName(u"kopForm")
        self.agencyCodeLabel = QLabel(self.kopBox)
        self.agencyCodeLabel.setObjectName(u"agencyCodeLabel")

        self.kopForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agencyCodeLabel)

        self.agencyCodeEdit = QLineEdit(self.kopBox)
        self.agencyCodeEdit.setObjectName(u"agencyCodeEdit")
        self.agencyCodeEdit.setMaxLength(32)

        self.kopForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.agencyCodeEdit)

        self.line1Label = QLabel(self.kopBox)
        self.line1Label.setObjectName(u"line1Label")

        self.kopForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.line1Label)

        self.line1Edit = QLineEdit(self.kopBox)
        self.line1Edit.setObjectName(u"line1Edit")
        self.line1Edit.setPlaceholderText(u"PEMERINTAH PROVINSI KALIMANTAN SELATAN")

        self.kopForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.line1Edit)

        self.line2Label = QLabel(self.kopBox)
        self.line2Label.setObjectName(u"line2Label")

        self.kopForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.line2Label)

        self.line2Edit = QLineEdit(self.kopBox)
        self.line2Edit.setObjectName(u"line2Edit")
        self.line2Edit.setPlaceholderText(u"DINAS KESEHATAN")

        self.kopForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.line2Edit)

        self.line3Label = QLabel(self.kopBox)
        self.line3Label.setObjectName(u"line3Label")

        self.kopForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.line3Label)

        self.line3Edit = QLineEdit(self.kopBox)
        self.line3Edit.setObjectName(u"line3Edit")

        self.kopForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.line3Edit)

        self.addressLabel = QLabel(self.kopBox)
        self.addressLabel.setObjectName(u"addressLabel")

        self.kopForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.kopBox)
        self.addressEdit.setObjectName(u"addressEdit")

        self.kopForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.kopBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.kopForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.kopBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.kopForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.webLabel = QLabel(self.kopBox)
        self.webLabel.setObjectName(u"webLabel")

        self.kopForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.webLabel)

        self.webEdit = QLineEdit(self.kopBox)
        self.webEdit.setObjectName(u"webEdit")

        self.kopForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.webEdit)

        self.emblemLabel = QLabel(self.kopBox)
        self.emblemLabel.setObjectName(u"emblemLabel")

        self.kopForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emblemLabel)

        self.emblemRow = QHBoxLayout()
        self.emblemRow.setObjectName(u"emblemRow")
        self.emblemPreview = QLabel(self.kopBox)
        self.emblemPreview.setObjectName(u"emblemPreview")
        self.emblemPreview.setMinimumSize(QSize(56, 56))
        self.emblemPreview.setMaximumSize(QSize(56, 56))
        self.emblemPreview.setFrameShape(QFrame.Shape.StyledPanel)
        self.emblemPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emblemRow.addWidget(self.emblemPreview)

        self.chooseEmblemButton = QPushButton(self.kopBox)
        self.chooseEmblemButton.setObjectName(u"chooseEmblemButton")

        self.emblemRow.addWidget(self.chooseEmblemButton)

        self.clearEmblemButton = QPushButton(self.kopBox)
        self.clearEmblemButton.setObjectName(u"clearEmblemButton")

        self.emblemRow.addWidget(self.clearEmblemButton)

        self.emblemSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emblemRow.addItem(self.emblemSpacer)


        self.kopForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.emblemRow)


        self.formLayout.addWidget(self.kopBox)

        self.signersBox = QGroupBox(self.formContents)
        self.signersBox.setObjectName(u"signersBox")
        self.signersLayout = QVBoxLayout(self.signersBox)
        self.signersLayout.setObjectName(u"signersLayout")
        self.signersTable = QTableWidget(self.signersBox)
        if (self.signersTable.columnCount() < 4):
            self.signersTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.signersTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.signersTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.signersTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.signersTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.signersTable.setObjectName(u"signersTable")
        self.signersTable.setMinimumSize(QSize(0, 120))
        self.signersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signersTable.setColumnCount(4)
        self.signersTable.horizontalHeader().setStretchLastSection(True)
        self.signersTable.verticalHeader().setVisible(False)

        self.signersLayout.addWidget(self.signersTable)

        self.signerButtons = QHBoxLayout()
        self.signerButtons.setObjectName(u"signerButtons")
        self.addSignerButton = QPushButton(self.signersBox)
        self.addSignerButton.setObjectName(u"addSignerButton")

        self.signerButtons.addWidget(self.addSignerButton)

        self.removeSignerButton = QPushButton(self.signersBox)
        self.removeSignerButton.setObjectName(u"removeSignerButton")

        self.signerButtons.addWidget(self.removeSignerButton)

        self.signerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signerButtons.addItem(self.signerSpacer)


        self.signersLayout.addLayout(self.signerButtons)

        self.defaultSignerRow = QHBoxLayout()
        self.defaultSignerRow.setObjectName(u"defaultSignerRow")
        self.defaultSignerLabel = QLabel(self.signersBox)
        self.defaultSignerLabel.setObjectName(u"defaultSignerLabel")

        self.defaultSignerRow.addWidget(self.defaultSignerLabel)

        self.defaultSignerCombo = QComboBox(self.signersBox)
        self.defaultSignerCombo.setObjectName(u"defaultSignerCombo")
        self.defaultSignerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.defaultSignerCombo.setMinimumContentsLength(16)

        self.defaultSignerRow.addWidget(self.defaultSignerCombo)


        self.signersLayout.addLayout(self.defaultSignerRow)


        self.formLayout.addWidget(self.signersBox)

        self.numberBox = QGroupBox(self.formContents)
        self.numberBox.setObjectName(u"numberBox")
        self.numberForm = QFormLayout(self.numberBox)
        self.numberForm.setObjectName(u"numberForm")
        self.paperLabel = QLabel(self.numberBox)
        self.paperLabel.setObjectName(u"paperLabel")

        self.numberForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paperCombo = QComboBox(self.numberBox)
        self.paperCombo.setObjectName(u"paperCombo")

        self.numberForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.paperCombo)

        self.agendaFormatLabel = QLabel(self.numberBox)
        self.agendaFormatLabel.setObjectName(u"agendaFormatLabel")

        self.numberForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agendaFormatLabel)

        self.agendaFormatEdit = QLineEdit(self.numberBox)
        self.agendaFormatEdit.setObjectName(u"agendaFormatEdit")

        self.numberForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agendaFormatEdit)

        self.agendaExampleLabel = QLabel(self.numberBox)
        self.agendaExampleLabel.setObjectName(u"agendaExampleLabel")
        self.agendaExampleLabel.setWordWrap(True)
        self.agendaExampleLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.numberForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.agendaExampleLabel)

        self.numbersTitle = QLabel(self.numberBox)
        self.numbersTitle.setObjectName(u"numbersTitle")

        self.numberForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.numbersTitle)

        self.numbersLabel = QLabel(self.numberBox)
        self.numbersLabel.setObjectName(u"numbersLabel")
        self.numbersLabel.setWordWrap(True)

        self.numberForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.numbersLabel)


        self.formLayout.addWidget(self.numberBox)

        self.errorLabel = QLabel(self.formContents)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.formLayout.addWidget(self.errorLabel)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.savedLabel = QLabel(self.formContents)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.saveRow.addWidget(self.savedLabel)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.sampleButton = QPushButton(self.formContents)
        self.sampleButton.setObjectName(u"sampleButton")

        self.saveRow.addWidget(self.sampleButton)

        self.saveButton = QPushButton(self.formContents)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.formLayout.addLayout(self.saveRow)

        self.formSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formLayout.addItem(self.formSpacer)

        self.formScroll.setWidget(self.formContents)

        self.pageLayout.addWidget(self.formScroll)

        self.samplePreview = PdfPreview(LetterProfilePage)
        self.samplePreview.setObjectName(u"samplePreview")
        self.samplePreview.setMinimumSize(QSize(200, 0))

        self.pageLayout.addWidget(self.samplePreview)

#if QT_CONFIG(shortcut)
        self.agencyCodeLabel.setBuddy(self.agencyCodeEdit)
        self.line1Label.setBuddy(self.line1Edit)
        self.line2Label.setBuddy(self.line2Edit)
        self.line3Label.setBuddy(self.line3Edit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.webLabel.setBuddy(self.webEdit)
        self.defaultSignerLabel.setBuddy(self.defaultSignerCombo)
        self.paperLabel.setBuddy(self.paperCombo)
        self.agendaFormatLabel.setBuddy(self.agendaFormatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterProfilePage)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(LetterProfilePage)
    # setupUi

    def retranslateUi(self, LetterProfilePage):
        self.heading.setText(QCoreApplication.translate("LetterProfilePage", u"Letterhead and signers", None))
        self.introLabel.setText(QCoreApplication.translate("LetterProfilePage", u"Printed on every disposition sheet issued at this desk. Agenda numbers are reserved from the central server during sync.", None))
        self.kopBox.setTitle(QCoreApplication.translate("LetterProfilePage", u"Letterhead (kop surat)", None))
        self.agencyCodeLabel.setText(QCoreApplication.translate("LetterProfilePage", u"Agency &code", None))
        self.line1Label.setText(QCoreApplication.translate("LetterProfilePage", u"Kop line &1", None))
        self.line2Label.setText(QCoreApplication.translate("LetterProfilePage", u"Kop line &2 (agency name)", None))
        self.line3Label.setText(QCoreApplication.translate("LetterProfilePage", u"Kop line &3", None))
        self.addressLabel.setText(QCoreApplication.translate("LetterProfilePage", u"&Address", None))
        self.phoneLabel.setText(QCoreApplication.translate("LetterProfilePage", u"P&hone / fax", None))
        self.webLabel.setText(QCoreApplication.translate("LetterProfilePage", u"&Website / e-mail", None))
        self.emblemLabel.setText(QCoreApplication.translate("LetterProfilePage", u"Emblem", None))
        self.chooseEmblemButton.setText(QCoreApplication.translate("LetterProfilePage", u"C&hoose image\u2026", None))
        self.clearEmblemButton.setText(QCoreApplication.translate("LetterProfilePage", u"Use placeholder", None))
        self.signersBox.setTitle(QCoreApplication.translate("LetterProfilePage", u"Signers", None))
        ___qtablewidgetitem = self.signersTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("LetterProfilePage", u"Name", None))
        ___qtablewidgetitem1 = self.signersTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("LetterProfilePage", u"Position (jabatan)", None))
        ___qtablewidgetitem2 = self.signersTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("LetterProfilePage", u"Rank (pangkat/gol.)", None))
        ___qtablewidgetitem3 = self.signersTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("LetterProfilePage", u"NIP", None))
        self.addSignerButton.setText(QCoreApplication.translate("LetterProfilePage", u"&Add signer", None))
        self.removeSignerButton.setText(QCoreApplication.translate("LetterProfilePage", u"Remo&ve", None))
        self.defaultSignerLabel.setText(QCoreApplication.translate("LetterProfilePage", u"&Default", None))
        self.numberBox.setTitle(QCoreApplication.translate("LetterProfilePage", u"Paper and agenda number", None))
        self.paperLabel.setText(QCoreApplication.translate("LetterProfilePage", u"Default &paper", None))
        self.agendaFormatLabel.setText(QCoreApplication.translate("LetterProfilePage", u"Agenda number &format", None))
        self.numbersTitle.setText(QCoreApplication.translate("LetterProfilePage", u"Numbers held", None))
        self.sampleButton.setText(QCoreApplication.translate("LetterProfilePage", u"Preview sa&mple", None))
        self.saveButton.setText(QCoreApplication.translate("LetterProfilePage", u"&Save", None))
        pass
    # retranslateUi

