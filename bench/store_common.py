"""A seeded desk data directory shared by the store benchmarks (made once, then reused)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TARGET_S = 20.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load_note() -> str:
    """The machine's load, so a figure measured on a busy machine reads as such."""
    try:
        one, _, _ = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load average {one:.1f} on {os.cpu_count()} CPUs"


def own_args(name: str, argv: list[str] | None) -> list[str]:
    """Arguments after the bench name, whether called by bench/__main__ or as a module."""
    if argv is not None:
        return argv
    args = sys.argv[1:]
    return args[1:] if args and args[0] == name else args


def seeded_dir(count: int, data_dir: Path | None = None) -> Path:
    """``data_dir`` as given, or a cached temp dir seeded with ``count`` complaints (timed)."""
    if data_dir is not None:
        return data_dir
    folder = Path(tempfile.gettempdir()) / "lapor-bench" / f"store-{count}"
    marker = folder / "seeded"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"seeding {count:,} complaints into {folder} (once; later runs reuse it) ...",
          flush=True)
    started = time.perf_counter()
    cpu_before = _children_cpu()
    subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder), "dev", "seed",
                    "--count", str(count), "--seed", "1"], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    target = SEED_TARGET_S * count / 100_000
    print(f"seed: {count:,} complaints in {elapsed:.1f} s, process start included; "
          f"{_children_cpu() - cpu_before:.0f} s CPU in writer + generator processes; "
          f"{load_note()} (target <= {target:.0f} s)  "
          f"{'OK' if elapsed <= target else 'OVER TARGET'}", flush=True)
    marker.write_text(str(count))
    return folder
