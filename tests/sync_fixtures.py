"""Desks for the sync tests: a real data directory, the real CLI, a real server process.

``Desk`` wraps one data directory: ``desk.cli("sync")`` runs ``python -m desktop
--data-dir D sync`` in a subprocess (what a scheduled task runs), ``desk.act(...)``
records an officer's action through the store exactly as the GUI does, ``desk.service``
reads the local database. Tokens go to a private file under the test's own config dir
(no OS vault is touched: ``PYTHON_KEYRING_BACKEND`` is the fail backend).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server_fixtures import REPO, ServerHandle, create_payload

# Fast retries keep "server down" rounds short: 4 tries, 0.05 s base, 0.5 s cap, 5 s budget.
FAST_RETRY = "4,0.05,0.5,5"


def desk_env(root: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ,
           "XDG_CONFIG_HOME": str(root / "config"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "LAPOR_DESK_RETRY": FAST_RETRY,
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LAPOR_DESK_DATA_DIR", None)
    env.update(extra)
    return env


class Desk:
    """One desk data directory (one device)."""

    def __init__(self, root: Path, name: str = "desk", *, separate: bool = False,
                 **env: str) -> None:
        self.root = root
        self.separate = separate
        self.data_dir = root / name
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.env = desk_env(root, **env)
        self._service: Any = None

    # -- the CLI, as a scheduled task runs it ------------------------------------------------
    def cli(self, *args: str, password: str | None = None, timeout: float = 120,
            extra_env: dict[str, str] | None = None, separate: bool | None = None
            ) -> subprocess.CompletedProcess:
        """``lapor-desk --data-dir D ARGS``: in a subprocess when ``separate`` (default for
        ``Desk(separate=True)``), else through ``desktop.cli.main`` in this process (the
        same code, without a second of interpreter start-up per call)."""
        env = {**self.env, **(extra_env or {})}
        if password is not None:
            env["LAPOR_PASSWORD"] = password
        if not (self.separate if separate is None else separate):
            return self._cli_here(args, env)
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(self.data_dir), *args],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout,
            stdin=subprocess.DEVNULL)

    def _cli_here(self, args: tuple[str, ...], env: dict[str, str]
                  ) -> subprocess.CompletedProcess:
        from desktop.cli import main

        out, err = io.StringIO(), io.StringIO()
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(env)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--data-dir", str(self.data_dir), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())

    def popen(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(self.data_dir), *args],
            cwd=REPO, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL)

    def login(self, server: ServerHandle | str, username: str, password: str | None = None
              ) -> subprocess.CompletedProcess:
        url = server if isinstance(server, str) else server.url
        pw = password or (server.password if isinstance(server, ServerHandle) else None)
        proc = self.cli("login", "--server", url, "--username", username, password=pw)
        assert proc.returncode == 0, proc.stderr + proc.stdout
        return proc

    def sync(self, *, expect: int | None = 0) -> subprocess.CompletedProcess:
        proc = self.cli("sync", "--json")
        if expect is not None:
            assert proc.returncode == expect, (proc.returncode, proc.stdout, proc.stderr)
        return proc

    def status(self) -> dict[str, Any]:
        proc = self.cli("status", "--json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    # -- the local database, in this process -------------------------------------------------
    @property
    def service(self) -> Any:
        if self._service is None:
            from desktop.store.service import DeskService

            self._service = DeskService(self.data_dir)
        return self._service

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None

    def actor(self) -> Any:
        from core import Actor, Role

        data = self.service.get_sync_state("actor")
        assert data, "log the desk in first"
        return Actor(username=data["username"], role=Role(data["role"]), agency=data["agency"],
                     units=tuple(data.get("units") or ()), full_name=data["full_name"])

    def act(self, kind: str, complaint_id: str | None, **payload: Any) -> Any:
        """Record one officer action locally (outbox + local effect), as the GUI does."""
        return self.service.apply_local_op(complaint_id, kind, payload, self.actor())

    def create(self, **overrides: Any) -> str:
        payload = create_payload(self.actor().agency, **overrides)
        payload["id"] = str(uuid.uuid4())
        payload["provisional_number"] = f"L-T-{uuid.uuid4().hex[:8]}"
        return self.act("create", None, **payload).complaint_id

    def outbox(self, *states: str) -> list[dict[str, Any]]:
        return self.service.outbox(states or ("pending", "sending", "applied", "rejected"))

    def counts(self) -> dict[str, int]:
        return self.service.outbox_counts()


@pytest.fixture(name="make_desk")
def make_desk_fixture(tmp_path: Path) -> Iterator[Any]:
    """``make_desk(name)`` -> a :class:`Desk` in this test's tmp dir (closed afterwards).
    Import ``make_desk_fixture`` (noqa: F401) and ask for ``make_desk``."""
    made: list[Desk] = []

    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # in-process CLI runs: never the developer's vault

    def make(name: str = "desk", *, separate: bool = False, **env: str) -> Desk:
        desk = Desk(tmp_path, name, separate=separate, **env)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()
    keyring.set_keyring(previous)


def server_timeline_ids(client: Any, complaint_id: str) -> list[str]:
    resp = client.get(f"/complaints/{complaint_id}")
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["timeline"]]


def assert_exactly_once(client: Any, ops: list[dict[str, Any]]) -> None:
    """Every op's event is on the server exactly once (event id == op id)."""
    by_complaint: dict[str, list[str]] = {}
    for op in ops:
        by_complaint.setdefault(op["complaint_id"], []).append(op["op_id"])
    for cid, op_ids in by_complaint.items():
        ids = server_timeline_ids(client, cid)
        assert len(ids) == len(set(ids)), f"{cid}: an event appears twice"
        for op_id in op_ids:
            assert ids.count(op_id) == 1, f"op {op_id} on {cid}: {ids.count(op_id)} times"


def bulk_complaints(database_url: str, count: int, agency: str = "DINKES") -> None:
    """Put ``count`` complaints on the server quickly: the server benches' bulk seeding
    (the server's own store functions in large transactions, the same rows a push makes)."""
    from bench.server_common import bulk_seed

    bulk_seed(database_url, count, agency)
