"""``run``: desktop.tasks' DB job whose answer reaches ``owner`` only while it still exists
(a dialog closed, or a window torn down, while its job was still queued)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject

from desktop.tasks import Tasks
from desktop.views.letters.alive import while_alive

log = logging.getLogger(__name__)


def run(tasks: Tasks, owner: QObject, fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None, *,
        changes: bool = False) -> Future[None] | None:
    """Like ``tasks.run``; once the desk is closing (tasks shut down) nothing new starts."""
    try:
        return tasks.run(fn, while_alive(owner, on_success) if on_success else None,
                         while_alive(owner, on_error) if on_error else None, changes=changes)
    except RuntimeError:
        log.debug("desk closing: %r not started", fn)
        return None
