"""The Laporan page: recaps of the complaints received in a period, and their exports.

Presents and dispatches only: the recap is computed by ``desktop.store.reports`` on the DB
thread (``desktop.tasks``), files are written there too. A result that arrives after the
officer picked another period is dropped (generation counter). While hidden the page only
notes that its data changed and recomputes when shown again.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.clock import clock
from desktop import formatting
from desktop.reports import export
from desktop.store import reports
from desktop.tasks import Tasks, describe_error
from desktop.views import date_input
from desktop.views.labels import CHANNEL, CLASSIFICATION, STATUS
from desktop.views.reports.models import SORT_ROLE, RecapModel, percent

PERIODS = ("this_month", "last_month", "this_year", "range")
RANGE_DELAY_MS = 400  # typing a date: wait for the officer to finish
DATE_FORMAT = "dd/MM/yyyy"
# Wide recaps on screen leave out "late" (completed minus on time) and "no deadline".
HIDDEN_COLUMNS = (4, 8)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportsPage(QWidget):
    """``attach_service(service)`` once the store is open; ``refresh()`` after any change.
    ``computed(report)`` once a recap is on screen; ``exported(path)`` after a file is
    written; ``error(title, message)`` for the window's ``show_error``."""

    computed = Signal(object)
    exported = Signal(str)
    error = Signal(str, str)

    def __init__(self, tasks: Tasks, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self._service: Any = None
        self._generation = 0
        self._stale = True
        self.report: reports.Report | None = None
        self.loading = False
        self._build()
        self._range_timer = QTimer(self)
        self._range_timer.setSingleShot(True)
        self._range_timer.setInterval(RANGE_DELAY_MS)
        self._range_timer.timeout.connect(self.refresh)
        self._set_summary(self.tr("Waiting for the local database…"))

    # -- public API ---------------------------------------------------------------------
    def attach_service(self, service: Any) -> None:
        self._service = service
        self._apply_preset()
        self.refresh()

    def refresh(self) -> None:
        """Recompute now if shown, else when shown next (data changed, sync, new day)."""
        self._stale = True
        if self._service is None or not self.isVisible():
            return
        self._range_timer.stop()
        self._apply_preset()
        first, last = self.period()
        if first > last:
            self._range_error.setText(self.tr("The start date is after the end date."))
            self._range_error.show()
            self._set_exports_enabled(False)
            return
        self._range_error.hide()
        self._stale = False
        self._generation += 1
        self.loading = True
        self._set_exports_enabled(False)
        for view in self._views():
            view.setEnabled(False)
        self._set_summary(self.tr("Computing the recap for %1…").replace(
            "%1", self._period_text(first, last)))
        self._tasks.run(partial(reports.build_report, self._service, first, last),
                        partial(self._arrived, self._generation),
                        partial(self._failed, self._generation))

    def period(self) -> tuple[date, date]:
        return pydate(self.from_edit.date()), pydate(self.to_edit.date())

    def export_to(self, path: Path, kind: str) -> None:
        """Write the recap on screen to ``path`` (``kind``: ``csv``, ``xlsx`` or ``pdf``;
        a PDF on the paper chosen beside its button)."""
        if self.report is None:
            return
        if kind == "pdf":  # signed when the desk has a certificate (passphrase once)
            from desktop.views.signing_session import session_for

            session_for(self._tasks).obtain(
                self._service, self, partial(self._write_pdf, Path(path), self.report,
                                             self.pdf_paper.currentIndex() == 1),
                lambda: None)
            return
        job = partial(_write, kind, Path(path), self.report, self._lang, self._label,
                      clock().now())
        self._tasks.run(job, self._export_done, self._export_failed)

    def _write_pdf(self, path: Path, report: reports.Report, landscape: bool,
                   sealer: Any) -> None:
        from desktop.reports.printable import write_recap_pdf

        self._tasks.run(partial(write_recap_pdf, self._service, path, report, clock().now(),
                                landscape=landscape, sealer=sealer),
                        self._export_done, self._export_failed)

    # -- set-up -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Complaint Recap"), self)
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        top.addWidget(heading)
        top.addSpacing(16)
        period_label = QLabel(self.tr("Received"), self)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.addItems([self.tr("This month"), self.tr("Last month"),
                                    self.tr("This year"), self.tr("Date range")])
        period_label.setBuddy(self.period_combo)
        self.from_edit, self.to_edit = self._date_edit("fromEdit"), self._date_edit("toEdit")
        until = QLabel(self.tr("to"), self)
        until.setBuddy(self.to_edit)
        for widget in (period_label, self.period_combo, self.from_edit, until, self.to_edit):
            top.addWidget(widget)
        self._range_error = QLabel(self)
        self._range_error.setStyleSheet("color: #b3261e;")
        self._range_error.hide()
        top.addWidget(self._range_error)
        top.addStretch(1)
        outer.addLayout(top)

        # The summary wraps beside the export buttons: the page fits a narrow window.
        second = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setStyleSheet("font-size: 10pt; padding: 4px 0;")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        second.addWidget(self.summary, 1)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.csv_button.setObjectName("exportCsvButton")
        self.csv_button.setToolTip(self.tr("Semicolon-separated, UTF-8: opens in Excel."))
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"), self)
        self.xlsx_button.setObjectName("exportXlsxButton")
        self.pdf_button = QPushButton(self.tr("Print recap (PDF)…"), self)
        self.pdf_button.setObjectName("exportPdfButton")
        self.pdf_button.setToolTip(self.tr(
            "With the letterhead, charts and the signer of Settings › Letterhead"))
        self.pdf_paper = QComboBox(self)
        self.pdf_paper.setObjectName("pdfPaper")
        self.pdf_paper.addItems([self.tr("A4 portrait"), self.tr("A4 landscape")])
        self.pdf_paper.setToolTip(self.tr("Paper of the printed recap"))
        for widget in (self.csv_button, self.xlsx_button, self.pdf_paper, self.pdf_button):
            second.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(second)
        self.notice = QLabel(self)
        self.notice.setObjectName("reportNotice")
        self.notice.setStyleSheet("color: #33691e;")
        self.notice.hide()
        outer.addWidget(self.notice)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(8000)
        self._notice_timer.timeout.connect(self.notice.hide)

        self.status_model = RecapModel(self._narrow_headers(self.tr("Status")), wide=False,
                                       lang=self._lang, total_label=self.tr("All"), parent=self)
        self.deadline_model = RecapModel(self._narrow_headers(self.tr("Deadline")), wide=False,
                                         lang=self._lang, total_label=self.tr("All"),
                                         parent=self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.status_view = self._table(self.status_model, "statusTable", sortable=False)
        self.deadline_view = self._table(self.deadline_model, "deadlineTable", sortable=False)
        for title, view in ((self.tr("By status"), self.status_view),
                            (self.tr("By deadline state"), self.deadline_view)):
            label = QLabel(title, left)
            label.setStyleSheet("font-weight: bold;")
            column.addWidget(label)
            column.addWidget(view)
        note = QLabel(self.tr(
            "On time: verified and answered within the agency's deadlines (days on hold "
            "and waiting for the reporter do not count). Past the deadline: as “Time left” "
            "in the queue. No deadline: not our authority, archived. Complaints are counted "
            "by the date they were received."), left)
        note.setObjectName("reportNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        column.addWidget(note)
        column.addStretch(1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportTabs")
        self.wide_models: dict[str, RecapModel] = {}
        self.wide_views: dict[str, QTableView] = {}
        for recap, first, title in (
                ("by_unit", self.tr("Unit"), self.tr("By unit")),
                ("by_category", self.tr("Category"), self.tr("By category")),
                ("by_classification", self.tr("Classification"), self.tr("By classification")),
                ("by_channel", self.tr("Channel"), self.tr("By channel"))):
            model = RecapModel(self._wide_headers(first), wide=True, lang=self._lang,
                               parent=self)
            view = self._table(model, f"{recap}Table", sortable=True)
            for column in HIDDEN_COLUMNS:  # in the exports; on screen the names need room
                view.setColumnHidden(column, True)
            self.wide_models[recap], self.wide_views[recap] = model, view
            self.tabs.addTab(view, title)

        # The narrow recaps scroll as a whole when the screen is short (125 % scaling).
        scroll = QScrollArea(self)
        scroll.setObjectName("reportOverview")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        splitter = QSplitter(self)
        splitter.setObjectName("reportSplitter")
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 900])
        outer.addWidget(splitter, 1)
        # Complaints routed to several units count in each: say why the units add up to more.
        self.unit_note = QLabel(self)
        self.unit_note.setObjectName("multiUnitNote")
        self.unit_note.setWordWrap(True)
        self.unit_note.setStyleSheet("color: palette(placeholder-text);")
        self.unit_note.hide()
        outer.addWidget(self.unit_note)

        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.from_edit.dateChanged.connect(self._range_edited)
        self.to_edit.dateChanged.connect(self._range_edited)
        self.csv_button.clicked.connect(partial(self._ask_file, "csv"))
        self.xlsx_button.clicked.connect(partial(self._ask_file, "xlsx"))
        self.pdf_button.clicked.connect(partial(self._ask_file, "pdf"))
        self._set_exports_enabled(False)
        self._period_changed(0)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        # Typed dd/mm/yyyy, Tab leaves, F4 opens the calendar; a refused date is said beside.
        date_input.install(edit).feedback.connect(self._date_feedback)
        return edit

    def _date_feedback(self, message: str) -> None:
        self._range_error.setText(message)
        self._range_error.setVisible(bool(message))

    def _table(self, model: RecapModel, name: str, *, sortable: bool) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move in it
        if sortable:
            proxy = QSortFilterProxyModel(view)
            proxy.setSourceModel(model)
            proxy.setSortRole(SORT_ROLE)
            view.setModel(proxy)
            # The store's order first (biggest first, "no unit" last); a header click sorts.
            view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            view.setSortingEnabled(True)
        else:
            view.setModel(model)
            view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        return view

    def _views(self) -> list[QTableView]:
        return [self.status_view, self.deadline_view, *self.wide_views.values()]

    def _narrow_headers(self, first: str) -> list[str]:
        return [first, self.tr("Total"), "%"]

    def _wide_headers(self, first: str) -> list[str]:
        return [first, self.tr("Total"), self.tr("Completed"), self.tr("On time"),
                self.tr("Late"), self.tr("% on time"), self.tr("Running"),
                self.tr("Past the deadline"), self.tr("No deadline")]

    # -- period -------------------------------------------------------------------------
    def _today(self) -> date:
        return clock().today()  # the office's date, as `lapor-desk report` takes it

    def _preset(self, key: str) -> tuple[date, date] | None:
        if key in reports.PRESETS:
            return reports.preset_period(key, self._today())
        return None

    def _apply_preset(self) -> None:
        """Show the dates of the chosen preset (they move with the calendar)."""
        preset = self._preset(PERIODS[self.period_combo.currentIndex()])
        if preset is None:
            return
        for edit, value in zip((self.from_edit, self.to_edit), preset, strict=True):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)

    def _period_changed(self, index: int) -> None:
        custom = PERIODS[index] == "range"
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        if not custom:
            self._apply_preset()
            self.refresh()

    def _range_edited(self) -> None:
        if PERIODS[self.period_combo.currentIndex()] == "range":
            self._range_timer.start()

    def _period_text(self, first: date, last: date) -> str:
        return (f"{formatting.date_short(first, self._lang)} – "
                f"{formatting.date_short(last, self._lang)}")

    # -- results ------------------------------------------------------------------------
    def _arrived(self, generation: int, report: reports.Report) -> None:
        if generation != self._generation:
            return  # the officer has picked another period meanwhile
        self.loading = False
        self.report = report
        self.status_model.set_rows(report.by_status, report.received,
                                   partial(self._label, "by_status"))
        self.deadline_model.set_rows(report.by_deadline, report.received,
                                     partial(self._label, "by_deadline"))
        for recap, model in self.wide_models.items():
            model.set_rows(getattr(report, recap), report.received, partial(self._label, recap))
        for view in self._views():
            view.setEnabled(True)
        self._set_summary(self._summary_text(report))
        self.unit_note.setText(self.tr(
            "%1 complaints were routed to more than one unit and count under each of them: "
            "the units add up to more than the complaints received.").replace(
            "%1", formatting.number(report.multi_unit, lang=self._lang)))
        self.unit_note.setVisible(report.multi_unit > 0)
        self._set_exports_enabled(True)
        self.computed.emit(report)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._stale = True
        for view in self._views():
            view.setEnabled(True)
        self._set_summary(self.tr("The recap could not be computed."))
        self.error.emit(*describe_error(exc))

    def _summary_text(self, report: reports.Report) -> str:
        period = self._period_text(report.date_from, report.date_to)
        if not report.received:
            return self.tr("No complaints received %1.").replace("%1", period)
        n = partial(formatting.number, lang=self._lang)
        overdue = next(r.total for r in report.by_deadline
                       if r.key == reports.OVERDUE)
        parts = [self.tr("%1 received").replace("%1", f"<b>{n(report.received)}</b>"),
                 self.tr("%1 completed").replace("%1", f"<b>{n(report.closed)}</b>")]
        if report.on_time_pct is not None:
            parts.append(self.tr("%1 on time").replace(
                "%1", f"<b>{percent(report.on_time_pct, self._lang)}</b>"))
        parts.append(self.tr("%1 past the deadline").replace("%1", f"<b>{n(overdue)}</b>"))
        close_due = next(r.total for r in report.by_deadline if r.key == reports.CLOSE_DUE)
        if close_due:  # the reporter did not answer: not late, waiting to be closed
            parts.append(self.tr("%1 ready to close").replace("%1", f"<b>{n(close_due)}</b>"))
        if report.median_days_to_close is not None:
            days = formatting.number(report.median_days_to_close,
                                     0 if report.median_days_to_close.is_integer() else 1,
                                     lang=self._lang)
            parts.append(self.tr("median %1 working days to completion").replace(
                "%1", f"<b>{days}</b>"))
        return f"{period}: " + " · ".join(parts)

    def _label(self, recap: str, row: reports.RecapRow) -> str:
        """A row's name in the UI language (codes through the shared label tables)."""
        if recap == "by_status":
            return STATUS.text(row.key, row.label)
        if recap == "by_channel":
            return CHANNEL.text(row.key, row.label) if row.key else self.tr("Not set")
        if recap == "by_classification":
            return CLASSIFICATION.text(row.key, row.label) if row.key else self.tr("Not set")
        if recap == "by_deadline":
            return {
                reports.ON_TIME: self.tr("Completed on time"),
                reports.LATE: self.tr("Completed late"),
                reports.WITHIN: self.tr("Running, within the deadline"),
                reports.OVERDUE: self.tr("Running, past the deadline"),
                reports.CLOSE_DUE: self.tr("No reply from the reporter, ready to close"),
                reports.NO_DEADLINE: self.tr("No deadline"),
            }.get(row.key, row.label)
        if recap == "by_unit" and not row.key:
            return self.tr("No unit")
        if recap == "by_category" and not row.key:
            return self.tr("No category")
        return row.label

    def _set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.csv_button, self.xlsx_button, self.pdf_button, self.pdf_paper):
            button.setEnabled(enabled and self.report is not None)

    # -- export -------------------------------------------------------------------------
    def _ask_file(self, kind: str) -> None:
        if self.report is None:
            return
        first, last = self.report.date_from, self.report.date_to
        name = f"rekap-pengaduan_{first.isoformat()}_{last.isoformat()}.{kind}"
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        filters = {"csv": self.tr("CSV file (*.csv)"),
                   "xlsx": self.tr("Excel workbook (*.xlsx)"),
                   "pdf": self.tr("PDF document (*.pdf)")}
        dialog = QFileDialog(self, self.tr("Export the recap"), str(Path(folder) / name),
                             filters[kind])
        dialog.setObjectName("reportExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, _headless())
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), kind))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _export_done(self, result: Any) -> None:
        """``result``: the written path, or a PDF's ``printable.PrintedRecap``."""
        path = getattr(result, "path", result)
        lines = [self.tr("Recap saved to %1.").replace("%1", str(path))]
        if getattr(result, "sealed_by", ""):
            lines[0] += " " + self.tr("Signed electronically by %1.").replace(
                "%1", result.sealed_by)
        if getattr(result, "signed", True) is False:
            lines.append(self.tr("Printed without a signature block: no signer (name and "
                                 "jabatan) is set in Settings › Letterhead."))
        missing = getattr(result, "missing", ())
        if missing:
            lines.append(self.tr("Letterhead and signer not complete yet: %1.").replace(
                "%1", "; ".join(missing)))
        self.notice.setText("\n".join(lines))
        self.notice.setStyleSheet("color: #33691e;" if len(lines) == 1 else "color: #8a4b00;")
        self.notice.show()
        self._notice_timer.stop()
        if len(lines) == 1:  # a warning stays until the next export
            self._notice_timer.start()
        self.exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.error.emit(self.tr("Export failed"),
                        self.tr("The file could not be saved: %1").replace("%1", detail))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale and self._service is not None:
            QTimer.singleShot(0, self.refresh)


def _write(kind: str, path: Path, report: reports.Report, lang: str,
           label: export.Labeler, made: datetime) -> Path:
    """On the DB thread: the CSV or XLSX file (the PDF: ``printable.write_recap_pdf``)."""
    write = export.write_xlsx if kind == "xlsx" else export.write_csv
    return write(path, report, lang, label, made)


def _headless() -> bool:
    """Offscreen (tests, screenshots): Qt's own dialog, which tests can drive."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() in ("offscreen", "minimal")

