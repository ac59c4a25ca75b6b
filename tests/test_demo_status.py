"""After ``lapor-desk --demo`` closes, ``lapor-desk status`` says why the demo's data is not
there (issue 14.11): the demo is a sandbox in a temporary folder, removed on close."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from desktop import cli, demo
from desktop.cli import build_parser
from tests.test_sync_demo import no_vault  # noqa: F401 - fixture


def _fake_desk(seen: dict):
    def run(args: argparse.Namespace) -> int:
        """Stands in for the window: syncs once as its first round does."""
        from desktop.store.service import DeskService
        from desktop.sync.account import Account
        from desktop.sync.engine import SyncEngine

        service = DeskService(args.data_dir)
        try:
            client = Account(service).client()
            SyncEngine(service, client).sync_once()
            client.close()
            seen["complaints"] = service.total()
        finally:
            service.close()
        return 0
    return run


def status(capsys, *args: str, data_dir: Path | None = None) -> str:
    capsys.readouterr()
    where = ["--data-dir", str(data_dir)] if data_dir else []
    assert cli.main([*where, "status", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def default_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "default-desk"
    monkeypatch.setenv("LAPOR_DESK_DATA_DIR", str(folder))
    return folder


def test_status_after_a_temporary_demo_says_the_data_was_temporary(
        monkeypatch, capsys, default_dir, no_vault) -> None:  # noqa: F811
    monkeypatch.setattr(demo, "DEMO_COMPLAINTS", 12)
    seen: dict = {}
    assert demo.run(build_parser().parse_args(["--demo"]), open_desk=_fake_desk(seen)) == 0
    assert seen["complaints"] > 0  # the demo desk had its data ...
    assert "sementara" in capsys.readouterr().err  # ... and closing said it goes away
    data = json.loads(status(capsys, "--json"))
    assert data["complaints"] == 0 and data["data_dir"] == str(default_dir)
    assert data["demo"]["temporary"] is True
    assert "folder sementara" in data["demo"]["message"]
    text = status(capsys)
    assert "Pengaduan     : 0" in text
    assert "Demo          : Demo terakhir" in text and "tidak disimpan" in text


def test_status_of_a_kept_demo_desk_says_why_it_cannot_open(
        monkeypatch, capsys, tmp_path, default_dir, no_vault) -> None:  # noqa: F811
    """``--demo --data-dir X``: the desk file stays in X, but its key and session went with
    the demo's temporary folder; status says so instead of only failing."""
    monkeypatch.setattr(demo, "DEMO_COMPLAINTS", 12)
    seen: dict = {}
    kept = tmp_path / "demo-desk"
    assert demo.run(build_parser().parse_args(["--demo", "--data-dir", str(kept)]),
                    open_desk=_fake_desk(seen)) == 0
    assert seen["complaints"] > 0
    assert "tidak dapat dibuka lagi" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(kept), "status", "--json"]) == 1
    err = capsys.readouterr().err
    assert "lapor-desk --demo" in err and "kunci basis data" in err
    # The officer's own desk was not touched by a demo kept elsewhere.
    assert json.loads(status(capsys, "--json"))["demo"] is None


def test_status_without_any_demo_has_no_demo_hint(capsys, default_dir) -> None:
    data = json.loads(status(capsys, "--json"))
    assert data["demo"] is None
    assert "Demo" not in status(capsys)
