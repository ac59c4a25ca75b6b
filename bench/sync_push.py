"""Push of 2,000 queued operations from a desk's outbox through the real sync engine.

``python -m bench sync_push [--ops 2000] [--postgres [URL]]``

The officer worked offline: 400 complaints created, verified, disposed, noted and followed
up on the desk (``DeskService.apply_local_op``: local effect + outbox row, as the GUI
does). Then one sync pushes the outbox in batches to a real server process and stores
every answer. Timed: the push (every op ``applied``). Target: <= 3 s. The full round
(push + pulling back the 400 changed complaints) is printed too.
"""

from __future__ import annotations

import argparse
import time

from bench.server_common import own_args
from bench.sync_common import desk_service, seeded_server

TARGET_S = 3.0


def queue_work(service, count: int) -> None:  # type: ignore[no-untyped-def]
    from desktop.sync.account import Account
    from tests.server_fixtures import create_payload

    data = Account(service).actor or {}
    from core import Actor

    actor = Actor(username=data["username"], role=data["role"], agency=data["agency"],
                  units=tuple(data.get("units") or ()), full_name=data["full_name"])
    made = 0
    while made < count:
        payload = create_payload("DINKES")
        cid = service.apply_local_op(None, "create", payload, actor).complaint_id
        steps = [("verify", {"note": "Lengkap."}),
                 ("dispose", {"unit_codes": ["YANKES"], "sifat": "segera"}),
                 ("note", {"text": "Pelapor menelepon menanyakan perkembangan."}),
                 ("follow_up", {"text": "Petugas sudah meninjau lokasi."})]
        made += 1
        for kind, payload in steps:
            if made >= count:
                break
            service.apply_local_op(cid, kind, payload, actor)
            made += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sync_push", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ops", type=int, default=2000)
    parser.add_argument("--postgres", nargs="?", const=True, default=False)
    args = parser.parse_args(own_args("sync_push", argv))
    from desktop.sync.account import Account
    from desktop.sync.engine import SyncEngine, SyncReport

    with seeded_server(0, postgres=args.postgres) as bench:
        service = desk_service(bench)
        engine0 = SyncEngine(service, Account(service).client())
        engine0.sync_once()  # reference data first, as a real desk has it
        started = time.perf_counter()
        queue_work(service, args.ops)
        print(f"queued {args.ops:,} ops locally in {time.perf_counter() - started:.1f} s "
              f"(not timed)")
        client = Account(service).client()
        waited = [0.0]
        original_push = client.push

        def timed_push(ops):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return original_push(ops)
            finally:
                waited[0] += time.perf_counter() - t0

        client.push = timed_push  # type: ignore[method-assign]
        engine = SyncEngine(service, client)
        report = SyncReport()
        started = time.perf_counter()
        engine.push_all(report)
        push_s = time.perf_counter() - started
        engine.pull_all(report)
        round_s = time.perf_counter() - started
        counts = engine.local.counts()
        client.close()
        service.close()
    ok = report.applied == args.ops and counts["applied"] == args.ops and push_s <= TARGET_S
    print(f"pushed {report.pushed:,} ops: {report.applied:,} applied, {report.rejected} "
          f"rejected; full round with the pull back: {round_s:.2f} s")
    print(f"of which waiting for the server: {waited[0]:.2f} s; desk side (outbox states, "
          f"answers stored): {push_s - waited[0]:.2f} s")
    print(f"sync_push: {push_s:.2f} s for {args.ops:,} ops (target <= {TARGET_S:.0f} s)  "
          f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
