"""The Dasbor page: the period at a glance for leaders, every figure a way into the queue.

Presents and dispatches only: ``desktop.store.dashboard.build_dashboard`` runs on the DB
thread (``desktop.tasks``); a result for a period the officer has left is dropped
(generation counter); while hidden the page only notes that its data changed. A click on
a figure, bar or row emits ``drill(Drill)``: the queue filtered to what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.clock import clock
from desktop import formatting
from desktop.store import dashboard as dash
from desktop.store import reports
from desktop.store.queue import OPEN_STATUS, QueueFilter
from desktop.tasks import Tasks, describe_error
from desktop.views.dashboard.charts import RateChart, TrendChart
from desktop.views.dashboard.escalation_section import EscalationSection
from desktop.views.dashboard.recurring_section import RecurringSection
from desktop.views.dashboard.tables import COL_LATE, COL_SOON, OldestModel, WorkloadModel

PERIODS = ("this_month", "last_month", "this_year")
SECTIONS_AFTER_MS = 50
MONTHS = {"id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                 "Des"),
          "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")}


@dataclass(frozen=True)
class Drill:
    """Where a click leads: the queue filtered by ``filter`` (sorted by ``sort``), with the
    complaint ``select`` opened."""

    filter: QueueFilter
    sort: str | None = None
    descending: bool = True
    select: str | None = None


class Tile(QFrame):
    """A headline figure (title, value, change): click or Enter for its complaints."""

    clicked = Signal()

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        self.title = QLabel(title, self)
        self.value = QLabel("–", self)
        self.value.setObjectName(f"{name}Value")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.change = QLabel(self)
        self.change.setObjectName(f"{name}Change")
        self.change.setWordWrap(True)
        for label in (self.title, self.value, self.change):
            layout.addWidget(label)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardPage(QWidget):
    """``attach_service(service)`` once the store is open; ``refresh()`` after any change.
    ``computed(Dashboard)`` once figures are on screen; ``drill(Drill)`` on a click;
    ``error(title, message)`` for the window's ``show_error``."""

    computed = Signal(object)
    drill = Signal(object)
    error = Signal(str, str)

    def __init__(self, tasks: Tasks, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self._service: Any = None
        self._generation = 0
        self._stale = True
        self.dashboard: dash.Dashboard | None = None
        self.loading = False
        self._build()

    # -- public API ---------------------------------------------------------------------
    def attach_service(self, service: Any) -> None:
        self._service = service
        self.refresh()

    def refresh(self) -> None:
        """Recompute now if shown, else when shown next (data changed, sync, new day)."""
        self._stale = True
        if self._service is None:
            return
        if not self.isVisible():
            # Even while hidden: a leader elsewhere on the desk is told of late dispositions.
            self.escalation.refresh(self._service)
            return
        self._stale = False
        self._generation += 1
        self.loading = True
        first, last = self.period()
        self.status.setText(self.tr("Computing %1…").replace("%1", self._span(first, last)))
        self._tasks.run(partial(dash.build_dashboard, self._service, first, last),
                        partial(self._arrived, self._generation),
                        partial(self._failed, self._generation))

    def period(self) -> tuple[date, date]:
        return reports.preset_period(PERIODS[self.period_combo.currentIndex()],
                                     clock().today())

    # -- set-up -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Dashboard"), self)
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        top.addWidget(heading)
        top.addSpacing(16)
        received = QLabel(self.tr("Received"), self)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("dashboardPeriod")
        self.period_combo.addItems([self.tr("This month"), self.tr("Last month"),
                                    self.tr("This year")])
        received.setBuddy(self.period_combo)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.status.setStyleSheet("color: palette(placeholder-text);")
        for widget in (received, self.period_combo, self.status):
            top.addWidget(widget)
        top.addStretch(1)
        outer.addLayout(top)

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        tiles = QHBoxLayout()
        self.received_tile = Tile("receivedTile", self.tr("Received"), body)
        self.closed_tile = Tile("closedTile", self.tr("Completed"), body)
        self.on_time_tile = Tile("onTimeTile", self.tr("Completed on time"), body)
        for tile in (self.received_tile, self.closed_tile, self.on_time_tile):
            tiles.addWidget(tile)
        grid.addLayout(tiles, 0, 0, 1, 2)
        self.trend_chart = TrendChart(self._lang, (self.tr("Received"), self.tr("Completed")),
                                      body)
        parts = (self.tr("Completed on time"), self.tr("Completed late"))
        self.unit_chart = RateChart("unitChart", self._lang, parts, body)
        self.category_chart = RateChart("categoryChart", self._lang, parts, body)
        self.region_chart = RateChart("regionChart", self._lang, parts, body)
        self.unit_note = QLabel(body)
        self.unit_note.setObjectName("dashboardUnitNote")
        self.unit_note.setWordWrap(True)
        self.unit_note.setStyleSheet("color: palette(placeholder-text);")
        self.unit_note.hide()
        self.oldest_model = OldestModel(
            [self.tr("No."), self.tr("Subject"), self.tr("Received"), self.tr("Days open"),
             self.tr("Status"), self.tr("Unit")], self._lang, clock().today, self)
        self.oldest_view = self._table(self.oldest_model, "oldestTable")
        self.workload_model = WorkloadModel(
            [self.tr("Officers"), self.tr("Unit"), self.tr("Open"), self.tr("Due soon"),
             self.tr("Past the deadline")], self._lang,
            self.tr("Awaiting verification and disposition"), self.tr("(no officer listed)"),
            self)
        self.workload_view = self._table(self.workload_model, "workloadTable")
        sections = (
            (self.tr("Received and completed, last 12 months"), [self.trend_chart], 1, 0, 2),
            (self.tr("On time by unit"), [self.unit_chart, self.unit_note], 2, 0, 1),
            (self.tr("On time by category"), [self.category_chart], 2, 1, 1),
            (self.tr("On time by regency / city"), [self.region_chart], 3, 0, 1),
            (self.tr("Workload per officer (not completed, any period)"),
             [self.workload_view], 3, 1, 1),
            (self.tr("Oldest complaints not completed"), [self.oldest_view], 4, 0, 2))
        for title, widgets, row, column, span in sections:
            box = QVBoxLayout()
            label = QLabel(title, body)
            label.setStyleSheet("font-weight: bold;")
            box.addWidget(label)
            for widget in widgets:
                box.addWidget(widget)
            grid.addLayout(box, row, column, 1, span)
        self.escalation = EscalationSection(self._tasks, self._lang, body)
        grid.addWidget(self.escalation, 5, 0, 1, 2)
        self.recurring = RecurringSection(self._tasks, self._lang, body)
        grid.addWidget(self.recurring, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.period_combo.currentIndexChanged.connect(self._period_changed)
        # Bound methods only: a partial or lambda here would tie the page to itself in a
        # Python cycle, left to the cyclic collector.
        self.received_tile.clicked.connect(self._drill_received)
        self.closed_tile.clicked.connect(self._drill_completed)
        self.on_time_tile.clicked.connect(self._drill_completed)
        self.trend_chart.picked.connect(self._drill_month)
        self.unit_chart.picked.connect(self._drill_unit)
        self.category_chart.picked.connect(self._drill_category)
        self.region_chart.picked.connect(self._drill_region)
        self.oldest_view.clicked.connect(self._drill_oldest)
        self.oldest_view.activated.connect(self._drill_oldest)
        self.workload_view.clicked.connect(self._drill_workload)
        self.workload_view.activated.connect(self._drill_workload)
        self.recurring.drill.connect(self.drill)
        self.recurring.error.connect(self.error)
        self.escalation.drill.connect(self.drill)
        self.escalation.error.connect(self.error)

    def _table(self, model: Any, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move in it
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.setCursor(Qt.CursorShape.PointingHandCursor)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.setMinimumHeight(200)
        return view

    def _period_changed(self, _index: int) -> None:
        self.refresh()

    # -- results ------------------------------------------------------------------------
    def _arrived(self, generation: int, found: dash.Dashboard) -> None:
        if generation != self._generation:
            return  # the officer has picked another period meanwhile
        self.loading = False
        self.dashboard = found
        now, before = found.current, found.previous
        self.status.setText(self.tr("%1, compared with %2").replace(
            "%1", self._span(now.date_from, now.date_to)).replace(
            "%2", self._span(before.date_from, before.date_to)))
        self._show_count(self.received_tile, now.received, before.received)
        self._show_count(self.closed_tile, now.closed, before.closed)
        self._show_rate(self.on_time_tile, now.on_time_pct, before.on_time_pct)
        months = MONTHS.get(self._lang, MONTHS["id"])
        self.trend_chart.set_points(
            found.trend, [f"{months[p.month.month - 1]} {p.month.year % 100:02d}"
                          for p in found.trend])
        for chart, rows in ((self.unit_chart, found.by_unit),
                            (self.category_chart, found.by_category),
                            (self.region_chart, found.by_kabkota)):
            chart.set_rows(_rated(rows))
        self.unit_note.setText(self.tr(
            "%1 complaints were routed to more than one unit and count under each of them.")
            .replace("%1", self._number(found.multi_unit)))
        self.unit_note.setVisible(found.multi_unit > 0)
        self.oldest_model.set_items(found.oldest)
        self.workload_model.set_items(found.workload)
        self.computed.emit(found)
        # The lists below start once the figures are painted: their Python work on the DB
        # thread would otherwise hold the interpreter while the charts draw.
        QTimer.singleShot(SECTIONS_AFTER_MS, self._refresh_sections)

    def _refresh_sections(self) -> None:
        if self._service is not None:
            self.escalation.refresh(self._service)
            self.recurring.refresh(self._service)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._stale = True
        self.status.setText(self.tr("The dashboard could not be computed."))
        self.error.emit(*describe_error(exc))

    def _show_count(self, tile: Tile, now: int, before: int) -> None:
        tile.value.setText(self._number(now))
        if before:
            change = 100.0 * (now - before) / before
            sign = "▲" if change > 0 else "▼" if change < 0 else "="
            tile.change.setText(self.tr("%1 %2 % from %3").replace("%1", sign).replace(
                "%2", formatting.number(abs(change), 1, lang=self._lang)).replace(
                "%3", self._number(before)))
        else:
            tile.change.setText(self.tr("previous period: %1").replace(
                "%1", self._number(before)))

    def _show_rate(self, tile: Tile, now: float | None, before: float | None) -> None:
        tile.value.setText("–" if now is None else
                           f"{formatting.number(now, 1, lang=self._lang)} %")
        if now is None or before is None:
            tile.change.setText(self.tr("previous period: %1").replace(
                "%1", "–" if before is None else
                f"{formatting.number(before, 1, lang=self._lang)} %"))
            return
        diff = now - before
        sign = "▲" if diff > 0 else "▼" if diff < 0 else "="
        tile.change.setText(self.tr("%1 %2 points from %3 %").replace("%1", sign).replace(
            "%2", formatting.number(abs(diff), 1, lang=self._lang)).replace(
            "%3", formatting.number(before, 1, lang=self._lang)))

    def _number(self, value: int) -> str:
        return formatting.number(value, lang=self._lang)

    def _span(self, first: date, last: date) -> str:
        return (f"{formatting.date_short(first, self._lang)} – "
                f"{formatting.date_short(last, self._lang)}")

    # -- drill-downs --------------------------------------------------------------------
    def _period_filter(self, **extra: Any) -> QueueFilter:
        found = self.dashboard
        if found is None:
            return QueueFilter(**extra)
        return QueueFilter(date_from=found.current.date_from, date_to=found.current.date_to,
                           **extra)

    def _drill_received(self) -> None:
        if self.dashboard is not None:
            self.drill.emit(Drill(self._period_filter()))

    def _drill_completed(self) -> None:
        if self.dashboard is not None:
            self.drill.emit(Drill(self._period_filter(status="selesai")))

    def _drill_month(self, picked: tuple[int, bool]) -> None:
        index, completed = picked
        point = self.trend_chart.months[index]
        self.drill.emit(Drill(QueueFilter(date_from=point.month, date_to=point.last_day,
                                          status="selesai" if completed else None)))

    def _drill_unit(self, key: str) -> None:
        self.drill.emit(Drill(self._period_filter(unit_code=key)))

    def _drill_category(self, key: str) -> None:
        self.drill.emit(Drill(self._period_filter(category_id=key)))

    def _drill_region(self, key: str) -> None:
        self.drill.emit(Drill(self._period_filter(kabkota_code=key)))

    def _drill_oldest(self, index: QModelIndex) -> None:
        item = self.oldest_model.item(index.row())
        self.drill.emit(Drill(QueueFilter(status=OPEN_STATUS), sort="received_at",
                              descending=False, select=item.id))

    def _drill_workload(self, index: QModelIndex) -> None:
        item = self.workload_model.item(index.row())
        view = {COL_LATE: "terlambat", COL_SOON: "jatuh_tempo"}.get(index.column(), "semua")
        if item.unit_code == dash.VERIFY_KEY:
            flt = QueueFilter(view=view, status="belum_diverifikasi")
        else:
            flt = QueueFilter(view=view, unit_code=item.unit_code,
                              status=OPEN_STATUS if view == "semua" else None)
        self.drill.emit(Drill(flt))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale and self._service is not None:
            QTimer.singleShot(0, self.refresh)


def _rated(rows: list[reports.RecapRow]) -> list[tuple[str, str, int, int]]:
    """(key, label, completed on time, completed late) of the rows with completed
    complaints, the most completed first ("no unit" / "no category" rows cannot be
    filtered to: left out)."""
    rated = [(r.key, r.label, r.closed_on_time, r.closed_late) for r in rows
             if r.key and r.closed]
    return sorted(rated, key=lambda r: (-(r[2] + r[3]), r[1].casefold()))
