"""Sifat of a disposition, printed in two rows (tata naskah dinas): Kecepatan (how fast:
Sangat Segera / Segera / Biasa) and Keamanan (who may read it: Rahasia / Biasa).

The complaint stores one ``sifat``: its speed. Keamanan follows the complaint's
``confidential`` flag (Rahasia, BRIEF.md "Privacy flags"); the value ``rahasia``, kept for
data written when the two shared one row of boxes, reads as speed Biasa, Keamanan Rahasia.
"""

from __future__ import annotations

from .enums import Sifat

# Kecepatan, in the order the boxes are printed.
SPEEDS: tuple[Sifat, ...] = (Sifat.sangat_segera, Sifat.segera, Sifat.biasa)


def sifat_speed(sifat: str | None) -> Sifat:
    """The Kecepatan a stored ``sifat`` stands for (Biasa when unset, unknown or
    ``rahasia``)."""
    try:
        value = Sifat(str(sifat or Sifat.biasa.value))
    except ValueError:
        return Sifat.biasa
    return value if value in SPEEDS else Sifat.biasa


def sifat_secret(sifat: str | None, confidential: bool) -> bool:
    """Keamanan Rahasia: the complaint is confidential (or its older ``sifat`` said so)."""
    return bool(confidential) or str(sifat or "") == Sifat.rahasia.value
