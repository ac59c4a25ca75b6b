"""The Dasbor's list of dispositions past their deadline (issue 18.3, escalation): to
units, and along the chain (the Unit column then names the position it waits at).

``desktop.views.escalation_watch.load`` finds them on the DB thread; those that concern the
officer acting on this desk (a leader, ``pimpinan`` or ``admin_pusat``: every one; anyone
else: the chain dispositions they sent) and were not announced before are marked announced
there and ``announced(title, text, short)`` carries the notice (tray and status bar, see
``desktop.views.dashboard.announce``). The desk-wide ``EscalationWatch`` (at start, after
each sync) hands its results to ``show_found``. A row (click or Enter) opens the complaint
in the queue: a unit's in the "Terlambat" view, a chain disposition's in "Semua".
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.store import escalation as esc
from desktop.store.queue import QueueFilter
from desktop.tasks import Tasks, describe_error
from desktop.views.dashboard.recurring_models import RIGHT
from desktop.views.dashboard.tables import LATE_COLOUR, Index, _Table
from desktop.views.escalation_watch import Found, load, notice


class LateModel(_Table):
    """No., subject, unit, deadline, working days late, level."""

    def __init__(self, headers: list[str], lang: str, parent: Any = None) -> None:
        super().__init__(headers, lang, parent)
        self._units: dict[str, str] = {}

    def set_found(self, rows: list[esc.LateDisposition], units: dict[str, str]) -> None:
        self._units = units
        self.set_items(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            where = item.waiting_at if item.entry_id is not None else ", ".join(
                self._units.get(u, u) for u in item.unit_codes)
            values = (item.number, item.title, where,
                      formatting.date_short(item.due, self._lang),
                      self._number(item.days_late), self._number(item.level))
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 4:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and item.level > 1:
            return LATE_COLOUR
        return None


class EscalationSection(QWidget):
    """``refresh(service)``; ``drill(Drill)``, ``error(title, message)``,
    ``announced(title, text, short)`` and ``computed(Found)``."""

    drill = Signal(object)
    error = Signal(str, str)
    announced = Signal(str, str, str)  # title, the notice, its one-line form
    computed = Signal(object)

    def __init__(self, tasks: Tasks, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationSection")
        self._tasks = tasks
        self._lang = lang
        self._generation = 0
        self.found: Found | None = None
        self._service: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Dispositions past their deadline"), self)
        self.heading.setStyleSheet("font-weight: bold;")
        after_label = QLabel(self.tr("Escalate after"), self)
        self.after_spin = QSpinBox(self)
        self.after_spin.setObjectName("escalationAfter")
        self.after_spin.setRange(1, 60)
        self.after_spin.setValue(esc.AFTER_DAYS)
        self.after_spin.setSuffix(self.tr(" working days"))
        self.after_spin.setToolTip(self.tr(
            "How many working days after its deadline a disposition is escalated to the "
            "leader (a setting of this desk)"))
        after_label.setBuddy(self.after_spin)
        top = QHBoxLayout()
        for widget in (self.heading, after_label, self.after_spin):
            top.addWidget(widget)
        top.insertStretch(1, 1)
        self.note = QLabel(self)
        self.note.setObjectName("escalationNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.model = LateModel(
            [self.tr("No."), self.tr("Subject"), self.tr("Unit"), self.tr("Deadline"),
             self.tr("Working days late"), self.tr("Level")], lang, self)
        self.view = QTableView(self)
        self.view.setObjectName("escalationTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(160)
        layout.addLayout(top)
        for widget in (self.note, self.view):
            layout.addWidget(widget)
        self.after_spin.editingFinished.connect(self._after_changed)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)

    def refresh(self, service: Any) -> None:
        self._service = service
        self._generation += 1
        self._tasks.run(partial(load, service), partial(self._arrived, self._generation),
                        partial(self._failed, self._generation))

    def _arrived(self, generation: int, found: Found) -> None:
        if found.new:  # marked as told on the DB thread: tell now, even from an older run
            self.announced.emit(*notice(found))
        if generation != self._generation:
            return
        self.show_found(found)

    def show_found(self, found: Found) -> None:
        """Show ``found`` (computed here, or by the desk's ``EscalationWatch``)."""
        self.found = found
        self.model.set_found(found.late, found.units)
        if not self.after_spin.hasFocus():
            self.after_spin.setValue(found.after)
        days = formatting.number(found.after, lang=self._lang)
        self.note.setText(self.tr(
            "Disposed complaints whose unit has not answered %1 working days or more after "
            "the deadline. Level 2: a whole follow-up period late; level 3: two.").replace(
            "%1", days) if found.late else self.tr("No disposition is past its deadline."))
        self.computed.emit(found)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.error.emit(*describe_error(exc))

    def _after_changed(self) -> None:
        service, value = self._service, self.after_spin.value()
        if service is None or (self.found is not None and self.found.after == value):
            return
        self._tasks.run(partial(service.set_setting, esc.AFTER_SETTING, value),
                        lambda _result: self.refresh(service), self._failed_setting)

    def _failed_setting(self, exc: BaseException) -> None:
        self.error.emit(*describe_error(exc))

    def _open(self, index: QModelIndex) -> None:
        from desktop.views.dashboard.page import Drill

        if index.isValid():
            item = self.model.item(index.row())
            view = "terlambat" if item.entry_id is None else "semua"
            self.drill.emit(Drill(QueueFilter(view=view), sort="due_date",
                                  descending=False, select=item.id))
