"""Ubah Kerahasiaan: set or clear the Rahasia (confidential) and Anonim flags."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from core import OpKind
from desktop.forms.ui_action_privacy import Ui_ActionPrivacyForm
from desktop.views.actions.anonymity import lock_anonymity
from desktop.views.actions.base import ActionDialog, Invalid
from desktop.workflow import Step


class PrivacyDialog(ActionDialog):
    kind = OpKind.privacy_flags
    form_class = Ui_ActionPrivacyForm

    def setup(self) -> None:
        snap = self.snapshot or {}
        self.ui.confidentialCheck.setChecked(bool(snap.get("confidential")))
        self.ui.anonymousCheck.setChecked(bool(snap.get("anonymous")))
        lock_anonymity(snap, self.ctx.actor, self.ui.anonymousCheck)
        self.resize(540, self.sizeHint().height())

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"confidential": ui.confidentialCheck, "anonymous": ui.anonymousCheck,
                "privacy": ui.confidentialCheck, "note": ui.noteEdit}

    def collect(self) -> list[Step]:
        ui, snap = self.ui, self.snapshot or {}
        payload: dict[str, Any] = {}
        for key, box in (("confidential", ui.confidentialCheck),
                         ("anonymous", ui.anonymousCheck)):
            if box.isChecked() != bool(snap.get(key)):
                payload[key] = box.isChecked()
        if not payload:
            raise Invalid({"privacy": self.tr("Nothing changed: tick or untick a flag.")})
        note = ui.noteEdit.toPlainText().strip()
        if note:
            payload["note"] = note
        return [self.step(self.kind, payload)]

    def state(self) -> dict[str, Any]:
        return {"note": self.ui.noteEdit.toPlainText()}

    def restore(self, state: dict[str, Any]) -> None:
        self.ui.noteEdit.setPlainText(state.get("note", ""))
