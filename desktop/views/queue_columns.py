"""Column widths of the queue table: measured, never hard-coded, and fitted to the table.

Columns whose texts are known in advance (number, date, status, time left) get the width of
their longest text in the table's font, so "Belum Diverifikasi" or a provisional
number is never cut off when there is room. Category, region and unit are sized to the rows
on screen; the title stretches over what is left, sharing it with them (the title weighs
``TITLE_WEIGHT`` times as much). When the table is too narrow even for their minimums (a
1366x768 laptop at 125 %), the known-text columns give way in ``SHRINK_ORDER``, elided with
a tooltip; only a window narrower than every minimum scrolls sideways.

A width the officer sets by dragging a divider is kept (in ``Settings``) and used as is,
across restarts and whatever the room (the table may then scroll sideways); "Kembalikan lebar
kolom" in the header's menu goes back to measured widths.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop import formatting
from desktop.views.labels import STATUS, status_short
from desktop.views.queue_model import (
    COL_CATEGORY,
    COL_DATE,
    COL_DUE,
    COL_REGION,
    COL_STATUS,
    COL_TITLE,
    COL_TRACKING,
    COL_UNIT,
    COLUMNS,
    QueueModel,
    time_left_text,
)

# A provisional number as the loket prints it (desk id, date, sequence).
SAMPLE_PROVISIONAL = "L-D1-20261128-0007"
SAMPLE_TRACKING = "19999999"
# Free-text columns: sized to content, but no wider than this many average characters.
TEXT_MAX_CHARS = 26
TEXT_MIN_CHARS = 6
TITLE_MIN_CHARS = 13
# Share of the free space the title gets against one free-text column.
TITLE_WEIGHT = 3.0
TEXT_COLUMNS = (COL_CATEGORY, COL_REGION, COL_UNIT)
KNOWN_COLUMNS = (COL_TRACKING, COL_DATE, COL_STATUS, COL_DUE)
# Known-text columns give way in this order when even that is not enough: a provisional
# number elides (rare, and in the tooltip), the date drops its year, then the status elides.
SHRINK_ORDER = (COL_TRACKING, COL_DATE, COL_STATUS, COL_DUE)


class _TimeLeft:
    """A stand-in row for measuring the "Sisa waktu" texts."""

    def __init__(self, days_left: int | None, overdue: bool = False, paused: bool = False,
                 close_due: bool = False):
        self.days_left, self.overdue, self.paused = days_left, overdue, paused
        self.close_due = close_due


def _time_left_samples() -> list[tuple[str, bool]]:
    """(text, bold) for the widest texts the "Sisa waktu" column shows."""
    return [(time_left_text(_TimeLeft(-888, overdue=True)), True),
            (time_left_text(_TimeLeft(0)), True),
            (time_left_text(_TimeLeft(1)), True),
            (time_left_text(_TimeLeft(88)), False),
            (time_left_text(_TimeLeft(None, paused=True)), False),
            (time_left_text(_TimeLeft(-1, close_due=True)), True)]


def cell_padding(widget: QWidget | None) -> int:
    """Room the item delegate keeps around a cell's text (both sides, and a pixel)."""
    style = widget.style() if widget is not None else QApplication.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget)
    return 2 * (margin + 1) + 2


def short_date(text: str) -> str:
    """``28 Nov 2026`` -> ``28 Nov``: what a date cell shows when its year does not fit."""
    head, _, year = text.rpartition(" ")
    return head if head and year.isdigit() else text


class CompactDateDelegate(QStyledItemDelegate):
    """Draws a date without its year when the column is too narrow for all of it."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        room = option.rect.width() - cell_padding(option.widget)
        if option.text and option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = short_date(option.text)


class MiddleElideDelegate(QStyledItemDelegate):
    """Elides in the middle: two provisional numbers of one desk and day differ only at the
    end ("L-D1-2026…-0007" vs "…-0008"), so a cut at the end would make them look alike."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class QueueColumns(QObject):
    """Owns the horizontal header's section sizes (see the module docstring)."""

    def __init__(self, table: QTableView, model: QueueModel, lang: str = "id",
                 saved_widths: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent or table)
        self._table = table
        self._model = model
        self._lang = lang
        self._fitting = False
        self._measured_text = False
        self.user_widths: dict[int, int] = _parse_widths(saved_widths)
        self.natural: dict[int, int] = {}
        self.minimum: dict[int, int] = {}
        header = self.header
        header.setStretchLastSection(False)
        self.date_delegate = CompactDateDelegate(table)
        table.setItemDelegateForColumn(COL_DATE, self.date_delegate)
        self.number_delegate = MiddleElideDelegate(table)
        table.setItemDelegateForColumn(COL_TRACKING, self.number_delegate)
        self.measure()
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._section_resized)
        header.sortIndicatorChanged.connect(self._sort_changed)

    @property
    def header(self) -> QHeaderView:
        return self._table.horizontalHeader()

    # -- measuring ----------------------------------------------------------------------
    def _padding(self) -> int:
        return cell_padding(self._table)

    def _header_width(self, column: int, arrow: bool = True) -> int:
        """Header text plus the section's margins (and room for the sort arrow)."""
        metrics = QFontMetrics(self.header.font())
        text = str(self._model.headerData(column, Qt.Orientation.Horizontal) or "")
        style = self._table.style()
        mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, self.header)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self.header)
        return metrics.horizontalAdvance(text) + (mark + 4 * margin if arrow else 2 * margin)

    def _text_width(self, texts: Iterable[str], font: QFont | None = None) -> int:
        metrics = QFontMetrics(font or self._table.font())
        return max((metrics.horizontalAdvance(t) for t in texts), default=0) + self._padding()

    def _chars(self, count: int) -> int:
        return QFontMetrics(self._table.font()).averageCharWidth() * count + self._padding()

    def measure(self) -> None:
        """Natural and minimum widths from the current fonts and translations."""
        font = self._table.font()
        bold, italic = QFont(font), QFont(font)
        bold.setBold(True)
        italic.setItalic(True)
        months = (date(2026, month, 28) for month in range(1, 13))
        samples = _time_left_samples()
        self.natural = {
            COL_TRACKING: max(self._text_width([SAMPLE_PROVISIONAL], italic),
                              self._text_width([SAMPLE_TRACKING])),
            COL_DATE: self._text_width(formatting.date_short(d, self._lang) for d in months),
            COL_STATUS: self._text_width(status_short(code) for code in STATUS),
            COL_DUE: max(self._text_width([t for t, b in samples if b], bold),
                         self._text_width([t for t, b in samples if not b])),
        }
        for column in KNOWN_COLUMNS:
            self.natural[column] = max(self.natural[column], self._header_width(column))
        for column in TEXT_COLUMNS:
            self.natural[column] = max(self._header_width(column), self._chars(TEXT_MAX_CHARS))
        # Below these a column stops being useful; the number keeps a plain tracking number.
        self.minimum = {COL_TRACKING: self._text_width([SAMPLE_TRACKING]),
                        COL_DATE: self._text_width([short_date(formatting.date_short(
                            date(2026, 11, 28), self._lang))]),
                        COL_STATUS: self._text_width([STATUS.text("didisposisikan")]),
                        COL_DUE: self._text_width([time_left_text(_TimeLeft(-88, True))], bold)}
        for column in KNOWN_COLUMNS:  # the header's name stays readable (see fit: arrow)
            self.minimum[column] = max(self.minimum[column],
                                       self._header_width(column, arrow=False))
        for column in TEXT_COLUMNS:  # a few letters, and the header's name readable
            self.minimum[column] = max(self._chars(TEXT_MIN_CHARS),
                                       self._header_width(column, arrow=False))
        self.minimum[COL_TITLE] = self._chars(TITLE_MIN_CHARS)
        for column, width in self.minimum.items():
            self.minimum[column] = min(width, self.natural.get(column, width))

    def measure_content(self) -> None:
        """Size category, region and unit to the rows loaded so far (the first page)."""
        for column in TEXT_COLUMNS:
            texts = self._model.cached_texts(column)
            if texts:
                self.natural[column] = max(self._header_width(column), self.minimum[column],
                                           min(self._text_width(texts),
                                               self._chars(TEXT_MAX_CHARS)))
        self._measured_text = True
        self.fit()

    @property
    def content_measured(self) -> bool:
        return self._measured_text

    # -- fitting ------------------------------------------------------------------------
    def preferred(self, column: int) -> int:
        return self.user_widths.get(column) or self.natural[column]

    def fit(self) -> None:
        """Set every section but the title's for the viewport's current width."""
        header = self.header
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        available = self._table.viewport().width()
        visible = [c for c in range(len(COLUMNS))
                   if c != COL_TITLE and not header.isSectionHidden(c)]
        minimum = dict(self.minimum)
        sort = header.sortIndicatorSection()
        if sort in KNOWN_COLUMNS:  # the sorted column's header also shows the arrow
            minimum[sort] = min(max(minimum[sort], self._header_width(sort)),
                                self.natural[sort])
        widths = plan_widths(available, visible, self.preferred, minimum,
                             text_columns=[c for c in visible if c in TEXT_COLUMNS
                                           and c not in self.user_widths],
                             locked=frozenset(self.user_widths))
        self._fitting = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def set_hidden(self, column: int, hidden: bool) -> None:
        """Hide or show a column (the header's menu), then share the room again."""
        self._fitting = True  # showing a section again resizes it: not the officer's width
        try:
            self.header.setSectionHidden(column, hidden)
        finally:
            self._fitting = False
        self.fit()

    def reset(self) -> None:
        """Forget the officer's widths: measured widths again."""
        self.user_widths.clear()
        self.fit()

    def saved_widths(self) -> str:
        keys = {column: COLUMNS[column][0] for column in range(len(COLUMNS))}
        return json.dumps({keys[c]: w for c, w in sorted(self.user_widths.items())})

    # -- events -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _sort_changed(self, _column: int, _order: Qt.SortOrder) -> None:
        self.fit()  # the arrow moved to another header

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == COL_TITLE or new <= 0:
            return
        if self.header.isSectionHidden(column):
            return
        self.user_widths[column] = new  # the officer dragged a divider (or double-clicked it)


def plan_widths(available: int, columns: list[int], preferred: Callable[[int], int],
                minimum: dict[int, int], text_columns: list[int],
                locked: frozenset[int] = frozenset()) -> dict[int, int]:
    """Widths of ``columns`` (all but the title) so that they and the title fit ``available``.

    Space beyond the fixed columns' and every minimum is shared like water: the title has
    weight ``TITLE_WEIGHT``, each free-text column weight 1 up to its preferred width, and
    the title takes whatever the text columns do not want. When even the minimums do not
    fit, the fixed columns give way in ``SHRINK_ORDER`` (their text elides). ``locked``
    columns (widths the officer set) keep their preferred width whatever the room.
    """
    widths = {c: preferred(c) for c in columns}
    fixed = [c for c in columns if c not in text_columns]
    spare = (available - sum(widths[c] for c in fixed) - minimum[COL_TITLE]
             - sum(minimum[c] for c in text_columns))
    for c in text_columns:
        widths[c] = minimum[c]
    if spare > 0:
        wanting = sorted(text_columns, key=lambda c: preferred(c) - minimum[c])
        while wanting:
            level = spare / (TITLE_WEIGHT + len(wanting))
            slack = preferred(wanting[0]) - minimum[wanting[0]]
            if slack > level:
                for c in wanting:
                    widths[c] = minimum[c] + int(level)
                break
            widths[wanting[0]] = minimum[wanting[0]] + max(0, slack)
            spare -= max(0, slack)
            wanting.pop(0)
    else:  # fixed columns give way, one after another, down to their minimum
        over = -spare
        for c in [c for c in SHRINK_ORDER if c in fixed and c not in locked]:
            give = min(over, max(0, widths[c] - minimum.get(c, widths[c])))
            widths[c] -= give
            over -= give
            if over <= 0:
                break
    return widths


def _parse_widths(saved: str) -> dict[int, int]:
    """``{"status": 190, ...}`` from Settings; anything unreadable is ignored."""
    try:
        raw = json.loads(saved) if saved else {}
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    columns = {key: index for index, (key, _source) in enumerate(COLUMNS)}
    return {columns[k]: int(v) for k, v in raw.items()
            if k in columns and columns[k] != COL_TITLE and isinstance(v, int) and 16 <= v
            <= 2000}
