"""A desk's first full pull into an empty store builds the queue and search indexes once.

Against a real server: a pull of many small pages drops the indexes, the search triggers and
the sort-key triggers with its first page and rebuilds them with its last; the store then
holds exactly what a desk that pulled row by row holds (every table, sort keys included)
and the same schema; search finds what was pulled. A pull that fails midway, a desk killed
during the load and a schema upgrade over an interrupted load all end with the indexes
back.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.store import QueueFilter, bulk_load
from desktop.store.cipher import connect as connect_db
from desktop.store.service import DeskService
from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import Unreachable
from desktop.sync.local import SyncLocal
from desktop.sync.retry import RetryPolicy
from tests.flaky_proxy import FlakyProxy
from tests.server_fixtures import REPO, start_server
from tests.sync_fixtures import make_desk_fixture  # noqa: F401

TABLES = ("complaints", "complaint_texts", "complaint_units", "complaint_positions",
          "timeline_events", "attachments")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("bulk"), complaints=25) as handle:
        yield handle


def _schema(service: DeskService) -> set[tuple[str, str, str]]:
    with service.reading() as conn:
        return {tuple(r) for r in conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL").fetchall()}


def _contents(service: DeskService) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the complaint tables, rid mapped to the complaint id (rids differ)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with service.reading() as conn:
        for table in TABLES:
            rows = conn.exec_driver_sql(f"SELECT * FROM {table}").mappings().all()
            ids = dict(conn.exec_driver_sql("SELECT rid, id FROM complaints").fetchall())
            out[table] = sorted(
                tuple(sorted((k, ids[v] if k in ("rid", "complaint_rid") else v)
                             for k, v in row.items())) for row in rows)
    return out


def _pull(desk: Any, *, pull_limit: int, retry: RetryPolicy | None = None) -> SyncEngine:
    client = Account(desk.service).client(**({"retry": retry} if retry else {}))
    return SyncEngine(desk.service, client, pull_limit=pull_limit)


def test_first_pull_of_many_pages_builds_the_indexes_once(server, make_desk, monkeypatch
                                                           ) -> None:
    bulk, plain = make_desk("bulk"), make_desk("plain")
    for desk in (bulk, plain):
        desk.login(server, "pusat.admin")
    monkeypatch.setenv("XDG_CONFIG_HOME", bulk.env["XDG_CONFIG_HOME"])
    fresh_schema = _schema(bulk.service)
    running: list[bool] = []
    real_apply = SyncLocal.apply_page

    def spy(self: SyncLocal, *args: Any, **kwargs: Any) -> Any:
        stats = real_apply(self, *args, **kwargs)
        with self.service.reading() as conn:
            running.append(bulk_load.running(conn))
        return stats

    monkeypatch.setattr(SyncLocal, "apply_page", spy)
    report = _pull(bulk, pull_limit=4).sync_once()
    assert report.pages >= 5 and running[:-1] == [True] * (len(running) - 1)
    assert running[-1] is False  # the last page rebuilt everything
    running.clear()
    _pull(plain, pull_limit=500).sync_once()  # one page: row by row, no bulk load
    assert running == [False]

    assert bulk.service.total() == plain.service.total() == report.pulled
    assert _contents(bulk.service) == _contents(plain.service)  # sort keys too
    assert _schema(bulk.service) == fresh_schema == _schema(plain.service)
    with bulk.service.reading() as conn:
        sorted_keys = conn.exec_driver_sql(
            "SELECT count(*) FROM complaints WHERE category_sort IS NOT NULL").scalar()
        assert sorted_keys == report.pulled
        assert conn.exec_driver_sql(
            "INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')") is not None
    title = bulk.service.complaint(bulk.service.queue_ids(QueueFilter())[0])["title"]
    word = max(title.split(), key=len)
    found = bulk.service.queue_ids(QueueFilter(search=word))
    assert found and found == plain.service.queue_ids(QueueFilter(search=word))


def test_a_pull_failing_midway_rebuilds_the_indexes(server, make_desk, monkeypatch) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    fresh_schema = _schema(desk.service)
    with FlakyProxy(server.url) as proxy:
        desk.login(proxy.url, "pusat.admin", server.password)
        real_apply = SyncLocal.apply_page

        def cut_after_first(self: SyncLocal, *args: Any, **kwargs: Any) -> Any:
            stats = real_apply(self, *args, **kwargs)
            # The network goes away once complaints arrive (reference rows come first).
            proxy.down = proxy.down or self.service.total() > 0
            return stats

        monkeypatch.setattr(SyncLocal, "apply_page", cut_after_first)
        engine = _pull(desk, pull_limit=2,
                       retry=RetryPolicy(attempts=1, base=0.01, cap=0.01, budget=1))
        with pytest.raises(Unreachable):
            engine.sync_once()
        engine.client.close()
        with desk.service.reading() as conn:
            assert not bulk_load.running(conn)
        assert _schema(desk.service) == fresh_schema
        pulled = desk.service.queue_ids(QueueFilter())
        assert 0 < len(pulled) < 25
        word = max(desk.service.complaint(pulled[0])["title"].split(), key=len)
        assert pulled[0] in desk.service.queue_ids(QueueFilter(search=word))
        monkeypatch.setattr(SyncLocal, "apply_page", real_apply)
        proxy.down = False
        _pull(desk, pull_limit=4).sync_once()  # goes on from the cursor, row by row
    assert desk.service.total() == 25 and _schema(desk.service) == fresh_schema


def test_the_sort_key_triggers_compute_what_finish_computes(tmp_path: Path) -> None:
    with DeskService(tmp_path / "desk") as service, service.reading() as conn:
        sql = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    for name in bulk_load.SORT_TRIGGERS:
        assert f"UPDATE complaints SET {bulk_load.sort_keys('NEW')} WHERE rid = NEW.rid" \
            in " ".join(sql[name].split()), name


def _start_bulk(folder: Path, server: Any, desk: Any, monkeypatch) -> set:
    """A first pull's first page stored (bulk load running), as a killed desk leaves it."""
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    fresh = _schema(desk.service)
    client = Account(desk.service).client()
    local, cursor, first = SyncLocal(desk.service), None, True
    while first or desk.service.total() < 4:  # reference rows come first
        page = client.pull(cursor, 20)
        assert page.has_more
        local.apply_page(page.changes, page.cursor, bulk=first)
        cursor, first = page.cursor, False
    client.close()
    with desk.service.reading() as conn:
        assert bulk_load.running(conn)
    assert _schema(desk.service) != fresh
    desk.close()
    return fresh


def test_reopening_the_store_finishes_an_interrupted_load(server, make_desk, monkeypatch
                                                           ) -> None:
    desk = make_desk()
    desk.login(server, "pusat.admin")
    fresh = _start_bulk(desk.data_dir, server, desk, monkeypatch)
    with DeskService(desk.data_dir) as service:
        with service.reading() as conn:
            assert not bulk_load.running(conn)
        assert _schema(service) == fresh
        ids = service.queue_ids(QueueFilter())
        assert 4 <= len(ids) < 25
        word = max(service.complaint(ids[0])["title"].split(), key=len)
        assert ids[0] in service.queue_ids(QueueFilter(search=word))


def test_a_schema_upgrade_finishes_an_interrupted_load_first(server, make_desk, monkeypatch
                                                              ) -> None:
    desk = make_desk()
    desk.login(server, "pusat.admin")
    fresh = _start_bulk(desk.data_dir, server, desk, monkeypatch)
    with connect_db(desk.data_dir / "desk.sqlite") as conn:  # as revision 0005 left it
        conn.execute("DROP TABLE complaint_positions")
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
        conn.commit()
    from alembic import command

    real_upgrade, seen = command.upgrade, []

    def upgrade(cfg: Any, target: str) -> None:  # what the revisions start from
        conn = cfg.attributes["connection"]
        seen.append((bulk_load.running(conn), conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'ix_complaints_queue'").scalar()))
        real_upgrade(cfg, target)

    monkeypatch.setattr(command, "upgrade", upgrade)
    with DeskService(desk.data_dir) as service:
        assert seen == [(False, 1)]
        assert service.migration.from_revision == "0005"
        with service.reading() as conn:
            assert not bulk_load.running(conn)
            assert conn.exec_driver_sql("SELECT count(*) FROM complaint_positions"
                                        ).scalar() is not None
        assert _schema(service) == fresh


PULL_SCRIPT = """
import sys
from desktop.store.service import DeskService
from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
service = DeskService(sys.argv[1])
SyncEngine(service, Account(service).client(), pull_limit=1).sync_once()
"""


@pytest.mark.slow
def test_desk_killed_during_its_first_pull(server, make_desk) -> None:
    rng = random.Random(11)
    landed = 0
    for round_ in range(6):
        desk = make_desk(f"desk{round_}")
        desk.login(server, "pusat.admin")
        fresh = _schema(desk.service)
        desk.close()
        proc = subprocess.Popen([sys.executable, "-c", PULL_SCRIPT, str(desk.data_dir)],
                                cwd=REPO, env=desk.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        with connect_db(desk.data_dir / "desk.sqlite", timeout=30) as db:
            while proc.poll() is None and time.monotonic() < deadline:
                if db.execute("SELECT 1 FROM sync_state WHERE key = ?",
                              (bulk_load.KEY,)).fetchone():
                    break
                time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.1))
        proc.send_signal(signal.SIGKILL)
        code = proc.wait(timeout=30)
        with connect_db(desk.data_dir / "desk.sqlite") as db:
            assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            killed_in_load = db.execute("SELECT 1 FROM sync_state WHERE key = ?",
                                        (bulk_load.KEY,)).fetchone() is not None
        landed += code == -signal.SIGKILL and killed_in_load
        assert desk.service.integrity_check() == "ok"  # opening finishes the load
        assert _schema(desk.service) == fresh
        desk.sync()
        assert desk.service.total() == 25
        ids = desk.service.queue_ids(QueueFilter())
        word = max(desk.service.complaint(ids[-1])["title"].split(), key=len)
        assert ids[-1] in desk.service.queue_ids(QueueFilter(search=word))
        desk.close()
    assert landed >= 3, landed
