"""Tanda Terima Pengaduan: the front desk's receipt for a logged complaint, as PDF bytes.

Layouts: "a4", "half" (half folio, 215 x 165 mm) with the kop repeated on every page, and
"thermal80": an 80 mm roll, one page exactly as tall as its content.
"""

from __future__ import annotations

import io

from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts
from .dates import format_date_id, format_datetime_id
from .models import MISSING, Receipt
from .paper import MM, RECEIPT_LAYOUTS, Paper, get_paper
from .pdfparts import (
    KopFlowable,
    QrCode,
    Styles,
    TitleBlock,
    canvas_class,
    chunk_text,
    clip,
    draw_footer,
    esc,
    footer_height,
    footer_text,
    layout_kop,
    make_styles,
)

SUMMARY_LIMIT = 400  # a receipt confirms what was received; the full text stays in the file
TITLE_LIMIT = 300
HELP_LIMIT = 600
QR_LIMIT = 300  # characters; longer QR text falls back to the bare number


def render_receipt(receipt: Receipt, layout: str = "half", *, deterministic: bool = True) -> bytes:
    """The receipt as PDF bytes; ``layout`` is "half", "a4" or "thermal80".
    ``deterministic`` as in ``render_disposition``."""
    fonts.register_fonts()
    paper = get_paper(layout, RECEIPT_LAYOUTS)
    renderer = _ReceiptRenderer(receipt, paper)
    if paper.height is None:
        return renderer.render_roll(deterministic)
    return renderer.render_sheet(deterministic)


def number_text(receipt: Receipt) -> str:
    number = receipt.number or MISSING
    return f"{number} (nomor sementara)" if receipt.provisional and number != MISSING else number


def next_steps(receipt: Receipt) -> list[str]:
    """What happens now, in working days (the deadlines of BRIEF.md, as configured)."""
    due = ""
    if receipt.verification_due:
        due = f" (sampai {format_date_id(receipt.verification_due)})"
    steps = [
        f"Laporan diverifikasi dan diteruskan ke unit yang berwenang paling lambat "
        f"{receipt.verification_days} hari kerja{due}.",
        f"Unit yang berwenang menindaklanjuti laporan paling lambat {receipt.follow_up_days} "
        f"hari kerja setelah laporan diteruskan.",
    ]
    if receipt.auto_close_days:
        steps.append(
            f"Bila tindak lanjut sudah disampaikan dan tidak ada tanggapan dari pelapor dalam "
            f"{receipt.auto_close_days} hari kerja, laporan dinyatakan selesai."
        )
    if receipt.provisional:
        steps.append("Nomor di atas adalah nomor sementara dari loket; simpan tanda terima ini "
                     "untuk menanyakan nomor resmi dan status laporan.")
    if receipt.anonymous:
        steps.append("Laporan ini anonim: petugas tidak dapat menghubungi Anda, jadi pantau "
                     "statusnya dengan nomor di atas.")
    return steps


class _ReceiptRenderer:
    def __init__(self, receipt: Receipt, paper: Paper) -> None:
        self.r = receipt
        self.paper = paper
        self.s = paper.scale
        roll = paper.height is None
        self.st: Styles = make_styles(paper.scale, body_size=10.5 if roll else 9.5)
        self.width = paper.content_width
        self.pad = 2.5 * self.s
        self.roll = roll

    # ------------------------------------------------------------------ documents

    def render_sheet(self, deterministic: bool) -> bytes:
        r, paper = self.r, self.paper
        top, right, bottom, left = paper.margins
        page_h = paper.height or 0.0
        kop = layout_kop(r.profile, self.width, self.s)
        first = TitleBlock(r.title_text, self.s)
        later = TitleBlock(f"{r.title_text} (lanjutan)", self.s, ref=f"Nomor {number_text(r)}")
        foot = footer_height(self.s)

        def frame(title: TitleBlock, name: str) -> Frame:
            return Frame(left, bottom + foot, self.width,
                         page_h - top - bottom - foot - kop.height - title.height,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)

        def header(title: TitleBlock):
            def draw(canv, _doc) -> None:
                kop.draw(canv, left, page_h - top)
                title.draw(canv, left, page_h - top - kop.height, self.width)
            return draw

        def final(canv, number: int, total: int) -> None:
            draw_footer(canv, left, bottom, self.width, footer_text(r.printed_at, r.desk_id),
                        f"Halaman {number} dari {total}", self.s)

        doc = self._doc(left, right, top, bottom, page_h, deterministic)
        doc.addPageTemplates([
            PageTemplate("first", [frame(first, "f1")], onPage=header(first),
                         autoNextPageTemplate="later"),
            PageTemplate("later", [frame(later, "f2")], onPage=header(later)),
        ])
        return self._build(doc, self.body(), final, deterministic)

    def render_roll(self, deterministic: bool) -> bytes:
        r, paper = self.r, self.paper
        top, right, bottom, left = paper.margins
        kop = layout_kop(r.profile, self.width, self.s, centered=True)
        story: list[Flowable] = [
            KopFlowable(kop),
            Spacer(1, 2.5 * MM * self.s),
            Paragraph(esc(r.title_text), self.st.title),
            Spacer(1, 1.5 * MM * self.s),
            *self.body(),
            Spacer(1, 2 * MM * self.s),
            Paragraph(esc(footer_text(r.printed_at, r.desk_id)), self._small_center()),
        ]
        content_h = sum(self._height(f) for f in story)
        page_h = top + bottom + content_h + 1.0  # 1 pt slack against rounding
        doc = self._doc(left, right, top, bottom, page_h, deterministic)
        doc.addPageTemplates([PageTemplate("roll", [Frame(
            left, bottom, self.width, page_h - top - bottom, leftPadding=0, rightPadding=0,
            topPadding=0, bottomPadding=0, id="roll")])])
        return self._build(doc, story, lambda *_: None, deterministic)

    def _doc(self, left: float, right: float, top: float, bottom: float, page_h: float,
             deterministic: bool) -> BaseDocTemplate:
        self._buf = io.BytesIO()
        return BaseDocTemplate(
            self._buf, pagesize=(self.paper.width, page_h), leftMargin=left,
            rightMargin=right, topMargin=top, bottomMargin=bottom,
            invariant=1 if deterministic else 0, title=f"Tanda Terima Pengaduan {self.r.number}",
            author=self.r.profile.header_lines[-1], subject="Tanda Terima Pengaduan",
            creator="LAPOR! Desk", lang="id-ID",
        )

    def _build(self, doc: BaseDocTemplate, story: list, final, deterministic: bool) -> bytes:
        created = self.r.printed_at if deterministic else None
        doc.build(story, canvasmaker=canvas_class(final, created))
        return self._buf.getvalue()

    def _height(self, flowable: Flowable) -> float:
        _, h = flowable.wrap(self.width, 1e9)
        return h + flowable.getSpaceBefore() + flowable.getSpaceAfter()

    def _small_center(self):
        from reportlab.lib.enums import TA_CENTER

        return self.st.small.clone("small_center", alignment=TA_CENTER)

    # ------------------------------------------------------------------ content

    def _style(self, extra: list | None = None) -> TableStyle:
        return TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.pad),
            ("TOPPADDING", (0, 0), (-1, -1), self.pad * 0.4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad * 0.4),
            *(extra or []),
        ])

    def _p(self, text: str, style=None) -> Paragraph:
        return Paragraph(esc(text), style or self.st.body)

    def body(self) -> list[Flowable]:
        r, st = self.r, self.st
        number_style = st.bold.clone("number", fontSize=st.size * 1.35, leading=st.size * 1.7)
        fields = [
            ("Nomor laporan", Paragraph(esc(clip(number_text(r), 120)), number_style)),
            ("Diterima", self._p(format_datetime_id(r.received_at))),
            ("Saluran", self._p(clip(r.channel.strip(), 120) or MISSING)),
            ("Pelapor", self._p(clip(r.reporter_display, 120))),
            ("Judul", self._p(clip(r.title.strip(), TITLE_LIMIT) or MISSING, st.bold)),
        ]
        summary = clip(r.summary.strip(), SUMMARY_LIMIT) if r.summary.strip() else MISSING
        value_w = self.width if self.roll else self.width - 30 * MM * self.s
        labelled: list[tuple[str, Flowable]] = list(fields)
        for i, chunk in enumerate(chunk_text(summary, st.body, value_w - self.pad,
                                             st.body.leading * 4)):
            labelled.append(("Ringkasan" if i == 0 else "", chunk))
        if self.roll:  # 72 mm: labels above values read better than two cramped columns
            flat: list[list] = []
            for label, value in labelled:
                if label:
                    flat.append([self._p(label, st.small)])
                flat.append([value])
            details = Table(flat, colWidths=[self.width], style=self._style())
        else:
            rows = [[self._p(label) if label else "", value] for label, value in labelled]
            details = Table(rows, colWidths=[self.width - value_w, value_w], splitByRow=1,
                            style=self._style())

        steps = next_steps(r)
        num_w = 6 * MM * self.s
        step_table = Table(
            [[self._p(f"{i}."), self._p(text)] for i, text in enumerate(steps, start=1)],
            colWidths=[num_w, self.width - num_w], splitByRow=1, style=self._style(),
        )
        gap = 3 * MM * self.s
        return [
            details,
            Spacer(1, gap),
            self._p("Langkah selanjutnya", st.heading),
            Spacer(1, 1 * MM * self.s),
            step_table,
            Spacer(1, gap),
            self._p("Menanyakan status laporan", st.heading),
            Spacer(1, 1 * MM * self.s),
            *chunk_text(clip(r.status_help.strip(), HELP_LIMIT) or MISSING, st.body, self.width,
                        st.body.leading * 4),
            Spacer(1, gap),
            self.sign_off(),
        ]

    def sign_off(self) -> Table:
        r, st = self.r, self.st
        qr_size = (30 if self.roll else 24) * MM * self.s
        number = clip(r.number or MISSING, 100)
        qr_text = r.qr_text if r.qr_text and len(r.qr_text) <= QR_LIMIT else number
        qr = QrCode(qr_text, qr_size)
        caption = Paragraph(esc(number), self._small_center())
        officer = (r.officer_name or "").strip() or MISSING
        sign = [
            Paragraph("Petugas penerima,", st.center),
            Spacer(1, (8 if self.roll else 14) * MM * self.s),
            Paragraph(f"<u>{esc(clip(officer, 120))}</u>", st.center_bold),
        ]
        if self.roll:
            rows = [[qr], [caption], [Spacer(1, 2 * MM * self.s)], [sign]]
            return Table(rows, colWidths=[self.width], style=self._style([
                ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        left_w = qr_size + 6 * MM * self.s
        qr_cell = Table([[qr], [caption]], colWidths=[left_w], style=self._style([
            ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        sign_w = min(75 * MM * self.s, self.width - left_w)
        widths = [left_w, self.width - left_w - sign_w, sign_w]
        return Table([[qr_cell, "", sign]], colWidths=widths, style=self._style())
