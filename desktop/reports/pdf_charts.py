"""The recap's charts as vector drawings (``reportlab.graphics``): the 12-month trend
(received and completed per month of receipt) and the on-time rate by unit.

Every string is set in the documents' embedded typeface (``desktop.letters.fonts``):
reportlab's charts default to Helvetica, which the tests' ``pdffonts`` check refuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from desktop import formatting
from desktop.letters import fonts
from desktop.letters.paper import MM
from desktop.letters.pdfparts import fit_text

if TYPE_CHECKING:
    from desktop.store.dashboard import MonthPoint
    from desktop.store.reports import RecapRow

MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                "Des")
RECEIVED_COLOUR = colors.HexColor("#5b7fa6")
CLOSED_COLOUR = colors.HexColor("#5e9c5a")
ON_TIME_COLOUR = colors.HexColor("#2e6b9e")
MAX_UNITS = 15  # bars in the on-time chart; the table lists every unit
LABEL_SIZE = 7.0


def month_label(point: MonthPoint) -> str:
    """``Nov 2026``."""
    return f"{MONTHS_SHORT[point.month.month - 1]} {point.month.year}"


def _number(value: float) -> str:
    return formatting.number(value, lang="id")


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose renderer starts in the embedded font (its default is Helvetica,
    set even when no string uses it)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def _axis_fonts(chart: VerticalBarChart | HorizontalBarChart) -> None:
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = fonts.REGULAR
        labels.fontSize = LABEL_SIZE


def trend_chart(points: Sequence[MonthPoint], width: float, height: float = 62 * MM) -> Drawing:
    """Received and completed per month (grouped bars), with a legend above."""
    fonts.register_fonts()
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * MM, 11 * MM
    chart.width, chart.height = width - chart.x - 2 * MM, height - chart.y - 10 * MM
    chart.data = [[p.received for p in points], [p.closed for p in points]]
    chart.categoryAxis.categoryNames = [month_label(p).replace(" ", "\n") for p in points]
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.valueMin = 0
    top = max([1, *(p.received for p in points)])
    chart.valueAxis.valueMax = top * 1.1
    chart.valueAxis.valueStep = _nice_step(top)
    chart.valueAxis.labelTextFormat = _number
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.groupSpacing = 4
    chart.barSpacing = 0.5
    chart.bars[0].fillColor = RECEIVED_COLOUR
    chart.bars[1].fillColor = CLOSED_COLOUR
    for i in (0, 1):
        chart.bars[i].strokeColor = None
    _axis_fonts(chart)
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = chart.x, height - 2 * MM
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 42 * MM
    legend.fontName, legend.fontSize = fonts.REGULAR, LABEL_SIZE + 1
    legend.colorNamePairs = [(RECEIVED_COLOUR, "Diterima"),
                             (CLOSED_COLOUR, "Selesai (dari yang diterima bulan itu)")]
    drawing.add(legend)
    return drawing


def on_time_chart(rows: Sequence[RecapRow], width: float) -> Drawing | None:
    """Horizontal bars: the on-time rate of each unit with completed complaints (the
    biggest ``MAX_UNITS`` by completed complaints), its completed count beside the name.
    None when no unit has completed any."""
    fonts.register_fonts()
    shown = sorted((r for r in rows if r.closed and r.key), key=lambda r: -r.closed)[:MAX_UNITS]
    if not shown:
        return None
    bar = 6.2 * MM
    label_w = width * 0.42
    height = len(shown) * bar + 12 * MM
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 8 * MM
    chart.width, chart.height = width - label_w - 16 * MM, len(shown) * bar
    # Bottom to top: reversed, so the biggest unit is the first bar from the top.
    ordered = list(reversed(shown))
    chart.data = [[round(r.on_time_pct or 0.0, 1) for r in ordered]]
    chart.categoryAxis.categoryNames = [
        fit_text(f"{r.label} ({_number(r.closed)})", fonts.REGULAR, LABEL_SIZE, label_w - 3 * MM)
        for r in ordered]
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.0f} %"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.bars[0].fillColor = ON_TIME_COLOUR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{formatting.number(v, 1, lang='id')} %"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    _axis_fonts(chart)
    drawing.add(chart)
    drawing.add(String(label_w, height - 3 * MM,
                       "Persentase selesai tepat waktu (jumlah selesai dalam kurung)",
                       fontName=fonts.ITALIC, fontSize=LABEL_SIZE))
    return drawing


def _nice_step(top: float) -> float:
    """A round axis step giving 4 to 8 grid lines up to ``top``."""
    step = 1.0
    while top / step > 8:
        for factor in (2, 2.5, 2):
            step *= factor
            if top / step <= 8:
                break
    return step
