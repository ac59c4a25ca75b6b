"""A desk's first full pull into an empty store, without per-row index upkeep.

Keeping the queue's 15 indexes and 2 sort keys on ``complaints`` and the full-text index
(its triggers on ``complaint_texts``) up to date row by row is most of what storing a pulled
page costs; built once over the finished table they cost a fraction (20,000 complaints:
~1.2 s of upkeep against ~0.3 s to build). So the first page of a large pull into an empty
store drops them, in the same transaction as that page, and records their SQL under
``sync_state['bulk_load']``; :func:`finish` computes the sort keys, recreates the objects
from that record and rebuilds the search index from its content tables (FTS5 ``rebuild``),
in the same transaction as the last page.

Crash safety: the drop and its record commit together, so the record exists exactly while
the objects are missing. An interrupted pull is finished by the sync engine when the pull
fails, by ``DeskService`` when the store is opened, and before any schema upgrade (in the
upgrade's transaction, so a revision always sees the schema it was written against).
While a bulk load runs, queue reads are correct but slower and search finds only what was
there before: the store was empty, so nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.store import rows as rw
from desktop.store import sync_state

if TYPE_CHECKING:
    from sqlalchemy import Connection

KEY = "bulk_load"
# The search index's row triggers (migration 0001); complaints_bd_texts stays: a replaced
# complaint must still lose its text row.
SEARCH_TRIGGERS = ("complaint_texts_ai", "complaint_texts_ad", "complaint_texts_au",
                   "complaints_au_search")
# The queue's sort keys (migration 0005): its triggers on complaints recompute them row by
# row; :func:`finish` computes them for the whole table with the same expressions
# (tests/test_bulk_load.py checks that the live triggers still use exactly these).
SORT_TRIGGERS = ("complaints_sort_keys_ai", "complaints_sort_keys_au")
_FIRST_UNIT = ("CASE WHEN json_valid({c}.unit_codes) "
               "THEN json_extract({c}.unit_codes, '$[0]') END")
CATEGORY_KEY = ("coalesce((SELECT name FROM categories WHERE id = {c}.category_id), "
                "{c}.category_id)")
UNIT_KEY = ("coalesce((SELECT name FROM units WHERE agency_code = {c}.agency_code "
            "AND code = " + _FIRST_UNIT + "), " + _FIRST_UNIT + ")")


def sort_keys(c: str) -> str:
    """The SET clause computing both sort keys of the complaints row ``c``."""
    return (f"category_sort = {CATEGORY_KEY.format(c=c)}, "
            f"unit_sort = {UNIT_KEY.format(c=c)}")


def _deferred(conn: Connection) -> list[tuple[str, str, str]]:
    """(type, name, sql) of the objects a bulk load drops: every index declared on
    ``complaints`` (the UNIQUE id's automatic index stays: upserts need it) and the search
    triggers."""
    triggers = SEARCH_TRIGGERS + SORT_TRIGGERS
    marks = ", ".join("?" for _ in triggers)
    rows = rw.raw(conn).execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
        "(type = 'index' AND tbl_name = 'complaints') OR "
        f"(type = 'trigger' AND name IN ({marks}))) ORDER BY type, name",
        triggers).fetchall()
    return [(str(t), str(n), str(s)) for t, n, s in rows]


def store_is_empty(conn: Connection) -> bool:
    return rw.raw(conn).execute("SELECT NOT EXISTS (SELECT 1 FROM complaints)").fetchone()[0] == 1


def begin(conn: Connection) -> bool:
    """Drop the deferred objects if the store holds no complaint and no bulk load runs;
    True if it did (inside the caller's transaction)."""
    if sync_state.read(conn, KEY) is not None or not store_is_empty(conn):
        return False
    objects = _deferred(conn)
    sync_state.write(conn, KEY, {
        "sql": [sql for _kind, _name, sql in objects],
        "sort_keys": any(name in SORT_TRIGGERS for _kind, name, _sql in objects)})
    raw = rw.raw(conn)
    for kind, name, _sql in objects:
        raw.execute(f'DROP {kind.upper()} "{name}"')
    return True


def running(conn: Connection) -> bool:
    return sync_state.read(conn, KEY) is not None


def finish(conn: Connection) -> bool:
    """Recreate what :func:`begin` dropped and rebuild the search index; True if a bulk load
    was running (inside the caller's transaction)."""
    record = sync_state.read(conn, KEY)
    if record is None:
        return False
    raw = rw.raw(conn)
    if record.get("sort_keys"):  # before the indexes: no index upkeep per row
        raw.execute(f"UPDATE complaints SET {sort_keys('complaints')}")
    for sql in record["sql"]:
        raw.execute(sql)
    # External-content FTS5: rebuild reads every row of complaint_search (documented command).
    raw.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild')")
    sync_state.write(conn, KEY, None)
    return True
