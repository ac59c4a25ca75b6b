"""The officer's day through real widgets (pytest-qt) on a real SQLite desk.

Each action: open a complaint, trigger the action, fill its dialog with invalid input
first (nothing may be recorded), then valid input, confirm; then the local snapshot, its
timeline event and the outbox op are read back with a second DeskService on the same file.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import functools  # noqa: E402
import inspect  # noqa: E402
import threading  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QImage,
    QKeySequence,  # noqa: E402
)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QPushButton, QRadioButton, QWidget  # noqa: E402

from core import Actor, OpKind, Role, Status, apply_op  # noqa: E402
from core.clock import clock
from desktop.app import Desk  # noqa: E402
from desktop.store import service as service_module  # noqa: E402
from desktop.store.service import DeskService, QueueFilter  # noqa: E402
from desktop.views.actions.base import ActionDialog, checked_codes  # noqa: E402
from desktop.views.actions.registry import SHORTCUTS  # noqa: E402
from desktop.workflow import WorkflowService, step  # noqa: E402
from tests.test_workflow_fixtures import (  # noqa: E402
    AGENCY,
    CAL,
    CENTRAL,
    OTHER_UNIT,
    POLICY,
    UNIT,
    build_snapshot,
    open_store,
    outbox_ops,
)

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

WAIT_MS = 15_000
LONG = "x" * 10_001  # one character over the domain's text limit


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    open_store(folder).close()
    return folder


@pytest.fixture
def truth(data_dir: Path) -> Iterator[DeskService]:
    service = DeskService(data_dir)
    yield service
    service.close()


def put(truth: DeskService, status: Status, **overrides: Any) -> dict[str, Any]:
    snap = build_snapshot(status, **overrides)
    truth.upsert_snapshots([snap])
    return snap


def open_desk(qtbot, data_dir: Path) -> Desk:
    desk = Desk(data_dir)
    desk.window.resize(1300, 740)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    flow = desk.window.workflow
    qtbot.waitUntil(lambda: flow.controller.actor is not None and not desk.window.model.loading,
                    timeout=WAIT_MS)
    return desk


@pytest.fixture
def desk_factory(qtbot, data_dir) -> Iterator[Callable[[], Desk]]:
    opened: list[Desk] = []

    def make() -> Desk:
        desk = open_desk(qtbot, data_dir)
        opened.append(desk)
        return desk

    yield make
    for desk in opened:
        desk.close()


def show(qtbot, desk: Desk, complaint_id: str) -> None:
    """Open a complaint as the officer does: its row in the queue."""
    desk.window.refresh()
    qtbot.waitUntil(lambda: desk.window.model.row_of(complaint_id) is not None, timeout=WAIT_MS)
    flow = desk.window.workflow
    flow.open_complaint(complaint_id)
    qtbot.waitUntil(lambda: (flow.controller.snapshot or {}).get("id") == complaint_id
                    and desk.tasks.pending == 0, timeout=WAIT_MS)


def open_dialog(qtbot, desk: Desk, kind: OpKind, *, keys: bool = False) -> ActionDialog:
    controller = desk.window.workflow.controller
    action = controller.actions[kind]
    assert action.isEnabled(), action.toolTip()
    if keys:
        QTest.keySequence(desk.window, QKeySequence(SHORTCUTS[kind]))
    else:
        action.trigger()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ActionDialog)
                    and controller.dialog.kind is kind and controller.dialog.isVisible(),
                    timeout=WAIT_MS)
    return controller.dialog


def confirm(qtbot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def confirm_invalid(qtbot, dialog: ActionDialog, truth: DeskService, field: str | None) -> None:
    """Click OK on bad input: the dialog stays open, says what is wrong, records nothing."""
    before = len(outbox_ops(truth))
    confirm(qtbot, dialog)
    qtbot.wait(50)
    assert dialog.isVisible()
    assert dialog.banner.isVisible() and dialog.banner.text()
    if field is not None:
        label = dialog.error_label(field)
        assert label is not None and label.text(), f"no message beside {field}"
    assert len(outbox_ops(truth)) == before


def confirmed(qtbot, dialog: ActionDialog) -> None:
    confirm(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.results is not None, timeout=WAIT_MS)


def tick(qtbot, button) -> None:
    """Click a check box or radio button on its indicator (its hit area ends with its text)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def png(path: Path) -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    assert image.save(str(path))
    return path


def typed(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def last_event(truth: DeskService, cid: str) -> dict:
    return truth.complaint(cid)["timeline"][-1]


def assert_recorded(truth: DeskService, cid: str, kind: OpKind, status: Status,
                    actor: str = "petugas.lokal") -> dict:
    """The complaint's status, its newest event and its newest outbox op, all for ``kind``."""
    snap = truth.complaint(cid)
    assert snap["status"] == status.value
    event = snap["timeline"][-1]
    assert (event["kind"], event["actor"]) == (kind.value, actor)
    op = outbox_ops(truth, cid)[-1]
    assert (op["kind"], op["state"], op["op_id"]) == (kind.value, "pending", event["id"])
    return op


# --- every action, as an officer -----------------------------------------------------------

def test_verify(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.verify)
    ui = dialog.ui
    ui.titleEdit.clear()
    typed(qtbot, ui.titleEdit, "Ant")  # too short
    ui.categoryCombo.setCurrentIndex(0)  # "choose a category"
    confirm_invalid(qtbot, dialog, truth, "category_id")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("puskesmas_rumah_sakit"))
    confirm_invalid(qtbot, dialog, truth, "title")
    assert "Judul" in dialog.error_label("title").text()
    ui.titleEdit.clear()
    typed(qtbot, ui.titleEdit, "Antrean puskesmas Banjarmasin Selatan")
    ui.classificationCombo.setCurrentIndex(ui.classificationCombo.findData("aspirasi"))
    tick(qtbot, ui.confidentialCheck)
    typed(qtbot, ui.tagsEdit, "antrean, loket")
    confirmed(qtbot, dialog)

    op = assert_recorded(truth, cid, OpKind.verify, Status.belum_diverifikasi)
    snap = truth.complaint(cid)
    assert (snap["title"], snap["classification"], snap["category_id"], snap["confidential"],
            snap["tags"]) == ("Antrean puskesmas Banjarmasin Selatan", "aspirasi",
                              "puskesmas_rumah_sakit", True, ["antrean", "loket"])
    assert op["payload"]["tags"] == ["antrean", "loket"]


def test_dispose_with_edited_deadline(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.dispose, keys=True)
    ui = dialog.ui
    assert checked_codes(ui.unitsList) == []
    confirm_invalid(qtbot, dialog, truth, "unit_codes")
    assert dialog.error_label("unit_codes").text() == "Pilih minimal satu unit tujuan."
    for row in range(ui.unitsList.count()):
        if ui.unitsList.item(row).data(Qt.ItemDataRole.UserRole) in (UNIT, OTHER_UNIT):
            ui.unitsList.item(row).setCheckState(Qt.CheckState.Checked)
    tick(qtbot, ui.sifatSegera)
    ui.instructionsList.item(1).setCheckState(Qt.CheckState.Checked)
    instruction = ui.instructionsList.item(1).text()
    typed(qtbot, ui.otherInstructionEdit, "Laporkan hasil kunjungan")
    typed(qtbot, ui.noteEdit, "Mohon segera ditinjau.")
    automatic = ui.dueEdit.date()
    chosen = automatic.addDays(7)
    ui.dueEdit.setDate(chosen)
    assert ui.dueResetButton.isEnabled()
    confirmed(qtbot, dialog)

    op = assert_recorded(truth, cid, OpKind.dispose, Status.didisposisikan)
    due = date(chosen.year(), chosen.month(), chosen.day()).isoformat()
    assert op["payload"] == {"unit_codes": [UNIT, OTHER_UNIT], "sifat": "segera",
                             "instructions": [instruction, "Laporkan hasil kunjungan"],
                             "note": "Mohon segera ditinjau.", "due_date": due}
    snap = truth.complaint(cid)
    assert snap["unit_codes"] == [UNIT, OTHER_UNIT] and snap["due_date"] == due


def test_dispose_deadline_is_computed_in_working_days(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.dispose)
    shown = dialog.ui.dueEdit.date()
    cal, today = truth.calendar, truth.today()
    expected = cal.add_working_days(today, truth.policy.follow_up_days)
    assert date(shown.year(), shown.month(), shown.day()) == expected
    assert f"{truth.policy.follow_up_days} " in dialog.ui.dueInfoLabel.text()
    # Sangat Segera has its own, shorter deadline (issue 15.5); Biasa gives the 5 days back.
    tick(qtbot, dialog.ui.sifatSangatSegera)
    shown = dialog.ui.dueEdit.date()
    urgent = cal.add_working_days(today, truth.policy.urgent_follow_up_days)
    assert date(shown.year(), shown.month(), shown.day()) == urgent
    tick(qtbot, dialog.ui.sifatBiasa)
    shown = dialog.ui.dueEdit.date()
    assert date(shown.year(), shown.month(), shown.day()) == expected


def test_follow_up_with_canned_reply_and_attachment(qtbot, desk_factory, truth, tmp_path):
    snap = put(truth, Status.didisposisikan)
    cid = snap["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.follow_up)
    confirm_invalid(qtbot, dialog, truth, "text")
    ui = dialog.ui
    qtbot.mouseClick(ui.cannedButton, Qt.MouseButton.LeftButton)
    text = ui.textEdit.toPlainText()
    assert f"#{snap['tracking_number']}" in text and "{" not in text
    photo = tmp_path / "loket-tambahan.png"
    png(photo)
    dialog.add_files([str(photo)])
    qtbot.waitUntil(lambda: ui.attachmentsList.count() == 1, timeout=WAIT_MS)
    confirmed(qtbot, dialog)

    op = assert_recorded(truth, cid, OpKind.follow_up, Status.ditindaklanjuti)
    assert op["payload"] == {"text": text.strip(), "visibility": "reporter"}
    kinds = [o["kind"] for o in outbox_ops(truth, cid)]
    assert kinds == ["attach", "follow_up"]
    assert truth.complaint(cid)["attachments"][0]["filename"] == "loket-tambahan.png"


def test_follow_up_as_internal_note(qtbot, desk_factory, truth):
    cid = put(truth, Status.didisposisikan)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.follow_up)
    tick(qtbot, dialog.ui.internalRadio)
    typed(qtbot, dialog.ui.textEdit, "Sudah dikoordinasikan dengan kepala puskesmas.")
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, OpKind.follow_up, Status.ditindaklanjuti)
    assert op["payload"]["visibility"] == "internal"


@pytest.mark.parametrize(("kind", "start", "end", "invalid", "text", "key"), [
    (OpKind.request_clarification, Status.didisposisikan, Status.menunggu_tanggapan_pelapor,
     "", "Mohon sebutkan nama puskesmasnya.", "text"),
    (OpKind.hold, Status.didisposisikan, Status.ditunda, "", "Menunggu hasil rapat.", "reason"),
    (OpKind.resume, Status.ditunda, Status.belum_diverifikasi, LONG, "Rapat selesai.", "note"),
    (OpKind.close, Status.ditindaklanjuti, Status.selesai, LONG, "Pelapor puas.", "note"),
    (OpKind.archive, Status.selesai, Status.diarsipkan, LONG, "Tuntas.", "reason"),
    (OpKind.note, Status.diarsipkan, Status.diarsipkan, "", "Dicek ulang pimpinan.", "text"),
], ids=lambda v: v.value if isinstance(v, OpKind) else None)
def test_text_actions(qtbot, desk_factory, truth, kind, start, end, invalid, text, key):
    cid = put(truth, start)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, kind)
    dialog.ui.textEdit.setPlainText(invalid)
    confirm_invalid(qtbot, dialog, truth, key)
    dialog.ui.textEdit.clear()
    typed(qtbot, dialog.ui.textEdit, text)
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, kind, end)
    assert op["payload"][key] == text
    assert last_event(truth, cid)["note"] == text


def test_not_authority_routed_straight_to_another_agency(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.not_authority)
    ui = dialog.ui
    tick(qtbot, ui.rerouteRadio)
    confirm_invalid(qtbot, dialog, truth, "reason")
    assert "Pilih instansi" in dialog.banner.text() or "Choose the agency" in dialog.banner.text()
    typed(qtbot, ui.reasonEdit, "Jalan kabupaten, bukan provinsi.")
    ui.targetCombo.setCurrentIndex(ui.targetCombo.findData("DISHUB"))
    confirmed(qtbot, dialog)
    snap = truth.complaint(cid)
    assert (snap["status"], snap["agency_code"]) == ("belum_diverifikasi", "DISHUB")
    assert [o["kind"] for o in outbox_ops(truth, cid)] == ["not_authority", "reroute"]
    assert [e["kind"] for e in snap["timeline"][-2:]] == ["not_authority", "reroute"]


def test_not_authority_returned_to_the_central_admin(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.not_authority)
    confirm_invalid(qtbot, dialog, truth, "reason")
    typed(qtbot, dialog.ui.reasonEdit, "Kewenangan kabupaten.")
    dialog.ui.suggestCombo.setCurrentIndex(dialog.ui.suggestCombo.findData("DISDIKBUD"))
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, OpKind.not_authority, Status.bukan_wewenang)
    assert op["payload"] == {"reason": "Kewenangan kabupaten.",
                             "suggested_agency_code": "DISDIKBUD"}


def test_reroute_preselects_the_suggested_agency(qtbot, desk_factory, truth):
    snap = build_snapshot(Status.belum_diverifikasi)
    snap = apply_op(snap, OpKind.not_authority, {"reason": "Soal angkutan umum.",
                                                 "suggested_agency_code": "DISHUB"},
                    CENTRAL, clock().now(), POLICY, CAL).snapshot
    truth.upsert_snapshots([snap])
    desk = desk_factory()
    show(qtbot, desk, snap["id"])
    dialog = open_dialog(qtbot, desk, OpKind.reroute)
    assert dialog.ui.agencyCombo.currentData() == "DISHUB"
    assert "Soal angkutan umum." in dialog.ui.suggestionLabel.text()
    dialog.ui.agencyCombo.setCurrentIndex(0)
    confirm_invalid(qtbot, dialog, truth, "agency_code")
    dialog.ui.agencyCombo.setCurrentIndex(dialog.ui.agencyCombo.findData("DISHUB"))
    confirmed(qtbot, dialog)
    assert_recorded(truth, snap["id"], OpKind.reroute, Status.belum_diverifikasi)
    assert truth.complaint(snap["id"])["agency_code"] == "DISHUB"


def test_reopen(qtbot, desk_factory, truth):
    cid = put(truth, Status.selesai)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.reopen)
    confirm_invalid(qtbot, dialog, truth, "reason")
    typed(qtbot, dialog.ui.reasonEdit, "Pelapor keberatan: antrean masih panjang.")
    assert checked_codes(dialog.ui.unitsList) == [UNIT]
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, OpKind.reopen, Status.didisposisikan)
    assert op["payload"] == {"reason": "Pelapor keberatan: antrean masih panjang.",
                             "unit_codes": [UNIT]}


def test_privacy_flags(qtbot, desk_factory, truth):
    cid = put(truth, Status.didisposisikan)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.privacy_flags)
    confirm_invalid(qtbot, dialog, truth, "privacy")  # nothing changed
    tick(qtbot, dialog.ui.anonymousCheck)
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, OpKind.privacy_flags, Status.didisposisikan)
    assert op["payload"] == {"anonymous": True}
    assert truth.complaint(cid)["anonymous"] is True


def test_an_agency_cannot_untick_anonim(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi, anonymous=True)["id"]
    truth.set_actor(Actor("dinkes.admin", Role.admin_instansi, AGENCY, (), "Admin Dinkes"))
    desk = desk_factory()
    show(qtbot, desk, cid)
    for kind in (OpKind.privacy_flags, OpKind.verify):
        dialog = open_dialog(qtbot, desk, kind)
        box = dialog.ui.anonymousCheck
        assert box.isChecked() and not box.isEnabled()
        assert "Admin Pusat" in box.toolTip()
        dialog.reject()
    dialog = open_dialog(qtbot, desk, OpKind.privacy_flags)
    tick(qtbot, dialog.ui.confidentialCheck)  # Rahasia stays open to the verifying roles
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, OpKind.privacy_flags, Status.belum_diverifikasi,
                         actor="dinkes.admin")
    assert op["payload"] == {"confidential": True}
    assert truth.complaint(cid)["anonymous"] is True


def test_admin_pusat_unticks_anonim_only_with_a_reason(qtbot, desk_factory, truth):
    cid = put(truth, Status.didisposisikan, anonymous=True)["id"]
    truth.set_actor(CENTRAL)
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.privacy_flags)
    assert dialog.ui.anonymousCheck.isEnabled()
    tick(qtbot, dialog.ui.anonymousCheck)
    confirm_invalid(qtbot, dialog, truth, "note")  # no reason: refused, nothing recorded
    typed(qtbot, dialog.ui.noteEdit, "Pelapor meminta namanya dicantumkan (surat tertulis).")
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, cid, OpKind.privacy_flags, Status.didisposisikan,
                         actor="pusat.admin")
    assert op["payload"]["anonymous"] is False
    event = truth.complaint(cid)["timeline"][-1]
    assert event["data"]["anonymity_lifted"] is True


def test_mark_duplicate_from_the_related_list(qtbot, desk_factory, truth):
    original = put(truth, Status.didisposisikan, title="Jembatan Sungai Lulut retak parah")
    copy = put(truth, Status.belum_diverifikasi, title="Jembatan Sungai Lulut retak",
               reporter={"name": "Budi", "phone": "+6285200001111"})
    desk = desk_factory()
    show(qtbot, desk, copy["id"])
    detail = desk.window.workflow.detail
    qtbot.waitUntil(lambda: detail.related_box.findChild(QWidget, f"related_{original['id']}")
                    is not None, timeout=WAIT_MS)
    dialog = open_dialog(qtbot, desk, OpKind.mark_duplicate)
    dialog.ui.originalList.setCurrentRow(-1)
    confirm_invalid(qtbot, dialog, truth, "duplicate_of")
    dialog.select_original(original["id"])
    typed(qtbot, dialog.ui.noteEdit, "Laporan yang sama dua kali.")
    confirmed(qtbot, dialog)
    op = assert_recorded(truth, copy["id"], OpKind.mark_duplicate, Status.belum_diverifikasi)
    assert op["payload"] == {"duplicate_of": original["id"],
                             "note": "Laporan yang sama dua kali."}
    kept = truth.complaint(original["id"])
    assert kept["timeline"][-1]["kind"] == "note"  # both histories record the link
    assert len(kept["timeline"]) == len(original["timeline"]) + 1


def test_related_row_button_opens_the_duplicate_dialog_preselected(qtbot, desk_factory, truth):
    original = put(truth, Status.didisposisikan, title="Lampu jalan padam di Kayutangi")
    copy = put(truth, Status.belum_diverifikasi, title="Lampu jalan padam Kayutangi",
               reporter={"name": "Ani", "phone": "+6285200002222"})
    desk = desk_factory()
    show(qtbot, desk, copy["id"])
    detail = desk.window.workflow.detail
    qtbot.waitUntil(lambda: detail.related_box.findChild(QWidget, f"related_{original['id']}")
                    is not None, timeout=WAIT_MS)
    row = detail.related_box.findChild(QWidget, f"related_{original['id']}")
    button = row.findChild(QPushButton, "markDuplicate")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    controller = desk.window.workflow.controller
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ActionDialog), timeout=WAIT_MS)
    assert controller.dialog.original_id() == original["id"]
    controller.dialog.reject()


# --- permissions, keyboard, drafts, bulk, filters, notices ---------------------------------

def test_what_a_role_may_not_do_is_disabled_with_the_reason(qtbot, desk_factory, truth):
    waiting = put(truth, Status.belum_diverifikasi)["id"]
    mine = put(truth, Status.didisposisikan)["id"]
    truth.set_actor(Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas"))
    desk = desk_factory()
    controller = desk.window.workflow.controller
    show(qtbot, desk, mine)
    assert controller.enabled_kinds() == {OpKind.follow_up, OpKind.request_clarification,
                                          OpKind.note}
    assert "Petugas Unit tidak berwenang" in controller.actions[OpKind.dispose].toolTip()
    button = desk.window.workflow.detail.action_bar.findChild(QWidget, "button_dispose")
    assert button is not None and not button.isEnabled()
    show(qtbot, desk, waiting)
    assert controller.enabled_kinds() == set()
    assert ("tidak didisposisikan ke unit Anda"
            in controller.actions[OpKind.note].toolTip())


def test_keyboard_moves_between_complaints_and_opens_actions(qtbot, desk_factory, truth):
    for _ in range(3):
        put(truth, Status.didisposisikan)
    desk = desk_factory()
    window, flow = desk.window, desk.window.workflow
    model = window.model
    show(qtbot, desk, model.id_at(0))
    QTest.keySequence(window, QKeySequence("Ctrl+PgDown"))
    qtbot.waitUntil(lambda: flow.detail.complaint_id == model.id_at(1), timeout=WAIT_MS)
    QTest.keySequence(window, QKeySequence("Ctrl+PgDown"))
    qtbot.waitUntil(lambda: flow.detail.complaint_id == model.id_at(2), timeout=WAIT_MS)
    QTest.keySequence(window, QKeySequence("Ctrl+PgUp"))
    qtbot.waitUntil(lambda: flow.detail.complaint_id == model.id_at(1), timeout=WAIT_MS)
    dialog = open_dialog(qtbot, desk, OpKind.hold, keys=True)
    dialog.reject()
    # Every action is in the "Pengaduan" menu with its shortcut.
    menu_actions = flow.menus[0].actions()
    for kind, keys in SHORTCUTS.items():
        action = flow.controller.actions[kind]
        assert action in menu_actions
        assert action.shortcut() == QKeySequence(keys)
    go = flow.menus[1].actions()
    assert window.ui.actionFind in go and flow.controller.next_action in go


def test_a_follow_up_draft_survives_a_restart(qtbot, desk_factory, truth):
    cid = put(truth, Status.didisposisikan)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    dialog = open_dialog(qtbot, desk, OpKind.follow_up)
    typed(qtbot, dialog.ui.textEdit, "Tim sudah ke lokasi, hasilnya")
    qtbot.waitUntil(lambda: (truth.get_draft(cid, "follow_up") or {}).get("fields", {}).get(
        "text") == "Tim sudah ke lokasi, hasilnya", timeout=WAIT_MS)
    desk.window.hide()  # the desk dies with the dialog open: no submit, no cancel
    desk.tasks.shutdown()

    again = desk_factory()
    show(qtbot, again, cid)
    dialog = open_dialog(qtbot, again, OpKind.follow_up)
    assert dialog.ui.textEdit.toPlainText() == "Tim sudah ke lokasi, hasilnya"
    assert dialog.banner.isVisible()  # "draft restored"
    typed(qtbot, dialog.ui.textEdit, " baik.")
    confirmed(qtbot, dialog)
    assert truth.get_draft(cid, "follow_up") is None
    assert outbox_ops(truth, cid)[-1]["payload"]["text"] == "Tim sudah ke lokasi, hasilnya baik."


def test_bulk_dispose_of_a_selection(qtbot, desk_factory, truth):
    fresh = [put(truth, Status.belum_diverifikasi)["id"] for _ in range(2)]
    done = put(truth, Status.selesai)["id"]
    desk = desk_factory()
    window, flow = desk.window, desk.window.workflow
    show(qtbot, desk, fresh[0])
    table, model = window.ui.queueTable, window.model
    selection = table.selectionModel()
    selection.clearSelection()
    for cid in [*fresh, done]:
        selection.select(model.index(model.row_of(cid), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert flow.controller.bulk_dispose_action.isEnabled()
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+M"))
    controller = flow.controller
    qtbot.waitUntil(lambda: controller.dialog is not None
                    and controller.dialog.objectName() == "bulkDisposeDialog", timeout=WAIT_MS)
    dialog = controller.dialog
    assert "3" in dialog.header.text()
    confirm_invalid(qtbot, dialog, truth, "unit_codes")
    dialog.ui.unitsList.item(0).setCheckState(Qt.CheckState.Checked)
    confirmed(qtbot, dialog)
    qtbot.waitUntil(lambda: getattr(controller, "bulk_result", None) is not None, timeout=WAIT_MS)
    assert "1" in controller.bulk_result.text() and "Selesai" in controller.bulk_result.text()
    for cid in fresh:
        assert truth.complaint(cid)["status"] == "didisposisikan"
    assert truth.complaint(done)["status"] == "selesai"
    assert len([o for o in outbox_ops(truth) if o["kind"] == "dispose"]) == 2


def test_filters_and_saved_views(qtbot, desk_factory, truth):
    for _ in range(3):
        put(truth, Status.didisposisikan, category_id="kesehatan", channel="sms_1708")
    put(truth, Status.didisposisikan, category_id="kependudukan", channel="web")
    desk = desk_factory()
    window, panel = desk.window, desk.window.workflow.filters
    qtbot.waitUntil(lambda: panel.category.count() > 1, timeout=WAIT_MS)
    panel.toggle.click()
    panel.channel.setCurrentIndex(panel.channel.findData("sms_1708"))
    expected = truth.queue_ids(QueueFilter(channel="sms_1708"))
    qtbot.waitUntil(lambda: list(window.model.ids()) == expected, timeout=WAIT_MS)
    assert len(expected) == 3 and panel.toggle.text().endswith("(1)")
    qtbot.waitUntil(lambda: window.view_model.count("semua") == 3, timeout=WAIT_MS)

    panel._named("Kanal SMS")  # noqa: SLF001 - what the name dialog hands back
    qtbot.waitUntil(lambda: [v["name"] for v in truth.saved_views()] == ["Kanal SMS"],
                    timeout=WAIT_MS)
    assert truth.saved_views()[0]["filter"].channel == "sms_1708"
    panel.clear()
    qtbot.waitUntil(lambda: len(window.model.ids()) == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.saved_combo.count() == 2, timeout=WAIT_MS)
    panel.saved_combo.setCurrentIndex(1)
    panel.saved_combo.activated.emit(1)
    qtbot.waitUntil(lambda: list(window.model.ids()) == expected, timeout=WAIT_MS)
    assert panel.channel.currentData() == "sms_1708"


def test_notice_after_sync_for_new_dispositions(qtbot, desk_factory, truth):
    mine = put(truth, Status.didisposisikan, days_ago=0, title="Posyandu kehabisan vitamin A")
    truth.set_actor(Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas"))
    desk = desk_factory()
    flow = desk.window.workflow
    flow.after_sync()
    qtbot.waitUntil(lambda: flow.last_notice is not None, timeout=WAIT_MS)
    assert "Posyandu kehabisan vitamin A" in flow.last_notice
    assert mine["id"] in (truth.get_sync_state("notices_seen") or {})["disposed"]
    flow.last_notice = None
    flow.after_sync()
    qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)
    qtbot.wait(50)
    assert flow.last_notice is None  # told once


def test_detail_shows_numbers_deadline_masked_nik_and_image_preview(qtbot, desk_factory, truth,
                                                                   tmp_path):
    snap = build_snapshot(Status.didisposisikan, days_ago=0)
    photo = png(tmp_path / "foto.png")
    truth.upsert_snapshots([snap])
    attached = WorkflowService(truth).import_attachment(str(photo))
    WorkflowService(truth).perform(snap["id"], [step(OpKind.attach, attached.payload())], CENTRAL)
    truth.set_actor(Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas"))
    desk = desk_factory()
    show(qtbot, desk, snap["id"])
    detail = desk.window.workflow.detail
    assert f"#{snap['tracking_number']}" in detail.numbers_label.text()
    due = truth.complaint(snap["id"])["due_date"]
    left = truth.calendar.working_days_between(truth.today(), date.fromisoformat(due))
    assert f"{left} " in detail.status_label.text()
    assert detail.reporter_values["nik"].text() == "6371********0003"
    qtbot.waitUntil(lambda: detail._thumbs.get(attached.sha256) is not None  # noqa: SLF001
                    and detail._thumbs[attached.sha256].pixmap() is not None  # noqa: SLF001
                    and not detail._thumbs[attached.sha256].pixmap().isNull(),  # noqa: SLF001
                    timeout=WAIT_MS)
    events = truth.complaint(snap["id"])["timeline"]
    assert detail.timeline_label.text().count("<p") == len(events)


def test_gui_thread_never_calls_the_store_while_acting(qtbot, data_dir, truth, monkeypatch):
    cid = put(truth, Status.didisposisikan)["id"]
    on_gui_thread: list[str] = []
    gui = threading.main_thread()

    def guard(name, method):
        @functools.wraps(method)
        def wrapper(*args, **kwargs):
            if threading.current_thread() is gui:
                on_gui_thread.append(name)
            return method(*args, **kwargs)
        return wrapper

    # getmembers, not vars: most methods live in DeskService's mixins (desktop/store/desk_*.py)
    for name, member in inspect.getmembers(DeskService, inspect.isfunction):
        if not name.startswith("_"):
            monkeypatch.setattr(service_module.DeskService, name, guard(name, member))
    desk = open_desk(qtbot, data_dir)
    try:
        show(qtbot, desk, cid)
        dialog = open_dialog(qtbot, desk, OpKind.follow_up)
        typed(qtbot, dialog.ui.textEdit, "Sudah diperbaiki.")
        confirmed(qtbot, dialog)
        desk.window.workflow.after_sync()
        qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)
    finally:
        desk.close()
    assert on_gui_thread == []


def test_everything_is_in_indonesian(qtbot, desk_factory, truth):
    cid = put(truth, Status.belum_diverifikasi)["id"]
    desk = desk_factory()
    show(qtbot, desk, cid)
    flow = desk.window.workflow
    titles = [m.title().replace("&", "") for m in flow.menus]
    assert titles == ["Pengaduan", "Navigasi", "Pengaturan"]
    assert flow.controller.actions[OpKind.verify].text() == "Verifikasi…"
    dialog = open_dialog(qtbot, desk, OpKind.dispose)
    assert dialog.ok_button.text() == "Disposisi"
    assert dialog.ui.sifatGroup.title() == "Sifat"
    assert {r.text().replace("&", "") for r in dialog.findChildren(QRadioButton)} == {
        "Biasa", "Segera", "Sangat Segera", "Rahasia"}
    dialog.reject()
