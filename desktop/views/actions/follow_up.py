"""Tindak Lanjut: a reply to the reporter or an internal note, with attachments, canned
replies, and a draft that survives a crash or a restart."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from core import DomainError, OpKind, Visibility
from desktop import formatting
from desktop.forms.ui_action_follow_up import Ui_ActionFollowUpForm
from desktop.views.actions.base import ActionDialog, Invalid
from desktop.views.actions.jobs import run
from desktop.workflow import Step, canned
from desktop.workflow.attachments import AttachedFile

FILE_FILTER = ("Lampiran (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.doc *.docx *.xls *.xlsx "
               "*.mp3 *.mp4 *.txt)")


class FollowUpDialog(ActionDialog):
    kind = OpKind.follow_up
    form_class = Ui_ActionFollowUpForm

    def setup(self) -> None:
        ui = self.ui
        self.files: list[AttachedFile] = []
        self._importing = 0
        for reply in canned.for_kind(self.ctx.replies, self.kind.value):
            ui.cannedCombo.addItem(reply.title, reply.body)
        has_replies = ui.cannedCombo.count() > 0
        for widget in (ui.cannedCaption, ui.cannedCombo, ui.cannedButton):
            widget.setVisible(has_replies)
        ui.cannedButton.clicked.connect(self.insert_reply)
        ui.addFileButton.clicked.connect(self.choose_files)
        ui.removeFileButton.clicked.connect(self.remove_file)
        ui.replyRadio.toggled.connect(self._visibility_changed)
        ui.draftLabel.setText(self.tr("Your text is kept as a draft while you type."))
        self._visibility_changed()
        self.resize(660, self.sizeHint().height())

    def _visibility_changed(self) -> None:
        reply = self.ui.replyRadio.isChecked()
        self.ui.textCaption.setText(self.tr("Reply to the &reporter") if reply
                                    else self.tr("Internal &note"))

    def insert_reply(self) -> None:
        body = self.ui.cannedCombo.currentData()
        if body:
            self.ui.textEdit.insertPlainText(canned.render(body, self.ctx.reply_values()))
            self.ui.textEdit.setFocus()

    # --- attachments --------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), "", FILE_FILTER)
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Copy each file into the desk's attachment cache (DB thread), then list it."""
        for path in paths:
            self._importing += 1
            self.ui.addFileButton.setEnabled(False)
            run(self.tasks, self, partial(self.workflow.import_attachment, path), self._file_added,
                           self._file_failed)

    def _file_added(self, attached: AttachedFile) -> None:
        self._import_done()
        if any(f.sha256 == attached.sha256 for f in self.files):
            return
        self.files.append(attached)
        self._list_file(attached)
        self._draft_timer.start()

    def _list_file(self, attached: AttachedFile) -> None:
        size = formatting.number(max(1, attached.size // 1024))
        item = QListWidgetItem(f"{attached.filename} ({size} KB)", self.ui.attachmentsList)
        item.setData(Qt.ItemDataRole.UserRole, attached.sha256)

    def _file_failed(self, exc: BaseException) -> None:
        self._import_done()
        if isinstance(exc, DomainError):
            self.show_errors(getattr(exc, "errors", {}) or {"attachments": exc.message})
        else:
            self.show_banner(str(exc))

    def _import_done(self) -> None:
        self._importing -= 1
        self.ui.addFileButton.setEnabled(self._importing == 0)

    def remove_file(self) -> None:
        item = self.ui.attachmentsList.currentItem()
        if item is None:
            return
        sha = item.data(Qt.ItemDataRole.UserRole)
        self.files = [f for f in self.files if f.sha256 != sha]
        self.ui.attachmentsList.takeItem(self.ui.attachmentsList.row(item))
        self._draft_timer.start()

    # --- the action ---------------------------------------------------------------------
    def visibility(self) -> str:
        return (Visibility.reporter if self.ui.replyRadio.isChecked()
                else Visibility.internal).value

    def fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {"text": ui.textEdit, "visibility": ui.replyRadio,
                "attachments": ui.attachmentsList, "sha256": ui.attachmentsList}

    def collect(self) -> list[Step]:
        if self._importing:
            raise Invalid({"attachments": self.tr("Wait until the files are attached.")})
        text = self.ui.textEdit.toPlainText().strip()
        if not text:
            raise Invalid({"text": self.tr("Write the follow-up.")})
        steps = [self.step(OpKind.attach, {**f.payload(), "note": self.tr("Follow-up attachment")},
                           f"attach:{f.sha256}") for f in self.files]
        steps.append(self.step(self.kind, {"text": text, "visibility": self.visibility()}))
        return steps

    def state(self) -> dict[str, Any]:
        return {"text": self.ui.textEdit.toPlainText(),
                "internal": self.ui.internalRadio.isChecked(),
                "files": [{**f.payload(), "path": f.path} for f in self.files]}

    def restore(self, state: dict[str, Any]) -> None:
        self.ui.textEdit.setPlainText(state.get("text", ""))
        if state.get("internal"):
            self.ui.internalRadio.setChecked(True)
        for item in state.get("files") or ():
            attached = AttachedFile(item["sha256"], item["filename"], item["mime"],
                                    int(item["size"]), item.get("path", ""))
            self.files.append(attached)
            self._list_file(attached)
