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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from typing import TYPE_CHECKING

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

    @property
    def kecamatan(self) -> str | None:
        parts = (self.region_code or "").split(".")
        return ".".join(parts[:3]) if len(parts) >= 3 else None

    @property
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
    """Average-linkage clusters of one block (a few dozen complaints at most)."""
    sim = {(a, b): rt.cosine(vecs[a], vecs[b]) for a, b in combinations(members, 2)}
    ok = {(a, b): _compatible(items[a], items[b], parents) for a, b in combinations(members, 2)}
    clusters = [[n] for n in members]
    while len(clusters) > 1:
        best, pair = threshold, None
        for x, y in combinations(range(len(clusters)), 2):
            pairs = [(min(a, b), max(a, b)) for a in clusters[x] for b in clusters[y]]
            if not all(ok[p] for p in pairs):
                continue
            mean = sum(sim[p] for p in pairs) / len(pairs)
            if mean >= best:
                best, pair = mean, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x] = clusters[x] + clusters[y]
        del clusters[y]
    return clusters


def _compatible(a: Item, b: Item, parents: Mapping[str, str | None]) -> bool:
    if a.desa and b.desa and a.desa != b.desa:
        return False
    ca, cb = a.category_id or "", b.category_id or ""
    return ca == cb or ca in _ancestors(cb, parents) or cb in _ancestors(ca, parents)


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
    category = max(categories, key=lambda c: len(_ancestors(c or "", parents)))
    return Group(place or "", category, tuple(items))


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
    from desktop.domain import Regions

    today = service.today()
    days = days or window_days(service)
    items = read_items(service, *window(today, days))
    parents = {c["id"]: c.get("parent_id") for c in service.categories()}
    regions = Regions.load()

    def place_names(code: str) -> list[str]:
        return [r.name for r in regions.path(code)]

    return group_complaints(items, today, window_days=days, parents=parents,
                            place_names=place_names)


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

    from desktop.domain.calendar import local_date

    try:
        return local_date(datetime.fromisoformat(text))
    except ValueError:
        return date.fromisoformat(text[:10])
