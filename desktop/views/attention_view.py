"""Perlu Perhatian: actions the server rejected, each beside the server's current state.

Left, the list of conflicts. Right, for the one chosen: what the officer meant to do (the
action, its details with names rather than codes, when) beside what the server has now
(status, how many changes others made since, the latest events and who made them) and the
server's reason. The choices:
"Terapkan lagi" (the same action again, as a new op on top of the current state),
"Ubah…" (edit the details first) and "Buang" (after a confirmation; audited).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import op_time, short_time
from desktop.views import labels
from desktop.views.outbox_view import complaint_label

OP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LONG_TEXT_KEYS = {"text", "note", "reason", "content"}
# Payload keys as the officer knows them (others show their code).
FIELD_LABELS = {
    "unit_codes": QT_TRANSLATE_NOOP("AttentionView", "Units"),
    "sifat": QT_TRANSLATE_NOOP("AttentionView", "Urgency"),
    "note": QT_TRANSLATE_NOOP("AttentionView", "Note"),
    "text": QT_TRANSLATE_NOOP("AttentionView", "Text"),
    "reason": QT_TRANSLATE_NOOP("AttentionView", "Reason"),
    "instructions": QT_TRANSLATE_NOOP("AttentionView", "Instructions"),
    "due_date": QT_TRANSLATE_NOOP("AttentionView", "Deadline"),
    "title": QT_TRANSLATE_NOOP("AttentionView", "Title"),
    "agency_code": QT_TRANSLATE_NOOP("AttentionView", "Agency"),
    "tags": QT_TRANSLATE_NOOP("AttentionView", "Tags"),
    "visibility": QT_TRANSLATE_NOOP("AttentionView", "Visibility"),
    "anonymous": QT_TRANSLATE_NOOP("AttentionView", "Anonymous"),
    "confidential": QT_TRANSLATE_NOOP("AttentionView", "Confidential"),
    "filename": QT_TRANSLATE_NOOP("AttentionView", "File"),
}


def field_label(key: str) -> str:
    source = FIELD_LABELS.get(key)
    return QCoreApplication.translate("AttentionView", source) if source else key
RECENT_EVENTS = 3
AGENCY_KEYS = {"agency_code", "to_agency", "suggested_agency_code"}


def _unit_name(code: str, units: dict[str, str], agency: str | None) -> str:
    """``units``: "AGENCY/CODE" -> name. The complaint's agency first, else the one agency
    with a unit of this code, else the code."""
    name = units.get(f"{agency}/{code}")
    if name:
        return name
    others = {n for key, n in units.items() if key.rpartition("/")[2] == code}
    return others.pop() if len(others) == 1 else code


def _value_text(value: Any, key: str = "", names: dict[str, dict[str, str]] | None = None,
                agency: str | None = None) -> str:
    """A payload value as the officer reads it: names for unit and agency codes, labels for
    codes with one (sifat); other values as they are."""
    names = names or {}
    if key == "unit_codes" and isinstance(value, list | tuple):
        return ", ".join(_unit_name(str(v), names.get("units") or {}, agency) for v in value)
    if key in AGENCY_KEYS and isinstance(value, str):
        return (names.get("agencies") or {}).get(value) or value
    if key == "sifat" and isinstance(value, str):
        return labels.SIFAT.text(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v not in (None, ""))
    return str(value)


class PayloadEditor(QDialog):
    """"Ubah…": the rejected action's details as a form; ``payload()`` gives them back."""

    def __init__(self, kind: str, payload: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit action: %1").replace("%1", labels.EVENT.text(kind)))
        self.original = dict(payload)
        self.fields: dict[str, Any] = {}
        form = QFormLayout()
        for key, value in payload.items():
            if isinstance(value, bool):
                widget: Any = QCheckBox(self)
                widget.setChecked(value)
            elif isinstance(value, int):
                widget = QSpinBox(self)
                widget.setRange(-2**31, 2**31 - 1)
                widget.setValue(value)
            elif isinstance(value, str) and (key in LONG_TEXT_KEYS or len(value) > 80):
                widget = QPlainTextEdit(value, self)
                widget.setMinimumHeight(80)
            elif isinstance(value, str) or value is None:
                widget = QLineEdit(value or "", self)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                widget = QLineEdit(", ".join(value), self)
                widget.setToolTip(self.tr("Separate items with commas"))
            else:
                widget = QLabel(_value_text(value, key), self)  # shown, kept as it was
            widget.setObjectName(f"field_{key}")
            self.fields[key] = widget
            form.addRow(field_label(key), widget)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Apply again"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def payload(self) -> dict[str, Any]:
        out = dict(self.original)
        for key, widget in self.fields.items():
            old = self.original[key]
            if isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if isinstance(old, list):
                    out[key] = [p.strip() for p in text.split(",") if p.strip()]
                else:
                    out[key] = text or (None if old is None else "")
        return out


class AttentionView(QWidget):
    """The Perlu Perhatian page. ``controller`` is the SyncController."""

    def __init__(self, controller: Any, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.items: list[dict[str, Any]] = []
        self.names: dict[str, dict[str, str]] = {}  # units ("AGENCY/CODE") and agencies
        self._generation = 0

        heading = QLabel(self.tr("Needs Attention"), self)
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.currentItemChanged.connect(self._current_changed)

        self.mine_box = QGroupBox(self.tr("What you meant to do"), self)
        self.mine = QLabel(self.mine_box)
        self.theirs_box = QGroupBox(self.tr("The server now"), self)
        self.theirs = QLabel(self.theirs_box)
        for box, label in ((self.mine_box, self.mine), (self.theirs_box, self.theirs)):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner = QVBoxLayout(box)
            inner.addWidget(label)
            inner.addStretch(1)
        self.reason = QLabel(self)
        self.reason.setObjectName("conflictReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b3261e;")

        self.again_button = QPushButton(self.tr("Apply again"), self)
        self.again_button.setObjectName("applyAgainButton")
        self.again_button.setToolTip(self.tr(
            "Do the same action again on top of the server's current state"))
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editButton")
        self.discard_button = QPushButton(self.tr("Discard…"), self)
        self.discard_button.setObjectName("discardConflictButton")
        self.again_button.clicked.connect(self._again_clicked)
        self.edit_button.clicked.connect(self.edit_and_apply)
        self.discard_button.clicked.connect(self._discard_clicked)

        sides = QHBoxLayout()
        sides.addWidget(self.mine_box, 1)
        sides.addWidget(self.theirs_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(sides, 1)
        detail_layout.addWidget(self.reason)
        detail_layout.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(1, 2)
        split.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        controller.outbox_changed.connect(self.reload)
        controller.synced.connect(self._synced)
        self._show_current()

    def _current_changed(self, *_args: Any) -> None:
        self._show_current()

    def _again_clicked(self) -> None:
        self.apply_again()

    def _discard_clicked(self) -> None:
        self.discard_current()

    def _synced(self, _report: Any) -> None:
        self.reload()

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.controller.service is None:
            return
        self._generation += 1
        self.controller.db(partial(_rejected, self.controller.service),
                           partial(self._arrived, self._generation))

    def _arrived(self, generation: int,
                 answer: tuple[list[dict[str, Any]], dict[str, dict[str, str]]]) -> None:
        if generation != self._generation:
            return
        items, self.names = answer
        current = self.current_op_id()
        scroll = self.list.verticalScrollBar().value()
        self.items = items
        self.list.blockSignals(True)
        self.list.clear()
        for item in items:
            op = item["op"]
            row = QListWidgetItem(f"{labels.EVENT.text(op.kind)} — {complaint_label(item)}")
            row.setData(OP_ID_ROLE, op.op_id)
            row.setToolTip(op.last_error or "")
            self.list.addItem(row)
        self.list.blockSignals(False)
        ids = [i["op"].op_id for i in items]
        if current in ids:
            self.list.setCurrentRow(ids.index(current))
        elif items:
            self.list.setCurrentRow(0)
        self.list.verticalScrollBar().setValue(scroll)
        self.summary.setText(
            self.tr("The server did not accept %1 of your actions: the complaint changed "
                    "meanwhile, or the action was not allowed. Decide for each one.")
            .replace("%1", str(len(items))) if items else
            self.tr("Nothing needs your attention."))
        self._show_current()

    def current_op_id(self) -> str | None:
        row = self.list.currentItem()
        return row.data(OP_ID_ROLE) if row is not None else None

    def current(self) -> dict[str, Any] | None:
        op_id = self.current_op_id()
        return next((i for i in self.items if i["op"].op_id == op_id), None)

    def _show_current(self) -> None:
        item = self.current()
        for widget in (self.again_button, self.edit_button, self.discard_button):
            widget.setEnabled(item is not None)
        if item is None:
            self.mine.setText("")
            self.theirs.setText("")
            self.reason.setText("")
            return
        op = item["op"]
        mine = [f"<b>{labels.EVENT.text(op.kind)}</b> — {_esc(complaint_label(item))}",
                self.tr("Made at %1").replace("%1", op_time(op, self.lang))]
        state = op.server_state
        agency = (state or {}).get("agency_code") or op.payload.get("agency_code")
        for key, value in op.payload.items():
            if value not in (None, "", [], {}) and key not in ("id", "reporter"):
                text = _value_text(value, key, self.names, agency)
                mine.append(f"{_esc(field_label(key))}: {_esc(text)}")
        self.mine.setText("<br>".join(mine))
        if state:
            theirs = [f"<b>{_esc(labels.STATUS.text(state.get('status')))}</b>"]
            changes = int(state.get("version") or 0) - int(op.base_version or 0)
            if op.base_version and changes > 0:  # what others did since the officer looked
                theirs.append(self.tr("%1 changes since you opened it").replace(
                    "%1", str(changes)))
            for event in (state.get("timeline") or [])[-RECENT_EVENTS:]:
                who = event.get("actor_name") or event.get("actor") or ""
                when = short_time(event.get("at"), self.lang)
                note = f": {event['note']}" if event.get("note") else ""
                theirs.append(f"• {_esc(labels.EVENT.text(event.get('kind')))} — {_esc(who)}, "
                              f"{when}{_esc(note)}")
        else:
            theirs = [self.tr("The server did not send its state (the complaint may be out of "
                              "your reach).")]
        self.theirs.setText("<br>".join(theirs))
        self.reason.setText(self.tr("Reason: %1").replace("%1", op.last_error or ""))

    # -- decisions --------------------------------------------------------------------------
    def apply_again(self, payload: dict[str, Any] | None = None) -> None:
        item = self.current()
        if item is None:
            return
        service = self.controller.service
        self.controller.decide(partial(_reapply, service, item["op"].op_id, payload),
                               on_error=self._failed)

    def edit_and_apply(self) -> None:
        item = self.current()
        if item is None:
            return
        editor = PayloadEditor(item["op"].kind, item["op"].payload, self)
        if editor.exec() == QDialog.DialogCode.Accepted:
            self.apply_again(editor.payload())

    def discard_current(self, *, confirm: bool = True) -> None:
        item = self.current()
        if item is None:
            return
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard action"),
                              self.tr("Discard “%1”? It will never reach the server. This is "
                                      "recorded in the audit log.").replace(
                                  "%1", f"{labels.EVENT.text(item['op'].kind)} — "
                                        f"{complaint_label(item)}"), parent=self)
            discard_button = box.addButton(self.tr("Discard"),
                                           QMessageBox.ButtonRole.DestructiveRole)
            cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(cancel)
            box.exec()
            if box.clickedButton() is not discard_button:
                return
        from desktop.sync.resolve import discard

        self.controller.decide(partial(discard, self.controller.service,
                                       [item["op"].op_id], self.controller.status.user))

    def _failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or str(exc)
        QMessageBox.warning(self, self.tr("Cannot apply again"), message)


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _rejected(service: Any) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """The rejected ops, and the unit and agency names to show their codes by. DB thread."""
    from desktop.sync.local import SyncLocal

    names = {"units": {f"{u['agency_code']}/{u['code']}": u["name"] for u in service.units()},
             "agencies": {a["code"]: a["name"] for a in service.agencies()}}
    return SyncLocal(service).listing(("rejected",)), names


def _reapply(service: Any, op_id: str, payload: dict[str, Any] | None) -> str:  # DB thread
    from core import Actor
    from desktop.sync.resolve import reapply

    data = service.get_sync_state("actor") or {}
    actor = Actor(username=data["username"], role=data["role"], agency=data.get("agency"),
                  units=tuple(data.get("units") or ()),
                  full_name=data.get("full_name") or data["username"])
    return reapply(service, op_id, actor, payload)
