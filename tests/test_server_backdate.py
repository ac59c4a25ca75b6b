"""The server's back-dating window (LAPOR_BACKDATE_DAYS) and the audit mark of a back-dated
create, against a real server."""

from __future__ import annotations

from datetime import timedelta

from core.clock import clock
from tests.server_fixtures import ServerHandle, create_op, server_fixture

lapor_server = server_fixture(env={"LAPOR_BACKDATE_DAYS": "60"})


def test_back_dated_create_is_audited_and_the_window_enforced(lapor_server: ServerHandle):
    loket = lapor_server.login("dinkes.loket")
    admin = lapor_server.login("dinkes.admin")
    old = create_op("DINKES", received_at=(clock().now() - timedelta(days=20)).isoformat())
    assert loket.push_one(old)["status"] == "applied"
    entries = admin.get("/audit", params={"complaint_id": old["complaint_id"]}).json()
    entries = entries["entries"] if isinstance(entries, dict) else entries
    create = [e for e in entries if e["action"] == "op_create"]
    assert create and create[0]["details"]["backdated_days"] == 20
    too_old = create_op("DINKES",
                        received_at=(clock().now() - timedelta(days=61)).isoformat())
    result = loket.push_one(too_old)
    assert result["status"] != "applied" and "60 hari" in str(result["errors"]), result
