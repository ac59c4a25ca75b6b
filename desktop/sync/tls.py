"""Trust of the central server's TLS certificate: the agency's CA file, its checks, and
Indonesian messages for the failures that retrying cannot fix.

The desk never turns verification off. It trusts, in this order: the CA file set in
Pengaturan (or ``lapor-desk login --ca-file``), else ``REQUESTS_CA_BUNDLE`` /
``CURL_CA_BUNDLE`` when set, else the bundle requests ships (certifi). Plain ``http://``
is allowed only to this computer (loopback), where nothing crosses a network.
"""

from __future__ import annotations

import ipaddress
import os
import ssl
from pathlib import Path
from urllib.parse import urlsplit

from desktop.sync.errors import TrustError

CA_ENV_VARS = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
WHERE = ("Pengaturan › Server dan sinkronisasi, atau `lapor-desk login --server URL "
         "--username NAMA --ca-file BERKAS`")
# OpenSSL's X509_V_ERR_* codes that name the failure more precisely than "not trusted".
_HOSTNAME_CODES = frozenset({62, 64})  # HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH
_DATE_CODES = frozenset({9, 10})  # CERT_NOT_YET_VALID, CERT_HAS_EXPIRED

INSECURE_URL = ("Alamat server harus memakai https:// (http:// hanya untuk server di "
                "komputer ini: localhost atau 127.0.0.1). Lewat http:// kata sandi dan data "
                "pengaduan terkirim tanpa enkripsi.")


def is_loopback(host: str | None) -> bool:
    """127.0.0.0/8, ::1 and localhost: traffic that never leaves this computer."""
    if not host:
        return False
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url_scheme(url: str) -> None:
    """ValueError (Indonesian) for ``http://`` to anything but loopback."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "http" and not is_loopback(parts.hostname):
        raise ValueError(INSECURE_URL)


def check_ca_file(path: str | os.PathLike[str]) -> str:
    """The absolute path of a readable PEM file with at least one CA certificate, else
    TrustError (code ``ca_file``) saying what is wrong with it."""
    target = Path(path).expanduser()
    shown = str(target)
    if not target.exists():
        raise TrustError(f"Berkas sertifikat CA tidak ditemukan: {shown}. Pilih berkas yang "
                         f"benar di {WHERE}.", code="ca_file")
    if not target.is_file():
        raise TrustError(f"Sertifikat CA harus berupa berkas, bukan folder: {shown}.",
                         code="ca_file")
    try:
        ssl.create_default_context(cafile=str(target))
    except PermissionError:
        raise TrustError(f"Berkas sertifikat CA tidak dapat dibaca (tidak ada izin): {shown}.",
                         code="ca_file") from None
    except (ssl.SSLError, ValueError, UnicodeDecodeError):
        raise TrustError(f"Berkas {shown} bukan sertifikat CA berformat PEM (teks yang "
                         "diawali -----BEGIN CERTIFICATE-----). Minta berkas CA instansi "
                         "dalam format PEM kepada admin.", code="ca_file") from None
    except OSError as exc:
        raise TrustError(f"Berkas sertifikat CA tidak dapat dibaca: {shown} "
                         f"({exc.strerror or exc}).", code="ca_file") from None
    return str(target.resolve())


def check_env_bundle() -> None:
    """TrustError when REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE points at nothing (requests would
    fail with an English OSError on the first request)."""
    for name in CA_ENV_VARS:
        value = os.environ.get(name)
        if value:
            if not os.path.exists(value):
                raise TrustError(
                    f"Variabel lingkungan {name} menunjuk berkas yang tidak ada: {value}. "
                    f"Perbaiki atau hapus variabel itu, atau atur sertifikat CA instansi di "
                    f"{WHERE}.", code="ca_file")
            return  # requests uses the first one set


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps (requests -> urllib3 MaxRetryError -> ssl error)."""
    found: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or any(item is seen for seen in found):
            continue  # ssl.SSLError.reason is a string, MaxRetryError.reason an error
        found.append(item)
        todo.extend((getattr(item, "reason", None), item.__cause__, item.__context__,
                     *item.args))
    return found


def trust_error(exc: BaseException, host: str, ca_file: str | None) -> TrustError | None:
    """The configuration problem behind an SSL failure, or None when it may be passing
    (a handshake cut by the network is retried like any other network error)."""
    causes = _causes(exc)
    verify = next((c for c in causes if isinstance(c, ssl.SSLCertVerificationError)), None)
    if verify is not None:
        code = getattr(verify, "verify_code", None)
        reason = str(getattr(verify, "verify_message", "") or verify)
        if code in _HOSTNAME_CODES or "mismatch" in reason.lower():
            return TrustError(
                f"Sertifikat server dibuat untuk nama lain, bukan {host}. Pakai alamat server "
                "persis seperti nama pada sertifikatnya, atau minta admin memperbaiki "
                "sertifikat server.", code="tls_hostname")
        if code in _DATE_CODES:
            return TrustError(
                f"Sertifikat server {host} sudah kedaluwarsa atau belum berlaku. Periksa "
                "tanggal dan jam komputer ini, atau minta admin memperbarui sertifikat "
                "server.", code="tls_expired")
        if ca_file:
            why = (f"sertifikat itu tidak diterbitkan oleh sertifikat CA yang diatur "
                   f"({ca_file}). Periksa berkas CA instansi di {WHERE}.")
        else:
            why = ("penerbitnya tidak dikenal komputer ini. Jika instansi memakai sertifikat "
                   f"sendiri, atur berkas sertifikat CA instansi di {WHERE}.")
        return TrustError(f"Sertifikat server {host} tidak dipercaya: {why} Bila ragu, "
                          "hubungi admin: server yang tidak dapat dibuktikan bisa jadi "
                          "palsu.", code="tls_untrusted")
    for cause in causes:  # the CA file itself would not load
        if isinstance(cause, ssl.SSLError) and "X509" in str(cause):
            shown = ca_file or next((os.environ[n] for n in CA_ENV_VARS
                                     if os.environ.get(n)), "bawaan")
            return TrustError(f"Berkas sertifikat CA {shown} tidak dapat dipakai: bukan "
                              "sertifikat berformat PEM.", code="ca_file")
    return None
