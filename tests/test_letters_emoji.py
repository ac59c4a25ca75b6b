"""Emoji in complaint text print as a readable placeholder, not as empty boxes (issue 14.11).

Liberation Sans has no emoji: reportlab drew its "missing glyph" box (□) for each one.
Characters the embedded font lacks are replaced before drawing: a run of emoji (with its
joiners, skin tones and variation selectors) by one "[emoji]", any other missing script
by "[?]". Read back from real PDFs with pdftotext.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.letters import fonts, render_disposition
from desktop.letters.pdfparts import esc, fit_text
from desktop.letters.receipt import render_receipt
from desktop.letters.samples import sample_receipt, sample_sheet

need_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                    reason="pdftotext (poppler-utils) not installed")


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())


def test_printable_replaces_what_the_font_lacks() -> None:
    assert fonts.printable("Jalan rusak 😡🙏 tolong") == "Jalan rusak [emoji] tolong"
    assert fonts.printable("jempol 👍🏽 dan keluarga 👨‍👩‍👧 ya") == (
        "jempol [emoji] dan keluarga [emoji] ya")
    assert fonts.printable("Terima kasih ❤️") == "Terima kasih [emoji]"
    # What the font has stays: Indonesian text, accents, dashes, quotes, the ellipsis.
    kept = "Kec. Banjarmasin Utara — “café” naïve … 50% Rp 10.000,-"
    assert fonts.printable(kept) == kept
    assert fonts.printable("名字 nama") == "[?] nama"
    assert esc("a 😡 <b>") == "a [emoji] &lt;b&gt;"
    assert fit_text("😡", fonts.REGULAR, 10, 500) == "[emoji]"


@need_pdftotext
def test_disposition_sheet_prints_emoji_as_a_placeholder(tmp_path: Path) -> None:
    sheet = sample_sheet(title="Jalan rusak parah 😡🙏 tolong 👍🏽 segera")
    text = pdf_text(render_disposition(sheet), tmp_path)
    assert "Jalan rusak parah [emoji] tolong [emoji] segera" in text


@need_pdftotext
def test_receipt_prints_emoji_in_the_content_as_a_placeholder(tmp_path: Path) -> None:
    receipt = sample_receipt(title="Lampu padam 💡", content="Gelap total 😱 sejak Senin 🙏🙏")
    text = pdf_text(render_receipt(receipt), tmp_path)
    assert "Lampu padam [emoji]" in text
    assert "Gelap total [emoji] sejak Senin [emoji]" in text
