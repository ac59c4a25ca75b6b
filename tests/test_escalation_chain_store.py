"""Escalation of chain dispositions (issue 18.3 with issue 17's chain) on a real desk store:
the chain recorded by real local ops (desktop/screenshots/dispositions.py ``seed_chain``:
Kadis -> Kabid Yankes (5 working days) -> Kasi Rujukan (3), one unread, one withdrawn),
seeded on Wednesday 2 December 2026. Each late entry names the position it waits at and is
told once to its sender and to the pimpinan, never to another officer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import Actor, Role
from desktop.screenshots.dispositions import KABID, KADIS, seed_chain
from desktop.store import DeskService
from desktop.store import escalation as esc
from tests.clocks import office_time, wita

pytestmark = pytest.mark.dates

KASI = Actor("dinkes.kasi", Role.petugas_unit, "DINKES", ("YANKES",), "Rahmat Kasi")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with office_time(wita(2026, 12, 2)), DeskService(tmp_path) as store:
        seed_chain(store)
    return tmp_path


def on(folder: Path, day: date) -> DeskService:
    return DeskService(folder, today=lambda: day)


def chain_rows(found: list[esc.LateDisposition]) -> list[tuple[str | None, str | None, int]]:
    return sorted((d.waiting_at, d.sender, d.days_late) for d in found if d.entry_id)


def take(store: DeskService, actor: Actor, positions: tuple[str, ...] = ()) -> list:
    found = esc.late_dispositions(store)
    return esc.take_new(store, found, username=actor.username,
                        leader=str(actor.role) in ("pimpinan", "admin_pusat"),
                        positions=positions)


def test_late_entries_name_the_position_they_wait_at(folder):
    # The Kasi's 3 working days ran out on Monday 7 December.
    with on(folder, date(2026, 12, 7)) as store:
        assert chain_rows(esc.late_dispositions(store)) == []
    with on(folder, date(2026, 12, 8)) as store:
        late = [d for d in esc.late_dispositions(store) if d.entry_id]
        assert chain_rows(late) == [("Kepala Seksi Rujukan", KABID.username, 1)]
        assert late[0].from_title == "Kepala Bidang Pelayanan Kesehatan"
        assert late[0].due == date(2026, 12, 7) and late[0].level == 1
        assert late[0].unit_codes == ()
        assert chain_rows(esc.late_dispositions(store, after=2)) == []  # the setting
    # Thursday 10 December: the Kadis' 5 days (to 9 December) ran out too; the withdrawn
    # one and the tembusan are not listed. A whole period (3 days) late: level 2.
    with on(folder, date(2026, 12, 10)) as store:
        late = [d for d in esc.late_dispositions(store) if d.entry_id]
        assert chain_rows(late) == [
            ("Kepala Bidang Pelayanan Kesehatan", KADIS.username, 1),
            ("Kepala Bidang Pelayanan Kesehatan", KADIS.username, 1),
            ("Kepala Seksi Rujukan", KABID.username, 3)]
        assert [d.level for d in late if d.waiting_at == "Kepala Seksi Rujukan"] == [2]


def test_the_sender_and_the_pimpinan_are_told_once_another_officer_never(folder):
    with on(folder, date(2026, 12, 8)) as store:
        assert take(store, KASI) == []  # the recipient, not the sender: not told
        told = take(store, KABID)  # the sender, a petugas_unit
        assert chain_rows(told) == [("Kepala Seksi Rujukan", KABID.username, 1)]
        assert take(store, KABID) == []  # once
        record = store.get_setting(esc.NOTIFIED_SETTING)
        assert record == {told[0].entry_id: "2026-12-07"}  # per (entry id, due date)
    with on(folder, date(2026, 12, 10)) as store:
        assert take(store, KABID) == []  # later, more late: still told once
        assert take(store, KASI) == []
        # The Kadis' own dispositions (and the unit-level lateness, none yet) are his.
        told = take(store, KADIS)
        assert chain_rows(told) == [
            ("Kepala Bidang Pelayanan Kesehatan", KADIS.username, 1),
            ("Kepala Bidang Pelayanan Kesehatan", KADIS.username, 1)]
        assert take(store, KADIS) == []


def test_a_pimpinan_who_did_not_send_it_is_told_and_so_is_the_senders_plh(folder):
    other = Actor("kadis.lain", Role.pimpinan, "DINKES", (), "Pimpinan")
    with on(folder, date(2026, 12, 8)) as store:
        told = take(store, other)
        assert chain_rows(told) == [("Kepala Seksi Rujukan", KABID.username, 1)]
    with on(folder, date(2026, 12, 8)) as store:
        store.set_setting(esc.NOTIFIED_SETTING, {})
        plh = Actor("dinkes.kesmas", Role.petugas_unit, "DINKES", ("KESMAS",), "Plh.")
        assert take(store, plh) == []
        assert chain_rows(take(store, plh, ("KABID-YANKES",))) == [
            ("Kepala Seksi Rujukan", KABID.username, 1)]
