"""Bulk import of paper logs: check every row, then record the good ones exactly once.

``plan_import`` reads the file and checks each row with the same rules as the Loket form
and the domain's ``create`` (a dry run of ``apply_op``), so a row that passes cannot fail
while being written. Each row's complaint id and op id are derived (uuid5) from its
normalized content and the desk id, not from the file: importing the same log again, even
re-saved by Excel with other date or phone spellings, finds the rows already recorded and
adds nothing. ``execute`` writes in chunks, one transaction each; a crash mid-way leaves
whole chunks, and running the import again completes it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import (
    CLASSIFICATION_LABELS,
    Actor,
    Channel,
    Classification,
    DomainError,
    OpKind,
    ValidationError,
    apply_op,
)
from core.clock import clock
from desktop.intake.import_read import ImportFileError, RawRow, RowIssue, read_table
from desktop.intake.writes import CreateRequest, already_recorded, create_complaints

if TYPE_CHECKING:
    from desktop.store import DeskService

__all__ = [
    "COLUMNS", "OPTIONAL_COLUMNS", "ImportFileError", "ImportPlan", "ImportResult",
    "PlannedRow", "RowIssue", "execute", "plan_import",
]

# The paper-log columns (issue 6), in template order.
COLUMNS = (
    "nama_pelapor", "nik", "telepon", "email", "alamat", "anonim", "rahasia", "klasifikasi",
    "kategori", "kode_wilayah", "lokasi", "tanggal_kejadian", "judul", "isi",
)
# May be left out of the file: kanal (loket/surat, default loket), tanggal_diterima (when the
# desk received it on paper, default: now).
OPTIONAL_COLUMNS = ("kanal", "tanggal_diterima")
# Domain error key -> column it came from.
FIELD_COLUMN = {
    "reporter.name": "nama_pelapor", "reporter.nik": "nik", "reporter.phone": "telepon",
    "reporter.email": "email", "reporter.address": "alamat", "reporter": "nama_pelapor",
    "anonymous": "anonim", "confidential": "rahasia", "classification": "klasifikasi",
    "category_id": "kategori", "region_code": "kode_wilayah", "location_text": "lokasi",
    "incident_date": "tanggal_kejadian", "title": "judul", "content": "isi", "channel": "kanal",
    "received_at": "tanggal_diterima",
}
CHUNK = 250
_NAMESPACE = uuid.UUID("c5a0e7f2-93b1-4c55-8d0e-2f6b4b1f7a10")
_YES = {"ya", "y", "yes", "1", "true", "benar"}
_NO = {"tidak", "t", "tdk", "no", "n", "0", "false", "salah", ""}
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$")
_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?$")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE]\+?\d+$")
RECEIVED_DEFAULT_TIME = time(8, 0)  # a paper log often has the day only: office opening


@dataclass(frozen=True)
class PlannedRow:
    line: int
    op_id: str
    payload: dict = field(repr=False)
    recorded: bool = False  # already on this desk: will be skipped

    @property
    def complaint_id(self) -> str:
        return str(self.payload["id"])


@dataclass
class ImportPlan:
    path: Path
    rows_read: int
    rows: list[PlannedRow]  # valid and not repeated within the file
    errors: list[RowIssue]
    repeated: int = 0  # valid rows identical to an earlier row of the same file
    notes: int = 0  # note and example rows (first cell starting with "#"): never imported

    @property
    def invalid_lines(self) -> int:
        return len({e.line for e in self.errors})

    @property
    def new_rows(self) -> list[PlannedRow]:
        return [r for r in self.rows if not r.recorded]

    @property
    def recorded(self) -> int:
        return sum(r.recorded for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int  # already recorded (an earlier import) or repeated in the file
    errors: list[RowIssue]
    numbers: list[str] = field(default_factory=list)  # provisional numbers given, in order

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped,
                "errors": [e.as_dict() for e in self.errors]}


# --- cell normalization -------------------------------------------------------------------

def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _flag(value: Any, column: str, errors: dict[str, str]) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _YES:
        return True
    if text not in _NO:
        errors[column] = f"Isi dengan ya atau tidak (tertulis {_text(value)!r})."
    return False


def _parse_date(value: Any, column: str, errors: dict[str, str], *,
                with_time: bool = False) -> date | datetime | None:
    if isinstance(value, datetime):
        return value if with_time else value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    parts = None
    if m := _YMD.match(text):
        year, month, day, hour, minute = m.groups()
        parts = (year, month, day, hour, minute)
    elif m := _DMY.match(text):
        day, month, year, hour, minute = m.groups()
        parts = (year, month, day, hour, minute)
    if parts is None or (parts[3] is not None and not with_time):
        errors[column] = (f"Tanggal {text!r} tidak dikenali: tulis TTTT-BB-HH (2026-11-20) "
                          "atau HH/BB/TTTT (20/11/2026).")
        return None
    try:
        day_value = date(int(parts[0]), int(parts[1]), int(parts[2]))
        if parts[3] is None:
            return day_value
        return datetime.combine(day_value, time(int(parts[3]), int(parts[4])))
    except ValueError:
        errors[column] = f"Tanggal {text!r} tidak ada di kalender."
        return None


def _nik(value: Any, errors: dict[str, str]) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        errors["nik"] = ("NIK tersimpan sebagai angka sehingga Excel membulatkannya; format "
                         "kolom nik sebagai Teks lalu ketik ulang NIK.")
        return None
    text = _text(value).replace(" ", "")
    if _SCIENTIFIC.match(text):
        errors["nik"] = (f"NIK tertulis {text!r} (dibulatkan Excel); format kolom nik sebagai "
                         "Teks lalu ketik ulang NIK.")
        return None
    return text or None


def _phone(value: Any) -> str | None:
    text = _text(value)
    # Excel drops the leading 0 of a phone typed as a number: 81234567890 -> 081234567890.
    if text.isdigit() and text.startswith("8") and 9 <= len(text) <= 12:
        text = "0" + text
    return text or None


def _choice(value: Any, options: Mapping[str, str], default: str | None) -> str | None:
    text = _text(value).lower()
    if not text:
        return default
    key = "_".join(text.replace("-", " ").split())
    return options.get(key) or options.get(text)


def _classification_options() -> dict[str, str]:
    options = {c.value: c.value for c in Classification}
    for code, label in CLASSIFICATION_LABELS.items():
        options["_".join(label.lower().split())] = code.value
    return options


def _category_options(categories: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    options: dict[str, str] = {}
    for cat in categories:
        options.setdefault("_".join(str(cat["name"]).lower().split()), str(cat["id"]))
    for cat in categories:
        options[str(cat["id"]).lower()] = str(cat["id"])
    return options


def _region(value: Any) -> str | None:
    """The code as written ("6371", a number cell 6371, "63.71"); the domain's validation
    takes it with or without dots and gives the dotted form (``_check_row``)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}"  # a kabupaten/kota code typed as a number: 63.1 -> 63.10
    return _text(value) or None


def row_payload(cells: Mapping[str, Any], categories: Sequence[Mapping[str, Any]],
                agency_code: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    """(create payload without id, {column: message}) for one row's cells."""
    errors: dict[str, str] = {}
    anonymous = _flag(cells.get("anonim"), "anonim", errors)
    classification = _choice(cells.get("klasifikasi"), _classification_options(),
                             Classification.pengaduan.value)
    if classification is None:
        errors["klasifikasi"] = (f"Klasifikasi {_text(cells.get('klasifikasi'))!r} tidak dikenal "
                                 "(pengaduan, aspirasi, atau permintaan informasi).")
    category = _choice(cells.get("kategori"), _category_options(categories), None)
    if category is None and _text(cells.get("kategori")):
        errors["kategori"] = (f"Kategori {_text(cells.get('kategori'))!r} tidak dikenal; tulis "
                              "kode atau nama kategori seperti di aplikasi.")
    channel = _choice(cells.get("kanal"), {c: c for c in (Channel.loket, Channel.surat)},
                      Channel.loket.value)
    if channel is None:
        errors["kanal"] = "Kanal harus loket atau surat."
    incident = _parse_date(cells.get("tanggal_kejadian"), "tanggal_kejadian", errors)
    received = _parse_date(cells.get("tanggal_diterima"), "tanggal_diterima", errors,
                           with_time=True)
    if isinstance(received, date) and not isinstance(received, datetime):
        received = datetime.combine(received, RECEIVED_DEFAULT_TIME)
    reporter = {
        "name": _text(cells.get("nama_pelapor")) or None,
        "nik": _nik(cells.get("nik"), errors),
        "phone": _phone(cells.get("telepon")),
        "email": _text(cells.get("email")) or None,
        "address": _text(cells.get("alamat")) or None,
    }
    payload: dict[str, Any] = {
        "title": _text(cells.get("judul")) or None,
        "content": _text(cells.get("isi")) or None,
        "classification": classification,
        "category_id": category,
        "channel": channel,
        "incident_date": incident.isoformat() if incident else None,
        "region_code": _region(cells.get("kode_wilayah")),
        "location_text": _text(cells.get("lokasi")) or None,
        "reporter": reporter if any(reporter.values()) or not anonymous else None,
        "anonymous": anonymous,
        "confidential": _flag(cells.get("rahasia"), "rahasia", errors),
        "agency_code": agency_code,
    }
    if received is not None:
        payload["received_at"] = received.replace(tzinfo=clock().zone).isoformat(timespec="minutes")
    return payload, errors


def _identity_text(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, Mapping):
        return {k: _identity_text(v) for k, v in sorted(value.items())}
    return value


def row_ids(clean: Mapping[str, Any], desk_id: str) -> tuple[str, str]:
    """(complaint id, op id) of a validated row: the same content on the same desk always
    gives the same ids, whatever file or spelling it came in."""
    keys = ("title", "content", "classification", "category_id", "channel", "incident_date",
            "region_code", "location_text", "reporter", "anonymous", "confidential",
            "agency_code", "received_at")
    canonical = json.dumps({k: _identity_text(clean.get(k)) for k in keys}, sort_keys=True,
                           ensure_ascii=False, separators=(",", ":"))
    complaint_id = uuid.uuid5(_NAMESPACE, f"{desk_id}\n{canonical}")
    return str(complaint_id), str(uuid.uuid5(_NAMESPACE, f"op\n{complaint_id}"))


# --- plan and execute ---------------------------------------------------------------------

def check_columns(header: Sequence[str], header_line: int) -> list[RowIssue]:
    missing = [c for c in COLUMNS if c not in header]
    issues = [RowIssue(header_line, c, "Kolom wajib ini tidak ada di baris judul kolom.")
              for c in missing]
    seen: set[str] = set()
    for name in header:
        if name and name in seen and name in (*COLUMNS, *OPTIONAL_COLUMNS):
            issues.append(RowIssue(header_line, name, "Kolom ini muncul lebih dari sekali."))
        seen.add(name)
    return issues


def _check_row(row: RawRow, categories: Sequence[Mapping[str, Any]], actor: Actor,
               desk_id: str, service: DeskService, now: datetime
               ) -> tuple[PlannedRow | None, list[RowIssue]]:
    payload, errors = row_payload(row.cells, categories, actor.agency)
    issues = [RowIssue(row.line, column, message) for column, message in errors.items()]
    # The domain checks everything else (a dry run of the very create that will be written);
    # a column already reported above keeps its first, more specific message.
    dry = None
    try:
        dry = apply_op(None, OpKind.create, {**payload, "id": str(uuid.uuid4())}, actor, now,
                       service.policy, service.calendar)
    except ValidationError as exc:
        for key, message in exc.errors.items():
            column = FIELD_COLUMN.get(key)
            if column not in errors:
                issues.append(RowIssue(row.line, column, message))
    except DomainError as exc:
        issues.append(RowIssue(row.line, None, exc.message))
    if issues or dry is None:
        return None, issues
    clean = {k: dry.snapshot.get(k) for k in payload if k != "received_at"}
    if "received_at" in payload:
        clean["received_at"] = payload["received_at"]
    complaint_id, op_id = row_ids(clean, desk_id)
    # The region code as the domain keeps it ("6371" -> "63.71"), in the op sent too.
    payload = {**payload, "region_code": clean["region_code"], "id": complaint_id}
    return PlannedRow(row.line, op_id, payload), []


def plan_import(service: DeskService, path: Path | str, actor: Actor, *, desk_id: str,
                categories: Sequence[Mapping[str, Any]], now: datetime | None = None
                ) -> ImportPlan:
    """Read and check ``path``; nothing is written. Raises ImportFileError when the file
    cannot be read at all."""
    now = now or clock().now()
    table = read_table(Path(path))
    issues = list(table.issues) + check_columns(table.header, table.header_line)
    plan = ImportPlan(Path(path), len(table.rows), [], [], notes=table.notes)
    if any(i.line == table.header_line and i.column for i in issues):
        plan.errors = sorted(issues, key=_issue_order)
        return plan  # without its columns no row can be read correctly
    seen: set[str] = set()
    for row in table.rows:
        planned, row_issues = _check_row(row, categories, actor, desk_id, service, now)
        issues.extend(row_issues)
        if planned is None:
            continue
        if planned.complaint_id in seen:
            plan.repeated += 1
            continue
        seen.add(planned.complaint_id)
        plan.rows.append(planned)
    with service.reading() as conn:
        plan.rows = [PlannedRow(r.line, r.op_id, r.payload,
                                already_recorded(conn, r.op_id, r.complaint_id) is not None)
                     for r in plan.rows]
    plan.errors = sorted(issues, key=_issue_order)
    return plan


def _issue_order(issue: RowIssue) -> tuple[int, int]:
    """By line, then in the template's column order (a row-wide problem first)."""
    order = (*COLUMNS, *OPTIONAL_COLUMNS)
    return issue.line, (order.index(issue.column) + 1 if issue.column in order else 0)


def execute(service: DeskService, plan: ImportPlan, actor: Actor, *,
            now: datetime | None = None, chunk: int = CHUNK) -> ImportResult:
    """Record the plan's valid rows (call only when the user chose to import them)."""
    imported = 0
    numbers: list[str] = []
    skipped = plan.repeated
    rows = plan.rows
    for start in range(0, len(rows), chunk):
        part = rows[start:start + chunk]
        done = create_complaints(
            service, [CreateRequest(payload=r.payload, op_id=r.op_id) for r in part], actor,
            now=now)
        for created in done:
            if created.duplicate:
                skipped += 1
            else:
                imported += 1
                numbers.append(created.provisional_number or "")
    return ImportResult(imported, skipped, list(plan.errors), numbers)
