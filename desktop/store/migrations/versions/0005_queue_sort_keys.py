"""Sort keys of the queue kept with each complaint, so every sort is an index walk.

Sorting 100,000 complaints by category or unit joined the reference tables per row and
sorted in a temporary B-tree (134 and 203 ms); by status it sorted on a CASE expression.
Now:

- ``complaints.category_sort``: the category's name, else its id (the queue's
  ``COALESCE(categories.name, category_id)``); ``complaints.unit_sort``: the name of the
  first unit it is routed to (its agency's unit), else that unit's code, NULL without
  units. Each with an index ``(key, received_ts, id)``, as the other sort keys have.
- An index on the status order (the ``Status`` enum's order, as ``queue.order_by`` writes
  the CASE expression; a new status needs a new revision for its sort to stay an index
  walk, tests/test_queue_sort_keys.py says so).
- A covering index ``(status, due_date, verified_at)`` for the views' counts (they read
  ``verified_at`` from the table row by row before).

Triggers keep both keys right for every writer (sync pages, local actions, intake, the
seed, raw statements): on a complaint's insert and on a change of its category, agency or
units, and on inserts, renames and deletes in ``categories`` and ``units`` (those find the
complaints through their indexes: ``ix_complaints_category`` and ``complaint_units``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FIRST_UNIT = "CASE WHEN json_valid({c}.unit_codes) THEN json_extract({c}.unit_codes, '$[0]') END"
CATEGORY_KEY = ("coalesce((SELECT name FROM categories WHERE id = {c}.category_id), "
                "{c}.category_id)")
UNIT_KEY = ("coalesce((SELECT name FROM units WHERE agency_code = {c}.agency_code "
            "AND code = " + FIRST_UNIT + "), " + FIRST_UNIT + ")")
STATUS_ORDER = ("belum_diverifikasi", "didisposisikan", "ditindaklanjuti",
                "menunggu_tanggapan_pelapor", "selesai", "ditunda", "bukan_wewenang",
                "diarsipkan")
STATUS_RANK = ("CASE status " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUS_ORDER))
               + f" ELSE {len(STATUS_ORDER)} END")


def _keys(c: str) -> str:
    """SET clause recomputing both keys of the complaints row ``c``."""
    return (f"category_sort = {CATEGORY_KEY.format(c=c)}, "
            f"unit_sort = {UNIT_KEY.format(c=c)}")


def _units_of(code: str) -> str:
    return f"rid IN (SELECT complaint_rid FROM complaint_units WHERE unit_code = {code})"


STATEMENTS = [
    "ALTER TABLE complaints ADD COLUMN category_sort TEXT",
    "ALTER TABLE complaints ADD COLUMN unit_sort TEXT",
    f"UPDATE complaints SET {_keys('complaints')}",
    "CREATE INDEX ix_complaints_category_sort ON complaints (category_sort, received_ts, id)",
    "CREATE INDEX ix_complaints_unit_sort ON complaints (unit_sort, received_ts, id)",
    f"CREATE INDEX ix_complaints_status_sort ON complaints ({STATUS_RANK}, received_ts, id)",
    "CREATE INDEX ix_complaints_status_counts ON complaints (status, due_date, verified_at)",
    # A complaint written (insert, or its category, agency or units changed).
    f"""CREATE TRIGGER complaints_sort_keys_ai AFTER INSERT ON complaints BEGIN
        UPDATE complaints SET {_keys('NEW')} WHERE rid = NEW.rid;
    END""",
    f"""CREATE TRIGGER complaints_sort_keys_au
        AFTER UPDATE OF category_id, agency_code, unit_codes ON complaints
        WHEN OLD.category_id IS NOT NEW.category_id OR OLD.agency_code IS NOT NEW.agency_code
             OR OLD.unit_codes IS NOT NEW.unit_codes BEGIN
        UPDATE complaints SET {_keys('NEW')} WHERE rid = NEW.rid;
    END""",
    # Reference data: a category or unit added, renamed (or re-keyed) or removed.
    """CREATE TRIGGER categories_sort_keys_ai AFTER INSERT ON categories BEGIN
        UPDATE complaints SET category_sort = NEW.name
        WHERE category_id = NEW.id AND category_sort IS NOT NEW.name;
    END""",
    f"""CREATE TRIGGER categories_sort_keys_au AFTER UPDATE OF id, name ON categories
        WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name BEGIN
        UPDATE complaints SET category_sort = {CATEGORY_KEY.format(c='complaints')}
        WHERE category_id IN (OLD.id, NEW.id);
    END""",
    f"""CREATE TRIGGER categories_sort_keys_ad AFTER DELETE ON categories BEGIN
        UPDATE complaints SET category_sort = {CATEGORY_KEY.format(c='complaints')}
        WHERE category_id = OLD.id;
    END""",
    f"""CREATE TRIGGER units_sort_keys_ai AFTER INSERT ON units BEGIN
        UPDATE complaints SET unit_sort = {UNIT_KEY.format(c='complaints')}
        WHERE {_units_of('NEW.code')} AND agency_code = NEW.agency_code
              AND {FIRST_UNIT.format(c='complaints')} = NEW.code;
    END""",
    f"""CREATE TRIGGER units_sort_keys_au AFTER UPDATE OF agency_code, code, name ON units
        WHEN OLD.agency_code IS NOT NEW.agency_code OR OLD.code IS NOT NEW.code
             OR OLD.name IS NOT NEW.name BEGIN
        UPDATE complaints SET unit_sort = {UNIT_KEY.format(c='complaints')}
        WHERE {_units_of('OLD.code')} OR {_units_of('NEW.code')};
    END""",
    f"""CREATE TRIGGER units_sort_keys_ad AFTER DELETE ON units BEGIN
        UPDATE complaints SET unit_sort = {UNIT_KEY.format(c='complaints')}
        WHERE {_units_of('OLD.code')} AND agency_code = OLD.agency_code
              AND {FIRST_UNIT.format(c='complaints')} = OLD.code;
    END""",
]

# Back to 0004's schema (tests build older desks from a head one with it).
DOWNGRADE_STATEMENTS = [
    *(f"DROP TRIGGER {name}" for name in (
        "complaints_sort_keys_ai", "complaints_sort_keys_au", "categories_sort_keys_ai",
        "categories_sort_keys_au", "categories_sort_keys_ad", "units_sort_keys_ai",
        "units_sort_keys_au", "units_sort_keys_ad")),
    *(f"DROP INDEX {name}" for name in (
        "ix_complaints_category_sort", "ix_complaints_unit_sort", "ix_complaints_status_sort",
        "ix_complaints_status_counts")),
    "ALTER TABLE complaints DROP COLUMN category_sort",
    "ALTER TABLE complaints DROP COLUMN unit_sort",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE_STATEMENTS:
        op.execute(statement)
