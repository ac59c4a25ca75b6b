"""The recap PDF with this desk's kop and signer: the Laporan page's "Cetak rekap (PDF)"
and ``lapor-desk report --pdf`` (on the DB thread / in the command; no Qt).

Letters refuse to be issued while the kop lacks the office address or the signer's name,
jabatan or NIP; a recap is printed anyway. Without a signer (name and jabatan) it has no
signature block; what the settings still lack is returned for the officer to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.store import DeskService
    from desktop.store.reports import Report


@dataclass(frozen=True)
class PrintedRecap:
    path: Path
    signed: bool  # a signature block was printed
    missing: tuple[str, ...]  # what Pengaturan › Kop surat still lacks (Indonesian)
    sealed_by: str = ""  # the electronic signer's name when signed (PAdES)


def write_recap_pdf(service: DeskService, path: Path, report: Report, made: datetime, *,
                    landscape: bool = False, sealer: Any = None) -> PrintedRecap:
    """The recap at ``path``; signed electronically (in the signature block when there is
    one) by ``sealer`` (``pades.PdfSealer``) when given."""
    from desktop.letters.signbox import collect_boxes
    from desktop.printing import settings as letter_settings
    from desktop.reports.pdf import Letterhead, write_pdf
    from desktop.store.dashboard import monthly_trend

    settings = letter_settings.load(service)
    entry = settings.signer()
    signer = (entry.signer() if entry is not None and entry.name.strip()
              and entry.jabatan.strip() else None)
    letterhead = Letterhead(settings.profile(service.data_dir), signer)
    trend = monthly_trend(service, report.date_to)
    with collect_boxes() as boxes:
        written = write_pdf(Path(path), report, made, letterhead, trend, landscape=landscape)
    sealed_by = ""
    if sealer is not None:
        seal_file(written, sealer, boxes[-1] if boxes else None)
        sealed_by = sealer.signer_name
    return PrintedRecap(written, signer is not None, tuple(settings.issue_problems()),
                        sealed_by)


def seal_file(path: Path, sealer: Any, box: Any) -> None:
    """Sign the PDF at ``path`` in place (a temporary file renamed over it)."""
    from desktop.atomic_file import replace_atomically

    signed = sealer.seal(Path(path).read_bytes(), box)
    replace_atomically(Path(path), lambda tmp: tmp.write_bytes(signed))
