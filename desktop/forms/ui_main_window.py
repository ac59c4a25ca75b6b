# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListView, QMainWindow,
    QSizePolicy, QSplitter, QStackedWidget, QStatusBar,
    QTableView, QToolBar, QVBoxLayout, QWidget)

from desktop.views.detail_pane import DetailPane

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 720)
        self.actionQueue = QAction(MainWindow)
        self.actionQueue.setObjectName(u"actionQueue")
        self.actionQueue.setCheckable(True)
        self.actionQueue.setChecked(True)
#if QT_CONFIG(shortcut)
        self.actionQueue.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionDesk = QAction(MainWindow)
        self.actionDesk.setObjectName(u"actionDesk")
        self.actionDesk.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionDesk.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionReports = QAction(MainWindow)
        self.actionReports.setObjectName(u"actionReports")
        self.actionReports.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionReports.setShortcut(u"Ctrl+3")
#endif // QT_CONFIG(shortcut)
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionSettings.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionSettings.setShortcut(u"Ctrl+4")
#endif // QT_CONFIG(shortcut)
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")
        self.queuePage = QWidget()
        self.queuePage.setObjectName(u"queuePage")
        self.queuePageLayout = QHBoxLayout(self.queuePage)
        self.queuePageLayout.setObjectName(u"queuePageLayout")
        self.queuePageLayout.setContentsMargins(0, 0, 0, 0)
        self.queueSplitter = QSplitter(self.queuePage)
        self.queueSplitter.setObjectName(u"queueSplitter")
        self.queueSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.queueSplitter.setChildrenCollapsible(False)
        self.filterPanel = QWidget(self.queueSplitter)
        self.filterPanel.setObjectName(u"filterPanel")
        self.filterLayout = QVBoxLayout(self.filterPanel)
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterLayout.setContentsMargins(8, 8, 0, 8)
        self.viewsHeading = QLabel(self.filterPanel)
        self.viewsHeading.setObjectName(u"viewsHeading")
        self.viewsHeading.setStyleSheet(u"font-weight: bold;")

        self.filterLayout.addWidget(self.viewsHeading)

        self.viewList = QListView(self.filterPanel)
        self.viewList.setObjectName(u"viewList")
        self.viewList.setMinimumSize(QSize(170, 0))
        self.viewList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.viewList.setUniformItemSizes(True)

        self.filterLayout.addWidget(self.viewList)

        self.queueSplitter.addWidget(self.filterPanel)
        self.listPanel = QWidget(self.queueSplitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 8, 0, 8)
        self.searchLayout = QHBoxLayout()
        self.searchLayout.setObjectName(u"searchLayout")
        self.searchEdit = QLineEdit(self.listPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchLayout.addWidget(self.searchEdit)

        self.resultLabel = QLabel(self.listPanel)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.searchLayout.addWidget(self.resultLabel)


        self.listLayout.addLayout(self.searchLayout)

        self.listStack = QStackedWidget(self.listPanel)
        self.listStack.setObjectName(u"listStack")
        self.queueTable = QTableView()
        self.queueTable.setObjectName(u"queueTable")
        self.queueTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queueTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.queueTable.setShowGrid(False)
        self.queueTable.setSortingEnabled(True)
        self.queueTable.setWordWrap(False)
        self.listStack.addWidget(self.queueTable)
        self.queueTable.horizontalHeader().setHighlightSections(False)
        self.queueTable.verticalHeader().setVisible(False)
        self.listMessage = QLabel()
        self.listMessage.setObjectName(u"listMessage")
        self.listMessage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.listMessage.setWordWrap(True)
        self.listStack.addWidget(self.listMessage)

        self.listLayout.addWidget(self.listStack)

        self.queueSplitter.addWidget(self.listPanel)
        self.detailPane = DetailPane(self.queueSplitter)
        self.detailPane.setObjectName(u"detailPane")
        self.queueSplitter.addWidget(self.detailPane)

        self.queuePageLayout.addWidget(self.queueSplitter)

        self.pages.addWidget(self.queuePage)

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralwidget)
        self.navBar = QToolBar(MainWindow)
        self.navBar.setObjectName(u"navBar")
        self.navBar.setMovable(False)
        self.navBar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.navBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.navBar.addAction(self.actionQueue)
        self.navBar.addAction(self.actionDesk)
        self.navBar.addAction(self.actionReports)
        self.navBar.addAction(self.actionSettings)
        self.navBar.addSeparator()
        self.navBar.addAction(self.actionRefresh)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"LAPOR! Desk", None))
        self.actionQueue.setText(QCoreApplication.translate("MainWindow", u"Queue", None))
#if QT_CONFIG(tooltip)
        self.actionQueue.setToolTip(QCoreApplication.translate("MainWindow", u"Complaints to handle (Ctrl+1)", None))
#endif // QT_CONFIG(tooltip)
        self.actionDesk.setText(QCoreApplication.translate("MainWindow", u"Front desk", None))
#if QT_CONFIG(tooltip)
        self.actionDesk.setToolTip(QCoreApplication.translate("MainWindow", u"Log a walk-in or paper complaint (Ctrl+2)", None))
#endif // QT_CONFIG(tooltip)
        self.actionReports.setText(QCoreApplication.translate("MainWindow", u"Reports", None))
#if QT_CONFIG(tooltip)
        self.actionReports.setToolTip(QCoreApplication.translate("MainWindow", u"Recaps and statistics (Ctrl+3)", None))
#endif // QT_CONFIG(tooltip)
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"Settings", None))
#if QT_CONFIG(tooltip)
        self.actionSettings.setToolTip(QCoreApplication.translate("MainWindow", u"Desk settings (Ctrl+4)", None))
#endif // QT_CONFIG(tooltip)
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"Refresh", None))
#if QT_CONFIG(tooltip)
        self.actionRefresh.setToolTip(QCoreApplication.translate("MainWindow", u"Reload the queue from the local database (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"Find", None))
        self.viewsHeading.setText(QCoreApplication.translate("MainWindow", u"Views", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Search title, content, tracking number\u2026", None))
        self.navBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Navigation", None))
    # retranslateUi

