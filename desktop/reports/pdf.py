"""The recap as a document a kepala dinas can sign (A4 portrait, or landscape).

Kop surat of the agency (the letters' own, ``desktop.letters.pdfparts``), the title with
the period ("REKAPITULASI PENGADUAN MASYARAKAT / PERIODE 1–30 NOVEMBER 2026"), the totals,
the 12-month trend and the on-time rate by unit as vector charts (``pdf_charts``), every
recap table, a note when complaints count under several units, and a "Mengetahui" block
for the signer; on every page "Dibuat: <date> pukul <time> WITA" and "Halaman n dari N".

Pure Python (reportlab), in the documents' embedded typeface; the words are Indonesian
(an agency document, like the letters), the tables' are those of the CSV/XLSX exports.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.dates import MONTHS_ID, format_date_id, format_datetime_id
from desktop.atomic_file import replace_atomically
from desktop.reports import export

if TYPE_CHECKING:
    from desktop.letters.models import AgencyProfile, Signer
    from desktop.store.dashboard import MonthPoint
    from desktop.store.reports import Report

TITLE = "REKAPITULASI PENGADUAN MASYARAKAT"
BASIS = "berdasarkan tanggal pengaduan diterima"
MARGINS_MM = (20.0, 20.0, 20.0, 25.0)  # top, right, bottom, left (tata naskah dinas)


@dataclass(frozen=True)
class Letterhead:
    """The kop and who signs (None: the recap is printed without a signature block)."""

    profile: AgencyProfile
    signer: Signer | None = None


def period_text(first: date, last: date) -> str:
    """``1–30 NOVEMBER 2026``, ``1 OKTOBER – 30 NOVEMBER 2026``, ``2 DESEMBER 2026``."""
    if first == last:
        return format_date_id(first).upper()
    month = MONTHS_ID[last.month - 1].upper()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{last.day} {month} {last.year}"
    if first.year == last.year:
        start = f"{first.day} {MONTHS_ID[first.month - 1].upper()}"
        return f"{start} \u2013 {last.day} {month} {last.year}"
    return f"{format_date_id(first).upper()} \u2013 {format_date_id(last).upper()}"


def multi_unit_note(report: Report) -> str:
    """The PDF's note under the unit recap ("" when no complaint has several units)."""
    note = export.multi_unit_note(report, "id")
    return f"Catatan: {note}" if note else ""


def render_pdf(report: Report, made: datetime, letterhead: Letterhead | None = None,
               trend: Sequence[MonthPoint] = (), *, landscape: bool = False) -> bytes:
    """The recap as PDF bytes; ``made`` is printed ("Dibuat: ...") and stamped as the
    document's creation date."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turned
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from desktop.letters import fonts
    from desktop.letters.pdfparts import canvas_class, draw_footer, footer_height
    from desktop.reports.pdf_story import RecapStory

    fonts.register_fonts()
    page_w, page_h = turned(A4) if landscape else A4
    top, right, bottom, left = (v * mm for v in MARGINS_MM)
    width = page_w - left - right
    story = RecapStory(report, width, made, letterhead, trend).build()
    stamp = f"Dibuat: {format_datetime_id(made)}"

    def final(canv, number: int, total: int) -> None:  # noqa: ANN001 - reportlab canvas
        draw_footer(canv, left, bottom, width, stamp, f"Halaman {number} dari {total}", 1.0)

    buf = io.BytesIO()
    author = letterhead.profile.header_lines[-1] if letterhead else "LAPOR! Desk"
    doc = SimpleDocTemplate(
        buf, pagesize=(page_w, page_h), leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom + footer_height(1.0), title=(
            f"Rekapitulasi Pengaduan {period_text(report.date_from, report.date_to).title()}"),
        author=author, subject="Rekapitulasi Pengaduan", creator="LAPOR! Desk", lang="id-ID",
        initialFontName=fonts.REGULAR, initialFontSize=9.5)
    doc.build(story, canvasmaker=canvas_class(final, made))
    return buf.getvalue()


def write_pdf(target: Path, report: Report, made: datetime,
              letterhead: Letterhead | None = None, trend: Sequence[MonthPoint] = (), *,
              landscape: bool = False) -> Path:
    """Write the recap to ``target`` (a temporary file renamed over it: never half a PDF)."""
    data = render_pdf(report, made, letterhead, trend, landscape=landscape)
    return replace_atomically(Path(target), lambda tmp: tmp.write_bytes(data))
