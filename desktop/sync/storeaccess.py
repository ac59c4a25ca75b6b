"""The store hooks the sync engine uses, in one place (public store API only).

A pulled page must be stored in ONE transaction together with the cursor and the
re-application of pending ops, so the engine works inside ``DeskService.transaction()``.
The page's rows are prepared on the network thread (``snapshots.prepare``) and only
written on the DB thread (``desktop.store.rows.write_prepared``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from desktop.store import rows
from desktop.store import snapshots as sn
from desktop.store.service import DeskService

dumps = sn.dumps
loads = sn.loads


@contextmanager
def write_tx(service: DeskService) -> Iterator[Any]:
    """One ``BEGIN IMMEDIATE`` transaction under the service's writer lock."""
    with service.transaction() as conn:
        yield conn


@contextmanager
def read_tx(service: DeskService) -> Iterator[Any]:
    with service.reading() as conn:
        yield conn


def raw(conn: Any) -> Any:
    """The sqlite3 connection under a SQLAlchemy connection (bulk statements)."""
    return conn.connection.driver_connection


def prepare(snapshots: Sequence[Mapping[str, Any]], *, dirty: bool = False,
            base_snapshot: str | None = None) -> sn.Prepared:
    """Table rows for snapshots (pure: may run on any thread)."""
    return sn.prepare(snapshots, dirty=dirty, base_snapshot=base_snapshot)


def write_prepared(conn: Any, prepared: sn.Prepared) -> None:
    """Write rows made by :func:`prepare` inside the caller's transaction."""
    rows.write_prepared(conn, prepared)


def write_snapshots(service: DeskService, conn: Any, snapshots: Sequence[Mapping[str, Any]],
                    *, dirty: bool, base_snapshot: str | None = None) -> None:
    service.write_snapshots_in(conn, snapshots, dirty=dirty, base_snapshot=base_snapshot)


def load_snapshot(service: DeskService, conn: Any, complaint_id: str) -> dict | None:
    return service.load_snapshot(complaint_id, conn)


def invalidate_reference_cache(service: DeskService) -> None:
    """Categories and units were written inside a sync transaction: forget cached copies."""
    service.invalidate_reference_cache()
