"""Anonim is a one-way door for agencies (core/operations.py ``_lift_anonymity``):
the Anonim box of an anonymous complaint stays ticked and locked for every role but
admin_pusat, who may untick it with a written reason in the note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox

from core import Role


def lock_anonymity(snapshot: dict[str, Any] | None, actor: Any, box: QCheckBox) -> None:
    if not (snapshot or {}).get("anonymous"):
        return
    if getattr(actor, "role", None) is Role.admin_pusat:
        box.setToolTip(QCoreApplication.translate(
            "AnonymityLock", "Unticking reveals the reporter to the agency. Write the reason "
            "in the note: it is kept in the audit trail."))
        return
    box.setChecked(True)
    box.setEnabled(False)
    box.setToolTip(QCoreApplication.translate(
        "AnonymityLock", "An anonymous reporter stays anonymous: only the central admin "
        "(Admin Pusat) can reveal them, with a written reason."))
