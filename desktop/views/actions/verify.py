"""Verifikasi: check the report; set classification, category, privacy flags and tags."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from core import OpKind
from desktop.forms.ui_action_verify import Ui_ActionVerifyForm
from desktop.views.actions.anonymity import lock_anonymity
from desktop.views.actions.base import ActionDialog, Invalid, select_data
from desktop.views.labels import CLASSIFICATION
from desktop.workflow import Step
from desktop.workflow.reference import category_items


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class VerifyDialog(ActionDialog):
    kind = OpKind.verify
    form_class = Ui_ActionVerifyForm

    def setup(self) -> None:
        ui, snap = self.ui, self.snapshot or {}
        ui.titleEdit.setText(snap.get("title") or "")
        for code in CLASSIFICATION:
            ui.classificationCombo.addItem(CLASSIFICATION.text(code), code)
        select_data(ui.classificationCombo, snap.get("classification") or "pengaduan")
        ui.categoryCombo.addItem(self.tr("— choose a category —"), None)
        for cid, label in category_items(self.ctx.categories):
            ui.categoryCombo.addItem(label, cid)
        select_data(ui.categoryCombo, snap.get("category_id"))
        ui.confidentialCheck.setChecked(bool(snap.get("confidential")))
        ui.anonymousCheck.setChecked(bool(snap.get("anonymous")))
        lock_anonymity(snap, self.ctx.actor, ui.anonymousCheck)
        ui.tagsEdit.setText(", ".join(snap.get("tags") or ()))
        self.resize(600, self.sizeHint().height())

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"title": ui.titleEdit, "classification": ui.classificationCombo,
                "category_id": ui.categoryCombo, "tags": ui.tagsEdit, "note": ui.noteEdit,
                "confidential": ui.confidentialCheck, "anonymous": ui.anonymousCheck}

    def collect(self) -> list[Step]:
        ui = self.ui
        category = ui.categoryCombo.currentData()
        if not category:
            raise Invalid({"category_id": self.tr("Choose a category.")})
        payload: dict[str, Any] = {
            "title": ui.titleEdit.text(),
            "classification": ui.classificationCombo.currentData(),
            "category_id": category,
            "confidential": ui.confidentialCheck.isChecked(),
            "anonymous": ui.anonymousCheck.isChecked(),
            "tags": split_tags(ui.tagsEdit.text()),
        }
        note = ui.noteEdit.toPlainText().strip()
        if note:
            payload["note"] = note
        return [self.step(self.kind, payload)]

    def state(self) -> dict[str, Any]:
        ui = self.ui
        return {"title": ui.titleEdit.text(), "tags": ui.tagsEdit.text(),
                "note": ui.noteEdit.toPlainText(),
                "classification": ui.classificationCombo.currentData() or "",
                "category_id": ui.categoryCombo.currentData() or "",
                "confidential": ui.confidentialCheck.isChecked(),
                "anonymous": ui.anonymousCheck.isChecked()}

    def restore(self, state: dict[str, Any]) -> None:
        ui = self.ui
        ui.titleEdit.setText(state.get("title", ui.titleEdit.text()))
        ui.tagsEdit.setText(state.get("tags", ""))
        ui.noteEdit.setPlainText(state.get("note", ""))
        select_data(ui.classificationCombo, state.get("classification"))
        select_data(ui.categoryCombo, state.get("category_id") or None)
        ui.confidentialCheck.setChecked(bool(state.get("confidential")))
        ui.anonymousCheck.setChecked(bool(state.get("anonymous")))
        lock_anonymity(self.snapshot, self.ctx.actor, ui.anonymousCheck)
