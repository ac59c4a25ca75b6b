# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loket_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QRadioButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from desktop.views.loket.attachment_list import AttachmentList
from desktop.views.loket.category_picker import CategoryPicker
from desktop.views.loket.region_picker import RegionPicker

class Ui_LoketPage(object):
    def setupUi(self, LoketPage):
        if not LoketPage.objectName():
            LoketPage.setObjectName(u"LoketPage")
        LoketPage.resize(1360, 680)
        self.outerLayout = QVBoxLayout(LoketPage)
        self.outerLayout.setSpacing(6)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(10, 6, 10, 6)
        self.scrollArea = QScrollArea(LoketPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setSpacing(6)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headingLabel = QLabel(self.scrollContents)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.headerLayout.addWidget(self.headingLabel)

        self.headingSpacer = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headingSpacer)

        self.channelLabel = QLabel(self.scrollContents)
        self.channelLabel.setObjectName(u"channelLabel")

        self.headerLayout.addWidget(self.channelLabel)

        self.loketRadio = QRadioButton(self.scrollContents)
        self.loketRadio.setObjectName(u"loketRadio")
        self.loketRadio.setChecked(True)

        self.headerLayout.addWidget(self.loketRadio)

        self.suratRadio = QRadioButton(self.scrollContents)
        self.suratRadio.setObjectName(u"suratRadio")

        self.headerLayout.addWidget(self.suratRadio)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.draftLabel = QLabel(self.scrollContents)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.headerLayout.addWidget(self.draftLabel)

        self.reprintEdit = QLineEdit(self.scrollContents)
        self.reprintEdit.setObjectName(u"reprintEdit")
        self.reprintEdit.setClearButtonEnabled(True)

        self.headerLayout.addWidget(self.reprintEdit)

        self.reprintButton = QPushButton(self.scrollContents)
        self.reprintButton.setObjectName(u"reprintButton")

        self.headerLayout.addWidget(self.reprintButton)

        self.importButton = QPushButton(self.scrollContents)
        self.importButton.setObjectName(u"importButton")

        self.headerLayout.addWidget(self.importButton)

        self.templateButton = QPushButton(self.scrollContents)
        self.templateButton.setObjectName(u"templateButton")

        self.headerLayout.addWidget(self.templateButton)


        self.contentsLayout.addLayout(self.headerLayout)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 0, 0, 0)
        self.reporterColumn = QVBoxLayout()
        self.reporterColumn.setObjectName(u"reporterColumn")
        self.reporterGroup = QGroupBox(self.scrollContents)
        self.reporterGroup.setObjectName(u"reporterGroup")
        self.reporterLayout = QVBoxLayout(self.reporterGroup)
        self.reporterLayout.setObjectName(u"reporterLayout")
        self.unidentifiedCheck = QCheckBox(self.reporterGroup)
        self.unidentifiedCheck.setObjectName(u"unidentifiedCheck")

        self.reporterLayout.addWidget(self.unidentifiedCheck)

        self.reporterForm = QFormLayout()
        self.reporterForm.setObjectName(u"reporterForm")
        self.reporterForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reporterForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.reporterForm.setVerticalSpacing(4)
        self.nameLabel = QLabel(self.reporterGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.reporterForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameField = QVBoxLayout()
        self.nameField.setSpacing(1)
        self.nameField.setObjectName(u"nameField")
        self.nameEdit = QLineEdit(self.reporterGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)
        self.nameEdit.setClearButtonEnabled(True)

        self.nameField.addWidget(self.nameEdit)

        self.nameError = QLabel(self.reporterGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setVisible(False)
        self.nameError.setWordWrap(True)
        self.nameError.setTextFormat(Qt.TextFormat.PlainText)
        self.nameError.setStyleSheet(u"color: #b3261e;")

        self.nameField.addWidget(self.nameError)


        self.reporterForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameField)

        self.nikLabel = QLabel(self.reporterGroup)
        self.nikLabel.setObjectName(u"nikLabel")

        self.reporterForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nikLabel)

        self.nikField = QVBoxLayout()
        self.nikField.setSpacing(1)
        self.nikField.setObjectName(u"nikField")
        self.nikEdit = QLineEdit(self.reporterGroup)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(20)
        self.nikEdit.setClearButtonEnabled(True)

        self.nikField.addWidget(self.nikEdit)

        self.nikError = QLabel(self.reporterGroup)
        self.nikError.setObjectName(u"nikError")
        self.nikError.setVisible(False)
        self.nikError.setWordWrap(True)
        self.nikError.setTextFormat(Qt.TextFormat.PlainText)
        self.nikError.setStyleSheet(u"color: #b3261e;")

        self.nikField.addWidget(self.nikError)


        self.reporterForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.nikField)

        self.phoneLabel = QLabel(self.reporterGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.reporterForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneField = QVBoxLayout()
        self.phoneField.setSpacing(1)
        self.phoneField.setObjectName(u"phoneField")
        self.phoneEdit = QLineEdit(self.reporterGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(24)
        self.phoneEdit.setClearButtonEnabled(True)

        self.phoneField.addWidget(self.phoneEdit)

        self.phoneError = QLabel(self.reporterGroup)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setVisible(False)
        self.phoneError.setWordWrap(True)
        self.phoneError.setTextFormat(Qt.TextFormat.PlainText)
        self.phoneError.setStyleSheet(u"color: #b3261e;")

        self.phoneField.addWidget(self.phoneError)


        self.reporterForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.phoneField)

        self.emailLabel = QLabel(self.reporterGroup)
        self.emailLabel.setObjectName(u"emailLabel")

        self.reporterForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailField = QVBoxLayout()
        self.emailField.setSpacing(1)
        self.emailField.setObjectName(u"emailField")
        self.emailEdit = QLineEdit(self.reporterGroup)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(254)
        self.emailEdit.setClearButtonEnabled(True)

        self.emailField.addWidget(self.emailEdit)

        self.emailError = QLabel(self.reporterGroup)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setVisible(False)
        self.emailError.setWordWrap(True)
        self.emailError.setTextFormat(Qt.TextFormat.PlainText)
        self.emailError.setStyleSheet(u"color: #b3261e;")

        self.emailField.addWidget(self.emailError)


        self.reporterForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.emailField)

        self.addressLabel = QLabel(self.reporterGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.reporterForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressField = QVBoxLayout()
        self.addressField.setSpacing(1)
        self.addressField.setObjectName(u"addressField")
        self.addressEdit = QLineEdit(self.reporterGroup)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(300)
        self.addressEdit.setClearButtonEnabled(True)

        self.addressField.addWidget(self.addressEdit)

        self.addressError = QLabel(self.reporterGroup)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setVisible(False)
        self.addressError.setWordWrap(True)
        self.addressError.setTextFormat(Qt.TextFormat.PlainText)
        self.addressError.setStyleSheet(u"color: #b3261e;")

        self.addressField.addWidget(self.addressError)


        self.reporterForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.addressField)


        self.reporterLayout.addLayout(self.reporterForm)


        self.reporterColumn.addWidget(self.reporterGroup)

        self.privacyGroup = QGroupBox(self.scrollContents)
        self.privacyGroup.setObjectName(u"privacyGroup")
        self.privacyLayout = QVBoxLayout(self.privacyGroup)
        self.privacyLayout.setSpacing(2)
        self.privacyLayout.setObjectName(u"privacyLayout")
        self.anonymousCheck = QCheckBox(self.privacyGroup)
        self.anonymousCheck.setObjectName(u"anonymousCheck")

        self.privacyLayout.addWidget(self.anonymousCheck)

        self.anonymousHelp = QLabel(self.privacyGroup)
        self.anonymousHelp.setObjectName(u"anonymousHelp")
        self.anonymousHelp.setWordWrap(True)
        self.anonymousHelp.setStyleSheet(u"color: palette(placeholder-text);")
        self.anonymousHelp.setIndent(22)

        self.privacyLayout.addWidget(self.anonymousHelp)

        self.confidentialCheck = QCheckBox(self.privacyGroup)
        self.confidentialCheck.setObjectName(u"confidentialCheck")

        self.privacyLayout.addWidget(self.confidentialCheck)

        self.confidentialHelp = QLabel(self.privacyGroup)
        self.confidentialHelp.setObjectName(u"confidentialHelp")
        self.confidentialHelp.setWordWrap(True)
        self.confidentialHelp.setStyleSheet(u"color: palette(placeholder-text);")
        self.confidentialHelp.setIndent(22)

        self.privacyLayout.addWidget(self.confidentialHelp)


        self.reporterColumn.addWidget(self.privacyGroup)

        self.categoryGroup = QGroupBox(self.scrollContents)
        self.categoryGroup.setObjectName(u"categoryGroup")
        self.categoryLayout = QVBoxLayout(self.categoryGroup)
        self.categoryLayout.setSpacing(2)
        self.categoryLayout.setObjectName(u"categoryLayout")
        self.categoryPicker = CategoryPicker(self.categoryGroup)
        self.categoryPicker.setObjectName(u"categoryPicker")

        self.categoryLayout.addWidget(self.categoryPicker)

        self.categoryError = QLabel(self.categoryGroup)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setVisible(False)
        self.categoryError.setWordWrap(True)
        self.categoryError.setTextFormat(Qt.TextFormat.PlainText)
        self.categoryError.setStyleSheet(u"color: #b3261e;")

        self.categoryLayout.addWidget(self.categoryError)


        self.reporterColumn.addWidget(self.categoryGroup)

        self.reporterColumn.setStretch(2, 1)

        self.columnsLayout.addLayout(self.reporterColumn)

        self.complaintGroup = QGroupBox(self.scrollContents)
        self.complaintGroup.setObjectName(u"complaintGroup")
        self.complaintForm = QGridLayout(self.complaintGroup)
        self.complaintForm.setObjectName(u"complaintForm")
        self.complaintForm.setVerticalSpacing(4)
        self.titleLabel = QLabel(self.complaintGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.complaintForm.addWidget(self.titleLabel, 0, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.titleField = QVBoxLayout()
        self.titleField.setSpacing(1)
        self.titleField.setObjectName(u"titleField")
        self.titleEdit = QLineEdit(self.complaintGroup)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)
        self.titleEdit.setClearButtonEnabled(True)

        self.titleField.addWidget(self.titleEdit)

        self.titleError = QLabel(self.complaintGroup)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setVisible(False)
        self.titleError.setWordWrap(True)
        self.titleError.setTextFormat(Qt.TextFormat.PlainText)
        self.titleError.setStyleSheet(u"color: #b3261e;")

        self.titleField.addWidget(self.titleError)


        self.complaintForm.addLayout(self.titleField, 0, 1, 1, 1)

        self.contentLabel = QLabel(self.complaintGroup)
        self.contentLabel.setObjectName(u"contentLabel")

        self.complaintForm.addWidget(self.contentLabel, 1, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.contentField = QVBoxLayout()
        self.contentField.setSpacing(1)
        self.contentField.setObjectName(u"contentField")
        self.contentEdit = QPlainTextEdit(self.complaintGroup)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setTabChangesFocus(True)
        self.contentEdit.setMinimumSize(QSize(0, 120))
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.contentEdit.sizePolicy().hasHeightForWidth())
        self.contentEdit.setSizePolicy(sizePolicy)

        self.contentField.addWidget(self.contentEdit)

        self.contentCount = QLabel(self.complaintGroup)
        self.contentCount.setObjectName(u"contentCount")
        self.contentCount.setStyleSheet(u"color: palette(placeholder-text);")
        self.contentCount.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.contentField.addWidget(self.contentCount)

        self.contentError = QLabel(self.complaintGroup)
        self.contentError.setObjectName(u"contentError")
        self.contentError.setVisible(False)
        self.contentError.setWordWrap(True)
        self.contentError.setTextFormat(Qt.TextFormat.PlainText)
        self.contentError.setStyleSheet(u"color: #b3261e;")

        self.contentField.addWidget(self.contentError)


        self.complaintForm.addLayout(self.contentField, 1, 1, 1, 1)

        self.classificationLabel = QLabel(self.complaintGroup)
        self.classificationLabel.setObjectName(u"classificationLabel")

        self.complaintForm.addWidget(self.classificationLabel, 2, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.classificationCombo = QComboBox(self.complaintGroup)
        self.classificationCombo.setObjectName(u"classificationCombo")

        self.complaintForm.addWidget(self.classificationCombo, 2, 1, 1, 1)

        self.incidentDateLabel = QLabel(self.complaintGroup)
        self.incidentDateLabel.setObjectName(u"incidentDateLabel")

        self.complaintForm.addWidget(self.incidentDateLabel, 3, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.incidentDateField = QVBoxLayout()
        self.incidentDateField.setSpacing(1)
        self.incidentDateField.setObjectName(u"incidentDateField")
        self.incidentDateEdit = QDateEdit(self.complaintGroup)
        self.incidentDateEdit.setObjectName(u"incidentDateEdit")
        self.incidentDateEdit.setCalendarPopup(True)
        self.incidentDateEdit.setDisplayFormat(u"dd/MM/yyyy")

        self.incidentDateField.addWidget(self.incidentDateEdit)

        self.incidentDateError = QLabel(self.complaintGroup)
        self.incidentDateError.setObjectName(u"incidentDateError")
        self.incidentDateError.setVisible(False)
        self.incidentDateError.setWordWrap(True)
        self.incidentDateError.setTextFormat(Qt.TextFormat.PlainText)
        self.incidentDateError.setStyleSheet(u"color: #b3261e;")

        self.incidentDateField.addWidget(self.incidentDateError)


        self.complaintForm.addLayout(self.incidentDateField, 3, 1, 1, 1)

        self.agencyLabel = QLabel(self.complaintGroup)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.complaintForm.addWidget(self.agencyLabel, 4, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.agencyField = QVBoxLayout()
        self.agencyField.setSpacing(1)
        self.agencyField.setObjectName(u"agencyField")
        self.agencyCombo = QComboBox(self.complaintGroup)
        self.agencyCombo.setObjectName(u"agencyCombo")

        self.agencyField.addWidget(self.agencyCombo)

        self.agencyError = QLabel(self.complaintGroup)
        self.agencyError.setObjectName(u"agencyError")
        self.agencyError.setVisible(False)
        self.agencyError.setWordWrap(True)
        self.agencyError.setTextFormat(Qt.TextFormat.PlainText)
        self.agencyError.setStyleSheet(u"color: #b3261e;")

        self.agencyField.addWidget(self.agencyError)


        self.complaintForm.addLayout(self.agencyField, 4, 1, 1, 1)

        self.unitLabel = QLabel(self.complaintGroup)
        self.unitLabel.setObjectName(u"unitLabel")

        self.complaintForm.addWidget(self.unitLabel, 5, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.unitCombo = QComboBox(self.complaintGroup)
        self.unitCombo.setObjectName(u"unitCombo")

        self.complaintForm.addWidget(self.unitCombo, 5, 1, 1, 1)

        self.complaintForm.setRowStretch(1, 1)

        self.columnsLayout.addWidget(self.complaintGroup)

        self.placeColumn = QVBoxLayout()
        self.placeColumn.setObjectName(u"placeColumn")
        self.locationGroup = QGroupBox(self.scrollContents)
        self.locationGroup.setObjectName(u"locationGroup")
        self.locationLayout = QVBoxLayout(self.locationGroup)
        self.locationLayout.setSpacing(2)
        self.locationLayout.setObjectName(u"locationLayout")
        self.regionPicker = RegionPicker(self.locationGroup)
        self.regionPicker.setObjectName(u"regionPicker")

        self.locationLayout.addWidget(self.regionPicker)

        self.regionError = QLabel(self.locationGroup)
        self.regionError.setObjectName(u"regionError")
        self.regionError.setVisible(False)
        self.regionError.setWordWrap(True)
        self.regionError.setTextFormat(Qt.TextFormat.PlainText)
        self.regionError.setStyleSheet(u"color: #b3261e;")

        self.locationLayout.addWidget(self.regionError)

        self.locationEdit = QLineEdit(self.locationGroup)
        self.locationEdit.setObjectName(u"locationEdit")
        self.locationEdit.setMaxLength(300)
        self.locationEdit.setClearButtonEnabled(True)

        self.locationLayout.addWidget(self.locationEdit)

        self.locationError = QLabel(self.locationGroup)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setVisible(False)
        self.locationError.setWordWrap(True)
        self.locationError.setTextFormat(Qt.TextFormat.PlainText)
        self.locationError.setStyleSheet(u"color: #b3261e;")

        self.locationLayout.addWidget(self.locationError)


        self.placeColumn.addWidget(self.locationGroup)

        self.attachmentGroup = QGroupBox(self.scrollContents)
        self.attachmentGroup.setObjectName(u"attachmentGroup")
        self.attachmentLayout = QVBoxLayout(self.attachmentGroup)
        self.attachmentLayout.setSpacing(2)
        self.attachmentLayout.setObjectName(u"attachmentLayout")
        self.attachmentList = AttachmentList(self.attachmentGroup)
        self.attachmentList.setObjectName(u"attachmentList")
        self.attachmentList.setMinimumSize(QSize(0, 56))
        sizePolicy.setHeightForWidth(self.attachmentList.sizePolicy().hasHeightForWidth())
        self.attachmentList.setSizePolicy(sizePolicy)

        self.attachmentLayout.addWidget(self.attachmentList)

        self.attachmentButtons = QHBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addFileButton = QPushButton(self.attachmentGroup)
        self.addFileButton.setObjectName(u"addFileButton")

        self.attachmentButtons.addWidget(self.addFileButton)

        self.removeFileButton = QPushButton(self.attachmentGroup)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.attachmentButtons.addWidget(self.removeFileButton)

        self.attachmentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentButtons.addItem(self.attachmentSpacer)


        self.attachmentLayout.addLayout(self.attachmentButtons)

        self.attachmentHint = QLabel(self.attachmentGroup)
        self.attachmentHint.setObjectName(u"attachmentHint")
        self.attachmentHint.setWordWrap(True)
        self.attachmentHint.setStyleSheet(u"color: palette(placeholder-text);")

        self.attachmentLayout.addWidget(self.attachmentHint)

        self.attachmentsError = QLabel(self.attachmentGroup)
        self.attachmentsError.setObjectName(u"attachmentsError")
        self.attachmentsError.setVisible(False)
        self.attachmentsError.setWordWrap(True)
        self.attachmentsError.setTextFormat(Qt.TextFormat.PlainText)
        self.attachmentsError.setStyleSheet(u"color: #b3261e;")

        self.attachmentLayout.addWidget(self.attachmentsError)


        self.placeColumn.addWidget(self.attachmentGroup)

        self.placeColumn.setStretch(1, 1)

        self.columnsLayout.addLayout(self.placeColumn)

        self.columnsLayout.setStretch(0, 4)
        self.columnsLayout.setStretch(1, 5)
        self.columnsLayout.setStretch(2, 4)

        self.contentsLayout.addLayout(self.columnsLayout)

        self.contentsLayout.setStretch(1, 1)
        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

        self.duplicatePanel = QFrame(LoketPage)
        self.duplicatePanel.setObjectName(u"duplicatePanel")
        self.duplicatePanel.setVisible(False)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.duplicatePanel.sizePolicy().hasHeightForWidth())
        self.duplicatePanel.setSizePolicy(sizePolicy1)
        self.duplicatePanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicatePanel.setStyleSheet(u"#duplicatePanel { background: #fff4ce; border: 1px solid #e0c060; }")
        self.duplicateLayout = QVBoxLayout(self.duplicatePanel)
        self.duplicateLayout.setSpacing(4)
        self.duplicateLayout.setObjectName(u"duplicateLayout")
        self.duplicateLayout.setContentsMargins(8, 6, 8, 6)
        self.duplicateLabel = QLabel(self.duplicatePanel)
        self.duplicateLabel.setObjectName(u"duplicateLabel")
        self.duplicateLabel.setWordWrap(True)

        self.duplicateLayout.addWidget(self.duplicateLabel)

        self.duplicateList = QListWidget(self.duplicatePanel)
        self.duplicateList.setObjectName(u"duplicateList")
        self.duplicateList.setMaximumSize(QSize(16777215, 84))
        self.duplicateList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.duplicateLayout.addWidget(self.duplicateList)

        self.duplicateButtons = QHBoxLayout()
        self.duplicateButtons.setObjectName(u"duplicateButtons")
        self.duplicateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.duplicateButtons.addItem(self.duplicateSpacer)

        self.duplicateCancelButton = QPushButton(self.duplicatePanel)
        self.duplicateCancelButton.setObjectName(u"duplicateCancelButton")

        self.duplicateButtons.addWidget(self.duplicateCancelButton)

        self.duplicateContinueButton = QPushButton(self.duplicatePanel)
        self.duplicateContinueButton.setObjectName(u"duplicateContinueButton")

        self.duplicateButtons.addWidget(self.duplicateContinueButton)


        self.duplicateLayout.addLayout(self.duplicateButtons)


        self.outerLayout.addWidget(self.duplicatePanel)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.formMessage = QLabel(LoketPage)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)
        self.formMessage.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(1)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.formMessage.sizePolicy().hasHeightForWidth())
        self.formMessage.setSizePolicy(sizePolicy2)

        self.footerLayout.addWidget(self.formMessage)

        self.clearButton = QPushButton(LoketPage)
        self.clearButton.setObjectName(u"clearButton")

        self.footerLayout.addWidget(self.clearButton)

        self.submitButton = QPushButton(LoketPage)
        self.submitButton.setObjectName(u"submitButton")
        self.submitButton.setStyleSheet(u"font-weight: bold; padding: 4px 14px;")

        self.footerLayout.addWidget(self.submitButton)


        self.outerLayout.addLayout(self.footerLayout)

        self.outerLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.nikLabel.setBuddy(self.nikEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.contentLabel.setBuddy(self.contentEdit)
        self.classificationLabel.setBuddy(self.classificationCombo)
        self.incidentDateLabel.setBuddy(self.incidentDateEdit)
        self.agencyLabel.setBuddy(self.agencyCombo)
        self.unitLabel.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.loketRadio, self.suratRadio)
        QWidget.setTabOrder(self.suratRadio, self.unidentifiedCheck)
        QWidget.setTabOrder(self.unidentifiedCheck, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.nikEdit)
        QWidget.setTabOrder(self.nikEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.anonymousCheck)
        QWidget.setTabOrder(self.anonymousCheck, self.confidentialCheck)
        QWidget.setTabOrder(self.confidentialCheck, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.contentEdit)
        QWidget.setTabOrder(self.contentEdit, self.classificationCombo)
        QWidget.setTabOrder(self.classificationCombo, self.incidentDateEdit)
        QWidget.setTabOrder(self.incidentDateEdit, self.agencyCombo)
        QWidget.setTabOrder(self.agencyCombo, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.categoryPicker)
        QWidget.setTabOrder(self.categoryPicker, self.regionPicker)
        QWidget.setTabOrder(self.regionPicker, self.locationEdit)
        QWidget.setTabOrder(self.locationEdit, self.attachmentList)
        QWidget.setTabOrder(self.attachmentList, self.addFileButton)
        QWidget.setTabOrder(self.addFileButton, self.removeFileButton)
        QWidget.setTabOrder(self.removeFileButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.submitButton)
        QWidget.setTabOrder(self.submitButton, self.reprintEdit)
        QWidget.setTabOrder(self.reprintEdit, self.reprintButton)
        QWidget.setTabOrder(self.reprintButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.templateButton)

        self.retranslateUi(LoketPage)

        self.submitButton.setDefault(True)


        QMetaObject.connectSlotsByName(LoketPage)
    # setupUi

    def retranslateUi(self, LoketPage):
        self.headingLabel.setText(QCoreApplication.translate("LoketPage", u"New complaint", None))
        self.channelLabel.setText(QCoreApplication.translate("LoketPage", u"Received by:", None))
        self.loketRadio.setText(QCoreApplication.translate("LoketPage", u"Front desk (in person)", None))
        self.suratRadio.setText(QCoreApplication.translate("LoketPage", u"Letter", None))
        self.reprintEdit.setPlaceholderText(QCoreApplication.translate("LoketPage", u"Complaint number\u2026", None))
        self.reprintButton.setText(QCoreApplication.translate("LoketPage", u"Reprint receipt", None))
        self.importButton.setText(QCoreApplication.translate("LoketPage", u"Import paper log\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("LoketPage", u"Save import template\u2026", None))
        self.reporterGroup.setTitle(QCoreApplication.translate("LoketPage", u"Reporter", None))
        self.unidentifiedCheck.setText(QCoreApplication.translate("LoketPage", u"Reporter does not wish to give their identity", None))
        self.nameLabel.setText(QCoreApplication.translate("LoketPage", u"Name", None))
        self.nikLabel.setText(QCoreApplication.translate("LoketPage", u"NIK", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("LoketPage", u"16 digits", None))
        self.phoneLabel.setText(QCoreApplication.translate("LoketPage", u"Phone", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("LoketPage", u"08\u2026", None))
        self.emailLabel.setText(QCoreApplication.translate("LoketPage", u"Email", None))
        self.addressLabel.setText(QCoreApplication.translate("LoketPage", u"Address", None))
        self.privacyGroup.setTitle(QCoreApplication.translate("LoketPage", u"Privacy", None))
        self.anonymousCheck.setText(QCoreApplication.translate("LoketPage", u"Anonymous", None))
        self.anonymousHelp.setText(QCoreApplication.translate("LoketPage", u"The reporter's identity is hidden from the officers who handle the complaint; only the central admin can see it.", None))
        self.confidentialCheck.setText(QCoreApplication.translate("LoketPage", u"Confidential", None))
        self.confidentialHelp.setText(QCoreApplication.translate("LoketPage", u"The complaint is never shown to the public; the officers who handle it can still read it.", None))
        self.categoryGroup.setTitle(QCoreApplication.translate("LoketPage", u"Category", None))
        self.complaintGroup.setTitle(QCoreApplication.translate("LoketPage", u"Complaint", None))
        self.titleLabel.setText(QCoreApplication.translate("LoketPage", u"Title", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("LoketPage", u"A short summary, at least 5 characters", None))
        self.contentLabel.setText(QCoreApplication.translate("LoketPage", u"Content", None))
        self.contentEdit.setPlaceholderText(QCoreApplication.translate("LoketPage", u"What happened, where and when; what the reporter asks for.", None))
        self.classificationLabel.setText(QCoreApplication.translate("LoketPage", u"Classification", None))
        self.incidentDateLabel.setText(QCoreApplication.translate("LoketPage", u"Incident date", None))
        self.incidentDateEdit.setSpecialValueText(QCoreApplication.translate("LoketPage", u"Unknown", None))
        self.agencyLabel.setText(QCoreApplication.translate("LoketPage", u"Agency", None))
        self.unitLabel.setText(QCoreApplication.translate("LoketPage", u"Unit", None))
        self.locationGroup.setTitle(QCoreApplication.translate("LoketPage", u"Incident location", None))
        self.locationEdit.setPlaceholderText(QCoreApplication.translate("LoketPage", u"Landmark, e.g. in front of the market", None))
        self.attachmentGroup.setTitle(QCoreApplication.translate("LoketPage", u"Attachments", None))
        self.addFileButton.setText(QCoreApplication.translate("LoketPage", u"Add files\u2026", None))
        self.removeFileButton.setText(QCoreApplication.translate("LoketPage", u"Remove", None))
        self.duplicateLabel.setText(QCoreApplication.translate("LoketPage", u"This may already have been reported. Open complaints with the same NIK or phone number, or a similar title:", None))
        self.duplicateCancelButton.setText(QCoreApplication.translate("LoketPage", u"Check first", None))
        self.duplicateContinueButton.setText(QCoreApplication.translate("LoketPage", u"Save anyway", None))
        self.clearButton.setText(QCoreApplication.translate("LoketPage", u"Clear form", None))
        self.submitButton.setText(QCoreApplication.translate("LoketPage", u"Save and print receipt", None))
        pass
    # retranslateUi

