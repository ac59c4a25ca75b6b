"""Tandai Duplikat: link this complaint to the one it repeats. Both keep their histories;
the original's history records the link too (WorkflowService.link_duplicate)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from core import OpKind
from desktop.forms.ui_action_duplicate import Ui_ActionDuplicateForm
from desktop.views.actions.base import ActionDialog, Invalid
from desktop.views.labels import STATUS
from desktop.workflow import Step


class DuplicateDialog(ActionDialog):
    kind = OpKind.mark_duplicate
    form_class = Ui_ActionDuplicateForm
    preselect: str | None = None

    def setup(self) -> None:
        ui = self.ui
        reasons = {"duplicate": self.tr("already linked"), "nik": self.tr("same NIK"),
                   "phone": self.tr("same phone"), "title": self.tr("similar title")}
        self._originals = {r.id: r for r in self.ctx.related}
        ui.originalList.setWordWrap(True)
        ui.originalList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for related in self.ctx.related:
            why = ", ".join(reasons.get(r, r) for r in related.reasons)
            item = QListWidgetItem(f"{related.number} · {related.title}\n"
                                   f"{STATUS.text(related.status)} — {why}", ui.originalList)
            item.setData(Qt.ItemDataRole.UserRole, related.id)
            item.setToolTip(related.title)
        if not self.ctx.related:
            item = QListWidgetItem(self.tr("No related complaint found (same NIK or phone, "
                                           "similar title)."), ui.originalList)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.resize(640, self.sizeHint().height())

    def select_original(self, complaint_id: str) -> None:
        for i in range(self.ui.originalList.count()):
            item = self.ui.originalList.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == complaint_id:
                self.ui.originalList.setCurrentItem(item)

    def fields(self) -> dict[str, QWidget]:
        return {"duplicate_of": self.ui.originalList, "note": self.ui.noteEdit}

    def original_id(self) -> str | None:
        item = self.ui.originalList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def collect(self) -> list[Step]:
        original = self.original_id()
        if not original:
            raise Invalid({"duplicate_of": self.tr("Choose the original complaint.")})
        payload: dict[str, Any] = {"duplicate_of": original}
        note = self.ui.noteEdit.toPlainText().strip()
        if note:
            payload["note"] = note
        return [self.step(self.kind, payload)]

    def perform(self, steps: list[Step]) -> Any:  # DB thread
        original = self._originals[steps[0].payload["duplicate_of"]]
        results = self.workflow.link_duplicate(
            self.complaint_id, {"id": original.id}, steps[0].payload.get("note"),
            self.ctx.actor, (self.op_id(), self.op_id("original_note")))
        self.workflow.save_draft(self.complaint_id, self.kind.value, None)
        return results

    def state(self) -> dict[str, Any]:
        return {"note": self.ui.noteEdit.toPlainText(), "original": self.original_id() or ""}

    def restore(self, state: dict[str, Any]) -> None:
        self.ui.noteEdit.setPlainText(state.get("note", ""))
        if state.get("original"):
            self.select_original(state["original"])
