"""QR module grids for printed documents: the grid ``qrcode`` makes, found faster.

``qrcode`` encodes bit by bit, divides Reed-Solomon polynomials recursively and picks the
mask by building the whole symbol eight times, scoring each with pure-Python loops (~4 ms
per payload; every sheet has its own payload). Here the codewords come from an integer
bit buffer and a table-driven Reed-Solomon remainder, the symbol is built once, and the
eight masked variants are XORs of one big integer, scored with the same penalty rules
(ISO/IEC 18004 N1-N4, as ``qrcode.util.lost_point`` computes them) by integer bit
operations and byte-string searches. The chosen mask goes back to ``qrcode``, so the grid
is the one ``qrcode.QRCode.make()`` returns (tests/test_letters_render.py checks many
payloads). About 1 ms instead of 4.5 ms.
"""

from __future__ import annotations

import functools

import qrcode
from qrcode import LUT, base, util
from qrcode.constants import ERROR_CORRECT_M

Grid = tuple[tuple[bool, ...], ...]

_SEP = 2  # byte closing each row (or column) of a byte grid: ends N3 patterns
_FINDER_LIKE = (bytes([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0]),  # N3; neither overlaps itself
                bytes([0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1]))


class _QRCode(qrcode.QRCode):
    """Takes precomputed codewords and remembers which modules ``map_data`` fills (data
    and remainder bits; the same for every symbol of a version)."""

    def map_data(self, data, mask_pattern):  # noqa: ANN001 (qrcode's signature)
        if self.version not in _FREE:
            _FREE[self.version] = tuple((r, c) for r, row in enumerate(self.modules)
                                        for c, v in enumerate(row) if v is None)
        super().map_data(data, mask_pattern)


_FREE: dict[int, tuple[tuple[int, int], ...]] = {}


@functools.lru_cache(maxsize=64)
def qr_matrix(text: str) -> Grid:
    """Dark modules of ``text`` at error correction M, no quiet zone."""
    qr = _QRCode(error_correction=ERROR_CORRECT_M, box_size=1, border=0)
    qr.add_data(text)
    qr.best_fit()
    qr.data_cache = _codewords(qr.version, qr.error_correction, qr.data_list)
    qr.makeImpl(True, 0)  # test mode, mask 0: what qrcode scores first
    qr.makeImpl(False, _best_mask(qr.modules, qr.version))
    return tuple(tuple(bool(v) for v in row) for row in qr.modules)


# --------------------------------------------------------------------------- codewords


class _BitBuffer(util.BitBuffer):
    """``util.BitBuffer`` on one integer instead of a bit at a time."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def put_bit(self, bit: bool) -> None:
        self.put(1 if bit else 0, 1)


def _codewords(version: int, error_correction: int, data_list: list) -> list[int]:
    """``util.create_data``: data codewords, padded, with their error correction."""
    bits = _BitBuffer()
    for data in data_list:
        bits.put(data.mode, 4)
        bits.put(len(data), util.length_in_bits(data.mode, version))
        data.write(bits)
    blocks = base.rs_blocks(version, error_correction)
    limit = sum(block.data_count * 8 for block in blocks)
    if bits.length > limit:
        return util.create_data(version, error_correction, data_list)  # raises the overflow
    bits.put(0, min(limit - bits.length, 4))  # terminator
    bits.put(0, -bits.length % 8)
    for i in range((limit - bits.length) // 8):
        bits.put(util.PAD1 if i % 2 else util.PAD0, 8)
    stream = bits.value.to_bytes(limit // 8, "big")

    data_blocks, ec_blocks = [], []
    offset = 0
    for block in blocks:
        chunk = stream[offset:offset + block.data_count]
        offset += block.data_count
        data_blocks.append(chunk)
        ec_blocks.append(_ec_codewords(chunk, block.total_count - block.data_count))
    out = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return out


@functools.lru_cache(maxsize=32)
def _generator_logs(count: int) -> tuple[int | None, ...]:
    """Logs of the generator polynomial's coefficients after the leading 1."""
    if count in LUT.rsPoly_LUT:
        coefficients = list(LUT.rsPoly_LUT[count])
    else:
        poly = base.Polynomial([1], 0)
        for i in range(count):
            poly = poly * base.Polynomial([1, base.gexp(i)], 0)
        coefficients = [poly[i] for i in range(len(poly))]
    return tuple(base.glog(c) if c else None for c in coefficients[1:])


def _ec_codewords(data: bytes, count: int) -> list[int]:
    """Remainder of data(x) * x^count divided by the generator (long division, GF(256))."""
    logs = _generator_logs(count)
    exp, log = base.EXP_TABLE, base.LOG_TABLE
    rest = [0] * count
    for byte in data:
        factor = byte ^ rest[0]
        rest = rest[1:]
        rest.append(0)
        if factor:
            lf = log[factor]
            for j, lg in enumerate(logs):
                if lg is not None:
                    rest[j] ^= exp[(lf + lg) % 255]
    return rest


# --------------------------------------------------------------------------- mask choice
# A byte grid is the symbol as bytes 0/1, one line per row (or, transposed, per column),
# each line closed by _SEP; as one integer, XOR-ing a mask in is a single operation.


def _best_mask(masked0: list[list[bool]], version: int) -> int:
    n = len(masked0)
    rows_masks, cols_masks = _masks(n, version)
    length = n * (n + 1)
    # The grid as qrcode scores it with mask 0, mask 0 then taken out again.
    rows = int.from_bytes(_byte_grid(masked0), "big") ^ rows_masks[0]
    cols = int.from_bytes(_byte_grid(list(zip(*masked0, strict=True))), "big") ^ cols_masks[0]
    best, best_score = 0, 0
    for pattern in range(8):
        score = _score((rows ^ rows_masks[pattern]).to_bytes(length, "big"),
                       (cols ^ cols_masks[pattern]).to_bytes(length, "big"), n)
        if pattern == 0 or score < best_score:  # first lowest wins, as in qrcode
            best, best_score = pattern, score
    return best


def _byte_grid(lines) -> bytes:  # noqa: ANN001 (rows or columns of bool modules)
    sep = bytes([_SEP])
    return sep.join(map(bytes, lines)) + sep


@functools.lru_cache(maxsize=8)
def _masks(n: int, version: int) -> tuple[list[int], list[int]]:
    """Per mask pattern, the data modules it flips, as row-wise and column-wise byte grids
    (integers)."""
    free = _FREE[version]
    rows_out, cols_out = [], []
    for pattern in range(8):
        flip = util.mask_func(pattern)
        rows = bytearray(n * (n + 1))
        cols = bytearray(n * (n + 1))
        for r, c in free:
            if flip(r, c):
                rows[r * (n + 1) + c] = 1
                cols[c * (n + 1) + r] = 1
        rows_out.append(int.from_bytes(rows, "big"))
        cols_out.append(int.from_bytes(cols, "big"))
    return rows_out, cols_out


@functools.lru_cache(maxsize=8)
def _positions(n: int, first_row: int) -> int:
    """Bit 0 of each byte of a byte grid (big-endian integer) at row >= ``first_row`` and
    column >= 1: modules that have a left neighbour (and one above, for 1)."""
    marks = bytearray(n * (n + 1))
    for r in range(first_row, n):
        for c in range(1, n):
            marks[r * (n + 1) + c] = 1
    return int.from_bytes(marks, "big")


def lost_point(grid: list[list[bool]]) -> int:
    """Mask penalty of a grid; equal to ``qrcode.util.lost_point``."""
    return _score(_byte_grid(grid), _byte_grid(list(zip(*grid, strict=True))), len(grid))


def _score(rows: bytes, cols: bytes, n: int) -> int:
    # In a byte grid read as a big-endian integer, >> 8 moves each module onto its right
    # neighbour's byte (so byte i then holds module i - 1), << 8 the other way, and
    # >> 8 * (n + 1) onto the module below.
    score = 0
    with_left = _positions(n, 0)
    for line in (rows, cols):
        g = int.from_bytes(line, "big")
        # N1: a run of L >= 5 equal modules costs L - 2. Runs of k = L - 1 "same as the
        # left one" marks: k - 3 windows of four, plus 2 for the window ending the run.
        same = ~(g ^ (g >> 8)) & with_left
        windows = same & (same >> 8) & (same >> 16) & (same >> 24)
        score += windows.bit_count() + 2 * (windows & ~(same << 8)).bit_count()
        score += 40 * sum(line.count(p) for p in _FINDER_LIKE)  # N3
    g = int.from_bytes(rows, "big")  # N2: 3 per uniform 2x2 block (by lower right corner)
    same_up = ~(g ^ (g >> (8 * (n + 1))))
    same_left = ~(g ^ (g >> 8))
    score += 3 * (same_up & (same_up >> 8) & same_left & _positions(n, 1)).bit_count()
    dark = rows.count(1)  # N4, in qrcode's float arithmetic
    return score + int(abs(float(dark) / (n**2) * 100 - 50) / 5) * 10
