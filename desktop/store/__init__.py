"""The desk's local store: SQLite through SQLAlchemy 2.x, Alembic migrations, FTS5 search;
encrypted at rest with SQLCipher, the key in the credential vault (``cipher``, ``encryption``).

Everything outside this package goes through :class:`DeskService` and gets plain
dataclasses and dicts back; nothing else imports SQLAlchemy.
"""

from desktop.store.errors import StoreError
from desktop.store.queue import SORT_KEYS, VIEWS, QueueFilter, QueueRow
from desktop.store.service import DeskService, LocalOpResult

__all__ = [
    "SORT_KEYS", "VIEWS", "DeskService", "LocalOpResult", "QueueFilter", "QueueRow", "StoreError",
]
