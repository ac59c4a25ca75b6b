"""QR module grids for printed documents, from ``segno`` (a maintained encoder that is fast
by itself: no hand-made copy of library work, no private internals)."""

from __future__ import annotations

import functools

import segno

Grid = tuple[tuple[bool, ...], ...]


@functools.lru_cache(maxsize=64)
def qr_matrix(text: str) -> Grid:
    """The dark (True) and light modules of ``text``'s QR symbol, without quiet zone: error
    correction M (a smudged or folded sheet still reads), the smallest version that fits,
    the mask the standard's penalty rules choose."""
    symbol = segno.make_qr(text, error="m", boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in symbol.matrix)
