"""``install(window)``: the Disposisi navigation button (Disposisi Masuk / Keluar, issue 17),
the page built when first shown; it follows the desk's store and whoever is signed in.
Appended after the designed buttons, so their Ctrl+number keys stay as they were."""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def install(window: Any) -> QAction:
    ui = window.ui
    action = QAction(QCoreApplication.translate("Dispositions", "Dispositions"), window)
    action.setObjectName("actionDispositions")
    action.setCheckable(True)
    action.setToolTip(QCoreApplication.translate(
        "Dispositions", "Dispositions to you and from you, level by level"))
    group = ui.actionQueue.actionGroup()
    if group is not None:
        group.addAction(action)
    ui.navBar.addAction(action)
    window.set_lazy_page(action, build)
    window.data_pages.append(action)
    window.dispositions_action = action
    return action


def build(window: Any) -> Any:
    from desktop.views.dispositions_page import DispositionsPage

    page = DispositionsPage(window.tasks, window.service, None,
                            lang=getattr(window, "_lang", "id"))
    ref = weakref.ref(window)

    def open_complaint(complaint_id: str) -> None:
        win = ref()
        workflow = getattr(win, "workflow", None) if win is not None else None
        if workflow is not None:
            win.ui.actionQueue.trigger()  # the detail pane sits beside the queue
            workflow.open_complaint(complaint_id)

    page.open_requested.connect(open_complaint)

    def shown_complaint() -> str | None:
        win = ref()
        workflow = getattr(win, "workflow", None) if win is not None else None
        detail = getattr(workflow, "detail", None)
        return getattr(detail, "complaint_id", None)

    page.current_complaint = shown_complaint
    page.reload()
    return page
