"""Nothing the workflow shows is clipped on the common agency laptop (1366x768), at 100 %
and at 125 % scaling: the queue, the detail and every action dialog, in Indonesian."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout  # noqa: E402

from desktop.screenshots.queue import clipped  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("scale", [1.0, 1.25], ids=["100%", "125%"])
def test_nothing_is_clipped_on_a_1366x768_screen(scale, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                            "QT_SCALE_FACTOR")}
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.screenshots.queue", "--check",
         "--scale", str(scale), "--out", str(tmp_path)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(shots) == 17 and any(name.startswith("detail") for name in shots), shots
    assert any(name.startswith("queue") for name in shots), shots


def test_the_check_sees_clipped_text(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    label = QLabel("Alasan bukan wewenang instansi ini sangat panjang", dialog)
    label.setObjectName("narrow")
    label.setFixedWidth(40)
    button = QPushButton("Disposisikan sekarang juga", dialog)
    button.setObjectName("squeezed")
    button.setFixedWidth(30)
    layout.addWidget(label)
    layout.addWidget(button)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = " ".join(clipped(dialog))
    assert "narrow" in found and "squeezed" in found
    label.setMinimumWidth(0)
    label.setMaximumWidth(16777215)
    label.setWordWrap(True)
    button.setMinimumWidth(0)
    button.setMaximumWidth(16777215)
    dialog.resize(600, 200)
    qtbot.wait(20)
    assert clipped(dialog) == []
