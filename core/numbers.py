"""Whole numbers as Indonesian text writes them: ``10.000``, not ``10000``.

For the domain's messages (plain strings, sent by the server too); the desk's widgets use
``desktop.formatting.number``, which also knows English.
"""

from __future__ import annotations


def grouped(value: int) -> str:
    """``10000`` -> ``"10.000"``: thousands grouped with dots."""
    return f"{value:,}".replace(",", ".")
