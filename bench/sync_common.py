"""Shared by the sync benches: a real seeded server process and a real desk data dir.

The desk signs in through the real sync code (tokens go to a private file in the temp
dir, never the developer's vault) and works on a real ``desk.sqlite``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Bench:
    tmp: Path
    server: Any
    database_url: str


@contextmanager
def seeded_server(complaints: int = 0, *, postgres: bool | str = False,
                  env: dict[str, str] | None = None) -> Iterator[Bench]:
    """A server process seeded with the demo directory and ``complaints`` DINKES complaints."""
    from bench.server_common import bulk_seed, database
    from tests.server_fixtures import DEMO_PASSWORD, run_cli, serve

    with tempfile.TemporaryDirectory(prefix="lapor-bench-") as tmp, \
            database(Path(tmp), postgres) as url:
        tmp_dir = Path(tmp)
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0")
        if complaints:
            seconds = bulk_seed(url, complaints)
            print(f"seeded {complaints:,} complaints in {seconds:.1f} s")
        with serve(url, tmp_dir, env=env) as server:
            server.password = DEMO_PASSWORD
            yield Bench(tmp_dir, server, url)


def desk_service(bench: Bench, name: str = "desk") -> Any:
    """A fresh desk store in the bench's temp dir, signed in as dinkes.admin."""
    os.environ["XDG_CONFIG_HOME"] = str(bench.tmp / "config")
    os.environ["LAPOR_DESK_CREDENTIAL_STORE"] = "file"
    from desktop.store.service import DeskService
    from desktop.sync.account import Account

    service = DeskService(bench.tmp / name)
    Account(service).login(bench.server.url, "dinkes.admin", bench.server.password)
    return service
