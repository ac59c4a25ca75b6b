"""``lapor-desk import FILE [--json] [--skip-invalid]``: record a paper log (CSV or XLSX).

Every bad row is reported with its line, column and reason. Nothing is imported while any
row is bad, unless ``--skip-invalid`` is given (then the good rows are). Rows recorded by
an earlier import are skipped, so running it twice adds nothing.

Exit codes (desktop/cli.py): 0 every row imported or already present; 6 some rows invalid
(nothing imported, or with --skip-invalid only the valid rows); 4 no officer has ever
signed in on this desk; 1 the file or the database cannot be read; 2 not a .csv/.xlsx file.
``--json`` prints ``{"imported": n, "skipped": n, "errors": [{"line", "column", "message"}]}``.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from desktop.commands.common import (
    EXIT_ERROR,
    EXIT_INVALID_INPUT,
    EXIT_LOGIN_REQUIRED,
    EXIT_OK,
    EXIT_USAGE,
)


def _emit(args: Namespace, payload: dict, lines: list[str], *, error: bool = False) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for line in lines:
            print(line, file=sys.stderr if error else sys.stdout)


def _failure(args: Namespace, message: str, code: int) -> int:
    _emit(args, {"imported": 0, "skipped": 0,
                 "errors": [{"line": None, "column": None, "message": message}]},
          [f"lapor-desk: {message}"], error=True)
    return code


def run_import(args: Namespace) -> int:
    from core import DomainError
    from desktop.intake import IntakeService
    from desktop.intake.import_read import CSV_SUFFIXES, XLSX_SUFFIXES, ImportFileError
    from desktop.intake.importer import ImportResult
    from desktop.paths import data_dir
    from desktop.store import DeskService, StoreError

    path = Path(args.file)
    if path.suffix.lower() not in (*CSV_SUFFIXES, *XLSX_SUFFIXES):
        return _failure(args, f"Jenis berkas {path.suffix or '(tanpa akhiran)'} tidak "
                              "didukung: gunakan .csv atau .xlsx.", EXIT_USAGE)
    try:
        store = DeskService(data_dir(args.data_dir))
    except StoreError as exc:
        return _failure(args, str(exc), EXIT_ERROR)
    try:
        intake = IntakeService(store)
        try:
            plan = intake.plan_import(path)
        except ImportFileError as exc:
            return _failure(args, exc.message, EXIT_ERROR)
        except DomainError as exc:
            code = EXIT_LOGIN_REQUIRED if exc.code == "login_required" else EXIT_ERROR
            return _failure(args, exc.message, code)
        if plan.errors and not args.skip_invalid:
            result = ImportResult(0, 0, plan.errors)
        else:
            result = intake.run_import(plan)
    finally:
        store.close()

    lines = [f"{path.name}: {plan.rows_read} baris dibaca."]
    if plan.notes:
        lines.append(f"{plan.notes} baris catatan/contoh (diawali #) dilewati.")
    if not plan.rows_read and not plan.errors:
        lines.append("Belum ada baris pengaduan di berkas ini: tulis satu pengaduan per baris "
                     "di bawah judul kolom.")
    for err in result.errors:
        where = f"baris {err.line}" + (f", kolom {err.column}" if err.column else "")
        lines.append(f"  {where}: {err.message}")
    if plan.errors and not args.skip_invalid:
        lines.append(f"Tidak ada yang diimpor: {plan.invalid_lines} baris bermasalah. Perbaiki "
                     "berkasnya, atau jalankan lagi dengan --skip-invalid untuk mengimpor "
                     "baris yang benar saja.")
    else:
        lines.append(f"{result.imported} pengaduan diimpor, {result.skipped} dilewati "
                     "(sudah tercatat atau berulang).")
        if result.numbers:
            lines.append(f"Nomor sementara: {result.numbers[0]} s.d. {result.numbers[-1]}.")
    _emit(args, result.as_json(), lines)
    return EXIT_INVALID_INPUT if plan.errors else EXIT_OK
