"""What goes on a printed disposition sheet or receipt: plain frozen dataclasses, no reportlab.

The desk fills them from a complaint snapshot (``from_snapshot``); the renderers only read
them. Privacy is enforced here and in the renderers, not left to callers: an anonymous
complaint's reporter never reaches the page, whatever the snapshot holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.calendar import local_date
from core.chain import above as chain_above
from core.dates import parse_iso_date, parse_iso_datetime
from core.sifat import sifat_secret, sifat_speed

MISSING = "-"
ANONYMOUS = "Anonim"

# Sifat keys as in core.Sifat. The sheet prints two rows (core/sifat.py):
# Kecepatan (the stored sifat) and Keamanan (the complaint's confidential flag).
SIFAT_LABELS: dict[str, str] = {
    "sangat_segera": "Sangat Segera",
    "segera": "Segera",
    "biasa": "Biasa",
    "rahasia": "Rahasia",
}
KECEPATAN_LABELS: dict[str, str] = {
    "sangat_segera": "Sangat Segera", "segera": "Segera", "biasa": "Biasa"}
KEAMANAN_LABELS: dict[str, str] = {"rahasia": "Rahasia", "biasa": "Biasa"}

CHANNEL_LABELS: dict[str, str] = {
    "web": "Situs Web",
    "sms_1708": "SMS 1708",
    "aplikasi": "Aplikasi",
    "media_sosial": "Media Sosial",
    "loket": "Loket",
    "surat": "Surat",
}

# "Dengan hormat harap" choices commonly printed on the form; an agency may pass its own.
DEFAULT_INSTRUCTIONS: tuple[str, ...] = (
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Koordinasikan/konfirmasikan",
    "Untuk diketahui",
    "Selesaikan sesuai ketentuan",
)

DEFAULT_PLATFORM = "LAPOR! Paman"


def _tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in (values or ()) if v is not None and str(v).strip())


def normalize_sifat(value: str | None) -> str | None:
    """``"Sangat Segera"``/``"sangat-segera"`` -> ``"sangat_segera"``; None stays None."""
    if value is None or str(value).strip() == "":
        return None
    key = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    if key not in SIFAT_LABELS:
        raise ValueError(
            f"Sifat tidak dikenal: {value!r} (pilihan: {', '.join(SIFAT_LABELS)})."
        )
    return key


def format_nip(nip: str | None) -> str:
    """An 18-digit NIP grouped as printed on letters: ``19700101 199503 1 002``
    (birth date, appointment month, sex, serial). Anything else is returned trimmed."""
    text = (nip or "").strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 18 and len(digits) == len(text.replace(" ", "")):
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return text


def channel_label(channel: str | None, platform: str = DEFAULT_PLATFORM) -> str:
    """``LAPOR! Paman – Loket`` for a snapshot ``channel`` value."""
    name = CHANNEL_LABELS.get(str(channel or ""), str(channel or "").replace("_", " ").title())
    return f"{platform} \u2013 {name}" if name else platform


def _letter_fields(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    ref = snapshot.get("letter_ref")
    if not isinstance(ref, Mapping) or snapshot.get("channel") != "surat":
        return {}
    return {"letter_origin": str(ref.get("origin") or ""),
            "letter_number": str(ref.get("number") or ""),
            "letter_date": parse_iso_date(ref.get("date"))}


def complaint_number(snapshot: Mapping[str, Any]) -> tuple[str, bool]:
    """(number to print, provisional?): the tracking number once the server assigned one,
    else the desk's provisional number."""
    tracking = snapshot.get("tracking_number")
    if tracking not in (None, ""):
        return str(tracking), False
    provisional = snapshot.get("provisional_number")
    return (str(provisional), True) if provisional else (MISSING, True)


def _reporter_name(snapshot: Mapping[str, Any]) -> str | None:
    if snapshot.get("anonymous"):
        return None
    reporter = snapshot.get("reporter") or {}
    name = str(reporter.get("name") or "").strip() if isinstance(reporter, Mapping) else ""
    return name or None


_NOT_A_PLACE = ("kec", "kel", "desa", "rt", "rw", "kode pos", "provinsi", "indonesia")


@dataclass(frozen=True, kw_only=True)
class AgencyProfile:
    """The letterhead (kop surat) of one agency.

    ``header_lines``: 1-3 lines printed large, e.g. ("PEMERINTAH PROVINSI KALIMANTAN
    SELATAN", "DINAS KESEHATAN"). The last line of two or three is the agency name and is
    printed largest; the others at two thirds of it; address, phone/fax and web/email at a
    third (see ``kop.py``). ``emblem_path`` None uses the neutral placeholder shipped in
    ``resources/letterhead/``.
    """

    code: str
    header_lines: tuple[str, ...]
    address: str = ""
    phone_fax: str = ""
    web_email: str = ""
    emblem_path: str | Path | None = None
    platform_name: str = DEFAULT_PLATFORM

    def __post_init__(self) -> None:
        lines = _tuple(self.header_lines)
        if not 1 <= len(lines) <= 3:
            raise ValueError("Kop surat memerlukan 1 sampai 3 baris judul instansi.")
        object.__setattr__(self, "header_lines", lines)

    @property
    def place(self) -> str:
        """The town of the office for a place-and-date line ("Banjarmasin, 2 Desember
        2026"), read from the address: its first part after the street that is not a
        kecamatan, kelurahan or the province; "" when the address names none."""
        for part in self.address.split(",")[1:]:
            words = re.sub(r"\b\d{5}\b", "", part).strip(" .")
            lowered = words.lower()
            if not words or lowered.startswith(_NOT_A_PLACE) or "kalimantan" in lowered:
                continue
            return re.sub(r"^(kota|kabupaten|kab\.)\s+", "", words, flags=re.IGNORECASE)
        return ""


@dataclass(frozen=True, kw_only=True)
class Signer:
    """Who signs: ``jabatan`` (e.g. "KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN"),
    ``name``, ``pangkat`` (pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)"), ``nip``."""

    jabatan: str = ""
    name: str = ""
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True, kw_only=True)
class Disposition:
    """What the leader decides: where it goes, how urgent, what to do, by when.

    ``sifat`` None takes the complaint's own sifat. ``instructions`` are the ticked items;
    any that are not in ``checklist`` are printed as extra ticked lines. ``free_lines`` blank
    lines are left under the checklist for handwriting; ``note_lines`` under Catatan (None:
    by paper: 3 on A4, 5 on F4, 2 on half folio; lines the note's own text fills are not
    repeated). ``decided`` False: the complaint is not disposed yet, so the sheet leaves
    ruled space to write the disposition by hand (units, note, date, deadline) instead of
    printing what the complaint happens to hold. ``disposed_on``: the disposition's date.
    """

    units: tuple[str, ...] = ()
    sifat: str | None = None
    instructions: tuple[str, ...] = ()
    checklist: tuple[str, ...] = DEFAULT_INSTRUCTIONS
    note: str = ""
    deadline: date | None = None
    working_days: int | None = None
    free_lines: int = 1
    note_lines: int | None = None
    decided: bool = True
    disposed_on: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "units", _tuple(self.units))
        object.__setattr__(self, "instructions", _tuple(self.instructions))
        object.__setattr__(self, "checklist", _tuple(self.checklist))
        object.__setattr__(self, "sifat", normalize_sifat(self.sifat))


@dataclass(frozen=True, kw_only=True)
class ChainLine:
    """One disposition above the level a sheet is printed for (issue 17): who disposed to
    whom, when, with which instructions and deadline. Never its catatan."""

    sender: str
    recipient: str
    sent_on: date | None = None
    instructions: tuple[str, ...] = ()
    deadline: date | None = None

    @classmethod
    def from_entry(cls, entry: Mapping[str, Any]) -> ChainLine:
        sent = parse_iso_datetime(entry.get("sent_at"))
        sender = str(entry.get("from_title") or entry.get("from_position") or "")
        if entry.get("by_name"):
            sender += f" ({entry['by_name']})"
        return cls(sender=sender,
                   recipient=str(entry.get("to_title") or entry.get("to_position") or ""),
                   sent_on=local_date(sent) if sent else None,
                   instructions=_tuple(entry.get("instructions") or ()),
                   deadline=parse_iso_date(entry.get("due_date")))


@dataclass(frozen=True, kw_only=True)
class DispositionSheet:
    """Everything printed on one Lembar Disposisi. Build it with ``from_snapshot``."""

    profile: AgencyProfile
    source: str  # "Surat dari": channel label, never the reporter
    complaint_number: str  # tracking number, or provisional number
    provisional: bool = False
    complaint_date: date | None = None
    received_on: date | None = None
    reporter_name: str | None = None
    anonymous: bool = False
    confidential: bool = False
    agenda_number: str = ""
    perihal: str = ""
    summary: str = ""
    sifat: str = "biasa"
    disposition: Disposition = field(default_factory=Disposition)
    signer: Signer | None = None
    qr_key: bytes | str = field(repr=False)  # a secret: never in a repr or log line
    printed_at: datetime
    desk_id: str = ""
    title: str = "LEMBAR DISPOSISI"
    # A konsep (preview before issuing): every page marked "KONSEP — TIDAK SAH", no QR.
    draft: bool = False
    # The desk's server (``https://host[:port]``): the QR opens its verification page
    # (qr_payload.verify_url). "" (offline demo, never signed in): the bare signed payload.
    verify_base: str = ""
    # The disposition chain down to the level this sheet is for (top first), printed above
    # the routing so the Kabid's sheet shows what the Kadis decided (issue 17).
    chain_above: tuple[ChainLine, ...] = ()
    # A complaint that came by letter (kanal Surat): asal, nomor and tanggal surat.
    letter_origin: str = ""
    letter_number: str = ""
    letter_date: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "sifat", normalize_sifat(self.sifat) or "biasa")

    @property
    def speed(self) -> str | None:
        """The ticked Kecepatan box. None on a sheet for a complaint not disposed yet whose
        sifat is still the default Biasa: the leader ticks it by hand."""
        speed = sifat_speed(self.sifat).value
        if not self.disposition.decided and speed == "biasa":
            return None
        return speed

    @property
    def ticked_sifat(self) -> frozenset[str]:
        """Ticked Sifat boxes: the Kecepatan one, plus Rahasia for a confidential complaint."""
        ticked = {self.speed} - {None}
        if self.is_secret:
            ticked.add("rahasia")
        return frozenset(str(t) for t in ticked)

    @property
    def is_secret(self) -> bool:
        """Keamanan Rahasia (follows the complaint's confidential flag)."""
        return sifat_secret(self.sifat, self.confidential)

    @property
    def reporter_display(self) -> str:
        if self.anonymous:
            return ANONYMOUS
        return (self.reporter_name or "").strip() or MISSING

    @classmethod
    def from_snapshot(
        cls,
        snapshot: Mapping[str, Any],
        profile: AgencyProfile,
        *,
        disposition: Disposition,
        agenda_number: str = "",
        signer: Signer | None = None,
        qr_key: bytes | str,
        printed_at: datetime,
        desk_id: str = "",
        received_on: date | None = None,
        include_content: bool = False,
        draft: bool = False,
        verify_base: str = "",
        chain_entry: str | None = None,
    ) -> DispositionSheet:
        """A sheet for a complaint snapshot (architecture.md). ``received_on`` defaults to the
        complaint's ``received_at`` date; ``disposition.deadline`` None takes ``due_date``;
        ``include_content`` prints the complaint text after the signature ("Lampiran: Isi
        Pengaduan"). A decided disposition without a date takes the snapshot's disposition
        date (``disposition.at``); an undecided one takes no deadline from the complaint
        (its ``due_date`` is then the verification deadline, not the disposition's).
        ``chain_entry``: the disposition (an entry of ``snapshot["chain"]``) this level
        received; the sheet lists it and those above it."""
        number, provisional = complaint_number(snapshot)
        received = parse_iso_datetime(snapshot.get("received_at"))
        complaint_date = received.date() if received else None
        if disposition.decided:
            if disposition.deadline is None and snapshot.get("due_date"):
                disposition = replace(disposition,
                                      deadline=parse_iso_date(snapshot.get("due_date")))
            dispo = snapshot.get("disposition")
            at = parse_iso_datetime(dispo.get("at")) if isinstance(dispo, Mapping) else None
            if disposition.disposed_on is None and at is not None:
                disposition = replace(disposition, disposed_on=local_date(at))
        return cls(
            profile=profile,
            source=channel_label(snapshot.get("channel"), profile.platform_name),
            complaint_number=number,
            provisional=provisional,
            complaint_date=complaint_date,
            received_on=received_on or complaint_date,
            reporter_name=_reporter_name(snapshot),
            anonymous=bool(snapshot.get("anonymous")),
            confidential=bool(snapshot.get("confidential")),
            agenda_number=agenda_number,
            perihal=str(snapshot.get("title") or ""),
            summary=str(snapshot.get("content") or "") if include_content else "",
            sifat=disposition.sifat or snapshot.get("sifat") or "biasa",
            disposition=disposition,
            signer=signer,
            qr_key=qr_key,
            printed_at=printed_at,
            desk_id=desk_id,
            draft=draft,
            verify_base=verify_base,
            chain_above=tuple(ChainLine.from_entry(e) for e in chain_above(snapshot, chain_entry)
                              if not e.get("tembusan")) if chain_entry else (),
            **_letter_fields(snapshot),
        )


@dataclass(frozen=True, kw_only=True)
class Receipt:
    """The front desk's Tanda Terima Pengaduan, handed to the reporter."""

    profile: AgencyProfile
    number: str
    provisional: bool = False
    received_at: datetime | None = None
    reporter_name: str | None = None
    anonymous: bool = False
    channel: str = ""  # label, e.g. "LAPOR! Paman – Loket"
    title: str = ""
    summary: str = ""
    verification_days: int = 3
    follow_up_days: int = 5
    auto_close_days: int | None = 10
    verification_due: date | None = None
    status_help: str = ""  # "" : the channels that fit the number (receipt.status_help)
    qr_text: str | None = None  # defaults to the number
    officer_name: str = ""
    officer_nip: str = ""
    confidential: bool = False
    printed_at: datetime
    desk_id: str = ""
    title_text: str = "TANDA TERIMA PENGADUAN"

    @property
    def reporter_display(self) -> str:
        if self.anonymous:
            return ANONYMOUS
        return (self.reporter_name or "").strip() or MISSING

    @classmethod
    def from_snapshot(
        cls,
        snapshot: Mapping[str, Any],
        profile: AgencyProfile,
        *,
        officer_name: str,
        printed_at: datetime,
        desk_id: str = "",
        verification_days: int = 3,
        follow_up_days: int = 5,
        status_url: str | None = None,
    ) -> Receipt:
        """A receipt for a just-logged complaint. ``status_url`` (e.g.
        ``"https://lapor.example/status/"``) makes the QR open the status page for the number."""
        number, provisional = complaint_number(snapshot)
        due = None
        if snapshot.get("status") in (None, "belum_diverifikasi"):
            due = parse_iso_date(snapshot.get("due_date"))
        return cls(
            profile=profile,
            number=number,
            provisional=provisional,
            received_at=parse_iso_datetime(snapshot.get("received_at")),
            reporter_name=_reporter_name(snapshot),
            anonymous=bool(snapshot.get("anonymous")),
            confidential=bool(snapshot.get("confidential")),
            channel=channel_label(snapshot.get("channel"), profile.platform_name),
            title=str(snapshot.get("title") or ""),
            summary=str(snapshot.get("content") or ""),
            verification_days=verification_days,
            follow_up_days=follow_up_days,
            verification_due=due,
            qr_text=f"{status_url}{number}" if status_url else None,
            officer_name=officer_name,
            printed_at=printed_at,
            desk_id=desk_id,
        )

