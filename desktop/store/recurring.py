"""Recurring problems: complaints about the same problem in the same place (issue 18.2).

Pure and testable: ``group_complaints`` takes plain ``Item`` records and returns the
groups; ``find_recurring(service)`` (on the DB thread, ``desktop.tasks``) reads the window's
complaints from one read snapshot and groups them.

Two complaints may share a group when

- they are in the same kecamatan and, when both name their desa/kelurahan, the same one;
- their categories are the same, or one is an ancestor of the other (an officer filed the
  bridge under "Pekerjaan Umum", another under its "Jalan dan Jembatan");
- their texts are alike (``desktop.store.recurring_text``: TF-IDF over title and isi).

Within each (kecamatan, top-level category) block, groups grow by average linkage: the
two closest groups merge while their mean pairwise likeness is at least ``threshold`` and
every pair across them may share a group. Groups of at least ``min_size`` complaints are
recurring problems, ranked by size, then the latest complaint, then how many are still
open. ``tests/test_recurring_precision.py`` measures the grouping on 212 labelled seed
complaints (``tests/fixtures/recurring_complaints.json``).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from itertools import combinations
from typing import TYPE_CHECKING, Any

from desktop.store import recurring_text as rt

if TYPE_CHECKING:
    from desktop.store.service import DeskService

WINDOW_DAYS = 90  # default of the setting ``recurring_window_days``
WINDOW_SETTING = "recurring_window_days"
THRESHOLD = 0.17
MIN_SIZE = 2
DONE_STATUSES = frozenset({"selesai", "bukan_wewenang", "diarsipkan"})


@dataclass(frozen=True)
class Item:
    id: str
    region_code: str | None  # a desa/kelurahan's, or a kecamatan's (or coarser) code
    category_id: str | None
    title: str
    content: str
    received: date
    status: str = ""
    number: str = ""  # tracking number, else the provisional one

    @cached_property
    def kecamatan(self) -> str | None:
        parts = (self.region_code or "").split(".")
        return ".".join(parts[:3]) if len(parts) >= 3 else None

    @cached_property
    def desa(self) -> str | None:
        parts = (self.region_code or "").split(".")
        return self.region_code if len(parts) >= 4 else None

    @property
    def open(self) -> bool:
        return self.status not in DONE_STATUSES


@dataclass(frozen=True)
class Group:
    place_code: str  # the desa's code when all share one, else the kecamatan's
    category_id: str | None  # the most specific category all share
    items: tuple[Item, ...]  # newest first
    # The broadest category among them: the queue's category filter (it includes the
    # sub-categories) then holds every complaint of the group.
    scope_category: str | None = None

    @property
    def size(self) -> int:
        return len(self.items)

    @property
    def latest(self) -> date:
        return self.items[0].received

    @property
    def earliest(self) -> date:
        return self.items[-1].received

    @property
    def open_count(self) -> int:
        return sum(item.open for item in self.items)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


def window(today: date, days: int) -> tuple[date, date]:
    """The sliding window's first and last days (``days`` days ending today)."""
    return today - timedelta(days=max(1, days) - 1), today


def group_complaints(
    items: Sequence[Item], today: date, *, window_days: int = WINDOW_DAYS,
    parents: Mapping[str, str | None] | None = None,
    place_names: Callable[[str], Sequence[str]] | None = None,
    threshold: float = THRESHOLD, min_size: int = MIN_SIZE,
) -> list[Group]:
    """The recurring problems among ``items`` received in the window ending ``today``.
    ``parents``: category id -> parent id; ``place_names(region_code)``: the names of that
    place and the places above it (their words are no evidence of a like problem)."""
    first, last = window(today, window_days)
    inside = [i for i in items if first <= i.received <= last and i.kecamatan]
    parents = parents or {}
    names = place_names or (lambda _code: ())
    drop_cache: dict[str, frozenset[str]] = {}

    def drop(code: str | None) -> frozenset[str]:
        if code not in drop_cache:
            drop_cache[code or ""] = rt.place_words(names(code) if code else ())
        return drop_cache[code or ""]

    docs = [(rt.words(i.title, drop(i.region_code)), rt.words(i.content, drop(i.region_code)))
            for i in inside]
    vecs = rt.vectors(docs)
    blocks: dict[tuple[str, str], list[int]] = {}
    for n, item in enumerate(inside):
        key = (item.kecamatan or "", _root(item.category_id, parents))
        blocks.setdefault(key, []).append(n)
    groups = []
    for members in blocks.values():
        for cluster in _clusters(members, inside, vecs, parents, threshold):
            if len(cluster) >= min_size:
                groups.append(_group([inside[n] for n in cluster], parents))
    groups.sort(key=lambda g: (-g.size, -g.latest.toordinal(), -g.open_count, g.place_code))
    return groups


def _clusters(members: list[int], items: Sequence[Item], vecs: Sequence[dict[str, float]],
              parents: Mapping[str, str | None], threshold: float) -> list[list[int]]:
    """Average-linkage clusters of one block. A merge needs a mean likeness >= threshold,
    so at least one pair that alike: clusters never cross the connected parts of the
    graph of such pairs, and each part is clustered on its own (most are one complaint)."""
    sim: dict[tuple[int, int], float] = {}
    linked: dict[int, set[int]] = {n: set() for n in members}
    lineage = {n: {items[n].category_id or "", *_ancestors(items[n].category_id or "", parents)}
               for n in members}
    for a, b in combinations(members, 2):
        da, db = items[a].desa, items[b].desa
        if da and db and da != db:
            continue
        ca, cb = items[a].category_id or "", items[b].category_id or ""
        if ca != cb and ca not in lineage[b] and cb not in lineage[a]:
            continue
        value = rt.cosine(vecs[a], vecs[b])
        sim[(a, b)] = value
        if value >= threshold:
            linked[a].add(b)
            linked[b].add(a)
    out = []
    for part in _parts(members, linked):
        out += _average_linkage(part, sim, threshold) if len(part) > 1 else [part]
    return out


def _parts(members: list[int], linked: dict[int, set[int]]) -> list[list[int]]:
    seen: set[int] = set()
    parts = []
    for start in members:
        if start in seen:
            continue
        part, todo = [], [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            part.append(node)
            for other in linked[node] - seen:
                seen.add(other)
                todo.append(other)
        parts.append(sorted(part))
    return parts


def _average_linkage(part: list[int], sim: Mapping[tuple[int, int], float],
                     threshold: float) -> list[list[int]]:
    """Merge the two clusters of highest mean likeness while it is >= ``threshold`` and no
    pair across them is incompatible (missing from ``sim``). Between clusters the sum of
    likeness and the count of incompatible pairs are kept and added up on a merge."""
    clusters: dict[int, list[int]] = {n: [n] for n in part}
    total: dict[tuple[int, int], float] = {}
    bad: dict[tuple[int, int], int] = {}
    for a, b in combinations(part, 2):
        value = sim.get((a, b))
        total[(a, b)] = value or 0.0
        bad[(a, b)] = value is None
    while True:
        best, pair = threshold, None
        for (x, y), value in total.items():
            if bad[(x, y)]:
                continue
            mean = value / (len(clusters[x]) * len(clusters[y]))
            if mean >= best:
                best, pair = mean, (x, y)
        if pair is None:
            return [sorted(c) for c in clusters.values()]
        x, y = pair
        clusters[x] += clusters.pop(y)
        for z in clusters:
            if z == x:
                continue
            kx, ky = (min(x, z), max(x, z)), (min(y, z), max(y, z))
            total[kx] += total.pop(ky)
            bad[kx] += bad.pop(ky)
        del total[(x, y)], bad[(x, y)]


def _ancestors(category: str, parents: Mapping[str, str | None]) -> list[str]:
    out, current = [], parents.get(category)
    while current and current not in out:
        out.append(current)
        current = parents.get(current)
    return out


def _root(category: str | None, parents: Mapping[str, str | None]) -> str:
    chain = _ancestors(category or "", parents)
    return chain[-1] if chain else category or ""


def _group(items: list[Item], parents: Mapping[str, str | None]) -> Group:
    items.sort(key=lambda i: (i.received, i.id), reverse=True)
    desas = {i.desa for i in items}
    place = next(iter(desas)) if len(desas) == 1 and None not in desas else items[0].kecamatan
    categories = {i.category_id for i in items}
    # The deepest category all share: a child filed beside its parent names the group.
    depth = {c: len(_ancestors(c or "", parents)) for c in categories}
    deepest = max(categories, key=lambda c: (depth[c], c or ""))
    broadest = min(categories, key=lambda c: (depth[c], c or ""))
    return Group(place or "", deepest, tuple(items), broadest)


# -- the desk store --------------------------------------------------------------------------

def window_days(service: DeskService) -> int:
    """The window setting (days), ``WINDOW_DAYS`` when unset or not a positive number."""
    value = service.get_setting(WINDOW_SETTING, WINDOW_DAYS)
    try:
        days = int(value)
    except (TypeError, ValueError):
        return WINDOW_DAYS
    return days if days > 0 else WINDOW_DAYS


def find_recurring(service: DeskService, days: int | None = None) -> list[Group]:
    """The recurring problems among the complaints received in the window ending today."""
    from core import Regions

    today = service.today()
    days = days or window_days(service)
    first, last = window(today, days)
    mark = (today, days, _fingerprint(service, first, last))
    kept = _kept.get(service)
    if kept is not None and kept[0] == mark:
        return list(kept[1])  # nothing in the window changed since (a sync without news)
    items = read_items(service, first, last)
    parents = {c["id"]: c.get("parent_id") for c in service.categories()}
    regions = Regions.load()

    def place_names(code: str) -> list[str]:
        return [r.name for r in regions.path(code)]

    groups = group_complaints(items, today, window_days=days, parents=parents,
                              place_names=place_names)
    _kept[service] = (mark, groups)
    return list(groups)


def forget(service: DeskService) -> None:
    """Drop the kept grouping of ``service`` (the bench's cold runs)."""
    _kept.pop(service, None)


# service -> ((today, days, fingerprint), groups): the last grouping of each open store.
_kept: weakref.WeakKeyDictionary[Any, tuple[tuple, list[Group]]] = weakref.WeakKeyDictionary()


def _fingerprint(service: DeskService, first: date, last: date) -> tuple:
    """What changes when a complaint of the window is added, changed (its version) or
    removed; the categories' names and tree count too."""
    from desktop.store import queue as q
    from desktop.store import rows as rw

    where = q.WhereBuilder.empty()
    q.filter_clauses(where, q.QueueFilter(date_from=first, date_to=last), None)
    with service.reading() as conn:
        found = rw.raw(conn).execute(
            f"SELECT count(*), total(c.version), max(c.rid), total(c.rid) FROM complaints c "
            f"WHERE {where.sql()}", where.params).fetchone()
    return (*found, tuple(sorted((c["id"], c.get("parent_id") or "")
                                 for c in service.categories())))


def read_items(service: DeskService, first: date, last: date) -> list[Item]:
    """The complaints received from ``first`` to ``last`` (office dates), one read snapshot."""
    from desktop.store import queue as q
    from desktop.store import rows as rw

    where = q.WhereBuilder.empty()
    q.filter_clauses(where, q.QueueFilter(date_from=first, date_to=last), None)
    sql = ("SELECT c.id, c.tracking_number, c.provisional_number, c.region_code, "
           "c.category_id, c.title, t.content, c.received_at, c.status FROM complaints c "
           f"JOIN complaint_texts t ON t.rid = c.rid WHERE {where.sql()}")
    with service.reading() as conn:
        rows = rw.raw(conn).execute(sql, where.params).fetchall()
    return [Item(cid, region, category, title or "", content or "", _office_date(received),
                 status, str(tracking) if tracking is not None else (provisional or ""))
            for cid, tracking, provisional, region, category, title, content, received, status
            in rows]


def _office_date(text: str) -> date:
    from datetime import datetime

    from core.calendar import local_date

    try:
        return local_date(datetime.fromisoformat(text))
    except ValueError:
        return date.fromisoformat(text[:10])
