"""200 desks syncing against PostgreSQL with several server workers.

``python -m bench server_load [--desks 200] [--seconds 30] [--interval 5] [--workers 4]
[--database-url URL]``

Each simulated desk signs in once (its own device id), pulls everything, then every
``--interval`` seconds (jittered) runs a sync round: half of the rounds push one or two
operations (a new complaint, or a note on one of its complaints), then it pulls from its
cursor until nothing is left. Every HTTP request's latency is recorded; an error is any
non-2xx answer, a failed request, or a pushed op that is not applied.
Target: p95 <= 100 ms and 0 errors. Uses a fresh schema in PostgreSQL
(``--database-url``, else LAPOR_TEST_DATABASE_URL, else the local test database).
The desks' sessions are issued in the database (bench/server_common.issue_sessions), each
with its own device id: 2,000 sign-ins would spend minutes on argon2 before the run.
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bench.server_common import (
    DESK_USERS,
    agency_of,
    issue_sessions,
    own_args,
    percentile,
    seeded_server,
    summary_ms,
)

TARGET_P95_MS = 100.0


class Desk:
    def __init__(self, client, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
        self.client = client
        self.client.http.trust_env = False
        self.rng = rng
        self.agency = agency_of(client.username)
        self.cursor: str | None = None
        self.mine: dict[str, int] = {}
        self.kinds: dict[str, list[float]] = {}

    def timed(self, latencies: list[float], errors: list[str], method: str, path: str,
              **kw):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            resp = getattr(self.client, method)(path, **kw)
        except Exception as exc:  # noqa: BLE001 - every failure is counted, none may stop us
            errors.append(f"{path}: {exc!r}")
            return None
        latencies.append(time.perf_counter() - started)
        self.kinds.setdefault(path, []).append(latencies[-1])
        if resp.status_code >= 300:
            errors.append(f"{path}: {resp.status_code} {resp.text[:200]}")
            return None
        return resp.json()

    def sync(self, latencies: list[float], errors: list[str]) -> None:
        from tests.server_fixtures import create_op, op

        if self.rng.random() < 0.5:
            ops = []
            if self.mine and self.rng.random() < 0.6:
                cid, version = self.rng.choice(list(self.mine.items()))
                ops.append(op("note", cid, version, text="Catatan dari uji beban desk."))
            else:
                ops.append(create_op(self.agency))
            body = self.timed(latencies, errors, "post", "/sync/push", json={"ops": ops})
            for sent, result in zip(ops, (body or {}).get("results", []), strict=False):
                if result["status"] != "applied":
                    errors.append(f"op {result['status']} {result.get('reason')}")
                else:
                    self.mine[sent["complaint_id"]] = result["version"]
        while True:
            params = {"limit": 500, **({"cursor": self.cursor} if self.cursor else {})}
            page = self.timed(latencies, errors, "get", "/sync/pull", params=params)
            if page is None:
                return
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench server_load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desks", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=5.0, help="mean seconds between syncs")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--complaints", type=int, default=300, help="demo complaints seeded")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(own_args("server_load", argv))
    from tests.server_fixtures import ApiClient

    with seeded_server(args.database_url, args.workers, args.complaints) as server:
        pairs = [(DESK_USERS[i % len(DESK_USERS)], f"desk-{i:03d}")
                 for i in range(args.desks)]
        clients = [ApiClient(server.url, name, device, login) for (name, device), login
                   in zip(pairs, issue_sessions(server.database_url, pairs), strict=True)]
        desks = [Desk(c, random.Random(i)) for i, c in enumerate(clients)]
        warm: list[float] = []
        errors: list[str] = []
        with ThreadPoolExecutor(16) as pool:  # every desk's first full pull
            list(pool.map(lambda d: d.sync(warm, errors), desks))
        for desk in desks:
            desk.kinds.clear()
        latencies: list[float] = []
        rounds = [0]
        stop_at = time.monotonic() + args.seconds
        lock = threading.Lock()

        def run(desk: Desk) -> None:
            time.sleep(desk.rng.uniform(0, args.interval))
            while time.monotonic() < stop_at:
                desk.sync(latencies, errors)
                with lock:
                    rounds[0] += 1
                time.sleep(desk.rng.uniform(0.5, 1.5) * args.interval)

        started = time.perf_counter()
        threads = [threading.Thread(target=run, args=(d,), daemon=True) for d in desks]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 120)
        elapsed = time.perf_counter() - started
        server_errors = server.log().count("Traceback")
    p95 = percentile(latencies, 95) * 1000 if latencies else float("nan")
    print(f"{args.desks} desks, {args.workers} workers, PostgreSQL: {rounds[0]} sync rounds, "
          f"{len(latencies)} requests in {elapsed:.0f} s ({len(latencies) / elapsed:.0f}/s)")
    print(f"first full pulls: {summary_ms(warm)}")
    print(f"requests under load: {summary_ms(latencies)}")
    for path in ("/sync/push", "/sync/pull"):
        values = [v for d in desks for v in d.kinds.get(path, [])]
        if values:
            print(f"  {path}: {summary_ms(values)} ({len(values)} requests)")
    if errors:
        print(f"errors ({len(errors)}), first: {errors[:3]}")
    ok = not errors and not server_errors and p95 <= TARGET_P95_MS
    print(f"server_load: p95 {p95:.1f} ms, {len(errors)} errors, {server_errors} server tracebacks "
          f"(target p95 <= {TARGET_P95_MS:.0f} ms, 0 errors)  {'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
