"""Buka Kembali: a completed or archived complaint goes back to the units, with a reason
and a fresh deadline (computed, or set by hand)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from core import DomainError, OpKind
from desktop.forms.ui_action_reopen import Ui_ActionReopenForm
from desktop.views import date_input
from desktop.views.actions.base import (
    ActionDialog,
    Invalid,
    checked_codes,
    fill_checklist,
    set_checked,
)
from desktop.views.actions.dates import from_qdate, to_qdate, working_days_text
from desktop.workflow import Step, dry_run, step


class ReopenDialog(ActionDialog):
    kind = OpKind.reopen
    form_class = Ui_ActionReopenForm

    def setup(self) -> None:
        ui, snap = self.ui, self.snapshot or {}
        fill_checklist(ui.unitsList, [(u["code"], u["name"]) for u in self.ctx.units],
                       set(snap.get("unit_codes") or ()))
        ui.dueEdit.setMinimumDate(to_qdate(self.ctx.today))
        ui.dueEdit.setDate(to_qdate(self._automatic()))
        # Typed dd/mm/yyyy, Tab leaves, F4 opens the calendar; a refused date is said so and
        # nothing is saved until it is fixed.
        self._due_refused = ""
        self.due_input = date_input.install(ui.dueEdit)
        self.due_input.feedback.connect(self._typed_due_feedback)
        ui.dueCheck.toggled.connect(ui.dueEdit.setEnabled)
        ui.dueCheck.toggled.connect(self._show_due)
        ui.dueEdit.dateChanged.connect(self._due_changed)
        self._show_due()
        self.resize(580, self.sizeHint().height())

    def _due_changed(self) -> None:
        self._due_refused = ""
        self._show_due()

    def _automatic(self) -> date:
        try:
            after = dry_run(self.snapshot or {}, [step(OpKind.reopen, {
                "reason": "-", "unit_codes": ["_"]})], self.ctx.actor, policy=self.ctx.policy,
                calendar=self.ctx.calendar)
            return date.fromisoformat(after["due_date"])
        except (DomainError, KeyError, TypeError, ValueError):
            return self.ctx.calendar.add_working_days(self.ctx.today,
                                                      self.ctx.policy.follow_up_days)

    def _typed_due_feedback(self, message: str) -> None:
        self._due_refused = message
        if message:
            self.show_errors({"due_date": message}, message)
        else:
            self.clear_errors()

    def _show_due(self) -> None:
        due = from_qdate(self.ui.dueEdit.date()) if self.ui.dueCheck.isChecked() \
            else self._automatic()
        text = working_days_text(self.ctx.today, due, self.ctx.calendar)
        self.ui.dueInfoLabel.setText(text if self.ui.dueCheck.isChecked() else self.tr(
            "Computed deadline: %1").replace("%1", text))

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"reason": ui.reasonEdit, "unit_codes": ui.unitsList, "due_date": ui.dueEdit}

    def collect(self) -> list[Step]:
        ui = self.ui
        if ui.dueCheck.isChecked() and (self._due_refused or not self.due_input.apply()):
            raise Invalid({"due_date": self._due_refused})
        payload: dict[str, Any] = {"reason": ui.reasonEdit.toPlainText().strip()}
        units = checked_codes(ui.unitsList)
        if units:
            payload["unit_codes"] = units
        if ui.dueCheck.isChecked():
            payload["due_date"] = from_qdate(ui.dueEdit.date()).isoformat()
        return [self.step(self.kind, payload)]

    def state(self) -> dict[str, Any]:
        ui = self.ui
        return {"reason": ui.reasonEdit.toPlainText(), "unit_codes": checked_codes(ui.unitsList),
                "due_date": from_qdate(ui.dueEdit.date()).isoformat()
                if ui.dueCheck.isChecked() else None}

    def restore(self, state: dict[str, Any]) -> None:
        ui = self.ui
        ui.reasonEdit.setPlainText(state.get("reason", ""))
        if state.get("unit_codes"):
            set_checked(ui.unitsList, set(state["unit_codes"]))
        if state.get("due_date"):
            ui.dueCheck.setChecked(True)
            ui.dueEdit.setDate(to_qdate(date.fromisoformat(state["due_date"])))
