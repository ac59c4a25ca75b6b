"""Time to render disposition sheets (and receipts) to PDF bytes.

``python -m bench letters_render [--runs 20] [--batch 500] [--paper a4]``

Measures, in this process: the cold first sheet (imports and font parsing included), then
``--runs`` single sheets of one complaint, then a batch of ``--batch`` sheets each with its
own complaint and agenda number (so its own QR code), as when a leader issues a day's
dispositions, and one receipt per layout. Wall and CPU time (``time.process_time``) are
both printed: on a machine shared with other work, wall time also counts waiting for a core.

Targets (issue 7): one sheet <= 15 ms (median of warm renders, wall); a batch of 500 sheets
<= 8 s (wall; a different ``--batch`` scales this pro rata). Exit 1 when one is missed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace

from bench.store_common import load_note, own_args

TARGET_SHEET_MS = 15.0
TARGET_BATCH_S = 8.0
TARGET_BATCH_SIZE = 500


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _verdict(ok: bool) -> str:
    return "OK" if ok else "OVER TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench letters_render", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="single-sheet renders to time")
    parser.add_argument("--batch", type=int, default=TARGET_BATCH_SIZE,
                        help="sheets in the batch")
    parser.add_argument("--paper", default="a4", choices=["a4", "f4", "half"])
    args = parser.parse_args(own_args("letters_render", argv))
    batch_n = max(1, args.batch)

    t0, c0 = time.perf_counter(), time.process_time()
    from desktop.letters import render_disposition, render_receipt
    from desktop.letters.samples import sample_receipt, sample_sheet

    sheet = sample_sheet()
    first = render_disposition(sheet, args.paper)
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0

    singles, singles_cpu = [], []
    for _ in range(max(1, args.runs)):
        t, c = time.perf_counter(), time.process_time()
        render_disposition(sheet, args.paper)
        singles.append(time.perf_counter() - t)
        singles_cpu.append(time.process_time() - c)

    sheets = [replace(sheet, complaint_number=str(1916449 + i),
                      agenda_number=f"{45 + i:03d}/DISP/DINKES/XI/2026")
              for i in range(batch_n)]
    t, c = time.perf_counter(), time.process_time()
    total_bytes = sum(len(render_disposition(s, args.paper)) for s in sheets)
    batch, batch_cpu = time.perf_counter() - t, time.process_time() - c

    receipts = {}
    receipt = sample_receipt()
    for layout in ("half", "a4", "thermal80"):
        render_receipt(receipt, layout)
        t = time.perf_counter()
        render_receipt(receipt, layout)
        receipts[layout] = time.perf_counter() - t

    median, median_cpu = statistics.median(singles), statistics.median(singles_cpu)
    batch_target = TARGET_BATCH_S * batch_n / TARGET_BATCH_SIZE
    print(f"cold first sheet (imports + fonts): {_ms(cold):.0f} ms (CPU {_ms(cold_cpu):.0f} ms), "
          f"{len(first):,} bytes")
    print(f"one sheet ({args.paper}), {len(singles)} runs: median {_ms(median):.1f} ms "
          f"(CPU {_ms(median_cpu):.1f} ms), worst {_ms(max(singles)):.1f} ms")
    print(f"batch of {batch_n}: {batch:.2f} s total (CPU {batch_cpu:.2f} s), "
          f"{_ms(batch / batch_n):.1f} ms a sheet (CPU {_ms(batch_cpu / batch_n):.1f} ms), "
          f"{total_bytes / batch_n / 1000:.0f} KB a sheet")
    print("receipts: " + ", ".join(f"{k} {_ms(v):.1f} ms" for k, v in receipts.items()))
    print(load_note())

    sheet_ok = _ms(median) <= TARGET_SHEET_MS
    batch_ok = batch <= batch_target
    scaled = "" if batch_n == TARGET_BATCH_SIZE else (
        f", {TARGET_BATCH_S:.0f} s per {TARGET_BATCH_SIZE} scaled to {batch_n}")
    print(f"letters_render: one sheet {_ms(median):.1f} ms, CPU {_ms(median_cpu):.1f} ms "
          f"(target <= {TARGET_SHEET_MS:.0f} ms)  {_verdict(sheet_ok)}")
    print(f"letters_render: batch of {batch_n} {batch:.2f} s, CPU {batch_cpu:.2f} s "
          f"(target <= {batch_target:.2f} s{scaled})  {_verdict(batch_ok)}")
    return 0 if sheet_ok and batch_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
