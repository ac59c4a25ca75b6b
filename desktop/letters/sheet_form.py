"""The Lembar Disposisi's form, top part: the renderer's state, table helpers, and the
identity block, Perihal and Diteruskan kepada / Dengan hormat harap (see disposition.py).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from core.dates import format_date_id
from core.qr_payload import make_qr_payload, verify_url

from . import fonts
from .models import KEAMANAN_LABELS, KECEPATAN_LABELS, MISSING, DispositionSheet
from .paper import MM, Paper
from .pdfparts import (
    CheckBox,
    DottedLine,
    Styles,
    TitleBlock,
    chunk_text,
    clip,
    esc,
    layout_kop,
    make_styles,
    para,
)

SHORT_FIELD_LIMIT = 300  # one unit name, one instruction, one identity value
UNIT_WRITE_IN = 3  # numbered blank lines under "Diteruskan kepada Sdr." when undecided


def deadline_text(sheet: DispositionSheet) -> str:
    d = sheet.disposition
    days = f"{d.working_days} hari kerja" if d.working_days is not None else ""
    if d.deadline is not None:
        return f"{format_date_id(d.deadline)} ({days})" if days else format_date_id(d.deadline)
    return days or MISSING


def number_text(sheet: DispositionSheet) -> str:
    number = sheet.complaint_number or MISSING
    return f"{number} (sementara)" if sheet.provisional and number != MISSING else number


def qr_text(sheet: DispositionSheet) -> str:
    """What the sheet's QR code holds: the verification URL on the desk's server, or the
    bare signed payload when the desk knows no server (docs/letters.md "QR key")."""
    payload = make_qr_payload(sheet.profile.code, sheet.agenda_number or MISSING,
                              sheet.complaint_number or MISSING, sheet.qr_key)
    return verify_url(sheet.verify_base, payload) if sheet.verify_base.strip() else payload


def value_text(text: object) -> str:
    value = str(text or "").strip()
    return clip(value, SHORT_FIELD_LIMIT) if value else MISSING


class FormParts:
    """State and building blocks of one sheet's rendering."""

    def __init__(self, sheet: DispositionSheet, paper: Paper) -> None:
        self.sheet = sheet
        self.paper = paper
        self.s = paper.scale
        self.st: Styles = make_styles(paper.scale)
        self.width = paper.content_width
        self.pad = 3 * self.s
        self.label_w = 29 * MM * self.s
        self.colon_w = 3 * MM * self.s
        self.value_w = self.width - self.label_w - self.colon_w
        self.decided = sheet.disposition.decided
        self.kop = layout_kop(sheet.profile, self.width, self.s)
        ref = (f"No. Laporan {number_text(sheet)} \u00b7 No. Agenda "
               f"{value_text(sheet.agenda_number)}")
        self.title_first = TitleBlock(sheet.title, self.s, sheet.is_secret)
        self.title_later = TitleBlock(f"{sheet.title} (lanjutan)", self.s, sheet.is_secret, ref)

    # ------------------------------------------------------------------ helpers

    def _style(self, extra: list | None = None, box: bool = True) -> TableStyle:
        cmds: list = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Bare text cells (the colons; "" cells) in the body font, never Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), self.st.body.fontSize),
            ("LEADING", (0, 0), (-1, -1), self.st.body.leading),
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

    def _write_in(self, rows: float = 1.6) -> DottedLine:
        """A dotted line to write on, ``rows`` text lines high."""
        return DottedLine(self.st.body.leading * rows)

    def _kv(self, rows: list[tuple[str, object]], width: float) -> Table:
        """Label : value rows, labels aligned across the form (a flowable value as it is)."""
        data = [[label, ":",
                 value if isinstance(value, Flowable) else self._p(value_text(value))]
                for label, value in rows]
        value_w = width - self.label_w - self.colon_w
        return Table(data, colWidths=[self.label_w - self.pad, self.colon_w, value_w],
                     style=self._style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                        ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6)], box=False))

    def _long_rows(self, label: str, chunks: list) -> list[list]:
        rows = []
        for i, chunk in enumerate(chunks):
            rows.append([label if i == 0 else "", ":" if i == 0 else "", chunk])
        return rows

    def _chunks(self, text: str, width: float, bold: bool = False) -> list[Paragraph]:
        style = self.st.bold if bold else self.st.body
        return chunk_text(text, style, width - 2 * self.pad, style.leading * 3.5)

    def _lines_of(self, chunks: list[Paragraph], value_w: float) -> int:
        """Text lines the chunks take in a value column ``value_w`` wide."""
        leading = self.st.body.leading
        return sum(round(c.wrap(value_w - 2 * self.pad, 1e9)[1] / leading) for c in chunks)

    # ------------------------------------------------------------------ sections

    def identity(self) -> Table:
        sheet = self.sheet
        half = self.width / 2
        inner = half - 2 * self.pad
        rows: list[tuple[str, object]] = [
            ("Surat dari", sheet.source),
            ("No. Laporan", number_text(sheet)),
            ("Tgl. Laporan", format_date_id(sheet.complaint_date)),
            ("Pelapor", sheet.reporter_display),
        ]
        if sheet.letter_origin or sheet.letter_number or sheet.letter_date:
            # Came by letter: the letter's own origin, number and date, as on paper.
            rows[0:0] = [("Surat dari", sheet.letter_origin or MISSING),
                         ("No. Surat", sheet.letter_number or MISSING),
                         ("Tgl. Surat", format_date_id(sheet.letter_date))]
            rows[3] = ("Diterima via", sheet.source)
        left = self._kv(rows, inner)
        disposed = sheet.disposition.disposed_on
        kv: list[tuple[str, object]] = [
            ("Diterima tanggal", format_date_id(sheet.received_on)),
            ("No. Agenda", sheet.agenda_number),
            ("Tgl. Disposisi", format_date_id(disposed) if disposed else
             (MISSING if self.decided else self._write_in(1.0))),
        ]
        beside = inner - self.label_w - self.colon_w
        grid, needed = self._sifat_grid(beside, inline=True)
        if needed <= beside:  # "Sifat : Kecepatan ... / Keamanan ..." (half folio)
            right_rows: list = [[self._kv([*kv, ("Sifat", grid)], inner)]]
        else:  # "Sifat:" on a line of its own, the boxes under it
            right_rows = [[self._kv(kv, inner)], ["Sifat:"],
                          [self._sifat_grid(inner)[0]]]
        right = Table(right_rows, colWidths=[inner],
                      style=self._style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                         ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                         ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6)], box=False))
        return Table([[left, right]], colWidths=[half, half],
                     style=self._style([("LINEAFTER", (0, 0), (0, -1), 0.8, "black"),
                                        ("TOPPADDING", (0, 0), (-1, -1), self.pad),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad)]))

    def _sifat_grid(self, width: float, inline: bool = False) -> tuple[Table, float]:
        """Two rows of boxes: Kecepatan (the chosen speed) and Keamanan (Rahasia for a
        confidential complaint, else Biasa); with the width they need at the least. Room
        left over widens the gaps (up to 3 mm)."""
        box = 3.4 * MM * self.s
        indent = 0.0 if inline else 1.5 * MM * self.s
        size = self.st.body.fontSize
        speed, secret = self.sheet.speed, self.sheet.is_secret

        def text_w(*labels: str) -> float:
            return max(fonts.text_width(label, fonts.REGULAR, size) for label in labels)

        def cells(labels: dict[str, str], ticked: str | None) -> list:
            out: list = []
            for key, label in labels.items():
                out += [CheckBox(key == ticked, box, self.st.body.leading), label]
            return out

        names = ("Kecepatan", "Keamanan")
        texts = [text_w(*names),
                 text_w(KECEPATAN_LABELS["sangat_segera"], KEAMANAN_LABELS["rahasia"]),
                 text_w(KECEPATAN_LABELS["segera"], KEAMANAN_LABELS["biasa"]),
                 text_w(KECEPATAN_LABELS["biasa"])]
        base = indent + sum(texts) + 3 * box
        # Four gaps after a text, three (at 0.6) between a box and its label.
        gap = min(3 * MM * self.s, max(1.2 * MM * self.s, (width - base) / 5.8))
        needed = base + 5.8 * 1.2 * MM * self.s
        box_w = box + gap * 0.6
        widths = [indent + texts[0] + gap, box_w, texts[1] + gap, box_w, texts[2] + gap, box_w]
        widths.append(max(0.0, width - sum(widths)))
        data = [[names[0], *cells(KECEPATAN_LABELS, speed)],
                [names[1], *cells(KEAMANAN_LABELS, "rahasia" if secret else "biasa"),
                 "", ""]]
        return Table(data, colWidths=widths,
                     style=self._style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                        ("LEFTPADDING", (0, 0), (0, -1), indent),
                                        ("TOPPADDING", (0, 0), (-1, 0), 0),
                                        ("TOPPADDING", (0, 1), (-1, -1), 0.8),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8)],
                                       box=False)), needed

    def perihal(self) -> Table:
        chunks: list = self._chunks(self.sheet.perihal.strip() or MISSING, self.value_w,
                                    bold=True)
        if self.sheet.summary.strip():  # the text itself follows the signature
            chunks.append(self._p("Isi pengaduan: lihat lampiran.", self.st.small_italic))
        return self._labelled_table(self._long_rows("Perihal", chunks))

    def _labelled_table(self, rows: list[list], extra: list | None = None,
                        value_w: float | None = None, box: bool = True) -> Table:
        n = len(rows)
        pads = [("TOPPADDING", (0, 1), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, n - 2), 0),
                ("TOPPADDING", (0, 0), (-1, 0), self.pad),
                ("BOTTOMPADDING", (0, n - 1), (-1, n - 1), self.pad)] if n > 1 else [
                ("TOPPADDING", (0, 0), (-1, -1), self.pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad)]
        return Table(rows, colWidths=[self.label_w, self.colon_w, value_w or self.value_w],
                     splitByRow=1,
                     style=self._style(pads + [("LEFTPADDING", (1, 0), (2, -1), 0),
                                               ("RIGHTPADDING", (1, 0), (1, -1), 0)]
                                       + (extra or []), box=box))

    def chain(self) -> list[Table]:
        """"Disposisi sebelumnya": the dispositions above this level, top first (none: no
        table)."""
        lines = self.sheet.chain_above
        if not lines:
            return []
        chunks: list = []
        for number, line in enumerate(lines, 1):
            text = (f"{number}. {format_date_id(line.sent_on)}: {line.sender} kepada "
                    f"{line.recipient}")
            if line.instructions:
                text += " \u2014 " + "; ".join(line.instructions)
            if line.deadline:
                text += f" (batas waktu {format_date_id(line.deadline)})"
            chunks += self._chunks(text, self.value_w)
        # The label is wider than the label column: it heads the list on a line of its
        # own instead of running into the colon and the first line.
        rows = [["Disposisi sebelumnya:", "", ""]] + [["", "", c] for c in chunks]
        return [self._labelled_table(rows, [("SPAN", (0, 0), (-1, 0))])]

    def routing(self) -> Table:
        """Diteruskan kepada Sdr. beside Dengan hormat harap, row by row (a long list breaks
        between pages with its headings). The check boxes go two to a row where every
        label fits half the column (the wide half folio), else one."""
        d = self.sheet.disposition
        half = self.width / 2
        num_w = 7 * MM * self.s
        box_w = 6.5 * MM * self.s
        leading = self.st.body.leading
        units = [clip(u, SHORT_FIELD_LIMIT) for u in d.units]
        unit_cells = [[f"{i}.", self._p(u)] for i, u in enumerate(units, start=1)]
        if not unit_cells and not self.decided:  # to be written in by hand
            unit_cells = [[f"{i}.", DottedLine(leading)]
                          for i in range(1, UNIT_WRITE_IN + 1)]
        elif not unit_cells:
            unit_cells = [["", self._p(MISSING)]]

        chosen = {i.casefold() for i in d.instructions}
        listed = {c.casefold() for c in d.checklist}
        items = [(clip(c, SHORT_FIELD_LIMIT), c.casefold() in chosen) for c in d.checklist]
        items += [(clip(i, SHORT_FIELD_LIMIT), True) for i in d.instructions
                  if i.casefold() not in listed]
        box = 3.4 * MM * self.s
        check_cells: list[list] = [[CheckBox(on, box, leading), self._p(label)]
                                   for label, on in items]
        check_cells += [[CheckBox(False, box, leading), DottedLine(leading)]
                        for _ in range(max(0, d.free_lines))]
        size = self.st.body.fontSize
        widest = max((fonts.text_width(label, fonts.REGULAR, size) for label, _ in items),
                     default=0.0)
        per_row = 2 if box_w + widest + self.pad + 1 * MM * self.s <= half / 2 else 1
        sub = half / per_row
        check_rows = [sum(check_cells[i:i + per_row], [])
                      for i in range(0, len(check_cells), per_row)]

        blank = ["", ""] * per_row
        rows = [[self._p("Diteruskan kepada Sdr.:", self.st.heading), "",
                 self._p("Dengan hormat harap:", self.st.heading), *blank[1:]]]
        for i in range(max(len(unit_cells), len(check_rows))):
            left = unit_cells[i] if i < len(unit_cells) else ["", ""]
            right = check_rows[i] if i < len(check_rows) else []
            rows.append(left + right + blank[len(right):])
        box_cols = [2 + 2 * k for k in range(per_row)]
        return Table(
            rows, colWidths=[num_w, half - num_w, *([box_w, sub - box_w] * per_row)],
            repeatRows=1, splitByRow=1,
            style=self._style([
                ("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (-1, 0)),
                ("LINEAFTER", (1, 0), (1, -1), 0.8, "black"),
                ("TOPPADDING", (0, 0), (-1, 0), self.pad),
                ("BOTTOMPADDING", (0, 0), (-1, 0), self.pad * 0.8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), self.pad * 1.5),
                ("RIGHTPADDING", (0, 1), (0, -1), 0),
                ("LEFTPADDING", (1, 1), (1, -1), 0.5 * MM * self.s),
                *[cmd for c in box_cols for cmd in (
                    ("RIGHTPADDING", (c, 1), (c, -1), 0),
                    ("LEFTPADDING", (c + 1, 1), (c + 1, -1), 0.5 * MM * self.s))],
            ]),
        )

