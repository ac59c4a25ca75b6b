"""Issue 15.10: ``lapor-desk receipt COMPLAINT --out FILE.pdf [--paper a4|half|thermal80]``
prints or reprints a complaint's receipt by tracking or provisional number, like ``lapor-desk
letter``; an unknown complaint is an Indonesian message and a non-zero exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.server_fixtures import REPO
from tests.sync_fixtures import desk_env
from tests.test_intake_service import filled, make_desk, need_pdftotext, pdf_text

pytestmark = need_pdftotext


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          cwd=REPO, env=desk_env(data.parent), capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("paper", ["half", "a4", "thermal80"])
def test_receipt_by_provisional_then_tracking_number(tmp_path: Path, paper: str) -> None:
    from desktop.intake import IntakeService

    data = tmp_path / "desk"
    store = make_desk(data)
    created = IntakeService(store).submit(filled())
    store.close()

    out = tmp_path / f"terima-{paper}.pdf"
    proc = _cli(data, "receipt", created.provisional_number, "--out", str(out),
                "--paper", paper)
    assert proc.returncode == 0, proc.stderr
    assert "nomor sementara" in proc.stdout and created.provisional_number in proc.stdout
    text = " ".join(pdf_text(out).split())
    assert created.provisional_number in text and "TANDA TERIMA PENGADUAN" in text

    # Synced: the official number (found by it, with or without '#') replaces it.
    store = make_desk(data)
    with store.transaction() as conn:
        conn.exec_driver_sql("UPDATE complaints SET tracking_number = 2000777 WHERE id = ?",
                             (created.complaint_id,))
    store.close()
    again = tmp_path / "lagi.pdf"
    proc = _cli(data, "receipt", "#2000777", "--out", str(again), "--paper", paper)
    assert proc.returncode == 0, proc.stderr
    assert "2000777 (nomor resmi)" in proc.stdout
    assert "2000777" in " ".join(pdf_text(again).split())


def test_unknown_complaint_and_bad_target(tmp_path: Path) -> None:
    data = tmp_path / "desk"
    make_desk(data).close()
    out = tmp_path / "x.pdf"
    proc = _cli(data, "receipt", "9999999", "--out", str(out))
    assert proc.returncode == 1 and not out.exists()
    assert "tidak ditemukan" in proc.stderr and "Traceback" not in proc.stderr
    proc = _cli(data, "receipt", "9999999", "--out", str(tmp_path))
    assert proc.returncode == 1 and "adalah folder" in proc.stderr
    proc = _cli(data, "receipt", "1", "--out", str(out), "--paper", "f4")
    assert proc.returncode == 2  # usage: not a receipt paper
