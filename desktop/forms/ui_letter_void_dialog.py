# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letter_void_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_LetterVoidDialog(object):
    def setupUi(self, LetterVoidDialog):
        if not LetterVoidDialog.objectName():
            LetterVoidDialog.setObjectName(u"LetterVoidDialog")
        LetterVoidDialog.resize(460, 280)
        self.voidLayout = QVBoxLayout(LetterVoidDialog)
        self.voidLayout.setObjectName(u"voidLayout")
        self.introLabel = QLabel(LetterVoidDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.introLabel.setWordWrap(True)

        self.voidLayout.addWidget(self.introLabel)

        self.reasonLabel = QLabel(LetterVoidDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setWordWrap(True)

        self.voidLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(LetterVoidDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.voidLayout.addWidget(self.reasonEdit)

        self.errorLabel = QLabel(LetterVoidDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.voidLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(LetterVoidDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.voidLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LetterVoidDialog)

        QMetaObject.connectSlotsByName(LetterVoidDialog)
    # setupUi

    def retranslateUi(self, LetterVoidDialog):
        LetterVoidDialog.setWindowTitle(QCoreApplication.translate("LetterVoidDialog", u"Void letter", None))
        self.reasonLabel.setText(QCoreApplication.translate("LetterVoidDialog", u"&Reason (recorded in the history and sent to the server)", None))
    # retranslateUi

