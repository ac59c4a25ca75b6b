# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_duplicate.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ActionDuplicateForm(object):
    def setupUi(self, ActionDuplicateForm):
        if not ActionDuplicateForm.objectName():
            ActionDuplicateForm.setObjectName(u"ActionDuplicateForm")
        ActionDuplicateForm.resize(600, 320)
        self.duplicateLayout = QVBoxLayout(ActionDuplicateForm)
        self.duplicateLayout.setObjectName(u"duplicateLayout")
        self.duplicateLayout.setContentsMargins(0, 0, 0, 0)
        self.explainLabel = QLabel(ActionDuplicateForm)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setWordWrap(True)

        self.duplicateLayout.addWidget(self.explainLabel)

        self.originalCaption = QLabel(ActionDuplicateForm)
        self.originalCaption.setObjectName(u"originalCaption")

        self.duplicateLayout.addWidget(self.originalCaption)

        self.originalList = QListWidget(ActionDuplicateForm)
        self.originalList.setObjectName(u"originalList")
        self.originalList.setMinimumSize(QSize(0, 110))

        self.duplicateLayout.addWidget(self.originalList)

        self.noteCaption = QLabel(ActionDuplicateForm)
        self.noteCaption.setObjectName(u"noteCaption")

        self.duplicateLayout.addWidget(self.noteCaption)

        self.noteEdit = QPlainTextEdit(ActionDuplicateForm)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 70))

        self.duplicateLayout.addWidget(self.noteEdit)

#if QT_CONFIG(shortcut)
        self.originalCaption.setBuddy(self.originalList)
        self.noteCaption.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionDuplicateForm)

        QMetaObject.connectSlotsByName(ActionDuplicateForm)
    # setupUi

    def retranslateUi(self, ActionDuplicateForm):
        self.explainLabel.setText(QCoreApplication.translate("ActionDuplicateForm", u"This complaint is marked as a duplicate of the complaint chosen below. Both keep their own history; each records the link to the other.", None))
        self.originalCaption.setText(QCoreApplication.translate("ActionDuplicateForm", u"&Original complaint", None))
        self.noteCaption.setText(QCoreApplication.translate("ActionDuplicateForm", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ActionDuplicateForm", u"Optional", None))
        pass
    # retranslateUi

