"""``lapor-desk report [--from D] [--to D] [--json] [--csv FILE] [--pdf FILE [--landscape]]``.

Recaps of the complaints received in the period (WITA dates, both ends included) that this
desk holds: per status, deadline state, unit, category, classification and channel, as
the Laporan page shows them (``desktop.store.reports``). ``--to`` defaults to today,
``--from`` to the first day of ``--to``'s month. ``--json`` prints
``desktop.store.reports.Report.as_dict()``; ``--csv FILE`` also writes the page's CSV
export (``;``-separated, UTF-8 with BOM); ``--pdf FILE`` the recap to sign, as the page's
"Cetak rekap (PDF)" (kop and signer of Pengaturan › Kop surat; A4 portrait, ``--landscape``
turned). Without a signer the PDF has no signature block, and the command says so.
Where the desk has a signing certificate (``lapor-desk signing``) the recap PDF is signed
electronically, the stamp in its signature block; ``--unsigned`` leaves it unsigned.

Exit codes (desktop/cli.py): 0 ok; 6 a date is not a valid YYYY-MM-DD or the period is
reversed; 1 the database, the CSV or the PDF file cannot be opened or written.
"""

from __future__ import annotations

import json
import re
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path

from desktop.commands.common import EXIT_ERROR, EXIT_INVALID_INPUT, EXIT_OK, open_store

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str, flag: str) -> date:
    """A YYYY-MM-DD date, or ValueError with an Indonesian message naming ``flag``."""
    try:
        if not _ISO_DATE.match(text.strip()):
            raise ValueError(text)
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{flag}: tanggal tidak valid: {text!r}. Gunakan format TTTT-BB-HH, "
                         "misalnya 2026-11-01.") from None


def period(args: Namespace, today: date) -> tuple[date, date]:
    """``--from``/``--to``, each defaulting to the Laporan page's "Bulan ini" (the 1st of
    this month to today, in the office's zone)."""
    from desktop.store.reports import preset_period

    default_first, default_last = preset_period("this_month", today)
    last = parse_date(args.to, "--to") if args.to else default_last
    first = (parse_date(args.date_from, "--from") if args.date_from
             else last.replace(day=1) if args.to else default_first)
    if first > last:
        raise ValueError(f"Tanggal awal ({first:%d/%m/%Y}) sesudah tanggal akhir "
                         f"({last:%d/%m/%Y}).")
    return first, last


def run(args: Namespace) -> int:
    from core.clock import clock
    from desktop.store.reports import build_report

    try:
        period(args, clock().today())  # a malformed date is exit 6 before any file is opened
    except ValueError as exc:
        print(f"lapor-desk: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    service = open_store(args)  # sets the office's zone: "today"
    if service is None:
        return EXIT_ERROR
    printed = None
    sealed_by = ""
    try:
        first, last = period(args, service.today())
        position = (getattr(args, "position", None) or "").strip().upper() or None
        report = build_report(service, first, last, position)
        if getattr(args, "pdf", None):
            from desktop.letters.pades import SigningRefused
            from desktop.printing.signing import desk_sealer
            from desktop.reports.printable import write_recap_pdf

            try:
                sealer = desk_sealer(service, Path(service.data_dir),
                                     unsigned=bool(getattr(args, "unsigned", False)))
                printed = write_recap_pdf(service, Path(args.pdf), report, clock().now(),
                                          landscape=bool(getattr(args, "landscape", False)),
                                          sealer=sealer)
                sealed_by = printed.sealed_by
            except SigningRefused as exc:
                print(f"lapor-desk: {exc.message}", file=sys.stderr)
                return EXIT_ERROR
            except OSError as exc:
                print(f"lapor-desk: berkas {args.pdf} tidak dapat ditulis: "
                      f"{exc.strerror or exc}", file=sys.stderr)
                return EXIT_ERROR
    except ValueError as exc:
        print(f"lapor-desk: {exc}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    finally:
        service.close()

    if args.csv:
        from desktop.reports.export import write_csv

        try:
            write_csv(Path(args.csv), report, made=clock().now())
        except OSError as exc:
            print(f"lapor-desk: berkas {args.csv} tidak dapat ditulis: {exc.strerror or exc}",
                  file=sys.stderr)
            return EXIT_ERROR
    if args.json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print(report)
        if args.csv:
            print(f"\nRekap disimpan di {args.csv}.")
    if printed is not None:
        out = sys.stderr if args.json else sys.stdout
        print(f"Rekap PDF disimpan di {printed.path}.", file=out)
        for line in pdf_notes(printed):
            print(line, file=out)
        if sealed_by:
            print(f"Ditandatangani secara elektronik oleh {sealed_by}.", file=out)
    return EXIT_OK


def pdf_notes(printed) -> list[str]:  # noqa: ANN001 - printable.PrintedRecap
    """What the officer should know about a printed recap (Indonesian)."""
    notes = []
    if not printed.signed:
        notes.append("Tanpa blok tanda tangan: belum ada penanda tangan (nama dan jabatan) di "
                     "Pengaturan › Kop surat.")
    if printed.missing:
        notes.append("Kop surat dan penanda tangan belum lengkap: "
                     f"{'; '.join(printed.missing)}.")
    return notes


def _number(value: float | None, decimals: int = 0) -> str:
    from desktop.formatting import number

    return "-" if value is None else number(value, decimals)


def _print(report) -> None:  # noqa: ANN001 - desktop.store.reports.Report
    from desktop.reports.export import tables

    print(f"Rekap pengaduan diterima {report.date_from:%d/%m/%Y} – {report.date_to:%d/%m/%Y}")
    if report.position:
        print(f"Hanya yang didisposisikan ke jabatan {report.position}.")
    pct = "" if report.on_time_pct is None else f" ({_number(report.on_time_pct, 1)} % tepat waktu)"
    median = ("" if report.median_days_to_close is None else
              f"; median {_number(report.median_days_to_close, 1)} hari kerja sampai selesai")
    print(f"{_number(report.received)} diterima, {_number(report.closed)} selesai{pct}{median}.")
    for table in tables(report):
        rows = [table.headers] + [
            [cell if isinstance(cell, str) else
             _number(cell, 1 if isinstance(cell, float) else 0) for cell in row]
            for row in table.rows]
        if len(rows) == 1:
            continue
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        print(f"\n{table.title}")
        for n, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:],
                                                                            strict=True)]
            print("  ".join(cells).rstrip())
            if n == 0:
                print("  ".join("-" * w for w in widths))
