"""``python -m bench <name> [options]``: run ``bench/<name>.py``; without a name, list them."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HELPERS = {"__init__", "__main__"}


def available() -> list[str]:
    here = Path(__file__).resolve().parent
    return sorted(p.stem for p in here.glob("*.py")
                  if p.stem not in HELPERS and not p.stem.endswith("_common"))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if not args or args[0] in ("-h", "--help"):
        print("usage: python -m bench <name> [options]\n\nbenchmarks:\n  " + "\n  ".join(names))
        return 0 if args else 2
    name, rest = args[0], args[1:]
    if name not in names:
        print(f"python -m bench: unknown benchmark {name!r}; one of: {', '.join(names)}",
              file=sys.stderr)
        return 2
    module = importlib.import_module(f"bench.{name}")
    return int(module.main(rest) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
