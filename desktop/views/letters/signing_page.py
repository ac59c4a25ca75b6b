"""Pengaturan › Tanda tangan elektronik: the desk's certificate (.p12), its CA and CRL files.

Everything goes through ``desktop.printing.signing.configure``, the function behind
``lapor-desk signing``, on the DB thread. A new certificate is opened with its passphrase
and checked before it is saved; the passphrase is kept for this session only
(``signing_session``), never saved.
"""

from __future__ import annotations

from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.letters.alive import while_alive
from desktop.views.signing_session import PassphraseDialog, session_for

WRONG = ("bad_pkcs12", "pkcs11_failed", "no_passphrase")


def _configure(service: Any, **kwargs: Any) -> dict[str, Any]:
    """DB thread: ``configure`` on this desk's data folder."""
    from desktop.printing.signing import configure

    return configure(service, Path(service.data_dir), **kwargs)


class SigningPage(QWidget):
    """``set_service(service)`` once the store is open. ``info`` is what ``configure`` last
    returned; ``status`` says it in words (``problem`` shows a refusal)."""

    def __init__(self, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signingPage")
        self._tasks = tasks
        self._service: Any = None
        self.info: dict[str, Any] = {}
        self.dialog: PassphraseDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        intro = QLabel(self.tr(
            "With a certificate (from BSrE, as a .p12 file) the desk signs the disposition "
            "sheets, recaps and case files it issues electronically (PAdES): any PDF reader "
            "can then check who signed and that nothing was changed. Without one, sheets "
            "carry the QR code only and say they are not signed electronically."), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.status = QLabel(self)
        self.status.setObjectName("signingStatus")
        self.status.setWordWrap(True)
        self.status.setText(self.tr("Waiting for the local database…"))
        outer.addWidget(self.status)
        self.problem = QLabel(self)
        self.problem.setObjectName("signingProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        outer.addWidget(self.problem)
        grid = QGridLayout()
        self.choose_button = QPushButton(self.tr("Choose certificate (.p12)…"), self)
        self.ca_button = QPushButton(self.tr("Add CA certificate…"), self)
        self.crl_button = QPushButton(self.tr("Add CRL…"), self)
        self.check_button = QPushButton(self.tr("Check"), self)
        self.clear_button = QPushButton(self.tr("Remove certificate"), self)
        for column, button in enumerate((self.choose_button, self.ca_button, self.crl_button)):
            grid.addWidget(button, 0, column)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        outer.addLayout(grid)
        outer.addLayout(row)
        outer.addStretch(1)
        self.choose_button.clicked.connect(self._choose_clicked)
        self.ca_button.clicked.connect(partial(self._add_clicked, "ca"))
        self.crl_button.clicked.connect(partial(self._add_clicked, "crl"))
        self.check_button.clicked.connect(self._check_clicked)
        self.clear_button.clicked.connect(self.clear)
        self.setEnabled(False)

    @property
    def _session(self) -> Any:
        return session_for(self._tasks)

    def set_service(self, service: Any) -> None:
        self._service = service
        self._run({}, secret=None)

    # -- actions --------------------------------------------------------------------------
    def _choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the certificate"), "",
                                              self.tr("PKCS#12 certificates (*.p12 *.pfx)"))
        if path:
            self.use_p12(path)

    def use_p12(self, path: str | Path) -> None:
        """Open ``path`` with its passphrase (asked), check it and save it for this desk."""
        self._session.forget()
        self._ask({"p12": str(path)}, Path(path).name, "")

    def _add_clicked(self, kind: str) -> None:
        if kind == "ca":
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Add CA certificates"), "",
                self.tr("Certificates (*.pem *.crt *.cer *.der)"))
        else:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Add certificate revocation lists"), "",
                self.tr("Revocation lists (*.crl *.pem *.der)"))
        if paths:
            self.add_files(kind, paths)

    def add_files(self, kind: str, paths: list[str]) -> None:
        """Copy CA certificates (``kind`` "ca") or CRLs ("crl") into the desk's folder."""
        self._run({kind: list(paths)}, secret=None)

    def _check_clicked(self) -> None:
        self.check()

    def check(self) -> None:
        """Open the configured certificate and show whether it can sign."""
        config = self.info.get("config") or {}
        if not config:
            return
        secret = self._session.passphrase
        if secret is None:
            self._ask({"check": True}, Path(str(config.get("path") or "")).name, "")
        else:
            self._run({"check": True}, secret=secret)

    def clear(self) -> None:
        """No certificate: the desk issues unsigned sheets again."""
        self._session.forget()
        self._run({"clear": True}, secret=None)

    # -- plumbing -------------------------------------------------------------------------
    def _ask(self, kwargs: dict[str, Any], name: str, problem: str) -> None:
        dialog = PassphraseDialog(name, problem, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._run(kwargs, secret=dialog.secret, name=name))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _run(self, kwargs: dict[str, Any], *, secret: str | None, name: str = "") -> None:
        if self._service is None:
            return
        self.setEnabled(False)
        self._tasks.run(partial(_configure, self._service, secret=secret, **kwargs),
                        while_alive(self, partial(self._done, secret)),
                        while_alive(self, partial(self._failed, kwargs, name)))

    def _done(self, secret: str | None, info: dict[str, Any]) -> None:
        self.setEnabled(True)
        self.problem.hide()
        self.info = info
        if secret is not None and info.get("certificate"):
            self._session.remember(secret)
        self._show(info)

    def _failed(self, kwargs: dict[str, Any], name: str, exc: BaseException) -> None:
        self.setEnabled(True)
        message = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
        if getattr(exc, "code", "") in WRONG and ("p12" in kwargs or "check" in kwargs):
            config = self.info.get("config") or {}
            self._ask(kwargs, name or Path(str(config.get("path") or "")).name, message)
            return
        self.problem.setText(self.tr("Not saved: %1").replace("%1", escape(str(message))))
        self.problem.show()

    def _show(self, info: dict[str, Any]) -> None:
        config = info.get("config")
        lines = []
        if not config:
            lines.append(self.tr("<b>No certificate:</b> letters are issued with the QR code "
                                 "only."))
        else:
            where = config.get("path") or config.get("module") or ""
            lines.append(self.tr("<b>Certificate:</b> %1").replace("%1", escape(str(where))))
        cert = info.get("certificate")
        if cert:
            lines.append(self.tr("Signer: %1 · issued by %2 · valid from %3 until %4 · can "
                                 "sign.").replace("%1", escape(cert["name"])).replace(
                "%2", escape(cert["issuer"])).replace("%3", cert["not_before"][:10]).replace(
                "%4", cert["not_after"][:10]))
        lines.append(self.tr("CA certificates: %1 · revocation lists (CRL): %2").replace(
            "%1", str(len(info.get("ca_files") or ()))).replace(
            "%2", str(len(info.get("crl_files") or ()))))
        self.status.setText("<br>".join(lines))
        self.check_button.setEnabled(bool(config))
        self.clear_button.setEnabled(bool(config))
