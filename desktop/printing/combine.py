"""Put several archived letters into one PDF ("Simpan PDF", one file for a selection).

The pages are copied as they are (pypdf), so each sheet in the combined file is the
archived sheet; a single letter is returned unchanged, byte for byte.
"""

from __future__ import annotations

import io
from collections.abc import Sequence


def combine_pdfs(documents: Sequence[bytes]) -> bytes:
    if not documents:
        raise ValueError("tidak ada surat untuk digabung")
    if len(documents) == 1:
        return bytes(documents[0])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in documents:
        writer.append(PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": "Lembar Disposisi", "/Creator": "LAPOR! Desk"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
