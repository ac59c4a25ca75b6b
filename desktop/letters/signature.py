"""A signature block at the right of the page: place and date, an opening word
("Mengetahui,"), the jabatan, room to sign, the name underlined, pangkat and NIP.

Used by documents that are signed below their content (the recap a kepala dinas signs);
the disposition sheet keeps its own block beside the QR code.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, Table, TableStyle

from core.dates import format_date_id

from . import fonts
from .models import Signer, format_nip
from .paper import MM
from .pdfparts import Styles, clip, esc, para
from .signbox import SignatureBox, SignatureSpace


def signature_block(signer: Signer, styles: Styles, width: float, *, place: str = "",
                    day: date | None = None, opening: str = "Mengetahui,",
                    sign_space: float = 20 * MM,
                    boxes: list[SignatureBox] | None = None) -> Flowable:
    """The block in the right half of ``width``; lines the signer lacks (pangkat, NIP)
    are left out, never printed as "-". The room to sign is a ``SignatureSpace``: where it
    is drawn goes to ``boxes`` and to ``signbox.collect_boxes()`` (the electronic
    signature's stamp is placed there)."""
    center, bold = styles.center, styles.center_bold
    lines: list = []
    if day is not None:
        dated = format_date_id(day)
        lines.append(para(esc(f"{place.strip()}, {dated}" if place.strip() else dated), center))
    if opening:
        lines.append(para(esc(opening), center))
    lines.append(para(esc(clip(signer.jabatan.strip(), 160)) + ",", bold))
    lines.append(SignatureSpace(sign_space, boxes))
    lines.append(para(f"<u>{esc(clip(signer.name.strip(), 120))}</u>", bold))
    if signer.pangkat.strip():
        lines.append(para(esc(clip(signer.pangkat.strip(), 80)), center))
    nip = format_nip(signer.nip)
    if nip:
        lines.append(para(f"NIP. {esc(clip(nip, 40))}", center))
    left = width * 0.45
    table = Table([["", lines]], colWidths=[left, width - left], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, styles.size),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table
