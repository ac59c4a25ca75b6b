"""Resident memory of a process holding a 100,000-complaint queue through DeskService.

``python -m bench store_memory [--count 100000] [--data-dir D]``

A fresh interpreter opens the service and loads what the desk can hold at most: every id of
the queue, every queue row (the GUI itself keeps only the pages on screen), the view counts,
a search, and 100 full snapshots with their timelines. Target: peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

from bench.store_common import ROOT, own_args, seeded_dir

TARGET_MB = 300.0
PAGE = 200


def _rss_mb() -> float:
    """Current resident set size (Linux /proc), else the peak."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return _peak_mb()


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def _child(data: Path) -> int:
    base = _rss_mb()
    from desktop.store import DeskService, QueueFilter

    imported = _rss_mb()
    service = DeskService(data)
    ids = service.queue_ids(QueueFilter())
    rows = []
    for start in range(0, len(ids), PAGE):
        rows.extend(service.rows(ids[start:start + PAGE]))
    counts = service.view_counts(QueueFilter())
    found = service.queue_ids(QueueFilter(search="jalan"))
    snaps = [service.complaint(i) for i in ids[:100]]
    loaded = _rss_mb()
    print(json.dumps({
        "complaints": len(ids), "rows": len(rows), "semua": counts["semua"],
        "search_hits": len(found), "snapshots": len(snaps),
        "rss_start_mb": base, "rss_imported_mb": imported, "rss_loaded_mb": loaded,
        "rss_peak_mb": _peak_mb(),
    }))
    service.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench store_memory", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="complaints to seed")
    parser.add_argument("--data-dir", type=Path, help="a seeded data dir to use as is")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(own_args("store_memory", argv))
    if args.child:
        return _child(args.child)
    data = seeded_dir(args.count, args.data_dir)
    out = subprocess.run([sys.executable, "-m", "bench.store_memory", "--child", str(data)],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    m = json.loads(out.strip().splitlines()[-1])
    print(f"{m['complaints']:,} ids, {m['rows']:,} queue rows, {m['snapshots']} full snapshots "
          f"loaded in a fresh process")
    print(f"RSS: {m['rss_start_mb']:.0f} MB at start, {m['rss_imported_mb']:.0f} MB after "
          f"imports, {m['rss_loaded_mb']:.0f} MB loaded, {m['rss_peak_mb']:.0f} MB peak")
    ok = m["rss_peak_mb"] <= TARGET_MB
    print(f"store_memory: peak RSS {m['rss_peak_mb']:.0f} MB with {m['complaints']:,} complaints "
          f"loaded (target <= {TARGET_MB:.0f} MB)  {'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
