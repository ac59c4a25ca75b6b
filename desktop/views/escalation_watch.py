"""Escalation notices on every desk (issue 18.3), the Dasbor opened or not.

``install(window)`` checks, on the DB thread (``desktop.tasks``), for dispositions past their
deadline once the store is open (``attach_service``) and after each successful sync round
(the sync controller's ``synced``): those that concern the officer acting and were not told
on this desk yet (``desktop.store.escalation.take_new``: a leader every one; anyone else
the chain dispositions they sent) are announced once, tray balloon and a one-line status bar
message (``desktop.views.dashboard.announce``). ``computed(Found)`` keeps the Dasbor's list
in step when that page is built. The Dasbor's own section shares ``load`` and ``notice``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.tasks import Tasks
from desktop.views.actions.jobs import run
from desktop.views.dashboard import LEADER_ROLES

if TYPE_CHECKING:  # the store's modules load on the DB thread, after the first rows
    from desktop.store import escalation as esc

NOTICE_TITLES = 3


@dataclass(frozen=True)
class Found:
    after: int
    late: list[esc.LateDisposition]
    new: list[esc.LateDisposition]  # to announce now (they concern the officer acting)
    units: dict[str, str]  # unit code -> name


def load(service: Any) -> Found:
    """On the DB thread: the late dispositions, and those to tell the officer acting now
    (marked as told here)."""
    from desktop.store import escalation as esc
    from desktop.workflow.actor import current_actor, is_nobody
    from desktop.workflow.chain import my_positions

    late = esc.late_dispositions(service)
    actor, _signed_in = current_actor(service)
    new: list[esc.LateDisposition] = []
    if late and not is_nobody(actor):
        positions = [p["code"] for p in my_positions(service, actor)] if actor.agency else []
        new = esc.take_new(service, late, username=actor.username,
                           leader=str(actor.role) in LEADER_ROLES, positions=positions)
    units = {u["code"]: u["name"] for u in service.units()}
    return Found(esc.after_days(service), late, new, units)


def notice(found: Found) -> tuple[str, str, str]:
    """(title, the tray's text naming the complaints, the status bar's one line)."""
    # The Dasbor section's strings (its catalog context), written out for pyside6-lupdate.
    names = ", ".join(f"{d.number} {d.title}" + (f" ({d.waiting_at})" if d.waiting_at else "")
                      for d in found.new[:NOTICE_TITLES])
    more = len(found.new) - NOTICE_TITLES
    if more > 0:
        names += " " + QCoreApplication.translate("EscalationSection", "and %1 more").replace(
            "%1", str(more))
    count = str(len(found.new))
    title = QCoreApplication.translate("EscalationSection",
                                       "LAPOR! Desk: dispositions past their deadline")
    text = QCoreApplication.translate("EscalationSection",
                                      "%1 dispositions past their deadline: %2")
    short = QCoreApplication.translate("EscalationSection",
                                       "%1 dispositions past their deadline: see Dasbor.")
    return title, text.replace("%1", count).replace("%2", names), short.replace("%1", count)


class EscalationWatch(QObject):
    """``attach_service(service)`` once the store is open; ``check()`` after a sync round."""

    computed = Signal(object)  # Found

    def __init__(self, window: Any, tasks: Tasks) -> None:
        super().__init__(window)
        self._tasks = tasks
        self._window = weakref.ref(window)
        self._service: Any = None
        self._running = False
        self._again = False
        self.found: Found | None = None
        sync = getattr(window, "sync", None)
        if sync is not None:
            sync.controller.synced.connect(self.check)

    def attach_service(self, service: Any) -> None:
        self._service = service
        self.check()

    def check(self, _report: Any = None) -> None:
        if self._service is None:
            return
        if self._running:  # one check at a time; one more after it for what came since
            self._again = True
            return
        self._running = True
        # The answer reaches this watcher only while it exists (a window closed meanwhile).
        run(self._tasks, self, partial(load, self._service), self._arrived, self._failed)

    def _arrived(self, found: Found) -> None:
        self._finished()
        self.found = found
        if found.new:  # marked as told on the DB thread: tell now
            from desktop.views.dashboard import announce

            announce(self._window, *notice(found))
        self.computed.emit(found)

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        window = self._window()
        if window is not None:
            from desktop.tasks import describe_error

            window.show_error(*describe_error(exc))

    def _finished(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.check()


def install(window: Any) -> EscalationWatch:
    watch = EscalationWatch(window, window.tasks)
    window.escalation_watch = watch
    return watch
