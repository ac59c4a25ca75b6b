"""What every ``lapor-desk`` command shares: its exit codes (README "Exit codes": contracts
scripts rely on) and opening the desk's store with an Indonesian word when it cannot be."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store import DeskService

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_LOGIN_REQUIRED = 4
EXIT_REJECTED = 5
EXIT_INVALID_INPUT = 6
EXIT_NOT_SIGNED = 7  # verify-pdf: no signature, or modified after signing
EXIT_UNTRUSTED = 8  # verify-pdf: intact but not trusted


def say_error(message: str) -> None:
    print(f"lapor-desk: {message}", file=sys.stderr)


def open_store(args: Namespace, *, plaintext: bool = False) -> DeskService | None:
    """The store of ``--data-dir`` (else the default data folder), or None after saying on
    stderr why it cannot be opened (wrong key, newer schema, a locked file...)."""
    from desktop.paths import data_dir
    from desktop.store import DeskService, StoreError

    try:
        return DeskService(data_dir(getattr(args, "data_dir", None)), plaintext=plaintext)
    except StoreError as exc:
        say_error(exc.message)
        return None
