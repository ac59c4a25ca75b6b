"""A TrueType font that does its per-document embedding work once per process.

reportlab subsets, deflates and describes (glyph widths) each font again in every
document. With its ASCII-readable subsets (subset 0 always holds all of ASCII, other
characters follow in order of use) nearly every sheet embeds exactly the same subsets, so
the results are kept, keyed by the subset's characters: the bytes written are the same as
without the cache (tests/test_letters_render.py compares them), only made once.

``CachingTTFont.addObjects`` is ``TTFont.addObjects`` (with ``TTFontFace.addSubsetObjects``)
written out over the font's and the face's public members, with the font program and
the widths array taken from the cache.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

_KEPT = 32  # subsets per font; more than one sheet ever needs


class CachingTTFont(TTFont):
    """``TTFont(name, filename)`` that reuses subsets and their width arrays."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        # subset -> (font program, deflated font program): what makeSubset and reportlab's
        # FlateDecode filter make of it
        self.subsets: dict[tuple[int, ...], tuple[bytes, bytes]] = {}
        self.widths: dict[tuple[int, ...], bytes] = {}  # subset -> formatted Widths array

    def subset_data(self, subset: tuple[int, ...]) -> tuple[bytes, bytes]:
        data = self.subsets.get(subset)
        if data is None:
            raw = self.face.makeSubset(list(subset))
            data = (raw, zlib.compress(raw))
            _put(self.subsets, subset, data)
        return data

    def subset_widths(self, subset: tuple[int, ...], doc: pdfdoc.PDFDocument) -> bytes:
        widths = self.widths.get(subset)
        if widths is None:
            # The array as PDFTrueTypeFont.format would write it (bytes are written as is).
            widths = PDFArray([self.face.getCharWidth(c) for c in subset]).format(doc)
            _put(self.widths, subset, widths)
        return widths

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 (reportlab API)
        state = self.state.get(doc)  # made when the document first used the font
        if state is None:
            return
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = self.subset_widths(tuple(subset), doc)
            cmap = PDFStream()
            cmap.content = makeToUnicodeCMap(base_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            font.FontDescriptor = self._descriptor(doc, base_name, tuple(subset))
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]

    def _descriptor(self, doc: pdfdoc.PDFDocument, base_name: str,
                    subset: tuple[int, ...]) -> pdfdoc.PDFObjectReference:
        """``TTFontFace.addSubsetObjects``: the subset's font program and descriptor."""
        face = self.face
        raw, deflated = self.subset_data(subset)
        program = PDFStream()
        program.dictionary["Length1"] = len(raw)
        if doc.compression:
            # Deflated already: with "Filter" set, PDFStream.format writes the content as is.
            program.content = deflated
            program.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        else:
            program.content = raw
        program_ref = doc.Reference(program, f"fontFile:{face.filename}({base_name})")
        descriptor = PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": PDFArray(face.bbox),
            "FontName": PDFName(base_name),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": program_ref,
            "MissingWidth": face.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + base_name)


def _put(cache: dict, key: object, value: object) -> None:
    if len(cache) >= _KEPT:
        cache.clear()
    cache[key] = value
