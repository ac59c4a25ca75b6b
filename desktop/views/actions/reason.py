"""The actions that need one text: Minta Klarifikasi, Tunda, Lanjutkan, Selesai, Arsipkan,
Catatan. One dialog class per action over the shared ``action_reason`` form."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core import DomainError, OpKind
from desktop.forms.ui_action_reason import Ui_ActionReasonForm
from desktop.views.actions.base import ActionDialog, Invalid
from desktop.workflow import Step, canned, dry_run, step


class ReasonDialog(ActionDialog):
    form_class = Ui_ActionReasonForm
    key: ClassVar[str] = "reason"  # payload key of the text
    required: ClassVar[bool] = True
    uses_replies: ClassVar[bool] = False
    extra: ClassVar[dict[str, Any]] = {}

    def caption(self) -> str:
        return QCoreApplication.translate("ReasonDialog", "&Reason")

    def explanation(self) -> str:
        return ""

    def setup(self) -> None:
        ui = self.ui
        ui.textCaption.setText(self.caption() + ("" if self.required else " " + QCoreApplication.
                                                 translate("ReasonDialog", "(optional)")))
        ui.explainLabel.setText(self.explanation())
        ui.explainLabel.setVisible(bool(ui.explainLabel.text()))
        replies = canned.for_kind(self.ctx.replies, self.kind.value) if self.uses_replies else []
        for reply in replies:
            ui.cannedCombo.addItem(reply.title, reply.body)
        for widget in (ui.cannedCaption, ui.cannedCombo, ui.cannedButton):
            widget.setVisible(bool(replies))
        ui.cannedButton.clicked.connect(self.insert_reply)
        self.resize(560, self.sizeHint().height())

    def insert_reply(self) -> None:
        body = self.ui.cannedCombo.currentData()
        if body:
            self.ui.textEdit.insertPlainText(canned.render(body, self.ctx.reply_values()))
            self.ui.textEdit.setFocus()

    def text(self) -> str:
        return self.ui.textEdit.toPlainText().strip()

    def fields(self) -> dict[str, QWidget]:
        return {self.key: self.ui.textEdit, "text": self.ui.textEdit, "note": self.ui.textEdit}

    def collect(self) -> list[Step]:
        text = self.text()
        if self.required and not text:
            raise Invalid({self.key: self.empty_message()})
        payload = {**self.extra, **({self.key: text} if text else {})}
        return [self.step(self.kind, payload)]

    def empty_message(self) -> str:
        return QCoreApplication.translate("ReasonDialog", "Please fill this in.")

    def state(self) -> dict[str, Any]:
        return {"text": self.ui.textEdit.toPlainText()}

    def restore(self, state: dict[str, Any]) -> None:
        self.ui.textEdit.setPlainText(state.get("text", ""))


class ClarificationDialog(ReasonDialog):
    kind = OpKind.request_clarification
    key = "text"
    uses_replies = True

    def caption(self) -> str:
        return self.tr("&Question to the reporter")

    def explanation(self) -> str:
        return self.tr("The complaint waits for the reporter's answer. If neither side "
                       "responds, it counts as completed after the waiting period.")

    def empty_message(self) -> str:
        return self.tr("Write the question for the reporter.")


class HoldDialog(ReasonDialog):
    kind = OpKind.hold

    def caption(self) -> str:
        return self.tr("&Reason for the hold")

    def explanation(self) -> str:
        return self.tr("While on hold the deadline is paused; the working days on hold are "
                       "added to it when the complaint is resumed.")

    def empty_message(self) -> str:
        return self.tr("Give the reason for the hold.")


class ResumeDialog(ReasonDialog):
    kind = OpKind.resume
    key = "note"
    required = False

    def caption(self) -> str:
        return self.tr("&Note")

    def explanation(self) -> str:
        try:
            after = dry_run(self.snapshot or {}, [step(OpKind.resume)], self.ctx.actor,
                            policy=self.ctx.policy, calendar=self.ctx.calendar)
        except DomainError:
            return ""
        if not after.get("due_date"):
            return self.tr("The complaint returns to its status before the hold.")
        from desktop import formatting

        due = formatting.date_long(date.fromisoformat(after["due_date"]))
        return self.tr("The complaint returns to its status before the hold; the new "
                       "deadline is %1.").replace("%1", due)


class CloseDialog(ReasonDialog):
    kind = OpKind.close
    key = "note"
    required = False

    def caption(self) -> str:
        return self.tr("Closing &note")

    def explanation(self) -> str:
        return self.tr("The complaint is marked as completed. It can be reopened if the "
                       "reporter disputes the answer.")


class ArchiveDialog(ReasonDialog):
    kind = OpKind.archive
    required = False

    def caption(self) -> str:
        return self.tr("&Reason for archiving")

    def explanation(self) -> str:
        return self.tr("An archived complaint leaves the working views; it can be reopened.")


class NoteDialog(ReasonDialog):
    kind = OpKind.note
    key = "text"
    extra = {"visibility": "internal"}

    def caption(self) -> str:
        return self.tr("&Note")

    def explanation(self) -> str:
        return self.tr("An internal note is recorded in the history and seen by officers "
                       "only. The status does not change.")

    def empty_message(self) -> str:
        return self.tr("Write the note.")
