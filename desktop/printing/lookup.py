"""Find a complaint on this desk by what an officer types: tracking number (``1916449`` or
``#1916449``), provisional number (``L-D1-20261128-0007``) or id (UUID)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from desktop.printing.errors import LetterError

if TYPE_CHECKING:
    from desktop.store import DeskService


def find_complaint(service: DeskService, key: str) -> dict:
    """The complaint's snapshot; LetterError ``not_found`` (Indonesian) otherwise."""
    text = str(key or "").strip()
    if not text:
        raise LetterError("not_found", "Sebutkan nomor pelacakan, nomor sementara atau id "
                                       "pengaduan.")
    snapshot = None
    try:
        snapshot = service.complaint(str(uuid.UUID(text)))
    except ValueError:
        number = text.lstrip("#").strip()
        if number:
            snapshot = service.complaint_by_number(
                number if number.isdigit() else number.upper())
    if snapshot is None:
        raise LetterError(
            "not_found",
            f"Pengaduan {text} tidak ditemukan di desk ini. Periksa nomornya, atau "
            "sinkronkan dulu bila pengaduan baru saja masuk di desk lain.")
    return snapshot
