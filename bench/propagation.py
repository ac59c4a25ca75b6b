"""Desk-to-desk propagation through waiting pulls (issue 20.1), on PostgreSQL.

``python -m bench propagation [--desks 200] [--seconds 30] [--writes 2] [--workers 3]
[--wait 25] [--database-url URL]``

Every simulated desk signs in (its own device id), pulls everything, then keeps one waiting
pull open (``GET /sync/pull?cursor=&wait=``) and, when it answers with changes, pulls on
from there and waits again: what the desk's change waiter does, minus the round's push.
Meanwhile ``--writes`` changes a second (new complaints and notes, spread over the
agencies, each from a desk of that agency) are pushed. For every change and every desk of
its agency, propagation is the time from the start of the push to the moment that desk's
waiting pull delivered the change (push time included). A change some desk in scope never
receives is an error. Also: request latencies of the pushes, how many waiting pulls ended
empty, and the server's memory (resident set of the server and its workers, summed).
Targets (issue 20): propagation p95 <= 2 s, 0 errors.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.server_common import database, own_args, percentile, summary_ms

TARGET_P95_S = 2.0
AGENCIES = {"dinkes": "DINKES", "pupr": "PUPR", "dishub": "DISHUB", "disdikbud": "DISDIKBUD",
            "disdukcapil": "DISDUKCAPIL"}


def server_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the uvicorn workers), in MiB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class Waiting:
    """One desk holding a waiting pull open, recording when each change arrived."""

    def __init__(self, client: Any, wait: int) -> None:
        self.client = client
        self.client.http.trust_env = False
        self.agency = AGENCIES[client.username.split(".")[0]]
        self.wait = wait
        self.cursor: str | None = None
        self.arrived: dict[tuple[str, int], float] = {}  # (complaint, version) -> when
        self.empty = 0
        self.errors: list[str] = []

    def catch_up(self) -> None:
        _, self.cursor = self.client.pull_all(self.cursor)

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                resp = self.client.get("/sync/pull", params={
                    "cursor": self.cursor, "wait": self.wait, "limit": 500})
            except Exception as exc:  # noqa: BLE001 - counted, the desk waits again
                self.errors.append(repr(exc))
                time.sleep(1)
                continue
            now = time.monotonic()
            if resp.status_code != 200:
                self.errors.append(f"{resp.status_code} {resp.text[:200]}")
                time.sleep(1)
                continue
            page = resp.json()
            if not page["changes"] and not stop.is_set():  # (not the answers at shutdown)
                self.empty += 1
            for change in page["changes"]:
                if change["type"] == "complaint":
                    key = (change["id"], change["data"]["version"])
                    self.arrived.setdefault(key, now)
            self.cursor = page["cursor"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench propagation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desks", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--writes", type=float, default=2.0, help="changes pushed a second")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--wait", type=int, default=25, help="seconds per waiting pull")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(own_args("propagation", argv))
    from tests.server_fixtures import DEMO_PASSWORD, create_op, op, run_cli, serve

    users = [f"{a}.{r}" for a in AGENCIES for r in ("loket", "admin")]
    with tempfile.TemporaryDirectory() as tmp, \
            database(Path(tmp), args.database_url or True) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "50")
        with serve(url, Path(tmp), workers=args.workers) as server:
            with ThreadPoolExecutor(8) as pool:
                clients = list(pool.map(
                    lambda i: server.login(users[i % len(users)], device_id=f"desk-{i:04d}"),
                    range(args.desks)))
                writers = {a: server.login(f"{a.lower()}.loket", device_id=f"writer-{a}")
                           for a in AGENCIES.values()}
            desks = [Waiting(c, args.wait) for c in clients]
            with ThreadPoolExecutor(16) as pool:
                list(pool.map(lambda d: d.catch_up(), desks))
            stop = threading.Event()
            threads = [threading.Thread(target=d.run, args=(stop,), daemon=True) for d in desks]
            for t in threads:
                t.start()
            time.sleep(2.0)  # every desk is waiting now
            rng = random.Random(2026)
            pushed: dict[tuple[str, int], tuple[float, str]] = {}
            push_latencies: list[float] = []
            push_errors: list[str] = []
            mine: dict[str, list[tuple[str, int]]] = {a: [] for a in AGENCIES.values()}
            stop_at = time.monotonic() + args.seconds
            memory = [server_rss_mb(server.process.pid)] if server.process else []
            while time.monotonic() < stop_at:
                agency = rng.choice(list(AGENCIES.values()))
                writer = writers[agency]
                if mine[agency] and rng.random() < 0.5:
                    cid, version = rng.choice(mine[agency])
                    body = op("note", cid, version, text="Catatan uji rambat perubahan.")
                else:
                    body = create_op(agency)
                started = time.monotonic()
                try:
                    result = writer.push_one(body)
                except Exception as exc:  # noqa: BLE001 - counted
                    push_errors.append(repr(exc))
                    continue
                push_latencies.append(time.monotonic() - started)
                if result["status"] != "applied":
                    push_errors.append(f"{result['status']} {result.get('reason')}")
                    continue
                key = (body["complaint_id"], result["version"])
                pushed[key] = (started, agency)
                mine[agency] = [k for k in mine[agency] if k[0] != key[0]] + [key]
                if server.process:
                    memory.append(server_rss_mb(server.process.pid))
                time.sleep(rng.expovariate(args.writes))
            time.sleep(5.0)  # the last changes arrive
            stop.set()
            server_errors = server.log().count("Traceback")
    delays: list[float] = []
    missed = 0
    for key, (started, agency) in pushed.items():
        for desk in desks:
            if desk.agency != agency:
                continue
            arrived = desk.arrived.get(key)
            # A later version delivered instead counts as delivered at that moment.
            if arrived is None:
                later = [t for (cid, v), t in desk.arrived.items() if cid == key[0] and v > key[1]]
                arrived = min(later) if later else None
            if arrived is None:
                missed += 1
            else:
                delays.append(max(0.0, arrived - started))
    desk_errors = sum(len(d.errors) for d in desks)
    p95 = percentile(delays, 95)
    print(f"{args.desks} desks waiting, {args.workers} workers, PostgreSQL: {len(pushed)} "
          f"changes in {args.seconds:.0f} s, {len(delays)} deliveries to desks in scope")
    if delays:
        print(f"propagation (push start -> waiting desk has it): {summary_ms(delays)}")
    if push_latencies:
        print(f"pushes: {summary_ms(push_latencies)}")
    print(f"waiting pulls that ended empty: {sum(d.empty for d in desks)}")
    if memory:
        print(f"server memory (all processes): {memory[0]:.0f} MiB idle, max "
              f"{max(memory):.0f} MiB under load")
    errors = missed + desk_errors + len(push_errors) + server_errors
    if errors:
        print(f"errors: {missed} missed deliveries, {desk_errors} desk request errors "
              f"{[e for d in desks for e in d.errors][:3]}, {len(push_errors)} push errors "
              f"{push_errors[:3]}, {server_errors} server tracebacks")
    ok = not errors and p95 <= TARGET_P95_S
    print(f"propagation: p95 {p95:.2f} s, {errors} errors (target p95 <= {TARGET_P95_S:.0f} s, "
          f"0 errors)  {'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
