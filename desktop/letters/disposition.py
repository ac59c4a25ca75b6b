"""Lembar Disposisi: the routing sheet a leader signs, as PDF bytes.

Layout (BRIEF.md "The disposition sheet"): kop surat, title, then one ruled form:
identity block (Surat dari / No. / Tgl. / Pelapor | Diterima tanggal / No. Agenda / Sifat),
Perihal, Diteruskan kepada Sdr. beside Dengan hormat harap, Catatan and Batas waktu,
QR code beside the signature. Long text is cut into line-exact row chunks, so every
section can break between pages; later pages repeat the kop, the title ("lanjutan") and a
line naming the complaint and agenda number.
"""

from __future__ import annotations

import io

from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts
from .dates import format_date_id
from .models import MISSING, SIFAT_LABELS, DispositionSheet, format_nip
from .paper import MM, SHEET_PAPERS, Paper, get_paper
from .pdfparts import (
    DRAFT_MARK,
    CheckBox,
    DottedLine,
    QrCode,
    QrPlaceholder,
    Styles,
    TitleBlock,
    canvas_class,
    chunk_text,
    clip,
    draw_footer,
    draw_watermark,
    esc,
    footer_height,
    footer_text,
    layout_kop,
    make_styles,
    para,
)
from .qr_payload import make_qr_payload

SHORT_FIELD_LIMIT = 300  # one unit name, one instruction, one identity value


def render_disposition(sheet: DispositionSheet, paper: str = "a4", *,
                       deterministic: bool = True) -> bytes:
    """The sheet as PDF bytes on ``paper`` ("a4", "f4" or "half" for half folio).

    ``deterministic`` (default): creation date = ``sheet.printed_at`` and a content-derived
    document id, so the same inputs always give the same bytes (archive reprints compare
    equal). False stamps the wall clock instead.
    """
    fonts.register_fonts()
    return _SheetRenderer(sheet, get_paper(paper, SHEET_PAPERS)).render(deterministic)


def deadline_text(sheet: DispositionSheet) -> str:
    d = sheet.disposition
    days = f"{d.working_days} hari kerja" if d.working_days is not None else ""
    if d.deadline is not None:
        return f"{format_date_id(d.deadline)} ({days})" if days else format_date_id(d.deadline)
    return days or MISSING


def number_text(sheet: DispositionSheet) -> str:
    number = sheet.complaint_number or MISSING
    return f"{number} (sementara)" if sheet.provisional and number != MISSING else number


def _value(text: object) -> str:
    value = str(text or "").strip()
    return clip(value, SHORT_FIELD_LIMIT) if value else MISSING


class _SheetRenderer:
    def __init__(self, sheet: DispositionSheet, paper: Paper) -> None:
        self.sheet = sheet
        self.paper = paper
        self.s = paper.scale
        self.st: Styles = make_styles(paper.scale)
        self.width = paper.content_width
        self.pad = 3 * self.s
        self.label_w = 29 * MM * self.s
        self.colon_w = 3 * MM * self.s
        self.kop = layout_kop(sheet.profile, self.width, self.s)
        ref = (f"No. Laporan {number_text(sheet)} \u00b7 No. Agenda "
               f"{_value(sheet.agenda_number)}")
        self.title_first = TitleBlock(sheet.title, self.s, sheet.is_secret)
        self.title_later = TitleBlock(f"{sheet.title} (lanjutan)", self.s, sheet.is_secret, ref)

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
            self.routing(),
            self.notes(),
            self.signature(),
        ]

    # ------------------------------------------------------------------ helpers

    def _style(self, extra: list | None = None, box: bool = True) -> TableStyle:
        cmds: list = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # else bare "" cells use Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), self.pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.pad),
            ("TOPPADDING", (0, 0), (-1, -1), self.pad * 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad * 0.5),
        ]
        if box:
            # A table broken over pages gets open edges at the break; close them.
            cmds += [("BOX", (0, 0), (-1, -1), 0.8, "black"),
                     ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.8, "black"),
                     ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.8, "black")]
        return TableStyle(cmds + (extra or []))

    def _p(self, text: str, style=None) -> Paragraph:
        return para(esc(text), style or self.st.body)

    def _kv(self, rows: list[tuple[str, object]], width: float) -> Table:
        """Label : value rows, labels aligned across the form."""
        data = [[self._p(label), self._p(":"), self._p(_value(value))] for label, value in rows]
        value_w = width - self.label_w - self.colon_w
        return Table(data, colWidths=[self.label_w - self.pad, self.colon_w, value_w],
                     style=self._style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                        ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6)], box=False))

    def _long_rows(self, label: str, chunks: list[Paragraph]) -> list[list]:
        rows = []
        for i, chunk in enumerate(chunks):
            rows.append([self._p(label) if i == 0 else "", self._p(":") if i == 0 else "", chunk])
        return rows

    def _chunks(self, text: str, width: float, bold: bool = False) -> list[Paragraph]:
        style = self.st.bold if bold else self.st.body
        return chunk_text(text, style, width - 2 * self.pad, style.leading * 3.5)

    # ------------------------------------------------------------------ sections

    def identity(self) -> Table:
        sheet = self.sheet
        half = self.width / 2
        inner = half - 2 * self.pad
        left = self._kv([
            ("Surat dari", sheet.source),
            ("No. Laporan", number_text(sheet)),
            ("Tgl. Laporan", format_date_id(sheet.complaint_date)),
            ("Pelapor", sheet.reporter_display),
        ], inner)
        right_rows: list = [[self._kv([
            ("Diterima tanggal", format_date_id(sheet.received_on)),
            ("No. Agenda", sheet.agenda_number),
        ], inner)], [self._p("Sifat:")], [self._sifat_grid(inner)]]
        right = Table(right_rows, colWidths=[inner],
                      style=self._style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                         ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                         ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6)], box=False))
        return Table([[left, right]], colWidths=[half, half],
                     style=self._style([("LINEAFTER", (0, 0), (0, -1), 0.8, "black"),
                                        ("TOPPADDING", (0, 0), (-1, -1), self.pad),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad)]))

    def _sifat_grid(self, width: float) -> Table:
        box = 3.4 * MM * self.s
        gap = 2 * MM * self.s
        ticked = self.sheet.ticked_sifat
        cells = [
            [CheckBox(key in ticked, box, self.st.body.leading), self._p(label)]
            for key, label in SIFAT_LABELS.items()
        ]
        col = width / 2
        data = [cells[0] + cells[1], cells[2] + cells[3]]
        indent = 1.5 * MM * self.s
        return Table(data, colWidths=[indent + box + gap, col - indent - box - gap] * 2,
                     style=self._style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                        ("LEFTPADDING", (0, 0), (0, -1), indent),
                                        ("LEFTPADDING", (2, 0), (2, -1), indent),
                                        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8)], box=False))

    def perihal(self) -> Table:
        value_w = self.width - self.label_w - self.colon_w
        chunks = self._chunks(self.sheet.perihal.strip() or MISSING, value_w, bold=True)
        if self.sheet.summary.strip():
            chunks += self._chunks(self.sheet.summary.strip(), value_w)
        return self._labelled_table(self._long_rows("Perihal", chunks), value_w)

    def _labelled_table(self, rows: list[list], value_w: float) -> Table:
        n = len(rows)
        extra = [("TOPPADDING", (0, 1), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, n - 2), 0),
                 ("TOPPADDING", (0, 0), (-1, 0), self.pad),
                 ("BOTTOMPADDING", (0, n - 1), (-1, n - 1), self.pad)] if n > 1 else [
                 ("TOPPADDING", (0, 0), (-1, -1), self.pad),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad)]
        return Table(rows, colWidths=[self.label_w, self.colon_w, value_w], splitByRow=1,
                     style=self._style(extra + [("LEFTPADDING", (1, 0), (2, -1), 0),
                                                ("RIGHTPADDING", (1, 0), (1, -1), 0)]))

    def routing(self) -> Table:
        d = self.sheet.disposition
        half = self.width / 2
        num_w = 7 * MM * self.s
        box_w = 6.5 * MM * self.s
        leading = self.st.body.leading
        units = [clip(u, SHORT_FIELD_LIMIT) for u in d.units]
        unit_cells = [[self._p(f"{i}."), self._p(u)] for i, u in enumerate(units, start=1)]
        if not unit_cells:
            unit_cells = [["", self._p(MISSING)]]

        chosen = {i.casefold() for i in d.instructions}
        listed = {c.casefold() for c in d.checklist}
        items = [(c, c.casefold() in chosen) for c in d.checklist]
        items += [(i, True) for i in d.instructions if i.casefold() not in listed]
        box = 3.4 * MM * self.s
        check_cells: list[list] = [
            [CheckBox(on, box, leading), self._p(clip(label, SHORT_FIELD_LIMIT))]
            for label, on in items
        ]
        check_cells += [[CheckBox(False, box, leading), DottedLine(leading)]
                        for _ in range(max(0, d.free_lines))]

        rows = [[self._p("Diteruskan kepada Sdr.:", self.st.heading), "",
                 self._p("Dengan hormat harap:", self.st.heading), ""]]
        for i in range(max(len(unit_cells), len(check_cells))):
            left = unit_cells[i] if i < len(unit_cells) else ["", ""]
            right = check_cells[i] if i < len(check_cells) else ["", ""]
            rows.append(left + right)
        return Table(
            rows, colWidths=[num_w, half - num_w, box_w, half - box_w], repeatRows=1,
            splitByRow=1,
            style=self._style([
                ("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0)),
                ("LINEAFTER", (1, 0), (1, -1), 0.8, "black"),
                ("TOPPADDING", (0, 0), (-1, 0), self.pad),
                ("BOTTOMPADDING", (0, 0), (-1, 0), self.pad * 0.8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), self.pad * 1.5),
                ("RIGHTPADDING", (0, 1), (0, -1), 0), ("RIGHTPADDING", (2, 1), (2, -1), 0),
                ("LEFTPADDING", (1, 1), (1, -1), 0.5 * MM * self.s),
                ("LEFTPADDING", (3, 1), (3, -1), 0.5 * MM * self.s),
            ]),
        )

    def notes(self) -> Table:
        value_w = self.width - self.label_w - self.colon_w
        note = self.sheet.disposition.note.strip() or MISSING
        rows = self._long_rows("Catatan", self._chunks(note, value_w))
        lines = self.sheet.disposition.note_lines
        lines = self.paper.write_in_lines if lines is None else max(0, lines)
        rows += [["", "", DottedLine(self.st.body.leading * 1.6)] for _ in range(lines)]
        rows.append([self._p("Batas waktu"), self._p(":"),
                     self._p(deadline_text(self.sheet), self.st.bold)])
        return self._labelled_table(rows, value_w)

    def signature(self) -> Table:
        sheet = self.sheet
        signer = sheet.signer
        qr_size = 24 * MM * self.s
        left_w = self.width * 0.42
        right_w = self.width - left_w
        if sheet.draft:  # no signed payload on a konsep: nothing to pass for genuine
            caption = "Konsep: kode QR dicetak saat lembar disposisi diterbitkan."
            code = QrPlaceholder(qr_size, ("Tanpa kode QR", "(konsep)"), self.st.small.fontSize)
        else:
            qr_text = make_qr_payload(sheet.profile.code, sheet.agenda_number or MISSING,
                                      sheet.complaint_number or MISSING, sheet.qr_key)
            caption = "Pindai kode QR untuk memeriksa keaslian lembar disposisi ini."
            code = QrCode(qr_text, qr_size)
        left = [code, Spacer(1, 1.2 * MM * self.s), para(esc(caption), self.st.small_italic)]
        jabatan = (signer.jabatan.strip() if signer else "") or MISSING
        name = (signer.name.strip() if signer else "") or MISSING
        pangkat = signer.pangkat.strip() if signer else ""  # empty: no line, never "-"
        nip = format_nip(signer.nip if signer else "") or MISSING
        c = self.st.center
        # The block never splits, so each line is clipped to keep it well under a page.
        right = [
            para(esc(clip(jabatan, 160)) + ",", self.st.center_bold),
            Spacer(1, 17 * MM * self.s),
            para(f"<u>{esc(clip(name, 120))}</u>", self.st.center_bold),
            *([para(esc(clip(pangkat, 80)), c)] if pangkat else []),
            para(f"NIP. {esc(clip(nip, 40))}", c),
        ]
        return Table([[left, right]], colWidths=[left_w, right_w],
                     style=self._style([("TOPPADDING", (0, 0), (-1, -1), self.pad * 1.5),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad * 1.5),
                                        ("LEFTPADDING", (0, 0), (0, 0), self.pad * 1.5)]))
