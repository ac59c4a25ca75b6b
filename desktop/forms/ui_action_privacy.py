# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_privacy.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ActionPrivacyForm(object):
    def setupUi(self, ActionPrivacyForm):
        if not ActionPrivacyForm.objectName():
            ActionPrivacyForm.setObjectName(u"ActionPrivacyForm")
        ActionPrivacyForm.resize(520, 240)
        self.privacyLayout = QVBoxLayout(ActionPrivacyForm)
        self.privacyLayout.setObjectName(u"privacyLayout")
        self.privacyLayout.setContentsMargins(0, 0, 0, 0)
        self.confidentialCheck = QCheckBox(ActionPrivacyForm)
        self.confidentialCheck.setObjectName(u"confidentialCheck")

        self.privacyLayout.addWidget(self.confidentialCheck)

        self.anonymousCheck = QCheckBox(ActionPrivacyForm)
        self.anonymousCheck.setObjectName(u"anonymousCheck")

        self.privacyLayout.addWidget(self.anonymousCheck)

        self.noteCaption = QLabel(ActionPrivacyForm)
        self.noteCaption.setObjectName(u"noteCaption")

        self.privacyLayout.addWidget(self.noteCaption)

        self.noteEdit = QPlainTextEdit(ActionPrivacyForm)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 80))

        self.privacyLayout.addWidget(self.noteEdit)

#if QT_CONFIG(shortcut)
        self.noteCaption.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionPrivacyForm)

        QMetaObject.connectSlotsByName(ActionPrivacyForm)
    # setupUi

    def retranslateUi(self, ActionPrivacyForm):
        self.confidentialCheck.setText(QCoreApplication.translate("ActionPrivacyForm", u"C&onfidential: not visible to the public", None))
        self.anonymousCheck.setText(QCoreApplication.translate("ActionPrivacyForm", u"&Anonymous: hide the reporter's identity from agencies", None))
        self.noteCaption.setText(QCoreApplication.translate("ActionPrivacyForm", u"&Reason for the change", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ActionPrivacyForm", u"Optional", None))
        pass
    # retranslateUi

