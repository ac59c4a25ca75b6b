"""The full NIK only for the roles that need it (the loket and the agency admin); masked
6371********0007 for every other role, admin_pusat included, in the detail and the pull,
also for complaints written before the rule (migration 0004 rewrites the stored views)."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from tests.server_fixtures import create_op, fresh_database, run_cli, serve

NIK = "6371012501900007"
MASKED = "6371********0007"
SEES_FULL = {"dinkes.loket": True, "dinkes.admin": True, "dinkes.pimpinan": False,
             "pusat.admin": False}


def _nik_seen(handle, username: str, cid: str) -> tuple[str, str]:
    client = handle.login(username)
    detail = client.get(f"/complaints/{cid}").json()["reporter"]["nik"]
    changes, _ = client.pull_all()
    pulled = _pulled(changes, cid)["data"]["reporter"]["nik"]
    return detail, pulled


def _pulled(changes: list, cid: str) -> dict:
    return next(c for c in changes if c["type"] == "complaint" and c["id"] == cid)


def test_each_role_sees_the_nik_it_needs_even_after_an_upgrade(tmp_path: Path) -> None:
    with fresh_database(tmp_path) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", "uji-server-2026", "--complaints", "0")
        with serve(url, tmp_path) as handle:
            handle.password = "uji-server-2026"
            loket = handle.login("dinkes.loket")
            body = create_op("DINKES", reporter={"name": "Ahmad Fauzi", "nik": NIK,
                                                 "phone": "081312345678"})
            assert loket.push_one(body)["status"] == "applied"
            cid = body["complaint_id"]
            probe = handle.login("pusat.admin")
            for user, full in SEES_FULL.items():
                assert _nik_seen(handle, user, cid) == ((NIK, NIK) if full else (MASKED, MASKED))
            text = json.dumps(probe.pull_all()[0])
            assert NIK not in text and MASKED in text
        # A database whose views were written under the old rule (admin_pusat saw the full
        # NIK, so it had no stored view) at revision 0003: the upgrade rewrites the views.
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM complaint_views WHERE role = 'admin_pusat'"))
            conn.execute(sa.text("UPDATE alembic_version SET version_num = '0003'"))
        engine.dispose()
        # Replay migration 0004 alone (the later ones made tables that exist already), then
        # come back to head: what `init` does to a 0003 database, minus what 0004 never saw.
        from alembic import command

        from server.migrate import alembic_config

        cfg = alembic_config(url)
        command.upgrade(cfg, "0004")
        command.stamp(cfg, "head")
        run_cli(url, "init")
        with serve(url, tmp_path) as handle:
            handle.password = "uji-server-2026"
            assert _nik_seen(handle, "pusat.admin", cid) == (MASKED, MASKED)
            assert _nik_seen(handle, "dinkes.admin", cid) == (NIK, NIK)
