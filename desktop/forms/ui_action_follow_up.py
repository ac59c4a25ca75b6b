# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_follow_up.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ActionFollowUpForm(object):
    def setupUi(self, ActionFollowUpForm):
        if not ActionFollowUpForm.objectName():
            ActionFollowUpForm.setObjectName(u"ActionFollowUpForm")
        ActionFollowUpForm.resize(640, 420)
        self.followUpLayout = QVBoxLayout(ActionFollowUpForm)
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpLayout.setContentsMargins(0, 0, 0, 0)
        self.visibilityLayout = QHBoxLayout()
        self.visibilityLayout.setObjectName(u"visibilityLayout")
        self.replyRadio = QRadioButton(ActionFollowUpForm)
        self.replyRadio.setObjectName(u"replyRadio")
        self.replyRadio.setChecked(True)

        self.visibilityLayout.addWidget(self.replyRadio)

        self.internalRadio = QRadioButton(ActionFollowUpForm)
        self.internalRadio.setObjectName(u"internalRadio")

        self.visibilityLayout.addWidget(self.internalRadio)

        self.visibilitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visibilityLayout.addItem(self.visibilitySpacer)


        self.followUpLayout.addLayout(self.visibilityLayout)

        self.cannedLayout = QHBoxLayout()
        self.cannedLayout.setObjectName(u"cannedLayout")
        self.cannedCaption = QLabel(ActionFollowUpForm)
        self.cannedCaption.setObjectName(u"cannedCaption")

        self.cannedLayout.addWidget(self.cannedCaption)

        self.cannedCombo = QComboBox(ActionFollowUpForm)
        self.cannedCombo.setObjectName(u"cannedCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.cannedCombo.sizePolicy().hasHeightForWidth())
        self.cannedCombo.setSizePolicy(sizePolicy)
        self.cannedCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cannedCombo.setMinimumContentsLength(16)

        self.cannedLayout.addWidget(self.cannedCombo)

        self.cannedButton = QPushButton(ActionFollowUpForm)
        self.cannedButton.setObjectName(u"cannedButton")
        self.cannedButton.setAutoDefault(False)

        self.cannedLayout.addWidget(self.cannedButton)


        self.followUpLayout.addLayout(self.cannedLayout)

        self.textCaption = QLabel(ActionFollowUpForm)
        self.textCaption.setObjectName(u"textCaption")

        self.followUpLayout.addWidget(self.textCaption)

        self.textEdit = QPlainTextEdit(ActionFollowUpForm)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)
        self.textEdit.setMinimumSize(QSize(0, 110))

        self.followUpLayout.addWidget(self.textEdit)

        self.attachmentsCaption = QLabel(ActionFollowUpForm)
        self.attachmentsCaption.setObjectName(u"attachmentsCaption")

        self.followUpLayout.addWidget(self.attachmentsCaption)

        self.attachmentsLayout = QHBoxLayout()
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsList = QListWidget(ActionFollowUpForm)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 72))

        self.attachmentsLayout.addWidget(self.attachmentsList)

        self.attachmentButtons = QVBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addFileButton = QPushButton(ActionFollowUpForm)
        self.addFileButton.setObjectName(u"addFileButton")
        self.addFileButton.setAutoDefault(False)

        self.attachmentButtons.addWidget(self.addFileButton)

        self.removeFileButton = QPushButton(ActionFollowUpForm)
        self.removeFileButton.setObjectName(u"removeFileButton")
        self.removeFileButton.setAutoDefault(False)

        self.attachmentButtons.addWidget(self.removeFileButton)

        self.attachmentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.attachmentButtons.addItem(self.attachmentSpacer)


        self.attachmentsLayout.addLayout(self.attachmentButtons)


        self.followUpLayout.addLayout(self.attachmentsLayout)

        self.draftLabel = QLabel(ActionFollowUpForm)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.followUpLayout.addWidget(self.draftLabel)

#if QT_CONFIG(shortcut)
        self.cannedCaption.setBuddy(self.cannedCombo)
        self.textCaption.setBuddy(self.textEdit)
        self.attachmentsCaption.setBuddy(self.attachmentsList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.replyRadio, self.internalRadio)
        QWidget.setTabOrder(self.internalRadio, self.cannedCombo)
        QWidget.setTabOrder(self.cannedCombo, self.cannedButton)
        QWidget.setTabOrder(self.cannedButton, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.attachmentsList)
        QWidget.setTabOrder(self.attachmentsList, self.addFileButton)
        QWidget.setTabOrder(self.addFileButton, self.removeFileButton)

        self.retranslateUi(ActionFollowUpForm)

        QMetaObject.connectSlotsByName(ActionFollowUpForm)
    # setupUi

    def retranslateUi(self, ActionFollowUpForm):
        self.replyRadio.setText(QCoreApplication.translate("ActionFollowUpForm", u"&Reply to the reporter", None))
        self.internalRadio.setText(QCoreApplication.translate("ActionFollowUpForm", u"Internal &note (officers only)", None))
        self.cannedCaption.setText(QCoreApplication.translate("ActionFollowUpForm", u"Canned reply:", None))
        self.cannedButton.setText(QCoreApplication.translate("ActionFollowUpForm", u"&Insert", None))
        self.textCaption.setText(QCoreApplication.translate("ActionFollowUpForm", u"Follow-up &text", None))
        self.attachmentsCaption.setText(QCoreApplication.translate("ActionFollowUpForm", u"Attac&hments", None))
        self.addFileButton.setText(QCoreApplication.translate("ActionFollowUpForm", u"&Add file\u2026", None))
        self.removeFileButton.setText(QCoreApplication.translate("ActionFollowUpForm", u"Remo&ve", None))
        pass
    # retranslateUi

