"""Read a paper-log file (CSV or XLSX) into header names and raw rows with line numbers.

CSV: UTF-8 with or without BOM (UTF-16 with BOM too, as Excel's "Unicode text" writes it);
comma by default, semicolon or tab when the header line uses them (Excel in an Indonesian
locale saves "CSV" with semicolons). Quoted cells may span lines: a row's line is the line
it starts on. XLSX: the worksheet named "pengaduan" (the template's), else the first one;
its first non-empty row is the header.

A row whose first cell starts with ``#`` is a note or an example (the templates have both),
never data: it is skipped and counted in ``RawTable.notes``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DATA_SHEET = "pengaduan"  # the template's data sheet; its other sheets explain and show
NOTE_MARK = "#"


class ImportFileError(Exception):
    """The file cannot be read at all (missing, not a spreadsheet, damaged)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RowIssue:
    line: int
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class RawRow:
    line: int
    cells: dict[str, Any]  # header name -> cell value (str from CSV; str/int/float/date from XLSX)


@dataclass
class RawTable:
    header: list[str]
    header_line: int
    rows: list[RawRow]
    issues: list[RowIssue]  # problems of the file itself (encoding), by line
    notes: int = 0  # rows skipped as notes or examples (first cell starting with "#")


def is_note(values: Any) -> bool:
    """A note or example row: its first cell starts with ``#``."""
    first = next(iter(values), None)
    return first is not None and str(first).strip().startswith(NOTE_MARK)


def header_name(value: Any) -> str:
    """``" Nama Pelapor "`` -> ``"nama_pelapor"``."""
    text = str(value or "").replace("\ufeff", "").strip().lower()
    return "_".join(text.replace("-", " ").split())


def read_table(path: Path) -> RawTable:
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"Berkas {path} tidak ditemukan.")
    if path.is_dir():
        raise ImportFileError(f"{path} adalah folder, bukan berkas.")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path.read_bytes())
    raise ImportFileError(
        f"Jenis berkas {path.suffix or '(tanpa akhiran)'} tidak didukung: gunakan .csv atau .xlsx.")


def _decode(data: bytes) -> tuple[str, list[RowIssue]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            return "", [RowIssue(1, None, "Berkas UTF-16 rusak; simpan ulang sebagai CSV UTF-8.")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        # Report every line that is not UTF-8 (usually Windows-1252 from an old Excel), keep
        # the rest readable so the other rows can still be checked.
        issues: list[RowIssue] = []
        lines = data.split(b"\n")
        for number, raw in enumerate(lines, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                issues.append(RowIssue(
                    number, None,
                    "Baris ini bukan teks UTF-8 (mis. huruf dari Windows-1252). Simpan berkas "
                    "sebagai \"CSV UTF-8 (dipisahkan koma)\" lalu impor ulang."))
        if not issues:  # pragma: no cover - a decode error is always on some line
            issues.append(RowIssue(1, None, f"Berkas bukan teks UTF-8 ({exc.reason})."))
        return data.decode("utf-8", errors="replace"), issues


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def _read_csv(data: bytes) -> RawTable:
    text, issues = _decode(data)
    bad_lines = {issue.line for issue in issues}
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    header: list[str] | None = None
    header_line = 1
    rows: list[RawRow] = []
    notes = 0
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            issues.append(RowIssue(start, None, f"Baris CSV tidak dapat dibaca ({exc})."))
            break
        if not any(cell.strip() for cell in record):
            continue
        if is_note(record):
            notes += 1
            continue
        if header is None:
            header, header_line = [header_name(c) for c in record], start
            continue
        if bad_lines.intersection(range(start, reader.line_num + 1)):
            continue  # already reported: its text is not trustworthy
        if len(record) > len(header) and any(c.strip() for c in record[len(header):]):
            issues.append(RowIssue(start, None, f"Baris ini berisi {len(record)} kolom, "
                                   f"sedangkan judul kolom hanya {len(header)}. Periksa tanda "
                                   "pemisah atau tanda kutip."))
            continue
        cells = {name: (record[i] if i < len(record) else "") for i, name in enumerate(header)}
        rows.append(RawRow(start, cells))
    return RawTable(header or [], header_line, rows, issues, notes)


def _read_xlsx(path: Path) -> RawTable:
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportFileError(f"Berkas Excel {path.name} tidak dapat dibuka ({exc}).") from None
    try:
        sheet = next((ws for ws in book.worksheets if ws.title.strip().lower() == DATA_SHEET),
                     book.worksheets[0])
        header: list[str] | None = None
        header_line = 1
        rows: list[RawRow] = []
        notes = 0
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not any(v is not None and str(v).strip() for v in values):
                continue
            if is_note(values):
                notes += 1
                continue
            if header is None:
                header, header_line = [header_name(v) for v in values], line
                continue
            cells = {name: (values[i] if i < len(values) else None)
                     for i, name in enumerate(header) if name}
            rows.append(RawRow(line, cells))
    finally:
        book.close()
    return RawTable(header or [], header_line, rows, [], notes)
