"""Escalation notices on a desk whose officer never opens the Dasbor (issue 18.3): a Kabid
(``petugas_unit``) who sent a chain disposition now past its deadline is told in the status
bar at start and again after a sync round brings another, on a real desk (pytest-qt)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import uuid  # noqa: E402

from desktop.screenshots.dispositions import KABID, seed_chain  # noqa: E402
from desktop.store import DeskService  # noqa: E402
from desktop.sync.engine import SyncReport  # noqa: E402
from desktop.workflow.actor import set_local_actor  # noqa: E402
from tests.clocks import office_time, wita  # noqa: E402
from tests.test_reports_gui import WAIT_MS, open_desk  # noqa: E402

pytestmark = pytest.mark.dates

ONE = "1 disposisi lewat batas waktu: lihat Dasbor."


def test_the_sender_is_told_at_start_and_after_a_sync_without_the_dasbor(qtbot, tmp_path):
    folder = tmp_path / "desk"
    with office_time(wita(2026, 12, 2)), DeskService(folder) as store:
        made = seed_chain(store)  # the Kabid's disposition to the Kasi: due Mon 7 Dec
        set_local_actor(store, KABID)
    with office_time(wita(2026, 12, 8)):
        desk = open_desk(qtbot, folder)
        try:
            window = desk.window
            qtbot.waitUntil(lambda: window.statusBar().currentMessage() == ONE,
                            timeout=WAIT_MS)
            assert "(Kepala Seksi Rujukan)" in window.last_announcement
            assert "Pasien rujukan ditolak RSUD" in window.last_announcement
            assert window.built_page(window.dashboard_action) is None  # never opened
            # A sync round brings another of his dispositions, already past its deadline.
            window.last_announcement = None
            snap = window.service.complaint(made["ids"][1])
            entry = {**snap["chain"][0], "id": str(uuid.uuid4()), "by": KABID.username,
                     "from_position": "KABID-YANKES", "to_position": "KASI-YANKES",
                     "to_title": "Kepala Seksi Rujukan", "to_users": ["dinkes.kasi"],
                     "state": "sent", "read_at": None, "tembusan": False,
                     "due_date": "2026-12-04"}
            snap.update(chain=[*snap["chain"], entry], version=snap["version"] + 1)
            window.service.upsert_snapshots([snap])
            window.statusBar().clearMessage()
            window.sync.controller.synced.emit(SyncReport(pulled=1))
            qtbot.waitUntil(lambda: window.last_announcement is not None, timeout=WAIT_MS)
            assert "Antrean obat puskesmas sampai sore (Kepala Seksi Rujukan)" in (
                window.last_announcement)
            assert "Pasien rujukan" not in window.last_announcement  # told once
            assert window.statusBar().currentMessage() == ONE
            # Another round with nothing new tells nothing.
            window.last_announcement = None
            with qtbot.waitSignal(window.escalation_watch.computed, timeout=WAIT_MS):
                window.sync.controller.synced.emit(SyncReport())
            assert window.last_announcement is None
            assert window.built_page(window.dashboard_action) is None
            # The Dasbor, opened now, lists both (and the watch keeps it in step).
            window.dashboard_action.trigger()
            section = window.dashboard.escalation
            qtbot.waitUntil(lambda: section.found is not None, timeout=WAIT_MS)
            waiting = [section.model.index(r, 2).data()
                       for r in range(section.model.rowCount())]
            assert waiting.count("Kepala Seksi Rujukan") == 2
            assert window.last_announcement is None
        finally:
            desk.close()
