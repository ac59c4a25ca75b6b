"""The desk's signing certificate: where it is, unlocking it, and ``lapor-desk signing``.

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
import json
import os
import shutil
import sys
from argparse import Namespace
from pathlib import Path
from typing import Any

SETTING = "signing"
P12_ENV = "LAPOR_SIGN_P12"
PASSPHRASE_ENV = "LAPOR_SIGN_PASSPHRASE"
SIGNING_DIR = "signing"
CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")
CRL_SUFFIXES = (".crl", ".pem", ".der")

EXIT_OK, EXIT_ERROR = 0, 1


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


def open_identity(config: dict, data_dir: Path) -> Any:
    """The ``SigningIdentity`` the configuration names (asks for the passphrase/PIN)."""
    from desktop.letters.pades import SigningRefused, load_pkcs12, open_pkcs11

    if config.get("kind") == "pkcs11":
        pin = passphrase("PIN token")
        return open_pkcs11(str(config.get("module") or ""), pin,
                           token_label=config.get("token"), key_label=config.get("key"),
                           cert_label=config.get("cert"))
    path = Path(str(config.get("path") or ""))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningRefused("p12_missing", f"Berkas sertifikat {path} tidak dapat dibaca: "
                                            f"{exc.strerror or exc}.") from None
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


def run(args: Namespace) -> int:
    from desktop.letters.pades import SigningRefused, load_certs, load_crls
    from desktop.paths import data_dir
    from desktop.store import DeskService, StoreError

    folder = data_dir(getattr(args, "data_dir", None))
    try:
        service = DeskService(folder)
    except StoreError as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    try:
        for path in args.ca_file or ():
            load_certs([Path(path)])  # a file that is no certificate is refused here
            _copy_into(Path(path), signing_dir(folder) / "ca")
        for path in args.crl_file or ():
            load_crls([Path(path)])
            _copy_into(Path(path), signing_dir(folder) / "crl")
        if args.clear:
            service.set_setting(SETTING, None)
        new = None
        if args.p12:
            new = {"kind": "pkcs12", "path": str(Path(args.p12).resolve())}
        elif args.pkcs11_module:
            new = {"kind": "pkcs11", "module": args.pkcs11_module, "token": args.token,
                   "key": args.key}
        if new is not None and args.location:
            new["location"] = args.location
        config = new or (None if args.clear else configured(service))
        info: dict[str, Any] = {"configured": config is not None, "config": config,
                                "ca_files": [str(p) for p in ca_files(folder)],
                                "crl_files": [str(p) for p in crl_files(folder)]}
        if config is not None and (new is not None or args.check):
            sealer = desk_sealer_for(config, folder)
            info["certificate"] = sealer.identity.describe()
        if new is not None:
            service.set_setting(SETTING, new)
    except SigningRefused as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except (OSError, ValueError) as exc:
        print(f"lapor-desk: berkas tidak dapat dipakai: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        service.close()
    if args.json:
        json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if config is None:
        print("Tanda tangan elektronik: belum diatur (lembar disposisi hanya dengan kode QR).")
    else:
        where = config.get("path") or config.get("module")
        print(f"Tanda tangan elektronik: {config['kind']} {where}")
        cert = info.get("certificate")
        if cert:
            print(f"Sertifikat: {cert['name']} (penerbit {cert['issuer']}), berlaku sampai "
                  f"{cert['not_after'][:10]}; dapat dipakai.")
    print(f"CA: {len(info['ca_files'])} berkas, CRL: {len(info['crl_files'])} berkas "
          f"({signing_dir(folder)})")
    return EXIT_OK


def desk_sealer_for(config: dict, folder: Path) -> Any:
    """A checked sealer for ``config`` (``lapor-desk signing`` checks before saving)."""
    from desktop.domain.clock import clock
    from desktop.letters.pades import PdfSealer, load_certs, load_crls

    identity = open_identity(config, folder)
    sealer = PdfSealer(identity, clock().now, location=str(config.get("location") or ""),
                       crls=load_crls(crl_files(folder)), extra_certs=load_certs(ca_files(folder)))
    sealer.check()
    return sealer
