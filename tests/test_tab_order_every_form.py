"""Issue 14 guard: Tab walks every form, page and dialog of the desk, forwards and back, and
fails when an enabled input is never reached, when a Tab leaves the focus where it was (a
trap: a table's cells, a date's sections) or when the focus goes nowhere.

Real desk window on a real SQLite desk (the workflow GUI tests' fixtures: a local Admin
Pusat, complaints in the statuses each action needs), real keys (tests/tab_walk.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from core import OpKind, Status  # noqa: E402
from tests import test_workflow_gui as workflow_gui  # noqa: E402
from tests.tab_walk import inputs, walk  # noqa: E402
from tests.test_workflow_gui import put, show  # noqa: E402

data_dir, truth, desk_factory = workflow_gui.data_dir, workflow_gui.truth, workflow_gui.desk_factory
WAIT_MS = 15_000

# Every action with a dialog, and the statuses it is open in (the first that allows it).
ACTION_STATUSES: dict[OpKind, tuple[Status, ...]] = {
    OpKind.verify: (Status.belum_diverifikasi,),
    OpKind.dispose: (Status.belum_diverifikasi,),
    OpKind.not_authority: (Status.belum_diverifikasi,),
    OpKind.mark_duplicate: (Status.belum_diverifikasi,),
    OpKind.privacy_flags: (Status.belum_diverifikasi,),
    OpKind.note: (Status.belum_diverifikasi,),
    OpKind.follow_up: (Status.didisposisikan,),
    OpKind.request_clarification: (Status.didisposisikan,),
    OpKind.hold: (Status.didisposisikan,),
    OpKind.reroute: (Status.bukan_wewenang,),
    OpKind.close: (Status.ditindaklanjuti,),
    OpKind.resume: (Status.ditunda,),
    OpKind.archive: (Status.selesai,),
    OpKind.reopen: (Status.selesai,),
}


def problems(name: str, root: QWidget, start: QWidget, extra: int = 12) -> list[str]:
    """What is wrong with ``root``'s Tab order, both ways (empty: nothing)."""
    found = []
    for backwards in (False, True):
        result = walk(root, start, extra=extra, backwards=backwards)
        way = "Shift+Tab" if backwards else "Tab"
        if result.traps:
            found.append(f"{name} ({way}): focus stays on {dict(Counter(result.traps))}")
        if result.missed:
            found.append(f"{name} ({way}): never reached {result.missed}")
        if result.lost:
            found.append(f"{name} ({way}): focus lost {result.lost} times")
        if found:
            found.append(f"    order: {result.order[:40]}")
    return found


def activate(qtbot, window: QWidget) -> None:
    """The window in front (offscreen: nothing is active after a dialog closes)."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def idle(qtbot, desk) -> None:
    qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)
    qtbot.wait(50)


def first_input(root: QWidget) -> QWidget:
    found = inputs(root)
    assert found, f"{root.objectName()}: no input to start from"
    return found[0]


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    return dialog


@pytest.fixture
def statuses(truth) -> dict[Status, str]:
    """One complaint in each status an action needs."""
    return {status: put(truth, status)["id"] for status in
            (Status.belum_diverifikasi, Status.didisposisikan, Status.ditindaklanjuti,
             Status.ditunda, Status.selesai, Status.bukan_wewenang)}


def test_every_action_dialog(qtbot, desk_factory, statuses):
    desk = desk_factory()
    controller = desk.window.workflow.controller
    found: list[str] = []
    for kind, wanted in ACTION_STATUSES.items():
        for status in wanted:
            show(qtbot, desk, statuses[status])
            if controller.actions[kind].isEnabled():
                break
        else:
            found.append(f"{kind.value}: not available in {wanted}")
            continue
        dialog = workflow_gui.open_dialog(qtbot, desk, kind)
        shown(qtbot, dialog)
        found += problems(kind.value, dialog, dialog.focusWidget() or dialog.ok_button)
        if kind is OpKind.reopen:  # a deadline set by hand: the date field takes part
            dialog.ui.dueCheck.setChecked(True)
            found += problems("reopen, deadline by hand", dialog, dialog.ui.reasonEdit)
        dialog.reject()
        idle(qtbot, desk)
    assert not found, "\n".join(found)


def test_queue_page_with_filters_and_detail(qtbot, desk_factory, statuses):
    desk = desk_factory()
    window = desk.window
    show(qtbot, desk, statuses[Status.belum_diverifikasi])
    window.ui.actionQueue.trigger()
    window.workflow.filters.toggle.setChecked(True)  # the filters open: their inputs too
    idle(qtbot, desk)
    activate(qtbot, window)
    found = problems("Antrian", window.ui.queuePage, window.ui.searchEdit, extra=20)
    assert not found, "\n".join(found)


def test_every_page_of_the_navigation(qtbot, desk_factory, statuses):
    desk = desk_factory()
    window = desk.window
    sync = window.sync
    found: list[str] = []
    reports = window.reports
    reports.period_combo.setCurrentIndex(3)  # "Rentang tanggal": the dates take part
    pages = [(window.ui.actionReports, "Laporan"), (window.dashboard_action, "Dasbor"),
             (sync.outbox_action, "Kotak Keluar"), (sync.attention_action, "Perlu Perhatian"),
             (window.ui.actionDesk, "Loket")]
    for action, name in pages:
        action.trigger()
        page = window.page_of(action)
        qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
        idle(qtbot, desk)
        qtbot.waitUntil(lambda page=page: not getattr(page, "loading", False), timeout=WAIT_MS)
        activate(qtbot, window)
        found += problems(name, page, first_input(page), extra=20)
    # Pengaturan: Umum, then Kop Surat (its editor, built when first shown).
    hub = window.settings_hub
    hub.open_page(hub.general)
    idle(qtbot, desk)
    activate(qtbot, window)
    found += problems("Pengaturan › Umum", hub.general, first_input(hub.general), extra=20)
    hub.open_page(hub.positions)  # Pengaturan › Jabatan (read-only here: its tree)
    qtbot.waitUntil(lambda: hub.positions.structure is not None, timeout=WAIT_MS)
    idle(qtbot, desk)
    activate(qtbot, window)
    found += problems("Pengaturan › Jabatan", hub.positions, first_input(hub.positions),
                      extra=20)
    window.letters.show_letterhead()
    editor = window.letters.profile_page
    qtbot.waitUntil(lambda: editor.isVisible() and editor.isEnabled(), timeout=WAIT_MS)
    idle(qtbot, desk)
    activate(qtbot, window)
    found += problems("Pengaturan › Kop Surat", editor, first_input(editor), extra=20)
    assert not found, "\n".join(found)


def test_every_other_dialog(qtbot, desk_factory, statuses, tmp_path: Path):
    desk = desk_factory()
    window = desk.window
    sync = window.sync
    found: list[str] = []

    sync.show_login(None)
    dialog = shown(qtbot, sync.login_dialog)
    found += problems("Masuk", dialog, dialog.server)
    dialog.reject()

    sync.show_settings()
    qtbot.waitUntil(lambda: sync.settings_dialog is not None, timeout=WAIT_MS)
    dialog = shown(qtbot, sync.settings_dialog)
    found += problems("Server dan sinkronisasi", dialog, dialog.server)
    dialog.reject()

    window.workflow.controller.settings_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog),
                    timeout=WAIT_MS)
    dialog = shown(qtbot, QApplication.activeModalWidget())
    found += problems("Pengaturan tindakan", dialog, first_input(dialog))
    dialog.reject()
    idle(qtbot, desk)

    from desktop.views.audit_viewer.dialog import AuditDialog

    audit = AuditDialog(sync.controller, window.service, window)  # no fetch: not signed in
    audit.show()
    shown(qtbot, audit)
    found += problems("Jejak audit", audit, audit.user)
    audit.close()
    audit.deleteLater()

    help_window = window.help.open_shortcuts()
    shown(qtbot, help_window)
    found += problems("Bantuan", help_window, help_window.tabs)
    help_window.close()

    # The Lembar Disposisi of a disposed complaint, and the void dialog it opens.
    cid = statuses[Status.didisposisikan]
    dialog = window.letters.open_dialog([cid])
    shown(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.items), timeout=WAIT_MS)
    idle(qtbot, desk)
    found += problems("Lembar Disposisi", dialog, first_input(dialog))
    from desktop.views.letters.void_dialog import LetterVoidDialog

    void = LetterVoidDialog("045/DISP/DINKES/XII/2026", "#1916449", dialog)
    void.open()
    shown(qtbot, void)
    found += problems("Batalkan lembar", void, first_input(void))
    void.reject()
    dialog.reject()
    idle(qtbot, desk)

    # The Loket's receipt and import dialogs.
    window.ui.actionDesk.trigger()
    page = window.loket
    qtbot.waitUntil(lambda: page.context is not None, timeout=WAIT_MS)
    receipt = page.open_receipt(statuses[Status.belum_diverifikasi])
    qtbot.waitUntil(lambda: receipt.receipt is not None, timeout=WAIT_MS)
    shown(qtbot, receipt)
    found += problems("Tanda terima", receipt, first_input(receipt))
    receipt.close()
    from desktop.intake.import_read import RowIssue
    from desktop.intake.importer import ImportPlan, PlannedRow
    from desktop.views.loket.import_dialog import ImportDialog

    # A paper log with a good row and a bad one (what the dialog shows, made here: the
    # import itself needs an agency's officer, tested in test_intake_import).
    plan = ImportPlan(tmp_path / "buku.csv", 2, [PlannedRow(2, "op", {"id": "x"})],
                      [RowIssue(3, "nik", "NIK harus 16 digit angka.")])
    page.import_dialog = ImportDialog(plan, page)
    page.import_dialog.open()
    dialog = shown(qtbot, page.import_dialog)
    found += problems("Impor buku register", dialog, first_input(dialog))
    dialog.reject()
    idle(qtbot, desk)
    assert not found, "\n".join(found)
