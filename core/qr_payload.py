"""The verification text inside a disposition sheet's QR code, and its keyed checksum.

Format (one line, ASCII)::

    LPD1|<agency code>|<agenda number>|<complaint number>|<tag>

Fields are percent-encoded (so a ``|`` inside a field cannot shift the others); ``tag`` is
the first 10 bytes (80 bits) of HMAC-SHA256(key, everything before the last ``|``), in
base32 without padding (16 characters). The key never leaves the desk and the server; a
payload whose fields were edited, or that was made with another key, does not verify.

A desk that knows its server prints the payload inside a verification URL instead
(``verify_url``)::

    https://<server>/api/v1/letters/v/LPD1*<agency>*<agenda number>*<complaint number>*<tag>

the same signed payload with ``*`` for ``|`` (``*`` is always percent-encoded inside a
field, so the swap is exact; it is also in the QR alphanumeric set, and ``|`` is not
allowed in a URL), ``%`` and ``#`` escaped once more. Opening it shows the answer of
``/letters/verify`` (HTML for a browser, JSON on request).

Standard library only: the server imports this without reportlab.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

PREFIX = "LPD1"
SEPARATOR = "|"
TAG_BYTES = 10
FIELD_LIMIT = 100  # characters; keeps the code small enough to scan at 2 cm
# What a draft (konsep, before issuing) shows for its agenda number. Drafts print no QR;
# a payload naming this (earlier drafts printed one) is never a genuine sheet.
DRAFT_AGENDA = "(diberikan saat diterbitkan)"
_SAFE = "/-._~:#()"
VERIFY_PATH = "/api/v1/letters/v/"  # + the payload in URL form (``verify_url``)
URL_SEPARATOR = "*"
_URL_SAFE = "/-._~:()" + URL_SEPARATOR


@dataclass(frozen=True)
class QrFields:
    agency_code: str
    agenda_number: str
    complaint_number: str


def _key_bytes(key: bytes | str) -> bytes:
    data = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if not data:
        raise ValueError("Kunci QR belum diatur (kosong).")
    return data


def _tag(body: str, key: bytes | str) -> str:
    mac = hmac.new(_key_bytes(key), body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(mac[:TAG_BYTES]).decode("ascii").rstrip("=")


def make_qr_payload(
    agency_code: str, agenda_number: str, complaint_number: str | int, key: bytes | str
) -> str:
    """The signed text to put in the QR code. ``complaint_number`` is the tracking number,
    or the provisional number while there is none."""
    fields = (agency_code, agenda_number, str(complaint_number))
    for name, value in zip(("Kode instansi", "Nomor agenda", "Nomor laporan"), fields,
                           strict=True):
        if len(str(value)) > FIELD_LIMIT:
            raise ValueError(f"{name} terlalu panjang untuk kode QR (maks. {FIELD_LIMIT} "
                             "karakter).")
    body = SEPARATOR.join([PREFIX, *(quote(str(f), safe=_SAFE) for f in fields)])
    return f"{body}{SEPARATOR}{_tag(body, key)}"


def parse_qr_payload(payload: str) -> QrFields | None:
    """The fields of a well-formed payload (checksum NOT checked), None if malformed."""
    parts = payload.strip().split(SEPARATOR) if isinstance(payload, str) else []
    if len(parts) != 5 or parts[0] != PREFIX:
        return None
    return QrFields(*(unquote(p) for p in parts[1:4]))


def is_draft_agenda(agenda_number: str) -> bool:
    """Whether a payload's agenda number is a draft's: the draft text, or no digit at all
    (every agenda template holds ``{seq}`` and ``{year}``)."""
    text = str(agenda_number).strip()
    return text == DRAFT_AGENDA or not any("0" <= ch <= "9" for ch in text)


def verify_qr_payload(payload: str, key: bytes | str) -> bool:
    """True only when ``payload`` is well formed and its tag matches ``key``."""
    if parse_qr_payload(payload) is None:
        return False
    body, _, tag = payload.strip().rpartition(SEPARATOR)
    try:
        expected = _tag(body, key)
    except (ValueError, UnicodeEncodeError):
        return False
    return hmac.compare_digest(expected, tag)


def verify_url(server_url: str, payload: str) -> str:
    """The URL a sheet's QR code opens: ``payload`` (``make_qr_payload``) in URL form under
    the server's verification page. ``server_url``: ``https://host[:port]`` as the desk
    stores it (a trailing slash or ``/api/v1`` is dropped)."""
    base = server_url.strip().rstrip("/")
    if base.endswith("/api/v1"):
        base = base[: -len("/api/v1")]
    code = quote(payload.strip().replace(SEPARATOR, URL_SEPARATOR), safe=_URL_SAFE)
    return f"{base}{VERIFY_PATH}{code}"


def payload_from_code(code: str) -> str:
    """The payload back from the URL form's last part, once the URL was decoded (as a web
    server hands over a path); a payload pasted with ``|`` is taken as it is."""
    text = code.strip()
    return text if SEPARATOR in text else text.replace(URL_SEPARATOR, SEPARATOR)


def display_url(url: str) -> str:
    """``url`` as printed under the code: without ``https://``."""
    parts = urlsplit(url)
    return url[len(parts.scheme) + 3:] if parts.scheme and url.startswith(
        f"{parts.scheme}://") else url
