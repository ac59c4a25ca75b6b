"""Tanda Terima Pengaduan: the front desk's receipt for a logged complaint, as PDF bytes.

Layouts: "a4", "half" (half folio, 215 x 165 mm) with the kop repeated on every page, and
"thermal80": an 80 mm roll, one page exactly as tall as its content.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
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

from core.dates import format_date_id, format_datetime_id

from . import fonts
from .models import MISSING, Receipt, format_nip
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


NATIONAL_SITE = "www.lapor.go.id"
SMS_NUMBER = "1708"


def office_contact(receipt: Receipt) -> str:
    """The office's address and phone as one line ("" when the kop has neither)."""
    profile = receipt.profile
    parts = [profile.header_lines[-1].title() if profile.header_lines else "",
             profile.address.strip(), profile.phone_fax.strip()]
    return ", ".join(p for p in parts if p)


def status_help(receipt: Receipt) -> str:
    """Where to ask about the complaint, fitting the number the citizen holds: a provisional
    number is known to this office only (not to SMS 1708 or the national site yet)."""
    if receipt.status_help.strip():
        return receipt.status_help.strip()
    # The kop above already carries the office's address and phone.
    here = ("di kantor ini (alamat dan telepon di kop)" if office_contact(receipt)
            else "di kantor ini")
    if receipt.provisional:
        return (f"Nomor sementara hanya dikenal kantor ini: tanyakan nomor resmi dan status "
                f"{here}, bukan melalui SMS {SMS_NUMBER}. Dengan nomor resmi, status juga "
                f"dapat dipantau di {NATIONAL_SITE} atau SMS {SMS_NUMBER}.")
    return (f"Sebutkan nomor laporan di atas {here}, di {NATIONAL_SITE}, atau melalui SMS "
            f"{SMS_NUMBER}.")


PRIVACY_NOTE = (
    "Pelindungan data: data pribadi Anda hanya dipakai untuk menangani laporan ini, disimpan "
    "terenkripsi dan tidak diberikan kepada pihak lain (UU 27/2022)."
)


def privacy_choices(receipt: Receipt) -> list[str]:
    """What the reporter chose, confirmed in words (empty when neither)."""
    out = []
    if receipt.anonymous:
        out.append("ANONIM: identitas Anda tidak diteruskan kepada instansi; petugas tidak "
                   "dapat menghubungi pelapor anonim, jadi pantau statusnya dengan nomor di atas.")
    if receipt.confidential:
        out.append("RAHASIA: isi laporan ini tidak dipublikasikan dan hanya dapat dilihat "
                   "petugas yang menanganinya.")
    return out


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
    return steps  # an anonymous reporter is told in the boxed confirmation


def place_and_date(receipt: Receipt) -> str:
    """ "Banjarmasin, 20 November 2026" (the date alone when the kop names no town)."""
    when = format_date_id(receipt.received_at or receipt.printed_at)
    place = receipt.profile.place
    return f"{place}, {when}" if place else when


class _ReceiptRenderer:
    def __init__(self, receipt: Receipt, paper: Paper) -> None:
        self.r = receipt
        self.paper = paper
        self.s = paper.scale
        roll = paper.height is None
        # On the roll the body is 12 x 0.75 = 9 pt: a till slip is read at arm's length.
        self.st: Styles = make_styles(paper.scale, body_size=12 if roll else 9.5)
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

    @staticmethod
    def _text_width(text: str, style) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, style.fontName, style.fontSize)

    def _caption(self, number: str, width: float) -> Paragraph:
        """The number under the QR on one line: the type shrinks rather than wrap it."""
        style = self._small_center()
        fits = self._text_width(number, style)
        if fits > width - 1:
            size = max(style.fontSize * (width - 1) / fits, 4.0)
            style = style.clone("caption_fit", fontSize=size, leading=size * 1.25)
        return Paragraph(esc(number), style)

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
        story: list[Flowable] = [details, Spacer(1, gap)]
        choices = privacy_choices(r)
        if choices:  # boxed: the reporter checks at a glance that the choice was taken
            box = Table([[self._p(text, st.bold)] for text in choices],
                        colWidths=[self.width], style=self._style([
                            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                            ("LEFTPADDING", (0, 0), (-1, -1), self.pad)]))
            story += [box, Spacer(1, gap)]
        story += [
            self._p("Langkah selanjutnya", st.heading),
            Spacer(1, 1 * MM * self.s),
            step_table,
            Spacer(1, gap),
        ]
        if self.roll:
            story += [*self.asking(self.width), Spacer(1, gap)]
        story.append(self.sign_off())
        return story

    def asking(self, width: float) -> list[Flowable]:
        """Where to ask about the report, and how the reporter's data is protected. On a
        sheet it sits between the QR code and the signature, so a half folio stays one page."""
        st = self.st
        return [
            self._p("Menanyakan status laporan", st.heading),
            Spacer(1, 1 * MM * self.s),
            *chunk_text(clip(status_help(self.r), HELP_LIMIT) or MISSING, st.body, width,
                        st.body.leading * 5),
            Spacer(1, 1 * MM * self.s),
            self._p(PRIVACY_NOTE, st.small),
        ]

    def sign_off(self) -> Table:
        r, st = self.r, self.st
        qr_size = (30 if self.roll else 24) * MM * self.s
        number = clip(r.number or MISSING, 40)
        qr_text = r.qr_text if r.qr_text and len(r.qr_text) <= QR_LIMIT else number
        qr = QrCode(qr_text, qr_size)
        officer = (r.officer_name or "").strip() or MISSING
        sign: list[Flowable] = [
            Paragraph(esc(clip(place_and_date(r), 120)), st.center),
            Paragraph("Petugas penerima,", st.center),
            Spacer(1, (8 if self.roll else 14) * MM * self.s),
            Paragraph(f"<u>{esc(clip(officer, 120))}</u>", st.center_bold),
        ]
        if r.officer_nip.strip():
            sign.append(Paragraph(esc(f"NIP {format_nip(r.officer_nip)}"), st.center))
        if self.roll:
            caption = self._caption(number, self.width)
            rows = [[qr], [caption], [Spacer(1, 2 * MM * self.s)], [sign]]
            return Table(rows, colWidths=[self.width], style=self._style([
                ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        left_w = qr_size + 6 * MM * self.s
        left_w = min(max(left_w, self._text_width(number, st.small) + 2), left_w + 25 * MM)
        caption = self._caption(number, left_w)
        qr_cell = Table([[qr], [caption]], colWidths=[left_w], style=self._style([
            ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        sign_w = min(60 * MM * self.s, self.width - left_w)
        middle = self.width - left_w - sign_w
        widths = [left_w, middle, sign_w]
        return Table([[qr_cell, self.asking(middle - 2 * self.pad), sign]], colWidths=widths,
                     style=self._style([("LEFTPADDING", (1, 0), (1, 0), self.pad),
                                        ("RIGHTPADDING", (1, 0), (1, 0), 2 * self.pad)]))
