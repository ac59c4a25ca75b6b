"""A one-page brief of a recurring problem for the pimpinan (reportlab, no Qt).

The agency's kop (the letters' own), "RINGKASAN MASALAH BERULANG", the window, a short
summary (how many complaints, where, which category, first and latest, how many still
open, the words they use most) and the group's complaints, newest first; "Dibuat: ..." in
the footer. More complaints than fit one page: the newest ``MAX_ROWS`` and how many more.
Written on the DB thread (``write_brief_pdf``); the words are Indonesian (an agency
document, like the letters and the recap).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.dates import format_date_id, format_datetime_id
from desktop.atomic_file import replace_atomically

if TYPE_CHECKING:
    from desktop.letters.models import AgencyProfile
    from desktop.store import DeskService
    from desktop.store.recurring import Group

TITLE = "RINGKASAN MASALAH BERULANG"
MAX_ROWS = 22
MARGINS_MM = (20.0, 20.0, 20.0, 25.0)  # top, right, bottom, left (tata naskah dinas)


@dataclass(frozen=True)
class BriefNames:
    place: str  # "Barikin, Haruyan, Kabupaten Hulu Sungai Tengah"
    category: str
    window: tuple[date, date]


def summary_text(group: Group, names: BriefNames) -> str:
    """The brief's summary paragraph (plain text)."""
    done = group.size - group.open_count
    words = ", ".join(top_words(group, names.place))
    text = (f"Dalam {(names.window[1] - names.window[0]).days + 1} hari terakhir diterima "
            f"{group.size} pengaduan tentang masalah yang sama di {names.place}, kategori "
            f"{names.category}: yang pertama pada {format_date_id(group.earliest)}, yang "
            f"terakhir pada {format_date_id(group.latest)}. {group.open_count} masih dalam "
            f"proses, {done} sudah selesai atau ditutup.")
    return f"{text} Kata yang paling sering dipakai: {words}." if words else text


def top_words(group: Group, place_name: str = "", limit: int = 5) -> list[str]:
    """The words most of the group's complaints use (each counted once per complaint), the
    place's own name left out."""
    from desktop.store import recurring_text as rt

    place = rt.place_words([place_name]) | {"tidak", "belum", "sudah"}
    seen: Counter[str] = Counter()
    for item in group.items:
        seen.update(set(rt.words(f"{item.title} {item.content}", place)))
    return [w for w, n in seen.most_common(limit) if n > 1]


def render_brief(group: Group, names: BriefNames, made: datetime,
                 profile: AgencyProfile | None) -> bytes:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from core import STATUS_LABELS
    from desktop.letters import fonts
    from desktop.letters.pdfparts import (
        KopFlowable,
        canvas_class,
        draw_footer,
        esc,
        footer_height,
        layout_kop,
    )
    from desktop.reports.pdf import period_text
    from desktop.reports.pdf_story import HEADER_GREY, STRIPE

    fonts.register_fonts()
    page_w, page_h = A4
    top, right, bottom, left = (v * mm for v in MARGINS_MM)
    width = page_w - left - right
    title = ParagraphStyle("brief_title", fontName=fonts.BOLD, fontSize=12.5, leading=16,
                           alignment=TA_CENTER)
    body = ParagraphStyle("brief_body", fontName=fonts.REGULAR, fontSize=10, leading=14)
    small = ParagraphStyle("brief_small", fontName=fonts.REGULAR, fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("brief_bold", parent=small, fontName=fonts.BOLD)
    story: list = []
    if profile is not None:
        story += [KopFlowable(layout_kop(profile, width, 1.0)), Spacer(1, 4 * mm)]
    story += [Paragraph(TITLE, title),
              Paragraph(f"PERIODE {period_text(*names.window)}", title), Spacer(1, 5 * mm)]
    facts = [("Lokasi", names.place), ("Kategori", names.category),
             ("Jumlah pengaduan", f"{group.size} ({group.open_count} masih dalam proses)")]
    grid = Table([[Paragraph(esc(k), bold), Paragraph(esc(v), small)] for k, v in facts],
                 colWidths=[38 * mm, width - 38 * mm], hAlign="LEFT")
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    story += [grid, Spacer(1, 3 * mm), Paragraph(esc(summary_text(group, names)), body),
              Spacer(1, 4 * mm)]
    labels = {s.value: text for s, text in STATUS_LABELS.items()}
    head = [Paragraph(h, bold) for h in ("No.", "Nomor", "Diterima", "Judul", "Status")]
    rows = [head] + [[str(n), item.number or "\u2013", format_date_id(item.received),
                      Paragraph(esc(item.title), small),
                      Paragraph(esc(labels.get(item.status, item.status)), small)]
                     for n, item in enumerate(group.items[:MAX_ROWS], 1)]
    widths = [11 * mm, 22 * mm, 30 * mm, width - 11 * mm - 22 * mm - 30 * mm - 34 * mm, 34 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", STRIPE]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story.append(table)
    if group.size > MAX_ROWS:
        story += [Spacer(1, 2 * mm), Paragraph(
            f"... dan {group.size - MAX_ROWS} pengaduan lain yang lebih lama.", small)]
    stamp = f"Dibuat: {format_datetime_id(made)}"

    def final(canv, number: int, total: int) -> None:  # noqa: ANN001 - reportlab canvas
        draw_footer(canv, left, bottom, width, stamp, f"Halaman {number} dari {total}", 1.0)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom + footer_height(1.0), title=f"Ringkasan Masalah Berulang: "
        f"{names.place}", author=profile.header_lines[-1] if profile else "LAPOR! Desk",
        subject="Ringkasan Masalah Berulang", creator="LAPOR! Desk", lang="id-ID",
        initialFontName=fonts.REGULAR, initialFontSize=9.5)
    doc.build(story, canvasmaker=canvas_class(final, made))
    return buf.getvalue()


def brief_names(service: DeskService, group: Group, days: int) -> BriefNames:
    from core import Regions
    from desktop.store.recurring import window

    regions = Regions.load()
    place = ", ".join(r.name for r in reversed(regions.path(group.place_code))
                      if r.level != "provinsi") or group.place_code
    categories = {c["id"]: c["name"] for c in service.categories()}
    category = categories.get(group.category_id or "", group.category_id or "\u2013")
    return BriefNames(place, category, window(service.today(), days))


def write_brief_pdf(service: DeskService, path: Path, group: Group, days: int,
                    made: datetime) -> Path:
    """On the DB thread: the brief with this desk's kop, written atomically to ``path``."""
    from desktop.printing import settings as letter_settings

    profile = letter_settings.load(service).profile(service.data_dir)
    data = render_brief(group, brief_names(service, group, days), made, profile)
    return replace_atomically(Path(path), lambda tmp: tmp.write_bytes(data))
