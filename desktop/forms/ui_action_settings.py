# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_settings.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_ActionSettingsForm(object):
    def setupUi(self, ActionSettingsForm):
        if not ActionSettingsForm.objectName():
            ActionSettingsForm.setObjectName(u"ActionSettingsForm")
        ActionSettingsForm.resize(720, 440)
        self.settingsLayout = QVBoxLayout(ActionSettingsForm)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(ActionSettingsForm)
        self.tabs.setObjectName(u"tabs")
        self.repliesTab = QWidget()
        self.repliesTab.setObjectName(u"repliesTab")
        self.repliesLayout = QHBoxLayout(self.repliesTab)
        self.repliesLayout.setObjectName(u"repliesLayout")
        self.replyListLayout = QVBoxLayout()
        self.replyListLayout.setObjectName(u"replyListLayout")
        self.replyList = QListWidget(self.repliesTab)
        self.replyList.setObjectName(u"replyList")
        self.replyList.setMinimumSize(QSize(190, 0))
        self.replyList.setMaximumSize(QSize(240, 16777215))

        self.replyListLayout.addWidget(self.replyList)

        self.replyButtons = QHBoxLayout()
        self.replyButtons.setObjectName(u"replyButtons")
        self.addReplyButton = QPushButton(self.repliesTab)
        self.addReplyButton.setObjectName(u"addReplyButton")
        self.addReplyButton.setAutoDefault(False)

        self.replyButtons.addWidget(self.addReplyButton)

        self.removeReplyButton = QPushButton(self.repliesTab)
        self.removeReplyButton.setObjectName(u"removeReplyButton")
        self.removeReplyButton.setAutoDefault(False)

        self.replyButtons.addWidget(self.removeReplyButton)


        self.replyListLayout.addLayout(self.replyButtons)


        self.repliesLayout.addLayout(self.replyListLayout)

        self.replyForm = QFormLayout()
        self.replyForm.setObjectName(u"replyForm")
        self.replyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.replyTitleCaption = QLabel(self.repliesTab)
        self.replyTitleCaption.setObjectName(u"replyTitleCaption")

        self.replyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.replyTitleCaption)

        self.replyTitleEdit = QLineEdit(self.repliesTab)
        self.replyTitleEdit.setObjectName(u"replyTitleEdit")
        self.replyTitleEdit.setMaxLength(80)

        self.replyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.replyTitleEdit)

        self.replyBodyCaption = QLabel(self.repliesTab)
        self.replyBodyCaption.setObjectName(u"replyBodyCaption")

        self.replyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.replyBodyCaption)

        self.replyBodyEdit = QPlainTextEdit(self.repliesTab)
        self.replyBodyEdit.setObjectName(u"replyBodyEdit")
        self.replyBodyEdit.setTabChangesFocus(True)

        self.replyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.replyBodyEdit)

        self.replyKindsCaption = QLabel(self.repliesTab)
        self.replyKindsCaption.setObjectName(u"replyKindsCaption")

        self.replyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.replyKindsCaption)

        self.replyKindsLayout = QHBoxLayout()
        self.replyKindsLayout.setObjectName(u"replyKindsLayout")
        self.forFollowUpCheck = QCheckBox(self.repliesTab)
        self.forFollowUpCheck.setObjectName(u"forFollowUpCheck")

        self.replyKindsLayout.addWidget(self.forFollowUpCheck)

        self.forClarificationCheck = QCheckBox(self.repliesTab)
        self.forClarificationCheck.setObjectName(u"forClarificationCheck")

        self.replyKindsLayout.addWidget(self.forClarificationCheck)

        self.replyKindsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.replyKindsLayout.addItem(self.replyKindsSpacer)


        self.replyForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.replyKindsLayout)

        self.placeholderHelp = QLabel(self.repliesTab)
        self.placeholderHelp.setObjectName(u"placeholderHelp")
        self.placeholderHelp.setWordWrap(True)
        self.placeholderHelp.setTextFormat(Qt.TextFormat.RichText)
        self.placeholderHelp.setStyleSheet(u"color: palette(placeholder-text);")

        self.replyForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.placeholderHelp)


        self.repliesLayout.addLayout(self.replyForm)

        self.tabs.addTab(self.repliesTab, "")
        self.instructionsTab = QWidget()
        self.instructionsTab.setObjectName(u"instructionsTab")
        self.instructionsLayout = QVBoxLayout(self.instructionsTab)
        self.instructionsLayout.setObjectName(u"instructionsLayout")
        self.instructionsHelp = QLabel(self.instructionsTab)
        self.instructionsHelp.setObjectName(u"instructionsHelp")
        self.instructionsHelp.setWordWrap(True)

        self.instructionsLayout.addWidget(self.instructionsHelp)

        self.instructionsEdit = QPlainTextEdit(self.instructionsTab)
        self.instructionsEdit.setObjectName(u"instructionsEdit")
        self.instructionsEdit.setTabChangesFocus(True)

        self.instructionsLayout.addWidget(self.instructionsEdit)

        self.tabs.addTab(self.instructionsTab, "")
        self.officerTab = QWidget()
        self.officerTab.setObjectName(u"officerTab")
        self.officerLayout = QFormLayout(self.officerTab)
        self.officerLayout.setObjectName(u"officerLayout")
        self.officerLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.officerHelp = QLabel(self.officerTab)
        self.officerHelp.setObjectName(u"officerHelp")
        self.officerHelp.setWordWrap(True)

        self.officerLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.officerHelp)

        self.officerNameCaption = QLabel(self.officerTab)
        self.officerNameCaption.setObjectName(u"officerNameCaption")

        self.officerLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officerNameCaption)

        self.officerNameEdit = QLineEdit(self.officerTab)
        self.officerNameEdit.setObjectName(u"officerNameEdit")

        self.officerLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.officerNameEdit)

        self.officerUserCaption = QLabel(self.officerTab)
        self.officerUserCaption.setObjectName(u"officerUserCaption")

        self.officerLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officerUserCaption)

        self.officerUserEdit = QLineEdit(self.officerTab)
        self.officerUserEdit.setObjectName(u"officerUserEdit")

        self.officerLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officerUserEdit)

        self.officerRoleCaption = QLabel(self.officerTab)
        self.officerRoleCaption.setObjectName(u"officerRoleCaption")

        self.officerLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officerRoleCaption)

        self.officerRoleCombo = QComboBox(self.officerTab)
        self.officerRoleCombo.setObjectName(u"officerRoleCombo")

        self.officerLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officerRoleCombo)

        self.officerAgencyCaption = QLabel(self.officerTab)
        self.officerAgencyCaption.setObjectName(u"officerAgencyCaption")

        self.officerLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.officerAgencyCaption)

        self.officerAgencyCombo = QComboBox(self.officerTab)
        self.officerAgencyCombo.setObjectName(u"officerAgencyCombo")

        self.officerLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.officerAgencyCombo)

        self.officerUnitCaption = QLabel(self.officerTab)
        self.officerUnitCaption.setObjectName(u"officerUnitCaption")

        self.officerLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.officerUnitCaption)

        self.officerUnitCombo = QComboBox(self.officerTab)
        self.officerUnitCombo.setObjectName(u"officerUnitCombo")

        self.officerLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.officerUnitCombo)

        self.tabs.addTab(self.officerTab, "")

        self.settingsLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.replyTitleCaption.setBuddy(self.replyTitleEdit)
        self.replyBodyCaption.setBuddy(self.replyBodyEdit)
        self.officerNameCaption.setBuddy(self.officerNameEdit)
        self.officerUserCaption.setBuddy(self.officerUserEdit)
        self.officerRoleCaption.setBuddy(self.officerRoleCombo)
        self.officerAgencyCaption.setBuddy(self.officerAgencyCombo)
        self.officerUnitCaption.setBuddy(self.officerUnitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionSettingsForm)

        QMetaObject.connectSlotsByName(ActionSettingsForm)
    # setupUi

    def retranslateUi(self, ActionSettingsForm):
        self.addReplyButton.setText(QCoreApplication.translate("ActionSettingsForm", u"&Add", None))
        self.removeReplyButton.setText(QCoreApplication.translate("ActionSettingsForm", u"&Delete", None))
        self.replyTitleCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"&Title", None))
        self.replyBodyCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"T&ext", None))
        self.replyKindsCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"Use in", None))
        self.forFollowUpCheck.setText(QCoreApplication.translate("ActionSettingsForm", u"&Follow-up", None))
        self.forClarificationCheck.setText(QCoreApplication.translate("ActionSettingsForm", u"&Clarification request", None))
        self.tabs.setTabText(self.tabs.indexOf(self.repliesTab), QCoreApplication.translate("ActionSettingsForm", u"Canned replies", None))
        self.instructionsHelp.setText(QCoreApplication.translate("ActionSettingsForm", u"The checklist offered in the Disposition dialog and printed on the disposition sheet, one instruction per line.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.instructionsTab), QCoreApplication.translate("ActionSettingsForm", u"Disposition instructions", None))
        self.officerHelp.setText(QCoreApplication.translate("ActionSettingsForm", u"Who acts on this desk while nobody is signed in to the central server. After signing in, the signed-in account is used; the server checks every action again.", None))
        self.officerNameCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"&Name", None))
        self.officerUserCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"&Username", None))
        self.officerRoleCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"&Role", None))
        self.officerAgencyCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"A&gency", None))
        self.officerUnitCaption.setText(QCoreApplication.translate("ActionSettingsForm", u"U&nit", None))
        self.tabs.setTabText(self.tabs.indexOf(self.officerTab), QCoreApplication.translate("ActionSettingsForm", u"Local officer", None))
        pass
    # retranslateUi

