"""``lapor-desk login | logout | sync | status``: the sync engine for scripts and schedulers.

- ``login --server URL --username U [--ca-file PEM]``: password from env ``LAPOR_PASSWORD``
  or a prompt; ``--ca-file`` is the agency's CA, kept for later syncs.
- ``logout``: revoke the session and forget the token (outbox and data stay).
- ``sync [--json]``: one full round, push all then pull all.
- ``status [--json]``: server, user, pending_ops, rejected_ops, last_sync, complaints,
  credential_store ... (no network).

Exit codes (desktop/cli.py): 0 ok · 1 error (also: another sync holds this data dir for
more than 30 s; the server's certificate is not trusted or names another host; the CA file
is missing) · 2 usage (no password given) · 3 server unreachable (after retries with
backoff) · 4 login required (never signed in, session gone, wrong password) · 5 the round
finished but rejected operations remain (see Perlu Perhatian).
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
from argparse import Namespace
from typing import Any

from desktop.commands.common import (
    EXIT_ERROR,
    EXIT_LOGIN_REQUIRED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    open_store,
)

PASSWORD_ENV = "LAPOR_PASSWORD"


def _err(message: str) -> None:
    print(f"lapor-desk: {message}", file=sys.stderr)


def _quiet_logging() -> None:
    # Headless runs print their own Indonesian lines; library chatter stays out of cron mail.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _exit_for(exc: BaseException) -> int:
    from desktop.sync.errors import LoginRequired, Unreachable

    if isinstance(exc, LoginRequired):
        return EXIT_LOGIN_REQUIRED
    if isinstance(exc, Unreachable):
        return EXIT_UNREACHABLE
    return EXIT_ERROR


def _password() -> str | None:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass("Kata sandi: ")
    except (EOFError, KeyboardInterrupt):
        return None


def login(args: Namespace) -> int:
    _quiet_logging()
    from desktop.sync.account import Account
    from desktop.sync.errors import SyncError

    password = _password()
    if not password:
        _err(f"kata sandi tidak diberikan: isi env {PASSWORD_ENV} atau jalankan di terminal.")
        return EXIT_USAGE
    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        account = Account(service)
        try:
            who = account.login(args.server, args.username, password,
                                ca_file=getattr(args, "ca_file", None))
        except ValueError as exc:
            _err(str(exc))
            return EXIT_USAGE
        except SyncError as exc:
            _err(exc.message)
            return _exit_for(exc)
        where = ("brankas kredensial sistem" if who.credential_store == "keyring" else
                 f"berkas pribadi {account.store.file_path} (tidak ada brankas kredensial)")
        unit = f", unit {who.unit}" if who.unit else ""
        print(f"Berhasil masuk ke {who.server_url} sebagai {who.full_name} ({who.username}, "
              f"{who.role}, {who.agency}{unit}). Token disimpan di {where}.")
        if account.ca_file:
            print(f"Sertifikat server diperiksa dengan CA {account.ca_file}.")
        return EXIT_OK
    finally:
        service.close()


def logout(args: Namespace) -> int:
    _quiet_logging()
    from desktop.sync.account import Account

    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        account = Account(service)
        account.logout()
        print("Keluar: token dihapus dari komputer ini. Tindakan yang belum terkirim tetap "
              "tersimpan di Kotak Keluar.")
        return EXIT_OK
    finally:
        service.close()


def sync(args: Namespace) -> int:
    _quiet_logging()
    from desktop.printing.reserve import top_up_agenda
    from desktop.sync.account import Account
    from desktop.sync.engine import SyncEngine
    from desktop.sync.errors import SyncError
    from desktop.sync.local import SyncLocal

    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    as_json = bool(getattr(args, "json", False))
    try:
        account = Account(service)
        try:
            client = account.client()
        except SyncError as exc:
            SyncLocal(service).set_states({"login_required": True, "last_error": exc.message})
            return _fail(exc, as_json)
        try:
            report = SyncEngine(service, client, after_round=top_up_agenda).sync_once()
        except SyncError as exc:
            return _fail(exc, as_json)
        except Exception as exc:  # noqa: BLE001 - a fault: stored work is safe, say so
            logging.getLogger(__name__).exception("sync failed")
            SyncLocal(service).set_states({"last_error": f"{type(exc).__name__}: {exc}"})
            return _fail(SyncError(f"Sinkronisasi gagal karena galat tak terduga "
                                   f"({type(exc).__name__}: {exc}). Tindakan yang tersimpan "
                                   "aman dan dikirim pada sinkronisasi berikutnya.",
                                   code="internal"), as_json)
        finally:
            client.close()
        counts = SyncLocal(service).counts()
        out = {"ok": True, **report.to_dict(), "pending_ops": counts["pending"] +
               counts["sending"], "rejected_ops": counts["rejected"]}
        if as_json:
            print(json.dumps(out, ensure_ascii=False))
        else:
            print(f"Sinkron selesai: {report.applied} tindakan diterima, {report.duplicate} "
                  f"sudah ada, {report.rejected} ditolak; {report.pulled} pengaduan diperbarui "
                  f"dalam {report.seconds:.1f} detik.")
            if report.reset_reason == "restored":
                print(f"Server pusat telah dipulihkan dari cadangan: {report.resent} tindakan "
                      "yang sudah pernah diterima server dikirim ulang.")
                for old, new in report.renumbered:
                    print(f"Pengaduan {old} kini bernomor {new}: beri tahu pelapornya.")
            if counts["rejected"]:
                print(f"{counts['rejected']} tindakan ditolak server: lihat Perlu Perhatian "
                      "di aplikasi.")
        return EXIT_REJECTED if counts["rejected"] else EXIT_OK
    finally:
        service.close()


def _fail(exc: Any, as_json: bool) -> int:
    code = _exit_for(exc)
    if as_json:
        print(json.dumps({"ok": False, "error": exc.code, "message": exc.message,
                          "exit_code": code}, ensure_ascii=False))
    _err(exc.message)
    return code


def status_data(service: Any) -> dict[str, Any]:
    """What ``status --json`` prints (also used by the GUI's status bar tooltip)."""
    from desktop.demo_note import status_hint
    from desktop.sync.account import Account
    from desktop.sync.local import SyncLocal

    account = Account(service)
    counts = SyncLocal(service).counts()
    actor = account.actor or {}
    return {
        "server": account.server_url,
        "ca_file": account.ca_file,
        "user": account.username,
        "full_name": actor.get("full_name"),
        "role": actor.get("role"),
        "agency": actor.get("agency"),
        "signed_in": account.signed_in,
        "login_required": bool(service.get_sync_state("login_required")),
        "credential_store": account.credential_store,
        "device_id": account.device_id,
        "pending_ops": counts["pending"] + counts["sending"],
        "rejected_ops": counts["rejected"],
        "applied_ops": counts["applied"],
        "last_sync": service.get_sync_state("last_sync"),
        "last_error": service.get_sync_state("last_error"),
        "complaints": service.total(),
        "data_dir": str(service.data_dir),
        # After lapor-desk --demo: why its data is not here (desktop/demo_note.py).
        "demo": status_hint(service.data_dir, service.total()),
    }


def _demo_hint(args: Namespace) -> None:
    """A desk left by ``lapor-desk --demo --data-dir`` cannot be opened: say why."""
    from desktop.demo_note import status_hint
    from desktop.paths import data_dir

    hint = status_hint(data_dir(getattr(args, "data_dir", None)), None)
    if hint:
        _err(hint["message"])


def status(args: Namespace) -> int:
    _quiet_logging()
    service = open_store(args)
    if service is None:
        _demo_hint(args)
        return EXIT_ERROR
    try:
        data = status_data(service)
    finally:
        service.close()
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    store = ("brankas kredensial sistem" if data["credential_store"] == "keyring"
             else "berkas pribadi (tidak ada brankas kredensial di komputer ini)")
    lines = [
        f"Server        : {data['server'] or '-'}",
        f"Sertifikat CA : {data['ca_file'] or 'bawaan (tidak diatur)'}",
        f"Pengguna      : {data['user'] or '-'}"
        + ("" if data["signed_in"] else " (belum masuk)"),
        f"Token         : {store}",
        f"Sinkron akhir : {data['last_sync'] or 'belum pernah'}",
        f"Menunggu      : {data['pending_ops']} tindakan",
        f"Ditolak       : {data['rejected_ops']} tindakan",
        f"Pengaduan     : {data['complaints']}",
    ]
    if data["last_error"]:
        lines.append(f"Galat terakhir: {data['last_error']}")
    if data["login_required"]:
        lines.append("Perlu masuk kembali: jalankan `lapor-desk login`.")
    if data["demo"]:
        lines.append(f"Demo          : {data['demo']['message']}")
    print("\n".join(lines))
    return EXIT_OK
