"""The Lembar Disposisi's form, bottom part: Catatan, Batas waktu, the QR code and the
signature (kept together), and the complaint's text as its Lampiran (see disposition.py).
"""

from __future__ import annotations

import functools

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from core.qr_payload import display_url

from . import fonts
from .models import MISSING, format_nip
from .paper import MM
from .pdfparts import QrPlaceholder, chunk_text, clip, esc, para
from .qrblock import MODULE_PT, QrBlock, url_lines
from .sheet_form import FormParts, deadline_text, number_text, qr_text
from .signbox import SignatureBox, SignatureSpace

QR_MAX = 52 * MM  # the code with its quiet zone; never scaled down with the paper
ATTACHMENT_TITLE = "Lampiran: Isi Pengaduan"
UNSIGNED_NOTE = ("Dokumen ini tidak ditandatangani secara elektronik; keaslian dapat diperiksa "
                 "melalui kode QR.")
SIGNED_NOTE = ("Dokumen ini ditandatangani secara elektronik dengan sertifikat elektronik "
               "(tanda tangan PDF).")


class SignatureParts(FormParts):
    """The sheet from Catatan down: notes, code and signature, then the Lampiran.

    ``sealed``: the sheet is signed electronically once rendered (its caption says so;
    otherwise it says it is not). ``boxes`` receives the room to sign as drawn."""

    sealed: bool = False
    boxes: list[SignatureBox]

    def notes_and_signature(self) -> Table:
        """Catatan, Batas waktu and the signature as ONE table whose last note rows cannot
        be split from the signature: a long note breaks between pages before them, and the
        signature never stands alone on a page. Write-in lines fill what the note leaves of
        the paper's lines (none once the note fills them). On a landscape-shaped paper (half
        folio) a short note and the signature sit beside the code, which would otherwise
        not leave the sheet one page."""
        if self.paper.width > (self.paper.height or 0):
            beside = self._beside_code()
            if beside is not None:
                return beside
        rows, chunks = self._note_rows(self.value_w)
        rows.append([self.signature(), "", ""])
        n = len(rows)
        keep_from = max(0, chunks - 1)  # the last chunk, and with it at least two lines
        while keep_from > 0 and self._lines_of([r[2] for r in rows[keep_from:chunks]],
                                               self.value_w) < 2:
            keep_from -= 1
        return self._labelled_table(rows, [
            ("NOSPLIT", (0, keep_from), (-1, n - 1)),
            ("SPAN", (0, n - 1), (-1, n - 1)),
            ("LINEABOVE", (0, n - 1), (-1, n - 1), 0.8, "black"),
            ("LEFTPADDING", (0, n - 1), (-1, n - 1), 0),
            ("RIGHTPADDING", (0, n - 1), (-1, n - 1), 0),
            ("TOPPADDING", (0, n - 1), (-1, n - 1), 0),
            ("BOTTOMPADDING", (0, n - 1), (-1, n - 1), 0),
            ("BOTTOMPADDING", (0, n - 2), (-1, n - 2), self.pad),
        ])

    def _note_rows(self, value_w: float) -> tuple[list[list], int]:
        """(Catatan rows: the note's chunks, then write-in lines; Batas waktu) and how many
        chunks the note took at ``value_w``."""
        d = self.sheet.disposition
        note = d.note.strip()
        chunks = self._chunks(note, value_w) if note else []
        lines = self.paper.write_in_lines if d.note_lines is None else max(0, d.note_lines)
        lines = max(0, lines - self._lines_of(chunks, value_w))
        if not chunks:  # blank space to write the note in, never a "-"
            lines = max(1, lines)
        rows = self._long_rows("Catatan", [*chunks, *(self._write_in() for _ in range(lines))])
        deadline = (self._p(deadline_text(self.sheet), self.st.bold) if self.decided
                    else self._write_in(1.0))
        rows.append(["Batas waktu", ":", deadline])
        return rows, len(chunks)

    def _beside_code(self) -> Table | None:
        """[code with its caption, address under it | Catatan, Batas waktu, signature];
        None when the note is too long to stay beside the code (then it may break between
        pages)."""
        code_w = self.width * 0.42
        right_w = self.width - code_w
        value_w = right_w - self.label_w - self.colon_w
        rows, chunks = self._note_rows(value_w)
        if chunks > 1:
            return None
        notes = self._labelled_table(rows, [("BOTTOMPADDING", (0, -1), (-1, -1), self.pad)],
                                     value_w=value_w, box=False)
        sign = Table([["", self._signer()]], colWidths=[right_w * 0.3, right_w * 0.7],
                     style=self._style([("TOPPADDING", (0, 0), (-1, -1), self.pad * 1.5),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad * 1.5)],
                                       box=False))
        zero = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
        right = Table([[notes], [sign]], colWidths=[right_w],
                      style=self._style([*zero, ("LINEABOVE", (0, 1), (-1, 1), 0.8, "black")],
                                        box=False))
        code = self._code_block(code_w - 2.5 * self.pad)
        return Table([[code, right]], colWidths=[code_w, right_w],
                     style=self._style([("LINEAFTER", (0, 0), (0, -1), 0.8, "black"),
                                        ("LEFTPADDING", (0, 0), (0, 0), self.pad * 1.5),
                                        ("TOPPADDING", (0, 0), (0, 0), self.pad * 1.5),
                                        ("BOTTOMPADDING", (0, 0), (0, 0), self.pad * 1.5),
                                        ("LEFTPADDING", (1, 0), (1, 0), 0),
                                        ("RIGHTPADDING", (1, 0), (1, 0), 0),
                                        ("TOPPADDING", (1, 0), (1, 0), 0),
                                        ("BOTTOMPADDING", (1, 0), (1, 0), 0)]))

    def signature(self) -> Table:
        """[code with its caption, address under it | signature]."""
        left_w = self.width * 0.42
        right_w = self.width - left_w
        return Table([[self._code_block(left_w - 2.5 * self.pad), self._signer()]],
                     colWidths=[left_w, right_w],
                     style=self._style([("TOPPADDING", (0, 0), (-1, -1), self.pad * 1.5),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad * 1.5),
                                        ("LEFTPADDING", (0, 0), (0, 0), self.pad * 1.5)],
                                       box=False))

    def _signer(self) -> list:
        signer = self.sheet.signer
        jabatan = (signer.jabatan.strip() if signer else "") or MISSING
        name = (signer.name.strip() if signer else "") or MISSING
        pangkat = signer.pangkat.strip() if signer else ""  # empty: no line, never "-"
        nip = format_nip(signer.nip if signer else "") or MISSING
        c = self.st.center
        # The block never splits, so each line is clipped to keep it well under a page.
        return [
            para(esc(clip(jabatan, 160)) + ",", self.st.center_bold),
            SignatureSpace(17 * MM * self.s, self.boxes),
            para(f"<u>{esc(clip(name, 120))}</u>", self.st.center_bold),
            *([para(esc(clip(pangkat, 80)), c)] if pangkat else []),
            para(f"NIP. {esc(clip(nip, 40))}", c),
            # Under the signature, where the QR code's column is taller anyway: no extra
            # height. A konsep is neither signed nor genuine; its marks say so already.
            *([] if self.sheet.draft else [
                Spacer(1, 1.5 * MM * self.s),
                para(esc(SIGNED_NOTE if self.sealed else UNSIGNED_NOTE), self._note_style())]),
        ]

    def _note_style(self) -> ParagraphStyle:
        return _centred(self.st.small_italic)

    def _code_block(self, width: float) -> Table:
        """The QR code (its quiet zone included) with its caption beside it and, on an
        issued sheet of a desk that knows its server, the verification address under it."""
        small = self.st.small
        code: Flowable
        if self.sheet.draft:  # no signed payload on a konsep: nothing to pass for genuine
            code = QrPlaceholder(30 * MM, ("Tanpa kode QR", "(konsep)"), small.fontSize)
        else:
            code = QrBlock(qr_text(self.sheet), QR_MAX, self.paper.height or 0.0)
        under: list = []
        if self.sheet.draft:
            caption = "Konsep: kode QR dicetak saat lembar disposisi diterbitkan."
        elif isinstance(code, QrBlock) and code.text.startswith(("http://", "https://")):
            shown = url_lines(display_url(code.text), fonts.REGULAR, small.fontSize, width)
            under = [para("<br/>".join(esc(line) for line in shown), small)]
            caption = ("Pindai kode QR atau buka alamat di bawahnya untuk memeriksa keaslian "
                       "lembar disposisi ini.")
        else:
            caption = "Pindai kode QR untuk memeriksa keaslian lembar disposisi ini."
        note = para(esc(caption), self.st.small_italic)
        zero = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
        code_w = code.wrap(width, 1e6)[0]
        gap = 2 * MM * self.s
        return Table([[code, note], *([u, ""] for u in under)],
                     colWidths=[code_w + gap, max(0.0, width - code_w - gap)],
                     style=self._style([*zero, ("TOPPADDING", (1, 0), (1, 0), 4 * MODULE_PT),
                                        *([("SPAN", (0, 1), (1, 1))] if under else [])],
                                       box=False))

    def attachment(self) -> list:
        """The complaint's text after the signature, as a titled section: on the signature's
        page when it all fits there, else from the next page on."""
        text = self.sheet.summary.strip()
        if not text:
            return []
        ref = f"No. Laporan {number_text(self.sheet)} \u00b7 Perihal: " \
              f"{clip(self.sheet.perihal.strip() or MISSING, 200)}"
        body = chunk_text(text, self.st.body, self.width, self.st.body.leading * 3.5)
        return [Spacer(1, 4 * MM * self.s), KeepTogether([
            self._p(ATTACHMENT_TITLE, self.st.heading),
            Spacer(1, 1 * MM * self.s),
            self._p(ref, self.st.small_italic),
            Spacer(1, 2 * MM * self.s),
            *body,
        ])]


@functools.lru_cache(maxsize=8)
def _centred(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` centred, made once per style (``para`` caches by style)."""
    return ParagraphStyle(f"{style.name}_centred", parent=style, alignment=TA_CENTER)
