"""``DeskService``'s reference data: categories, units and agencies, their writes (the
server's lists, replaced or merged) and the cached category/unit maps the queue reads."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

from desktop.store import queue_read as qr
from desktop.store import rows as rw
from desktop.store.desk_base import DeskParts


class ReferenceParts(DeskParts):
    # Set by DeskService.__init__; None until first read and after every reference write.
    _cache_lock: threading.Lock
    _categories: dict[str, dict] | None
    _units: dict[tuple[str, str], dict] | None

    def replace_reference(self, *, categories: Sequence[Mapping] | None = None,
                          agencies: Sequence[Mapping] | None = None,
                          units: Sequence[Mapping] | None = None) -> None:
        """Replace the given reference tables wholesale (lists of dicts), one transaction.

        Accepts the server's spellings too: ``parent`` for ``parent_id``, ``agency`` for
        ``agency_code``.
        """
        self._write_reference(categories, agencies, units, replace=True)

    def merge_reference(self, *, categories: Sequence[Mapping] | None = None,
                        agencies: Sequence[Mapping] | None = None,
                        units: Sequence[Mapping] | None = None) -> None:
        """Insert or update the given reference rows, keeping the others."""
        self._write_reference(categories, agencies, units, replace=False)

    def _write_reference(self, categories: Sequence[Mapping] | None,
                         agencies: Sequence[Mapping] | None, units: Sequence[Mapping] | None,
                         *, replace: bool) -> None:
        tables = (
            ("categories", ("id", "parent_id", "name"), ("id",), categories,
             lambda c: (c["id"], c.get("parent_id", c.get("parent")), c["name"])),
            ("agencies", ("code", "name"), ("code",), agencies,
             lambda a: (a["code"], a["name"])),
            ("units", ("agency_code", "code", "name"), ("agency_code", "code"), units,
             lambda u: (u.get("agency_code", u.get("agency")) or "", u["code"], u["name"])),
        )
        with self._write() as conn:
            for table, cols, key, items, row in tables:
                if items is None:
                    continue
                if replace:
                    conn.exec_driver_sql(f"DELETE FROM {table}")
                updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in key)
                rows = [row(item) for item in items]
                if rows:
                    conn.exec_driver_sql(
                        f"INSERT INTO {table} ({', '.join(cols)}) "
                        f"VALUES ({', '.join('?' for _ in cols)}) "
                        f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {updates}", rows)
        self.invalidate_reference_cache()

    def invalidate_reference_cache(self) -> None:
        """Forget cached categories/units (after writing them inside a ``transaction()``)."""
        with self._cache_lock:
            self._categories = self._units = None

    def _category_map(self) -> dict[str, dict]:
        cats = self._categories
        if cats is None:
            with self._read() as conn:
                cats = qr.read_categories(rw.raw(conn))
            with self._cache_lock:
                self._categories = cats
        return cats

    def _unit_map(self) -> dict[tuple[str, str], dict]:
        """``(agency_code, code) -> unit``: unit codes are unique within an agency only."""
        units = self._units
        if units is None:
            with self._read() as conn:
                units = qr.read_units(rw.raw(conn))
            with self._cache_lock:
                self._units = units
        return units

    def categories(self) -> list[dict]:
        """``[{"id", "parent_id", "name"}]`` in server order."""
        return [dict(c) for c in self._category_map().values()]

    def units(self) -> list[dict]:
        """``[{"agency_code", "code", "name"}]`` by name."""
        return [dict(u) for u in self._unit_map().values()]

    def agencies(self) -> list[dict]:
        with self._read() as conn:
            rows = conn.exec_driver_sql("SELECT code, name FROM agencies ORDER BY name")
            return [dict(r) for r in rows.mappings()]
