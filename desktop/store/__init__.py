"""The desk's local store: SQLite through SQLAlchemy 2.x, Alembic migrations, FTS5 search;
encrypted at rest with SQLCipher, the key in the credential vault (``cipher``, ``encryption``).

Everything outside this package goes through :class:`DeskService` and gets plain
dataclasses and dicts back; nothing else imports SQLAlchemy.

``DeskService`` and ``LocalOpResult`` are loaded on first use: importing a light module of
the package (``cipher``, ``queue``, ``light``: the start-up's first screen) must not pull in
SQLAlchemy.
"""

from typing import TYPE_CHECKING, Any

from desktop.store.errors import StoreError
from desktop.store.queue import SORT_KEYS, VIEWS, QueueFilter, QueueRow

if TYPE_CHECKING:
    from desktop.store.service import DeskService, LocalOpResult

__all__ = [
    "SORT_KEYS", "VIEWS", "DeskService", "LocalOpResult", "QueueFilter", "QueueRow", "StoreError",
]
_FROM_SERVICE = ("DeskService", "LocalOpResult")


def __getattr__(name: str) -> Any:
    if name in _FROM_SERVICE:
        from desktop.store import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
