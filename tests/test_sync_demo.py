"""``lapor-desk --demo``: embedded server, demo officer signed in, desk opened on its data."""

from __future__ import annotations

import argparse

import keyring
import pytest
from keyring.backends import fail

from desktop import app, demo
from desktop.cli import build_parser


@pytest.fixture
def no_vault(monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    for name in ("LAPOR_DESK_CREDENTIAL_STORE", "LAPOR_DESK_CREDENTIALS_DIR"):
        monkeypatch.delenv(name, raising=False)  # demo.sign_in sets them; undone after
    yield
    keyring.set_keyring(previous)


def test_demo_starts_a_server_signs_in_and_opens_the_desk(monkeypatch, tmp_path, no_vault,
                                                          capsys) -> None:
    monkeypatch.setattr(demo, "DEMO_COMPLAINTS", 12)
    seen: dict = {}

    def fake_desk(args: argparse.Namespace) -> int:
        """Stands in for the window: what it would open, synced as its first round does."""
        from desktop.store.service import DeskService
        from desktop.sync.account import Account
        from desktop.sync.engine import SyncEngine

        seen["args"] = args
        service = DeskService(args.data_dir)
        try:
            account = Account(service)
            seen["user"], seen["store"] = account.username, account.credential_store
            seen["token_file"] = account.store.file_path
            client = account.client()
            SyncEngine(service, client).sync_once()
            client.close()
            seen["complaints"] = service.total()
            seen["actor"] = service.get_sync_state("actor")
        finally:
            service.close()
        return 0

    args = build_parser().parse_args(["--demo", "--data-dir", str(tmp_path / "desk")])
    assert args.demo is True
    assert demo.run(args, open_desk=fake_desk) == 0
    assert seen["args"].demo is False and seen["args"].data_dir == str(tmp_path / "desk")
    assert seen["user"] == demo.DEMO_USER and seen["store"] == "file"
    assert seen["complaints"] > 0  # the seeded demo data reached the desk
    assert seen["actor"]["role"] == "admin_instansi"
    assert "lapor-demo-" in str(seen["token_file"])  # tokens stay in the demo folder
    assert not seen["token_file"].exists()  # ... which is gone with the server
    err = capsys.readouterr().err
    assert "Server demo berjalan di http://127.0.0.1:" in err


def test_demo_without_the_server_extra_says_how_to_install(monkeypatch, capsys) -> None:
    monkeypatch.setattr(demo, "server_available", lambda: False)
    args = build_parser().parse_args(["--demo"])
    assert app.run(args) == 1  # the GUI entry point hands --demo over
    err = capsys.readouterr().err
    assert "pip install -e \".[server]\"" in err and "belum terpasang" in err
