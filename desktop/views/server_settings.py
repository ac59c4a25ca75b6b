"""Pengaturan › Server dan sinkronisasi: the server's address, the agency's CA certificate,
who is signed in, the automatic sync interval, signing in as someone else and signing out.

The CA certificate (a PEM file from the agency's admin) is needed only when the server's
TLS certificate comes from the agency's own CA; it is kept in the store with the server
address (``desktop/sync/account.py``), so ``lapor-desk sync`` uses it too. Another server
address is not stored here: the dialog asks for a sign-in on it (``server_chosen``), since
signing in is what moves the desk to another server.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class ServerSettingsDialog(QDialog):
    server_chosen = Signal(str)  # another server address: sign in there

    def __init__(self, controller: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(self.tr("Server and sync"))
        status = controller.status
        self._stored_ca = status.ca_file or ""
        self._chosen_server = ""
        form = QFormLayout()
        self.server = QLineEdit(status.server or "", self)
        self.server.setObjectName("serverEdit")
        self.server.setPlaceholderText("https://lapor.kalselprov.go.id")
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Agency CA certificate"), self._ca_row())
        ca_note = QLabel(self.tr(
            "Only when the server's certificate is issued by the agency's own certificate "
            "authority: the PEM file from the agency's admin. Empty: the certificates "
            "trusted by default."), self)
        ca_note.setWordWrap(True)
        ca_note.setStyleSheet("color: palette(mid);")
        form.addRow("", ca_note)
        form.addRow(self.tr("Signed in as"),
                    QLabel(status.full_name or status.user or self.tr("nobody"), self))
        form.addRow(self.tr("Sign-in token"), QLabel(self._vault_text(status), self))
        self.interval = QSpinBox(self)
        self.interval.setObjectName("intervalSpin")
        self.interval.setRange(1, 24 * 60)
        self.interval.setSuffix(self.tr(" min"))
        seconds = getattr(settings, "sync_interval", 300) if settings is not None else 300
        self.interval.setValue(max(1, round(seconds / 60)))
        form.addRow(self.tr("Sync automatically every"), self.interval)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.switch_button = buttons.addButton(self.tr("Sign in as someone else…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.sign_out_button = buttons.addButton(self.tr("Sign out"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.sign_out_button.setEnabled(status.signed_in)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.switch_button.clicked.connect(self._switch)
        self.sign_out_button.clicked.connect(self._sign_out)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _ca_row(self) -> QWidget:
        row = QWidget(self)
        self.ca_file = QLineEdit(self._stored_ca, row)
        self.ca_file.setObjectName("caFileEdit")
        self.ca_file.setReadOnly(True)
        self.ca_file.setPlaceholderText(self.tr("default (none set)"))
        self.ca_choose = QPushButton(self.tr("Choose…"), row)
        self.ca_choose.setObjectName("caChooseButton")
        self.ca_clear = QPushButton(self.tr("Clear"), row)
        self.ca_clear.setObjectName("caClearButton")
        self.ca_choose.clicked.connect(self.choose_ca_file)
        self.ca_clear.clicked.connect(self.ca_file.clear)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.ca_file, 1)
        box.addWidget(self.ca_choose)
        box.addWidget(self.ca_clear)
        return row

    def _vault_text(self, status: Any) -> str:
        if status.credential_store == "keyring":
            return self.tr("credential vault")
        return self.tr("private file (no credential vault on this computer)")

    def choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Agency CA certificate"), self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file.setText(path)
            self.error.hide()

    def save(self) -> None:
        """Check the address and the CA file, keep the CA (DB thread), then close."""
        from desktop.sync.client import normalize_server_url
        from desktop.sync.errors import TrustError
        from desktop.sync.tls import check_ca_file

        server = self.server.text().strip()
        try:
            url = normalize_server_url(server) if server else ""
        except ValueError as exc:
            self._show_error(str(exc), self.server)
            return
        ca = self.ca_file.text().strip()
        try:
            ca = check_ca_file(ca) if ca else ""
        except TrustError as exc:
            self._show_error(exc.message, self.ca_choose)
            return
        self._chosen_server = url if url and url != self.controller.status.server else ""
        if ca == self._stored_ca:
            self._finish()
            return
        self.save_button.setEnabled(False)
        self.controller.set_ca_file(ca or None, self._ca_saved, self._ca_failed)

    def _ca_saved(self, _stored: Any) -> None:
        if shiboken6.isValid(self):
            self._finish()

    def _ca_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.save_button.setEnabled(True)
            self._show_error(getattr(exc, "message", None) or str(exc), self.ca_choose)

    def _finish(self) -> None:
        seconds = self.interval.value() * 60
        if self.settings is not None:
            self.settings.sync_interval = max(30, seconds)
        self.controller.set_interval(seconds)
        self.accept()
        if self._chosen_server:
            self.server_chosen.emit(self._chosen_server)

    def _show_error(self, text: str, focus: QWidget) -> None:
        self.error.setText(text)
        self.error.show()
        focus.setFocus()

    def _switch(self) -> None:
        self.accept()
        self.controller.login_needed.emit("")

    def _sign_out(self) -> None:
        self.controller.sign_out()
        self.accept()
