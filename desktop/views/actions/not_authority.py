"""Bukan Wewenang (return to the central admin, or route on to another agency at once) and
Alihkan Instansi (the central admin routes a returned complaint)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from core import OpKind, can
from desktop.forms.ui_action_not_authority import Ui_ActionNotAuthorityForm
from desktop.forms.ui_action_reroute import Ui_ActionRerouteForm
from desktop.views.actions.base import ActionDialog, Invalid, select_data
from desktop.workflow import Step


def fill_agencies(combo: Any, agencies: list[dict], exclude: str | None, none_text: str) -> None:
    combo.addItem(none_text, None)
    for agency in agencies:
        if agency["code"] != exclude:
            combo.addItem(f"{agency['name']} ({agency['code']})", agency["code"])


class NotAuthorityDialog(ActionDialog):
    kind = OpKind.not_authority
    form_class = Ui_ActionNotAuthorityForm

    def setup(self) -> None:
        ui, current = self.ui, (self.snapshot or {}).get("agency_code")
        fill_agencies(ui.suggestCombo, self.ctx.agencies, current, self.tr("— none —"))
        fill_agencies(ui.targetCombo, self.ctx.agencies, current, self.tr("— choose —"))
        may_route = can(self.ctx.actor.role, OpKind.reroute)
        ui.rerouteRadio.setEnabled(may_route)
        if not may_route:
            ui.rerouteRadio.setToolTip(self.tr(
                "Only the central admin routes a complaint to another agency."))
        ui.returnRadio.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.resize(600, self.sizeHint().height())

    def _mode_changed(self) -> None:
        ui = self.ui
        returning = ui.returnRadio.isChecked()
        ui.suggestCombo.setEnabled(returning)
        ui.suggestCaption.setEnabled(returning)
        ui.targetCombo.setEnabled(not returning)
        ui.targetCaption.setEnabled(not returning)

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"reason": ui.reasonEdit, "suggested_agency_code": ui.suggestCombo,
                "agency_code": ui.targetCombo}

    def collect(self) -> list[Step]:
        ui = self.ui
        reason = ui.reasonEdit.toPlainText().strip()
        errors = {}
        if not reason:
            errors["reason"] = self.tr("Explain why this is not the agency's authority.")
        target = ui.targetCombo.currentData()
        if ui.rerouteRadio.isChecked() and not target:
            errors["agency_code"] = self.tr("Choose the agency to route the complaint to.")
        if errors:
            raise Invalid(errors)
        payload: dict[str, Any] = {"reason": reason}
        if ui.returnRadio.isChecked():
            if ui.suggestCombo.currentData():
                payload["suggested_agency_code"] = ui.suggestCombo.currentData()
            return [self.step(self.kind, payload)]
        payload["suggested_agency_code"] = target
        return [self.step(self.kind, payload),
                self.step(OpKind.reroute, {"agency_code": target, "reason": reason}, "reroute")]

    def state(self) -> dict[str, Any]:
        ui = self.ui
        return {"reason": ui.reasonEdit.toPlainText(), "reroute": ui.rerouteRadio.isChecked(),
                "suggested": ui.suggestCombo.currentData() or "",
                "target": ui.targetCombo.currentData() or ""}

    def restore(self, state: dict[str, Any]) -> None:
        ui = self.ui
        ui.reasonEdit.setPlainText(state.get("reason", ""))
        if state.get("reroute") and ui.rerouteRadio.isEnabled():
            ui.rerouteRadio.setChecked(True)
        select_data(ui.suggestCombo, state.get("suggested") or None)
        select_data(ui.targetCombo, state.get("target") or None)


class RerouteDialog(ActionDialog):
    kind = OpKind.reroute
    form_class = Ui_ActionRerouteForm

    def setup(self) -> None:
        ui, snap = self.ui, self.snapshot or {}
        fill_agencies(ui.agencyCombo, self.ctx.agencies, snap.get("agency_code"),
                      self.tr("— choose —"))
        returned = next((e for e in reversed(snap.get("timeline") or ())
                         if e.get("kind") == OpKind.not_authority.value), None)
        suggested = ((returned or {}).get("data") or {}).get("suggested_agency_code")
        if returned is not None:
            text = self.tr("Returned by %1: “%2”").replace(
                "%1", returned.get("actor_name") or returned.get("actor") or "").replace(
                "%2", returned.get("note") or "")
            if suggested:
                text += " " + self.tr("Suggested agency: %1.").replace(
                    "%1", self.ctx.agency_name(suggested))
            ui.suggestionLabel.setText(text)
        ui.suggestionLabel.setVisible(returned is not None)
        select_data(ui.agencyCombo, suggested)
        self.resize(580, self.sizeHint().height())

    def fields(self) -> dict[str, QWidget]:
        return {"agency_code": self.ui.agencyCombo, "reason": self.ui.reasonEdit}

    def collect(self) -> list[Step]:
        agency = self.ui.agencyCombo.currentData()
        if not agency:
            raise Invalid({"agency_code": self.tr("Choose the agency to route the complaint to.")})
        payload: dict[str, Any] = {"agency_code": agency}
        reason = self.ui.reasonEdit.toPlainText().strip()
        if reason:
            payload["reason"] = reason
        return [self.step(self.kind, payload)]

    def state(self) -> dict[str, Any]:
        return {"reason": self.ui.reasonEdit.toPlainText(),
                "agency": self.ui.agencyCombo.currentData() or ""}

    def restore(self, state: dict[str, Any]) -> None:
        self.ui.reasonEdit.setPlainText(state.get("reason", ""))
        select_data(self.ui.agencyCombo, state.get("agency") or None)
