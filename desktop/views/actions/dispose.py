"""Disposisi: forward to one or more units, with sifat, instructions and a deadline counted
in working days (computed by the domain, editable). Also the bulk form for a selection."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core import DomainError, OpKind, Sifat
from desktop.forms.ui_action_dispose import Ui_ActionDisposeForm
from desktop.views import date_input
from desktop.views.actions.base import (
    ActionDialog,
    Invalid,
    checked_codes,
    fill_checklist,
    set_checked,
)
from desktop.views.actions.dates import from_qdate, to_qdate, working_days_text
from desktop.workflow import Step, availability, dry_run, step


class DisposeDialog(ActionDialog):
    kind = OpKind.dispose
    form_class = Ui_ActionDisposeForm

    def setup(self) -> None:
        ui, snap = self.ui, self.snapshot or {}
        self._sifat = {Sifat.biasa: ui.sifatBiasa, Sifat.segera: ui.sifatSegera,
                       Sifat.sangat_segera: ui.sifatSangatSegera, Sifat.rahasia: ui.sifatRahasia}
        fill_checklist(ui.unitsList, [(u["code"], u["name"]) for u in self.ctx.units],
                       set(snap.get("unit_codes") or ()))
        fill_checklist(ui.instructionsList, [(i, i) for i in self.ctx.instructions], set())
        current = snap.get("sifat") or Sifat.biasa.value
        self._sifat.get(Sifat(current), ui.sifatBiasa).setChecked(True)
        self._automatic: date | None = None
        self._overridden = False
        ui.dueEdit.setMinimumDate(to_qdate(self.ctx.today))
        # Typing dd/mm/yyyy works; a date before today is refused with a message.
        self._due_refused = ""
        self.due_input = date_input.install(ui.dueEdit)
        self.due_input.feedback.connect(self._typed_due_feedback)
        self._recalculate()
        ui.dueEdit.dateChanged.connect(self._due_edited)
        ui.dueResetButton.clicked.connect(self._recalculate)
        for radio in self._sifat.values():  # Sangat Segera has its own, shorter deadline
            radio.toggled.connect(self._sifat_changed)
        self.resize(max(760, self.sizeHint().width()), self.sizeHint().height())

    def _recalculate(self) -> None:
        """Deadline as the domain computes it for this complaint disposed today."""
        ui = self.ui
        try:
            preview = dry_run(self.snapshot or {}, [step(OpKind.dispose, {
                "unit_codes": ["_"], "sifat": self.sifat()})], self.ctx.actor,
                policy=self.ctx.policy, calendar=self.ctx.calendar)
            due = date.fromisoformat(preview["due_date"])
        except (DomainError, TypeError, ValueError, KeyError):
            due = self.ctx.calendar.add_working_days(self.ctx.today, self.ctx.policy.follow_up_days)
        self._automatic = due
        self._due_refused = ""
        ui.dueEdit.blockSignals(True)
        ui.dueEdit.setDate(to_qdate(due))
        ui.dueEdit.blockSignals(False)
        self._overridden = False
        self._show_due()

    def _sifat_changed(self, checked: bool) -> None:
        if checked and not self._overridden:  # a date set by hand stays
            self._recalculate()

    def _typed_due_feedback(self, message: str) -> None:
        """A typed deadline was refused (shown; nothing is saved until it is fixed) or
        taken (empty)."""
        self._due_refused = message
        if message:
            self.show_errors({"due_date": message}, message)
        else:
            self.clear_errors()

    def _due_edited(self) -> None:
        self._due_refused = ""
        self._overridden = from_qdate(self.ui.dueEdit.date()) != self._automatic
        self._show_due()

    def _show_due(self) -> None:
        due = from_qdate(self.ui.dueEdit.date())
        text = working_days_text(self.ctx.today, due, self.ctx.calendar)
        note = (QCoreApplication.translate("DisposeDialog", "set by hand") if self._overridden
                else QCoreApplication.translate("DisposeDialog", "computed in working days"))
        self.ui.dueInfoLabel.setText(f"{text} — {note}")
        self.ui.dueResetButton.setEnabled(self._overridden)

    def sifat(self) -> str:
        return next(s.value for s, radio in self._sifat.items() if radio.isChecked())

    def payload(self) -> dict[str, Any]:
        ui = self.ui
        instructions = checked_codes(ui.instructionsList)
        other = ui.otherInstructionEdit.text().strip()
        if other:
            instructions.append(other)
        payload: dict[str, Any] = {"unit_codes": checked_codes(ui.unitsList),
                                   "sifat": self.sifat(), "instructions": instructions}
        note = ui.noteEdit.toPlainText().strip()
        if note:
            payload["note"] = note
        if self._overridden:
            payload["due_date"] = from_qdate(ui.dueEdit.date()).isoformat()
        return payload

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"unit_codes": ui.unitsList, "sifat": ui.sifatGroup, "due_date": ui.dueEdit,
                "instructions": ui.otherInstructionEdit, "note": ui.noteEdit}

    def collect(self) -> list[Step]:
        self.due_input.apply()  # a date still being typed when Ctrl+Enter is pressed
        if self._due_refused:
            raise Invalid({"due_date": self._due_refused})
        return [self.step(self.kind, self.payload())]

    def state(self) -> dict[str, Any]:
        ui = self.ui
        return {"unit_codes": checked_codes(ui.unitsList), "sifat": self.sifat(),
                "instructions": checked_codes(ui.instructionsList),
                "other": ui.otherInstructionEdit.text(), "note": ui.noteEdit.toPlainText(),
                "due_date": from_qdate(ui.dueEdit.date()).isoformat() if self._overridden
                else None}

    def restore(self, state: dict[str, Any]) -> None:
        ui = self.ui
        set_checked(ui.unitsList, set(state.get("unit_codes") or ()))
        set_checked(ui.instructionsList, set(state.get("instructions") or ()))
        ui.otherInstructionEdit.setText(state.get("other", ""))
        ui.noteEdit.setPlainText(state.get("note", ""))
        if state.get("sifat") in {s.value for s in self._sifat}:
            self._sifat[Sifat(state["sifat"])].setChecked(True)
        if state.get("due_date"):
            ui.dueEdit.setDate(to_qdate(date.fromisoformat(state["due_date"])))


class BulkDisposeDialog(DisposeDialog):
    """The same form for a selection: one op per complaint, results summarised. Complaints
    the officer may not dispose are reported after the others are done, not a reason to
    refuse the whole batch."""

    keeps_draft = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.batch_id = str(uuid.uuid4())  # retrying the batch repeats no complaint
        super().__init__(*args, **kwargs)
        self.setObjectName("bulkDisposeDialog")

    def setup(self) -> None:
        super().setup()
        set_checked(self.ui.unitsList, set())  # nothing carried over from one complaint
        self.ui.sifatBiasa.setChecked(True)

    def header_html(self) -> str:
        count = len(self.ctx.snapshots)
        return "<b>" + self.tr("%1 complaints selected").replace("%1", str(count)) + "</b>"

    def check(self, steps: list[Step]) -> None:
        """The form against the first selected complaint that may be disposed at all."""
        found = [availability(snap, self.ctx.actor, self.kind) for snap in self.ctx.snapshots]
        for snap, item in zip(self.ctx.snapshots, found, strict=True):
            if item.enabled:
                dry_run(snap, steps, self.ctx.actor, policy=self.ctx.policy,
                        calendar=self.ctx.calendar)
                return
        raise DomainError(found[0].code or "forbidden", found[0].message or "")

    def perform(self, steps: list[Step]) -> Any:  # DB thread
        ids = [s["id"] for s in self.ctx.snapshots]
        return self.workflow.perform_bulk(ids, self.kind, steps[0].payload, self.ctx.actor,
                                          self.batch_id)
