"""``--acting PENGGUNA:plt|plh:MULAI:SELESAI`` of ``lapor-desk positions set`` and
``lapor-server positions set``: one parser in core/org.py, the same flags, fields and
messages on both sides (they are contracts for scripts)."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

import pytest

from core.org import parse_acting_options
from desktop import cli as desk_cli
from desktop.commands.common import EXIT_USAGE
from server import cli as server_cli
from server import cli_positions

MESSAGE = "--acting 'dinkes.kesmas:plh:2026-12-01': tulis PENGGUNA:plt|plh:YYYY-MM-DD:YYYY-MM-DD"


def test_the_option_becomes_the_actings_field() -> None:
    assert parse_acting_options(None) is None  # not given: the list stays as it is
    assert parse_acting_options([""]) == []  # --acting '': emptied
    assert parse_acting_options(["dinkes.kesmas:plh:2026-12-01:2026-12-03",
                                 "dinkes.kasi:plt:2026-12-04:2026-12-31"]) == [
        {"username": "dinkes.kesmas", "kind": "plh", "start": "2026-12-01",
         "end": "2026-12-03"},
        {"username": "dinkes.kasi", "kind": "plt", "start": "2026-12-04", "end": "2026-12-31"},
    ]
    with pytest.raises(ValueError) as exc:
        parse_acting_options(["dinkes.kesmas:plh:2026-12-01"])
    assert str(exc.value) == MESSAGE


def test_the_desk_command_refuses_a_malformed_acting(capsys) -> None:
    code = desk_cli.main(["positions", "set", "KABID-YANKES", "--acting",
                          "dinkes.kesmas:plh:2026-12-01"])
    assert code == EXIT_USAGE
    assert capsys.readouterr().err.strip() == f"lapor-desk: {MESSAGE}"


class _Ctx:
    def __init__(self) -> None:
        self.closed = False
        self.db = SimpleNamespace(write=self._write)

    @contextmanager
    def _write(self) -> Any:
        yield object()

    def close(self) -> None:
        self.closed = True


def _server_args(*acting: str) -> argparse.Namespace:
    extra = [part for value in acting for part in ("--acting", value)]
    return server_cli.build_parser().parse_args(
        ["positions", "set", "--agency", "dinkes", "--code", "KABID-YANKES", *extra])


def test_the_server_command_refuses_a_malformed_acting(capsys) -> None:
    ctx = _Ctx()
    code = cli_positions.run(_server_args("dinkes.kesmas:plh:2026-12-01"), lambda _a: ctx)
    assert code == cli_positions.EXIT_ERROR and ctx.closed
    assert capsys.readouterr().err.strip() == f"lapor-server: {MESSAGE}"


def test_the_server_command_stores_the_parsed_actings(capsys, monkeypatch) -> None:
    from server import org

    seen: dict[str, Any] = {}

    def set_position(_session: Any, agency: str, data: dict[str, Any]) -> Any:
        seen.update(agency=agency, data=data)
        return SimpleNamespace(code=data["code"], title="Kepala Bidang")

    monkeypatch.setattr(org, "set_position", set_position)
    code = cli_positions.run(_server_args("dinkes.kesmas:plh:2026-12-01:2026-12-03"),
                             lambda _a: _Ctx())
    assert code == cli_positions.EXIT_OK
    assert seen == {"agency": "DINKES", "data": {"code": "KABID-YANKES", "actings": [
        {"username": "dinkes.kesmas", "kind": "plh", "start": "2026-12-01",
         "end": "2026-12-03"}]}}
    assert capsys.readouterr().out.strip() == \
        "Jabatan KABID-YANKES (Kepala Bidang) disimpan di DINKES."
