"""``lapor-desk --demo``: an embedded central server, a demo officer, the desk.

Starts ``lapor-server`` on a loopback port in the background (SQLite in a temporary
folder, seeded with the Kalimantan Selatan demo data by the server's ``seed-demo``), signs
in as a demo officer and opens the desk on a fresh data folder (or ``--data-dir``). The
server and the temporary folder go away when the desk closes: a demo is a sandbox, its
data is not kept (``lapor-desk status`` then says so, see desktop/demo_note.py). Needs the
server extra: ``pip install -e ".[server]"``; without it a clear Indonesian message says how
to install.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEMO_USER = "dinkes.admin"
DEMO_COMPLAINTS = 150
OTHER_USERS = ("dinkes.loket", "dinkes.pimpinan", "dinkes.yankes", "pusat.admin")
MISSING_EXTRA = (
    "lapor-desk --demo membutuhkan server pusat, yang belum terpasang di lingkungan ini.\n"
    "Pasang dulu dengan:\n\n"
    "    pip install -e \".[server]\"      (dari folder sumber LAPOR! Desk)\n"
    "    pip install \"lapor-desk[server]\"  (dari paket)\n\n"
    "lalu jalankan lagi: lapor-desk --demo"
)
# The workstation folder (build.spec) leaves the server out: no pip to point at there.
FROZEN_BUILD = (
    "lapor-desk --demo tidak tersedia di versi terpasang LAPOR! Desk: server demo tidak\n"
    "ikut dipasang di komputer kerja. Masuk ke server pusat dengan\n\n"
    "    lapor-desk login --server URL --username NAMA\n\n"
    "atau coba mode demo dari folder sumber: pip install -e \".[server]\" lalu lapor-desk --demo"
)
START_TIMEOUT_S = 60.0


class DemoUnavailable(Exception):
    """The demo cannot start; ``str()`` is Indonesian, for the console."""


@dataclass
class DemoServer:
    url: str
    password: str
    folder: Path
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def server_available() -> bool:
    try:
        import argon2  # noqa: F401
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401

        import server.cli  # noqa: F401
    except ImportError:
        return False
    return True


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@contextlib.contextmanager
def demo_server(folder: Path, complaints: int = DEMO_COMPLAINTS) -> Iterator[DemoServer]:
    """Initialise, seed and run a central server in ``folder`` (stopped on exit)."""
    if not server_available():
        raise DemoUnavailable(MISSING_EXTRA)
    from server import seed_demo

    password = seed_demo.DEFAULT_PASSWORD
    env = {**os.environ, "LAPOR_DATABASE_URL": f"sqlite:///{folder / 'server.sqlite'}",
           "LAPOR_ATTACHMENTS_DIR": str(folder / "attachments")}
    env.pop("LAPOR_PASSWORD", None)
    cli = [sys.executable, "-m", "server.cli"]
    _say("Menyiapkan server demo (basis data SQLite sementara)…")
    for step in (["init"], ["seed-demo", "--password", password, "--complaints",
                            str(complaints)]):
        done = subprocess.run(cli + step, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise DemoUnavailable(f"Server demo gagal disiapkan ({' '.join(step[:1])}):\n"
                                  f"{done.stderr.strip() or done.stdout.strip()}")
    log_path = folder / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(cli + ["run", "--host", "127.0.0.1", "--port", "0"],
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
    handle = None
    try:
        url = _wait_for_url(process, log_path)
        handle = DemoServer(url, password, folder, process)
        yield handle
    finally:
        if handle is not None:
            handle.stop()
        elif process.poll() is None:
            process.kill()
            process.wait(timeout=5)


def _wait_for_url(process: subprocess.Popen, log_path: Path) -> str:
    import requests

    deadline = time.monotonic() + START_TIMEOUT_S
    url = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DemoUnavailable("Server demo berhenti saat dinyalakan:\n"
                                  + log_path.read_text(errors="replace")[-2000:])
        if url is None:
            found = re.search(r"listening on (http://\S+)", log_path.read_text(errors="replace"))
            url = found.group(1) if found else None
        if url is not None:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                    return url
        time.sleep(0.1)
    raise DemoUnavailable("Server demo tidak kunjung siap.")


def sign_in(data_dir: Path, server: DemoServer, username: str = DEMO_USER) -> None:
    """Sign the desk in data_dir in as the demo officer (tokens in the demo folder)."""
    os.environ["LAPOR_DESK_CREDENTIAL_STORE"] = "file"
    os.environ["LAPOR_DESK_CREDENTIALS_DIR"] = str(server.folder / "credentials")
    from desktop.store.service import DeskService
    from desktop.sync.account import Account

    service = DeskService(data_dir)
    try:
        Account(service).login(server.url, username, server.password)
    finally:
        service.close()


def run(args: argparse.Namespace, open_desk: Callable[[argparse.Namespace], int]) -> int:
    """The ``--demo`` entry point (``desktop.app.run`` calls it when ``args.demo``, passing
    itself as ``open_desk``, which opens the window on the demo's desk data)."""
    if not server_available():
        _say(FROZEN_BUILD if getattr(sys, "frozen", False) else MISSING_EXTRA)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="lapor-demo-"))
    try:
        with demo_server(folder) as server:
            data_dir = Path(args.data_dir) if args.data_dir else folder / "desk"
            sign_in(data_dir, server)
            _say(f"Server demo berjalan di {server.url}. Masuk sebagai {DEMO_USER} "
                 f"(kata sandi {server.password}); akun demo lain: {', '.join(OTHER_USERS)}.")
            desk_args = argparse.Namespace(**{**vars(args), "demo": False,
                                              "data_dir": str(data_dir)})
            try:
                return open_desk(desk_args)
            finally:
                _closed(Path(args.data_dir) if args.data_dir else None)
    except DemoUnavailable as exc:
        _say(str(exc))
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _closed(kept_in: Path | None) -> None:
    """The demo desk closed: say what goes away, and leave the note ``lapor-desk status``
    reads (desktop/demo_note.py) where status will look."""
    from desktop import demo_note
    from desktop.paths import data_dir

    if kept_in is None:
        _say("Demo selesai: server demo dan data demonya (folder sementara) dihapus.")
        demo_note.remember(data_dir(None), kept=False)
    else:
        _say(f"Demo selesai: server demo dihapus, juga kunci basis data meja demo (di folder "
             f"sementara): data di {kept_in} tidak dapat dibuka lagi.")
        demo_note.remember(kept_in, kept=True)
