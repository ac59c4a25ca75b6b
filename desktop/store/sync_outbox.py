"""The outbox's states inside the caller's transaction (``desktop/sync/local.py`` drives
them): ``pending`` -> ``sending`` -> ``applied`` or ``rejected``, the officer's decisions
(requeue, discard, reapply) and the holds and base versions of an op's later ops.

Each step is one or a few statements on the sqlite3 connection of ``conn``'s transaction
(``service.transaction()`` / ``reading()``); the sync code decides which steps make one
transaction. Ops come back as plain row dicts (the outbox columns).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core import COMMUTING_KINDS
from desktop.store import rows as rw
from desktop.store.rows import chunks, placeholders

if TYPE_CHECKING:
    from sqlalchemy import Connection

OPEN_STATES = ("pending", "sending")
_COMMUTING_SQL = ", ".join(f"'{k}'" for k in sorted(k.value for k in COMMUTING_KINDS))
# A pending op held back while the rejected op it followed awaits the officer's decision.
_HELD = ("(o.result IS NOT NULL AND json_extract(o.result, '$.held_by') IN "
         "(SELECT op_id FROM outbox WHERE state = 'rejected'))")
_COLS = ("seq, op_id, kind, complaint_id, payload, base_version, actor, created_at, "
         "attempts, state, last_error, reject_reason, server_state, result, updated_at")

Row = dict[str, Any]


def _rows(cursor: Any) -> list[Row]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]




# -- push side ----------------------------------------------------------------------------
def recover_sending(conn: Connection) -> int:
    """Ops a killed desk left ``sending`` go back to ``pending``; returns how many."""
    cur = rw.raw(conn).execute("UPDATE outbox SET state = 'pending' WHERE state = 'sending'")
    return cur.rowcount


def has_open(conn: Connection) -> bool:
    return rw.raw(conn).execute(
        "SELECT 1 FROM outbox WHERE state IN ('pending', 'sending') LIMIT 1"
    ).fetchone() is not None


def sendable(conn: Connection, after_seq: int, limit: int) -> list[Row]:
    """The next ``pending`` ops after ``after_seq`` in order, skipping held ones."""
    cur = rw.raw(conn).execute(
        f"SELECT {_COLS} FROM outbox o WHERE state = 'pending' AND seq > ? "
        f"AND NOT {_HELD} ORDER BY seq LIMIT ?", (after_seq, limit))
    return _rows(cur)


def set_base_version(conn: Connection, seq: int, base_version: int) -> None:
    rw.raw(conn).execute("UPDATE outbox SET base_version = ? WHERE seq = ?",
                         (base_version, seq))


def mark_sending(conn: Connection, seqs: Sequence[int], stamp: str) -> None:
    rw.raw(conn).executemany(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
        "updated_at = ? WHERE seq = ?", [(stamp, seq) for seq in seqs])


def forget_holds(conn: Connection, seqs: Sequence[int]) -> None:
    """Ops released from a hold (the officer decided on the rejected op) forget it."""
    rw.raw(conn).executemany(
        "UPDATE outbox SET result = NULL, last_error = NULL WHERE seq = ? AND "
        "json_extract(result, '$.held_by') IS NOT NULL", [(seq,) for seq in seqs])


def restore_attempts(conn: Connection, rows: Sequence[tuple[int, str | None, int]]) -> None:
    """``(attempts, updated_at, seq)``: ``sending`` ops put back exactly as they were."""
    rw.raw(conn).executemany(
        "UPDATE outbox SET state = 'pending', attempts = ?, updated_at = ? "
        "WHERE seq = ? AND state = 'sending'", rows)


def release(conn: Connection, rows: Sequence[tuple[str | None, str, int]]) -> None:
    """``(error, stamp, seq)``: ``sending`` ops back to ``pending`` with the error."""
    rw.raw(conn).executemany(
        "UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ? "
        "WHERE seq = ? AND state = 'sending'", rows)


def reject_locally(conn: Connection, seq: int, reason: str, message: str, stamp: str) -> None:
    rw.raw(conn).execute(
        "UPDATE outbox SET state = 'rejected', reject_reason = ?, last_error = ?, "
        "updated_at = ? WHERE seq = ?", (reason, message, stamp, seq))


# -- the server's answers -------------------------------------------------------------------
def mark_applied(conn: Connection, seq: int, outcome: str, stamp: str) -> None:
    """``outcome``: the JSON text of the server's answer (status, version, number)."""
    rw.raw(conn).execute(
        "UPDATE outbox SET state = 'applied', result = ?, last_error = NULL, "
        "reject_reason = NULL, server_state = NULL, updated_at = ? "
        "WHERE seq = ?", (outcome, stamp, seq))


def renumber(conn: Connection, complaint_id: str, tracking: Any) -> None:
    """A re-sent create got another tracking number than it had: it takes the new one."""
    rw.raw(conn).execute("UPDATE complaints SET tracking_number = ? WHERE id = ?",
                         (tracking, complaint_id))


def take_tracking_number(conn: Connection, complaint_id: str, tracking: Any) -> None:
    """A confirmed create takes its tracking number unless it has one or another has it."""
    rw.raw(conn).execute(
        "UPDATE complaints SET tracking_number = ? WHERE id = ? AND "
        "tracking_number IS NULL AND NOT EXISTS (SELECT 1 FROM complaints "
        "WHERE tracking_number = ?)", (tracking, complaint_id, tracking))


def wait(conn: Connection, seq: int, message: str, stamp: str) -> None:
    """Back to ``pending`` with ``message`` (it goes out again in a later round)."""
    rw.raw(conn).execute("UPDATE outbox SET state = 'pending', last_error = ?, "
                         "updated_at = ? WHERE seq = ?", (message, stamp, seq))


def mark_rejected(conn: Connection, seq: int, *, reason: str, message: str,
                  server_state: str | None, result: str, stamp: str) -> None:
    """``server_state``/``result``: JSON texts."""
    rw.raw(conn).execute(
        "UPDATE outbox SET state = 'rejected', reject_reason = ?, last_error = ?,"
        " server_state = ?, result = ?, updated_at = ? WHERE seq = ?",
        (reason, message, server_state, result, stamp, seq))


def keep_unanswered(conn: Connection, seq: int, message: str) -> None:
    """An answer the desk does not know: back to ``pending`` (``updated_at`` kept)."""
    rw.raw(conn).execute("UPDATE outbox SET state = 'pending', last_error = ? "
                         "WHERE seq = ?", (message, seq))


def resend_skipped(conn: Connection, rows: Sequence[tuple[str, int]]) -> None:
    """``(stamp, seq)``: ops the server skipped go out again next round."""
    rw.raw(conn).executemany("UPDATE outbox SET state = 'pending', updated_at = ? "
                             "WHERE seq = ? AND state = 'sending'", rows)


def lower_later_bases(conn: Connection, complaint_id: str, seq: int, base_version: int
                      ) -> None:
    """Never-sent pending ops after ``seq`` above ``base_version`` drop one version step."""
    rw.raw(conn).execute(
        "UPDATE outbox SET base_version = base_version - 1 WHERE complaint_id = ? "
        "AND seq > ? AND state = 'pending' AND attempts = 0 AND base_version > ?",
        (complaint_id, seq, base_version))


def hold_later(conn: Connection, complaint_id: str, seq: int, result: str, message: str
               ) -> None:
    """Pending non-commuting ops after ``seq`` wait (``result``: the ``held_by`` JSON)."""
    rw.raw(conn).execute(
        "UPDATE outbox SET result = ?, last_error = ? WHERE complaint_id = ? AND "
        f"seq > ? AND state = 'pending' AND kind NOT IN ({_COMMUTING_SQL})",
        (result, message, complaint_id, seq))


# -- reading --------------------------------------------------------------------------------
def ops_of(conn: Connection, complaint_id: str, states: Sequence[str]) -> list[Row]:
    """A complaint's ops in ``states``, in ``seq`` order."""
    cur = rw.raw(conn).execute(
        f"SELECT {_COLS} FROM outbox WHERE complaint_id = ? AND state IN "
        f"({placeholders(states)}) ORDER BY seq", (complaint_id, *states))
    return _rows(cur)


def ops(conn: Connection, states: Sequence[str], op_ids: Sequence[str] | None = None
        ) -> list[Row]:
    """Ops in ``states`` (only ``op_ids`` when given), in ``seq`` order."""
    sql = (f"SELECT {_COLS} FROM outbox WHERE state IN ({placeholders(states)})")
    params: list[Any] = list(states)
    if op_ids is not None:
        if not op_ids:
            return []
        sql += f" AND op_id IN ({placeholders(op_ids)})"
        params.extend(op_ids)
    return _rows(rw.raw(conn).execute(sql + " ORDER BY seq", params))


def ops_in(conn: Connection, op_ids: Sequence[str], states: Sequence[str]) -> list[Row]:
    """The ops ``op_ids`` that are in ``states`` (chunk by chunk, each in ``seq`` order)."""
    out: list[Row] = []
    for chunk in chunks(list(op_ids)):
        cur = rw.raw(conn).execute(
            f"SELECT {_COLS} FROM outbox WHERE op_id IN ({placeholders(chunk)}) "
            f"AND state IN ({placeholders(states)}) ORDER BY seq", [*chunk, *states])
        out.extend(_rows(cur))
    return out


def complaints_with_open_ops(conn: Connection, ids: Sequence[str]) -> list[str]:
    """Those of ``ids`` with a ``pending`` or ``sending`` op."""
    out: list[str] = []
    for chunk in chunks(ids):
        out.extend(r[0] for r in rw.raw(conn).execute(
            "SELECT DISTINCT complaint_id FROM outbox WHERE state IN ('pending', 'sending') "
            f"AND complaint_id IN ({placeholders(chunk)})", list(chunk)))
    return out


def complaint_names(conn: Connection, ids: Sequence[str]) -> dict[str, tuple]:
    """id -> (tracking number, provisional number, title, status, version), for lists."""
    names: dict[str, tuple] = {}
    raw = rw.raw(conn)
    for chunk in chunks(ids):
        for row in raw.execute(
                "SELECT id, tracking_number, provisional_number, title, status, version "
                f"FROM complaints WHERE id IN ({placeholders(chunk)})", list(chunk)):
            names[row[0]] = row[1:]
    return names


def counts(conn: Connection) -> list[tuple[str, int]]:
    """(state, number of ops) for each state present."""
    return [(state, n) for state, n in rw.raw(conn).execute(
        "SELECT state, count(*) FROM outbox GROUP BY state").fetchall()]


# -- the officer's decisions ----------------------------------------------------------------
def requeue(conn: Connection, op_ids: Sequence[str], stamp: str) -> tuple[int, set[str]]:
    """"Kirim ulang": the rejected ops of ``op_ids`` back to ``pending`` (same op id,
    same base), their held dependants counting their step again (never sent). Returns
    (ops requeued, their complaints)."""
    raw = rw.raw(conn)
    touched: set[str] = set()
    count = 0
    for chunk in chunks(list(op_ids)):
        rows = raw.execute(
            f"SELECT complaint_id FROM outbox WHERE state = 'rejected' AND op_id IN "
            f"({placeholders(chunk)})", list(chunk)).fetchall()
        touched.update(r[0] for r in rows)
        raw.execute(
            "UPDATE outbox SET base_version = base_version + 1 WHERE state = 'pending' "
            "AND attempts = 0 AND json_extract(result, '$.held_by') IN "
            f"({placeholders(chunk)})", list(chunk))
        cur = raw.execute(
            "UPDATE outbox SET state = 'pending', reject_reason = NULL, "
            "server_state = NULL, last_error = NULL, attempts = 0, updated_at = ? "
            f"WHERE state = 'rejected' AND op_id IN ({placeholders(chunk)})",
            [stamp, *chunk])
        count += cur.rowcount
    return count, touched


def pending_or_rejected_of(conn: Connection, complaint_ids: Sequence[str]) -> list[Row]:
    """Every ``pending`` or ``rejected`` op of these complaints."""
    ids = list(complaint_ids)
    cur = rw.raw(conn).execute(
        f"SELECT {_COLS} FROM outbox WHERE state IN ('pending', 'rejected') "
        f"AND complaint_id IN ({placeholders(ids)})", ids)
    return _rows(cur)


def delete(conn: Connection, seqs: Sequence[int]) -> None:
    rw.raw(conn).executemany("DELETE FROM outbox WHERE seq = ?", [(seq,) for seq in seqs])
