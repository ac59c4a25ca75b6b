"""Nothing outside ``desktop/store`` reaches into the desk store's private members.

Sync, intake, printing, workflow and the rest use ``DeskService`` (``transaction()``,
``reading()``, ``apply_local_op(conn=...)``...) and the row steps of ``desktop.store.rows``.
The scan is syntactic (AST), so it is precise: ``self._x`` is a class's own business and is
never reported; ``service._write()``, ``self._store._engine``, ``q._placeholders`` (a store
module imported by name) and ``from desktop.store.x import _y`` are.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("desktop", "server", "bench", "scripts")
STORE_PACKAGE = ROOT / "desktop" / "store"
# What code calls a DeskService (leading underscores ignored: ``self._service``).
STORE_NAMES = frozenset({"service", "store", "svc", "desk", "desk_service", "desk_store"})
SHIMS = ("desktop/sync/storeaccess.py", "desktop/printing/storeaccess.py",
         "desktop/intake/storage.py")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _holder(node: ast.expr) -> str | None:
    """The name an attribute is read from: ``service`` in ``service._x``, ``_store`` in
    ``self._store._x``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _store_imports(tree: ast.Module) -> set[str]:
    """Local names bound to desktop.store modules or objects (``rw``, ``sn``, ``schema``...)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.store"):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("desktop.store") and alias.asname:
                    names.add(alias.asname)
    return names


def private_reach_ins(source: str) -> list[tuple[int, str]]:
    """(line, code) of every private store member ``source`` touches."""
    tree = ast.parse(source)
    imported = _store_imports(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.store"):
            found += [(node.lineno, f"from {node.module} import {a.name}")
                      for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            holder = _holder(node.value)
            if holder is not None and (holder.lstrip("_") in STORE_NAMES
                                       or holder in imported):
                found.append((node.lineno, ast.unparse(node)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) >= 2
              and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
              and _private(node.args[1].value)):
            holder = _holder(node.args[0])
            if holder is not None and (holder.lstrip("_") in STORE_NAMES or holder in imported):
                found.append((node.lineno, ast.unparse(node)))
    return sorted(found)


def test_no_module_outside_the_store_touches_its_private_members() -> None:
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            if path.is_relative_to(STORE_PACKAGE) or "__pycache__" in path.parts:
                continue
            for line, code in private_reach_ins(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(ROOT)}:{line}: {code}")
    assert found == []


def test_the_adapter_shims_are_gone() -> None:
    assert [shim for shim in SHIMS if (ROOT / shim).exists()] == []


def test_the_scan_catches_reach_ins() -> None:
    source = """
from desktop.store import queue as q
from desktop.store import service as _store
from desktop.store.service import _wita_today

def f(service, store, svc):
    with service._write() as conn:
        pass
    store._engine.connect()
    svc._raw(conn)
    _store._ROW_CHUNK
    q._placeholders([1])
    getattr(service, "_engine")

class Panel:
    def g(self):
        return self._store._category_map(), self._service._policy
"""
    codes = [code for _line, code in private_reach_ins(source)]
    assert codes == [
        "from desktop.store.service import _wita_today",
        "service._write", "store._engine", "svc._raw", "_store._ROW_CHUNK",
        "q._placeholders", "getattr(service, '_engine')",
        "self._service._policy", "self._store._category_map",
    ]


def test_the_scan_leaves_public_use_and_own_members_alone() -> None:
    source = """
from desktop.store import DeskService, rows as rw

class Engine:
    def __init__(self, service: DeskService) -> None:
        self._service = service
        self._engine = None
        self._write_file = None

    def run(self, service):
        with service.transaction() as conn:
            rw.queue_op(conn, op_id="x")
            rw.raw(conn).execute("SELECT 1")
        with self._service.reading() as conn:
            self._engine = conn
        self._write_file()
        return service.__class__, other._private
"""
    assert private_reach_ins(source) == []
