"""Read generated PDFs back with the real tools (poppler-utils, qpdf) for the letters tests.

Helpers only (plus a check that the tools exist). CI must install: poppler-utils, qpdf.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = ("qpdf", "pdffonts", "pdftotext", "pdfinfo", "pdftoppm")
MM = 72.0 / 25.4
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")

need_tools = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="needs poppler-utils and qpdf (apt-get install -y poppler-utils qpdf)",
)


def run(*args: str | Path) -> str:
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"{args[0]} failed ({proc.returncode}): {proc.stderr}"
    return proc.stdout


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    assert data.startswith(b"%PDF-"), "not a PDF"
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    return path


def qpdf_clean(path: Path) -> None:
    proc = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No syntax or stream encoding errors found" in proc.stdout
    assert "WARNING" not in proc.stdout + proc.stderr


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool


def fonts(path: Path) -> list[FontRow]:
    rows = []
    for line in run("pdffonts", path).splitlines()[2:]:
        # name type... encoding emb sub uni object ID: parse from the right (type has spaces).
        parts = line.split()
        emb = parts[-5]
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes"))
    return rows


def assert_fonts_embedded(path: Path) -> None:
    rows = fonts(path)
    assert rows, "no fonts at all"
    for row in rows:
        assert row.embedded, f"font not embedded: {row}"
        assert not any(b in row.name for b in BASE14), f"base-14 font used: {row}"


def page_sizes(path: Path) -> list[tuple[float, float]]:
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))
    info = run("pdfinfo", "-f", "1", "-l", str(pages), path)
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert len(sizes) == pages
    return [(float(w), float(h)) for w, h in sizes]


def info(path: Path) -> dict[str, str]:
    out = {}
    for line in run("pdfinfo", "-isodates", path).splitlines():
        key, _, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


def text(path: Path, page: int | None = None) -> str:
    args: list[str | Path] = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return run(*args, path, "-")


def flat(s: str) -> str:
    return " ".join(s.split())


def assert_in_order(haystack: str, items: list[str], start: int = 0) -> int:
    """Each item occurs after the previous one; returns the end position."""
    pos = start
    for item in items:
        found = haystack.find(item, pos)
        context = haystack[pos:pos + 600]
        assert found >= 0, f"{item!r} not found in order after position {pos}:\n{context}"
        pos = found + len(item)
    return pos


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


def words(path: Path) -> list[Page]:
    xml = run("pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = []
    for i, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        ws = tuple(
            Word(i, w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                 float(w.get("xMax")), float(w.get("yMax")))
            for w in page.findall("h:word", ns)
        )
        pages.append(Page(float(page.get("width")), float(page.get("height")), ws))
    return pages


def assert_inside_margins(path: Path, margins_mm: tuple[float, float, float, float]) -> None:
    """Every word box lies inside the page minus (top, right, bottom, left) margins."""
    top, right, bottom, left = (m * MM for m in margins_mm)
    eps = 0.5
    for page in words(path):
        assert page.words, "page without text"
        for w in page.words:
            assert w.x0 >= left - eps, f"left of margin: {w}"
            assert w.x1 <= page.width - right + eps, f"right of margin: {w}"
            assert w.y0 >= top - eps, f"above margin: {w}"
            assert w.y1 <= page.height - bottom + eps, f"below margin: {w}"


def ink(path: Path, page: int, box: tuple[float, float, float, float], dpi: int = 288) -> float:
    """Share of dark pixels in ``box`` (x0, y0, x1, y1 in points from the top-left)."""
    k = dpi / 72.0
    x0, y0, x1, y1 = (round(v * k) for v in box)
    data = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
         "-x", str(x0), "-y", str(y0), "-W", str(max(1, x1 - x0)), "-H", str(max(1, y1 - y0)),
         str(path)],
        capture_output=True, check=True, timeout=60,
    ).stdout
    # Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert m, "not a PGM"
    w, h = int(m.group(1)), int(m.group(2))
    pixels = data[m.end():m.end() + w * h]
    return sum(1 for p in pixels if p < 128) / max(1, len(pixels))


def qr_codes(path: Path, page: int = 1, dpi: int = 200) -> list[str]:
    """Texts of the QR codes zbarimg (Debian zbar-tools; .ci/run installs it) reads from a
    rendered page; [] when it finds none. Never skipped: CI must have the tool."""
    assert shutil.which("zbarimg"), "zbarimg missing: apt-get install -y zbar-tools"
    png = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                          str(path)], capture_output=True, check=True, timeout=60).stdout
    proc = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", "-"],
                          input=png, capture_output=True, timeout=60)
    if proc.returncode == 4:  # zbarimg: no symbol found
        return []
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return [line for line in proc.stdout.decode().splitlines() if line]


def find_word(path: Path, word: str, page: int = 1, not_after: str | None = None) -> Word:
    """The first ``word`` on ``page`` (optionally: not right after the word ``not_after``,
    e.g. "Segera" but not the one in "Sangat Segera")."""
    ws = words(path)[page - 1].words
    for i, w in enumerate(ws):
        if w.text == word and (not_after is None or i == 0 or ws[i - 1].text != not_after):
            return w
    raise AssertionError(f"word {word!r} not on page {page}")


def box_ink_left_of(path: Path, w: Word, width_pt: float, page: int = 1) -> float:
    """Ink in the square-ish area just left of a label: its check box."""
    return ink(path, page, (w.x0 - width_pt, w.y0, w.x0 - 0.8, w.y1))


@need_tools
def test_tools_installed_and_working(tmp_path: Path) -> None:
    # A PDF made by hand (no reportlab) so this checks the helpers themselves.
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
           b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
           b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 200]>>endobj\n"
           b"trailer<</Root 1 0 R>>\n%%EOF\n")
    path = tmp_path / "blank.pdf"
    path.write_bytes(pdf)
    assert page_sizes(path) == [(100.0, 200.0)]
