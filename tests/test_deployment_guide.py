"""docs/deployment.md runs as written: its ``guide-test`` blocks, in order, on this machine.

Every block whose fence reads ```` ```sh guide-test ```` is run as a ``bash -e`` script;
```` ```ini guide-test file=PATH ```` (and ``sh``) blocks are files the guide asks for and are
written to PATH. Sections 1-6 and 8-11: install into a fresh virtual environment, PostgreSQL
role and database, settings file, ``lapor-admin`` wrapper, ``init``, accounts (typed
passwords and the script form through ``sudo --preserve-env``), the systemd service, health
checks, backups with the restore test, a restore with ``after-restore``, and an upgrade.

The test machine has no root, no systemd and no ``lapor`` user; tests/guide_runner.py maps
the guide onto it, and nothing else is changed:

- paths: ``/opt/lapor``, ``/etc/lapor``, ``/var/lib/lapor``, ``/var/backups/lapor``,
  ``/usr/local/bin/lapor-admin``, ``/usr/local/sbin/lapor-backup`` and
  ``/etc/systemd/system`` move under a temporary root folder (on PATH in the same way);
- ``sudo`` and ``systemctl`` are stand-ins (tests/guide_fakes.py): sudo drops the
  environment as the real one does (only ``--preserve-env`` passes a variable on; the
  suite's pinned clock, pip's settings and proxies pass too); ``-u postgres`` is the test's
  PostgreSQL superuser; systemctl starts the guide's unit's ``ExecStart`` with its
  ``EnvironmentFile`` and waits for ``/api/v1/health``;
- PostgreSQL: the role ``lapor`` and database ``lapor`` become a scratch role
  ``lapor_guide_<random>`` (created by the guide's own ``createuser --createdb``, dropped at
  the end) and database, on the server of ``LAPOR_TEST_DATABASE_URL`` (default
  ``postgresql://postgres@127.0.0.1:5432/test``; skipped when it does not answer);
- ``<repository URL>`` is a one-commit git repository made from this working tree (tracked
  and untracked, not ignored, files), so the code tested is the code checked out here;
- ``https://lapor.example.go.id`` (nginx) is the server itself on a free loopback port
  (``--port 8000``), with ``--workers 2`` instead of 4 (two cores);
- skipped, by name: ``apt-get install``, ``useradd``, ``sudoedit``, ``chown``, ``journalctl``;
  ``-o USER -g GROUP`` of ``install`` is dropped; ``'<initial password>'`` gets a value.
  The last test fails when an entry of this mapping no longer matches anything in the guide.

The install is real: ``python3 -m venv`` and ``pip install -e "/opt/lapor/app[server]"``
resolve every dependency from pip's configured index into an empty environment, with pip's
cache (``PIP_CACHE_DIR``, default ``~/.cache/pip``). Borrowing the test environment's
packages (``--system-site-packages`` or a ``.pth``) would be faster but would hide a
dependency missing from ``pyproject.toml``. Measured on this 2-core machine with a local
wheel mirror: about 30 s for the install, about 75 s for the module.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy.engine import make_url

from tests.guide_runner import GUIDE, REPO, Machine, guide_blocks
from tests.server_fixtures import ApiClient, make_complaint, postgres_url

pytestmark = pytest.mark.slow
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
SECTIONS = ("1.", "2.", "3.", "4.", "5.", "6.", "8.", "9.", "10.", "11.")
done: dict[str, str] = {}  # section -> its output, once it ran through


def _psycopg_url(url: str) -> str:
    return re.sub(r"^postgresql\+psycopg://", "postgresql://", url)


def _snapshot_repository(target: Path) -> str:
    """A git repository holding this working tree as one commit on ``main``."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    env = {"GIT_AUTHOR_NAME": "guide", "GIT_AUTHOR_EMAIL": "guide@test",
           "GIT_COMMITTER_NAME": "guide", "GIT_COMMITTER_EMAIL": "guide@test",
           "PATH": "/usr/bin:/bin"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "snap"]):
        subprocess.run(["git", *args], cwd=target, env=env, check=True, capture_output=True)
    return str(target)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Machine]:
    import psycopg

    admin_url = _psycopg_url(postgres_url() or DEFAULT_PG)
    try:
        psycopg.connect(admin_url, connect_timeout=5).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable at {admin_url}: {exc}")
    url = make_url(admin_url)
    root = tmp_path_factory.mktemp("guide")
    (root / "src").mkdir()
    tag = uuid.uuid4().hex[:8]
    m = Machine(root=root, repo_url=_snapshot_repository(root / "src"),
                pg={"host": url.host or "127.0.0.1", "port": str(url.port or 5432),
                    "user": url.username or "postgres"},
                role=f"lapor_guide_{tag}", db=f"lapor_guide_db_{tag}", port=_free_port(),
                passwords={"role": "pg-sandi-uji-77", "prompt": "sandi-terminal-2026",
                           "script": "sandi-skrip-2026"})
    m.prepare()
    try:
        yield m
    finally:
        subprocess.run([sys.executable, str(Path(__file__).with_name("guide_fakes.py")),
                        "systemctl", "stop", "lapor-server"], env=m.env(), check=False)
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{m.db}" WITH (FORCE)')
            conn.execute(f'DROP ROLE IF EXISTS "{m.role}"')
        shutil.rmtree(root / "opt", ignore_errors=True)  # the venv


def run_section(m: Machine, section: str, *, after: str | None = None) -> str:
    """Run (or write) every guide-test block of ``section``; the joined terminal output."""
    if after is not None and after not in done:
        pytest.fail(f"section {after} of the guide did not run through; this one needs it")
    blocks = [b for b in guide_blocks() if b.section.startswith(section + " ")]
    assert blocks, f"no guide-test block in section {section} of {GUIDE.name}"
    outputs = []
    for block in blocks:
        if block.file:
            m.write_file(block)
            continue
        started = time.monotonic()
        code, out = m.run(block)
        outputs.append(out)
        assert code == 0, (f"{GUIDE.name} line {block.line} ({block.section}) failed with "
                           f"{code} after {time.monotonic() - started:.0f} s:\n{out[-6000:]}")
    done[section] = "\n".join(outputs)
    (m.root / f"section-{section.rstrip('.')}.log").write_text(done[section])  # to look at
    return done[section]


def test_every_operational_section_has_guide_test_blocks() -> None:
    marked = {b.section.split(" ")[0] for b in guide_blocks()}
    assert set(SECTIONS) <= marked, sorted(set(SECTIONS) - marked)
    files = {b.file for b in guide_blocks() if b.file}
    assert {"/etc/lapor/server.env", "/etc/systemd/system/lapor-server.service",
            "/etc/systemd/system/lapor-backup.timer"} <= files, files


def test_install(machine: Machine) -> None:
    out = run_section(machine, "1.")
    assert re.search(r"^lapor-server \d+\.\d+\.\d+$", out, re.M), out[-3000:]
    server = machine.root / "opt/lapor/venv/bin/lapor-server"
    assert server.is_file()
    helped = subprocess.run([str(server), "after-restore", "--help"], capture_output=True,
                            check=False)
    machine.after_restore = helped.returncode == 0  # the other half of issue 21
    # Issue 16.2: the server installs without Qt or any desk-only package.
    python = machine.root / "opt/lapor/venv/bin/python"
    for module in ("PySide6", "reportlab", "sqlcipher3", "keyring"):
        probe = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True,
                               text=True, check=False)
        assert probe.returncode != 0 and "ModuleNotFoundError" in probe.stderr, module
    desk = subprocess.run([str(machine.root / "opt/lapor/venv/bin/lapor-desk"), "status"],
                          capture_output=True, text=True, check=False)
    assert desk.returncode == 1 and "pip install -e" in desk.stderr, desk.stderr
    assert "Traceback" not in desk.stderr
    size = sum(f.stat().st_size for f in (machine.root / "opt/lapor/venv").rglob("*")
               if f.is_file() and not f.is_symlink())
    print(f"server venv: {size / 1e6:.0f} MB")  # README "Deploy the central server"


def test_database_settings_and_schema(machine: Machine) -> None:
    for section in ("2.", "3."):
        run_section(machine, section, after="1.")
    out = run_section(machine, "4.", after="3.")
    assert "Skema basis data siap" in out, out[-3000:]
    assert (machine.root / "var/lib/lapor/qr-secret.json").is_file()


def test_accounts_typed_and_scripted(machine: Machine) -> None:
    out = run_section(machine, "5.", after="4.")
    for username in ("pusat.admin", "dinkes.admin", "dinkes.yankes", "dinkes.loket"):
        assert re.search(rf"^{re.escape(username)}\s", out, re.M), out[-3000:]


def _login(m: Machine, username: str, password: str) -> requests.Response:
    return requests.post(f"http://127.0.0.1:{m.port}/api/v1/auth/login", timeout=30, json={
        "username": username, "password": password, "device_id": f"guide-{username}"})


def _client(m: Machine, username: str, password: str) -> ApiClient:
    resp = _login(m, username, password)
    assert resp.status_code == 200, resp.text
    return ApiClient(f"http://127.0.0.1:{m.port}", username, f"guide-{username}", resp.json())


def test_service_and_health(machine: Machine) -> None:
    run_section(machine, "6.", after="5.")
    out = run_section(machine, "8.", after="6.")
    assert '"status":"ok"' in out and '"database":"ok"' in out, out[-3000:]
    assert re.search(r"^404$", out, re.M), out[-3000:]  # LAPOR_API_DOCS="0" in server.env
    base = f"http://127.0.0.1:{machine.port}/api/v1"
    assert requests.get(f"{base}/openapi.json", timeout=10).status_code == 404
    pw = machine.passwords
    _client(machine, "pusat.admin", pw["prompt"])
    # The scripted account got the password from the environment, through sudo, not from a
    # prompt (which the test answers with the other password).
    _client(machine, "dinkes.loket", pw["script"])
    assert _login(machine, "dinkes.loket", pw["prompt"]).status_code == 401
    make_complaint(_client(machine, "dinkes.loket", pw["script"]))


def _count_complaints(m: Machine) -> int:
    import psycopg

    url = f"postgresql://{m.pg['user']}@{m.pg['host']}:{m.pg['port']}/{m.db}"
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM complaints").fetchone()[0]


def test_backups_and_restore_test(machine: Machine) -> None:
    out = run_section(machine, "9.", after="8.")
    backups = machine.root / "var/backups/lapor"
    dumps = sorted((backups / "nightly").iterdir())
    assert [p.suffix for p in dumps] == [".dump"], dumps  # one, and no temporary file left
    assert f"Cadangan dibuat: {dumps[0]}" in out, out[-3000:]
    assert "Cadangan baik" in out and "1 pengaduan" in out, out[-3000:]
    assert json.loads((backups / "qr-secret.json").read_text())
    # Accepted after the dump: gone from the server after the restore (desks send it again).
    make_complaint(_client(machine, "dinkes.loket", machine.passwords["script"]))
    assert _count_complaints(machine) == 2


def test_restore(machine: Machine) -> None:
    out = run_section(machine, "10.", after="9.")
    assert "Cadangan baik" in out, out[-3000:]
    assert _count_complaints(machine) == 1
    kept = [p.name for p in (machine.root / "var/backups/lapor/kept").iterdir()]
    assert len(kept) == 1 and kept[0].startswith("lapor-pre-restore-"), kept
    resp = requests.get(f"http://127.0.0.1:{machine.port}/api/v1/ready", timeout=10)
    assert resp.status_code == 200, resp.text


def test_restore_runs_after_restore(machine: Machine, request: pytest.FixtureRequest) -> None:
    if not machine.after_restore:
        request.applymarker(pytest.mark.xfail(
            strict=False, reason="lapor-server after-restore is not implemented yet"))
    assert machine.after_restore, "lapor-server after-restore --help failed"
    assert "epoch" in done.get("10.", ""), done.get("10.", "section 10 did not run")[-3000:]


def test_upgrade(machine: Machine) -> None:
    out = run_section(machine, "11.", after="10.")
    assert '"version"' in out, out[-3000:]
    kept = sorted(p.name for p in (machine.root / "var/backups/lapor/kept").iterdir())
    assert [re.sub(r"-\d{8}-\d{6}.*", "", name) for name in kept] == [
        "lapor-pre-restore", "lapor-pre-upgrade"], kept
    assert _count_complaints(machine) == 1


def test_mapping_matches_the_guide(machine: Machine) -> None:
    """Every skip and replacement of the mapping was used: none is stale."""
    if "11." not in done:
        pytest.fail("the guide did not run through; the mapping cannot be judged")
    stale = [name for name, _ in machine.replacements() if not machine.used[name]
             and name != "sudo -u lapor lapor-admin after-restore"]
    stale += [name for name in ("packages", "system user", "editor", "file ownership",
                                "log follow") if not machine.used[name]]
    assert not stale, stale
