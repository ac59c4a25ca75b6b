"""``lapor-desk dev seed --count N [--seed S]``: fill the local database with demo complaints.

Each chunk of complaints is one transaction, so a seed that is interrupted (even killed)
leaves a consistent database holding the chunks committed so far.
"""

from __future__ import annotations

import sys
import time
from argparse import Namespace

from desktop.commands.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_store
from desktop.formatting import number


def run(args: Namespace) -> int:
    count = args.count
    if count is None or count < 0:
        print("lapor-desk: --count harus bilangan bulat 0 atau lebih.", file=sys.stderr)
        return EXIT_USAGE
    from desktop.store.demo import seed_store

    service = open_store(args, plaintext=bool(getattr(args, "plaintext", False)))
    if service is None:
        return EXIT_ERROR
    started = time.monotonic()
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{number(done)} / {number(total)} pengaduan", end="", file=sys.stderr)

    try:
        print(f"Mengisi {number(count)} pengaduan contoh ke {service.db_path} ...")
        written = seed_store(service, count, seed=getattr(args, "seed", None),
                             progress=progress)
        if interactive:
            print(file=sys.stderr)
        elapsed = time.monotonic() - started
        print(f"Selesai: {number(written)} pengaduan ditambahkan dalam "
              f"{number(elapsed, 1)} detik; total {number(service.total())} pengaduan.")
    finally:
        service.close()
    return EXIT_OK
