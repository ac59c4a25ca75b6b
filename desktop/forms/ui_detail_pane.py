# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'detail_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QLabel,
    QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_DetailPane(object):
    def setupUi(self, DetailPane):
        if not DetailPane.objectName():
            DetailPane.setObjectName(u"DetailPane")
        DetailPane.resize(380, 640)
        DetailPane.setMinimumSize(QSize(300, 0))
        self.paneLayout = QVBoxLayout(DetailPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(12, 8, 4, 4)
        self.stack = QStackedWidget(DetailPane)
        self.stack.setObjectName(u"stack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setStyleSheet(u"color: palette(placeholder-text);")

        self.emptyLayout.addWidget(self.emptyLabel)

        self.stack.addWidget(self.emptyPage)
        self.detailPage = QWidget()
        self.detailPage.setObjectName(u"detailPage")
        self.detailLayout = QVBoxLayout(self.detailPage)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(self.detailPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.detailLayout.addWidget(self.titleLabel)

        self.badgeLabel = QLabel(self.detailPage)
        self.badgeLabel.setObjectName(u"badgeLabel")
        self.badgeLabel.setTextFormat(Qt.TextFormat.RichText)
        self.badgeLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.badgeLabel)

        self.scroll = QScrollArea(self.detailPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(0, 0, 8, 0)
        self.complaintHeading = QLabel(self.scrollContents)
        self.complaintHeading.setObjectName(u"complaintHeading")
        font = QFont()
        font.setBold(True)
        self.complaintHeading.setFont(font)

        self.contentsLayout.addWidget(self.complaintHeading)

        self.complaintFormBox = QWidget(self.scrollContents)
        self.complaintFormBox.setObjectName(u"complaintFormBox")
        self.complaintForm = QGridLayout(self.complaintFormBox)
        self.complaintForm.setObjectName(u"complaintForm")
        self.complaintForm.setHorizontalSpacing(12)
        self.complaintForm.setVerticalSpacing(4)
        self.complaintForm.setContentsMargins(0, 0, 0, 0)
        self.statusCaption = QLabel(self.complaintFormBox)
        self.statusCaption.setObjectName(u"statusCaption")
        self.statusCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.statusCaption, 0, 0, 1, 1)

        self.statusValue = QLabel(self.complaintFormBox)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.statusValue.setWordWrap(True)

        self.complaintForm.addWidget(self.statusValue, 0, 1, 1, 1)

        self.deadlineCaption = QLabel(self.complaintFormBox)
        self.deadlineCaption.setObjectName(u"deadlineCaption")
        self.deadlineCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.deadlineCaption, 1, 0, 1, 1)

        self.deadlineValue = QLabel(self.complaintFormBox)
        self.deadlineValue.setObjectName(u"deadlineValue")
        self.deadlineValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.deadlineValue.setWordWrap(True)

        self.complaintForm.addWidget(self.deadlineValue, 1, 1, 1, 1)

        self.receivedCaption = QLabel(self.complaintFormBox)
        self.receivedCaption.setObjectName(u"receivedCaption")
        self.receivedCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.receivedCaption, 2, 0, 1, 1)

        self.receivedValue = QLabel(self.complaintFormBox)
        self.receivedValue.setObjectName(u"receivedValue")
        self.receivedValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.receivedValue.setWordWrap(True)

        self.complaintForm.addWidget(self.receivedValue, 2, 1, 1, 1)

        self.incidentCaption = QLabel(self.complaintFormBox)
        self.incidentCaption.setObjectName(u"incidentCaption")
        self.incidentCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.incidentCaption, 3, 0, 1, 1)

        self.incidentValue = QLabel(self.complaintFormBox)
        self.incidentValue.setObjectName(u"incidentValue")
        self.incidentValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.incidentValue.setWordWrap(True)

        self.complaintForm.addWidget(self.incidentValue, 3, 1, 1, 1)

        self.classificationCaption = QLabel(self.complaintFormBox)
        self.classificationCaption.setObjectName(u"classificationCaption")
        self.classificationCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.classificationCaption, 4, 0, 1, 1)

        self.classificationValue = QLabel(self.complaintFormBox)
        self.classificationValue.setObjectName(u"classificationValue")
        self.classificationValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.classificationValue.setWordWrap(True)

        self.complaintForm.addWidget(self.classificationValue, 4, 1, 1, 1)

        self.categoryCaption = QLabel(self.complaintFormBox)
        self.categoryCaption.setObjectName(u"categoryCaption")
        self.categoryCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.categoryCaption, 5, 0, 1, 1)

        self.categoryValue = QLabel(self.complaintFormBox)
        self.categoryValue.setObjectName(u"categoryValue")
        self.categoryValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.categoryValue.setWordWrap(True)

        self.complaintForm.addWidget(self.categoryValue, 5, 1, 1, 1)

        self.channelCaption = QLabel(self.complaintFormBox)
        self.channelCaption.setObjectName(u"channelCaption")
        self.channelCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.channelCaption, 6, 0, 1, 1)

        self.channelValue = QLabel(self.complaintFormBox)
        self.channelValue.setObjectName(u"channelValue")
        self.channelValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.channelValue.setWordWrap(True)

        self.complaintForm.addWidget(self.channelValue, 6, 1, 1, 1)

        self.sifatCaption = QLabel(self.complaintFormBox)
        self.sifatCaption.setObjectName(u"sifatCaption")
        self.sifatCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.sifatCaption, 7, 0, 1, 1)

        self.sifatValue = QLabel(self.complaintFormBox)
        self.sifatValue.setObjectName(u"sifatValue")
        self.sifatValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.sifatValue.setWordWrap(True)

        self.complaintForm.addWidget(self.sifatValue, 7, 1, 1, 1)

        self.regionCaption = QLabel(self.complaintFormBox)
        self.regionCaption.setObjectName(u"regionCaption")
        self.regionCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.regionCaption, 8, 0, 1, 1)

        self.regionValue = QLabel(self.complaintFormBox)
        self.regionValue.setObjectName(u"regionValue")
        self.regionValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.regionValue.setWordWrap(True)

        self.complaintForm.addWidget(self.regionValue, 8, 1, 1, 1)

        self.locationCaption = QLabel(self.complaintFormBox)
        self.locationCaption.setObjectName(u"locationCaption")
        self.locationCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.locationCaption, 9, 0, 1, 1)

        self.locationValue = QLabel(self.complaintFormBox)
        self.locationValue.setObjectName(u"locationValue")
        self.locationValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.locationValue.setWordWrap(True)

        self.complaintForm.addWidget(self.locationValue, 9, 1, 1, 1)

        self.agencyCaption = QLabel(self.complaintFormBox)
        self.agencyCaption.setObjectName(u"agencyCaption")
        self.agencyCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.agencyCaption, 10, 0, 1, 1)

        self.agencyValue = QLabel(self.complaintFormBox)
        self.agencyValue.setObjectName(u"agencyValue")
        self.agencyValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.agencyValue.setWordWrap(True)

        self.complaintForm.addWidget(self.agencyValue, 10, 1, 1, 1)

        self.unitsCaption = QLabel(self.complaintFormBox)
        self.unitsCaption.setObjectName(u"unitsCaption")
        self.unitsCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.complaintForm.addWidget(self.unitsCaption, 11, 0, 1, 1)

        self.unitsValue = QLabel(self.complaintFormBox)
        self.unitsValue.setObjectName(u"unitsValue")
        self.unitsValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.unitsValue.setWordWrap(True)

        self.complaintForm.addWidget(self.unitsValue, 11, 1, 1, 1)

        self.complaintForm.setColumnStretch(1, 1)

        self.contentsLayout.addWidget(self.complaintFormBox)

        self.reporterHeadingGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.contentsLayout.addItem(self.reporterHeadingGap)

        self.reporterHeading = QLabel(self.scrollContents)
        self.reporterHeading.setObjectName(u"reporterHeading")
        self.reporterHeading.setFont(font)

        self.contentsLayout.addWidget(self.reporterHeading)

        self.reporterFormBox = QWidget(self.scrollContents)
        self.reporterFormBox.setObjectName(u"reporterFormBox")
        self.reporterForm = QGridLayout(self.reporterFormBox)
        self.reporterForm.setObjectName(u"reporterForm")
        self.reporterForm.setHorizontalSpacing(12)
        self.reporterForm.setVerticalSpacing(4)
        self.reporterForm.setContentsMargins(0, 0, 0, 0)
        self.reporterNameCaption = QLabel(self.reporterFormBox)
        self.reporterNameCaption.setObjectName(u"reporterNameCaption")
        self.reporterNameCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.reporterForm.addWidget(self.reporterNameCaption, 0, 0, 1, 1)

        self.reporterNameValue = QLabel(self.reporterFormBox)
        self.reporterNameValue.setObjectName(u"reporterNameValue")
        self.reporterNameValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reporterNameValue.setWordWrap(True)

        self.reporterForm.addWidget(self.reporterNameValue, 0, 1, 1, 1)

        self.reporterNikCaption = QLabel(self.reporterFormBox)
        self.reporterNikCaption.setObjectName(u"reporterNikCaption")
        self.reporterNikCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.reporterForm.addWidget(self.reporterNikCaption, 1, 0, 1, 1)

        self.reporterNikValue = QLabel(self.reporterFormBox)
        self.reporterNikValue.setObjectName(u"reporterNikValue")
        self.reporterNikValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reporterNikValue.setWordWrap(True)

        self.reporterForm.addWidget(self.reporterNikValue, 1, 1, 1, 1)

        self.reporterPhoneCaption = QLabel(self.reporterFormBox)
        self.reporterPhoneCaption.setObjectName(u"reporterPhoneCaption")
        self.reporterPhoneCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.reporterForm.addWidget(self.reporterPhoneCaption, 2, 0, 1, 1)

        self.reporterPhoneValue = QLabel(self.reporterFormBox)
        self.reporterPhoneValue.setObjectName(u"reporterPhoneValue")
        self.reporterPhoneValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reporterPhoneValue.setWordWrap(True)

        self.reporterForm.addWidget(self.reporterPhoneValue, 2, 1, 1, 1)

        self.reporterEmailCaption = QLabel(self.reporterFormBox)
        self.reporterEmailCaption.setObjectName(u"reporterEmailCaption")
        self.reporterEmailCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.reporterForm.addWidget(self.reporterEmailCaption, 3, 0, 1, 1)

        self.reporterEmailValue = QLabel(self.reporterFormBox)
        self.reporterEmailValue.setObjectName(u"reporterEmailValue")
        self.reporterEmailValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reporterEmailValue.setWordWrap(True)

        self.reporterForm.addWidget(self.reporterEmailValue, 3, 1, 1, 1)

        self.reporterAddressCaption = QLabel(self.reporterFormBox)
        self.reporterAddressCaption.setObjectName(u"reporterAddressCaption")
        self.reporterAddressCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.reporterForm.addWidget(self.reporterAddressCaption, 4, 0, 1, 1)

        self.reporterAddressValue = QLabel(self.reporterFormBox)
        self.reporterAddressValue.setObjectName(u"reporterAddressValue")
        self.reporterAddressValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.reporterAddressValue.setWordWrap(True)

        self.reporterForm.addWidget(self.reporterAddressValue, 4, 1, 1, 1)

        self.reporterForm.setColumnStretch(1, 1)

        self.contentsLayout.addWidget(self.reporterFormBox)

        self.contentHeadingGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.contentsLayout.addItem(self.contentHeadingGap)

        self.contentHeading = QLabel(self.scrollContents)
        self.contentHeading.setObjectName(u"contentHeading")
        self.contentHeading.setFont(font)

        self.contentsLayout.addWidget(self.contentHeading)

        self.contentValue = QLabel(self.scrollContents)
        self.contentValue.setObjectName(u"contentValue")
        self.contentValue.setTextFormat(Qt.TextFormat.PlainText)
        self.contentValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.contentValue.setWordWrap(True)

        self.contentsLayout.addWidget(self.contentValue)

        self.timelineHeadingGap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.contentsLayout.addItem(self.timelineHeadingGap)

        self.timelineHeading = QLabel(self.scrollContents)
        self.timelineHeading.setObjectName(u"timelineHeading")
        self.timelineHeading.setFont(font)

        self.contentsLayout.addWidget(self.timelineHeading)

        self.timelineValue = QLabel(self.scrollContents)
        self.timelineValue.setObjectName(u"timelineValue")
        self.timelineValue.setTextFormat(Qt.TextFormat.RichText)
        self.timelineValue.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.timelineValue.setWordWrap(True)

        self.contentsLayout.addWidget(self.timelineValue)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.bottomSpacer)

        self.scroll.setWidget(self.scrollContents)

        self.detailLayout.addWidget(self.scroll)

        self.stack.addWidget(self.detailPage)

        self.paneLayout.addWidget(self.stack)


        self.retranslateUi(DetailPane)

        QMetaObject.connectSlotsByName(DetailPane)
    # setupUi

    def retranslateUi(self, DetailPane):
        self.emptyLabel.setText(QCoreApplication.translate("DetailPane", u"Select a complaint to see its details.", None))
        self.complaintHeading.setText(QCoreApplication.translate("DetailPane", u"Complaint", None))
        self.statusCaption.setText(QCoreApplication.translate("DetailPane", u"Status", None))
        self.deadlineCaption.setText(QCoreApplication.translate("DetailPane", u"Deadline", None))
        self.receivedCaption.setText(QCoreApplication.translate("DetailPane", u"Received", None))
        self.incidentCaption.setText(QCoreApplication.translate("DetailPane", u"Incident date", None))
        self.classificationCaption.setText(QCoreApplication.translate("DetailPane", u"Classification", None))
        self.categoryCaption.setText(QCoreApplication.translate("DetailPane", u"Category", None))
        self.channelCaption.setText(QCoreApplication.translate("DetailPane", u"Channel", None))
        self.sifatCaption.setText(QCoreApplication.translate("DetailPane", u"Nature", None))
        self.regionCaption.setText(QCoreApplication.translate("DetailPane", u"Region", None))
        self.locationCaption.setText(QCoreApplication.translate("DetailPane", u"Location", None))
        self.agencyCaption.setText(QCoreApplication.translate("DetailPane", u"Agency", None))
        self.unitsCaption.setText(QCoreApplication.translate("DetailPane", u"Units", None))
        self.reporterHeading.setText(QCoreApplication.translate("DetailPane", u"Reporter", None))
        self.reporterNameCaption.setText(QCoreApplication.translate("DetailPane", u"Name", None))
        self.reporterNikCaption.setText(QCoreApplication.translate("DetailPane", u"NIK", None))
        self.reporterPhoneCaption.setText(QCoreApplication.translate("DetailPane", u"Phone", None))
        self.reporterEmailCaption.setText(QCoreApplication.translate("DetailPane", u"Email", None))
        self.reporterAddressCaption.setText(QCoreApplication.translate("DetailPane", u"Address", None))
        self.contentHeading.setText(QCoreApplication.translate("DetailPane", u"Content", None))
        self.timelineHeading.setText(QCoreApplication.translate("DetailPane", u"History", None))
        pass
    # retranslateUi

