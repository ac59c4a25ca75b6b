"""The Dasbor's "Masalah Berulang" section: recurring problems of the sliding window.

The groups (place, category, complaints, still open, latest) come from
``desktop.store.recurring.find_recurring`` on the DB thread; the chosen group's
complaints are listed beside them. A complaint (click or Enter) opens in the queue,
filtered to the group's kecamatan, category and dates; "Print brief (PDF)" writes the
one-page brief for the pimpinan (``brief_pdf``) on the DB thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.clock import clock
from desktop import formatting
from desktop.store import recurring as rec
from desktop.store.queue import QueueFilter
from desktop.tasks import Tasks, describe_error
from desktop.views.dashboard.recurring_models import GroupModel, MemberModel


class RecurringSection(QWidget):
    """``refresh(service)`` recomputes; ``drill(Drill)``, ``error(title, message)``,
    ``exported(path)`` and ``computed(list[Group])``."""

    drill = Signal(object)
    error = Signal(str, str)
    exported = Signal(str)
    computed = Signal(object)

    def __init__(self, tasks: Tasks, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recurringSection")
        self._tasks = tasks
        self._lang = lang
        self._service: Any = None
        self._generation = 0
        self.days = rec.WINDOW_DAYS
        self.groups: list[rec.Group] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("recurringHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        window_label = QLabel(self.tr("Window"), self)
        self.window_spin = QSpinBox(self)
        self.window_spin.setObjectName("recurringWindow")
        self.window_spin.setRange(7, 730)
        self.window_spin.setValue(rec.WINDOW_DAYS)
        self.window_spin.setSuffix(self.tr(" days"))
        self.window_spin.setToolTip(self.tr(
            "How many days back complaints are compared (a setting of this desk)"))
        window_label.setBuddy(self.window_spin)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(window_label)
        top.addWidget(self.window_spin)
        self.note = QLabel(self)
        self.note.setObjectName("recurringNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.group_model = GroupModel(
            [self.tr("Place"), self.tr("Category"), self.tr("Complaints"), self.tr("Open"),
             self.tr("Latest")], lang, self)
        self.member_model = MemberModel(
            [self.tr("No."), self.tr("Received"), self.tr("Subject"), self.tr("Status")],
            lang, self)
        self.groups_view = _table(self.group_model, "recurringGroups", (0, 1), self)
        self.members_view = _table(self.member_model, "recurringMembers", (2,), self)
        self.print_button = QPushButton(self.tr("Print brief (PDF)…"), self)
        self.print_button.setObjectName("recurringPrint")
        self.print_button.setToolTip(self.tr(
            "A one-page brief of the chosen problem for the leader: letterhead, period, "
            "its complaints and a short summary"))
        self.print_button.setEnabled(False)
        self.notice = QLabel(self)
        self.notice.setObjectName("recurringNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        tables = QHBoxLayout()
        tables.addWidget(self.groups_view, 1)
        tables.addWidget(self.members_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.notice, 1)
        buttons.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addLayout(tables)
        layout.addLayout(buttons)
        self._set_heading()
        self.groups_view.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.members_view.clicked.connect(self._open_member)
        self.members_view.activated.connect(self._open_member)
        self.print_button.clicked.connect(self._ask_file)
        self.window_spin.editingFinished.connect(self._window_changed)

    # -- computing ----------------------------------------------------------------------
    def refresh(self, service: Any) -> None:
        self._service = service
        self._generation += 1
        self.note.setText(self.tr("Looking for recurring problems…"))
        self._tasks.run(partial(_find, service), partial(self._arrived, self._generation),
                        partial(self._failed, self._generation))

    def _arrived(self, generation: int, found: Found) -> None:
        if generation != self._generation:
            return
        self.days, self.groups = found.days, found.groups
        self._set_heading()
        if not self.window_spin.hasFocus():
            self.window_spin.setValue(found.days)
        self.group_model.set_items(self.groups, found.places, found.categories)
        self.note.setText(self.tr(
            "Complaints about the same problem in the same place (kecamatan or desa, "
            "category and similar wording), the largest first.") if self.groups else
            self.tr("No problem was reported more than once in this period."))
        if self.groups:
            self.groups_view.selectRow(0)
        else:
            self.member_model.set_items([])
            self.print_button.setEnabled(False)
        self.computed.emit(self.groups)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.note.setText(self.tr("The recurring problems could not be computed."))
            self.error.emit(*describe_error(exc))

    def _window_changed(self) -> None:
        service, value = self._service, self.window_spin.value()
        if service is None or value == self.days:
            return
        self._tasks.run(partial(service.set_setting, rec.WINDOW_SETTING, value),
                        lambda _result: self.refresh(service), self._failed_setting)

    def _failed_setting(self, exc: BaseException) -> None:
        self.error.emit(*describe_error(exc))

    def _set_heading(self) -> None:
        self.heading.setText(self.tr("Recurring problems (last %1 days)").replace(
            "%1", formatting.number(self.days, lang=self._lang)))

    # -- choosing and opening -----------------------------------------------------------
    def current_group(self) -> rec.Group | None:
        row = self.groups_view.currentIndex().row()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        group = self.groups[current.row()] if current.isValid() else None
        self.member_model.set_items(list(group.items) if group else [])
        self.print_button.setEnabled(group is not None)

    def _open_member(self, index: QModelIndex) -> None:
        from desktop.views.dashboard.page import Drill

        group = self.current_group()
        if group is None or not index.isValid():
            return
        item = self.member_model.item(index.row())
        self.drill.emit(Drill(group_filter(group), sort="received_at", select=item.id))

    # -- the brief ----------------------------------------------------------------------
    def _ask_file(self) -> None:
        group = self.current_group()
        if group is None:
            return
        name = f"masalah-berulang_{group.place_code}_{group.latest.isoformat()}.pdf"
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = QFileDialog(self, self.tr("Save the brief"), str(Path(folder) / name),
                             self.tr("PDF document (*.pdf)"))
        dialog.setObjectName("recurringExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, _headless())
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_to(self, path: Path) -> None:
        """Write the chosen group's brief to ``path`` on the DB thread."""
        from desktop.views.dashboard.brief_pdf import write_brief_pdf

        group = self.current_group()
        if group is None or self._service is None:
            return
        self._tasks.run(partial(write_brief_pdf, self._service, Path(path), group, self.days,
                                clock().now()), self._exported, self._export_failed)

    def _exported(self, path: Path) -> None:
        self.notice.setText(self.tr("Brief saved to %1.").replace("%1", str(path)))
        self.notice.show()
        self.exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.error.emit(self.tr("Export failed"),
                        self.tr("The file could not be saved: %1").replace("%1", detail))


def group_filter(group: rec.Group) -> QueueFilter:
    """The queue's filter that holds the group: its kecamatan, category and dates."""
    first = group.items[-1]
    return QueueFilter(kecamatan_code=first.kecamatan,
                       category_id=group.scope_category or group.category_id,
                       date_from=group.earliest, date_to=group.latest)


@dataclass(frozen=True)
class Found:
    days: int
    groups: list[rec.Group]
    places: dict[str, str]  # place code -> "Barikin, Haruyan"
    categories: dict[str, str]  # category id -> name


def _find(service: Any) -> Found:
    """On the DB thread: the groups and the names they are shown with."""
    from core import Regions

    days = rec.window_days(service)
    groups = rec.find_recurring(service, days)
    regions = Regions.load()
    places = {}
    for group in groups:
        chain = [r.name for r in reversed(regions.path(group.place_code))][:2]
        places[group.place_code] = ", ".join(chain) or group.place_code
    categories = {c["id"]: c["name"] for c in service.categories()}
    return Found(days, groups, places, categories)


def _table(model: Any, name: str, stretch: tuple[int, ...], parent: QWidget) -> QTableView:
    """A read-only list; the ``stretch`` columns share the width left (long names elide)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(200)
    view.setCursor(Qt.CursorShape.PointingHandCursor)
    return view


def _headless() -> bool:
    """Offscreen (tests, screenshots): Qt's own dialog, which tests can drive."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() in ("offscreen", "minimal")
