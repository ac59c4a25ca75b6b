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
    "desktop.views.loket.screenshots": ["loket-duplikat.png", "loket-impor.png",
                                        "loket-tanda-terima.png", "loket.png"],
    "desktop.views.letters.screenshots": ["cetak-a4.png", "cetak-f4.png", "cetak-half.png",
                                          "cetak-konsep.png", "cetak-kop-surat.png",
                                          "cetak-pratinjau.png", "lembar-disposisi.png"],
}


@pytest.mark.parametrize("module", sorted(SCENES))
def test_scenes_render_unclipped(module, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                            "QT_SCALE_FACTOR")}
    proc = subprocess.run([sys.executable, "-m", module, "--check", "--out", str(tmp_path)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert sorted(p.name for p in tmp_path.glob("*.png")) == SCENES[module]
    assert all(p.stat().st_size > 10_000 for p in tmp_path.glob("*.png"))


def test_the_check_sees_a_cut_off_combo_entry(qtbot):
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

    from desktop.views.actions.screenshots import clipped

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
