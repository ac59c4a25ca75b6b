"""The frame every action dialog shares: complaint header, error banner, field errors, the
confirm button, drafts, and submitting through desktop.tasks.

A dialog subclass composes one Designer form (``form_class``) and implements ``setup``
(fill the form from the ActionContext), ``collect`` (the steps to submit) and ``fields``
(payload key -> widget, so a domain ValidationError lands beside the right input).
Input is checked first by a dry run of the domain's ``apply_op`` on the GUI thread (pure
Python, no SQL), so the officer sees the same Indonesian messages the write would raise.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from core import DomainError, OpKind, ValidationError
from desktop.tasks import Tasks, describe_error
from desktop.views.actions.jobs import run
from desktop.views.actions.registry import action_text
from desktop.views.labels import STATUS
from desktop.workflow import ActionContext, Step, dry_run, step

if TYPE_CHECKING:
    from desktop.workflow.service import WorkflowService

DRAFT_DELAY_MS = 800
ERROR_STYLE = "color: #9b1c1c;"
BANNER_STYLE = ("background-color: #fde8e8; color: #9b1c1c; border: 1px solid #f5b7b1;"
                " padding: 6px;")
INVALID_STYLE = "border: 1px solid #c0392b;"


class Invalid(Exception):
    """Input the dialog itself rejects before the domain sees it: field -> message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__(dict(errors))
        self.errors = dict(errors)


def complaint_number(snapshot: Mapping[str, Any] | None) -> str:
    """``#1916449``, else the provisional number, else a dash (recorded, not yet numbered)."""
    if not snapshot:
        return ""
    if snapshot.get("tracking_number") is not None:
        return f"#{snapshot['tracking_number']}"
    return str(snapshot.get("provisional_number") or "—")


def _layout_holding(root: QLayout | None, widget: QWidget) -> QLayout | None:
    """The layout (at any depth under ``root``) that holds ``widget`` directly."""
    if root is None:
        return None
    for i in range(root.count()):
        item = root.itemAt(i)
        if item.widget() is widget:
            return root
        found = _layout_holding(item.layout(), widget)
        if found is not None:
            return found
    return None


class ActionDialog(QDialog):
    """Base of the per-action dialogs. ``submitted`` carries the LocalOpResults."""

    kind: ClassVar[OpKind]
    form_class: ClassVar[type]
    keeps_draft: ClassVar[bool] = True
    submitted = Signal(object)

    def __init__(self, ctx: ActionContext, tasks: Tasks, workflow: WorkflowService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.workflow = workflow
        self.results: list[Any] | None = None
        self._busy = False
        self._closed = False
        self._error_labels: dict[str, QLabel] = {}
        self._invalid: list[QWidget] = []
        draft = ctx.draft or {}
        self._op_ids: dict[str, str] = dict(draft.get("op_ids") or {})

        self.setObjectName(f"{self.kind.value}Dialog")
        self.setWindowTitle(action_text(self.kind))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.body = QWidget(self)
        self.ui = self.form_class()
        self.ui.setupUi(self.body)
        layout.addWidget(self.body, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.confirm_text())
        # Inherited code runs with the subclass as tr() context: the context is named.
        self.ok_button.setToolTip(
            QCoreApplication.translate("ActionDialog", "Save (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ActionDialog", "Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

        self.header.setText(self.header_html())
        self.setup()
        if draft.get("fields"):
            self.restore(draft["fields"])
            self.show_draft_restored()
            for edit in self.body.findChildren(QPlainTextEdit):  # go on where it stopped
                edit.moveCursor(QTextCursor.MoveOperation.End)
        if self.keeps_draft and self.complaint_id:
            self._watch_for_drafts(self.body)

    # --- for subclasses --------------------------------------------------------------------
    def setup(self) -> None:
        """Fill the form from ``self.ctx``."""

    def collect(self) -> list[Step]:
        """The steps to submit; raise ``Invalid`` for input the domain cannot judge."""
        raise NotImplementedError

    def fields(self) -> dict[str, QWidget]:
        """Payload key -> the widget that edits it."""
        return {}

    def state(self) -> dict[str, Any]:
        """What a draft keeps (JSON-able)."""
        return {}

    def restore(self, state: Mapping[str, Any]) -> None:
        """Put a draft's ``state`` back into the form."""

    def confirm_text(self) -> str:
        return action_text(self.kind)

    def show_draft_restored(self) -> None:
        self.show_banner(QCoreApplication.translate(
            "ActionDialog", "An unfinished draft was restored."), error=False)

    def succeeded_message(self) -> str | None:
        return None

    # --- helpers ------------------------------------------------------------------------
    @property
    def snapshot(self) -> dict[str, Any] | None:
        return self.ctx.snapshot

    @property
    def complaint_id(self) -> str | None:
        return (self.ctx.snapshot or {}).get("id")

    def op_id(self, role: str = "main") -> str:
        """A stable op id per step role for this dialog (and its draft)."""
        if role not in self._op_ids:
            self._op_ids[role] = str(uuid.uuid4())
        return self._op_ids[role]

    def step(self, kind: OpKind, payload: Mapping[str, Any], role: str = "main") -> Step:
        return step(kind, payload, self.op_id(role))

    def header_html(self) -> str:
        snap = self.ctx.snapshot or {}
        number = html.escape(complaint_number(snap))
        title = html.escape(str(snap.get("title") or ""))
        status = html.escape(STATUS.text(snap.get("status")))
        return (f"<b>{number}</b> &nbsp;{title}<br/>"
                f"<span style='color:#5f6b7a'>{status}</span>")

    def show_banner(self, text: str, *, error: bool = True) -> None:
        self.banner.setStyleSheet(BANNER_STYLE if error else
                                  "background-color: #e8f1fd; color: #17406b; padding: 6px;")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def clear_errors(self) -> None:
        self.banner.hide()
        for label in self._error_labels.values():
            label.hide()
        for widget in self._invalid:
            widget.setStyleSheet("")
        self._invalid.clear()

    def show_errors(self, errors: Mapping[str, str], message: str | None = None) -> None:
        """Each message beside its field; the rest, or a summary, in the banner."""
        fields = self.fields()
        loose, first = [], None
        for key, text in errors.items():
            widget = fields.get(key)
            if widget is None or not self._place_error(key, widget, text):
                loose.append(text)
            elif first is None:
                first = widget
        if loose:
            self.show_banner("\n".join(loose))
        else:
            self.show_banner(message or QCoreApplication.translate(
                "ActionDialog", "Please check the marked fields."))
        target = first
        if target is None and loose:
            target = next((fields[k] for k in errors if k in fields), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place_error(self, key: str, widget: QWidget, text: str) -> bool:
        if isinstance(widget, QLineEdit | QPlainTextEdit | QComboBox | QListWidget | QDateEdit):
            widget.setStyleSheet(INVALID_STYLE)
            self._invalid.append(widget)
        label = self._error_labels.get(key)
        if label is None:
            layout = _layout_holding(self.body.layout(), widget)
            label = QLabel(self.body)
            label.setObjectName(f"{key}Error")
            label.setWordWrap(True)
            label.setStyleSheet(ERROR_STYLE)
            if isinstance(layout, QFormLayout):
                row, _role = layout.getWidgetPosition(widget)
                layout.insertRow(row + 1, "", label)
            elif isinstance(layout, QBoxLayout):
                layout.insertWidget(layout.indexOf(widget) + 1, label)
            else:
                label.deleteLater()
                return False
            self._error_labels[key] = label
        label.setText(text)
        label.show()
        return True

    def error_label(self, key: str) -> QLabel | None:
        label = self._error_labels.get(key)
        return label if label is not None and label.isVisibleTo(self) else None

    # --- submitting ---------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return  # a double click: the first submission is already on its way
        self.clear_errors()
        try:
            steps = self.collect()
            self.check(steps)
        except Invalid as exc:
            self.show_errors(exc.errors)
            return
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except DomainError as exc:
            self.show_banner(exc.message)
            return
        self._draft_timer.stop()
        self.set_busy(True)
        run(self.tasks, self, partial(self.perform, steps), self._performed, self._failed,
                       changes=True)

    def check(self, steps: list[Step]) -> None:
        """The domain's verdict on ``steps`` without writing anything."""
        if self.ctx.snapshot is not None:
            dry_run(self.ctx.snapshot, steps, self.ctx.actor, policy=self.ctx.policy,
                    calendar=self.ctx.calendar)

    def perform(self, steps: list[Step]) -> Any:  # DB thread
        return self.workflow.perform(self.complaint_id, steps, self.ctx.actor,
                                     draft_kind=self.kind.value if self.keeps_draft else None)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.body.setEnabled(not busy)
        if busy:
            self.show_banner(QCoreApplication.translate("ActionDialog", "Saving…"), error=False)

    def _performed(self, results: Any) -> None:
        self.results = results
        self._closed = True
        self.set_busy(False)
        self.submitted.emit(results)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        elif isinstance(exc, DomainError):
            self.show_banner(exc.message)
        else:
            self.show_banner(describe_error(exc)[1])

    def reject(self) -> None:
        self._draft_timer.stop()
        if self.keeps_draft and self.complaint_id and not self._closed:
            state = self.state()
            # Keep what was typed (the dialog may have been closed by mistake); an empty
            # form leaves no draft behind.
            self._queue_draft(state if _has_content(state) else None)
        self._closed = True
        super().reject()

    # --- drafts -------------------------------------------------------------------------
    def _watch_for_drafts(self, root: QWidget) -> None:
        for widget in root.findChildren(QWidget):
            if isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._draft_timer.start)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._draft_timer.start)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self._draft_timer.start)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._draft_timer.start)
            elif isinstance(widget, QListWidget):
                widget.itemChanged.connect(self._draft_timer.start)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._draft_timer.start)

    def flush_draft(self) -> None:
        """Save now what the draft timer would save shortly (the desk is closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()

    def save_draft(self) -> None:
        if not self._closed and self.complaint_id:
            self._queue_draft(self.state())

    def _queue_draft(self, state: Mapping[str, Any] | None) -> None:
        draft = None if state is None else {"op_ids": dict(self._op_ids), "fields": dict(state)}
        run(self.tasks, self, partial(self.workflow.save_draft, self.complaint_id, self.kind.value,
                               draft))


def _has_content(state: Mapping[str, Any]) -> bool:
    """Typed text or chosen items: flags and choices alone are not worth a draft."""
    return any((isinstance(v, str) and v.strip()) or (isinstance(v, list) and v)
               for v in state.values())


# --- small form helpers shared by the dialogs ---------------------------------------------

def fill_checklist(widget: QListWidget, items: list[tuple[str, str]], checked: set[str]) -> None:
    """Checkable rows ``(code, label)``; the code rides in the item's UserRole."""
    from PySide6.QtWidgets import QListWidgetItem

    widget.clear()
    for code, label in items:
        item = QListWidgetItem(label, widget)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if code in checked
                           else Qt.CheckState.Unchecked)


def checked_codes(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, codes: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                           else Qt.CheckState.Unchecked)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
