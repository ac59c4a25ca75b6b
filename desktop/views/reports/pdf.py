"""The recap as a printable PDF (A4 landscape): totals, then every recap table.

Pure Python (reportlab), in the documents' one typeface (``desktop.letters.fonts``,
embedded); the words are those of the CSV/XLSX exports (``export.TEXT``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from desktop import formatting
from desktop.views.reports import export

if TYPE_CHECKING:
    from desktop.store.reports import Report


def _cell(value: export.Cell, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{formatting.number(value, 1, lang=lang)} %"
    if isinstance(value, int):
        return formatting.number(value, lang=lang)
    return str(value)


def write_pdf(target: Path, report: Report, lang: str = "id",
              label: export.Labeler | None = None, made: datetime | None = None) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from desktop.letters.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    t = export.TEXT.get(lang, export.TEXT["id"])
    title = ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=4)
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5)
    heading = ParagraphStyle("heading", fontName=BOLD, fontSize=11, leading=14,
                             spaceBefore=8, spaceAfter=3)
    head_left = ParagraphStyle("head", fontName=BOLD, fontSize=8.5, leading=10)
    head_right = ParagraphStyle("head_right", parent=head_left, alignment=2)  # right
    name_style = ParagraphStyle("name", fontName=REGULAR, fontSize=8.5, leading=10)
    story: list = [Paragraph(t["title"], title)]
    lines = []
    for key, value in export.summary(report, lang):
        if key == t["median"]:
            value = None if value is None else formatting.number(
                value, 0 if float(value).is_integer() else 1, lang=lang)
        lines.append(f"{key}: <b>{_cell(value, lang)}</b>")
    if made is not None:
        lines.append(f"{t['made']}: {made:%d/%m/%Y %H.%M}")
    story.append(Paragraph(" · ".join(lines), body))
    width = landscape(A4)[0] - 30 * mm
    for table in export.tables(report, lang, label):
        if not table.rows:
            continue
        numbers = len(table.headers) - 1
        first = width - numbers * 21 * mm if numbers > 2 else 90 * mm
        # Header cells wrap (two lines for "Lewat batas waktu"): the numbers are narrow.
        header = [Paragraph(h, head_left if i == 0 else head_right)
                  for i, h in enumerate(table.headers)]
        data = [header] + [[Paragraph(escape(_cell(row[0], lang)), name_style),
                            *(_cell(v, lang) for v in row[1:])] for row in table.rows]
        grid = Table(data, colWidths=[first] + [(width - first) / numbers if numbers > 2
                                                else 30 * mm] * numbers, repeatRows=1,
                     hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
            ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaed")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f7f8")]),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        if numbers <= 2:  # the narrow recaps end with their total, in bold
            data[-1][0] = Paragraph(f"<b>{escape(_cell(table.rows[-1][0], lang))}</b>",
                                    name_style)
            grid.setStyle(TableStyle([("FONT", (1, -1), (-1, -1), BOLD, 8.5)]))
        story.append(KeepTogether([Paragraph(table.title, heading), grid]))
        story.append(Spacer(1, 2 * mm))

    def write(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=15 * mm,
                                rightMargin=15 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                                title=t["title"], author="LAPOR! Desk",
                                initialFontName=REGULAR, initialFontSize=9.5)
        doc.build(story)

    return export._replace(Path(target), write)
