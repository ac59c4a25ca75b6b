# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_reason.ui'
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
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ActionReasonForm(object):
    def setupUi(self, ActionReasonForm):
        if not ActionReasonForm.objectName():
            ActionReasonForm.setObjectName(u"ActionReasonForm")
        ActionReasonForm.resize(520, 260)
        self.reasonLayout = QVBoxLayout(ActionReasonForm)
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.reasonLayout.setContentsMargins(0, 0, 0, 0)
        self.explainLabel = QLabel(ActionReasonForm)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setWordWrap(True)
        self.explainLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.reasonLayout.addWidget(self.explainLabel)

        self.cannedLayout = QHBoxLayout()
        self.cannedLayout.setObjectName(u"cannedLayout")
        self.cannedCaption = QLabel(ActionReasonForm)
        self.cannedCaption.setObjectName(u"cannedCaption")

        self.cannedLayout.addWidget(self.cannedCaption)

        self.cannedCombo = QComboBox(ActionReasonForm)
        self.cannedCombo.setObjectName(u"cannedCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.cannedCombo.sizePolicy().hasHeightForWidth())
        self.cannedCombo.setSizePolicy(sizePolicy)
        self.cannedCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cannedCombo.setMinimumContentsLength(16)

        self.cannedLayout.addWidget(self.cannedCombo)

        self.cannedButton = QPushButton(ActionReasonForm)
        self.cannedButton.setObjectName(u"cannedButton")
        self.cannedButton.setAutoDefault(False)

        self.cannedLayout.addWidget(self.cannedButton)


        self.reasonLayout.addLayout(self.cannedLayout)

        self.textCaption = QLabel(ActionReasonForm)
        self.textCaption.setObjectName(u"textCaption")

        self.reasonLayout.addWidget(self.textCaption)

        self.textEdit = QPlainTextEdit(ActionReasonForm)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)
        self.textEdit.setMinimumSize(QSize(0, 90))

        self.reasonLayout.addWidget(self.textEdit)

#if QT_CONFIG(shortcut)
        self.cannedCaption.setBuddy(self.cannedCombo)
        self.textCaption.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cannedCombo, self.cannedButton)
        QWidget.setTabOrder(self.cannedButton, self.textEdit)

        self.retranslateUi(ActionReasonForm)

        QMetaObject.connectSlotsByName(ActionReasonForm)
    # setupUi

    def retranslateUi(self, ActionReasonForm):
        self.cannedCaption.setText(QCoreApplication.translate("ActionReasonForm", u"Canned reply:", None))
        self.cannedButton.setText(QCoreApplication.translate("ActionReasonForm", u"&Insert", None))
        self.textCaption.setText(QCoreApplication.translate("ActionReasonForm", u"&Reason", None))
        pass
    # retranslateUi

