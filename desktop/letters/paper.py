"""Paper sizes and margins for printed documents.

A4 and F4 use the tata naskah dinas margins (top 20, right 20, bottom 20, left 25 mm; the
wider left margin is for binding). Half folio (215 x 165 mm, landscape-shaped, F4 cut in
half) cannot afford them: it uses top/bottom 10, right 12, left 15 mm and type scaled to
0.82 so a typical sheet still fits one page. The 80 mm thermal roll has 5 mm side and
4 mm end margins and a height that follows the content.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72.0 / 25.4  # PDF points per millimetre


@dataclass(frozen=True)
class Paper:
    key: str
    label: str
    width_mm: float
    height_mm: float | None  # None: height follows content (roll paper)
    top_mm: float
    right_mm: float
    bottom_mm: float
    left_mm: float
    scale: float  # type and spacing factor relative to A4
    write_in_lines: int = 0  # blank lines for handwritten notes on a disposition sheet

    @property
    def width(self) -> float:
        return self.width_mm * MM

    @property
    def height(self) -> float | None:
        return None if self.height_mm is None else self.height_mm * MM

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """(top, right, bottom, left) in points."""
        return (self.top_mm * MM, self.right_mm * MM, self.bottom_mm * MM, self.left_mm * MM)

    @property
    def content_width(self) -> float:
        return (self.width_mm - self.left_mm - self.right_mm) * MM


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", "A4", 210, 297, 20, 20, 20, 25, 1.0, 3),
    "f4": Paper("f4", "F4 (Folio)", 215, 330, 20, 20, 20, 25, 1.0, 5),
    "half": Paper("half", "Setengah folio", 215, 165, 10, 12, 10, 15, 0.82, 2),
    # 80 mm rolls print about 72 mm: 5 mm sides keep every line within 70 mm of it.
    "thermal80": Paper("thermal80", "Struk termal 80 mm", 80, None, 4, 5, 4, 5, 0.75),
}

_ALIASES = {
    "folio": "f4",
    "half_folio": "half",
    "half-folio": "half",
    "setengah_folio": "half",
    "thermal": "thermal80",
}

SHEET_PAPERS = ("a4", "f4", "half")
RECEIPT_LAYOUTS = ("half", "a4", "thermal80")


def get_paper(name: str, allowed: tuple[str, ...] = SHEET_PAPERS) -> Paper:
    """The ``Paper`` for a setting value (case-insensitive, a few aliases); ValueError with an
    Indonesian message listing the choices otherwise."""
    key = str(name or "").strip().lower()
    key = _ALIASES.get(key, key)
    if key not in allowed:
        choices = ", ".join(allowed)
        raise ValueError(f"Ukuran kertas tidak dikenal: {name!r} (pilihan: {choices}).")
    return PAPERS[key]
