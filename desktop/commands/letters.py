"""``lapor-desk letter COMPLAINT --out FILE.pdf [--paper a4|f4|half]``.

COMPLAINT is a tracking number (``1916449`` / ``#1916449``), a provisional number
(``L-D1-20261128-0007``) or a complaint id. When the complaint already has a letter that is
not voided, that letter is written on the paper asked for (a reprint: the archived bytes,
byte-identical; on another paper its archived copy with the same agenda number, made once;
no new agenda number); otherwise a new letter is issued from this desk's
reserved agenda numbers (reserving a block first if none are left and the server answers).
``--paper`` defaults to the paper set in Pengaturan › Kop surat.

Where the desk has a signing certificate (``lapor-desk signing``, desktop/commands/
signing.py) a newly issued sheet (and a copy made on another paper) is signed
electronically at issue time, and the signed bytes are what is archived and reprinted;
the certificate is checked first (expired or revoked: exit 1, nothing issued).
``--unsigned`` issues a QR-only sheet even so. Reprints are never re-signed.

Exit codes (desktop/cli.py): 0 ok · 1 error · 3 server unreachable while numbers ran out ·
4 not signed in.
"""

from __future__ import annotations

import logging
import sys
from argparse import Namespace
from pathlib import Path
from typing import Any

from desktop.atomic_file import write_atomically
from desktop.commands.common import (
    EXIT_ERROR,
    EXIT_LOGIN_REQUIRED,
    EXIT_OK,
    EXIT_UNREACHABLE,
    open_store,
)


def _err(message: str) -> None:
    print(f"lapor-desk: {message}", file=sys.stderr)


def _write(out: Path, data: bytes) -> None:
    """A half-written PDF never sits under the requested name."""
    write_atomically(out, data)


def out_problem(out: Path, example: str) -> str | None:
    """Why a PDF cannot be written at ``out`` (a folder, or in a folder that is missing)."""
    if out.is_dir():
        return f"{out} adalah folder; sebutkan nama berkas PDF, misalnya {out / example}."
    if not out.parent.exists() and str(out.parent):
        return f"folder {out.parent} tidak ada."
    return None


def _client(service: Any) -> Any:
    from desktop.sync.account import Account
    from desktop.sync.retry import RetryPolicy

    return Account(service).client(retry=RetryPolicy(attempts=2), timeouts=(5.0, 20.0))


def _issue(service: Any, complaint_id: str, paper: str) -> Any:
    """Issue; when this desk has no agenda number left, reserve a block and try once more."""
    from desktop.printing import IssueOptions, LetterError, ensure_agenda_numbers, issue_letter

    options = IssueOptions(paper=paper)
    try:
        return issue_letter(service, complaint_id, options=options)
    except LetterError as exc:
        if exc.code != "no_agenda_numbers":
            raise
        from desktop.sync.errors import SyncError

        try:
            client = _client(service)
        except SyncError:
            raise exc from None
        try:
            ensure_agenda_numbers(service, client)
        except SyncError as net:
            from desktop.sync.errors import LoginRequired

            code = "not_signed_in" if isinstance(net, LoginRequired) else "unreachable"
            raise LetterError(code, f"{exc.message} ({net.message})") from net
        finally:
            client.close()
        return issue_letter(service, complaint_id, options=options)


def _held(service: Any, record: Any) -> bool:
    """Whether this desk holds the record's bytes (a copy made here of a synced letter)."""
    from desktop.printing import LetterError, read_archived

    try:
        read_archived(service, record)
    except LetterError as exc:
        return exc.code != "archive_missing"
    return True


def run(args: Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from core import DomainError
    from desktop.printing import (
        LetterError,
        active_letter,
        current_actor,
        fetch_archived,
        find_complaint,
        letter_on_paper,
        level_for,
        read_archived,
    )
    from desktop.printing import settings as letter_settings

    out = Path(args.out)
    problem = out_problem(out, "disposisi.pdf")
    if problem:
        _err(problem)
        return EXIT_ERROR
    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    from desktop.letters.pades import SigningRefused
    from desktop.letters.signbox import sealing
    from desktop.printing.signing import desk_sealer

    try:
        snapshot = find_complaint(service, args.complaint)
        current_actor(service)
        paper = args.paper or letter_settings.load(service).paper
        level = level_for(service, snapshot["id"])  # the signed-in officer's chain level
        record = active_letter(service, snapshot["id"], level=level)
        reprint = record is not None
        sealer = None
        if record is None or record.paper != paper:  # something is rendered: sign it
            sealer = desk_sealer(service, Path(service.data_dir),
                                 unsigned=bool(getattr(args, "unsigned", False)))
        with sealing(sealer):
            if record is None:
                record = _issue(service, snapshot["id"], paper)
            else:  # one letter, one number: another paper is the same letter
                record = letter_on_paper(service, record, paper)
        if record.local or record.sha256 and _held(service, record):
            data = read_archived(service, record)
        else:
            client = _client(service)
            try:
                data = fetch_archived(service, client, record)
            finally:
                client.close()
        _write(out, data)
    except SigningRefused as exc:
        _err(exc.message)
        return EXIT_ERROR
    except LetterError as exc:
        _err(exc.message)
        if exc.code == "not_signed_in":
            return EXIT_LOGIN_REQUIRED
        if exc.code == "unreachable":
            return EXIT_UNREACHABLE
        return EXIT_ERROR
    except DomainError as exc:
        _err(exc.message)
        return EXIT_ERROR
    except OSError as exc:
        _err(f"berkas {out} tidak dapat ditulis: {exc.strerror or exc}.")
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the sync client's errors, among others
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        _err(message)
        from desktop.sync.errors import LoginRequired, NotSignedIn, Unreachable

        if isinstance(exc, LoginRequired | NotSignedIn):
            return EXIT_LOGIN_REQUIRED
        if isinstance(exc, Unreachable):
            return EXIT_UNREACHABLE
        return EXIT_ERROR
    finally:
        service.close()
    what = "Cetak ulang" if reprint else "Diterbitkan"
    state = " (DIBATALKAN)" if record.voided else ""
    print(f"{what}: lembar disposisi No. Agenda {record.agenda_number}{state}, pengaduan "
          f"{snapshot.get('tracking_number') or snapshot.get('provisional_number')}, kertas "
          f"{paper.upper()} -> {out}")
    print(f"sha256 {record.sha256}")
    if sealer is not None:
        print(f"Ditandatangani secara elektronik oleh {sealer.signer_name}.")
    return EXIT_OK
