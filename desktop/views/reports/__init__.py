"""The Laporan (Reports) page: recaps of the local queue for a period, exported to CSV/XLSX
and printed as a recap to sign (PDF).

``install(window)`` puts the page behind the main window's "Reports" navigation action,
built when first shown (``window.reports``); the window calls its
``attach_service(service)`` once the store is open (at once if it already is). Qt is
imported only there: ``lapor-desk report`` uses :mod:`desktop.reports.export` without it.
"""

from __future__ import annotations

from typing import Any


def install(window: Any) -> None:
    window.set_lazy_page(window.ui.actionReports, build)


def build(window: Any) -> Any:
    from desktop.views.reports.page import ReportsPage

    page = ReportsPage(window.tasks, getattr(window, "_lang", "id"))
    page.setObjectName("reportsPage")
    page.error.connect(window.show_error)
    if window.service is not None:
        page.attach_service(window.service)
    return page
