"""The render speed-ups write what reportlab and qrcode would have written.

Each cache or short cut in desktop/letters (emblem objects, font subsets and widths, QR
mask choice) is checked against the library's own path on real output: PDF bytes made
both ways must be equal, QR grids must equal ``qrcode``'s.
"""

from __future__ import annotations

import io
import random
import string
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from core.qr_payload import make_qr_payload
from desktop.letters import fonts, render_disposition
from desktop.letters.emblem import PLACEHOLDER_EMBLEM, Emblem, ImageCanvas, load_emblem
from desktop.letters.fontcache import CachingTTFont
from desktop.letters.pdfparts import esc, make_styles, para
from desktop.letters.qrgrid import qr_matrix
from desktop.letters.samples import sample_profile, sample_sheet
from desktop.paths import resource

from .test_letters_pdftools import assert_fonts_embedded, need_tools, qpdf_clean, write


def _canvas_bytes(draw, canvas: type[Canvas] = Canvas) -> bytes:  # noqa: ANN001
    fonts.register_fonts()  # also sets the process-wide stream settings
    buf = io.BytesIO()
    c = canvas(buf, pagesize=(300, 300), invariant=1, initialFontName=fonts.REGULAR)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _emblem_files(tmp_path: Path) -> list[Path]:
    placeholder = resource(*PLACEHOLDER_EMBLEM)  # RGBA: image plus soft mask
    rgb = tmp_path / "rgb.png"
    jpeg = tmp_path / "emblem.jpg"
    with Image.open(placeholder) as im:
        im.convert("RGB").save(rgb)
        im.convert("RGB").save(jpeg, quality=90)
    return [placeholder, rgb, jpeg]


def test_emblem_is_written_as_draw_image_writes_it(tmp_path: Path) -> None:
    for path in _emblem_files(tmp_path):
        emblem = load_emblem(replace(sample_profile(), emblem_path=path))
        assert isinstance(emblem, Emblem), path

        def ours(c: Canvas, emblem: Emblem = emblem) -> None:
            emblem.draw(c, 10, 20, 70, 84)
            emblem.draw(c, 100, 120, 35, 42)  # second use: same object, referenced again

        def reportlab(c: Canvas, path: Path = path) -> None:
            reader = ImageReader(io.BytesIO(path.read_bytes()))
            c.drawImage(reader, 10, 20, 70, 84, mask="auto")
            c.drawImage(reader, 100, 120, 35, 42, mask="auto")

        expected = _canvas_bytes(reportlab)
        assert b"/Subtype /Image" in expected
        assert _canvas_bytes(ours, ImageCanvas) == expected, path.name
        assert _canvas_bytes(ours, ImageCanvas) == expected, f"{path.name}, cached"
        assert _canvas_bytes(ours) == expected, f"{path.name}, plain canvas"


@need_tools
def test_damaged_emblem_prints_without_it(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.png"
    broken.write_bytes(resource(*PLACEHOLDER_EMBLEM).read_bytes()[:400])  # header, no data
    sheet = sample_sheet()
    pdf = render_disposition(replace(sheet, profile=replace(sheet.profile, emblem_path=broken)))
    assert b"/Subtype /Image" not in pdf
    qpdf_clean(write(tmp_path, "broken-emblem", pdf))
    assert b"/Subtype /Image" in render_disposition(sheet)


def _font_page(font: TTFont, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """A page of text in ``font`` alone: reportlab maps every font of one face to the
    first one registered, so each run gets registries of its own."""
    monkeypatch.setattr(pdfmetrics, "_fonts", {})
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})
    pdfmetrics.registerFont(font)
    line = "Lembar Disposisi \u00b7 045/DISP/DINKES/XI/2026 \u2026 caf\u00e9 \u2013 Rp 1.000"
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(300, 300), invariant=1, initialFontName=font.fontName)
    c.setFont(font.fontName, 11)
    c.drawString(20, 200, line)
    c.drawString(20, 180, line[::-1])
    c.showPage()
    c.save()
    monkeypatch.undo()
    return buf.getvalue()


def test_font_subset_cache_writes_what_reportlab_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.register_fonts()  # the process-wide stream settings
    path = str(resource("fonts", "LiberationSans-Regular.ttf"))
    expected = _font_page(TTFont("TestSans", path), monkeypatch)
    cached = CachingTTFont("TestSans", path)
    assert _font_page(cached, monkeypatch) == expected  # cold cache
    assert cached.widths and cached.subsets
    assert _font_page(cached, monkeypatch) == expected  # warm cache


def test_parsed_paragraphs_lay_out_as_fresh_ones() -> None:
    fonts.register_fonts()
    st = make_styles(1.0)
    cells = [("Surat dari", st.body), (":", st.body),
             ("<u>dr. H. Ahmad Fauzan</u>", st.center_bold),
             (esc("Kata & <tanda> " * 12), st.body), ("NIP. 1970 0101", st.center)]

    def pdf(make) -> bytes:  # noqa: ANN001
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=(400, 600), invariant=1)
        # Each markup twice, in columns of different widths: copies must not share state.
        rows = [[make(m, style), make(m, style)] for m, style in cells]
        doc.build([Table(rows, colWidths=[90, 250]), Table(rows[::-1], colWidths=[250, 90])])
        return buf.getvalue()

    expected = pdf(Paragraph)
    assert pdf(para) == expected  # parsed now
    assert pdf(para) == expected  # from the cache


@need_tools
def test_rendered_batch_stays_clean(tmp_path: Path) -> None:
    """Sheets after the first reuse every cache: still valid, fonts embedded, distinct."""
    base = sample_sheet()
    pdfs = [render_disposition(replace(base, agenda_number=f"{i:03d}/DISP/DINKES/XI/2026",
                                       complaint_number=str(1916449 + i)), paper)
            for i, paper in enumerate(["a4", "f4", "half", "a4"])]
    assert len(set(pdfs)) == len(pdfs)
    for i, pdf in enumerate(pdfs):
        path = write(tmp_path, f"batch-{i}", pdf)
        qpdf_clean(path)
        assert_fonts_embedded(path)


def _decode(grid: tuple[tuple[bool, ...], ...]) -> str:
    """What zbarimg reads from the grid drawn 4 px a module with a 4-module quiet zone."""
    scale, n = 4, len(grid) + 8
    rows = [[False] * n for _ in range(4)] + [[False] * 4 + list(r) + [False] * 4
                                                for r in grid] + [[False] * n for _ in range(4)]
    pixels = b"".join(bytes(0 if v else 255 for v in row for _ in range(scale)) * scale
                      for row in rows)
    pgm = f"P5\n{n * scale} {n * scale}\n255\n".encode() + pixels
    proc = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", "pgm:-"],
                          input=pgm, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    return proc.stdout.decode().rstrip("\n")


def test_qr_grid_reads_back_at_every_length() -> None:
    rng = random.Random(7)
    texts = [make_qr_payload("DINKES", f"{i:03d}/DISP/DINKES/XI/2026", str(1916449 + i),
                             b"kunci") for i in range(3)]
    # Other lengths: versions 1 to 12, so version-information blocks are covered too.
    texts += ["".join(rng.choice(string.ascii_letters + string.digits + "/:.-_")
                      for _ in range(n)) for n in (1, 7, 20, 33, 61, 90, 130, 180, 230, 290)]
    for text in texts:
        grid = qr_matrix(text)
        assert len(grid) == len(grid[0]) and (len(grid) - 17) % 4 == 0  # a QR version's size
        assert _decode(grid) == text
