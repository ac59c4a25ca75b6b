"""The right-hand pane: one complaint's fields, reporter and timeline (read-only).

It only presents a snapshot dict handed to it (loaded by the main window through
desktop.tasks); it never reads the store itself.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop import formatting
from desktop.forms.ui_detail_pane import Ui_DetailPane
from desktop.views.labels import CHANNEL, CLASSIFICATION, EVENT, SIFAT, STATUS, status_text
from desktop.views.queue_model import time_left_text

EMPTY = "—"


class DetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DetailPane()
        self.ui.setupUi(self)
        self.lang = "id"
        self._complaint_id: str | None = None
        labels = self.findChildren(QLabel)
        for value in labels:
            if value.objectName().endswith("Value") or value is self.ui.titleLabel:
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # The complaint and reporter forms are separate layouts: line their values up.
        captions = [w for w in labels if w.objectName().endswith("Caption")]
        width = max(c.sizeHint().width() for c in captions)
        for caption in captions:
            caption.setMinimumWidth(width)
        self.show_empty()

    @property
    def complaint_id(self) -> str | None:
        return self._complaint_id

    def show_empty(self, message: str | None = None) -> None:
        self._complaint_id = None
        self.ui.emptyLabel.setText(message or self.tr("Select a complaint to see its details."))
        self.ui.stack.setCurrentWidget(self.ui.emptyPage)

    def show_complaint(self, snapshot: dict[str, Any], row: Any = None) -> None:
        """Show ``snapshot`` (the store's complaint dict); ``row`` is its QueueRow, which
        carries the display names of its category, region and units."""
        ui, lang = self.ui, self.lang
        self._complaint_id = snapshot.get("id")
        ui.titleLabel.setText(snapshot.get("title") or EMPTY)
        ui.badgeLabel.setText(self._badges(snapshot))

        status = status_text(snapshot.get("status"), getattr(row, "status_label", None),
                             verified=bool(snapshot.get("verified_at")))
        ui.statusValue.setText(status or EMPTY)
        ui.deadlineValue.setText(self._deadline(snapshot, row))
        ui.receivedValue.setText(formatting.datetime_long(snapshot.get("received_at"), lang)
                                 or EMPTY)
        ui.incidentValue.setText(formatting.date_long(snapshot.get("incident_date"), lang)
                                 or EMPTY)
        ui.classificationValue.setText(CLASSIFICATION.text(snapshot.get("classification"))
                                       or EMPTY)
        ui.categoryValue.setText(getattr(row, "category_name", None)
                                 or snapshot.get("category_id") or EMPTY)
        ui.channelValue.setText(CHANNEL.text(snapshot.get("channel")) or EMPTY)
        ui.sifatValue.setText(SIFAT.text(snapshot.get("sifat")) or EMPTY)
        ui.regionValue.setText(getattr(row, "region_name", None)
                               or snapshot.get("region_code") or EMPTY)
        ui.locationValue.setText(snapshot.get("location_text") or EMPTY)
        ui.agencyValue.setText(snapshot.get("agency_code") or EMPTY)
        ui.unitsValue.setText(getattr(row, "unit_names", None)
                              or ", ".join(snapshot.get("unit_codes") or ()) or EMPTY)
        self._show_reporter(snapshot)
        ui.contentValue.setText(snapshot.get("content") or EMPTY)
        ui.timelineValue.setText(self._timeline(snapshot.get("timeline") or []))
        ui.scroll.verticalScrollBar().setValue(0)
        ui.stack.setCurrentWidget(ui.detailPage)

    # -- pieces ---------------------------------------------------------------------------
    def _badges(self, snapshot: dict[str, Any]) -> str:
        parts = []
        if snapshot.get("tracking_number") is not None:
            parts.append(self.tr("No. %1").replace("%1", str(snapshot["tracking_number"])))
        elif snapshot.get("provisional_number"):
            parts.append(self.tr("Provisional no. %1").replace(
                "%1", str(snapshot["provisional_number"])))
        parts = [html.escape(p) for p in parts]
        if snapshot.get("confidential"):
            parts.append(_pill(self.tr("Confidential"), "#7b1fa2"))
        if snapshot.get("anonymous"):
            parts.append(_pill(self.tr("Anonymous"), "#455a64"))
        return " &nbsp; ".join(parts)

    def _deadline(self, snapshot: dict[str, Any], row: Any) -> str:
        due = snapshot.get("due_date")
        if row is not None and (row.paused or row.days_left is not None):
            left = time_left_text(row)
            if due:
                return f"{formatting.date_long(due, self.lang)} ({left})"
            return left
        return formatting.date_long(due, self.lang) if due else EMPTY

    def _show_reporter(self, snapshot: dict[str, Any]) -> None:
        """Anonymous or redacted: only "Anonim", whatever else the snapshot carries, so an
        identity can never leak through this pane."""
        ui = self.ui
        reporter = snapshot.get("reporter")
        hidden = bool(snapshot.get("anonymous")) or not reporter
        ui.reporterNameValue.setText(self.tr("Anonymous") if hidden
                                     else reporter.get("name") or EMPTY)
        fields = (("nik", ui.reporterNikCaption, ui.reporterNikValue),
                  ("phone", ui.reporterPhoneCaption, ui.reporterPhoneValue),
                  ("email", ui.reporterEmailCaption, ui.reporterEmailValue),
                  ("address", ui.reporterAddressCaption, ui.reporterAddressValue))
        for key, caption, widget in fields:
            value = "" if hidden else (reporter.get(key) or "")
            widget.setText(value)
            caption.setVisible(bool(value))
            widget.setVisible(bool(value))

    def _timeline(self, events: list[dict[str, Any]]) -> str:
        if not events:
            return html.escape(self.tr("No history yet."))
        blocks = []
        for event in reversed(events):  # newest first: what happened last matters most
            when = formatting.datetime_short(event.get("at"), self.lang)
            what = EVENT.text(event.get("kind"))
            who = event.get("actor_name") or event.get("actor") or ""
            moved = ""
            if event.get("to_status") and event.get("to_status") != event.get("from_status"):
                moved = STATUS.text(event["to_status"])
            meta = " · ".join(p for p in (who, moved) if p)
            block = f"<b>{html.escape(when)}</b> &nbsp;{html.escape(what)}"
            if meta:
                block += f"<br/><span style='color:#5f6b7a'>{html.escape(meta)}</span>"
            if event.get("note"):
                note = html.escape(str(event["note"])).replace("\n", "<br/>")
                block += f"<br/>{note}"
            blocks.append(f"<p style='margin-top:0; margin-bottom:8px'>{block}</p>")
        return "".join(blocks)


def load_complaint(service: Any, complaint_id: str) -> dict[str, Any] | None:
    """DB thread: the snapshot as the signed-in officer may see it.

    The store keeps the full record; what reaches the screen goes through the domain's
    ``redact_for``. With nobody signed in, the desk shows what the least-privileged role
    (petugas unit) may see: no anonymous identity, NIK masked.
    """
    # Imported here, on the DB thread (the store has loaded the domain already), to keep
    # the domain out of the GUI thread's start-up.
    from core.enums import Role
    from core.errors import DomainError
    from core.privacy import redact_for
    from core.workflow import coerce_role

    snapshot = service.complaint(complaint_id)
    if snapshot is None:
        return None
    actor = service.get_sync_state("actor") or {}
    try:
        role = coerce_role(actor.get("role") or Role.petugas_unit)
    except DomainError:
        role = Role.petugas_unit
    return redact_for(snapshot, role)


def _pill(text: str, colour: str) -> str:
    return (f"<span style='background-color:{colour}; color:white; font-weight:bold'>"
            f"&nbsp;{html.escape(text)}&nbsp;</span>")
