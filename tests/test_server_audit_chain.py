"""The audit log is hash-chained per agency: ``lapor-server audit verify`` passes an intact
log and names every entry an attacker with database access changed, deleted or inserted
(SQLite, and PostgreSQL when LAPOR_TEST_DATABASE_URL is set)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from server.audit_chain import GENESIS, entry_hash
from tests.audit_fixtures import BACKENDS, Attacker, database, named, verify
from tests.server_fixtures import run_cli

DAY1, DAY2, DAY3 = ("2026-11-27T10:00:00+08:00", "2026-11-30T09:00:00+08:00",
                    "2026-12-01T23:59:00+08:00")


@pytest.fixture(params=BACKENDS)
def seeded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database(request.param, tmp_path) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", "sandi-demo-1", "--complaints", "3")
        yield url


def _unit(url: str, code: str, when: str | None = None) -> None:
    env = {"LAPOR_NOW": when} if when else None
    run_cli(url, "create-unit", code, "--agency", "DINKES", "--name", f"Unit {code}", env=env)


def test_an_intact_log_verifies(seeded: str) -> None:
    code, report = verify(seeded)
    assert code == 0 and report["intact"] is True, report["problems"]
    chains = {c["chain"]: c for c in report["chains"]}
    assert {"DINKES", "PUPR", "DISKOMINFO"} <= set(chains)
    attacker = Attacker(seeded)
    try:
        rows = attacker.rows("DINKES")
    finally:
        attacker.close()
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:], strict=False))
    assert all(r["hash"] == entry_hash(r) for r in rows)
    assert chains["DINKES"]["head_hash"] == rows[-1]["hash"]
    proc = run_cli(seeded, "audit", "verify")
    assert proc.stdout.startswith("Jejak audit utuh: ")


def test_changed_deleted_and_inserted_entries_are_named(seeded: str) -> None:
    attacker = Attacker(seeded)
    try:
        attacker.unguard()
        rows = attacker.rows("DINKES")
        assert len(rows) >= 6
        victim, after, last = rows[2], rows[3], rows[-1]

        # Changed: the content no longer matches its hash.
        attacker.update(victim["id"], username="penyusup")
        code, report = verify(seeded)
        assert code == 1 and named(report) == [("changed", "DINKES", victim["id"])]
        assert "diubah" in report["problems"][0]["message"]
        attacker.update(victim["id"], username=victim["username"])
        assert verify(seeded)[0] == 0

        # Changed, and the hash recomputed: the next entry still holds the old hash.
        forged = {**victim, "action": "logout"}
        attacker.update(victim["id"], action="logout", hash=entry_hash(forged))
        code, report = verify(seeded)
        assert code == 1 and named(report) == [("changed", "DINKES", victim["id"])]
        attacker.update(victim["id"], action=victim["action"], hash=victim["hash"])
        assert verify(seeded)[0] == 0

        # Deleted in the middle: the next entry names the gap.
        attacker.run("DELETE FROM audit_log WHERE id = :id", id=victim["id"])
        code, report = verify(seeded)
        assert code == 1 and named(report) == [("deleted", "DINKES", after["id"])]
        assert report["problems"][0]["seq"] == after["seq"]
        attacker.insert(victim)
        assert verify(seeded)[0] == 0

        # Deleted at the end: the chain's counter numbered more entries than are left.
        attacker.run("DELETE FROM audit_log WHERE id = :id", id=last["id"])
        code, report = verify(seeded)
        assert code == 1 and named(report) == [("deleted", "DINKES", None)]
        assert report["problems"][0]["seq"] == last["seq"]
        attacker.insert(last)
        assert verify(seeded)[0] == 0

        # Inserted at the end, well-formed (hash and link right): never numbered.
        extra = {**last, "id": last["id"] + 100_000, "seq": last["seq"] + 1,
                 "prev_hash": last["hash"], "action": "login", "username": "dinkes.admin"}
        extra["hash"] = entry_hash(extra)
        attacker.insert(extra)
        code, report = verify(seeded)
        assert code == 1 and named(report) == [("inserted", "DINKES", extra["id"])]
        attacker.run("DELETE FROM audit_log WHERE id = :id", id=extra["id"])
        assert verify(seeded)[0] == 0

        # Inserted in the middle, at a place already taken (the unique index dropped).
        _drop_unique(attacker)
        twin = {**victim, "id": last["id"] + 200_000, "action": "logout"}
        twin["hash"] = entry_hash(twin)
        attacker.insert(twin)
        code, report = verify(seeded)
        assert code == 1 and named(report) == [("inserted", "DINKES", twin["id"])]
        assert "disisipkan" in run_cli(seeded, "audit", "verify", check=False).stdout
    finally:
        attacker.close()


def _drop_unique(attacker: Attacker) -> None:
    if not attacker.sqlite:
        attacker.run("ALTER TABLE audit_log DROP CONSTRAINT uq_audit_log_chain")
        return
    # SQLite cannot drop a table constraint: the attacker rebuilds the table without it.
    attacker.run("CREATE TABLE audit_copy AS SELECT * FROM audit_log")
    attacker.run("DROP TABLE audit_log")
    attacker.run("ALTER TABLE audit_copy RENAME TO audit_log")


@pytest.mark.parametrize("backend", BACKENDS)
def test_daily_anchors_catch_a_rewritten_chain(backend: str, tmp_path: Path) -> None:
    with database(backend, tmp_path) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", "sandi-demo-1", "--complaints", "0",
                env={"LAPOR_NOW": DAY1})
        _unit(url, "U2", DAY2)
        _unit(url, "U3", DAY3)
        _unit(url, "U4")  # today, 2 December: DINKES's day of 1 December is anchored
        attacker = Attacker(url)
        try:
            attacker.unguard()
            with attacker.engine.connect() as conn:
                anchors = conn.exec_driver_sql(
                    "SELECT chain, day, seq, hash FROM audit_anchors ORDER BY chain, day"
                ).all()
            rows = attacker.rows("DINKES")
            by_seq = {r["seq"]: r for r in rows}
            assert [(a[0], str(a[1])) for a in anchors] == [
                ("DINKES", "2026-11-27"), ("DINKES", "2026-11-30"), ("DINKES", "2026-12-01")]
            assert all(by_seq[a[2]]["hash"] == a[3] for a in anchors)
            assert by_seq[anchors[1][2]]["action"] == "create_unit"
            code, report = verify(url)
            assert code == 0 and report["anchors"] == 3

            # Rewritten consistently from the second entry: links and hashes fit again,
            # but the anchors desks received say otherwise.
            attacker.update(rows[1]["id"], username="penyusup")
            attacker.rehash_from("DINKES", rows[1]["seq"])
            code, report = verify(url)
            assert code == 1
            assert {p["kind"] for p in report["problems"]} == {"anchor"}
            assert [p["seq"] for p in report["problems"]] == [a[2] for a in anchors]
            assert "2026-11-27" in report["problems"][0]["message"]
        finally:
            attacker.close()


def test_verify_help_and_exit_codes(seeded: str) -> None:
    proc = run_cli(seeded, "audit", "verify", "--help")
    assert proc.stdout.startswith("Penggunaan: lapor-server audit verify ")
    missing = run_cli(seeded, "audit", check=False)
    assert missing.returncode == 2 and "PERINTAH" in missing.stderr
