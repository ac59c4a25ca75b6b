"""Cost of the encrypted desk store (SQLCipher) against the same store unencrypted.

``python -m bench store_encryption [--count 100000] [--runs 9] [--starts 5] [--vault]``

A plain store of ``--count`` complaints (``lapor-desk dev seed --plaintext``, kept in the
temp dir and reused) is copied and encrypted the way the first start of this version does
it (timed: "migration", with the export's checks). Then, on the plain original (opened
with ``DeskService(plaintext=True)``) and on the encrypted copy:

- search: queue views, full-text searches and filters through ``DeskService.queue_ids``
  (median of ``--runs`` per query); the figure is the ratio of the summed medians;
- start-up: a fresh interpreter imports the store, opens it (key from the vault, schema
  check) and does what the window does before its first rows paint: every queue id, the
  first 200 rows and the view counts. Median of ``--starts`` interleaved starts, measured
  inside the process from before the import (the interpreter's own start is the same for
  both and printed apart).

Target: encrypted <= 1.3x plain for search and for start-up. Keys go to a private file
store in the bench folder, unless ``--vault`` (the machine's credential vault, as a desk).

Measured here (2 shared cores, 100,000 complaints, load average 2-3 from other work):
migration 3.5-4.7 s (271 MB plain -> 253 MB encrypted); search 0.91-0.97x (sum of the 16
query medians 96 vs 93 ms, busier run 208 vs 189 ms; single queries 0.5-1.7x, noise);
start-up 1.01-1.07x (ready 254 vs 272 ms, busier 406 vs 409 ms), of which the store's own
work (open + first page, decrypting the pages it reads for the first time) 1.36-1.40x
(65 vs 90 ms). The GUI (``bench gui_startup``, 3 starts each, same data, the build before
encryption vs this one) painted its first rows in 0.53-0.64 s vs 0.54-1.05 s wall,
0.45-0.47 vs 0.50-0.60 s CPU: within noise of a busy machine, about 1.1-1.3x by CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from bench.store_common import ROOT, load_note, own_args

TARGET_RATIO = 1.3
FIRST_PAGE = 200


def _folder() -> Path:
    return Path(tempfile.gettempdir()) / "lapor-bench"


def _plain_store(count: int) -> Path:
    folder = _folder() / f"store-{count}-plain"
    marker = folder / "seeded"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"seeding {count:,} complaints, unencrypted, into {folder} (once) ...", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "dev", "seed",
                    "--count", str(count), "--seed", "1", "--plaintext"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    print(f"seeded in {time.perf_counter() - started:.1f} s", flush=True)
    marker.write_text(str(count))
    return folder


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.glob("desk.sqlite*") if p.is_file()) / 2**20


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up (page cache), not counted
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _queries(service) -> list[tuple[str, object]]:  # noqa: ANN001 - DeskService
    from desktop.store import QueueFilter

    today = service.today()
    some = service.complaint(service.queue_ids(QueueFilter(view="terlambat"))[0])
    return [
        ("view perlu_verifikasi", QueueFilter(view="perlu_verifikasi")),
        ("view jatuh_tempo", QueueFilter(view="jatuh_tempo")),
        ("view terlambat", QueueFilter(view="terlambat")),
        ("view arsip", QueueFilter(view="arsip")),
        ("search 'jalan rus'", QueueFilter(search="jalan rus")),
        ("search 'puskesmas'", QueueFilter(search="puskesmas")),
        ("search 'banjir'", QueueFilter(search="banjir")),
        ("search 'ktp elektronik'", QueueFilter(search="ktp elektronik")),
        ("search 'sampah menumpuk'", QueueFilter(search="sampah menumpuk")),
        ("search reporter 'siti'", QueueFilter(search="siti")),
        ("search phone '0812'", QueueFilter(search="0812")),
        ("search tracking number", QueueFilter(search=str(some["tracking_number"]))),
        ("filter kabupaten/kota", QueueFilter(kabkota_code=some["region_code"][:5])),
        ("filter category + children", QueueFilter(category_id="pekerjaan_umum_penataan_ruang")),
        ("filter last 30 days", QueueFilter(date_from=today - timedelta(days=30), date_to=today)),
        ("status selesai + search", QueueFilter(status="selesai", search="jalan")),
    ]


def _search(plain_dir: Path, enc_dir: Path, runs: int) -> float:
    from desktop.store import DeskService

    plain = DeskService(plain_dir, plaintext=True)
    enc = DeskService(enc_dir)
    print(f"\nsearch: {plain.total():,} complaints; median of {runs} runs per query")
    print(f"{'query':30} {'plain':>9} {'encrypted':>10} {'ratio':>6} {'matches':>8}")
    sums = [0.0, 0.0]
    for label, flt in _queries(plain):
        ids = plain.queue_ids(flt)
        assert enc.queue_ids(flt) == ids, label  # same answers
        p_ms = _median_ms(lambda flt=flt: plain.queue_ids(flt), runs)
        e_ms = _median_ms(lambda flt=flt: enc.queue_ids(flt), runs)
        sums[0] += p_ms
        sums[1] += e_ms
        print(f"{label:30} {p_ms:6.1f} ms {e_ms:7.1f} ms {e_ms / p_ms:5.2f}x {len(ids):8,}")
    plain.close()
    enc.close()
    ratio = sums[1] / sums[0]
    print(f"{'all queries (sum)':30} {sums[0]:6.1f} ms {sums[1]:7.1f} ms {ratio:5.2f}x")
    return ratio


def _child(data: Path, plaintext: bool) -> int:
    started = time.perf_counter()
    from desktop.store import DeskService, QueueFilter

    imported = time.perf_counter()
    service = DeskService(data, plaintext=plaintext)
    opened = time.perf_counter()
    ids = service.queue_ids(QueueFilter())
    service.rows(ids[:FIRST_PAGE])
    service.view_counts(QueueFilter())
    ready = time.perf_counter()
    service.close()
    print(json.dumps({"import": imported - started, "open": opened - imported,
                      "first_page": ready - opened, "ready": ready - started,
                      "complaints": len(ids)}))
    return 0


def _start(data: Path, plaintext: bool, env: dict[str, str]) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "bench", "store_encryption", "--child", str(data)]
    if plaintext:
        cmd.append("--plaintext")
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def _startup(plain_dir: Path, enc_dir: Path, starts: int, env: dict[str, str]) -> float:
    figures: dict[str, list[tuple[float, dict]]] = {"plain": [], "encrypted": []}
    _start(plain_dir, True, env)  # warm the OS cache and the bytecode for both
    _start(enc_dir, False, env)
    for _ in range(starts):  # interleaved: machine load hits both alike
        figures["plain"].append(_start(plain_dir, True, env))
        figures["encrypted"].append(_start(enc_dir, False, env))
    print(f"\nstart-up: fresh interpreter, median of {starts} starts "
          f"(open = key + schema check; first page = queue ids, {FIRST_PAGE} rows, counts)")
    print(f"{'':10} {'import':>9} {'open':>9} {'1st page':>9} {'ready':>9} {'process':>9}")
    ready, store = {}, {}
    for name, runs in figures.items():
        med = {k: statistics.median(r[1][k] for r in runs) * 1000
               for k in ("import", "open", "first_page", "ready")}
        wall = statistics.median(r[0] for r in runs) * 1000
        ready[name] = med["ready"]
        store[name] = med["open"] + med["first_page"]
        print(f"{name:10} {med['import']:6.0f} ms {med['open']:6.0f} ms "
              f"{med['first_page']:6.0f} ms {med['ready']:6.0f} ms {wall:6.0f} ms")
    print(f"{'':10} store work alone (open + first page): "
          f"{store['encrypted'] / store['plain']:.2f}x")
    return ready["encrypted"] / ready["plain"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench store_encryption", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="complaints to seed")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per search query")
    parser.add_argument("--starts", type=int, default=5, help="process starts of each store")
    parser.add_argument("--vault", action="store_true",
                        help="keys in the machine's credential vault (default: a private "
                        "file store in the bench folder)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--plaintext", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(own_args("store_encryption", argv))
    if args.child:
        return _child(args.child, args.plaintext)

    if not args.vault:
        os.environ["LAPOR_DESK_CREDENTIAL_STORE"] = "file"
        os.environ["LAPOR_DESK_CREDENTIALS_DIR"] = str(_folder() / "keys")
    from desktop.credentials import keyring_available

    plain_dir = _plain_store(args.count)
    enc_dir = _folder() / f"store-{args.count}-encrypted"
    shutil.rmtree(enc_dir, ignore_errors=True)
    shutil.copytree(plain_dir, enc_dir)
    print(f"{args.count:,} complaints; keys in the "
          f"{'OS vault' if keyring_available() else 'private file store'}; {load_note()}")

    from desktop.store import DeskService

    started = time.perf_counter()
    with DeskService(enc_dir) as service:
        migrated = time.perf_counter() - started
        assert service.encrypted and service.total() == args.count
    print(f"migration (plain -> encrypted, verified): {migrated:.1f} s; "
          f"size {_size_mb(plain_dir):.0f} MB plain, {_size_mb(enc_dir):.0f} MB encrypted")

    search = _search(plain_dir, enc_dir, args.runs)
    startup = _startup(plain_dir, enc_dir, args.starts, dict(os.environ))
    ok = search <= TARGET_RATIO and startup <= TARGET_RATIO
    print(f"\nstore_encryption: search {search:.2f}x, start-up {startup:.2f}x encrypted vs "
          f"plain; migration {migrated:.1f} s for {args.count:,} complaints; {load_note()} "
          f"(target <= {TARGET_RATIO}x each)  {'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
