"""``lapor-desk --quit-after SECONDS``: the window opens, closes by itself, and the exit code
says whether the local database opened (what scripts/build-desk checks on a frozen build)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _desk(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LAPOR_DESK_DATA_DIR", None)
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                          env=env, capture_output=True, text=True, timeout=120)


def test_window_closes_by_itself_with_exit_0(tmp_path):
    done = _desk(tmp_path, "--quit-after", "0.5")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "desk.sqlite").is_file()


def test_a_database_that_cannot_open_gives_exit_1_and_an_indonesian_message(tmp_path):
    (tmp_path / "desk.sqlite").write_bytes(b"bukan basis data " * 20)
    done = _desk(tmp_path, "--quit-after", "2")
    assert done.returncode == 1
    assert "basis data tidak dapat dibuka" in done.stderr
    assert (tmp_path / "desk.sqlite").read_bytes() == b"bukan basis data " * 20  # untouched
