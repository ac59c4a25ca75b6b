"""Sync errors. ``message`` is Indonesian and is shown to the officer as is; technical
detail (an exception name, an HTTP status) goes to ``detail``, for the log and tooltips."""

from __future__ import annotations

import re

# A technical token an older desk appended to a stored message: "(ConnectionError)",
# "(HTTP 503)", "(invalid_json)".
_TECHNICAL_SUFFIX = re.compile(
    r"\s*\((?:[A-Za-z]*(?:Error|Exception|Timeout)|HTTP \d{3}|invalid_json)\)")


class SyncError(Exception):
    """Base of every sync failure."""

    code = "sync_error"

    def __init__(self, message: str, *, code: str | None = None,
                 detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class Unreachable(SyncError):
    """The server could not be reached or kept failing (network, 5xx, 429) after retries."""

    code = "unreachable"


class LoginRequired(SyncError):
    """No valid session: the officer must sign in again. The outbox is left untouched."""

    code = "login_required"


class ApiError(SyncError):
    """The server answered with a 4xx the desk cannot retry (bad request, forbidden...)."""

    def __init__(self, status: int, code: str, message: str, details: object = None) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.details = details


class NotSignedIn(LoginRequired):
    code = "not_signed_in"

    def __init__(self, message: str = "Belum masuk ke server pusat. Jalankan "
                 "`lapor-desk login --server URL --username NAMA`.") -> None:
        super().__init__(message)


class TrustError(SyncError):
    """The secure connection cannot be set up as configured: the server's certificate is
    not trusted or names another host, the CA file is missing, or the address is plain
    http:// to another computer. Retrying cannot help: the officer or the admin must change
    the configuration (Pengaturan, ``--ca-file``, the server's certificate).

    ``code``: ``tls_untrusted``, ``tls_hostname``, ``tls_expired``, ``ca_file`` or
    ``insecure_url``."""

    code = "tls_untrusted"


def plain_message(text: str | None) -> str | None:
    """``text`` without the technical token older desks stored with it (Indonesian only:
    "Server pusat tidak dapat dihubungi (ConnectionError)." -> "... dihubungi.")."""
    if not text:
        return text
    return _TECHNICAL_SUFFIX.sub("", text)
