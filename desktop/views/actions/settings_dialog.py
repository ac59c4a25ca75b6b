"""Pengaturan tindakan: canned replies, the disposition instruction checklist, and the local
officer a desk acts as while nobody is signed in."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import ROLE_LABELS, DomainError, Role, ValidationError
from desktop.forms.ui_action_settings import Ui_ActionSettingsForm
from desktop.tasks import Tasks
from desktop.views.actions.base import BANNER_STYLE, select_data
from desktop.views.actions.jobs import run
from desktop.workflow import CannedReply
from desktop.workflow.canned import PLACEHOLDERS

if TYPE_CHECKING:
    from desktop.workflow.service import WorkflowService

FOLLOW_UP, CLARIFICATION = "follow_up", "request_clarification"


@dataclass
class SettingsData:
    """Loaded on the DB thread, edited in the dialog, saved on the DB thread."""

    replies: list[CannedReply]
    instructions: list[str]
    local_actor: dict[str, Any]
    signed_in: bool
    agencies: list[dict] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)


def load_settings(workflow: WorkflowService) -> SettingsData:  # DB thread
    from desktop.workflow.actor import DEFAULT_LOCAL_ACTOR, LOCAL_ACTOR_KEY

    store = workflow.store
    _actor, signed_in = workflow.actor()
    return SettingsData(workflow.replies(), workflow.instructions(),
                        dict(store.get_setting(LOCAL_ACTOR_KEY) or DEFAULT_LOCAL_ACTOR),
                        signed_in, store.agencies(), store.units())


def save_settings(workflow: WorkflowService, data: SettingsData) -> None:  # DB thread
    workflow.save_replies(data.replies)
    workflow.save_instructions(data.instructions)
    workflow.set_local_actor(data.local_actor)


class ActionSettingsDialog(QDialog):
    def __init__(self, data: SettingsData, tasks: Tasks, workflow: WorkflowService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionSettingsDialog")
        self.setWindowTitle(self.tr("Action settings"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.data, self.tasks, self.workflow = data, tasks, workflow
        layout = QVBoxLayout(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        layout.addWidget(self.banner)
        body = QWidget(self)
        self.ui = Ui_ActionSettingsForm()
        self.ui.setupUi(body)
        layout.addWidget(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._current = -1
        self._fill()
        self.resize(760, 480)

    # --- replies tab --------------------------------------------------------------------
    def _fill(self) -> None:
        ui = self.ui
        help_rows = "".join(f"<tr><td><b>{{{html.escape(k)}}}</b>&nbsp;</td>"
                            f"<td>{html.escape(v)}</td></tr>" for k, v in PLACEHOLDERS.items())
        ui.placeholderHelp.setText(self.tr("Placeholders filled in when the reply is "
                                           "inserted:") + f"<table>{help_rows}</table>")
        self._replies = list(self.data.replies)
        for reply in self._replies:
            QListWidgetItem(reply.title, ui.replyList)
        ui.replyList.currentRowChanged.connect(self._select)
        ui.addReplyButton.clicked.connect(self.add_reply)
        ui.removeReplyButton.clicked.connect(self.remove_reply)
        for widget in (ui.replyTitleEdit,):
            widget.textEdited.connect(self._edited)
        ui.replyBodyEdit.textChanged.connect(self._edited)
        ui.forFollowUpCheck.toggled.connect(self._edited)
        ui.forClarificationCheck.toggled.connect(self._edited)
        if self._replies:
            ui.replyList.setCurrentRow(0)
        else:
            self._select(-1)
        ui.instructionsEdit.setPlainText("\n".join(self.data.instructions))
        # Local officer.
        actor = self.data.local_actor
        ui.officerNameEdit.setText(actor.get("full_name") or "")
        ui.officerUserEdit.setText(actor.get("username") or "")
        for role in Role:
            ui.officerRoleCombo.addItem(ROLE_LABELS[role], role.value)
        select_data(ui.officerRoleCombo, actor.get("role"))
        ui.officerAgencyCombo.addItem(self.tr("— none —"), None)
        for agency in self.data.agencies:
            ui.officerAgencyCombo.addItem(f"{agency['name']} ({agency['code']})", agency["code"])
        select_data(ui.officerAgencyCombo, actor.get("agency"))
        ui.officerAgencyCombo.currentIndexChanged.connect(self._fill_units)
        self._fill_units()
        select_data(ui.officerUnitCombo, (actor.get("units") or [None])[0])
        if self.data.signed_in:
            ui.officerHelp.setText(ui.officerHelp.text() + "\n\n" + self.tr(
                "Someone is signed in now: their account is the one in use."))

    def _fill_units(self) -> None:
        combo, agency = self.ui.officerUnitCombo, self.ui.officerAgencyCombo.currentData()
        combo.clear()
        combo.addItem(self.tr("— none —"), None)
        for unit in self.data.units:
            if unit["agency_code"] == agency:
                combo.addItem(unit["name"], unit["code"])

    def _select(self, row: int) -> None:
        ui = self.ui
        self._current = -1  # no write-back while the editors are being filled
        enabled = 0 <= row < len(self._replies)
        for widget in (ui.replyTitleEdit, ui.replyBodyEdit, ui.forFollowUpCheck,
                       ui.forClarificationCheck, ui.removeReplyButton):
            widget.setEnabled(enabled)
        reply = self._replies[row] if enabled else CannedReply("", "", "", ())
        ui.replyTitleEdit.setText(reply.title)
        ui.replyBodyEdit.setPlainText(reply.body)
        ui.forFollowUpCheck.setChecked(FOLLOW_UP in reply.kinds)
        ui.forClarificationCheck.setChecked(CLARIFICATION in reply.kinds)
        self._current = row if enabled else -1

    def _edited(self) -> None:
        if self._current < 0:
            return
        ui = self.ui
        kinds = tuple(k for k, box in ((FOLLOW_UP, ui.forFollowUpCheck),
                                       (CLARIFICATION, ui.forClarificationCheck))
                      if box.isChecked())
        reply = CannedReply(self._replies[self._current].id, ui.replyTitleEdit.text(),
                            ui.replyBodyEdit.toPlainText(), kinds)
        self._replies[self._current] = reply
        ui.replyList.item(self._current).setText(reply.title or self.tr("(untitled)"))

    def add_reply(self) -> None:
        import uuid

        self._replies.append(CannedReply(str(uuid.uuid4()), self.tr("New reply"), "",
                                         (FOLLOW_UP,)))
        QListWidgetItem(self._replies[-1].title, self.ui.replyList)
        self.ui.replyList.setCurrentRow(len(self._replies) - 1)
        self.ui.replyTitleEdit.setFocus()
        self.ui.replyTitleEdit.selectAll()

    def remove_reply(self) -> None:
        row = self.ui.replyList.currentRow()
        if 0 <= row < len(self._replies):
            del self._replies[row]
            self.ui.replyList.takeItem(row)

    # --- saving -------------------------------------------------------------------------
    def collected(self) -> SettingsData:
        ui = self.ui
        actor = {"username": ui.officerUserEdit.text().strip() or "petugas.lokal",
                 "full_name": ui.officerNameEdit.text().strip(),
                 "role": ui.officerRoleCombo.currentData(),
                 "agency": ui.officerAgencyCombo.currentData(),
                 "units": [u] if (u := ui.officerUnitCombo.currentData()) else []}
        return SettingsData(list(self._replies), ui.instructionsEdit.toPlainText().splitlines(),
                            actor, self.data.signed_in)

    def submit(self) -> None:
        self.banner.hide()
        run(self.tasks, self, partial(save_settings, self.workflow, self.collected()),
                       lambda _r: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            first = next(iter(exc.errors))
            index, _, _key = first.partition(".")
            if index.isdigit():
                self.ui.tabs.setCurrentWidget(self.ui.repliesTab)
                self.ui.replyList.setCurrentRow(int(index))
            text = "\n".join(exc.errors.values())
        elif isinstance(exc, DomainError):
            text = exc.message
        else:
            text = str(exc)
        self.banner.setText(text)
        self.banner.show()
