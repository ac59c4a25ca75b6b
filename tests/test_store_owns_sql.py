"""The store owns the desk database's SQL: no module under ``desktop/sync/`` holds SQL
text, runs a statement (``execute``, ``exec_driver_sql``...) or takes the raw sqlite3
connection (``rows.raw``). Its statements live in ``desktop/store/sync_outbox.py``,
``sync_pages.py``, ``sync_state.py`` and ``attachment_files.py``.

The scan is syntactic (AST): string literals (f-string parts included) and calls.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("desktop/sync",)
SQL = re.compile(r"\b(SELECT\s+.+?\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX)|DROP\s+TABLE|PRAGMA)\b", re.DOTALL)
CALLS = frozenset({"execute", "executemany", "executescript", "exec_driver_sql", "raw",
                   "cursor"})
DRIVERS = ("sqlite3", "sqlcipher3", "sqlalchemy")


def _strings(node: ast.AST) -> str | None:
    """The text of a string literal or the literal parts of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "?".join(v.value for v in node.values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def sql_in(source: str) -> list[tuple[int, str]]:
    """(line, what) of every SQL text, statement call and database driver import."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in CALLS:
                found.append((node.lineno, f"{name}(...)"))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""])
            found += [(node.lineno, f"import {m}") for m in modules
                      if m.split(".")[0] in DRIVERS]
        elif (text := _strings(node)) is not None and (match := SQL.search(text)):
            found.append((node.lineno, " ".join(match.group(0).split())[:40]))
    return sorted(set(found))  # an f-string's parts are seen again one by one


def test_sync_modules_hold_no_sql() -> None:
    problems = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line, what in sql_in(path.read_text(encoding="utf-8")):
                problems.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert problems == [], "SQL belongs in desktop/store:\n" + "\n".join(problems)


def test_the_scan_finds_sql() -> None:
    """The scan is not vacuous: each kind of SQL in sync code is caught."""
    probe = '''
import sqlite3
from sqlalchemy import text
from desktop.store import rows as rw

def f(conn, key, table):
    raw = rw.raw(conn)
    raw.execute("UPDATE outbox SET state = 'pending' WHERE state = 'sending'")
    conn.exec_driver_sql(f"DELETE FROM {table} WHERE key = ?", (key,))
    sql = ("SELECT value "
           "FROM sync_state WHERE key = ?")
    return f"INSERT INTO {table} (key) VALUES (?)", sql
'''
    found = {what for _line, what in sql_in(probe)}
    assert {"import sqlite3", "import sqlalchemy", "raw(...)", "execute(...)",
            "exec_driver_sql(...)", "UPDATE outbox SET", "DELETE FROM",
            "SELECT value FROM", "INSERT INTO"} <= found
    # Officer-facing words and prose are not SQL.
    assert sql_in('MSG = "Pilih dan hapus; the update is set later"\n') == []
