"""The desk's signing certificate: where it is and unlocking it (``lapor-desk signing`` and
Pengaturan › Tanda tangan elektronik both use this).

Configuration (never the passphrase):

- the store's setting ``signing``: ``{"kind": "pkcs12", "path": "/…/kadinkes.p12",
  "location": "Banjarmasin"}`` or ``{"kind": "pkcs11", "module": "/usr/lib/…/libtoken.so",
  "token": "LABEL", "key": "LABEL", "location": …}``;
- env ``LAPOR_SIGN_P12`` (a .p12 path) overrides the setting for one run (scripts);
- ``<data dir>/signing/ca/`` holds CA certificates (PEM/DER: the BSrE chain), used to
  complete the chain and by ``verify-pdf``; ``<data dir>/signing/crl/`` the CRLs checked
  before every signature (a revoked certificate is refused).

The passphrase (PIN for a token) comes from env ``LAPOR_SIGN_PASSPHRASE`` or, on a
terminal, a prompt; it is held in memory for one command and never written to the
database, a file or a log.

``lapor-desk signing [--p12 FILE | --pkcs11-module LIB …] [--ca-file PEM] [--crl-file F]
[--clear] [--json]`` sets and checks it; without options it shows the current one.
Exit codes: 0 ok, 1 error (refused certificate, wrong passphrase, unreadable file).
"""

from __future__ import annotations

import getpass
import os
import shutil
import sys
from pathlib import Path
from typing import Any

SETTING = "signing"
P12_ENV = "LAPOR_SIGN_P12"
PASSPHRASE_ENV = "LAPOR_SIGN_PASSPHRASE"
SIGNING_DIR = "signing"
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
CRL_SUFFIXES = (".crl", ".pem", ".der")


def signing_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SIGNING_DIR


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)


def ca_files(data_dir: Path) -> list[Path]:
    return _files(signing_dir(data_dir) / "ca", CERT_SUFFIXES)


def crl_files(data_dir: Path) -> list[Path]:
    return _files(signing_dir(data_dir) / "crl", CRL_SUFFIXES)


def configured(service: Any) -> dict | None:
    """The signing configuration in force: env ``LAPOR_SIGN_P12``, else the setting."""
    path = os.environ.get(P12_ENV, "").strip()
    if path:
        return {"kind": "pkcs12", "path": path}
    value = service.get_setting(SETTING)
    return dict(value) if isinstance(value, dict) and value.get("kind") else None


def passphrase(what: str = "kata sandi sertifikat (.p12)") -> str | None:
    """From ``LAPOR_SIGN_PASSPHRASE``, else asked on the terminal; None when neither."""
    if PASSPHRASE_ENV in os.environ:
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{what.capitalize()}: ")
    return None


def open_identity(config: dict, data_dir: Path, secret: str | None = None) -> Any:
    """The ``SigningIdentity`` the configuration names. The passphrase/PIN is ``secret``
    when given (the desk's window asks for it), else ``passphrase()``."""
    from desktop.letters.pades import SigningRefused, load_pkcs12, open_pkcs11

    if config.get("kind") == "pkcs11":
        pin = secret if secret is not None else passphrase("PIN token")
        return open_pkcs11(str(config.get("module") or ""), pin,
                           token_label=config.get("token"), key_label=config.get("key"),
                           cert_label=config.get("cert"))
    path = Path(str(config.get("path") or ""))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningRefused("p12_missing", f"Berkas sertifikat {path} tidak dapat dibaca: "
                                            f"{exc.strerror or exc}.") from None
    if secret is None:
        secret = passphrase()
    if secret is None:
        raise SigningRefused("no_passphrase", "Desk ini memakai sertifikat elektronik, tetapi "
                             f"kata sandinya tidak diberikan: isi env {PASSPHRASE_ENV} atau "
                             "jalankan di terminal (kata sandi ditanyakan). Tanpa tanda "
                             "tangan elektronik: --unsigned.")
    return load_pkcs12(data, secret, source=str(path))


def desk_sealer(service: Any, data_dir: Path, *, unsigned: bool = False) -> Any:
    """A checked ``PdfSealer`` for this desk, or None when no certificate is configured
    (or ``unsigned``). SigningRefused when it cannot sign (expired, revoked, …)."""
    if unsigned:
        return None
    config = configured(service)
    return None if config is None else desk_sealer_for(config, data_dir)


def _copy_into(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def configure(service: Any, folder: Path, *, p12: str | Path | None = None,
              pkcs11_module: str | None = None, token: str | None = None,
              key: str | None = None, location: str | None = None,
              ca: tuple[str | Path, ...] | list = (), crl: tuple[str | Path, ...] | list = (),
              clear: bool = False, check: bool = False, secret: str | None = None
              ) -> dict[str, Any]:
    """Set, clear and check the desk's certificate: ``lapor-desk signing`` and Pengaturan ›
    Tanda tangan elektronik. CA/CRL files are checked then copied into the data dir; a new
    certificate is opened and checked (``secret``: its passphrase, else ``passphrase()``)
    before it is saved. Returns what ``--json`` prints. SigningRefused, OSError or
    ValueError when something cannot be used (nothing of it is saved)."""
    from desktop.letters.pades import load_certs, load_crls

    for path in ca:
        load_certs([Path(path)])  # a file that is no certificate is refused here
        _copy_into(Path(path), signing_dir(folder) / "ca")
    for path in crl:
        load_crls([Path(path)])
        _copy_into(Path(path), signing_dir(folder) / "crl")
    if clear:
        service.set_setting(SETTING, None)
    new = None
    if p12:
        new = {"kind": "pkcs12", "path": str(Path(p12).resolve())}
    elif pkcs11_module:
        new = {"kind": "pkcs11", "module": pkcs11_module, "token": token, "key": key}
    if new is not None and location:
        new["location"] = location
    config = new or (None if clear else configured(service))
    info: dict[str, Any] = {"configured": config is not None, "config": config,
                            "ca_files": [str(p) for p in ca_files(folder)],
                            "crl_files": [str(p) for p in crl_files(folder)]}
    if config is not None and (new is not None or check):
        sealer = desk_sealer_for(config, folder, secret=secret)
        info["certificate"] = sealer.identity.describe()
    if new is not None:
        service.set_setting(SETTING, new)
    return info


def desk_sealer_for(config: dict, folder: Path, secret: str | None = None) -> Any:
    """A checked sealer for ``config`` (``lapor-desk signing`` checks before saving);
    ``secret``: the passphrase/PIN, else ``passphrase()``."""
    from core.clock import clock
    from desktop.letters.pades import PdfSealer, load_certs, load_crls

    identity = open_identity(config, folder, secret)
    sealer = PdfSealer(identity, clock().now, location=str(config.get("location") or ""),
                       crls=load_crls(crl_files(folder)), extra_certs=load_certs(ca_files(folder)))
    sealer.check()
    return sealer
