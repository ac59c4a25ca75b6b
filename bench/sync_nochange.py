"""A sync round when nothing changed, as the desk's timer runs it every N seconds.

``python -m bench sync_nochange [--count 2000] [--rounds 50] [--postgres [URL]]``

A desk synced with a server holding ``--count`` complaints runs ``--rounds`` more rounds
with nothing to push and nothing new to pull (one pull request answered with no changes,
the sync time stored). Target: median round <= 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.server_common import own_args, summary_ms
from bench.sync_common import desk_service, seeded_server

TARGET_MS = 20.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sync_nochange", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--postgres", nargs="?", const=True, default=False)
    args = parser.parse_args(own_args("sync_nochange", argv))
    from desktop.sync.account import Account
    from desktop.sync.engine import SyncEngine

    with seeded_server(args.count, postgres=args.postgres) as bench:
        service = desk_service(bench)
        client = Account(service).client()
        engine = SyncEngine(service, client)
        engine.sync_once()  # the first, full pull
        times, changed = [], 0
        for _ in range(args.rounds):
            started = time.perf_counter()
            report = engine.sync_once()
            times.append(time.perf_counter() - started)
            changed += report.changed
        client.close()
        service.close()
    median_ms = statistics.median(times) * 1000
    ok = median_ms <= TARGET_MS and not changed
    print(f"{args.rounds} no-change rounds: {summary_ms(times)}")
    print(f"sync_nochange: {median_ms:.1f} ms median (target <= {TARGET_MS:.0f} ms)  "
          f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
