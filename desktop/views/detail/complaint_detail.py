"""The complaint detail: numbers, status and deadline, the officer's actions, content,
reporter (redacted for the officer's role), attachments, the full history and related
complaints with "Tandai duplikat".

Presents what it is handed (snapshots from the main window, related complaints and
thumbnails loaded through desktop.tasks); it never reads the store on the GUI thread.
Drop-in for the main window's DetailPane: ``show_complaint``, ``show_empty``,
``complaint_id`` and ``lang`` behave the same.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core import (
    Actor,
    DeadlinePolicy,
    OpKind,
    Regions,
    WorkingCalendar,
    can_see_reporter,
    deadline_info,
    mask_nik,
    redact_for,
    waits_on_reporter,
)
from core.clock import clock
from core.privacy import NIK_ROLES
from desktop import formatting
from desktop.views.detail.chain_tree import ChainTree
from desktop.views.detail.flow_layout import FlowLayout
from desktop.views.labels import (
    CHANNEL,
    CLASSIFICATION,
    EVENT,
    SIFAT,
    STATUS,
    snapshot_status_text,
)
from desktop.workflow import status_actions

EMPTY = "—"
THUMB = 96
OVERDUE, DUE_SOON, PAUSED, MUTED = "#9b1c1c", "#7a4b00", "#5f6b7a", "#5f6b7a"
CLOSE_DUE = "#1f4f8f"  # the reporter did not answer in time: close it (not late)


def _section(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight: bold; margin-top: 10px;")
    return label


def _value(parent: QWidget, *, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _wita_today() -> date:
    return clock().today()


class DeadlineSource:
    """Today, policy and calendar for deadline texts (the store's, set once it is open)."""

    def __init__(self) -> None:
        self.today: Callable[[], date] = _wita_today
        self.policy = DeadlinePolicy()
        self.calendar = WorkingCalendar()


class ComplaintDetail(QWidget):
    snapshot_shown = Signal(object)  # the snapshot now on screen (None: nothing)
    open_requested = Signal(str)  # complaint id: show this complaint
    duplicate_requested = Signal(str)  # related complaint id: mark the shown one its duplicate
    related_wanted = Signal(object)  # the snapshot whose related complaints should be loaded
    thumbnail_wanted = Signal(str, str)  # (sha256, path): load a preview
    file_wanted = Signal(str, str)  # (path, filename): open an attachment in its program

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintDetail")
        self.setMinimumWidth(260)
        self.lang = "id"
        self.actor: Actor | None = None
        self.deadlines = DeadlineSource()
        self.names: dict[str, dict[str, str]] = {"categories": {}, "units": {}, "agencies": {}}
        self.actions: dict[OpKind, Any] = {}
        self.more_menu: QMenu | None = None
        self._snapshot: dict[str, Any] | None = None
        self._raw: dict[str, Any] | None = None
        self._row: Any = None
        self._thumbs: dict[str, QLabel] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 4, 4)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.stack.addWidget(self.empty_label)
        self.page = QWidget(self)
        self.stack.addWidget(self.page)
        page = QVBoxLayout(self.page)
        page.setContentsMargins(0, 0, 0, 0)

        self.title_label = _value(self.page)
        self.title_label.setObjectName("titleLabel")
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        page.addWidget(self.title_label)
        self.numbers_label = _value(self.page, rich=True)
        self.numbers_label.setObjectName("numbersLabel")
        page.addWidget(self.numbers_label)
        self.status_label = _value(self.page, rich=True)
        self.status_label.setObjectName("statusLabel")
        page.addWidget(self.status_label)
        self.action_bar = QWidget(self.page)
        self.action_bar.setObjectName("actionBar")
        self.action_flow = FlowLayout(self.action_bar)
        page.addWidget(self.action_bar)

        self.scroll = QScrollArea(self.page)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page.addWidget(self.scroll, 1)
        body = QWidget(self.scroll)
        self.scroll.setWidget(body)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 8, 8)

        self.body.addWidget(_section(self.tr("Details"), body))
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body.addLayout(self.facts)
        self.fact_values: dict[str, QLabel] = {}
        for key, caption in (
            ("received", self.tr("Received")), ("incident", self.tr("Incident date")),
            ("classification", self.tr("Classification")), ("category", self.tr("Category")),
            ("channel", self.tr("Channel")), ("sifat", self.tr("Nature")),
            ("region", self.tr("Region")), ("location", self.tr("Location")),
            ("agency", self.tr("Agency")), ("units", self.tr("Units")),
            ("instructions", self.tr("Instructions")), ("tags", self.tr("Tags")),
        ):
            value = _value(body)
            value.setObjectName(f"{key}Value")
            self.facts.addRow(caption, value)
            self.fact_values[key] = value

        self.body.addWidget(_section(self.tr("Content"), body))
        self.content_label = _value(body)
        self.content_label.setObjectName("contentValue")
        self.body.addWidget(self.content_label)

        self.body.addWidget(_section(self.tr("Reporter"), body))
        self.reporter_form = QFormLayout()
        self.reporter_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.body.addLayout(self.reporter_form)
        self.reporter_values: dict[str, QLabel] = {}
        for key, caption in (("name", self.tr("Name")), ("nik", self.tr("NIK")),
                             ("phone", self.tr("Phone")), ("email", self.tr("Email")),
                             ("address", self.tr("Address"))):
            value = _value(body)
            value.setObjectName(f"reporter_{key}Value")
            self.reporter_form.addRow(caption, value)
            self.reporter_values[key] = value

        self.attachments_heading = _section(self.tr("Attachments"), body)
        self.body.addWidget(self.attachments_heading)
        self.attachments_box = QWidget(body)
        self.attachments_box.setObjectName("attachmentsBox")
        self.attachments_layout = QVBoxLayout(self.attachments_box)
        self.attachments_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.attachments_box)

        self.chain_heading = _section(self.tr("Disposition chain"), body)
        self.body.addWidget(self.chain_heading)
        self.chain_tree = ChainTree(body)
        self.body.addWidget(self.chain_tree)

        self.body.addWidget(_section(self.tr("History"), body))
        self.timeline_label = _value(body, rich=True)
        self.timeline_label.setObjectName("timelineValue")
        self.body.addWidget(self.timeline_label)

        self.body.addWidget(_section(self.tr("Related complaints"), body))
        self.related_box = QWidget(body)
        self.related_box.setObjectName("relatedBox")
        self.related_layout = QVBoxLayout(self.related_box)
        self.related_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.related_box)
        self.body.addStretch(1)
        # The basic DetailPane's widget names, for code written against it.
        self.ui = SimpleNamespace(
            stack=self.stack, emptyPage=self.empty_label, emptyLabel=self.empty_label,
            detailPage=self.page, titleLabel=self.title_label, statusValue=self.status_label,
            contentValue=self.content_label, timelineValue=self.timeline_label,
            scroll=self.scroll, **{f"reporter{k.capitalize()}Value": v
                                   for k, v in self.reporter_values.items()})
        self.show_empty()

    # --- the DetailPane interface -------------------------------------------------------
    @property
    def complaint_id(self) -> str | None:
        return (self._snapshot or {}).get("id")

    @property
    def snapshot(self) -> dict[str, Any] | None:
        return self._snapshot

    def show_empty(self, message: str | None = None) -> None:
        self._snapshot = self._raw = None
        self.empty_label.setText(message or self.tr("Select a complaint to see its details."))
        self.stack.setCurrentWidget(self.empty_label)
        self.snapshot_shown.emit(None)

    def show_complaint(self, snapshot: dict[str, Any], row: Any = None) -> None:
        """Show ``snapshot``, redacted for the officer (``row``: its QueueRow, optional)."""
        same = self.complaint_id == snapshot.get("id")
        self._raw, self._row = snapshot, row
        self._snapshot = redact_for(snapshot, self.actor) if self.actor else snapshot
        self._render(keep_scroll=same)
        self.stack.setCurrentWidget(self.page)
        self.snapshot_shown.emit(self._snapshot)
        self.related_wanted.emit(self._snapshot)

    def set_actor(self, actor: Actor | None) -> None:
        self.actor = actor
        self.redraw()

    def redraw(self) -> None:
        """Show the complaint on screen again (new names, a new actor): same data."""
        if self._raw is not None:
            self.show_complaint(self._raw, self._row)

    def set_actions(self, actions: Mapping[OpKind, Any], more: QMenu | None = None) -> None:
        """The controller's QActions: the ones that move this status on get a button."""
        self.actions = dict(actions)
        self.more_menu = more
        if self._snapshot is not None:
            self._render_actions()

    # --- rendering ----------------------------------------------------------------------
    def _render(self, *, keep_scroll: bool = False) -> None:
        snap, lang = self._snapshot or {}, self.lang
        self.title_label.setText(snap.get("title") or EMPTY)
        self.numbers_label.setText(self._numbers(snap))
        self.status_label.setText(self._status(snap))
        self._render_actions()
        v = self.fact_values
        v["received"].setText(formatting.datetime_long(snap.get("received_at"), lang) or EMPTY)
        v["incident"].setText(formatting.date_long(snap.get("incident_date"), lang) or EMPTY)
        v["classification"].setText(CLASSIFICATION.text(snap.get("classification")) or EMPTY)
        v["category"].setText(self._name("categories", snap.get("category_id"),
                                          getattr(self._row, "category_name", None)))
        v["channel"].setText(CHANNEL.text(snap.get("channel")) or EMPTY)
        v["sifat"].setText(SIFAT.text(snap.get("sifat")) or EMPTY)
        v["region"].setText(self._region(snap))
        v["location"].setText(snap.get("location_text") or EMPTY)
        v["agency"].setText(self._name("agencies", snap.get("agency_code")))
        v["units"].setText(", ".join(self._name("units", f"{snap.get('agency_code')}/{u}",
                                                  u) for u in snap.get("unit_codes") or ())
                           or EMPTY)
        disposition = snap.get("disposition") or {}
        v["instructions"].setText("\n".join(f"• {i}" for i in disposition.get(
            "instructions") or ()) or EMPTY)
        v["tags"].setText(", ".join(snap.get("tags") or ()) or EMPTY)
        self.content_label.setText(snap.get("content") or EMPTY)
        self._render_reporter(snap)
        self._render_attachments(snap)
        self.timeline_label.setText(self._timeline(snap.get("timeline") or []))
        self.chain_tree.lang = lang
        has_chain = self.chain_tree.show_chain(snap)
        self.chain_heading.setVisible(has_chain)
        self.chain_tree.setVisible(has_chain)
        self.show_related(None)
        if not keep_scroll:
            self.scroll.verticalScrollBar().setValue(0)

    def _numbers(self, snap: Mapping[str, Any]) -> str:
        parts = []
        if snap.get("tracking_number") is not None:
            parts.append(self.tr("Tracking no. %1").replace("%1", f"#{snap['tracking_number']}"))
        if snap.get("provisional_number"):
            parts.append(self.tr("Provisional no. %1").replace(
                "%1", str(snap["provisional_number"])))
        if snap.get("tracking_number") is None:
            parts.append(self.tr("tracking number follows at the next sync"))
        text = html.escape(" · ".join(parts))
        pills = []
        if snap.get("confidential"):
            pills.append(_pill(self.tr("Confidential"), "#7b1fa2"))
        if snap.get("anonymous"):
            pills.append(_pill(self.tr("Anonymous"), "#455a64"))
        if snap.get("duplicate_of"):
            pills.append(_pill(self.tr("Duplicate"), "#8d6e63"))
        return text + ("<br/>" + " &nbsp;".join(pills) if pills else "")

    def _status(self, snap: Mapping[str, Any]) -> str:
        status = html.escape(snapshot_status_text(snap))
        d = self.deadlines
        info = deadline_info(snap, d.today(), d.policy, d.calendar)
        if info.paused:
            when = formatting.date_long(info.due, self.lang) if info.due else ""
            text = self.tr("On hold: the deadline is paused")
            if when:
                text += " " + self.tr("(would be %1 if resumed today)").replace("%1", when)
            colour = PAUSED
        elif info.due is None:
            return f"<b>{status}</b>"
        elif info.close_due:
            when = formatting.date_long(info.due, self.lang, weekday=True)
            text = self.tr("The reporter did not reply by %1 — close the complaint").replace(
                "%1", when)
            colour = CLOSE_DUE
        elif waits_on_reporter(snap.get("status")):
            when = formatting.date_long(info.due, self.lang, weekday=True)
            left = (self.tr("today is the last day") if info.days_left == 0 else
                    self.tr("%1 working days left").replace("%1", str(info.days_left)))
            text = self.tr("Waiting for the reporter's reply until %1 · %2").replace(
                "%1", when).replace("%2", left)
            colour = MUTED
        else:
            when = formatting.date_long(info.due, self.lang, weekday=True)
            if info.overdue:
                late = max(1, -(info.days_left or 0))
                left = self.tr("%1 working days overdue").replace("%1", str(late))
                colour = OVERDUE
            elif info.days_left == 0:
                left, colour = self.tr("due today"), DUE_SOON
            else:
                left = self.tr("%1 working days left").replace("%1", str(info.days_left))
                colour = DUE_SOON if info.due_soon else MUTED
            text = self.tr("Deadline %1 · %2").replace("%1", when).replace("%2", left)
        weight = "bold" if colour in (OVERDUE, DUE_SOON, CLOSE_DUE) else "normal"
        return (f"<b>{status}</b><br/><span style='color:{colour}; font-weight:{weight}'>"
                f"{html.escape(text)}</span>")

    def _render_actions(self) -> None:
        while self.action_flow.count():
            item = self.action_flow.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        snap = self._snapshot or {}
        for kind in status_actions(snap.get("status")):
            action = self.actions.get(kind)
            if action is None:
                continue
            button = QToolButton(self.action_bar)
            button.setObjectName(f"button_{kind.value}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setText(action.text().rstrip("…"))
            self.action_flow.addWidget(button)
        if self.more_menu is not None:
            more = QPushButton(self.tr("More actions"), self.action_bar)
            more.setObjectName("button_more")
            more.setMenu(self.more_menu)  # a push button leaves room for the menu arrow
            self.action_flow.addWidget(more)
        self.action_bar.setVisible(self.action_flow.count() > 0)

    def _name(self, table: str, code: str | None, fallback: str | None = None) -> str:
        if not code:
            return EMPTY
        return self.names[table].get(code) or fallback or code.rpartition("/")[2]

    def _unit_name(self, code: str) -> str:
        """A unit's name: of the shown complaint's agency, else the one agency that has a
        unit with this code (a timeline may predate a reroute), else the code."""
        agency = (self._snapshot or {}).get("agency_code")
        units = self.names["units"]
        name = units.get(f"{agency}/{code}")
        if name:
            return name
        others = {n for key, n in units.items() if key.rpartition("/")[2] == code}
        return others.pop() if len(others) == 1 else code

    def _region(self, snap: Mapping[str, Any]) -> str:
        if getattr(self._row, "region_name", None):
            return self._row.region_name
        code = snap.get("region_code")
        if not code:
            return EMPTY
        regions, parts = Regions.load(), code.split(".")
        names = [regions.name(".".join(parts[:n])) for n in (4, 3, 2) if len(parts) >= n]
        return ", ".join(n for n in names if n) or code

    def _render_reporter(self, snap: Mapping[str, Any]) -> None:
        """Anonymous or redacted: "Anonim" only, so no identity leaks through this pane.
        The NIK shows its last four digits unless the role may see it (redact_for)."""
        reporter = snap.get("reporter")
        hidden = not reporter or self.actor is None or not can_see_reporter(snap, self.actor)
        values = self.reporter_values
        values["name"].setText(self.tr("Anonymous") if hidden
                               else (reporter or {}).get("name") or EMPTY)
        for key in ("nik", "phone", "email", "address"):
            text = "" if hidden else str((reporter or {}).get(key) or "")
            if key == "nik" and text and (self.actor is None
                                          or self.actor.role not in NIK_ROLES):
                text = mask_nik(text) or ""
            values[key].setText(text)
            self.reporter_form.setRowVisible(values[key], bool(text))

    def _render_attachments(self, snap: Mapping[str, Any]) -> None:
        layout = self.attachments_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._thumbs.clear()
        items = snap.get("attachments") or []
        self.attachments_heading.setVisible(bool(items))
        self.attachments_box.setVisible(bool(items))
        for att in items:
            row = QWidget(self.attachments_box)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            mime, path = att.get("mime") or "", att.get("cached_path")
            if mime.startswith("image/") and path:
                thumb = QLabel(row)
                thumb.setFixedSize(QSize(THUMB, THUMB))
                thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
                thumb.setStyleSheet("border: 1px solid palette(mid);")
                thumb.setText("…")
                line.addWidget(thumb)
                self._thumbs[att["sha256"]] = thumb
                self.thumbnail_wanted.emit(att["sha256"], path)
            size = formatting.number(max(1, int(att.get("size") or 0) // 1024), lang=self.lang)
            label = _value(row)
            label.setText(f"{att.get('filename') or att['sha256'][:12]} ({size} KB)")
            line.addWidget(label, 1)
            button = QPushButton(self.tr("Open") if path else self.tr("Not downloaded"), row)
            button.setEnabled(bool(path))
            if not path:
                button.setToolTip(self.tr("The file arrives with the next sync."))
            else:
                button.clicked.connect(partial(self.file_wanted.emit, path,
                                               att.get("filename") or att["sha256"][:12]))
            line.addWidget(button)
            layout.addWidget(row)

    def set_thumbnail(self, sha256: str, image: QImage | None) -> None:
        label = self._thumbs.get(sha256)
        if label is None:
            return
        if image is None or image.isNull():
            label.setText(self.tr("No preview"))
        else:
            label.setPixmap(QPixmap.fromImage(image))

    @staticmethod
    def open_file(path: str | Path) -> None:
        """Hand a (plain, viewable) file to the program the system opens it with."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path))))

    def _timeline(self, events: list[dict[str, Any]]) -> str:
        if not events:
            return html.escape(self.tr("No history yet."))
        blocks = []
        for event in reversed(events):  # newest first
            when = formatting.datetime_short(event.get("at"), self.lang)
            what = EVENT.text(event.get("kind"))
            who = event.get("actor_name") or event.get("actor") or ""
            if event.get("actor_name") and event.get("actor"):
                who = f"{event['actor_name']} ({event['actor']})"
            moved = ""
            if event.get("to_status") and event.get("to_status") != event.get("from_status"):
                moved = "→ " + STATUS.text(event["to_status"])
            meta = " · ".join(p for p in (who, moved) if p)
            block = f"<b>{html.escape(when)}</b> &nbsp;{html.escape(what)}"
            if meta:
                block += f"<br/><span style='color:{MUTED}'>{html.escape(meta)}</span>"
            details = self._event_details(event)
            if details:
                block += f"<br/><span style='color:{MUTED}'>{html.escape(details)}</span>"
            if event.get("note"):
                block += "<br/>" + html.escape(str(event["note"])).replace("\n", "<br/>")
            blocks.append(f"<p style='margin-top:0; margin-bottom:8px'>{block}</p>")
        return "".join(blocks)

    def _event_details(self, event: Mapping[str, Any]) -> str:
        data = event.get("data") or {}
        parts = []
        if data.get("unit_codes"):
            parts.append(self.tr("to %1").replace("%1", ", ".join(
                self._unit_name(code) for code in data["unit_codes"])))
        if data.get("sifat") and event.get("kind") == "dispose":
            parts.append(SIFAT.text(data["sifat"]))
        if data.get("due_date"):
            parts.append(self.tr("deadline %1").replace(
                "%1", formatting.date_short(data["due_date"], self.lang)))
        if data.get("instructions"):
            parts.append("; ".join(data["instructions"]))
        if data.get("visibility") == "internal":
            parts.append(self.tr("internal"))
        elif data.get("visibility") == "reporter":
            parts.append(self.tr("to the reporter"))
        if data.get("to_agency"):
            parts.append(self.tr("to %1").replace(
                "%1", self._name("agencies", data["to_agency"])))
        if data.get("suggested_agency_code"):
            parts.append(self.tr("suggested: %1").replace(
                "%1", self._name("agencies", data["suggested_agency_code"])))
        if "duplicate_of" in data and data["duplicate_of"]:
            parts.append(self.tr("duplicate of another complaint"))
        if data.get("filename"):
            parts.append(str(data["filename"]))
        return " · ".join(parts)

    # --- related complaints -------------------------------------------------------------
    def show_related(self, related: list[Any] | None) -> None:
        """``None``: still loading."""
        layout = self.related_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if related is None or not related:
            text = self.tr("Looking…") if related is None else self.tr("None found.")
            label = QLabel(text, self.related_box)
            label.setStyleSheet(f"color: {MUTED};")
            layout.addWidget(label)
            return
        reasons = {"duplicate": self.tr("linked duplicate"), "nik": self.tr("same NIK"),
                   "phone": self.tr("same phone"), "title": self.tr("similar title")}
        snap = self._snapshot or {}
        may_mark = (OpKind.mark_duplicate in self.actions
                    and self.actions[OpKind.mark_duplicate].isEnabled())
        for item in related:
            row = QWidget(self.related_box)
            row.setObjectName(f"related_{item.id}")
            line = QVBoxLayout(row)
            line.setContentsMargins(0, 2, 0, 2)
            label = _value(row)
            why = ", ".join(reasons.get(r, r) for r in item.reasons)
            label.setText(f"{item.number} · {item.title}\n{STATUS.text(item.status)} · {why}")
            line.addWidget(label)
            buttons_box = QWidget(row)  # the two buttons wrap in a narrow pane (125 %)
            buttons = FlowLayout(buttons_box)
            open_button = QPushButton(self.tr("Open"), buttons_box)
            open_button.setObjectName("openRelated")
            open_button.clicked.connect(partial(self.open_requested.emit, item.id))
            buttons.addWidget(open_button)
            linked = snap.get("duplicate_of") in (item.id, str(item.tracking_number))
            mark = QPushButton(self.tr("Marked duplicate") if linked
                               else self.tr("Mark as duplicate of this"), buttons_box)
            mark.setObjectName("markDuplicate")
            mark.setEnabled(may_mark and not linked)
            if not may_mark and OpKind.mark_duplicate in self.actions:
                mark.setToolTip(self.actions[OpKind.mark_duplicate].toolTip())
            mark.clicked.connect(partial(self.duplicate_requested.emit, item.id))
            buttons.addWidget(mark)
            line.addWidget(buttons_box)
            layout.addWidget(row)


def load_thumbnail(path: str, size: int = THUMB,
                   read: Callable[[Path], bytes] | None = None) -> QImage | None:
    """Worker thread: a scaled preview (QImage is safe off the GUI thread; QPixmap is not).
    ``read`` gives the file's plain bytes (the store's ``files.read_file``: sealed files)."""
    image = QImage.fromData(read(Path(path))) if read is not None else QImage(path)
    if image.isNull():
        return None
    return image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def _pill(text: str, colour: str) -> str:
    return (f"<span style='background-color:{colour}; color:white; font-weight:bold'>"
            f"&nbsp;{html.escape(text)}&nbsp;</span>")
