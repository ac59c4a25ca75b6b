"""The complaint queue as a table model over ids: SQL filters and sorts, rows come lazily.

The model holds only the ordered id list of the current query. Row data is fetched from the
service in pages of ``PAGE_SIZE`` through :mod:`desktop.tasks` the first time a view asks
for a row, and kept in a bounded cache. Sorting asks the service again instead of sorting
in Qt, so 100,000 complaints cost one id list, not 100,000 row objects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from core import waits_on_reporter
from desktop import formatting
from desktop.tasks import Tasks
from desktop.views.labels import status_short, status_text

PAGE_SIZE = 100
CACHE_LIMIT = 5000

# (sort key understood by DeskService.queue_ids, header source text)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("tracking_number", QT_TRANSLATE_NOOP("QueueModel", "Tracking no.")),
    ("received_at", QT_TRANSLATE_NOOP("QueueModel", "Date")),
    ("title", QT_TRANSLATE_NOOP("QueueModel", "Title")),
    ("category", QT_TRANSLATE_NOOP("QueueModel", "Category")),
    ("region", QT_TRANSLATE_NOOP("QueueModel", "Region")),
    ("unit", QT_TRANSLATE_NOOP("QueueModel", "Unit")),
    ("status", QT_TRANSLATE_NOOP("QueueModel", "Status")),
    ("due_date", QT_TRANSLATE_NOOP("QueueModel", "Time left")),
)
(COL_TRACKING, COL_DATE, COL_TITLE, COL_CATEGORY, COL_REGION, COL_UNIT, COL_STATUS,
 COL_DUE) = range(len(COLUMNS))

# Row colours: red past the deadline, amber within a working day of it; blue when the
# reporter did not answer within the period (due for closing: not the agency's delay).
OVERDUE_BG, OVERDUE_FG = QColor("#fde8e8"), QColor("#9b1c1c")
DUE_SOON_BG, DUE_SOON_FG = QColor("#fff4d6"), QColor("#7a4b00")
CLOSE_DUE_BG, CLOSE_DUE_FG = QColor("#e6effa"), QColor("#1f4f8f")
PAUSED_FG = QColor("#5f6b7a")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class _RestOfIds(QEvent):
    """Posted once the first screen's rows are in: fetch the query's other ids."""

    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, generation: int, version: int) -> None:
        super().__init__(self.TYPE)
        self.generation, self.version = generation, version


def time_left_text(row: Any) -> str:
    """The "Sisa waktu" cell: working days left, days overdue, or why there is no clock."""
    if row.paused:
        return QCoreApplication.translate("QueueModel", "On hold")
    if row.days_left is None:
        return "—"
    if getattr(row, "close_due", False):
        return QCoreApplication.translate("QueueModel", "Ready to close")
    if row.overdue:
        late = max(1, -row.days_left)
        if late == 1:
            return QCoreApplication.translate("QueueModel", "1 day overdue")
        text = QCoreApplication.translate("QueueModel", "%1 days overdue")
        return text.replace("%1", str(late))
    if row.days_left == 0:
        return QCoreApplication.translate("QueueModel", "Due today")
    if row.days_left == 1:
        return QCoreApplication.translate("QueueModel", "1 day left")
    text = QCoreApplication.translate("QueueModel", "%1 days left")
    return text.replace("%1", str(row.days_left))


def tracking_text(row: Any) -> str:
    if row.tracking_number is not None:
        return str(row.tracking_number)
    return row.provisional_number or ""


# Words every unit name of a kind starts with: in a narrow column they hide what tells
# units apart ("Bidang P…" for every bidang). The tooltip keeps the full name.
UNIT_KIND_PREFIX = re.compile(
    r"^(bidang|seksi|sub ?bagian|subbag|sekretariat|uptd?|unit pelaksana teknis)\s+",
    re.IGNORECASE)


def compact_units(names: str) -> str:
    """ "Bidang Pelayanan Kesehatan, Bidang P2P" -> "Pelayanan Kesehatan, P2P"."""
    parts = [p.strip() for p in names.split(",") if p.strip()]
    return ", ".join(UNIT_KIND_PREFIX.sub("", p) or p for p in parts)


def compact_region(name: str) -> str:
    """The most specific part of a region ("Banjarmasin Utara, Kota Banjarmasin" ->
    "Banjarmasin Utara"): the kecamatan or desa the officer looks for."""
    return name.split(",", 1)[0].strip()


class QueueModel(QAbstractTableModel):
    """Ids of the current query in order; rows fetched on demand from ``DeskService``."""

    queried = Signal(int)  # a new id list is in place: its length
    rows_fetched = Signal()  # a page of rows arrived and the view was told

    def __init__(self, tasks: Tasks, lang: str = "id", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._lang = lang
        self._service: Any = None
        self._filter: Any = None
        self._sort_key = "received_at"
        self._descending = True
        self._ids: list[str] = []
        # Rows shown while only the first screen's ids are known (None: len(_ids)).
        self._total: int | None = None
        self._rows: dict[str, Any] = {}  # id -> QueueRow; insertion order = age for eviction
        self._row_of: dict[str, int] | None = None
        self._pending_pages: set[int] = set()
        self._generation = 0  # bumped per query: late answers to an old query are dropped
        self._data_version = 0  # bumped when rows may have changed ...
        self._cache_version = 0  # ... and the cache is cleared when the first newer rows land
        self._loading = False
        self._handover = -1  # generation of a query that takes over from another reader
        self._query_timer = QTimer(self)
        self._query_timer.setSingleShot(True)
        self._query_timer.setInterval(0)
        self._query_timer.timeout.connect(self._run_query)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- what to show -------------------------------------------------------------------
    def set_service(self, service: Any, queue_filter: Any, *, handover: bool = False) -> None:
        """Start querying ``service``; the query is queued at once, ahead of later jobs.

        ``handover``: ``service`` takes over from the reader that answered so far (the
        start-up's light reader): when it finds the same ids, the table is not reset (the
        officer's scroll position and selection stay) and its rows replace the old ones.
        """
        self._service = service
        self._filter = queue_filter
        self._data_version += 1
        self._loading = True
        self._query_timer.stop()
        self._run_query()
        self._handover = self._generation if handover else -1

    @property
    def queue_filter(self) -> Any:
        return self._filter

    def set_filter(self, queue_filter: Any) -> None:
        if queue_filter != self._filter:
            self._filter = queue_filter
            self._schedule()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Called by the header: the service sorts, the model only re-reads the ids."""
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort_key, self._descending):
            self._sort_key, self._descending = key, descending
            self._schedule()

    def refresh(self) -> None:
        """Re-run the query and re-read rows (after a write or a sync pull). Old rows stay
        on screen until the new ones arrive, so the table does not blink."""
        self._data_version += 1
        self._schedule()

    @property
    def loading(self) -> bool:
        """True from a query's start until its ids are in place."""
        return self._loading

    # -- lookups for the window ---------------------------------------------------------
    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, complaint_id: str) -> int | None:
        if self._row_of is None:
            self._row_of = {cid: i for i, cid in enumerate(self._ids)}
        return self._row_of.get(complaint_id)

    def cached_row(self, complaint_id: str) -> Any:
        return self._rows.get(complaint_id)

    def ids(self) -> Sequence[str]:
        return self._ids

    def cached_texts(self, column: int, limit: int = PAGE_SIZE) -> list[str]:
        """What ``column`` shows for the first ``limit`` rows already loaded (no fetching)."""
        rows = (self._rows.get(cid) for cid in self._ids[:limit])
        return [self._display(row, column) for row in rows if row is not None]

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._ids) if self._total is None else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # tip: when narrow
            return QCoreApplication.translate("QueueModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() >= len(self._ids):  # the first screen: its other ids are on their way
            if (role == Qt.ItemDataRole.DisplayRole and index.column() == COL_TRACKING
                    and index.row() < self.rowCount()):
                return "…"
            return None
        cid = self._ids[index.row()]
        if role == ID_ROLE:
            return cid
        row = self._rows.get(cid)
        if row is None:
            self._request_page(index.row() // PAGE_SIZE)
            if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_TRACKING:
                return "…"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.overdue:
                return OVERDUE_BG
            if row.due_soon:
                return DUE_SOON_BG
            return CLOSE_DUE_BG if row.close_due and index.column() == COL_DUE else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:
                return OVERDUE_FG
            if row.due_soon:
                return DUE_SOON_FG
            if row.close_due and index.column() == COL_DUE:
                return CLOSE_DUE_FG
            return PAUSED_FG if row.paused and index.column() == COL_DUE else None
        if role == Qt.ItemDataRole.FontRole:
            if index.column() == COL_DUE and (row.overdue or row.due_soon or row.close_due):
                return self._bold
            if index.column() == COL_TRACKING and row.tracking_number is None:
                italic = QFont()
                italic.setItalic(True)
                return italic
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        if role == ROW_ROLE:
            return row
        return None

    def _display(self, row: Any, column: int) -> str:
        if column == COL_TRACKING:
            return tracking_text(row)
        if column == COL_DATE:
            return formatting.date_short(row.received_at, self._lang)
        if column == COL_TITLE:
            return row.title
        if column == COL_CATEGORY:
            return row.category_name or ""
        if column == COL_REGION:
            return compact_region(row.region_name or "")
        if column == COL_UNIT:
            return compact_units(row.unit_names or "")
        if column == COL_STATUS:
            return status_short(row.status, row.status_label,
                                verified=getattr(row, "verified", False))
        return time_left_text(row)

    def _tooltip(self, row: Any, column: int) -> str | None:
        if column == COL_TRACKING and row.tracking_number is None:
            return QCoreApplication.translate(
                "QueueModel", "Provisional number: the central server assigns the tracking "
                "number at the next sync")
        if column == COL_DATE:  # a narrow column drops the year
            return formatting.date_long(row.received_at, self._lang)
        if column == COL_DUE and row.close_due:
            return QCoreApplication.translate(
                "QueueModel", "The reporter did not reply by %1: close the complaint").replace(
                "%1", formatting.date_long(row.due_date, self._lang))
        if column == COL_DUE and row.due_date is not None and waits_on_reporter(row.status):
            return QCoreApplication.translate(
                "QueueModel", "Waiting for the reporter's reply until %1 (working days)").replace(
                "%1", formatting.date_long(row.due_date, self._lang))
        if column == COL_DUE and row.due_date is not None:
            return QCoreApplication.translate("QueueModel", "Deadline: %1 (working days)").replace(
                "%1", formatting.date_long(row.due_date, self._lang))
        if column == COL_STATUS:
            return status_text(row.status, row.status_label,
                               verified=getattr(row, "verified", False)) or None
        if column == COL_UNIT:  # the full names, kind included
            return row.unit_names or None
        if column == COL_REGION:
            return row.region_name or None
        if column in (COL_TITLE, COL_CATEGORY):
            return self._display(row, column) or None
        return None

    # -- background work ----------------------------------------------------------------
    def _schedule(self) -> None:
        if self._service is not None:
            self._loading = True
            self._query_timer.start()

    def _run_query(self) -> None:
        self._generation += 1
        if not self._ids and hasattr(self._service, "first_screen"):
            # Nothing on screen yet and a reader that can answer the first rows alone: the
            # table appears before the whole id list is read (then _RestOfIds).
            job = partial(_first_query, self._service, self._filter, self._sort_key,
                          self._descending)
            self._tasks.run(job, partial(self._first_arrived, self._generation,
                                         self._data_version), self._query_failed)
            return
        job = partial(_query, self._service, self._filter, self._sort_key, self._descending)
        self._tasks.run(job, partial(self._ids_arrived, self._generation, self._data_version),
                        self._query_failed)

    def _ids_arrived(self, generation: int, version: int,
                     result: tuple[list[str], list[Any]]) -> None:
        if generation != self._generation:
            return
        ids, first_rows = result
        if generation == self._handover and ids == self._ids:
            self._pending_pages.clear()
            self._store(first_rows, version)
            if ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(ids) - 1, len(COLUMNS) - 1))
        else:
            self.beginResetModel()
            self._ids = ids
            self._total = None
            self._row_of = None
            self._pending_pages.clear()
            self._store(first_rows, version)
            self.endResetModel()
        self._loading = False
        self.queried.emit(len(ids))
        if first_rows:
            self.rows_fetched.emit()

    def _first_arrived(self, generation: int, version: int,
                       result: tuple[list[str], int, list[Any]]) -> None:
        ids, total, first_rows = result
        if generation != self._generation:
            return
        if len(ids) >= total:
            self._ids_arrived(generation, version, (ids, first_rows))
            return
        self.beginResetModel()
        self._ids = ids
        self._total = total
        self._row_of = None
        self._pending_pages.clear()
        self._store(first_rows, version)
        self.endResetModel()
        self.queried.emit(total)
        self.rows_fetched.emit()
        # Low priority, as Qt posts its repaint requests: after the first rows' paint.
        QCoreApplication.postEvent(self, _RestOfIds(generation, version),
                                   Qt.EventPriority.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if isinstance(event, _RestOfIds):
            if event.generation == self._generation:
                job = partial(_query_ids, self._service, self._filter, self._sort_key,
                              self._descending)
                self._tasks.run(job, partial(self._rest_arrived, event.generation,
                                             event.version), self._query_failed)
        else:
            super().customEvent(event)

    def _rest_arrived(self, generation: int, version: int, ids: list[str]) -> None:
        if generation != self._generation:
            return
        known = len(self._ids)
        if len(ids) != self._total or ids[:known] != self._ids:  # changed meanwhile
            self._ids_arrived(generation, version, (ids, []))
            return
        self._ids = ids
        self._total = None
        self._row_of = None
        self._loading = False
        if len(ids) > known:  # the rows below the first screen can be fetched now
            self.dataChanged.emit(self.index(known, 0), self.index(len(ids) - 1,
                                                                   len(COLUMNS) - 1))

    def _query_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._tasks.report(exc)

    def _request_page(self, page: int) -> None:
        if page in self._pending_pages or self._service is None:
            return
        self._pending_pages.add(page)
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        job = partial(_fetch_rows, self._service, ids, self._generation, self._current)
        self._tasks.run(job, partial(self._page_arrived, self._generation, self._data_version,
                                     page), self._page_failed)

    def _current(self, generation: int) -> bool:
        """Still worth fetching? Read from the worker: a plain int compare, no lock needed."""
        return generation == self._generation

    def _page_arrived(self, generation: int, version: int, page: int, rows: list[Any]) -> None:
        self._store(rows, version)
        if generation != self._generation:
            return
        self._pending_pages.discard(page)
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.rows_fetched.emit()

    def _page_failed(self, exc: BaseException) -> None:
        # Leave the page marked pending: retrying on every repaint would flood the queue
        # and the error dialog; a refresh clears it.
        self._tasks.report(exc)

    def _store(self, rows: list[Any], version: int) -> None:
        if version < self._cache_version:
            return
        if version > self._cache_version:
            self._rows.clear()
            self._cache_version = version
        for row in rows:
            self._rows[row.id] = row
        excess = len(self._rows) - CACHE_LIMIT
        if excess > 0:  # forget the oldest pages first
            for cid in list(self._rows)[:excess]:
                del self._rows[cid]


def _query(service: Any, queue_filter: Any, sort: str, descending: bool) -> tuple[list, list]:
    """DB thread: the ordered ids, plus the first page so the first paint needs no round trip."""
    ids = service.queue_ids(queue_filter, sort=sort, descending=descending)
    return ids, service.rows(ids[:PAGE_SIZE])


def _first_query(service: Any, queue_filter: Any, sort: str,
                 descending: bool) -> tuple[list, int, list]:
    """DB thread: the first screen's ids, how many match in all, and their rows."""
    return service.first_screen(queue_filter, sort, descending, PAGE_SIZE)


def _query_ids(service: Any, queue_filter: Any, sort: str, descending: bool) -> list[str]:
    """DB thread: every id of the query, in order."""
    return service.queue_ids(queue_filter, sort=sort, descending=descending)


def _fetch_rows(service: Any, ids: list[str], generation: int, current: Any) -> list[Any]:
    """DB thread: a page of rows, skipped if the query changed while it waited in line."""
    if not current(generation):
        return []
    return service.rows(ids)
