# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_reopen.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateEdit, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionReopenForm(object):
    def setupUi(self, ActionReopenForm):
        if not ActionReopenForm.objectName():
            ActionReopenForm.setObjectName(u"ActionReopenForm")
        ActionReopenForm.resize(560, 380)
        self.reopenLayout = QVBoxLayout(ActionReopenForm)
        self.reopenLayout.setObjectName(u"reopenLayout")
        self.reopenLayout.setContentsMargins(0, 0, 0, 0)
        self.reasonCaption = QLabel(ActionReopenForm)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.reopenLayout.addWidget(self.reasonCaption)

        self.reasonEdit = QPlainTextEdit(ActionReopenForm)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMinimumSize(QSize(0, 70))

        self.reopenLayout.addWidget(self.reasonEdit)

        self.unitsCaption = QLabel(ActionReopenForm)
        self.unitsCaption.setObjectName(u"unitsCaption")

        self.reopenLayout.addWidget(self.unitsCaption)

        self.unitsList = QListWidget(ActionReopenForm)
        self.unitsList.setObjectName(u"unitsList")
        self.unitsList.setMinimumSize(QSize(0, 80))

        self.reopenLayout.addWidget(self.unitsList)

        self.dueLayout = QHBoxLayout()
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueCheck = QCheckBox(ActionReopenForm)
        self.dueCheck.setObjectName(u"dueCheck")

        self.dueLayout.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(ActionReopenForm)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setEnabled(False)
        self.dueEdit.setCalendarPopup(True)
        self.dueEdit.setDisplayFormat(u"dd/MM/yyyy")

        self.dueLayout.addWidget(self.dueEdit)

        self.dueSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueLayout.addItem(self.dueSpacer)


        self.reopenLayout.addLayout(self.dueLayout)

        self.dueInfoLabel = QLabel(ActionReopenForm)
        self.dueInfoLabel.setObjectName(u"dueInfoLabel")
        self.dueInfoLabel.setWordWrap(True)
        self.dueInfoLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.reopenLayout.addWidget(self.dueInfoLabel)

#if QT_CONFIG(shortcut)
        self.reasonCaption.setBuddy(self.reasonEdit)
        self.unitsCaption.setBuddy(self.unitsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionReopenForm)

        QMetaObject.connectSlotsByName(ActionReopenForm)
    # setupUi

    def retranslateUi(self, ActionReopenForm):
        self.reasonCaption.setText(QCoreApplication.translate("ActionReopenForm", u"&Reason for reopening", None))
        self.unitsCaption.setText(QCoreApplication.translate("ActionReopenForm", u"Forward to &units", None))
        self.dueCheck.setText(QCoreApplication.translate("ActionReopenForm", u"Set the &deadline myself:", None))
        pass
    # retranslateUi

