"""Keep this desk supplied with agenda numbers: the hook the sync engine calls.

``ensure_agenda_numbers(service, client)`` checks how many numbers this desk still holds
for its agency (this year, and next year from mid-December so New Year's Day can be worked
offline) and, below the low-water mark, reserves a new block with ``POST
/api/v1/agenda/reserve``. The QR key the server sends with a block is stored too
(:mod:`desktop.printing.qr_key`); a desk still signing with a local key reserves a
one-number block just to receive it. Numbers are never invented locally: a desk that could not
reserve simply has none left, and issuing says so.

Network calls run on the calling thread; database steps go through ``run_db`` (the GUI
passes its DB-thread runner, as for the sync engine; headless callers leave it None).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from core import OpKind, Role
from core.clock import clock
from core.workflow import can
from desktop.printing import agenda as ag
from desktop.printing import holder, qr_key
from desktop.printing import settings as letter_settings
from desktop.store import rows as rw
from desktop.sync.errors import ApiError

if TYPE_CHECKING:
    from desktop.store import DeskService

log = logging.getLogger(__name__)
T = TypeVar("T")
NEXT_YEAR_FROM_DAY = 15  # of December


@dataclass
class ReserveReport:
    agency: str | None = None
    reserved: list[dict[str, Any]] = field(default_factory=list)  # server blocks taken
    free: dict[int, int] = field(default_factory=dict)  # year -> numbers left afterwards
    qr_key_id: str | None = None
    skipped: str | None = None  # why nothing was checked (not signed in, role, ...)


def years_needed(today: date) -> list[int]:
    years = [today.year]
    if today.month == 12 and today.day >= NEXT_YEAR_FROM_DAY:
        years.append(today.year + 1)
    return years


def _free(service: DeskService, agency: str, year: int) -> int:
    with service.reading() as conn:
        return ag.free_numbers(rw.raw(conn), agency, year)


def _keep_block(service: DeskService, block: dict[str, Any]) -> None:
    with service.transaction() as conn:
        ag.add_block(rw.raw(conn), block_id=str(block["block_id"]), agency=str(block["agency"]),
                     year=int(block["year"]), start=int(block["start"]),
                     end=int(block["end"]),
                     reserved_at=clock().now().isoformat(timespec="seconds"))


def reserve_block(client: Any, year: int, count: int) -> dict[str, Any]:
    """``POST /agenda/reserve`` through the sync client (its retries, token renewal)."""
    return dict(client.reserve_agenda(year, count))


def _keep_key(service: DeskService, agency: str, block: dict[str, Any]) -> str | None:
    """Store the QR key a block came with (new sheets are signed with it); its key id."""
    key = qr_key.from_server(block.get("qr_key"), block.get("qr_key_id"))
    if key is None:
        return None
    current = qr_key.load(Path(service.data_dir), agency)
    if current is None or current.key != key.key or current.key_id != key.key_id:
        qr_key.save(Path(service.data_dir), agency, key)
        log.info("QR key %s stored for %s", key.key_id, agency)
    return key.key_id


def ensure_agenda_numbers(service: DeskService, client: Any, *,
                          run_db: Callable[[Callable[[], T]], T] | None = None,
                          today: date | None = None, low_water: int | None = None,
                          block_size: int | None = None) -> ReserveReport:
    """Top up this desk's agenda numbers when few are left (see the module docstring).

    Raises the client's errors (Unreachable, LoginRequired, ApiError) when a reservation
    was needed and failed; what was reserved before that is kept.
    """
    def db(fn: Callable[..., T], *args: Any) -> T:
        call = partial(fn, *args)
        return run_db(call) if run_db is not None else call()

    report = ReserveReport()
    actor = db(service.get_sync_state, "actor") or {}
    try:
        role = Role(actor.get("role"))
    except ValueError:
        report.skipped = "not_signed_in"
        return report
    by_position = not can(role, OpKind.letter_issued)
    if by_position and not db(_holds_position, service, actor):
        report.skipped = "role"
        return report
    settings = db(letter_settings.load, service)
    agency = str(actor.get("agency") or settings.agency_code or "")
    report.agency = agency
    low = low_water or settings.low_water
    size = max(block_size or settings.block_size, low)
    today = today or clock().today()
    try:
        _top_up(service, client, report, agency, low, size, today, db)
    except ApiError as exc:
        if not (by_position and exc.status == 403):
            raise
        # The server's structure says he holds no position (any more): quiet, like a role
        # that issues no letters; what was reserved before stays.
        report.skipped = "role"
    return report


def _holds_position(service: DeskService, actor: dict[str, Any]) -> bool:
    """A holder (or Plt./Plh.) of a jabatan prints the Lembar Disposisi of the chain
    dispositions sent to him whatever his role (holder.py), so his desk needs numbers."""
    return bool(holder.held_positions(service, None, actor.get("username"),
                                      actor.get("agency")))


def _top_up(service: DeskService, client: Any, report: ReserveReport, agency: str, low: int,
            size: int, today: date, db: Callable[..., Any]) -> None:
    for year in years_needed(today):
        free = db(_free, service, agency, year)
        if free < low:
            block = reserve_block(client, year, size)
            if str(block.get("agency")) != agency or int(block.get("year", 0)) != year:
                log.warning("agenda block for %s/%s, expected %s/%s: ignored",
                            block.get("agency"), block.get("year"), agency, year)
                continue
            db(_keep_block, service, block)
            report.qr_key_id = _keep_key(service, agency, block) or report.qr_key_id
            report.reserved.append({k: block[k] for k in ("block_id", "year", "start", "end")})
            log.info("agenda block %s-%s/%s reserved for %s", block["start"], block["end"],
                     year, agency)
            free = db(_free, service, agency, year)
        report.free[year] = free
    if report.qr_key_id is None:
        _fetch_key(service, client, agency, years_needed(today)[0], report, db)


# Agencies whose server key was asked for in this process without getting one (an old
# server): asked once only, so such a server does not get a 1-number block every round.
_ASKED_FOR_KEY: set[str] = set()


def _fetch_key(service: DeskService, client: Any, agency: str, year: int,
               report: ReserveReport, db: Callable[..., Any]) -> None:
    """A desk still signing with a local key (its blocks predate server keys) reserves a
    one-number block just for the key that comes with it; the number is used as usual."""
    stored = qr_key.load(Path(service.data_dir), agency)
    if (stored is not None and stored.from_server) or agency in _ASKED_FOR_KEY:
        return
    block = reserve_block(client, year, 1)
    if str(block.get("agency")) != agency or int(block.get("year", 0)) != year:
        return
    db(_keep_block, service, block)
    report.reserved.append({k: block[k] for k in ("block_id", "year", "start", "end")})
    report.qr_key_id = _keep_key(service, agency, block)
    if report.qr_key_id is None:
        _ASKED_FOR_KEY.add(agency)
    report.free[year] = db(_free, service, agency, year)


def top_up_agenda(engine: Any, report: Any) -> None:
    """The sync engine's after-round step (``SyncEngine(after_round=top_up_agenda)``):
    reserve agenda numbers when few are left, so letters can be issued offline; a no-op for
    officers who issue none (no letter role, no position held). The engine logs a failure
    and retries next round."""
    result = ensure_agenda_numbers(engine.service, engine.client, run_db=engine.run_db)
    report.agenda_reserved += len(result.reserved)
