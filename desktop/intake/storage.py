"""The intake package's one door into the desk store's internals.

Recording at the front desk needs more in ONE transaction than ``DeskService.apply_local_op``
offers (a provisional number, several ops, the attachment files, the draft removal), so
intake opens the store's own writer transaction and reuses the store's row writers. Every
such reach-in is here, so a store change touches one file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from desktop.store import service as _store
from desktop.store import snapshots as _sn

if TYPE_CHECKING:
    from desktop.store import DeskService

insert_outbox = _store._insert_outbox
load_snapshot = _store._load_snapshot


def write_new_snapshots(conn: Connection, snapshots: list[dict]) -> None:
    """Store complaints made on this desk (dirty: not yet on the server; no server base)."""
    if snapshots:
        _store._write_prepared(conn, _sn.prepare(snapshots, dirty=True))


@contextmanager
def writing(service: DeskService) -> Iterator[Connection]:
    """The store's writer transaction (``BEGIN IMMEDIATE`` under its write lock)."""
    with service._write() as conn:
        yield conn


@contextmanager
def reading(service: DeskService) -> Iterator[Connection]:
    """One consistent read snapshot."""
    with service._read() as conn:
        yield conn
