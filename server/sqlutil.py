"""Small portable SQL helpers (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from server.models import Counter


def insert_ignore(session: Session, table: sa.Table, values: dict[str, Any]) -> None:
    """INSERT that silently does nothing when the primary key already exists."""
    dialect = session.get_bind().dialect.name
    mod = postgresql if dialect == "postgresql" else sqlite
    session.execute(mod.insert(table).values(**values).on_conflict_do_nothing())


def next_counter(session: Session, name: str, count: int = 1) -> int:
    """Reserve ``count`` numbers from a named counter; returns the first one.

    The UPDATE locks the counter row until this transaction ends, so numbers are handed
    out in commit order and never twice.
    """
    insert_ignore(session, Counter.__table__, {"name": name, "value": 0})
    value = session.execute(
        sa.update(Counter).where(Counter.name == name)
        .values(value=Counter.value + count).returning(Counter.value)
    ).scalar_one()
    return int(value) - count + 1


def peek_counter(session: Session, name: str) -> int:
    value = session.execute(sa.select(Counter.value).where(Counter.name == name)).scalar()
    return int(value or 0)
