"""The longest stall of the GUI thread while the desk pulls 20,000 complaints.

``python -m bench sync_gui_stall [--count 20000] [--postgres [URL]]``

A real desk window (offscreen) signs in to a real server holding ``--count`` complaints
and runs its first sync the way the GUI does (engine on the network pool, database steps
on the DB thread). A 5 ms QTimer on the GUI thread records every tick; the figure is the
longest gap between two ticks while the round runs. Target: <= 50 ms.
"""

from __future__ import annotations

import argparse
import os
import time

from bench.server_common import own_args, percentile
from bench.sync_common import seeded_server

TARGET_MS = 50.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench sync_gui_stall", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--postgres", nargs="?", const=True, default=False)
    args = parser.parse_args(own_args("sync_gui_stall", argv))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with seeded_server(args.count, postgres=args.postgres) as bench:
        os.environ["XDG_CONFIG_HOME"] = str(bench.tmp / "config")
        os.environ["LAPOR_DESK_CREDENTIAL_STORE"] = "file"
        from desktop.store.service import DeskService
        from desktop.sync.account import Account

        data_dir = bench.tmp / "desk"
        service = DeskService(data_dir)
        Account(service).login(bench.server.url, "dinkes.admin", bench.server.password)
        service.close()

        from desktop.app import Desk

        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        desk = Desk(data_dir, "en")
        desk.window.show()
        controller = desk.window.sync.controller
        deadline = time.monotonic() + 600
        while not controller.status.syncing and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.002)
        timer.start()
        started = time.perf_counter()
        while (controller.status.syncing or not controller.status.last_sync) \
                and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        seconds = time.perf_counter() - started
        timer.stop()
        total = desk.window.service.total() if desk.window.service else 0
        desk.close()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    worst = max(gaps) * 1000 if gaps else float("inf")
    ok = total >= args.count and worst <= TARGET_MS
    print(f"pulled {total:,} complaints through the GUI in {seconds:.1f} s; "
          f"{len(ticks):,} timer ticks, p99 gap {percentile(gaps, 99) * 1000:.1f} ms")
    print(f"sync_gui_stall: longest GUI stall {worst:.1f} ms (target <= {TARGET_MS:.0f} ms)  "
          f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
