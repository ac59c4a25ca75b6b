"""The one typeface of printed documents: Liberation Sans 2.1.5 (SIL OFL 1.1), embedded.

Metric-compatible with Arial, which tata naskah dinas templates usually name, and covers
all Latin script. Files and licence: resources/fonts/. Every PDF we make embeds (subsets)
these TTFs; no base-14 font may appear (the canvas is also created with this font as its
initial font, otherwise reportlab declares Helvetica on every page).
"""

from __future__ import annotations

import threading
import unicodedata

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from desktop.paths import resource

from .fontcache import CachingTTFont

REGULAR = "LiberationSans"
BOLD = "LiberationSans-Bold"
ITALIC = "LiberationSans-Italic"
BOLD_ITALIC = "LiberationSans-BoldItalic"

_FILES = {
    REGULAR: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}
# Glyph box of Liberation Sans (hhea ascent/descent per em): used to keep text inside margins.
ASCENT = 0.905
DESCENT = 0.212

# Streams stay binary (deflated only): ASCII85 on top, reportlab's default, makes them a
# quarter larger and was a tenth of a sheet's render time; a PDF is a binary file anyway.
# Process-wide: every PDF the desk makes with these fonts (letters, the recap) gets it.
rl_config.useA85 = 0

_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    """Register the family with reportlab once per process (thread-safe; parsing the four
    TTFs costs ~0.1 s, so it is not repeated per document; their embedded subsets are
    kept too, see fontcache)."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        for name, filename in _FILES.items():
            path = resource("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(f"Berkas huruf tidak ditemukan: {path}")
            pdfmetrics.registerFont(CachingTTFont(name, str(path)))
        # <b>/<i> inside Paragraph markup resolve through these mappings.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _done = True


def text_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# What a run of characters the font lacks prints as: emoji (pictographs, with their
# joiners, skin tones and variation selectors) and anything else (another script).
EMOJI_PLACEHOLDER = "[emoji]"
OTHER_PLACEHOLDER = "[?]"
# Zero-width companions of emoji: they join a run rather than start a new one.
_JOINERS = frozenset({0x200D, 0x20E3, *range(0xFE00, 0xFE10)})
_covered: frozenset[int] | None = None


def _coverage() -> frozenset[int]:
    """Code points the regular face maps to a glyph (the family shares its coverage)."""
    global _covered
    if _covered is None:
        register_fonts()
        face = pdfmetrics.getFont(REGULAR).face  # type: ignore[attr-defined]
        _covered = frozenset(cp for cp, glyph in face.charToGlyph.items() if glyph)
    return _covered


def _pictograph(cp: int) -> bool:
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF
            or unicodedata.category(chr(cp)) in ("So", "Sk"))


def printable(text: str) -> str:
    """``text`` with every run of characters the embedded font has no glyph for replaced by
    one placeholder (``[emoji]`` / ``[?]``): reportlab would draw each as an empty box.
    Zero-width joiners and variation selectors belong to the run they sit in (alone they
    are dropped). Line breaks and tabs pass through (the callers handle them)."""
    if text.isascii():
        return text
    covered = _coverage()
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        marks = [cp for cp in run if cp not in _JOINERS]
        if marks:  # a lone joiner after a printed character is just dropped
            out.append(EMOJI_PLACEHOLDER if any(_pictograph(cp) for cp in marks)
                       else OTHER_PLACEHOLDER)
        run.clear()

    for ch in text:
        cp = ord(ch)
        if cp in covered or ch in "\n\r\t":
            if cp in _JOINERS and run:  # a joiner the font happens to have: still the emoji's
                run.append(cp)
                continue
            flush()
            out.append(ch)
        else:
            run.append(cp)
    flush()
    return "".join(out)
