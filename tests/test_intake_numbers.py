"""Provisional numbers L-<desk>-<yyyymmdd>-<seq>: per desk per day, unique under concurrent
writers, never reused, and consistent with the complaints after a process is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from core import WITA, Actor, ValidationError
from desktop.intake import numbers
from desktop.intake.form import new_form, to_payload
from desktop.intake.writes import CreateRequest, create_complaints
from desktop.store import DeskService
from desktop.store.cipher import connect as connect_db

from .test_intake_service import LOKET, filled, make_desk

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

REPO = Path(__file__).resolve().parent.parent
ACTOR = Actor(**{**LOKET, "units": ()})


def request(**overrides) -> CreateRequest:
    # These tests pass their own `now` (November 2026): the incident date goes with it,
    # not with the clock (the form's default is "three days before today").
    form = filled(**{"incident_date": "2026-11-20", **overrides})
    return CreateRequest(payload=to_payload(form), op_id=form["op_id"])


def test_format_and_parse():
    assert numbers.format_number("D1", date(2026, 11, 28), 7) == "L-D1-20261128-0007"
    assert numbers.parse_number("l-d1-20261128-0007") == ("D1", date(2026, 11, 28), 7)
    assert numbers.parse_number("L-D1-20261128-12345") == ("D1", date(2026, 11, 28), 12345)
    for bad in ("1916449", "L-D1-20261332-0001", "L--20261128-0001", "X-D1-20261128-0001"):
        assert numbers.parse_number(bad) is None
    assert numbers.normalize_desk_id(" d7 ") == "D7"
    with pytest.raises(ValueError):
        numbers.normalize_desk_id("meja satu")


def test_sequence_per_day_and_per_desk(tmp_path: Path):
    store = make_desk(tmp_path / "a")
    try:
        day1 = datetime(2026, 11, 27, 9, 0, tzinfo=WITA)
        day2 = datetime(2026, 11, 28, 0, 5, tzinfo=WITA)
        got = [c.provisional_number for c in create_complaints(
            store, [request(), request(), request()], ACTOR, now=day1)]
        assert got == ["L-D1-20261127-0001", "L-D1-20261127-0002", "L-D1-20261127-0003"]
        got = create_complaints(store, [request()], ACTOR, now=day2)[0].provisional_number
        assert got == "L-D1-20261128-0001"
        store.set_setting("desk_id", "D2")
        got = create_complaints(store, [request()], ACTOR, now=day2)[0].provisional_number
        assert got == "L-D2-20261128-0001"
    finally:
        store.close()


def test_desk_id_is_made_once(tmp_path: Path):
    store = make_desk(tmp_path / "a", desk_id=None)
    try:
        first = create_complaints(store, [request()], ACTOR)[0].provisional_number
        desk = store.get_setting("desk_id")
        assert numbers.DESK_ID_RE.match(desk)
        second = create_complaints(store, [request()], ACTOR)[0].provisional_number
        assert first.split("-")[1] == second.split("-")[1] == desk
    finally:
        store.close()


def test_failed_transaction_consumes_no_number(tmp_path: Path):
    store = make_desk(tmp_path / "a")
    now = datetime(2026, 11, 28, 10, 0, tzinfo=WITA)
    try:
        bad = request(title="")  # the domain rejects it inside the transaction
        with pytest.raises(ValidationError):
            create_complaints(store, [request(), bad], ACTOR, now=now)
        assert store.total() == 0 and store.outbox() == []
        got = create_complaints(store, [request()], ACTOR, now=now)[0].provisional_number
        assert got == "L-D1-20261128-0001"
    finally:
        store.close()


def test_never_below_numbers_in_use_nor_reused(tmp_path: Path):
    store = make_desk(tmp_path / "a")
    now = datetime(2026, 11, 28, 10, 0, tzinfo=WITA)
    try:
        create_complaints(store, [request(), request()], ACTOR, now=now)
        # A restored database lost the counter: the complaints still hold 0002.
        store.set_setting(numbers.COUNTER_KEY, None)
        assert create_complaints(store, [request()], ACTOR, now=now)[0].provisional_number \
            == "L-D1-20261128-0003"
        # A complaint vanished from the desk: its number is still not handed out again.
        conn = connect_db(store.db_path)
        with conn:
            conn.execute("DELETE FROM complaints WHERE provisional_number = ?",
                         ("L-D1-20261128-0003",))
        conn.close()
        assert create_complaints(store, [request()], ACTOR, now=now)[0].provisional_number \
            == "L-D1-20261128-0004"
    finally:
        store.close()


def test_unique_under_concurrent_writers(tmp_path: Path):
    """Two desk services on one file (two windows, or the GUI and a CLI import) racing."""
    folder = tmp_path / "a"
    make_desk(folder).close()
    stores = [DeskService(folder), DeskService(folder)]
    got: list[str] = []
    lock = threading.Lock()

    def work(store: DeskService) -> None:
        for _ in range(15):
            created = create_complaints(store, [request()], ACTOR)[0]
            with lock:
                got.append(created.provisional_number)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in stores:
        s.close()
    assert len(got) == 30 and len(set(got)) == 30
    assert sorted(int(n.rsplit("-", 1)[1]) for n in got) == list(range(1, 31))


_CHILD = r"""
import sys
from core import Actor
from desktop.intake.form import new_form, to_payload
from desktop.intake.writes import CreateRequest, create_complaints
from desktop.store import DeskService
store = DeskService(sys.argv[1])
actor = Actor(username="dinkes.loket", role="loket", agency="DINKES")
while True:
    form = new_form("DINKES")
    form.update(title="Pengaduan uji crash", content="Isi pengaduan untuk uji crash proses.",
                reporter={"name": "Uji"})
    created = create_complaints(store, [CreateRequest(to_payload(form), form["op_id"])], actor)
    print(created[0].provisional_number, flush=True)
"""


def test_killed_process_leaves_numbers_and_outbox_consistent(tmp_path: Path):
    folder = tmp_path / "a"
    make_desk(folder).close()
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(folder)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True, env={**os.environ})
    printed = []
    deadline = time.monotonic() + 60
    while len(printed) < 25 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        printed.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)  # mid-transaction, most likely
    proc.wait(10)
    assert len(printed) >= 25, "the child never got going"
    store = DeskService(folder)
    try:
        conn = connect_db(store.db_path)
        rows = conn.execute("SELECT c.id, c.provisional_number, o.op_id FROM complaints c "
                            "LEFT JOIN outbox o ON o.complaint_id = c.id AND o.kind = 'create'"
                            ).fetchall()
        counter = json.loads(conn.execute("SELECT value FROM settings WHERE key = ?",
                                          (numbers.COUNTER_KEY,)).fetchone()[0])
        conn.close()
        assert all(op for _, _, op in rows), "a complaint without its outbox op"
        stored = sorted(int(n.rsplit("-", 1)[1]) for _, n, _ in rows)
        assert stored == list(range(1, len(rows) + 1)), "gaps or repeats in the sequence"
        assert set(printed) <= {n for _, n, _ in rows}, "a number printed but not kept"
        assert max(counter.values()) == len(rows), "counter and complaints disagree"
        nxt = create_complaints(store, [request()], ACTOR)[0].provisional_number
        assert int(nxt.rsplit("-", 1)[1]) == len(rows) + 1
    finally:
        store.close()


def test_new_form_ids_are_fresh():
    a, b = new_form(), new_form()
    assert a["op_id"] != b["op_id"] and a["complaint_id"] != b["complaint_id"]
