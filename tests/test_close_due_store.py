"""Issue 14.7 on a real SQLite desk: a complaint whose reporter did not answer in time is
"Perlu ditutup" (due for closing) in the queue, the view counts and the recaps, never
"Terlambat"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core import Status
from desktop.store import reports
from desktop.store.service import DeskService, QueueFilter
from tests.test_workflow_fixtures import put, temporary_store

pytestmark = pytest.mark.dates


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DeskService]:
    yield from temporary_store(tmp_path)


@pytest.fixture
def cases(store: DeskService) -> dict[str, str]:
    return {
        # Asked the reporter 30 days ago: 10 working days passed without an answer.
        "silent": put(store, Status.menunggu_tanggapan_pelapor, days_ago=30)["id"],
        # Followed up 30 days ago: nobody replied either.
        "answered": put(store, Status.ditindaklanjuti, days_ago=30)["id"],
        # Asked yesterday: still waiting.
        "waiting": put(store, Status.menunggu_tanggapan_pelapor, days_ago=1)["id"],
        # Disposed 30 days ago, no follow-up: the agency IS late.
        "late": put(store, Status.didisposisikan, days_ago=30)["id"],
    }


def test_queue_views_and_counts(store: DeskService, cases: dict[str, str]) -> None:
    late = store.queue_ids(QueueFilter(view="terlambat"))
    assert late == [cases["late"]]
    assert sorted(store.queue_ids(QueueFilter(view="perlu_ditutup"))) == sorted(
        [cases["silent"], cases["answered"]])
    assert cases["waiting"] not in store.queue_ids(QueueFilter(view="jatuh_tempo"))
    counts = store.view_counts(QueueFilter())
    assert counts["terlambat"] == 1
    assert counts["perlu_ditutup"] == 2
    assert counts["jatuh_tempo"] == 0
    rows = {r.id: r for r in store.rows(list(cases.values()))}
    silent = rows[cases["silent"]]
    assert silent.close_due and not silent.overdue and not silent.due_soon
    assert silent.days_left is not None and silent.days_left < 0
    assert rows[cases["late"]].overdue and not rows[cases["late"]].close_due
    assert not rows[cases["waiting"]].close_due and not rows[cases["waiting"]].overdue


def test_recap_counts_it_as_due_for_closing(store: DeskService, cases: dict[str, str]) -> None:
    today = store.today()
    report = reports.build_report(store, reports.month_period(today, 2)[0], today)
    by_deadline = {r.key: r.total for r in report.by_deadline}
    assert by_deadline[reports.OVERDUE] == 1
    assert by_deadline[reports.CLOSE_DUE] == 2
    assert by_deadline[reports.WITHIN] == 1
    status = {r.key: r for r in report.by_status}
    waiting = status[Status.menunggu_tanggapan_pelapor.value]
    assert (waiting.open_overdue, waiting.open_close_due, waiting.running) == (0, 1, 2)
    data = report.as_dict()
    row = next(r for r in data["by_deadline"] if r["key"] == "berjalan_perlu_ditutup")
    assert row["total"] == 2 and row["label"].startswith("Pelapor tidak menanggapi")
