"""Sign in to the central server: server address, username, password.

The server and the username are remembered (prefilled next time); the password never
is. The tokens go to the OS credential vault, or, where there is none, to a file only this
user can read: the dialog says which. "Kerja luring" closes it: the desk keeps working on
its local data and the actions wait in the Kotak Keluar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    def __init__(self, controller: Any, message: str | None = None,
                 parent: QWidget | None = None, *, server: str | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Sign in to the central server"))
        self.setModal(True)
        status = controller.status
        self.intro = QLabel(message or self.tr(
            "Sign in to send your actions to the central server and receive everyone "
            "else's."), self)
        self.intro.setWordWrap(True)
        self.server = QLineEdit(server or status.server or "", self)
        self.server.setObjectName("serverEdit")
        self.server.setPlaceholderText("https://lapor.kalselprov.go.id")
        self.username = QLineEdit(status.user or "", self)
        self.username.setObjectName("usernameEdit")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.vault = QLabel(self._vault_text(status.credential_store), self)
        self.vault.setWordWrap(True)
        self.vault.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self.tr("Sign in"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.offline_button = QPushButton(self.tr("Work offline"), self)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.offline_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self.submit)
        self.offline_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.vault)
        layout.addWidget(self.buttons)
        (self.password if self.server.text() and self.username.text() else self.server
         ).setFocus(Qt.FocusReason.OtherFocusReason)
        self.result_user: Any = None

    def _vault_text(self, backend: str) -> str:
        if backend == "keyring":
            return self.tr("The sign-in token is kept in this computer's credential vault.")
        return self.tr("This computer has no credential vault: the sign-in token is kept in "
                       "a file only your user account can read.")

    def submit(self) -> None:
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not server or not username or not password:
            self._show_error(self.tr("Fill in the server address, username and password."))
            return
        from desktop.sync.client import normalize_server_url

        try:
            normalize_server_url(server)  # http:// to another computer: refused here
        except ValueError as exc:
            self._show_error(str(exc))
            self.server.setFocus()
            return
        self._busy(True)
        self.controller.sign_in(server, username, password, self._signed_in, self._failed)

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def _signed_in(self, who: Any) -> None:
        self.result_user = who
        self.password.clear()
        self._busy(False)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.password.selectAll()
        self.password.setFocus()
        self._show_error(getattr(exc, "message", None) or str(exc))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
