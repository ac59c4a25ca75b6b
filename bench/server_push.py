"""Push of 2,000 operations from one desk's outbox.

``python -m bench server_push [--ops 2000] [--batch 500] [--postgres [URL]]``

A desk that was offline pushes its outbox: 400 complaints, each created, verified, disposed,
noted and followed up (5 ops each), in batches of ``--batch``. Every op must come back
``applied``. Target: all 2,000 in <= 3 s (SQLite; ``--postgres`` reports the same on
PostgreSQL).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.server_common import database, own_args

TARGET_S = 3.0


def outbox(count: int) -> list[dict]:
    from tests.server_fixtures import create_op, op

    ops: list[dict] = []
    while len(ops) < count:
        create = create_op("DINKES")
        cid = create["complaint_id"]
        ops += [create, op("verify", cid, 1, note="Lengkap."),
                op("dispose", cid, 2, unit_codes=["YANKES"], sifat="segera"),
                op("note", cid, 3, text="Pelapor menelepon menanyakan perkembangan."),
                op("follow_up", cid, 4, text="Petugas sudah meninjau lokasi.")]
    return ops[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench server_push", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ops", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--postgres", nargs="?", const=True, default=False)
    args = parser.parse_args(own_args("server_push", argv))
    from tests.server_fixtures import DEMO_PASSWORD, run_cli, serve

    ops = outbox(args.ops)
    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp), args.postgres) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0")
        with serve(url, Path(tmp)) as server:
            desk = server.login("pusat.admin")
            desk.push([])  # warm the connection and the worker
            statuses: dict[str, int] = {}
            per_batch = []
            started = time.perf_counter()
            for start in range(0, len(ops), args.batch):
                t = time.perf_counter()
                for result in desk.push(ops[start:start + args.batch]):
                    statuses[result["status"]] = statuses.get(result["status"], 0) + 1
                per_batch.append(time.perf_counter() - t)
            elapsed = time.perf_counter() - started
            again = time.perf_counter()
            replay = desk.push(ops[: args.batch])  # a retried batch: all duplicates
            replay_time = time.perf_counter() - again
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{len(ops):,} ops in {len(per_batch)} batches of {args.batch} ({backend}): "
          f"{elapsed:.2f} s, {len(ops) / elapsed:,.0f} ops a second; "
          f"batches {', '.join(f'{b:.2f}' for b in per_batch)} s")
    print(f"results: {statuses}; replaying a batch of {len(replay)}: {replay_time:.2f} s, "
          f"{sum(r['status'] == 'duplicate' for r in replay)} duplicates")
    ok = statuses.get("applied", 0) == len(ops) and elapsed <= TARGET_S
    print(f"server_push: {elapsed:.2f} s for {len(ops):,} ops (target <= {TARGET_S:.0f} s)  "
          f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
