"""The flowables of the recap document (``desktop.reports.pdf``): kop, title,
totals, charts, tables, the multi-unit note and the signature block."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop import formatting
from desktop.letters import fonts
from desktop.letters.paper import MM
from desktop.letters.pdfparts import KopFlowable, esc, layout_kop, make_styles
from desktop.letters.signature import signature_block
from desktop.reports import export, pdf_charts
from desktop.reports.pdf import BASIS, TITLE, multi_unit_note, period_text

if TYPE_CHECKING:
    from desktop.reports.pdf import Letterhead
    from desktop.store.dashboard import MonthPoint
    from desktop.store.reports import Report

HEADER_GREY = colors.HexColor("#e8eaed")
STRIPE = colors.HexColor("#f6f7f8")
CELL = 8.0


def cell(value: export.Cell) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        return f"{formatting.number(value, 1, lang='id')} %"
    if isinstance(value, int):
        return formatting.number(value, lang="id")
    return str(value)


class RecapStory:
    def __init__(self, report: Report, width: float, made: datetime,
                 letterhead: Letterhead | None, trend: Sequence[MonthPoint]) -> None:
        self.report, self.width, self.made = report, width, made
        self.letterhead, self.trend = letterhead, list(trend)
        self.st = make_styles(1.0)
        self.heading = ParagraphStyle("recap_heading", fontName=fonts.BOLD, fontSize=10.5,
                                      leading=13, spaceBefore=7, spaceAfter=3)
        self.title = ParagraphStyle("recap_title", fontName=fonts.BOLD, fontSize=12.5,
                                    leading=16, alignment=TA_CENTER)
        self.small = ParagraphStyle("recap_small", fontName=fonts.REGULAR, fontSize=CELL,
                                    leading=CELL * 1.25)
        self.small_bold = ParagraphStyle("recap_small_bold", parent=self.small,
                                         fontName=fonts.BOLD)
        # Number headers one size down: "Terlambat" fits a portrait page's column whole.
        self.head_right = ParagraphStyle("recap_head_right", parent=self.small_bold,
                                         fontSize=CELL - 0.5, leading=(CELL - 0.5) * 1.2,
                                         alignment=2)
        self.note = ParagraphStyle("recap_note", parent=self.small, fontName=fonts.ITALIC)

    def build(self) -> list:
        story: list = []
        if self.letterhead is not None:
            story.append(KopFlowable(layout_kop(self.letterhead.profile, self.width, 1.0)))
            story.append(Spacer(1, 4 * MM))
        report = self.report
        story += [Paragraph(TITLE, self.title),
                  Paragraph(f"PERIODE {period_text(report.date_from, report.date_to)}",
                            self.title),
                  Paragraph(f"({BASIS})", ParagraphStyle("basis", parent=self.note,
                                                        alignment=TA_CENTER)),
                  Spacer(1, 4 * MM), self.summary()]
        story += self.charts()
        for table in export.tables(report, "id"):
            if table.rows:
                story += self.table(table)
        story += self.signature()
        return story

    # -- parts ----------------------------------------------------------------------------
    def summary(self) -> Table:
        pairs = [(k, v) for k, v in export.summary(self.report, "id")
                 if k != export.TEXT["id"]["period"]]
        median = export.TEXT["id"]["median"]
        cells = []
        for key, value in pairs:
            if key == median and value is not None:
                text = formatting.number(value, 0 if float(value).is_integer() else 1,
                                         lang="id")
            else:
                text = cell(value)
            cells += [Paragraph(esc(key), self.small), Paragraph(f"<b>{esc(text)}</b>",
                                                                 self.small)]
        rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
        if len(rows[-1]) < 4:
            rows[-1] += [""] * (4 - len(rows[-1]))
        quarter = self.width / 4
        grid = Table(rows, colWidths=[quarter * 1.45, quarter * 0.55] * 2, hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, CELL),  # the empty cells' too
            ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
            ("LINEBEFORE", (2, 0), (2, -1), 0.5, colors.grey),
            ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, STRIPE]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
        return grid

    def charts(self) -> list:
        out: list = []
        if self.trend:
            first, last = self.trend[0], self.trend[-1]
            span = f"{pdf_charts.month_label(first)} \u2013 {pdf_charts.month_label(last)}"
            out.append(KeepTogether([
                Paragraph(f"Tren 12 bulan ({span})", self.heading),
                pdf_charts.trend_chart(self.trend, self.width), self.trend_table()]))
        chart = pdf_charts.on_time_chart(self.report.by_unit, self.width)
        if chart is not None:
            out.append(KeepTogether([Paragraph("Ketepatan waktu per unit", self.heading),
                                     chart]))
        return out

    def trend_table(self) -> Table:
        head = [Paragraph("Bulan", self.small_bold)] + [
            Paragraph(pdf_charts.month_label(p).replace(" ", "<br/>"), self.head_right)
            for p in self.trend]
        rows = [head, [Paragraph("Diterima", self.small)] + [cell(p.received) for p in self.trend],
                [Paragraph("Selesai", self.small)] + [cell(p.closed) for p in self.trend]]
        first = 18 * MM
        grid = Table(rows, colWidths=[first] + [(self.width - first) / len(self.trend)]
                     * len(self.trend), hAlign="LEFT")
        grid.setStyle(self._grid_style())
        return grid

    def table(self, table: export.Table) -> list:
        numbers = len(table.headers) - 1
        wide = numbers > 2
        step = min(19 * MM, (self.width - 42 * MM) / numbers) if wide else 28 * MM
        first = self.width - numbers * step if wide else 90 * MM
        header = [Paragraph(h, self.small_bold if i == 0 else self.head_right)
                  for i, h in enumerate(table.headers)]
        data = [header] + [[Paragraph(escape(cell(row[0])), self.small),
                            *(cell(v) for v in row[1:])] for row in table.rows]
        grid = Table(data, colWidths=[first] + [step] * numbers, repeatRows=1, hAlign="LEFT")
        grid.setStyle(self._grid_style())
        if not wide:  # the narrow recaps end with their total, in bold
            data[-1][0] = Paragraph(f"<b>{escape(cell(table.rows[-1][0]))}</b>", self.small)
            grid.setStyle(TableStyle([("FONT", (1, -1), (-1, -1), fonts.BOLD, CELL)]))
        parts: list = [Paragraph(table.title, self.heading), grid]
        note = multi_unit_note(self.report) if table.name == "by_unit" else ""
        if note:
            parts.append(Spacer(1, 1.5 * MM))
            parts.append(Paragraph(esc(note), self.note))
        if len(table.rows) > 25:  # a long table breaks across pages, its header repeated
            parts[0].keepWithNext = True
            return parts
        return [KeepTogether(parts)]

    def signature(self) -> list:
        head = self.letterhead
        if head is None or head.signer is None:
            return []
        block = signature_block(head.signer, self.st, self.width, place=head.profile.place,
                                day=self.made.date())
        return [Spacer(1, 6 * MM), KeepTogether([block])]

    def _grid_style(self) -> TableStyle:
        return TableStyle([
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, CELL),
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, CELL),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ])
