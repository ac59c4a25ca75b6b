# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_verify.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ActionVerifyForm(object):
    def setupUi(self, ActionVerifyForm):
        if not ActionVerifyForm.objectName():
            ActionVerifyForm.setObjectName(u"ActionVerifyForm")
        ActionVerifyForm.resize(560, 360)
        self.verifyLayout = QFormLayout(ActionVerifyForm)
        self.verifyLayout.setObjectName(u"verifyLayout")
        self.verifyLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.verifyLayout.setContentsMargins(0, 0, 0, 0)
        self.titleCaption = QLabel(ActionVerifyForm)
        self.titleCaption.setObjectName(u"titleCaption")

        self.verifyLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titleEdit = QLineEdit(ActionVerifyForm)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.verifyLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.classificationCaption = QLabel(ActionVerifyForm)
        self.classificationCaption.setObjectName(u"classificationCaption")

        self.verifyLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.classificationCaption)

        self.classificationCombo = QComboBox(ActionVerifyForm)
        self.classificationCombo.setObjectName(u"classificationCombo")

        self.verifyLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.classificationCombo)

        self.categoryCaption = QLabel(ActionVerifyForm)
        self.categoryCaption.setObjectName(u"categoryCaption")

        self.verifyLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoryCaption)

        self.categoryCombo = QComboBox(ActionVerifyForm)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(24)
        self.categoryCombo.setMaxVisibleItems(16)

        self.verifyLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.privacyCaption = QLabel(ActionVerifyForm)
        self.privacyCaption.setObjectName(u"privacyCaption")

        self.verifyLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.privacyCaption)

        self.privacyLayout = QVBoxLayout()
        self.privacyLayout.setObjectName(u"privacyLayout")
        self.confidentialCheck = QCheckBox(ActionVerifyForm)
        self.confidentialCheck.setObjectName(u"confidentialCheck")

        self.privacyLayout.addWidget(self.confidentialCheck)

        self.anonymousCheck = QCheckBox(ActionVerifyForm)
        self.anonymousCheck.setObjectName(u"anonymousCheck")

        self.privacyLayout.addWidget(self.anonymousCheck)


        self.verifyLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.privacyLayout)

        self.tagsCaption = QLabel(ActionVerifyForm)
        self.tagsCaption.setObjectName(u"tagsCaption")

        self.verifyLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.tagsCaption)

        self.tagsEdit = QLineEdit(ActionVerifyForm)
        self.tagsEdit.setObjectName(u"tagsEdit")

        self.verifyLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.tagsEdit)

        self.noteCaption = QLabel(ActionVerifyForm)
        self.noteCaption.setObjectName(u"noteCaption")

        self.verifyLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteCaption)

        self.noteEdit = QPlainTextEdit(ActionVerifyForm)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 80))

        self.verifyLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.noteEdit)

#if QT_CONFIG(shortcut)
        self.titleCaption.setBuddy(self.titleEdit)
        self.classificationCaption.setBuddy(self.classificationCombo)
        self.categoryCaption.setBuddy(self.categoryCombo)
        self.tagsCaption.setBuddy(self.tagsEdit)
        self.noteCaption.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.classificationCombo)
        QWidget.setTabOrder(self.classificationCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.confidentialCheck)
        QWidget.setTabOrder(self.confidentialCheck, self.anonymousCheck)
        QWidget.setTabOrder(self.anonymousCheck, self.tagsEdit)
        QWidget.setTabOrder(self.tagsEdit, self.noteEdit)

        self.retranslateUi(ActionVerifyForm)

        QMetaObject.connectSlotsByName(ActionVerifyForm)
    # setupUi

    def retranslateUi(self, ActionVerifyForm):
        self.titleCaption.setText(QCoreApplication.translate("ActionVerifyForm", u"&Title", None))
        self.classificationCaption.setText(QCoreApplication.translate("ActionVerifyForm", u"C&lassification", None))
        self.categoryCaption.setText(QCoreApplication.translate("ActionVerifyForm", u"&Category", None))
        self.privacyCaption.setText(QCoreApplication.translate("ActionVerifyForm", u"Privacy", None))
        self.confidentialCheck.setText(QCoreApplication.translate("ActionVerifyForm", u"C&onfidential: not visible to the public", None))
        self.anonymousCheck.setText(QCoreApplication.translate("ActionVerifyForm", u"&Anonymous: hide the reporter's identity from agencies", None))
        self.tagsCaption.setText(QCoreApplication.translate("ActionVerifyForm", u"Ta&gs", None))
        self.tagsEdit.setPlaceholderText(QCoreApplication.translate("ActionVerifyForm", u"Separate with commas, e.g. road, flood", None))
        self.noteCaption.setText(QCoreApplication.translate("ActionVerifyForm", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ActionVerifyForm", u"Optional", None))
        pass
    # retranslateUi

