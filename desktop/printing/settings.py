"""The letter settings of this desk: letterhead (kop), emblem, signers, paper, agenda format.

Kept in the store's ``settings`` table under ``letters`` (one JSON object), so they survive
a reinstall with the data directory and need no Qt. The emblem image is copied into
``<data dir>/letterhead/`` and named by its content hash; the settings keep the file name.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.letters import DEFAULT_INSTRUCTIONS, SHEET_PAPERS, AgencyProfile, Signer
from desktop.letters.models import DEFAULT_PLATFORM
from desktop.printing.agenda import DEFAULT_FORMAT, AgendaFormat, check_template

if TYPE_CHECKING:
    from desktop.store import DeskService

SETTINGS_KEY = "letters"
EMBLEM_DIR = "letterhead"
EMBLEM_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_PAPER = "f4"
DEFAULT_PROVINCE_LINE = "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
LOW_WATER = 10  # reserve a new block when fewer agenda numbers than this are left
BLOCK_SIZE = 50
_IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}
_NIP_RE = re.compile(r"^\d{18}$")
_CODE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
# Short forms that do not belong in a signed jabatan ("KEPALA DINKES KALSEL"): tata naskah
# dinas writes it in full ("KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN").
_SHORT_FORMS = frozenset({
    "KALSEL", "KADIS", "KADINKES", "KABID", "KABAG", "KASI", "KASIE", "KASUBAG", "KASUBBAG",
    "SEKDIS", "PROV", "PROP", "PEMPROV", "KAB", "KEC", "DINKES", "DISDIK", "DISDIKBUD",
    "DISKOMINFO", "DISHUB", "DPUPR", "PUPR", "BAPPEDA", "BPBD", "RSUD", "KALTENG", "KALTIM",
})


@dataclass(frozen=True)
class SignerEntry:
    """One person who may sign disposition sheets (``id`` is stable across edits)."""

    id: str
    jabatan: str = ""
    name: str = ""
    pangkat: str = ""
    nip: str = ""

    def signer(self) -> Signer:
        return Signer(jabatan=self.jabatan, name=self.name, pangkat=self.pangkat, nip=self.nip)

    def label(self) -> str:
        return " \u2013 ".join(p for p in (self.name.strip(), self.jabatan.strip()) if p) or "-"

    @classmethod
    def new(cls, **fields: str) -> SignerEntry:
        return cls(id=uuid.uuid4().hex[:12], **fields)


@dataclass(frozen=True)
class LetterSettings:
    agency_code: str = ""
    header_lines: tuple[str, ...] = ()
    address: str = ""
    phone_fax: str = ""
    web_email: str = ""
    emblem_file: str | None = None  # file name inside <data dir>/letterhead/
    platform_name: str = DEFAULT_PLATFORM
    signers: tuple[SignerEntry, ...] = ()
    default_signer: str | None = None
    paper: str = DEFAULT_PAPER
    agenda_format: str = DEFAULT_FORMAT
    checklist: tuple[str, ...] = DEFAULT_INSTRUCTIONS
    low_water: int = LOW_WATER
    block_size: int = BLOCK_SIZE
    configured: bool = False  # False: defaults never saved by an officer
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # -- derived ------------------------------------------------------------------------
    def emblem_path(self, data_dir: Path) -> Path | None:
        if not self.emblem_file:
            return None
        path = Path(data_dir) / EMBLEM_DIR / Path(self.emblem_file).name
        return path if path.is_file() else None

    def profile(self, data_dir: Path) -> AgencyProfile:
        return AgencyProfile(code=self.agency_code, header_lines=self.header_lines,
                             address=self.address, phone_fax=self.phone_fax,
                             web_email=self.web_email, emblem_path=self.emblem_path(data_dir),
                             platform_name=self.platform_name or DEFAULT_PLATFORM)

    def signer(self, signer_id: str | None = None) -> SignerEntry | None:
        wanted = signer_id or self.default_signer
        for entry in self.signers:
            if entry.id == wanted:
                return entry
        return self.signers[0] if self.signers and signer_id is None else None

    @property
    def agenda(self) -> AgendaFormat:
        return AgendaFormat(self.agenda_format)

    def issue_problems(self, signer_id: str | None = None) -> list[str]:
        """What a letter still needs before it may be issued (Indonesian, one item each):
        the office address and the signer's name, jabatan in full and NIP. Empty when
        complete. Saving accepts less; issuing does not."""
        problems: list[str] = []
        if not self.address.strip():
            problems.append("alamat kantor (baris alamat kop surat)")
        entry = self.signer(signer_id)
        if entry is None:
            problems.append("penanda tangan (nama, jabatan lengkap dan NIP)")
            return problems
        if not entry.name.strip():
            problems.append("nama penanda tangan")
        jabatan = entry.jabatan.strip()
        if not jabatan:
            problems.append("jabatan penanda tangan")
        else:
            short = short_forms(jabatan, self.agency_code)
            if short:
                problems.append(
                    f"jabatan penanda tangan ditulis lengkap tanpa singkatan (tertulis "
                    f"\u201c{jabatan.upper()}\u201d: {', '.join(short)}; misalnya KEPALA DINAS "
                    "KESEHATAN PROVINSI KALIMANTAN SELATAN)")
        nip = entry.nip.replace(" ", "")
        if not nip:
            problems.append("NIP penanda tangan (18 digit)")
        elif not _NIP_RE.match(nip):
            problems.append("NIP penanda tangan yang benar (18 digit angka)")
        return problems

    # -- checks and JSON ------------------------------------------------------------------
    def errors(self) -> dict[str, str]:
        """Field -> Indonesian message; empty when the settings can print letters."""
        errors: dict[str, str] = {}
        if not self.agency_code.strip():
            errors["agency_code"] = "Kode instansi wajib diisi."
        elif not _CODE_RE.match(self.agency_code):
            errors["agency_code"] = ("Kode instansi hanya huruf, angka, titik, garis bawah atau "
                                     "tanda hubung (maks. 32), misalnya DINKES.")
        lines = [line for line in self.header_lines if line.strip()]
        if not 1 <= len(lines) <= 3:
            errors["header_lines"] = "Kop surat memerlukan 1 sampai 3 baris judul instansi."
        elif any(len(line) > 120 for line in lines):
            errors["header_lines"] = "Setiap baris kop surat maksimal 120 karakter."
        for name, value, limit in (("address", self.address, 200),
                                   ("phone_fax", self.phone_fax, 200),
                                   ("web_email", self.web_email, 200)):
            if len(value) > limit:
                errors[name] = f"Maksimal {limit} karakter."
        if self.paper not in SHEET_PAPERS:
            errors["paper"] = f"Ukuran kertas tidak dikenal (pilihan: {', '.join(SHEET_PAPERS)})."
        problem = check_template(self.agenda_format)
        if problem:
            errors["agenda_format"] = problem
        for i, entry in enumerate(self.signers, start=1):
            if not entry.name.strip() or not entry.jabatan.strip():
                errors[f"signers.{i}"] = f"Penanda tangan ke-{i}: nama dan jabatan wajib diisi."
            elif entry.nip.strip() and not _NIP_RE.match(entry.nip.replace(" ", "")):
                errors[f"signers.{i}"] = f"Penanda tangan ke-{i}: NIP harus 18 digit angka."
        if self.default_signer and all(s.id != self.default_signer for s in self.signers):
            errors["default_signer"] = "Penanda tangan utama tidak ada dalam daftar."
        if not 1 <= self.low_water <= 500 or not 1 <= self.block_size <= 1000:
            errors["block_size"] = "Ukuran blok nomor agenda harus 1 sampai 1000."
        return errors

    def to_json(self) -> dict[str, Any]:
        return {
            **self.extra,
            "agency_code": self.agency_code, "header_lines": list(self.header_lines),
            "address": self.address, "phone_fax": self.phone_fax, "web_email": self.web_email,
            "emblem_file": self.emblem_file, "platform_name": self.platform_name,
            "signers": [{"id": s.id, "jabatan": s.jabatan, "name": s.name,
                         "pangkat": s.pangkat, "nip": s.nip} for s in self.signers],
            "default_signer": self.default_signer, "paper": self.paper,
            "agenda_format": self.agenda_format, "checklist": list(self.checklist),
            "low_water": self.low_water, "block_size": self.block_size,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LetterSettings:
        known = set(cls.__dataclass_fields__) - {"extra", "configured"}

        def text(key: str, default: str = "") -> str:
            value = data.get(key, default)
            return str(value).strip() if value is not None else default

        signers = tuple(
            SignerEntry(id=str(s.get("id") or uuid.uuid4().hex[:12]),
                        jabatan=str(s.get("jabatan") or ""), name=str(s.get("name") or ""),
                        pangkat=str(s.get("pangkat") or ""), nip=str(s.get("nip") or ""))
            for s in data.get("signers") or () if isinstance(s, Mapping))
        checklist = tuple(str(c).strip() for c in data.get("checklist") or () if str(c).strip())
        return cls(
            agency_code=text("agency_code"),
            header_lines=tuple(str(x).strip() for x in data.get("header_lines") or ()
                               if str(x).strip()),
            address=text("address"), phone_fax=text("phone_fax"), web_email=text("web_email"),
            emblem_file=data.get("emblem_file") or None,
            platform_name=text("platform_name", DEFAULT_PLATFORM) or DEFAULT_PLATFORM,
            signers=signers, default_signer=data.get("default_signer") or None,
            paper=text("paper", DEFAULT_PAPER) or DEFAULT_PAPER,
            agenda_format=text("agenda_format", DEFAULT_FORMAT) or DEFAULT_FORMAT,
            checklist=checklist or DEFAULT_INSTRUCTIONS,
            low_water=_int(data.get("low_water"), LOW_WATER),
            block_size=_int(data.get("block_size"), BLOCK_SIZE),
            configured=True,
            extra={k: v for k, v in data.items() if k not in known},
        )


def short_forms(jabatan: str, agency_code: str = "") -> list[str]:
    """The abbreviations in a jabatan (upper case, in order): known short forms and the
    agency's code ("KEPALA DINKES KALSEL" -> ["DINKES", "KALSEL"])."""
    code = agency_code.strip().upper()
    found = []
    for word in re.findall(r"[A-Za-z]+\.?", jabatan):
        bare = word.rstrip(".").upper()
        if (bare in _SHORT_FORMS or (code and bare == code)) and bare not in found:
            found.append(bare)
    return found


def _valid_nip(value: Any) -> str:
    text = str(value or "").replace(" ", "")
    return text if _NIP_RE.match(text) else ""


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def defaults_for(agency_code: str | None, agency_name: str | None) -> LetterSettings:
    """What a desk prints before anyone opened the letterhead editor: the province line and
    the agency's name from the directory (upper case, as kop lines are set)."""
    code = (agency_code or "").strip()
    name = (agency_name or code).strip()
    # "Dinas Kesehatan Provinsi Kalimantan Selatan" -> "DINAS KESEHATAN"
    short = re.split(r"\s+Provinsi\s+", name, maxsplit=1, flags=re.IGNORECASE)[0]
    lines = (DEFAULT_PROVINCE_LINE, short.upper()) if short else (DEFAULT_PROVINCE_LINE,)
    return LetterSettings(agency_code=code, header_lines=lines)


def load(service: DeskService) -> LetterSettings:
    """The saved settings, else defaults for the signed-in officer's agency (kop from the
    agency's name, signers from the directory's leaders with their jabatan and NIP)."""
    data = service.get_setting(SETTINGS_KEY)
    if isinstance(data, Mapping):
        return LetterSettings.from_json(data)
    actor = service.get_sync_state("actor") or {}
    code = actor.get("agency") if isinstance(actor, Mapping) else None
    names = {a["code"]: a["name"] for a in service.agencies()}
    settings = defaults_for(code, names.get(code or ""))
    users = service.get_sync_state("directory_users") or {}
    leaders = [u for u in (users.values() if isinstance(users, Mapping) else ())
               if isinstance(u, Mapping) and u.get("role") == "pimpinan"
               and u.get("agency") == code and u.get("active", True)]
    entries = tuple(SignerEntry(id=str(u.get("username")), name=str(u.get("full_name") or ""),
                                jabatan=str(u.get("jabatan") or "").upper(),
                                nip=_valid_nip(u.get("nip")))
                    for u in sorted(leaders, key=lambda u: str(u.get("username"))))
    if entries:
        settings = replace(settings, signers=entries, default_signer=entries[0].id)
    return settings


def save(service: DeskService, settings: LetterSettings) -> LetterSettings:
    """Check and store; raises ValueError with the first Indonesian message."""
    errors = settings.errors()
    if errors:
        raise SettingsInvalid(errors)
    settings = replace(settings, configured=True)
    service.set_setting(SETTINGS_KEY, settings.to_json())
    return settings


class SettingsInvalid(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(next(iter(errors.values())))
        self.errors = errors


def import_emblem(data_dir: Path, source: str | Path) -> str:
    """Copy a PNG or JPEG emblem into the data directory; returns the file name to keep in
    the settings. Raises ValueError (Indonesian) for anything else."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"Berkas lambang tidak dapat dibaca: {exc.strerror or exc}.") from exc
    if len(data) > EMBLEM_MAX_BYTES:
        raise ValueError("Berkas lambang terlalu besar (maks. 2 MB).")
    ext = next((e for magic, e in _IMAGE_MAGIC.items() if data.startswith(magic)), None)
    if ext is None:
        raise ValueError("Lambang harus berkas gambar PNG atau JPEG.")
    name = f"emblem-{hashlib.sha256(data).hexdigest()[:16]}{ext}"
    folder = Path(data_dir) / EMBLEM_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if not target.exists():
        tmp = folder / f".{name}.part"
        tmp.write_bytes(data)
        tmp.replace(target)
    return name


def signer_entries(entries: Sequence[Mapping[str, Any]]) -> tuple[SignerEntry, ...]:
    """Signer entries from plain dicts (editor rows); ids kept, new ones made."""
    return tuple(SignerEntry(id=str(e.get("id") or uuid.uuid4().hex[:12]),
                             jabatan=str(e.get("jabatan") or "").strip(),
                             name=str(e.get("name") or "").strip(),
                             pangkat=str(e.get("pangkat") or "").strip(),
                             nip=str(e.get("nip") or "").replace(" ", "").strip())
                 for e in entries)
