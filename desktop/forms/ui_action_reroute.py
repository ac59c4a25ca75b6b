# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_reroute.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QWidget)

class Ui_ActionRerouteForm(object):
    def setupUi(self, ActionRerouteForm):
        if not ActionRerouteForm.objectName():
            ActionRerouteForm.setObjectName(u"ActionRerouteForm")
        ActionRerouteForm.resize(520, 240)
        self.rerouteLayout = QFormLayout(ActionRerouteForm)
        self.rerouteLayout.setObjectName(u"rerouteLayout")
        self.rerouteLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rerouteLayout.setContentsMargins(0, 0, 0, 0)
        self.suggestionLabel = QLabel(ActionRerouteForm)
        self.suggestionLabel.setObjectName(u"suggestionLabel")
        self.suggestionLabel.setWordWrap(True)

        self.rerouteLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.suggestionLabel)

        self.agencyCaption = QLabel(ActionRerouteForm)
        self.agencyCaption.setObjectName(u"agencyCaption")

        self.rerouteLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agencyCaption)

        self.agencyCombo = QComboBox(ActionRerouteForm)
        self.agencyCombo.setObjectName(u"agencyCombo")
        self.agencyCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agencyCombo.setMinimumContentsLength(24)

        self.rerouteLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyCombo)

        self.reasonCaption = QLabel(ActionRerouteForm)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.rerouteLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonEdit = QPlainTextEdit(ActionRerouteForm)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMinimumSize(QSize(0, 70))

        self.rerouteLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

#if QT_CONFIG(shortcut)
        self.agencyCaption.setBuddy(self.agencyCombo)
        self.reasonCaption.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionRerouteForm)

        QMetaObject.connectSlotsByName(ActionRerouteForm)
    # setupUi

    def retranslateUi(self, ActionRerouteForm):
        self.agencyCaption.setText(QCoreApplication.translate("ActionRerouteForm", u"&Target agency", None))
        self.reasonCaption.setText(QCoreApplication.translate("ActionRerouteForm", u"&Reason", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ActionRerouteForm", u"Optional", None))
        pass
    # retranslateUi

