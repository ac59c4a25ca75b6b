"""Issue 21, the server's side of a restore: epochs in cursors, numbers set aside by
``lapor-server after-restore`` and given back only to what desks re-send.

A real server process over a database that is really backed up and restored (see
tests/test_restore_from_backup.py's ``Database``: pg_dump/dropdb/createdb/pg_restore on
PostgreSQL, a file copy on SQLite).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from core.clock import clock
from tests.server_fixtures import create_op, new_id, op, run_cli, serve
from tests.test_restore_from_backup import Database, database  # noqa: F401


def _cursor_without_epoch(cursor: str) -> str:
    """The same cursor as a server from before epochs made it."""
    data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    data.pop("e", None)
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _restart(db: Database, backup: Path) -> dict[str, Any]:
    db.restore(backup)
    return json.loads(run_cli(db.url, "after-restore", "--json").stdout)


def test_numbers_come_back_only_to_what_was_lost(database: Database, tmp_path: Path) -> None:  # noqa: F811
    year = clock().today().year
    with serve(database.url, tmp_path) as server:
        port = int(server.url.rsplit(":", 1)[1])
        loket = server.login("dinkes.loket", device_id="desk-a")
        leader = server.login("dinkes.pimpinan", device_id="desk-p")
        kept = create_op()
        assert loket.push_one(kept)["status"] == "applied"
        _changes, old_cursor = loket.pull_all()
        # Cursors from before epochs existed stay valid until a restore.
        legacy = loket.pull(_cursor_without_epoch(old_cursor))
        assert legacy["reset"] is False and legacy["reset_reason"] is None
        backup = database.backup()

        # After the dump: a complaint, an agenda block and a letter numbered from it.
        lost = create_op()
        lost_result = loket.push_one(lost)
        block = leader.post("/agenda/reserve", json={"year": year, "count": 5}).json()
        kept_version = loket.pull_all()[0][-1]["data"]["version"]
        letter = op("letter_issued", kept["complaint_id"], kept_version, letter_id=new_id(),
                    agenda_number=block["start"], agenda_year=year,
                    agenda_text=f"{block['start']:03d}/DISP/DINKES/{year}")
        assert leader.push_one(letter)["status"] == "applied"
        server.process.kill()
        server.process.wait()

    summary = _restart(database, backup)
    low, high = summary["tracking_gap"]
    assert low <= lost_result["tracking_number"] <= high
    agenda_low, agenda_high = summary["agenda_gaps"][f"agenda:DINKES:{year}"]
    assert agenda_low <= block["start"] <= agenda_high

    with serve(database.url, tmp_path, port=port) as server:
        loket = server.login("dinkes.loket", device_id="desk-a")
        leader = server.login("dinkes.pimpinan", device_id="desk-p")
        # Every cursor of the old epoch restarts, with the reason; so does a legacy one.
        for cursor in (old_cursor, _cursor_without_epoch(old_cursor)):
            page = loket.pull(cursor)
            assert page["reset"] is True and page["reset_reason"] == "restored"
        assert loket.pull(loket.pull()["cursor"])["reset"] is False

        # A new complaint never gets a number of the gap.
        fresh = loket.push_one(create_op())
        assert fresh["tracking_number"] > high
        # The lost create, re-sent with its receipt's number, gets it back...
        again = loket.push_one({**lost, "tracking_number": lost_result["tracking_number"]})
        assert again["status"] == "applied"
        assert again["tracking_number"] == lost_result["tracking_number"]
        # ...once: another complaint claiming it, or a number outside the gap, gets a new one.
        thief = loket.push_one({**create_op(), "tracking_number": lost_result["tracking_number"]})
        outside = loket.push_one({**create_op(), "tracking_number": fresh["tracking_number"]})
        below = loket.push_one({**create_op(), "tracking_number": 1_000_000})
        for result in (thief, outside, below):
            assert result["status"] == "applied"
            assert result["tracking_number"] > high
            assert result["tracking_number"] not in (lost_result["tracking_number"],
                                                     fresh["tracking_number"])
        # The same op re-sent once more is a duplicate, with the same number.
        assert loket.push_one({**lost, "tracking_number": lost_result["tracking_number"]}) == {
            **again, "status": "duplicate"}

        # The letter re-sent keeps its agenda number (its block was lost with the dump)...
        assert leader.push_one(letter)["status"] == "applied"
        # ...which nobody else may now use; new blocks start past the gap.
        reused = op("letter_issued", lost["complaint_id"], 1, letter_id=new_id(),
                    agenda_number=block["start"], agenda_year=year)
        refused = leader.push_one(reused)
        assert refused["status"] == "rejected" and "agenda_number" in refused["errors"]
        next_block = leader.post("/agenda/reserve", json={"year": year, "count": 5}).json()
        assert next_block["start"] > agenda_high


def test_after_restore_twice_sets_aside_another_gap(database: Database) -> None:  # noqa: F811
    first = json.loads(run_cli(database.url, "after-restore", "--json").stdout)
    second = json.loads(run_cli(database.url, "after-restore", "--json",
                                "--tracking-gap", "50").stdout)
    assert second["previous_epoch"] == first["epoch"] != second["epoch"]
    assert second["tracking_gap"] == [first["tracking_gap"][1] + 1, first["tracking_gap"][1] + 50]
    text = run_cli(database.url, "after-restore").stdout
    assert "epoch baru" in text and "Nomor pelacakan" in text
    bad = run_cli(database.url, "after-restore", "--agenda-gap", "0", check=False)
    assert bad.returncode == 2 and "positif" in bad.stderr and "Traceback" not in bad.stderr
