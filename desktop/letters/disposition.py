"""Lembar Disposisi: the routing sheet a leader signs, as PDF bytes.

Layout (BRIEF.md "The disposition sheet"): kop surat, title, then one ruled form:
identity block (Surat dari / No. / Tgl. / Pelapor | Diterima tanggal / No. Agenda /
Tgl. Disposisi / Sifat: Kecepatan and Keamanan), Perihal, Diteruskan kepada Sdr. beside
Dengan hormat harap, Catatan and Batas waktu, QR code beside the signature. Long text is cut
into line-exact row chunks, so every section can break between pages; the last rows of the
Catatan stay with the signature (never a signature alone on a page). With "isi pengaduan"
the complaint's text follows the signature as "Lampiran: Isi Pengaduan", so the form itself
keeps to its page. Later pages repeat the kop, the title ("lanjutan") and a line naming the
complaint and agenda number.

A sheet for a complaint not disposed yet (``Disposition.decided`` False) leaves ruled space
to write the disposition by hand: units, note, date and deadline.

The sections are built in sheet_form.py (state, helpers, top of the form) and
sheet_signature.py (Catatan to signature, Lampiran); the QR code in qrblock.py.
"""

from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from . import fonts
from .models import DispositionSheet
from .paper import MM, SHEET_PAPERS, get_paper
from .pdfparts import (
    DRAFT_MARK,
    TitleBlock,
    canvas_class,
    draw_footer,
    draw_watermark,
    footer_height,
    footer_text,
)
from .sheet_form import deadline_text, number_text, qr_text
from .sheet_signature import SignatureParts
from .signbox import SignatureBox, current_sealer

__all__ = ["deadline_text", "number_text", "qr_text", "render_disposition",
           "render_disposition_boxes"]


def render_disposition(sheet: DispositionSheet, paper: str = "a4", *,
                       deterministic: bool = True) -> bytes:
    """The sheet as PDF bytes on ``paper`` ("a4", "f4" or "half" for half folio).

    ``deterministic`` (default): creation date = ``sheet.printed_at`` and a content-derived
    document id, so the same inputs always give the same bytes (archive reprints compare
    equal). False stamps the wall clock instead.

    Inside ``signbox.sealing(sealer)`` an issued sheet (not a draft) comes out signed
    electronically, the visible stamp in the room to sign (``desktop.letters.pades``);
    otherwise the sheet says under its QR code that it is not signed electronically.
    """
    sealer = None if sheet.draft else current_sealer()
    data, boxes = render_disposition_boxes(sheet, paper, deterministic=deterministic,
                                           sealed=sealer is not None)
    if sealer is None:
        return data
    return sealer.seal(data, boxes[-1] if boxes else None)


def render_disposition_boxes(sheet: DispositionSheet, paper: str = "a4", *,
                             deterministic: bool = True, sealed: bool = False
                             ) -> tuple[bytes, list[SignatureBox]]:
    """The unsigned sheet and where its room to sign was drawn (one box; page and
    rectangle in points). ``sealed`` words the caption for a sheet about to be signed."""
    fonts.register_fonts()
    renderer = _SheetRenderer(sheet, get_paper(paper, SHEET_PAPERS))
    renderer.sealed = sealed
    renderer.boxes = []
    return renderer.render(deterministic), renderer.boxes


class _SheetRenderer(SignatureParts):
    # ------------------------------------------------------------------ document

    def render(self, deterministic: bool) -> bytes:
        sheet, paper = self.sheet, self.paper
        top, right, bottom, left = paper.margins
        page_h = paper.height or 0.0
        foot = footer_height(self.s)

        def frame(title: TitleBlock, name: str) -> Frame:
            header = self.kop.height + title.height
            return Frame(left, bottom + foot, self.width, page_h - top - bottom - foot - header,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)

        def header(title: TitleBlock):
            def draw(canv, _doc) -> None:
                if sheet.draft:  # under everything else on the page
                    draw_watermark(canv, paper.width, page_h)
                self.kop.draw(canv, left, page_h - top)
                title.draw(canv, left, page_h - top - self.kop.height, self.width)
            return draw

        def final(canv, number: int, total: int) -> None:
            stamp = footer_text(sheet.printed_at, sheet.desk_id)
            draw_footer(canv, left, bottom, self.width,
                        f"{DRAFT_MARK} \u00b7 {stamp}" if sheet.draft else stamp,
                        f"Halaman {number} dari {total}", self.s)

        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf, pagesize=(paper.width, page_h), leftMargin=left, rightMargin=right,
            topMargin=top, bottomMargin=bottom, invariant=1 if deterministic else 0,
            title=f"Lembar Disposisi {sheet.complaint_number}",
            author=sheet.profile.header_lines[-1], subject="Lembar Disposisi",
            creator="LAPOR! Desk", lang="id-ID",
        )
        doc.addPageTemplates([
            PageTemplate("first", [frame(self.title_first, "f1")], onPage=header(self.title_first),
                         autoNextPageTemplate="later"),
            PageTemplate("later", [frame(self.title_later, "f2")], onPage=header(self.title_later)),
        ])
        created = sheet.printed_at if deterministic else None
        doc.build(self.story(), canvasmaker=canvas_class(final, created))
        return buf.getvalue()

    def story(self) -> list:
        return [
            Spacer(1, 1 * MM * self.s),
            self.identity(),
            self.perihal(),
            *self.chain(),
            self.routing(),
            self.notes_and_signature(),
            *self.attachment(),
        ]

