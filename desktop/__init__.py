"""LAPOR! Desk: the desk workstation package.

Kept import-light on purpose: every start of the desk and of ``lapor-desk`` imports it. The
rules the desk shares with the server live in the top-level ``core`` package.
"""

from core.version import __version__

__all__ = ["__version__"]
