"""The Dasbor's charts (Qt Charts): the 12-month trend and the on-time rate bars.

Each chart only shows and reports clicks: ``picked`` carries what the clicked bar stands
for (a month and which bar, or a row key), the page turns it into a queue filter. The
numbers are the office's (Indonesian grouping: ``QChart.setLocalizeNumbers``); each bar
also says what it is in a tooltip. Series and axes are made once and refilled on every
refresh (made anew each time, Qt Charts kept the old ones' items: painting slowed down
refresh after refresh).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from desktop import formatting

RECEIVED_COLOUR = QColor("#5b7fa6")
CLOSED_COLOUR = QColor("#5e9c5a")
RATE_COLOUR = QColor("#2e6b9e")
LATE_COLOUR = QColor("#e3a19c")
MAX_BARS = 8


class _ChartView(QChartView):
    picked = Signal(object)

    def __init__(self, lang: str, series: QAbstractBarSeries, names: tuple[str, str],
                 colours: tuple[QColor, QColor], category_side: Qt.AlignmentFlag,
                 parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale(QLocale.Language.Indonesian if lang == "id"
                                else QLocale.Language.English))
        super().__init__(chart, parent)
        self._lang = lang
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.series = series
        self.sets = (QBarSet(names[0]), QBarSet(names[1]))
        for bar_set, colour in zip(self.sets, colours, strict=True):
            bar_set.setColor(colour)
            series.append(bar_set)
            # Bound methods: no Python cycle through a lambda.
            bar_set.clicked.connect(self._clicked)
            bar_set.hovered.connect(self._hovered)
        chart.addSeries(series)
        self.categories = QBarCategoryAxis()
        self.values = QValueAxis()
        value_side = (Qt.AlignmentFlag.AlignBottom if category_side == Qt.AlignmentFlag.AlignLeft
                      else Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.categories, category_side)
        chart.addAxis(self.values, value_side)
        series.attachAxis(self.categories)
        series.attachAxis(self.values)

    def _fill(self, labels: Sequence[str], first: Sequence[float],
              second: Sequence[float]) -> None:
        """Replace the categories and both sets' values."""
        for bar_set, values in zip(self.sets, (first, second), strict=True):
            bar_set.remove(0, bar_set.count())
            bar_set.append([float(v) for v in values])
        self.categories.clear()
        self.categories.append(list(labels) or [""])

    def _number(self, value: float, decimals: int = 0) -> str:
        return formatting.number(value, decimals, lang=self._lang)

    def _to_view(self, point: QPointF) -> QPointF:
        """A point in the series' values, in the view's viewport coordinates."""
        chart = self.chart()
        scene = chart.mapToScene(chart.mapToPosition(point, self.series))
        return QPointF(self.mapFromScene(scene))

    def _clicked(self, index: int) -> None:
        raise NotImplementedError

    def _tip(self, index: int, bar_set: QBarSet) -> str:
        raise NotImplementedError

    def _hovered(self, on: bool, index: int) -> None:
        bar_set = self.sender()
        if on and isinstance(bar_set, QBarSet):
            QToolTip.showText(QCursor.pos(), self._tip(index, bar_set), self)
        else:
            QToolTip.hideText()


class TrendChart(_ChartView):
    """Received and completed per month; ``picked((month index, completed?))``."""

    def __init__(self, lang: str, names: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(lang, QBarSeries(), names, (RECEIVED_COLOUR, CLOSED_COLOUR),
                         Qt.AlignmentFlag.AlignBottom, parent)
        self.setObjectName("trendChart")
        self.values.setLabelFormat("%.0f")
        self.months: list[Any] = []
        self._labels: list[str] = []

    def set_points(self, points: Sequence[Any], labels: Sequence[str]) -> None:
        """``points``: MonthPoint (month, received, closed); ``labels``: the months' names."""
        self.months, self._labels = list(points), list(labels)
        self._fill(labels, [p.received for p in points], [p.closed for p in points])
        self.values.setRange(0, max([1.0, *(float(p.received) for p in points)]))
        self.values.applyNiceNumbers()

    def bar_point(self, month: int, completed: bool = False) -> QPointF:
        """The middle of a month's received (or completed) bar, in viewport coordinates
        (where a click lands)."""
        offset = (0.5 if completed else -0.5) * self.series.barWidth() / 2
        return self._to_view(QPointF(month + offset, self.sets[completed].at(month) / 2))

    def _clicked(self, index: int) -> None:
        self.picked.emit((index, self.sender() is self.sets[1]))

    def _tip(self, index: int, bar_set: QBarSet) -> str:
        return f"{self._labels[index]}: {bar_set.label()} {self._number(bar_set.at(index))}"


class RateChart(_ChartView):
    """On-time rate per row (unit, category, region): one full bar per row split into
    completed on time and late (so a row at 0 % can still be clicked), the biggest row on
    top; ``picked(row key)``."""

    def __init__(self, name: str, lang: str, names: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        series = QHorizontalPercentBarSeries()
        series.setBarWidth(0.7)
        super().__init__(lang, series, names, (RATE_COLOUR, LATE_COLOUR),
                         Qt.AlignmentFlag.AlignLeft, parent)
        self.setObjectName(name)
        self.values.setRange(0, 100)
        self.values.setTickCount(6)
        self.values.setLabelFormat("%.0f %")  # localized numbers: the suffix is kept as written
        self.keys: list[str] = []
        self.labels: list[str] = []
        self.rates: list[float] = []

    def set_rows(self, rows: Sequence[tuple[str, str, int, int]]) -> None:
        """``rows``: (key, label, completed on time, completed late), shown top to bottom."""
        shown = list(rows)[:MAX_BARS]
        ordered = list(reversed(shown))  # a horizontal series draws its first row lowest
        self.keys = [key for key, *_ in ordered]
        self.rates = [100.0 * good / (good + late) if good + late else 0.0
                      for _key, _label, good, late in ordered]
        # The rate first: should Qt shorten a label, it shortens the name.
        self.labels = [f"{self._number(rate, 1)} % \u00b7 {_clip(label)}"
                       for (_key, label, _good, _late), rate in zip(ordered, self.rates,
                                                                   strict=True)]
        self._fill(self.labels, [good for _k, _l, good, _n in ordered],
                   [late for _k, _l, _g, late in ordered])
        self.setMinimumHeight(max(160, 60 + 30 * len(shown)))

    def bar_point(self, category: int, late: bool = False) -> QPointF:
        """The middle of a row's on-time (or late) part, in viewport coordinates."""
        rate = self.rates[category]
        x = rate + (100.0 - rate) / 2 if late else rate / 2
        return self._to_view(QPointF(x, category))

    def _clicked(self, index: int) -> None:
        self.picked.emit(self.keys[index])

    def _tip(self, index: int, bar_set: QBarSet) -> str:
        return self.labels[index]


def _clip(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"
