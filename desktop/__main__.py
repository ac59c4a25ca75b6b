"""``python -m desktop`` and the ``lapor-desk`` entry point."""

from __future__ import annotations

import sys
from collections.abc import Sequence

DESK_PACKAGES = ("PySide6", "sqlalchemy", "sqlcipher3", "reportlab", "requests", "keyring")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from desktop.cli import main as cli_main

        return cli_main(argv)
    except ModuleNotFoundError as exc:
        # A machine set up as the central server (`pip install ".[server]"`) has the code
        # but not the desk's packages: say what to install instead of a traceback.
        if (exc.name or "").split(".")[0] not in DESK_PACKAGES:
            raise
        print(f"lapor-desk: paket aplikasi desk belum terpasang ({exc.name}); pasang dengan "
              "`pip install -e \".[desk]\"` (atau `.[desk,server]` untuk --demo).",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
