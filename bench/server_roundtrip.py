"""A no-change sync round trip: the desk is up to date and asks again.

``python -m bench server_roundtrip [--runs 300] [--complaints 300] [--postgres [URL]]``

A desk has pulled everything; each round is what its background sync does when nothing
changed: an empty outbox push and a pull from its cursor that returns no change (keep-alive
connection, as the desk's requests session keeps). Target: p95 <= 20 ms a round.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.server_common import database, own_args, percentile, summary_ms

TARGET_MS = 20.0


def _rounds(desk, cursor: str, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        desk.push([])
        desk.pull(cursor)
        out.append(time.perf_counter() - started)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench server_roundtrip", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--complaints", type=int, default=300, help="demo complaints seeded")
    parser.add_argument("--postgres", nargs="?", const=True, default=False)
    args = parser.parse_args(own_args("server_roundtrip", argv))
    from tests.server_fixtures import DEMO_PASSWORD, run_cli, serve

    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp), args.postgres) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints",
                str(args.complaints))
        with serve(url, Path(tmp)) as server:
            desk = server.login("dinkes.admin")
            changes, cursor = desk.pull_all()
            default_env = _rounds(desk, cursor, max(50, args.runs // 3))
            # requests re-reads proxy settings from the environment on every call; a desk
            # with its proxy configured explicitly skips that (measured separately).
            desk.http.trust_env = False
            rounds, pulls = [], []
            for _ in range(20):  # warm up
                desk.push([])
                desk.pull(cursor)
            for _ in range(args.runs):
                started = time.perf_counter()
                desk.push([])
                page = desk.pull(cursor)
                middle = time.perf_counter()
                assert page["changes"] == [] and not page["has_more"]
                rounds.append(middle - started)
                started = time.perf_counter()
                desk.pull(cursor)
                pulls.append(time.perf_counter() - started)
    p95 = percentile(rounds, 95) * 1000
    print(f"with requests' per-call proxy lookup from the environment: {summary_ms(default_env)}")
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"desk up to date with {len(changes):,} changes ({backend})")
    print(f"push([]) + empty pull, {args.runs} rounds: {summary_ms(rounds)}")
    print(f"empty pull alone: {summary_ms(pulls)}")
    ok = p95 <= TARGET_MS
    print(f"server_roundtrip: p95 {p95:.1f} ms a round (target <= {TARGET_MS:.0f} ms)  "
          f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
