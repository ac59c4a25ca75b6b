"""Names and keyboard shortcuts of the officer's actions (one place, shown in the menus)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core import OpKind
from desktop.views.labels import EVENT

# Ctrl+Shift+letter: never a text-editing key, so the shortcuts work from any field.
SHORTCUTS: dict[OpKind, str] = {
    OpKind.verify: "Ctrl+Shift+V",
    OpKind.dispose: "Ctrl+Shift+D",
    OpKind.follow_up: "Ctrl+Shift+T",
    OpKind.request_clarification: "Ctrl+Shift+K",
    OpKind.hold: "Ctrl+Shift+U",
    OpKind.resume: "Ctrl+Shift+L",
    OpKind.not_authority: "Ctrl+Shift+W",
    OpKind.reroute: "Ctrl+Shift+I",
    OpKind.close: "Ctrl+Shift+S",
    OpKind.archive: "Ctrl+Shift+A",
    OpKind.reopen: "Ctrl+Shift+B",
    OpKind.mark_duplicate: "Ctrl+Shift+G",
    OpKind.privacy_flags: "Ctrl+Shift+R",
    OpKind.note: "Ctrl+Shift+N",
}
NEXT_SHORTCUT, PREVIOUS_SHORTCUT = "Ctrl+PgDown", "Ctrl+PgUp"
BULK_DISPOSE_SHORTCUT = "Ctrl+Shift+M"

# What each action does, for the status bar and the tooltip of an enabled action.
PURPOSES: dict[OpKind, str] = {
    OpKind.verify: QT_TRANSLATE_NOOP(
        "Actions", "Check the report and set its classification, category and privacy"),
    OpKind.dispose: QT_TRANSLATE_NOOP(
        "Actions", "Forward the complaint to one or more units with instructions and a deadline"),
    OpKind.follow_up: QT_TRANSLATE_NOOP(
        "Actions", "Post a follow-up: a reply to the reporter or an internal note"),
    OpKind.request_clarification: QT_TRANSLATE_NOOP(
        "Actions", "Ask the reporter for more information and wait for the answer"),
    OpKind.hold: QT_TRANSLATE_NOOP("Actions", "Put the complaint on hold; the deadline pauses"),
    OpKind.resume: QT_TRANSLATE_NOOP("Actions", "Continue a complaint that is on hold"),
    OpKind.not_authority: QT_TRANSLATE_NOOP(
        "Actions", "Not this agency's authority: return it to the central admin or route it on"),
    OpKind.reroute: QT_TRANSLATE_NOOP("Actions", "Route the complaint to another agency"),
    OpKind.close: QT_TRANSLATE_NOOP("Actions", "Mark the complaint as completed"),
    OpKind.archive: QT_TRANSLATE_NOOP("Actions", "Move the complaint to the archive"),
    OpKind.reopen: QT_TRANSLATE_NOOP(
        "Actions", "Reopen a completed or archived complaint and dispose it again"),
    OpKind.mark_duplicate: QT_TRANSLATE_NOOP(
        "Actions", "Link this complaint to the complaint it duplicates"),
    OpKind.privacy_flags: QT_TRANSLATE_NOOP(
        "Actions", "Change the Confidential and Anonymous flags"),
    OpKind.note: QT_TRANSLATE_NOOP("Actions", "Add an internal note to the history"),
}


def action_text(kind: OpKind) -> str:
    """The action's name in the UI language (the domain's KIND_LABELS in Indonesian)."""
    return EVENT.text(kind.value)


def purpose_text(kind: OpKind) -> str:
    return QCoreApplication.translate("Actions", PURPOSES[kind])
