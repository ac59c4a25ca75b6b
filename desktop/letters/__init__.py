"""Printed documents: the Lembar Disposisi and the Tanda Terima Pengaduan (reportlab PDFs).

Pure Python (no Qt, SQL or HTTP). The data classes, dates and the QR checksum import
without reportlab (the server verifies QR payloads); the renderers load on first use.

    sheet = DispositionSheet.from_snapshot(snapshot, profile, disposition=..., agenda_number=...,
                                           signer=..., qr_key=key, printed_at=now, desk_id="D1")
    pdf: bytes = render_disposition(sheet, paper="f4")
    pdf = render_receipt(Receipt.from_snapshot(snapshot, profile, officer_name=..., printed_at=now),
                         layout="thermal80")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from core.dates import format_date_id, format_datetime_id, format_time_id
from core.qr_payload import QrFields, make_qr_payload, parse_qr_payload, verify_qr_payload

from .models import (
    ANONYMOUS,
    CHANNEL_LABELS,
    DEFAULT_INSTRUCTIONS,
    MISSING,
    SIFAT_LABELS,
    AgencyProfile,
    Disposition,
    DispositionSheet,
    Receipt,
    Signer,
    channel_label,
    format_nip,
)
from .paper import PAPERS, RECEIPT_LAYOUTS, SHEET_PAPERS, Paper, get_paper

if TYPE_CHECKING:
    from .disposition import render_disposition
    from .receipt import render_receipt

__all__ = [
    "ANONYMOUS", "CHANNEL_LABELS", "DEFAULT_INSTRUCTIONS", "MISSING", "PAPERS",
    "RECEIPT_LAYOUTS", "SHEET_PAPERS", "SIFAT_LABELS", "AgencyProfile", "Disposition",
    "DispositionSheet", "Paper", "QrFields", "Receipt", "Signer", "channel_label",
    "format_date_id", "format_datetime_id", "format_nip", "format_time_id", "get_paper",
    "make_qr_payload", "parse_qr_payload", "render_disposition", "render_receipt",
    "verify_qr_payload", "warm_up",
]


def warm_up() -> None:
    """Load reportlab and parse the fonts now (e.g. on a background thread at start-up), so
    the first print costs what the later ones do (~12 ms instead of ~0.2 s)."""
    from . import disposition, receipt  # noqa: F401
    from .fonts import register_fonts

    register_fonts()


def __getattr__(name: str) -> Any:  # lazy: reportlab loads only when something is printed
    if name == "render_disposition":
        from .disposition import render_disposition

        return render_disposition
    if name == "render_receipt":
        from .receipt import render_receipt

        return render_receipt
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
