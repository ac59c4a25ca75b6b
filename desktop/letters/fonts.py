"""The one typeface of printed documents: Liberation Sans 2.1.5 (SIL OFL 1.1), embedded.

Metric-compatible with Arial, which tata naskah dinas templates usually name, and covers
all Latin script. Files and licence: resources/fonts/. Every PDF we make embeds (subsets)
these TTFs; no base-14 font may appear (the canvas is also created with this font as its
initial font, otherwise reportlab declares Helvetica on every page).
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

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

_lock = threading.Lock()
_done = False


def register_fonts() -> None:
    """Register the family with reportlab once per process (thread-safe; parsing the four
    TTFs costs ~0.1 s, so it is not repeated per document)."""
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
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b>/<i> inside Paragraph markup resolve through these mappings.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _done = True


def text_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
