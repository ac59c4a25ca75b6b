"""Tanda Terima Pengaduan PDFs in every layout, read back with qpdf and poppler."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.letters import render_receipt
from desktop.letters.paper import MM, PAPERS
from desktop.letters.samples import sample_receipt

from .test_letters_pdftools import (
    assert_fonts_embedded,
    assert_in_order,
    assert_inside_margins,
    find_word,
    flat,
    ink,
    need_tools,
    page_sizes,
    qpdf_clean,
    text,
    words,
    write,
)

pytestmark = [pytest.mark.dates, need_tools]

LAYOUTS = ["half", "a4", "thermal80"]


def margins(layout: str) -> tuple[float, float, float, float]:
    p = PAPERS[layout]
    return (p.top_mm, p.right_mm, p.bottom_mm, p.left_mm)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_receipt_layouts(tmp_path: Path, layout: str) -> None:
    path = write(tmp_path, layout, render_receipt(sample_receipt(), layout))
    qpdf_clean(path)
    assert_fonts_embedded(path)
    assert_inside_margins(path, margins(layout))
    sizes = page_sizes(path)
    assert len(sizes) == 1
    w, h = sizes[0]
    if layout == "thermal80":
        assert w == pytest.approx(80 * MM, abs=0.01)
        # Height follows the content: the last line ends right at the bottom margin.
        last = max(word.y1 for word in words(path)[0].words)
        assert h - 4 * MM - last < 3 * MM
        assert 100 * MM < h < 400 * MM
    else:
        expected = {"half": (609.449, 467.716), "a4": (595.276, 841.89)}[layout]
        assert (w, h) == pytest.approx(expected, abs=0.01)
    t = flat(text(path))
    assert_in_order(t, [
        "DINAS KESEHATAN", "TANDA TERIMA PENGADUAN",
        "Nomor laporan", "L-D1-20261120-0007 (nomor sementara)",
        "Diterima", "20 November 2026 pukul 09.12 WITA",
        "Saluran", "LAPOR! Paman \u2013 Loket", "Pelapor", "Siti Rahmah",
        "Judul", "Antrean obat di Puskesmas Pekauman", "Ringkasan", "Sejak awal November",
        "Langkah selanjutnya", "paling lambat 3 hari kerja (sampai 25 November 2026)",
        "paling lambat 5 hari kerja", "Menanyakan status laporan", "SMS 1708",
        "Dicetak 20 November 2026 09.14 WITA", "Meja D1",
    ])
    # The signature block: place and date, "Petugas penerima,", the name, top to bottom.
    place, role, name = (find_word(path, w) for w in ("Banjarmasin,", "Petugas", "Rina"))
    assert place.y0 < role.y0 < name.y0
    assert t.count("L-D1-20261120-0007") == 2  # in the details and under the QR code
    # The QR code sits right above the number printed under it.
    caption = [wd for wd in words(path)[0].words if wd.text == "L-D1-20261120-0007"][-1]
    size = (30 if layout == "thermal80" else 24) * MM * PAPERS[layout].scale
    mid = (caption.x0 + caption.x1) / 2
    area = (mid - size / 2 + 1, caption.y0 - size, mid + size / 2 - 1, caption.y0 - 1)
    assert 0.3 < ink(path, 1, area, dpi=144) < 0.75


@pytest.mark.parametrize("layout", LAYOUTS)
def test_anonymous_receipt(tmp_path: Path, layout: str) -> None:
    receipt = sample_receipt(anonymous=True)
    path = write(tmp_path, f"anon-{layout}", render_receipt(receipt, layout))
    t = text(path)
    assert "Siti" not in t and "Rahmah" not in t
    assert re.search(r"Pelapor\s+Anonim", flat(t))
    assert "anonim" in t  # the reporter is told staff cannot contact them


def test_official_number_and_long_summary(tmp_path: Path) -> None:
    receipt = replace(sample_receipt(), number="1916449", provisional=False,
                      summary="Isi laporan yang sangat panjang. " * 200, officer_name="")
    for layout in LAYOUTS:
        path = write(tmp_path, f"long-{layout}", render_receipt(receipt, layout))
        qpdf_clean(path)
        assert_inside_margins(path, margins(layout))
        t = flat(text(path))
        assert "1916449" in t and "sementara" not in t
        assert "\u2026" in t  # the summary is cut, the receipt stays short
        role = find_word(path, "Petugas")
        dash = [w for w in words(path)[0].words if w.text == "-" and w.y0 > role.y0
                and abs((w.x0 + w.x1) / 2 - (role.x0 + role.x1) / 2) < 40]
        assert dash, "an unknown officer prints '-' under Petugas penerima"
        assert len(page_sizes(path)) == 1


def test_receipt_is_deterministic_and_refuses_unknown_layout() -> None:
    r = sample_receipt()
    assert render_receipt(r, "thermal80") == render_receipt(r, "thermal80")
    with pytest.raises(ValueError, match="Ukuran kertas"):
        render_receipt(r, "f4")


def test_status_url_goes_into_qr_but_number_is_printed(tmp_path: Path) -> None:
    r = replace(sample_receipt(), qr_text="https://lapor.example/status/L-D1-20261120-0007")
    path = write(tmp_path, "url", render_receipt(r, "half"))
    assert "L-D1-20261120-0007" in text(path)
    assert find_word(path, "Petugas")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_absurd_receipt_stays_on_the_paper(tmp_path: Path, layout: str) -> None:
    words_ = "kata " * 1000
    r = replace(sample_receipt(), number="9" * 300, channel=words_, title=words_,
                reporter_name="X" * 2000, officer_name=words_, status_help=words_,
                qr_text="Q" * 5000, desk_id="D" * 500)
    path = write(tmp_path, f"absurd-{layout}", render_receipt(r, layout))
    qpdf_clean(path)
    assert_inside_margins(path, margins(layout))
    if layout == "thermal80":
        assert page_sizes(path)[0][1] < 1000 * MM
