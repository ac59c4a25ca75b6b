"""A restored server is a new epoch (``lapor-server after-restore``).

A database restored from a backup has forgotten everything accepted after the dump, while
desks still hold it, confirmed, and citizens hold receipts with its tracking numbers. So
after a restore the operator runs ``after-restore``, which

- gives the server a new **epoch**. Every pull cursor carries the epoch it was made in; a
  cursor from another epoch makes the desk start over (``reset_reason: "restored"``),
  whatever order desks sync in, and re-send every op it had confirmed (op ids make that
  idempotent: the server answers ``duplicate`` for what the dump still holds);
- moves the tracking-number, agenda and feed counters past every value that may have
  been handed out before the restore, with a gap. The numbers of the gap are recorded
  (``restore_gaps``) and are never handed out again: only a re-sent create may take its
  old tracking number back (if free), and a re-sent letter its old agenda number, so a
  printed receipt or letter never comes to name another complaint.

``lapor-server run`` refuses to start on a PostgreSQL database whose identity (database
oid and cluster id) is not the one recorded when it was set up: that is a database
re-created from a dump (``dropdb``/``createdb``/``pg_restore``) not yet through
``after-restore``. (SQLite restores are copies of a file and cannot be told apart: the
guide says to run ``after-restore``.)
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.clock import clock
from server import audit, feed, wakeup
from server.complaint_store import TRACKING_BASE, TRACKING_COUNTER
from server.models import Agency, Complaint, Counter, Letter, RestoreGap, ServerState

EPOCH_KEY = "epoch"
INITIAL_EPOCH_KEY = "initial_epoch"
IDENTITY_KEY = "db_identity"
RESTORED_AT_KEY = "restored_at"
TRACKING_GAP = "tracking"  # restore_gaps.counter for tracking numbers (stored in full)
# Defaults: more than a province logs / reserves between two nightly backups, by far.
DEFAULT_TRACKING_GAP = 10_000
DEFAULT_AGENDA_GAP = 1_000
FEED_GAP = 1_000_000


def _get(session: Session, key: str) -> str | None:
    return session.execute(sa.select(ServerState.value).where(ServerState.key == key)).scalar()


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(ServerState, key)
    if row is None:
        session.add(ServerState(key=key, value=value))
    else:
        row.value = value


def current_epoch(session: Session) -> str:
    return _get(session, EPOCH_KEY) or ""


def cursor_in_epoch(session: Session, cursor_epoch: str | None, epoch: str | None = None
                    ) -> bool:
    """Was a cursor carrying ``cursor_epoch`` made by this database's history?

    Cursors from before epochs existed (None) belong to the first epoch only. ``epoch``: the
    current epoch if the caller read it already (one query less).
    """
    epoch = current_epoch(session) if epoch is None else epoch
    if cursor_epoch is None:
        return epoch == (_get(session, INITIAL_EPOCH_KEY) or "")
    return cursor_epoch == epoch


# -- numbers set aside --------------------------------------------------------------------
def tracking_claimable(session: Session, number: int) -> bool:
    """May a re-sent create take ``number`` back? Only a number of a restore gap that no
    complaint holds (no other complaint ever got it: the counters skip the gap)."""
    return _in_gap(session, TRACKING_GAP, number) and session.execute(
        sa.select(Complaint.id).where(Complaint.tracking_number == number)).first() is None


def agenda_claimable(session: Session, agency: str, year: int, number: int) -> bool:
    """May a re-sent letter keep agenda ``number``/``year`` of ``agency`` (taken from a
    block reserved before the restore, which the restored database no longer knows)?"""
    from server.letters import agenda_counter

    return _in_gap(session, agenda_counter(agency, year), number) and session.execute(
        sa.select(Letter.id).where(Letter.agency_code == agency, Letter.year == year,
                                   Letter.agenda_number == number)).first() is None


def _in_gap(session: Session, counter: str, number: int) -> bool:
    return session.execute(sa.select(RestoreGap.id).where(
        RestoreGap.counter == counter, RestoreGap.low <= number, RestoreGap.high >= number)
    ).first() is not None


# -- the database's identity --------------------------------------------------------------
def database_identity(session: Session) -> str | None:
    """PostgreSQL: the cluster's system id and the database's oid (both new when a dump is
    restored into a re-created database). SQLite: None (a restored file looks the same)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    row = session.execute(sa.text(
        "SELECT (SELECT system_identifier FROM pg_control_system()), "
        "(SELECT oid FROM pg_database WHERE datname = current_database())")).one()
    return f"{row[0]}:{row[1]}"


def record_identity_if_missing(session: Session) -> None:
    """At ``init``/``run``: remember which database this is (never overwrites: only
    ``after-restore`` accepts a new identity)."""
    identity = database_identity(session)
    if identity is not None and _get(session, IDENTITY_KEY) is None:
        _set(session, IDENTITY_KEY, identity)


def restored_problem(session: Session) -> str | None:
    """A message when this database looks restored from a dump and after-restore has not
    been run on it; None otherwise."""
    identity = database_identity(session)
    recorded = _get(session, IDENTITY_KEY)
    if identity is None or recorded is None or identity == recorded:
        return None
    return ("Basis data ini dipulihkan dari cadangan (identitas basis data berubah) dan "
            "belum disiapkan: jalankan `lapor-server after-restore` dulu, agar desk mengirim "
            "ulang pekerjaan yang hilang dan tidak ada nomor pelacakan atau nomor agenda "
            "yang terpakai dua kali.")


# -- after-restore ------------------------------------------------------------------------
@dataclass
class RestoreSummary:
    epoch: str
    previous_epoch: str
    tracking_gap: tuple[int, int]
    feed_from: int
    agenda_gaps: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def after_restore(session: Session, *, tracking_gap: int = DEFAULT_TRACKING_GAP,
                  agenda_gap: int = DEFAULT_AGENDA_GAP) -> RestoreSummary:
    """Start a new epoch and move every counter past what the lost days may have used.
    One transaction; running it twice only sets aside another gap."""
    if tracking_gap < 1 or agenda_gap < 1:
        raise ValueError("gap must be positive")
    previous = current_epoch(session)
    epoch = uuid.uuid4().hex[:16]
    summary = RestoreSummary(epoch=epoch, previous_epoch=previous,
                             tracking_gap=_skip_tracking(session, tracking_gap, epoch),
                             feed_from=0)
    for name, value in _agenda_counters(session).items():
        summary.agenda_gaps[name] = _skip_counter(session, name, value, agenda_gap, epoch)
    summary.feed_from = _skip_counter(session, feed.FEED_COUNTER,
                                      max(_counter(session, feed.FEED_COUNTER),
                                          feed.latest_seq(session)),
                                      FEED_GAP, epoch, record=False)[1] + 1
    _set(session, EPOCH_KEY, epoch)
    _set(session, RESTORED_AT_KEY, clock().now().isoformat(timespec="seconds"))
    identity = database_identity(session)
    if identity is not None:
        _set(session, IDENTITY_KEY, identity)
    audit.record(session, action="after_restore", username="lapor-server", agency=None,
                 device_id=None, address=None, target_type="server", target_id=epoch,
                 details={"previous_epoch": previous,
                          "tracking_gap": list(summary.tracking_gap),
                          "agenda_gaps": {k: list(v) for k, v in summary.agenda_gaps.items()},
                          "feed_from": summary.feed_from})
    wakeup.announce_all(session)  # waiting desks learn of the new epoch at once
    return summary


def _counter(session: Session, name: str) -> int:
    value = session.execute(sa.select(Counter.value).where(Counter.name == name)).scalar()
    return int(value or 0)


def _set_counter(session: Session, name: str, value: int) -> None:
    row = session.get(Counter, name)
    if row is None:
        session.add(Counter(name=name, value=value))
    else:
        row.value = value
    session.flush()


def _skip_counter(session: Session, name: str, used: int, gap: int, epoch: str, *,
                  record: bool = True) -> tuple[int, int]:
    """Set counter ``name`` to ``used + gap``; the numbers in between are the gap."""
    low, high = used + 1, used + gap
    _set_counter(session, name, high)
    if record:
        session.add(RestoreGap(counter=name, low=low, high=high, epoch=epoch))
    return low, high


def _skip_tracking(session: Session, gap: int, epoch: str) -> tuple[int, int]:
    """Tracking numbers: a PostgreSQL sequence, or a counter row on SQLite."""
    used = int(session.execute(sa.select(sa.func.max(Complaint.tracking_number))).scalar()
               or TRACKING_BASE)
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        last, called = session.execute(sa.text(
            "SELECT last_value, is_called FROM tracking_number_seq")).one()
        used = max(used, TRACKING_BASE + int(last) - (0 if called else 1))
    else:
        used = max(used, TRACKING_BASE + _counter(session, TRACKING_COUNTER))
    low, high = used + 1, used + gap
    if postgres:
        session.execute(sa.text("SELECT setval('tracking_number_seq', :v, true)"),
                        {"v": high - TRACKING_BASE})
    else:
        _set_counter(session, TRACKING_COUNTER, high - TRACKING_BASE)
    session.add(RestoreGap(counter=TRACKING_GAP, low=low, high=high, epoch=epoch))
    return low, high


def _agenda_counters(session: Session) -> dict[str, int]:
    """Every agenda counter in use, plus this year's for every agency (its first block of
    the year may have been reserved after the dump)."""
    from server.letters import agenda_counter

    counters = {name: int(value) for name, value in session.execute(
        sa.select(Counter.name, Counter.value).where(Counter.name.like("agenda:%")))}
    year = clock().today().year
    for code in session.execute(sa.select(Agency.code)).scalars():
        counters.setdefault(agenda_counter(code, year), 0)
    return counters
