"""The Loket (front desk) page and its parts; ``install(window)`` puts it behind the main
window's "Front desk" navigation action, built when first shown (``window.loket``), so
``desktop.intake`` stays out of the desk's start-up. The window calls the page's
``attach_service(service)`` once the store is open (at once if it already is); every
finished sync round asks the page for official numbers that have arrived."""

from __future__ import annotations

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


def build(window: Any) -> LoketPage:
    from desktop.views.loket.page import LoketPage

    page = LoketPage(window.tasks, getattr(window, "_lang", "id"))
    page.setObjectName("loketPage")
    sync = getattr(window, "sync", None)
    if sync is not None:  # each sync may bring the official numbers the clerk waits for
        sync.controller.synced.connect(page.official.check)
    if window.service is not None:
        page.attach_service(window.service)
    return page
