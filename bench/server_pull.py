"""A desk's first full pull of 20,000 complaints over HTTP, against its floor.

``python -m bench server_pull [--count 20000] [--limit 2000] [--postgres [URL]]``

Seeds a real server with ``--count`` complaints (made by the domain's apply_op), then a desk
pulls everything page by page and upserts it into a local SQLite file. The floor is the
same work without the server: decoding the very same response bodies and inserting the same
rows into a fresh SQLite file, measured in the same run. Target: HTTP pull <= 3x the floor.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.server_common import LocalStore, bulk_seed, database, own_args

TARGET_RATIO = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench server_pull", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--limit", type=int, default=2000, help="changes per page")
    parser.add_argument("--postgres", nargs="?", const=True, default=False,
                        help="run on PostgreSQL (default URL: LAPOR_TEST_DATABASE_URL)")
    args = parser.parse_args(own_args("server_pull", argv))
    import json

    from tests.server_fixtures import DEMO_PASSWORD, run_cli, serve

    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp), args.postgres) as url:
        tmp_dir = Path(tmp)
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0")
        seeded = bulk_seed(url, args.count)
        print(f"seeded {args.count:,} complaints in {seeded:.1f} s "
              f"({'PostgreSQL' if args.postgres else 'SQLite'})")
        with serve(url, tmp_dir) as server:
            desk = server.login("dinkes.admin")
            store = LocalStore(tmp_dir / "desk.sqlite")
            bodies: list[bytes] = []
            started = time.perf_counter()
            cursor, pages = None, 0
            while True:
                params = {"limit": args.limit, **({"cursor": cursor} if cursor else {})}
                resp = desk.http.get(desk.url("/sync/pull"), params=params, timeout=300)
                resp.raise_for_status()
                bodies.append(resp.content)
                page = json.loads(resp.content)
                store.apply(page["changes"])
                pages += 1
                cursor = page["cursor"]
                if not page["has_more"]:
                    break
            http_time = time.perf_counter() - started
            pulled = store.count()
            store.close()

        floor_store = LocalStore(tmp_dir / "floor.sqlite")
        started = time.perf_counter()
        for body in bodies:
            floor_store.apply(json.loads(body)["changes"])
        floor_time = time.perf_counter() - started
        floor_store.close()

    megabytes = sum(len(b) for b in bodies) / 1e6
    ratio = http_time / floor_time if floor_time else float("inf")
    print(f"pulled {pulled:,} complaints in {pages} pages ({megabytes:.1f} MB): "
          f"{http_time:.2f} s over HTTP ({pulled / http_time:,.0f} a second)")
    print(f"floor (json decode + SQLite insert of the same rows): {floor_time:.2f} s")
    ok = pulled >= args.count and ratio <= TARGET_RATIO
    print(f"server_pull: {http_time:.2f} s = {ratio:.1f}x floor (target <= {TARGET_RATIO:.0f}x)"
          f"  {'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
