"""Issue 15.7: a walk-in keeps the time it was received through sync. Logged offline on
Friday 10.00 WITA and synced the next Wednesday, the server's record, the desk's copy after
the pull and the deadline all still say Friday 10.00 (not the moment of the sync)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from core.clock import clock
from desktop.intake import IntakeService
from tests.server_fixtures import lapor_server  # noqa: F401
from tests.sync_fixtures import make_desk_fixture  # noqa: F401
from tests.test_intake_service import filled


def _friday_before(moment: datetime) -> datetime:
    days = (moment.weekday() - 4) % 7 or 7
    return (moment - timedelta(days=days)).replace(hour=10, minute=0, second=0, microsecond=0)


def test_walk_in_logged_offline_keeps_its_received_time(lapor_server, make_desk) -> None:  # noqa: F811
    desk = make_desk("loket")
    desk.login(lapor_server, "dinkes.loket")
    desk.sync()  # reference data
    friday = _friday_before(clock().now())
    walk_in = IntakeService(desk.service).submit(filled(
        incident_date=(friday.date() - timedelta(days=1)).isoformat()), now=friday)
    other = desk.create(title="Dicatat lewat jalur lain pada hari Jumat")  # the store's path
    desk.sync()

    client = lapor_server.login("dinkes.admin")
    for cid in (walk_in.complaint_id, other):
        on_server = client.get(f"/complaints/{cid}").json()
        received = datetime.fromisoformat(on_server["received_at"])
        local = desk.service.complaint(cid)
        assert local["tracking_number"] == on_server["tracking_number"]
        if cid == walk_in.complaint_id:
            assert received == friday, on_server["received_at"]
            assert datetime.fromisoformat(local["received_at"]) == friday
            assert on_server["phase_started"] == friday.date().isoformat()
            # The deadline counts from Friday: the server and the desk agree on it.
            assert local["due_date"] == on_server["due_date"]
        else:
            assert abs(received - clock().now()) < timedelta(minutes=5)
    outbox = [o for o in desk.outbox("applied") if o["kind"] == "create"]
    assert all("received_at" in json.loads(o["payload"]) if isinstance(o["payload"], str)
               else "received_at" in o["payload"] for o in outbox)
