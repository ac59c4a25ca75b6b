"""The desk's electronic signature in the window: the passphrase asked once per session.

``session_for(tasks)`` is the one ``SigningSession`` of a running desk (one ``Tasks`` per
desk window). ``obtain(service, parent, on_ready, on_cancel)`` gives ``on_ready`` a checked
``pades.PdfSealer`` (or None when the desk has no certificate: today's unsigned sheets);
the sealer is opened and checked on the DB thread, never on the GUI thread:

- the passphrase comes from ``LAPOR_SIGN_PASSPHRASE`` or, else, ``PassphraseDialog``; it is
  kept in this object's memory for the session only (never written anywhere);
- a wrong passphrase asks again, saying so; Batal calls ``on_cancel`` (nothing is issued);
- a certificate that cannot sign (expired, revoked, …) shows the Indonesian refusal and
  calls ``on_cancel``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.views.letters.alive import while_alive

Ready = Callable[[Any], None]


class PassphraseDialog(QDialog):
    """A masked field for the certificate's passphrase (a token's PIN)."""

    def __init__(self, signer_file: str, problem: str = "", pin: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signingPassphraseDialog")
        self.setWindowTitle(self.tr("Electronic signature"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This desk signs its letters electronically with the certificate %1. Enter its "
            "passphrase: it is kept only while the desk is open.").replace("%1", signer_file)
            if not pin else self.tr("This desk signs its letters electronically with a token. "
                                    "Enter its PIN: it is kept only while the desk is open."),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.error_label = QLabel(problem, self)
        self.error_label.setObjectName("passphraseError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setVisible(bool(problem))
        layout.addWidget(self.error_label)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphraseField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("PIN") if pin else self.tr("Passphrase"))
        layout.addWidget(self.field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.field.setFocus()

    @property
    def secret(self) -> str:
        return self.field.text()


def prepare(service: Any, secret: str | None) -> tuple[str, dict | None, Any]:
    """DB thread: (state, config, value): ("none", None, None) without a certificate,
    ("ask", config, "") when the passphrase is still unknown, ("wrong", config, message)
    when it does not open the certificate, ("ok", config, sealer) when it signs.
    SigningRefused for a certificate that cannot sign."""
    from desktop.letters.pades import SigningRefused
    from desktop.printing.signing import PASSPHRASE_ENV, configured, desk_sealer_for

    config = configured(service)
    if config is None:
        return "none", None, None
    if secret is None:
        secret = os.environ.get(PASSPHRASE_ENV)
    if secret is None:
        return "ask", config, ""
    try:
        return "ok", config, desk_sealer_for(config, Path(service.data_dir), secret=secret)
    except SigningRefused as exc:
        if exc.code in ("bad_pkcs12", "pkcs11_failed", "no_passphrase"):
            return "wrong", config, exc.message
        raise


class SigningSession(QObject):
    """The passphrase of this session (memory only) and the sealer last opened with it."""

    def __init__(self, tasks: Any) -> None:
        super().__init__(tasks)
        self._tasks = tasks
        self._secret: str | None = None
        self.sealer: Any = None  # the last checked sealer (copies on another paper use it)
        self.dialog: PassphraseDialog | None = None  # the open passphrase dialog (tests)
        self.refusal: QMessageBox | None = None  # the last refusal shown (tests)

    @property
    def passphrase(self) -> str | None:
        """The passphrase known this session (memory), else ``LAPOR_SIGN_PASSPHRASE``."""
        from desktop.printing.signing import PASSPHRASE_ENV

        return self._secret if self._secret is not None else os.environ.get(PASSPHRASE_ENV)

    def forget(self) -> None:
        """Another certificate (or none): its passphrase is asked anew."""
        self._secret = None
        self.sealer = None

    def remember(self, secret: str) -> None:
        """The passphrase just checked in Pengaturan: not asked again this session."""
        self._secret = secret

    def obtain(self, service: Any, parent: QWidget, on_ready: Ready,
               on_cancel: Callable[[], None]) -> None:
        self._tasks.run(partial(prepare, service, self._secret),
                        while_alive(parent, partial(self._prepared, service, parent, on_ready,
                                                    on_cancel)),
                        while_alive(parent, partial(self._refused, parent, on_cancel)))

    def _prepared(self, service: Any, parent: QWidget, on_ready: Ready,
                  on_cancel: Callable[[], None], result: tuple[str, dict | None, Any]
                  ) -> None:
        state, config, value = result
        if state in ("none", "ok"):
            self.sealer = value
            on_ready(value)
            return
        self._secret = None
        config = config or {}
        where = Path(str(config.get("path") or "")).name
        dialog = PassphraseDialog(where or self.tr("of this desk"), str(value or ""),
                                  pin=config.get("kind") == "pkcs11", parent=parent)
        self.dialog = dialog
        dialog.accepted.connect(partial(self._entered, service, parent, on_ready, on_cancel,
                                        dialog))
        dialog.rejected.connect(on_cancel)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _entered(self, service: Any, parent: QWidget, on_ready: Ready,
                 on_cancel: Callable[[], None], dialog: PassphraseDialog) -> None:
        self._secret = dialog.secret
        self.obtain(service, parent, on_ready, on_cancel)

    def _refused(self, parent: QWidget, on_cancel: Callable[[], None],
                 exc: BaseException) -> None:
        self.sealer = None
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Electronic signature"),
                          self.tr("The document was not made. %1").replace("%1", message),
                          QMessageBox.StandardButton.Ok, parent)
        self.refusal = box
        box.open()
        on_cancel()


def session_for(tasks: Any) -> SigningSession:
    """The signing session of the desk whose worker threads are ``tasks`` (kept on it)."""
    session = getattr(tasks, "signing_session", None)
    if session is None:
        session = SigningSession(tasks)
        tasks.signing_session = session
    return session
