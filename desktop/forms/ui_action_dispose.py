# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dispose.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDateEdit, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ActionDisposeForm(object):
    def setupUi(self, ActionDisposeForm):
        if not ActionDisposeForm.objectName():
            ActionDisposeForm.setObjectName(u"ActionDisposeForm")
        ActionDisposeForm.resize(760, 420)
        self.disposeLayout = QHBoxLayout(ActionDisposeForm)
        self.disposeLayout.setSpacing(16)
        self.disposeLayout.setObjectName(u"disposeLayout")
        self.disposeLayout.setContentsMargins(0, 0, 0, 0)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.unitsCaption = QLabel(ActionDisposeForm)
        self.unitsCaption.setObjectName(u"unitsCaption")

        self.leftColumn.addWidget(self.unitsCaption)

        self.unitsList = QListWidget(ActionDisposeForm)
        self.unitsList.setObjectName(u"unitsList")
        self.unitsList.setMinimumSize(QSize(0, 96))
        self.unitsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.leftColumn.addWidget(self.unitsList)

        self.sifatGroup = QGroupBox(ActionDisposeForm)
        self.sifatGroup.setObjectName(u"sifatGroup")
        self.sifatLayout = QGridLayout(self.sifatGroup)
        self.sifatLayout.setObjectName(u"sifatLayout")
        self.sifatBiasa = QRadioButton(self.sifatGroup)
        self.sifatBiasa.setObjectName(u"sifatBiasa")
        self.sifatBiasa.setChecked(True)

        self.sifatLayout.addWidget(self.sifatBiasa, 0, 0, 1, 1)

        self.sifatSegera = QRadioButton(self.sifatGroup)
        self.sifatSegera.setObjectName(u"sifatSegera")

        self.sifatLayout.addWidget(self.sifatSegera, 0, 1, 1, 1)

        self.sifatSangatSegera = QRadioButton(self.sifatGroup)
        self.sifatSangatSegera.setObjectName(u"sifatSangatSegera")

        self.sifatLayout.addWidget(self.sifatSangatSegera, 1, 0, 1, 1)

        self.sifatRahasia = QRadioButton(self.sifatGroup)
        self.sifatRahasia.setObjectName(u"sifatRahasia")

        self.sifatLayout.addWidget(self.sifatRahasia, 1, 1, 1, 1)


        self.leftColumn.addWidget(self.sifatGroup)

        self.dueCaption = QLabel(ActionDisposeForm)
        self.dueCaption.setObjectName(u"dueCaption")

        self.leftColumn.addWidget(self.dueCaption)

        self.dueLayout = QHBoxLayout()
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueEdit = QDateEdit(ActionDisposeForm)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)
        self.dueEdit.setDisplayFormat(u"dd/MM/yyyy")

        self.dueLayout.addWidget(self.dueEdit)

        self.dueResetButton = QPushButton(ActionDisposeForm)
        self.dueResetButton.setObjectName(u"dueResetButton")
        self.dueResetButton.setAutoDefault(False)

        self.dueLayout.addWidget(self.dueResetButton)

        self.dueSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueLayout.addItem(self.dueSpacer)


        self.leftColumn.addLayout(self.dueLayout)

        self.dueInfoLabel = QLabel(ActionDisposeForm)
        self.dueInfoLabel.setObjectName(u"dueInfoLabel")
        self.dueInfoLabel.setWordWrap(True)
        self.dueInfoLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.leftColumn.addWidget(self.dueInfoLabel)


        self.disposeLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.instructionsCaption = QLabel(ActionDisposeForm)
        self.instructionsCaption.setObjectName(u"instructionsCaption")

        self.rightColumn.addWidget(self.instructionsCaption)

        self.instructionsList = QListWidget(ActionDisposeForm)
        self.instructionsList.setObjectName(u"instructionsList")
        self.instructionsList.setMinimumSize(QSize(0, 96))
        self.instructionsList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.rightColumn.addWidget(self.instructionsList)

        self.otherInstructionEdit = QLineEdit(ActionDisposeForm)
        self.otherInstructionEdit.setObjectName(u"otherInstructionEdit")
        self.otherInstructionEdit.setMaxLength(300)

        self.rightColumn.addWidget(self.otherInstructionEdit)

        self.noteCaption = QLabel(ActionDisposeForm)
        self.noteCaption.setObjectName(u"noteCaption")

        self.rightColumn.addWidget(self.noteCaption)

        self.noteEdit = QPlainTextEdit(ActionDisposeForm)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 90))

        self.rightColumn.addWidget(self.noteEdit)


        self.disposeLayout.addLayout(self.rightColumn)

#if QT_CONFIG(shortcut)
        self.unitsCaption.setBuddy(self.unitsList)
        self.dueCaption.setBuddy(self.dueEdit)
        self.instructionsCaption.setBuddy(self.instructionsList)
        self.noteCaption.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unitsList, self.sifatBiasa)
        QWidget.setTabOrder(self.sifatBiasa, self.sifatSegera)
        QWidget.setTabOrder(self.sifatSegera, self.sifatSangatSegera)
        QWidget.setTabOrder(self.sifatSangatSegera, self.sifatRahasia)
        QWidget.setTabOrder(self.sifatRahasia, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.dueResetButton)
        QWidget.setTabOrder(self.dueResetButton, self.instructionsList)
        QWidget.setTabOrder(self.instructionsList, self.otherInstructionEdit)
        QWidget.setTabOrder(self.otherInstructionEdit, self.noteEdit)

        self.retranslateUi(ActionDisposeForm)

        QMetaObject.connectSlotsByName(ActionDisposeForm)
    # setupUi

    def retranslateUi(self, ActionDisposeForm):
        self.unitsCaption.setText(QCoreApplication.translate("ActionDisposeForm", u"Forward to &units", None))
        self.sifatGroup.setTitle(QCoreApplication.translate("ActionDisposeForm", u"Nature (sifat)", None))
        self.sifatBiasa.setText(QCoreApplication.translate("ActionDisposeForm", u"&Ordinary", None))
        self.sifatSegera.setText(QCoreApplication.translate("ActionDisposeForm", u"U&rgent", None))
        self.sifatSangatSegera.setText(QCoreApplication.translate("ActionDisposeForm", u"&Very urgent", None))
        self.sifatRahasia.setText(QCoreApplication.translate("ActionDisposeForm", u"Con&fidential", None))
        self.dueCaption.setText(QCoreApplication.translate("ActionDisposeForm", u"&Deadline", None))
        self.dueResetButton.setText(QCoreApplication.translate("ActionDisposeForm", u"Re&calculate", None))
        self.instructionsCaption.setText(QCoreApplication.translate("ActionDisposeForm", u"&Instructions", None))
        self.otherInstructionEdit.setPlaceholderText(QCoreApplication.translate("ActionDisposeForm", u"Other instruction (optional)", None))
        self.noteCaption.setText(QCoreApplication.translate("ActionDisposeForm", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ActionDisposeForm", u"Optional", None))
        pass
    # retranslateUi

