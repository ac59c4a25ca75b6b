"""The Loket (front desk) page and its parts; ``install(window)`` puts it behind the main
window's "Front desk" navigation action, built when first shown (``window.loket``), so
``desktop.intake`` stays out of the desk's start-up. The window calls the page's
``attach_service(service)`` once the store is open (at once if it already is); every
finished sync round asks the page for official numbers that have arrived."""

from __future__ import annotations

import weakref
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.views.loket.page import LoketPage

__all__ = ["LoketPage", "build", "install"]


def __getattr__(name: str) -> Any:
    if name == "LoketPage":  # imported on first use, not with the package
        from desktop.views.loket.page import LoketPage

        return LoketPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def install(window: Any) -> None:
    window.set_lazy_page(window.ui.actionDesk, build)
    # The window's own reprint key, there before the page is built: Bantuan lists it, and
    # it works from any page (the status bar repeats the news of an official number).
    from PySide6.QtCore import Qt

    from desktop.views.loket.official_numbers import reprint_action

    action = reprint_action(window, Qt.ShortcutContext.WindowShortcut)
    action.setEnabled(False)  # until an official number arrives for a walk-in
    action.triggered.connect(partial(_reprint_official, weakref.ref(window)))
    window.addAction(action)
    window.loket_reprint_action = action


def _reprint_official(window_ref: weakref.ref, _checked: bool = False) -> None:
    """The Loket page in front, and the first receipt told of reprinted."""
    window = window_ref()
    page = window.built_page(window.ui.actionDesk) if window is not None else None
    if page is None or not hasattr(page, "official"):
        return
    window.ui.actionDesk.trigger()
    page.official.reprint()


def build(window: Any) -> LoketPage:
    from desktop.views.loket.page import LoketPage

    page = LoketPage(window.tasks, getattr(window, "_lang", "id"))
    page.setObjectName("loketPage")
    sync = getattr(window, "sync", None)
    if sync is not None:  # each sync may bring the official numbers the clerk waits for
        sync.controller.synced.connect(page.official.check)
    action = getattr(window, "loket_reprint_action", None)
    if action is not None:
        page.official.use_action(action)
    if window.service is not None:
        page.attach_service(window.service)
    return page
