"""``lapor-server audit verify``: walk every audit chain and name what was tampered with.

Checks, per chain in ``seq`` order (server/audit_chain.py for how chains are made):

- each entry's hash matches its content (else: *changed*);
- ``seq`` runs 1, 2, 3 ... (a gap: *deleted*; a seq seen twice: *inserted*);
- each ``prev_hash`` is the previous entry's hash (else the previous entry was changed and
  its hash recomputed, or this one was inserted);
- ids rise along the chain (the server appends under a lock, so a younger row before an
  older one was *inserted*);
- the chain's counter equals its last seq (entries missing at the end: *deleted*; more
  entries than the server ever numbered: *inserted*);
- every stored daily anchor matches the entry it names (*anchor*).

Messages are Indonesian (they are printed for the operator).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server.audit_chain import COUNTER_PREFIX, GENESIS, chain_of, entry_hash
from server.models import AuditAnchor, AuditEntry, Counter

MAX_PER_CHAIN = 20  # problems listed per chain (all are counted)
_LOG = AuditEntry.__table__
_CHAINED = sa.and_(_LOG.c.chain.is_not(None), _LOG.c.seq.is_not(None),
                   _LOG.c.hash.is_not(None), _LOG.c.prev_hash.is_not(None))


@dataclass
class Problem:
    kind: str  # changed | deleted | inserted | anchor
    chain: str | None
    id: int | None
    seq: int | None
    message: str


@dataclass
class ChainState:
    chain: str
    entries: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS
    last_id: int = 0
    problems: int = 0


@dataclass
class Report:
    chains: dict[str, ChainState] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    anchors: int = 0

    @property
    def intact(self) -> bool:
        return self.problem_count == 0

    def add(self, problem: Problem) -> None:
        self.problem_count += 1
        state = self.chains.get(problem.chain or "")
        if state is not None:
            state.problems += 1
            if state.problems > MAX_PER_CHAIN:
                return
        self.problems.append(problem)

    def to_dict(self) -> dict[str, Any]:
        return {
            "intact": self.intact, "problem_count": self.problem_count,
            "entries": sum(s.entries for s in self.chains.values()), "anchors": self.anchors,
            "chains": [{"chain": s.chain, "entries": s.entries, "head_seq": s.last_seq,
                        "head_hash": s.last_hash, "problems": s.problems}
                       for s in sorted(self.chains.values(), key=lambda s: s.chain)],
            "problems": [asdict(p) for p in self.problems],
        }


def verify(session: Session) -> Report:
    report = Report()
    for row in session.execute(sa.select(_LOG.c.id, _LOG.c.chain).where(~_CHAINED)
                               .order_by(_LOG.c.id)):
        report.add(Problem("inserted", row.chain, row.id, None,
                           f"entri id {row.id} tidak berantai (tanpa rantai, urutan atau "
                           "hash): disisipkan di luar server"))
    anchors = _anchors(session)
    report.anchors = sum(len(found) for found in anchors.values())
    for row in _walk(session):
        state = report.chains.get(row["chain"])
        if state is None:
            state = report.chains[row["chain"]] = ChainState(row["chain"])
        _check(report, state, row)
        for anchor in anchors.pop((row["chain"], row["seq"]), []):
            if anchor.hash != row["hash"]:
                report.add(Problem("anchor", anchor.chain, row["id"], row["seq"], (
                    f"jangkar harian {anchor.day.isoformat()} mencatat hash lain untuk entri "
                    f"urutan {anchor.seq}: rantai ditulis ulang setelah hari itu")))
    _check_counters(session, report)
    for missing in anchors.values():
        for anchor in missing:
            report.add(Problem("anchor", anchor.chain, None, anchor.seq, (
                f"jangkar harian {anchor.day.isoformat()} menunjuk entri urutan {anchor.seq} "
                "yang tidak ada lagi: entri dihapus")))
    return report


def _walk(session: Session) -> Iterator[Any]:
    query = (sa.select(_LOG).where(_CHAINED).order_by(_LOG.c.chain, _LOG.c.seq, _LOG.c.id)
             .execution_options(yield_per=2000))
    for row in session.execute(query).mappings():
        yield dict(row)


def _anchors(session: Session) -> dict[tuple[str, int], list[AuditAnchor]]:
    out: dict[tuple[str, int], list[AuditAnchor]] = {}
    for anchor in session.execute(sa.select(AuditAnchor)).scalars():
        out.setdefault((anchor.chain, anchor.seq), []).append(anchor)
    return out


def _check(report: Report, state: ChainState, row: dict[str, Any]) -> None:
    chain, seq, entry_id = row["chain"], row["seq"], row["id"]
    where = f"entri id {entry_id} (urutan {seq})"
    expected = state.last_seq + 1
    if seq < expected:
        report.add(Problem("inserted", chain, entry_id, seq,
                           f"{where}: urutan {seq} sudah dipakai entri lain: disisipkan"))
        return  # the chain goes on from the entry already seen
    if row["hash"] != entry_hash(row):
        report.add(Problem("changed", chain, entry_id, seq,
                           f"{where}: isinya tidak cocok dengan hash-nya: diubah"))
    elif chain != chain_of(row["agency_code"]):
        report.add(Problem("changed", chain, entry_id, seq,
                           f"{where}: instansi entri tidak cocok dengan rantainya: diubah"))
    if seq > expected:
        missing = str(expected) if seq == expected + 1 else f"{expected}–{seq - 1}"
        report.add(Problem("deleted", chain, entry_id, seq,
                           f"entri urutan {missing} hilang sebelum {where}: dihapus"))
    elif row["prev_hash"] != state.last_hash:
        report.add(Problem(
            "changed", chain, state.last_id or entry_id, state.last_seq or seq,
            f"entri id {state.last_id} (urutan {state.last_seq}) berbeda dari yang dicatat "
            f"{where} (hash dihitung ulang setelah diubah), atau {where} disisipkan"
            if state.last_id else f"{where}: bukan awal rantai yang sah: disisipkan"))
    if entry_id < state.last_id:
        report.add(Problem("inserted", chain, state.last_id, state.last_seq,
                           f"entri id {state.last_id} (urutan {state.last_seq}) lebih baru "
                           f"daripada {where} sesudahnya: disisipkan di tengah rantai"))
    state.entries += 1
    state.last_seq, state.last_hash, state.last_id = seq, row["hash"], entry_id


def _check_counters(session: Session, report: Report) -> None:
    counters = dict(session.execute(sa.select(Counter.name, Counter.value).where(
        Counter.name.like(f"{COUNTER_PREFIX}%"))).all())
    chains = {name.removeprefix(COUNTER_PREFIX) for name in counters} | set(report.chains)
    for chain in sorted(chains):
        numbered = int(counters.get(f"{COUNTER_PREFIX}{chain}") or 0)
        state = report.chains.get(chain) or report.chains.setdefault(chain, ChainState(chain))
        if numbered > state.last_seq:
            missing = (str(numbered) if numbered == state.last_seq + 1
                       else f"{state.last_seq + 1}–{numbered}")
            report.add(Problem("deleted", chain, None, state.last_seq + 1,
                               f"entri urutan {missing} di akhir rantai hilang: dihapus"))
        elif numbered < state.last_seq:
            first = session.execute(sa.select(_LOG.c.id).where(
                _LOG.c.chain == chain, _LOG.c.seq > numbered).order_by(_LOG.c.seq, _LOG.c.id)
                .limit(1)).scalar()
            report.add(Problem("inserted", chain, first, numbered + 1,
                               f"entri id {first} (urutan {numbered + 1}) dan sesudahnya tidak "
                               f"pernah diberi nomor oleh server (penghitung rantai berhenti "
                               f"di {numbered}): disisipkan"))


def text(report: Report) -> str:
    """What ``audit verify`` prints (Indonesian)."""
    entries = sum(s.entries for s in report.chains.values())
    if report.intact:
        return (f"Jejak audit utuh: {len(report.chains)} rantai, {entries} entri, "
                f"{report.anchors} jangkar harian cocok.")
    lines = [f"Jejak audit RUSAK: {report.problem_count} masalah ditemukan "
             f"({len(report.chains)} rantai, {entries} entri)."]
    for problem in report.problems:
        chain = "pusat (*)" if problem.chain == "*" else (problem.chain or "-")
        lines.append(f"  [{problem.kind}] rantai {chain}: {problem.message}")
    if len(report.problems) < report.problem_count:
        lines.append(f"  ... dan {report.problem_count - len(report.problems)} masalah lain "
                     f"(paling banyak {MAX_PER_CHAIN} per rantai ditampilkan).")
    return "\n".join(lines)


def run_command(database_url: str, as_json: bool) -> int:
    """Exit 0 when every chain and anchor is intact, 1 when not."""
    import json

    from server.db import Database

    db = Database(database_url, pool_size=1)
    try:
        with db.read() as session:
            report = verify(session)
    finally:
        db.dispose()
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json
          else text(report))
    return 0 if report.intact else 1
