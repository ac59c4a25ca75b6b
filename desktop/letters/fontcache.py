"""A TrueType font that does its per-document embedding work once per process.

reportlab subsets, deflates and describes (glyph widths) each font again in every
document. With its ASCII-readable subsets (subset 0 always holds all of ASCII, other
characters follow in order of use) nearly every sheet embeds exactly the same subsets, so
the results are kept, keyed by the subset's characters: the bytes written are the same as
without the cache (tests/test_letters_render.py compares them), only made once.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase.pdfdoc import PDFArray, PDFName
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

_KEPT = 32  # subsets per font; more than one sheet ever needs


class _CachingFace(TTFontFace):
    _subsets: dict[tuple[int, ...], tuple[bytes, bytes]]

    def subset_data(self, subset: list[int]) -> tuple[bytes, bytes]:
        """(font program, deflated font program) of ``subset``."""
        key = tuple(subset)
        data = self._subsets.get(key)
        if data is None:
            raw = TTFontFace.makeSubset(self, subset)
            data = (raw, zlib.compress(raw))  # what reportlab's FlateDecode filter writes
            _put(self._subsets, key, data)
        return data

    def makeSubset(self, subset: list[int]) -> bytes:  # noqa: N802 (reportlab API)
        return self.subset_data(subset)[0]

    def addSubsetObjects(self, doc, fontname, subset):  # noqa: ANN001, ANN201, N802
        ref = super().addSubsetObjects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if doc.compression and stream is not None and "Filter" not in stream.dictionary.dict:
            # Deflated already: with "Filter" set, PDFStream.format writes the content as is.
            stream.content = self.subset_data(subset)[1]
            stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        return ref


class CachingTTFont(TTFont):
    """``TTFont(name, filename)`` that reuses subsets and their width arrays."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.face.__class__ = _CachingFace  # the face reportlab parsed, with the cache added
        self.face._subsets = {}
        self._widths: dict[tuple[int, ...], bytes] = {}

    def addObjects(self, doc) -> None:  # noqa: ANN001, N802 (reportlab API)
        state = self.state.get(doc)
        name = state.internalName if state is not None else None
        subsets = [tuple(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            font = doc.idToObject.get(f"{name}+{n}")
            if font is None:
                continue
            widths = self._widths.get(subset)
            if widths is None:
                # The array as PDFTrueTypeFont.format would write it (bytes are written as is).
                widths = PDFArray([self.face.getCharWidth(c) for c in subset]).format(doc)
                _put(self._widths, subset, widths)
            font.Widths = widths


def _put(cache: dict, key: object, value: object) -> None:
    if len(cache) >= _KEPT:
        cache.clear()
    cache[key] = value
