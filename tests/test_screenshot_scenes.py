"""The Loket and letters screenshot scenes (docs/screenshots, scripts/screenshots) run on a
1366x768 screen in Indonesian and nothing in them is clipped."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCENES = {
    "desktop.screenshots.loket": ["loket-duplikat.png", "loket-impor.png",
                                        "loket-tanda-terima.png", "loket.png"],
    "desktop.screenshots.letters": ["cetak-a4.png", "cetak-f4.png", "cetak-half.png",
                                          "cetak-konsep.png", "cetak-kop-surat.png",
                                          "cetak-pratinjau.png", "lembar-disposisi.png"],
}


# Every page and dialog the scenes open (queue, detail, every action dialog, Laporan, Loket
# and its dialogs, the letters' print and kop dialogs), at 100 % and at 125 % scaling.
CHECKED = ["desktop.screenshots.queue", "desktop.screenshots.reports",
           *sorted(SCENES)]


def _scene_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                             "QT_SCALE_FACTOR")}


@pytest.mark.parametrize("module", sorted(SCENES))
def test_scenes_render_unclipped(module, tmp_path):
    proc = subprocess.run([sys.executable, "-m", module, "--check", "--out", str(tmp_path)],
                          cwd=REPO, env=_scene_env(), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert sorted(p.name for p in tmp_path.glob("*.png")) == SCENES[module]
    assert all(p.stat().st_size > 10_000 for p in tmp_path.glob("*.png"))


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1", "1.25"])
@pytest.mark.parametrize("module", CHECKED)
def test_every_page_and_dialog_fits_in_indonesian(module, scale):
    """Issue 14 guard: at 1366x768, 100 % and 125 %, no window larger than the screen, no
    text cut off, no English word in any text or tooltip ("clipped:" lines name each)."""
    proc = subprocess.run([sys.executable, "-m", module, "--check", "--scale", scale],
                          cwd=REPO, env=_scene_env(), capture_output=True, text=True,
                          timeout=300)
    problems = [line for line in proc.stderr.splitlines() if line.startswith("clipped:")]
    assert proc.returncode == 0 and not problems, "\n".join(problems) or proc.stderr[-4000:]


def test_the_check_sees_english_in_the_indonesian_ui(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from desktop.views.text_audit import english_texts, english_words

    assert english_words("&Save the file") == ["Save", "the", "file"]
    assert english_words("Simpan berkas {agency}/{year} ke server") == []
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    layout.addWidget(QLabel("Nama pelapor"))
    button = QPushButton("Simpan")
    layout.addWidget(button)
    form.show()
    assert english_texts(form) == []
    button.setToolTip("Save the complaint")
    assert any("Save" in found for found in english_texts(form))


def test_the_check_sees_a_cut_off_combo_entry(qtbot):
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

    from desktop.screenshots.queue import clipped

    row = QWidget()
    qtbot.addWidget(row)
    combo = QComboBox(row)
    combo.setObjectName("signer")
    combo.addItem("dr. H. Ahmad Fauzan, M.Kes.")
    combo.setFixedWidth(90)
    QHBoxLayout(row).addWidget(combo)
    row.show()
    qtbot.waitExposed(row)
    assert "signer" in " ".join(clipped(row))
    combo.setFixedWidth(400)
    qtbot.wait(20)
    assert clipped(row) == []
