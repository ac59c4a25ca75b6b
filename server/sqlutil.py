"""Small portable SQL helpers (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from server.models import Counter

_COUNTERS = Counter.__table__


def _dialect_module(session: Session) -> Any:
    return postgresql if session.get_bind().dialect.name == "postgresql" else sqlite


def insert_ignore(session: Session, table: sa.Table, values: dict[str, Any]) -> None:
    """INSERT that silently does nothing when the primary key already exists."""
    mod = _dialect_module(session)
    session.execute(mod.insert(table).values(**values).on_conflict_do_nothing())


def insert_ignore_many(session: Session, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """``insert_ignore`` for many rows in one executemany (all rows with the same keys)."""
    if rows:
        session.execute(_dialect_module(session).insert(table).on_conflict_do_nothing(),
                        list(rows))


def next_counter(session: Session, name: str, count: int = 1) -> int:
    """Reserve ``count`` numbers from a named counter; returns the first one.

    One upsert: it creates the row on first use, otherwise bumps it and locks it until this
    transaction ends, so numbers are handed out in commit order and never twice.
    """
    stmt = _dialect_module(session).insert(_COUNTERS).values(name=name, value=count)
    stmt = stmt.on_conflict_do_update(
        index_elements=[_COUNTERS.c.name],
        set_={"value": _COUNTERS.c.value + stmt.excluded.value},
    ).returning(_COUNTERS.c.value)
    value = session.execute(stmt).scalar_one()
    return int(value) - count + 1


def peek_counter(session: Session, name: str) -> int:
    value = session.execute(sa.select(Counter.value).where(Counter.name == name)).scalar()
    return int(value or 0)
