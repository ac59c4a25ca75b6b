"""Designer forms compiled by ``scripts/compile-forms`` from ``ui/*.ui`` (generated: do not
edit ``ui_*.py``; edit the ``.ui`` in Qt Designer and recompile)."""
