"""Telling the officer, in the main window, that the server rejected some of their actions.

A count in the status bar ("1 ditolak") is easy to miss: after a round that had actions
rejected, a notice bar at the top of the window names each complaint, the action and the
server's reason, with a button to Perlu Perhatian. Non-blocking (no dialog, no focus
taken); it goes when the officer closes it or no rejected action is left.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject

from desktop.views import labels
from desktop.views.notice_bar import NoticeBar

NAMED = 3  # actions named in the notice before "and N more"


class RejectedNotice(QObject):
    """``open_attention()`` shows the Perlu Perhatian page (the window's action)."""

    def __init__(self, controller: Any, window: Any, open_attention: Callable[[], None],
                 attention_page: Any) -> None:
        super().__init__(window)
        self.controller = controller
        self._open_attention = open_attention
        self._attention_page = attention_page  # a page of the same window
        self.bar = NoticeBar(window.ui.centralwidget, "rejectedNotice")
        window.ui.centralLayout.insertWidget(0, self.bar)
        self.op_ids: list[str] = []
        controller.synced.connect(self._synced)
        controller.status_changed.connect(self._status_changed)

    def _synced(self, report: Any) -> None:
        ids = list(getattr(report, "rejected_op_ids", ()) or ())
        if ids and self.controller.service is not None:
            self.controller.db(partial(_rejected_items, self.controller.service, ids),
                               self.show_items)

    def _status_changed(self, status: Any) -> None:
        if status.rejected == 0 and self.bar.isVisible():
            self.bar.dismiss()  # every rejected action was dealt with

    def show_items(self, items: list[dict[str, Any]]) -> None:
        if not items:
            return
        from desktop.views.outbox_view import complaint_label

        self.op_ids = [item["op"].op_id for item in items]
        lines = []
        for item in items[:NAMED]:
            op = item["op"]
            lines.append(self.tr("The central server did not accept “%1” on %2: %3")
                         .replace("%1", labels.EVENT.text(op.kind))
                         .replace("%2", complaint_label(item))
                         .replace("%3", (op.last_error or "").strip() or "-"))
        if len(items) > NAMED:
            lines.append(self.tr("… and %1 more.").replace("%1", str(len(items) - NAMED)))
        lines.append(self.tr("Open Needs Attention to apply it again, change it or discard "
                             "it."))
        self.bar.show_notice("\n".join(lines),
                             [(self.tr("Open Needs Attention"), self.open_attention)],
                             kind="warning")

    def open_attention(self) -> None:
        """Perlu Perhatian, with the first action of the notice chosen."""
        self._open_attention()
        page = self._attention_page
        wanted = self.op_ids[0] if self.op_ids else None
        if wanted is None:
            return
        from desktop.views.attention_view import OP_ID_ROLE

        for row in range(page.list.count()):
            if page.list.item(row).data(OP_ID_ROLE) == wanted:
                page.list.setCurrentRow(row)
                break


def _rejected_items(service: Any, op_ids: list[str]) -> list[dict[str, Any]]:  # DB thread
    from desktop.sync.local import SyncLocal

    wanted = set(op_ids)
    return [item for item in SyncLocal(service).listing(("rejected",))
            if item["op"].op_id in wanted]
