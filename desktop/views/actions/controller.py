"""ActionController: the officer's actions as QActions, enabled per role and status.

What the officer may not do stays visible but disabled, its tooltip saying why (the
domain's own Indonesian reason: the same checks the server applies). Each action opens its
dialog with a context loaded through desktop.tasks; a successful action emits ``performed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from core import Actor, OpKind, can
from desktop.tasks import Tasks
from desktop.views.actions.base import ActionDialog
from desktop.views.actions.dispose import BulkDisposeDialog, DisposeDialog
from desktop.views.actions.duplicate import DuplicateDialog
from desktop.views.actions.follow_up import FollowUpDialog
from desktop.views.actions.jobs import run
from desktop.views.actions.not_authority import NotAuthorityDialog, RerouteDialog
from desktop.views.actions.privacy import PrivacyDialog
from desktop.views.actions.reason import (
    ArchiveDialog,
    ClarificationDialog,
    CloseDialog,
    HoldDialog,
    NoteDialog,
    ResumeDialog,
)
from desktop.views.actions.registry import (
    BULK_DISPOSE_SHORTCUT,
    NEXT_SHORTCUT,
    PREVIOUS_SHORTCUT,
    SHORTCUTS,
    action_text,
    purpose_text,
)
from desktop.views.actions.reopen import ReopenDialog
from desktop.views.actions.verify import VerifyDialog
from desktop.workflow import UI_ACTIONS, ActionContext, availability
from desktop.workflow.actor import is_nobody

if TYPE_CHECKING:
    from desktop.workflow.service import WorkflowService

DIALOGS: dict[OpKind, type[ActionDialog]] = {
    OpKind.verify: VerifyDialog,
    OpKind.dispose: DisposeDialog,
    OpKind.follow_up: FollowUpDialog,
    OpKind.request_clarification: ClarificationDialog,
    OpKind.hold: HoldDialog,
    OpKind.resume: ResumeDialog,
    OpKind.not_authority: NotAuthorityDialog,
    OpKind.reroute: RerouteDialog,
    OpKind.close: CloseDialog,
    OpKind.archive: ArchiveDialog,
    OpKind.reopen: ReopenDialog,
    OpKind.mark_duplicate: DuplicateDialog,
    OpKind.privacy_flags: PrivacyDialog,
    OpKind.note: NoteDialog,
}
assert set(DIALOGS) == set(UI_ACTIONS)
BULK_LIMIT = 500


def _with_shortcut(text: str, action: QAction) -> str:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({keys})" if keys else text


class ActionController(QObject):
    performed = Signal(object)  # LocalOpResults (or a BulkOutcome) of a finished action
    dialog_opened = Signal(object)  # the dialog, once it is on screen
    actor_loaded = Signal(object)  # the Actor now acting (signed-in or local)

    def __init__(self, tasks: Tasks, parent: QWidget) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.workflow: WorkflowService | None = None
        self.actor: Actor | None = None
        self.signed_in = False
        self.snapshot: dict[str, Any] | None = None
        self.dialog: QWidget | None = None
        self.selection: Callable[[], Sequence[str]] = list
        self.next_complaint: Callable[[int], None] = lambda _step: None
        self.print_action: QAction | None = None  # printing belongs to desktop.views.letters

        self.actions: dict[OpKind, QAction] = {}
        for kind in UI_ACTIONS:
            action = QAction(action_text(kind) + "…", parent)
            action.setObjectName(f"action_{kind.value}")
            action.setShortcut(QKeySequence(SHORTCUTS[kind]))
            action.setStatusTip(purpose_text(kind))
            action.triggered.connect(partial(self.open_action, kind))
            parent.addAction(action)
            self.actions[kind] = action
        self.next_action = self._plain(self.tr("&Next complaint"), NEXT_SHORTCUT,
                                       partial(self._step, 1), "action_next")
        self.previous_action = self._plain(self.tr("&Previous complaint"), PREVIOUS_SHORTCUT,
                                           partial(self._step, -1), "action_previous")
        self.bulk_dispose_action = self._plain(self.tr("Dispose &selected…"),
                                               BULK_DISPOSE_SHORTCUT, self.open_bulk_dispose,
                                               "action_bulk_dispose")
        self.settings_action = self._plain(self.tr("Canned &replies and instructions…"), None,
                                           self.open_settings, "action_settings")
        self.update()

    @property
    def window(self) -> QWidget:
        # parent(), not an attribute: no Python cycle through the main window.
        return self.parent()

    def _plain(self, text: str, keys: str | None, slot: Callable[[], None],
               name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- state --------------------------------------------------------------------------
    def set_workflow(self, workflow: WorkflowService) -> None:
        self.workflow = workflow
        self.reload_actor()

    def reload_actor(self) -> None:
        """Ask who is acting (after start-up, sign-in or a change in Pengaturan)."""
        if self.workflow is not None:
            run(self.tasks, self, self.workflow.actor, self.set_actor)

    def set_actor(self, result: tuple[Actor, bool]) -> None:
        """``(actor, signed_in)`` as WorkflowService.actor answers."""
        self.actor, self.signed_in = result
        self.update()
        self.actor_loaded.emit(self.actor)

    def set_snapshot(self, snapshot: dict[str, Any] | None) -> None:
        self.snapshot = snapshot
        self.update()

    def update(self) -> None:
        """Enable each action the domain allows; otherwise say why in its tooltip."""
        for kind, action in self.actions.items():
            if self.actor is None:
                enabled, why = False, self.tr("The local database is still opening.")
            elif is_nobody(self.actor):
                enabled, why = False, self.tr("Not signed in: sign in with your officer "
                                              "account to act on complaints.")
            else:
                found = availability(self.snapshot, self.actor, kind)
                enabled = found.enabled
                why = found.message or self.tr("Select a complaint first.")
            action.setEnabled(enabled)
            action.setToolTip(_with_shortcut(action_text(kind), action) + ": " + (
                purpose_text(kind) if enabled else why))
        self.update_selection()

    def update_selection(self) -> None:
        count = len(self.selection())
        may_dispose = (self.actor is not None and not is_nobody(self.actor)
                       and can(self.actor.role, OpKind.dispose))
        self.bulk_dispose_action.setEnabled(count > 0 and may_dispose)
        if self.actor is not None and not may_dispose:
            reason = self.tr("Your role may not dispose complaints.")
        elif count == 0:
            reason = self.tr("Select one or more complaints in the queue (Ctrl+click, "
                             "Shift+click).")
        else:
            reason = self.tr("Dispose the %1 selected complaints at once.").replace(
                "%1", str(count))
        self.bulk_dispose_action.setToolTip(reason)

    def enabled_kinds(self) -> set[OpKind]:
        return {k for k, a in self.actions.items() if a.isEnabled()}

    # --- menus --------------------------------------------------------------------------
    def build_menus(self, bar: QMenuBar, extra_go: Sequence[QAction] = ()) -> list[QMenu]:
        complaint = bar.addMenu(self.tr("&Complaint"))
        complaint.setObjectName("menuComplaint")
        complaint.setToolTipsVisible(True)
        groups = ((OpKind.verify, OpKind.dispose, OpKind.follow_up,
                   OpKind.request_clarification),
                  (OpKind.hold, OpKind.resume, OpKind.not_authority, OpKind.reroute),
                  (OpKind.close, OpKind.archive, OpKind.reopen),
                  (OpKind.mark_duplicate, OpKind.privacy_flags, OpKind.note))
        for group in groups:
            for kind in group:
                complaint.addAction(self.actions[kind])
            complaint.addSeparator()
        complaint.addAction(self.bulk_dispose_action)
        if self.print_action is not None:
            complaint.addAction(self.print_action)
        go = bar.addMenu(self.tr("&Go"))
        go.setObjectName("menuGo")
        go.addAction(self.next_action)
        go.addAction(self.previous_action)
        if extra_go:
            go.addSeparator()
            for action in extra_go:
                go.addAction(action)
        settings = bar.addMenu(self.tr("&Settings"))
        settings.setObjectName("menuSettings")
        settings.addAction(self.settings_action)
        return [complaint, go, settings]

    # --- opening dialogs ----------------------------------------------------------------
    def open_action(self, kind: OpKind, preselect: str | None = None) -> None:
        if self.workflow is None or not self.snapshot or not self.actions[kind].isEnabled():
            return
        job = partial(self.workflow.context, self.snapshot["id"], kind.value,
                      with_related=kind is OpKind.mark_duplicate)
        run(self.tasks, self, job, partial(self._context_loaded, kind, preselect))

    def _context_loaded(self, kind: OpKind, preselect: str | None, ctx: ActionContext) -> None:
        if ctx.snapshot is None:
            self._tell(self.tr("This complaint is no longer in the local database."))
            return
        found = availability(ctx.snapshot, ctx.actor, kind)
        if not found.enabled:  # changed since the officer chose it (a sync, another window)
            self._tell(found.message or "")
            self.set_snapshot(ctx.snapshot)
            return
        dialog = DIALOGS[kind](ctx, self.tasks, self.workflow, self.window)
        if preselect and isinstance(dialog, DuplicateDialog):
            dialog.select_original(preselect)
        self._show(dialog)

    def _show(self, dialog: Any) -> None:
        self.dialog = dialog
        if isinstance(dialog, ActionDialog):
            dialog.submitted.connect(self._performed)
        dialog.finished.connect(partial(self._dialog_closed, dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _dialog_closed(self, dialog: Any, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _performed(self, results: Any) -> None:
        if isinstance(self.dialog, BulkDisposeDialog):
            self._report_bulk(results)
        self.performed.emit(results)

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Action not available"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("actionMessage")
        box.open()
        self.dialog = box

    # --- bulk -----------------------------------------------------------------------------
    def open_bulk_dispose(self) -> None:
        ids = list(self.selection())[:BULK_LIMIT]
        if self.workflow is None or not ids or not self.bulk_dispose_action.isEnabled():
            return
        run(self.tasks, self, partial(self.workflow.bulk_context, ids), self._bulk_loaded)

    def _bulk_loaded(self, ctx: ActionContext) -> None:
        agencies = {s.get("agency_code") for s in ctx.snapshots}
        if len(agencies) > 1:
            self._tell(self.tr("Complaints of different agencies cannot be disposed together: "
                               "select complaints of one agency."))
            return
        if not ctx.snapshots:
            return
        self._show(BulkDisposeDialog(ctx, self.tasks, self.workflow, self.window))

    def _report_bulk(self, outcome: Any) -> None:
        done, failed = len(outcome.done), len(outcome.failed)
        text = self.tr("%1 complaints disposed.").replace("%1", str(done))
        if failed:
            numbers = {s["id"]: s for s in getattr(self.dialog, "ctx", None).snapshots}
            lines = []
            for cid, reason in outcome.failed[:10]:
                snap = numbers.get(cid, {})
                number = snap.get("tracking_number") or snap.get("provisional_number") or cid
                lines.append(f"• #{number}: {reason}")
            text += "\n\n" + self.tr("%1 could not be disposed:").replace(
                "%1", str(failed)) + "\n" + "\n".join(lines)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Dispose selected"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("bulkResult")
        box.open()
        self.bulk_result = box

    # --- navigation & settings ------------------------------------------------------------
    def _step(self, delta: int) -> None:
        self.next_complaint(delta)

    def open_settings(self) -> None:
        if self.workflow is None:
            return
        from desktop.views.actions.settings_dialog import ActionSettingsDialog, load_settings

        def loaded(data: Any) -> None:
            dialog = ActionSettingsDialog(data, self.tasks, self.workflow, self.window)
            dialog.accepted.connect(self.reload_actor)
            self._show(dialog)

        run(self.tasks, self, partial(load_settings, self.workflow), loaded)
