"""QR module grids for printed documents: the grid ``qrcode`` makes, found faster.

``qrcode`` picks the mask by building the whole symbol eight times and scoring each with
pure-Python loops (~4 ms per payload, every sheet has its own payload). Here the symbol
is built once; the other seven masks are XORs of bit rows, scored with the same penalty
rules (ISO/IEC 18004 N1-N4, as ``qrcode.util.lost_point`` computes them) on bit strings.
The chosen mask is then handed back to ``qrcode``, so the grid is the one
``qrcode.QRCode.make()`` returns (tests/test_letters_render.py checks many payloads).
"""

from __future__ import annotations

import functools
import itertools
import re

import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_M

Grid = tuple[tuple[bool, ...], ...]

_RUN = re.compile("0{5,}|1{5,}")  # N1: five or more equal modules in a row or column
_FINDER_LIKE = ("10111010000", "00001011101")  # N3: neither overlaps itself


class _QRCode(qrcode.QRCode):
    """Remembers which modules the first ``map_data`` fills (data and remainder bits)."""

    free: tuple[tuple[int, int], ...] = ()

    def map_data(self, data, mask_pattern):  # noqa: ANN001 (qrcode's signature)
        if not self.free:
            self.free = tuple((r, c) for r, row in enumerate(self.modules)
                              for c, v in enumerate(row) if v is None)
        super().map_data(data, mask_pattern)


@functools.lru_cache(maxsize=64)
def qr_matrix(text: str) -> Grid:
    """Dark modules of ``text`` at error correction M, no quiet zone."""
    qr = _QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=0)
    qr.add_data(text)
    qr.best_fit()
    qr.makeImpl(True, 0)  # test mode, mask 0: what qrcode scores first
    qr.makeImpl(False, _best_mask(qr.modules, qr.free))
    return tuple(tuple(bool(v) for v in row) for row in qr.modules)


def _best_mask(masked0: list[list[bool]], free: tuple[tuple[int, int], ...]) -> int:
    n = len(masked0)
    mask_rows, mask_cols = _masks(n, free)
    rows = [_bits(row) ^ m for row, m in zip(masked0, mask_rows[0], strict=True)]
    cols = [_bits(col) ^ m for col, m in zip(zip(*masked0, strict=True), mask_cols[0], strict=True)]
    best, best_score = 0, 0
    for pattern in range(8):
        score = _score([r ^ m for r, m in zip(rows, mask_rows[pattern], strict=True)],
                       [c ^ m for c, m in zip(cols, mask_cols[pattern], strict=True)], n)
        if pattern == 0 or score < best_score:  # first lowest wins, as in qrcode
            best, best_score = pattern, score
    return best


def _bits(line) -> int:  # noqa: ANN001 (any iterable of truthy modules)
    """A row or column as an int, its first module the most significant bit."""
    value = 0
    for v in line:
        value = (value << 1) | bool(v)
    return value


@functools.lru_cache(maxsize=8)
def _masks(n: int, free: tuple[tuple[int, int], ...]) -> tuple[list[list[int]], list[list[int]]]:
    """Per mask pattern, the modules it flips (data modules only), as row and column bits."""
    rows = [[0] * n for _ in range(8)]
    cols = [[0] * n for _ in range(8)]
    for pattern in range(8):
        flip = util.mask_func(pattern)
        for r, c in free:
            if flip(r, c):
                rows[pattern][r] |= 1 << (n - 1 - c)
                cols[pattern][c] |= 1 << (n - 1 - r)
    return rows, cols


def lost_point(grid: list[list[bool]]) -> int:
    """Mask penalty of a grid; equal to ``qrcode.util.lost_point``."""
    cols = [_bits(col) for col in zip(*grid, strict=True)]
    return _score([_bits(row) for row in grid], cols, len(grid))


def _score(rows: list[int], cols: list[int], n: int) -> int:
    text = " ".join(format(line, f"0{n}b") for line in rows + cols)  # spaces end runs
    score = 0
    for run in _RUN.finditer(text):  # N1: runs of 5+ cost length - 2
        score += run.end() - run.start() - 2
    full = (1 << (n - 1)) - 1  # the n - 1 block positions of a row pair
    for top, bottom in itertools.pairwise(rows):  # N2: 3 per uniform 2x2 block
        same_v = ~(top ^ bottom)
        same_h = ~(top ^ (top >> 1))
        score += 3 * (same_v & (same_v >> 1) & same_h & full).bit_count()
    score += 40 * sum(text.count(p) for p in _FINDER_LIKE)  # N3
    dark = sum(r.bit_count() for r in rows)  # N4, in qrcode's float arithmetic
    return score + int(abs(float(dark) / (n**2) * 100 - 50) / 5) * 10
