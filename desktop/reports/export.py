"""The recap as tables for CSV and XLSX files (pure Python: ``lapor-desk report`` uses it
without Qt).

Exports are agency documents, like the letters: their words are Indonesian by default;
``lang="en"`` gives English for a desk running in English. CSV is what Indonesian Excel
opens with a double click: ``;`` between fields, UTF-8 with a BOM, decimal comma.
A file is written next to the target and renamed over it, so an export that fails halfway
never leaves a truncated file behind.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.atomic_file import replace_atomically

if TYPE_CHECKING:
    from desktop.store.reports import RecapRow, Report

CSV_SEPARATOR = ";"

TEXT = {
    "id": {
        "title": "Rekap Pengaduan", "period": "Periode (tanggal diterima)",
        "made": "Dibuat", "received": "Diterima", "closed": "Selesai",
        "on_time": "Tepat waktu", "late": "Terlambat", "on_time_pct": "% tepat waktu",
        "running": "Berjalan", "overdue": "Lewat batas waktu", "no_deadline": "Tanpa batas waktu",
        "close_due": "Perlu ditutup (pelapor tidak menanggapi)",
        "median": "Median hari kerja sampai selesai", "total": "Jumlah", "share": "%",
        "all": "Semua",
        "status": "Status", "deadline": "Batas waktu", "unit": "Unit", "category": "Kategori",
        "classification": "Klasifikasi", "channel": "Kanal",
        "by_status": "Per status", "by_deadline": "Per keadaan batas waktu",
        "by_unit": "Per unit", "by_category": "Per kategori",
        "by_classification": "Per klasifikasi", "by_channel": "Per kanal",
        "summary": "Ringkasan", "note": "Catatan",
        "multi_unit": ("{n} pengaduan ditujukan ke lebih dari satu unit dan dihitung pada "
                       "setiap unit tujuannya, sehingga jumlah per unit ({units}) lebih besar "
                       "daripada jumlah pengaduan yang diterima ({received})."),
    },
    "en": {
        "title": "Complaint Recap", "period": "Period (date received)",
        "made": "Made", "received": "Received", "closed": "Completed",
        "on_time": "On time", "late": "Late", "on_time_pct": "% on time",
        "running": "Running", "overdue": "Overdue", "no_deadline": "No deadline",
        "close_due": "Ready to close (no reply from the reporter)",
        "median": "Median working days to completion", "total": "Total", "share": "%",
        "all": "All",
        "status": "Status", "deadline": "Deadline", "unit": "Unit", "category": "Category",
        "classification": "Classification", "channel": "Channel",
        "by_status": "By status", "by_deadline": "By deadline state",
        "by_unit": "By unit", "by_category": "By category",
        "by_classification": "By classification", "by_channel": "By channel",
        "summary": "Summary", "note": "Note",
        "multi_unit": ("{n} complaints were routed to more than one unit and count under each "
                       "of them, so the units add up to {units}, more than the {received} "
                       "complaints received."),
    },
}

# Recaps with the full set of counts, and the word naming their first column.
WIDE = (("by_unit", "unit"), ("by_category", "category"), ("by_classification",
        "classification"), ("by_channel", "channel"))
# Recaps that only count: one state or status per row.
NARROW = (("by_status", "status"), ("by_deadline", "deadline"))

Cell = str | int | float | None
Labeler = Callable[[str, "RecapRow"], str]  # (recap name, row) -> display name


@dataclass(frozen=True)
class Table:
    name: str  # "by_unit", ...
    title: str
    headers: list[str]
    rows: list[list[Cell]]  # percentages as floats (0..100), counts as ints


def _text(lang: str) -> dict[str, str]:
    return TEXT.get(lang, TEXT["id"])


def wide_headers(lang: str, first: str) -> list[str]:
    t = _text(lang)
    return [t[first], t["total"], t["closed"], t["on_time"], t["late"], t["on_time_pct"],
            t["running"], t["overdue"], t["no_deadline"]]


def narrow_headers(lang: str, first: str) -> list[str]:
    t = _text(lang)
    return [t[first], t["total"], t["share"]]


def _share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def tables(report: Report, lang: str = "id", label: Labeler | None = None) -> list[Table]:
    """Every recap of ``report`` as a table, the narrow ones first."""
    t = _text(lang)
    name_of = label or (lambda _recap, row: row.label)
    out: list[Table] = []
    for recap, first in NARROW:
        rows: list[list[Cell]] = [
            [name_of(recap, r), r.total, _share(r.total, report.received)]
            for r in getattr(report, recap)]
        rows.append([t["all"], report.received, _share(report.received, report.received)])
        out.append(Table(recap, t[recap], narrow_headers(lang, first), rows))
    for recap, first in WIDE:
        rows = [[name_of(recap, r), r.total, r.closed, r.closed_on_time, r.closed_late,
                 r.on_time_pct, r.running, r.open_overdue, r.no_deadline]
                for r in getattr(report, recap)]
        out.append(Table(recap, t[recap], wide_headers(lang, first), rows))
    return out


def summary(report: Report, lang: str = "id") -> list[tuple[str, Cell]]:
    """The totals as (label, value) pairs; the period as dd/mm/yyyy text."""
    t = _text(lang)
    overdue = next((r.total for r in report.by_deadline if r.key == "berjalan_lewat_batas"), 0)
    close_due = next((r.total for r in report.by_deadline if r.key == "berjalan_perlu_ditutup"),
                     0)
    period = f"{report.date_from:%d/%m/%Y} – {report.date_to:%d/%m/%Y}"
    return [(t["period"], period), (t["received"], report.received),
            (t["closed"], report.closed), (t["on_time"], report.closed_on_time),
            (t["late"], report.closed_late), (t["on_time_pct"], report.on_time_pct),
            (t["overdue"], overdue), (t["close_due"], close_due),
            (t["median"], report.median_days_to_close)]


def multi_unit_note(report: Report, lang: str = "id") -> str:
    """Why the unit rows add up to more than the complaints ("" when they do not)."""
    if not report.multi_unit:
        return ""
    from desktop.formatting import number

    return _text(lang)["multi_unit"].format(
        n=number(report.multi_unit, lang=lang),
        units=number(sum(r.total for r in report.by_unit), lang=lang),
        received=number(report.received, lang=lang))


def _csv_cell(value: Cell, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if lang == "id" else text
    return str(value)


def csv_text(report: Report, lang: str = "id", label: Labeler | None = None,
             made: datetime | None = None) -> str:
    t = _text(lang)
    buf = io.StringIO()
    out = csv.writer(buf, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    out.writerow([t["title"]])
    for key, value in summary(report, lang):
        out.writerow([key, _csv_cell(value, lang)])
    if made is not None:
        out.writerow([t["made"], f"{made:%d/%m/%Y %H.%M}"])
    if report.multi_unit:
        out.writerow([t["note"], multi_unit_note(report, lang)])
    for table in tables(report, lang, label):
        out.writerow([])
        out.writerow([table.title])
        out.writerow(table.headers)
        for row in table.rows:
            out.writerow([_csv_cell(v, lang) for v in row])
    return buf.getvalue()


def write_csv(target: Path, report: Report, lang: str = "id", label: Labeler | None = None,
              made: datetime | None = None) -> Path:
    data = b"\xef\xbb\xbf" + csv_text(report, lang, label, made).encode("utf-8")
    return replace_atomically(Path(target), lambda tmp: tmp.write_bytes(data))


def write_xlsx(target: Path, report: Report, lang: str = "id", label: Labeler | None = None,
               made: datetime | None = None) -> Path:
    """A workbook: a summary sheet, then one sheet per recap (numbers stay numbers)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    t = _text(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = t["summary"][:31]
    sheet.append([t["title"]])
    sheet["A1"].font = Font(bold=True, size=13)
    for key, value in summary(report, lang):
        is_pct = key == t["on_time_pct"]
        sheet.append([key, value / 100 if is_pct and value is not None else value])
        if is_pct:
            sheet.cell(sheet.max_row, 2).number_format = "0.0%"
    if made is not None:
        sheet.append([t["made"], made.replace(tzinfo=None)])
        sheet.cell(sheet.max_row, 2).number_format = "dd/mm/yyyy hh:mm"
    if report.multi_unit:
        sheet.append([t["note"], multi_unit_note(report, lang)])
    _widths(sheet, [38, 26])
    for table in tables(report, lang, label):
        ws = book.create_sheet(table.title[:31])
        ws.append(table.headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        pct_columns = [i for i, h in enumerate(table.headers) if h.startswith("%")]
        for row in table.rows:
            ws.append([v / 100 if i in pct_columns and isinstance(v, float) else v
                       for i, v in enumerate(row)])
            for i in pct_columns:
                ws.cell(ws.max_row, i + 1).number_format = "0.0%"
        ws.freeze_panes = "B2"
        _widths(ws, [44] + [14] * (len(table.headers) - 1))
    return replace_atomically(Path(target), lambda tmp: book.save(str(tmp)))


def _widths(sheet, widths: Sequence[int]) -> None:  # noqa: ANN001 - openpyxl worksheet
    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width

