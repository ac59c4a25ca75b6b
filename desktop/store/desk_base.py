"""What the parts of ``DeskService`` share, declared once so each part type-checks alone.

``DeskService`` (service.py) is composed of one mixin per responsibility (``desk_queue``,
``desk_outbox``, ``desk_reference``, ``desk_settings``, ``desk_drafts``,
``desk_attachments``). Each subclasses :class:`DeskParts`, which names the primitives
service.py implements (the read/write transactions, the clock and the deadline rules) and
the few members one part uses from another; mypy checks ``DeskService`` against it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from core import DeadlinePolicy, WorkingCalendar


class DeskParts(Protocol):
    # --- service.py: the engine's transactions, the clock, the deadline settings ---------

    def _read(self) -> AbstractContextManager[Connection]:
        """A connection in one deferred transaction: every query sees the same snapshot."""
        ...

    def _write(self) -> AbstractContextManager[Connection]:
        """The writer transaction (``BEGIN IMMEDIATE`` under the writer lock)."""
        ...

    @property
    def policy(self) -> DeadlinePolicy: ...

    @property
    def calendar(self) -> WorkingCalendar: ...

    def today(self) -> date: ...

    def _load_deadline_settings(self) -> None:
        """Re-read policy, holidays and office zone after one of them changed."""
        ...

    # --- used across parts ----------------------------------------------------------------

    def _category_map(self) -> dict[str, dict]: ...  # desk_reference

    def _unit_map(self) -> dict[tuple[str, str], dict]: ...  # desk_reference

    def get_sync_state(self, key: str, default: Any = None) -> Any: ...  # desk_settings
