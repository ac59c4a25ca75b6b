# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_not_authority.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QLabel, QPlainTextEdit, QRadioButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ActionNotAuthorityForm(object):
    def setupUi(self, ActionNotAuthorityForm):
        if not ActionNotAuthorityForm.objectName():
            ActionNotAuthorityForm.setObjectName(u"ActionNotAuthorityForm")
        ActionNotAuthorityForm.resize(560, 320)
        self.notAuthorityLayout = QVBoxLayout(ActionNotAuthorityForm)
        self.notAuthorityLayout.setObjectName(u"notAuthorityLayout")
        self.notAuthorityLayout.setContentsMargins(0, 0, 0, 0)
        self.reasonCaption = QLabel(ActionNotAuthorityForm)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.notAuthorityLayout.addWidget(self.reasonCaption)

        self.reasonEdit = QPlainTextEdit(ActionNotAuthorityForm)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMinimumSize(QSize(0, 80))

        self.notAuthorityLayout.addWidget(self.reasonEdit)

        self.routeGroup = QGroupBox(ActionNotAuthorityForm)
        self.routeGroup.setObjectName(u"routeGroup")
        self.routeLayout = QGridLayout(self.routeGroup)
        self.routeLayout.setObjectName(u"routeLayout")
        self.returnRadio = QRadioButton(self.routeGroup)
        self.returnRadio.setObjectName(u"returnRadio")
        self.returnRadio.setChecked(True)

        self.routeLayout.addWidget(self.returnRadio, 0, 0, 1, 2)

        self.suggestCaption = QLabel(self.routeGroup)
        self.suggestCaption.setObjectName(u"suggestCaption")
        self.suggestCaption.setIndent(24)

        self.routeLayout.addWidget(self.suggestCaption, 1, 0, 1, 1)

        self.suggestCombo = QComboBox(self.routeGroup)
        self.suggestCombo.setObjectName(u"suggestCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.suggestCombo.sizePolicy().hasHeightForWidth())
        self.suggestCombo.setSizePolicy(sizePolicy)
        self.suggestCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.suggestCombo.setMinimumContentsLength(20)

        self.routeLayout.addWidget(self.suggestCombo, 1, 1, 1, 1)

        self.rerouteRadio = QRadioButton(self.routeGroup)
        self.rerouteRadio.setObjectName(u"rerouteRadio")

        self.routeLayout.addWidget(self.rerouteRadio, 2, 0, 1, 2)

        self.targetCaption = QLabel(self.routeGroup)
        self.targetCaption.setObjectName(u"targetCaption")
        self.targetCaption.setIndent(24)

        self.routeLayout.addWidget(self.targetCaption, 3, 0, 1, 1)

        self.targetCombo = QComboBox(self.routeGroup)
        self.targetCombo.setObjectName(u"targetCombo")
        sizePolicy.setHeightForWidth(self.targetCombo.sizePolicy().hasHeightForWidth())
        self.targetCombo.setSizePolicy(sizePolicy)
        self.targetCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.targetCombo.setMinimumContentsLength(20)

        self.routeLayout.addWidget(self.targetCombo, 3, 1, 1, 1)


        self.notAuthorityLayout.addWidget(self.routeGroup)

#if QT_CONFIG(shortcut)
        self.reasonCaption.setBuddy(self.reasonEdit)
        self.suggestCaption.setBuddy(self.suggestCombo)
        self.targetCaption.setBuddy(self.targetCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonEdit, self.returnRadio)
        QWidget.setTabOrder(self.returnRadio, self.suggestCombo)
        QWidget.setTabOrder(self.suggestCombo, self.rerouteRadio)
        QWidget.setTabOrder(self.rerouteRadio, self.targetCombo)

        self.retranslateUi(ActionNotAuthorityForm)

        QMetaObject.connectSlotsByName(ActionNotAuthorityForm)
    # setupUi

    def retranslateUi(self, ActionNotAuthorityForm):
        self.reasonCaption.setText(QCoreApplication.translate("ActionNotAuthorityForm", u"&Reason it is not this agency's authority", None))
        self.routeGroup.setTitle(QCoreApplication.translate("ActionNotAuthorityForm", u"Then", None))
        self.returnRadio.setText(QCoreApplication.translate("ActionNotAuthorityForm", u"Return to the &central admin (LAPOR! coordinator)", None))
        self.suggestCaption.setText(QCoreApplication.translate("ActionNotAuthorityForm", u"&Suggested agency", None))
        self.rerouteRadio.setText(QCoreApplication.translate("ActionNotAuthorityForm", u"Route &directly to another agency", None))
        self.targetCaption.setText(QCoreApplication.translate("ActionNotAuthorityForm", u"&Target agency", None))
        pass
    # retranslateUi

