"""The Loket (front desk) page and its parts; ``install(window)`` puts it behind the main
window's "Front desk" navigation action. The window calls the page's
``attach_service(service)`` once the store is open."""

from __future__ import annotations

from typing import Any

from desktop.views.loket.page import LoketPage

__all__ = ["LoketPage", "install"]


def install(window: Any) -> LoketPage:
    page = LoketPage(window.tasks, getattr(window, "_lang", "id"))
    page.setObjectName("loketPage")
    window.set_page(window.ui.actionDesk, page)
    return page
