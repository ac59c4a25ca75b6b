"""``python -m desktop`` and the ``lapor-desk`` entry point."""

from desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
