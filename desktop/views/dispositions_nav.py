"""``install(window)``: the Disposisi navigation button (Disposisi Masuk / Keluar, issue 17),
the page built when first shown; it follows the desk's store and whoever is signed in.
Appended after the designed buttons, so their Ctrl+number keys stay as they were."""

from __future__ import annotations

import weakref
from functools import partial
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
    _install_dispose(window)
    return action


def _holds(service: Any, complaint_id: str) -> bool:  # DB thread
    from desktop.views.dispositions_page import holds_position

    return holds_position(service, complaint_id)


def _install_dispose(window: Any) -> None:
    """The detail pane's Tindakan lain › "Disposisi ke Jabatan…": shown to whoever holds (or
    acts in) a position of the complaint's agency; opens the dialog for the complaint shown,
    so a chain starts (or continues) from the complaint itself."""
    workflow = getattr(window, "workflow", None)
    menu, detail = getattr(workflow, "more_menu", None), getattr(workflow, "detail", None)
    if menu is None or detail is None:
        return
    dispose = QAction(QCoreApplication.translate("Dispositions", "Dispose to a Position…"),
                      window)
    dispose.setObjectName("action_chain_dispose")
    dispose.setToolTip(QCoreApplication.translate(
        "Dispositions", "Dispose this complaint to positions below yours, level by level"))
    dispose.setVisible(False)
    menu.addSeparator()
    menu.addAction(dispose)
    window.chain_dispose_action = dispose
    ref = weakref.ref(window)

    def shown(snapshot: Any) -> None:
        win = ref()
        service = getattr(win, "service", None) if win is not None else None
        if not snapshot or service is None:
            dispose.setVisible(False)
            return
        cid = snapshot.get("id")

        def answer(holds: bool) -> None:
            if getattr(detail, "complaint_id", None) == cid:
                dispose.setVisible(holds)

        win.tasks.run(partial(_holds, service, cid), answer)

    def start() -> None:
        win = ref()
        cid = getattr(detail, "complaint_id", None)
        if win is None or not cid:
            return
        page = win.page_of(win.dispositions_action)  # built (not shown) if need be
        if page is not None:
            page.dispose_for(cid)

    detail.snapshot_shown.connect(shown)
    dispose.triggered.connect(start)


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
