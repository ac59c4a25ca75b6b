"""Over HTTP: the daily anchors every pull carries (and the desk keeps), and ``GET /audit``'s
filters for the desk's audit viewer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from desktop.sync import audit_anchors
from server.db import make_engine
from tests.audit_fixtures import Attacker
from tests.server_fixtures import (
    DEMO_PASSWORD,
    ServerHandle,
    create_op,
    fresh_database,
    run_cli,
    serve,
)
from tests.sync_fixtures import make_desk_fixture  # noqa: F401

YESTERDAY = "2026-12-01T10:00:00+08:00"  # the suite's today is 2 December


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    """Seeded yesterday, served today: the first entry of each chain today anchors
    yesterday."""
    tmp = tmp_path_factory.mktemp("audit-api")
    with fresh_database(tmp) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0",
                env={"LAPOR_NOW": YESTERDAY})
        with serve(url, tmp) as handle:
            yield handle


def _stored(server: ServerHandle) -> list[dict]:
    engine = make_engine(server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT chain, day, seq, hash FROM audit_anchors ORDER BY chain, day")).all()
    finally:
        engine.dispose()
    return [{"chain": r[0], "day": str(r[1]), "seq": r[2], "hash": r[3]} for r in rows]


def test_every_pull_carries_the_anchors_the_caller_may_see(server: ServerHandle) -> None:
    dinkes = server.login("dinkes.admin")  # today's first DINKES entry: 1 Dec anchored
    server.login("pupr.loket")
    central = server.login("pusat.admin")
    stored = {(a["chain"], a["day"]): a for a in _stored(server)}
    assert {("DINKES", "2026-12-01"), ("PUPR", "2026-12-01"),
            ("DISKOMINFO", "2026-12-01")} <= set(stored)
    # An anchor older than a week is no longer sent (desks have it already).
    engine = make_engine(server.database_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO audit_anchors (chain, day, seq, hash) "
                                 "VALUES ('DINKES', '2026-11-20', 1, :h)"), {"h": "a" * 64})
    finally:
        engine.dispose()

    page = dinkes.pull(limit=5)
    assert page["anchors"] == [stored[("DINKES", "2026-12-01")]]
    assert page["has_more"] is True
    assert dinkes.pull(page["cursor"], limit=5)["anchors"] == page["anchors"]
    everyone = central.pull(limit=5)["anchors"]
    assert {(a["chain"], a["day"]) for a in everyone} == {
        k for k in stored if k[1] >= "2026-11-25"}


def test_the_desk_keeps_the_first_anchor_it_saw(server: ServerHandle, make_desk) -> None:
    desk = make_desk()
    desk.login(server, "pupr.admin")
    desk.sync()
    seen = audit_anchors.read(desk.service)
    server_side = [a for a in _stored(server) if a["chain"] == "PUPR"]
    assert seen == server_side and seen

    # Someone rewrites the chain and its anchor on the server: the desk's copy stands.
    attacker = Attacker(server.database_url)
    try:
        attacker.unguard()
        attacker.run("UPDATE audit_anchors SET hash = :h WHERE chain = 'PUPR'", h="b" * 64)
    finally:
        attacker.close()
    desk.sync()
    assert audit_anchors.read(desk.service) == seen
    conflict = desk.service.get_sync_state(
        f"{audit_anchors.CONFLICT_PREFIX}PUPR/{seen[0]['day']}")
    assert conflict == {"seq": seen[0]["seq"], "hash": "b" * 64}


def test_audit_filters(server: ServerHandle) -> None:
    admin = server.login("dishub.admin")
    loket = server.login("dishub.loket")
    ops = [create_op("DISHUB"), create_op("DISHUB")]
    assert [r["status"] for r in loket.push(ops)] == ["applied", "applied"]

    def entries(**params: object) -> list[dict]:
        resp = admin.get("/audit", params=params)
        assert resp.status_code == 200, resp.text
        return resp.json()["entries"]

    everything = entries()
    assert {e["agency"] for e in everything} <= {"DISHUB"}
    mine = entries(username="dishub.loket")
    assert mine and {e["username"] for e in mine} == {"dishub.loket"}
    creates = entries(action="op_create")
    assert len(creates) == 2 and all(e["action"] == "op_create" for e in creates)
    one = creates[0]["target_id"]
    assert one in {o["complaint_id"] for o in ops}
    assert [e["target_id"] for e in entries(complaint_id=one)] == [one]
    assert entries(date_from="2026-12-02", date_to="2026-12-02", action="op_create") == creates
    assert entries(date_to="2026-12-01", action="op_create") == []
    yesterday = entries(date_from="2026-12-01", date_to="2026-12-01")
    assert yesterday and {e["action"] for e in yesterday} <= {
        "create_agency", "create_unit", "create_user"}
    for bad in ({"date_from": "2026-13-01"}, {"date_to": "01-12-2026"},
                {"date_from": "0001-01-01"}, {"date_to": "9999-12-31"}):
        resp = admin.get("/audit", params=bad)
        assert resp.status_code == 422, (bad, resp.text)
        assert resp.json()["error"] == "invalid"
    assert loket.get("/audit").status_code == 403
