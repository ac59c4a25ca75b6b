"""Time to render disposition sheets (and receipts) to PDF bytes.

``python -m bench letters_render [--runs 20] [--batch 50] [--paper a4]``

Measures, in this process: the cold first sheet (font registration included), then the
median and worst of ``--runs`` single sheets, then a batch of ``--batch`` sheets with
different numbers (as when a leader prints a day's dispositions), and one receipt per
layout. Target: one sheet <= 200 ms (median of warm renders).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace

TARGET_MS = 200.0


def _own_args(argv: list[str] | None) -> list[str]:
    """Arguments after the bench name, whether called by bench/__main__ or as a module."""
    if argv is not None:
        return argv
    args = sys.argv[1:]
    return args[1:] if args and args[0] == "letters_render" else args


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench letters_render", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="single-sheet renders to time")
    parser.add_argument("--batch", type=int, default=50, help="sheets in the batch")
    parser.add_argument("--paper", default="a4", choices=["a4", "f4", "half"])
    args = parser.parse_args(_own_args(argv))

    t0 = time.perf_counter()
    from desktop.letters import render_disposition, render_receipt
    from desktop.letters.samples import sample_receipt, sample_sheet

    sheet = sample_sheet()
    first = render_disposition(sheet, args.paper)
    cold = time.perf_counter() - t0

    singles = []
    for _ in range(max(1, args.runs)):
        t = time.perf_counter()
        render_disposition(sheet, args.paper)
        singles.append(time.perf_counter() - t)

    sheets = [replace(sheet, complaint_number=str(1916449 + i),
                      agenda_number=f"{45 + i:03d}/DISP/DINKES/XI/2026")
              for i in range(args.batch)]
    t = time.perf_counter()
    total_bytes = sum(len(render_disposition(s, args.paper)) for s in sheets)
    batch = time.perf_counter() - t

    receipts = {}
    receipt = sample_receipt()
    for layout in ("half", "a4", "thermal80"):
        render_receipt(receipt, layout)
        t = time.perf_counter()
        render_receipt(receipt, layout)
        receipts[layout] = time.perf_counter() - t

    median = statistics.median(singles)
    print(f"cold first sheet (imports + fonts): {_ms(cold):.0f} ms, {len(first):,} bytes")
    print(f"one sheet ({args.paper}), {len(singles)} runs: median {_ms(median):.1f} ms, "
          f"worst {_ms(max(singles)):.1f} ms")
    print(f"batch of {args.batch}: {batch:.2f} s total, {_ms(batch / max(1, args.batch)):.1f} ms "
          f"a sheet, {total_bytes / 1e6:.1f} MB")
    print("receipts: " + ", ".join(f"{k} {_ms(v):.1f} ms" for k, v in receipts.items()))
    ok = _ms(median) <= TARGET_MS
    print(f"letters_render: {_ms(median):.1f} ms a sheet (target <= {TARGET_MS:.0f} ms)  "
          f"{'OK' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
