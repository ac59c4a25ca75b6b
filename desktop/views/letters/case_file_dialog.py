"""Berkas perkara… of one complaint: choose the recipient, then the file; the case file is
built on the DB thread (``desktop.printing.case_file.build_case_file``, the same as
``lapor-desk case-file``), signed electronically where the desk has a certificate."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.letters.alive import while_alive
from desktop.views.signing_session import session_for


def build_and_write(service: Any, complaint_id: str, recipient: str, to: str | None,
                    target: Path, sealer: Any) -> tuple[Path, Any]:
    """DB thread: the case file at ``target`` (written atomically)."""
    from desktop.atomic_file import replace_atomically
    from desktop.printing.case_file import build_case_file

    built = build_case_file(service, complaint_id, recipient=recipient, to=to, sealer=sealer)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    replace_atomically(target, lambda tmp: tmp.write_bytes(built.pdf))
    return target, built


class CaseFileDialog(QDialog):
    """``CaseFileDialog(tasks, service, complaint_id, label, parent)``; ``saved_path`` and
    ``message`` once written (the officer reads where)."""

    def __init__(self, tasks: Any, service: Any, complaint_id: str, label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFileDialog")
        self.setWindowTitle(self.tr("Case file"))
        self._tasks = tasks
        self._service = service
        self._id = complaint_id
        self._label = label
        self.saved_path: Path | None = None
        self.result_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "One PDF for referring complaint %1: a covering letter, the complaint, its "
            "timeline, dispositions, follow-ups, letters and attachments, with a SHA-256 "
            "list. Send it to:").replace("%1", label), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for key, text in (("ombudsman", self.tr("Ombudsman RI")),
                          ("inspektorat", self.tr("Inspektorat")),
                          ("instansi", self.tr("Another agency"))):
            radio = QRadioButton(text, self)
            radio.setObjectName(f"recipient_{key}")
            self.group.addButton(radio)
            self.radios[key] = radio
            layout.addWidget(radio)
        self.radios["ombudsman"].setChecked(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("recipientName")
        self.name_edit.setPlaceholderText(self.tr("Name of the agency (for example: Dinas "
                                                  "Pekerjaan Umum Kota Banjarmasin)"))
        layout.addWidget(self.name_edit)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Build and save…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self._accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.group.buttonToggled.connect(self._recipient_changed)
        self._recipient_changed()

    @property
    def recipient(self) -> str:
        return next(key for key, radio in self.radios.items() if radio.isChecked())

    def _recipient_changed(self, *_args: Any) -> None:
        other = self.recipient == "instansi"
        self.name_edit.setEnabled(other)
        if other:
            self.name_edit.setFocus()

    def _accepted(self) -> None:
        if self.recipient == "instansi" and not self.name_edit.text().strip():
            self.error_label.setText(self.tr("Write the name of the agency."))
            self.error_label.show()
            return
        self.error_label.hide()
        name = f"Berkas-Perkara-{self._label.lstrip('#').replace('/', '-')}.pdf"
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save the case file"), name,
                                                self.tr("PDF documents (*.pdf)"))
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        """Build and write the case file at ``target`` (signed when the desk can)."""
        self.ok_button.setEnabled(False)
        session_for(self._tasks).obtain(self._service, self, partial(self._build, target),
                                        partial(self.ok_button.setEnabled, True))

    def _build(self, target: Path, sealer: Any) -> None:
        to = self.name_edit.text().strip() if self.recipient == "instansi" else None
        self._tasks.run(partial(build_and_write, self._service, self._id, self.recipient, to,
                                target, sealer),
                        while_alive(self, self._saved), while_alive(self, self._failed))

    def _saved(self, result: tuple[Path, Any]) -> None:
        path, built = result
        self.saved_path = path
        self.ok_button.setEnabled(True)
        lines = [self.tr("Case file of %1 saved to %2 (%3 documents).").replace(
            "%1", built.number).replace("%2", str(path)).replace(
            "%3", str(len(built.manifest)))]
        if built.signed_by:
            lines.append(self.tr("Signed electronically by %1.").replace("%1", built.signed_by))
        else:
            lines.append(self.tr("Not signed electronically: this desk has no certificate "
                                 "(Settings › Electronic signature)."))
        if built.missing:
            lines.append(self.tr("Attachments not on this desk (sync to include them): %1."
                                 ).replace("%1", ", ".join(built.missing)))
        self._show(QMessageBox.Icon.Information, "\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        message = getattr(exc, "message", None) or getattr(exc, "strerror", None) or \
            f"{type(exc).__name__}: {exc}"
        self._show(QMessageBox.Icon.Warning,
                   self.tr("The case file was not made: %1").replace("%1", str(message)))

    def _show(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("Case file"), text, QMessageBox.StandardButton.Ok,
                          self)
        self.result_box = box
        box.open()
