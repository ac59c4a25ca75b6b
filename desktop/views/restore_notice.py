"""Telling the officer that the central server was restored from a backup.

The sync round has already re-sent everything this desk had confirmed (desktop.sync.local,
``reset_reason == "restored"``); the officer learns that it happened, how much went out
again, and which complaints came back under another tracking number (their citizens hold
receipts with the old one). Non-modal: the desk keeps working.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


def restore_message(report: Any) -> str | None:
    """The notice for a sync report, or None when the server was not restored."""
    if getattr(report, "reset_reason", None) != "restored":
        return None
    count = f"{report.resent:,}".replace(",", ".")  # Indonesian thousands separator
    lines = [translate("RestoreNotice",
                       "The central server was restored from a backup. This desk sent again "
                       "%1 actions the server had already confirmed, so that nothing is "
                       "lost.").replace("%1", count)]
    renumbered = list(getattr(report, "renumbered", ()) or ())
    if renumbered:
        lines.append(translate("RestoreNotice",
                               "These complaints got a new tracking number because the old "
                               "one could not be given back; tell the reporters:"))
        lines.extend(f"  {old} → {new}" for old, new in renumbered)
    else:
        lines.append(translate("RestoreNotice", "Every complaint kept its tracking number."))
    return "\n".join(lines)


def show_restore_notice(parent: QWidget, report: Any) -> QMessageBox | None:
    text = restore_message(report)
    if text is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Information,
                      translate("RestoreNotice", "Server restored"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("restoreNotice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
