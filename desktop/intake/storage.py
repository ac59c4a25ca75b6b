"""The desk-store steps intake uses, in one place (public store API only).

Recording at the front desk needs more in ONE transaction than ``DeskService.apply_local_op``
offers (a provisional number, several ops, the attachment files, the draft removal), so
intake opens ``DeskService.transaction()`` and uses the row steps of
:mod:`desktop.store.rows`, the same ones the store itself uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from desktop.store import rows

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from desktop.store import DeskService

insert_outbox = rows.queue_op
load_snapshot = rows.load_snapshot


def write_new_snapshots(conn: Connection, snapshots: list[dict]) -> None:
    """Store complaints made on this desk (dirty: not yet on the server; no server base)."""
    if snapshots:
        rows.write_snapshots(conn, snapshots, dirty=True)


@contextmanager
def writing(service: DeskService) -> Iterator[Connection]:
    """The store's writer transaction (``BEGIN IMMEDIATE`` under its write lock)."""
    with service.transaction() as conn:
        yield conn


@contextmanager
def reading(service: DeskService) -> Iterator[Connection]:
    """One consistent read snapshot."""
    with service.reading() as conn:
        yield conn
