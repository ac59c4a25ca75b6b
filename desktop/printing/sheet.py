"""A complaint snapshot plus this desk's letter settings -> the ``DispositionSheet`` to render."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from core import WorkingCalendar, local_date
from core.dates import parse_iso_date, parse_iso_datetime
from core.qr_payload import DRAFT_AGENDA
from desktop.letters import Disposition, DispositionSheet
from desktop.printing.settings import LetterSettings

__all__ = ["DRAFT_AGENDA", "build_sheet", "disposition_of", "received_entry", "unit_names"]


def unit_names(snapshot: Mapping[str, Any], units: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """Names of the units the complaint was disposed to (codes when a name is unknown)."""
    agency = snapshot.get("agency_code")
    names = {(u.get("agency_code"), u.get("code")): u.get("name") for u in units}
    dispo = snapshot.get("disposition") or {}
    codes = dispo.get("unit_codes") or snapshot.get("unit_codes") or ()
    return tuple(str(names.get((agency, c)) or c) for c in codes)


_FOLLOW_UP = "didisposisikan"


def disposition_of(snapshot: Mapping[str, Any], settings: LetterSettings,
                   units: Sequence[Mapping[str, Any]], working_days: int | None = None,
                   calendar: WorkingCalendar | None = None) -> Disposition:
    """What the leader decided, as recorded by the last ``dispose``; an undecided one
    (blank lines to fill in by hand) when the complaint was not disposed yet.

    The deadline is the disposition's (the current one while its follow-up runs: a hold
    moves it); "(n hari kerja)" counts the working days from the disposition's date to it
    with ``calendar`` (so a date set by hand or a Sangat Segera deadline says its own
    number), else ``working_days``."""
    dispo = snapshot.get("disposition")
    if not isinstance(dispo, Mapping) or not dispo:
        return Disposition(checklist=settings.checklist, decided=False)
    phase = snapshot.get("status")
    if phase == "ditunda":
        phase = snapshot.get("previous_status")
    deadline = parse_iso_date(snapshot.get("due_date") if phase == _FOLLOW_UP else None) \
        or parse_iso_date(dispo.get("due_date"))
    at = parse_iso_datetime(dispo.get("at"))
    disposed_on = local_date(at) if at is not None else None
    if calendar is not None and deadline is not None and disposed_on is not None:
        working_days = max(0, calendar.working_days_between(disposed_on, deadline))
    return Disposition(
        units=unit_names(snapshot, units),
        sifat=dispo.get("sifat") or snapshot.get("sifat") or None,
        instructions=tuple(dispo.get("instructions") or ()),
        checklist=settings.checklist,
        note=str(dispo.get("note") or ""),
        deadline=deadline,
        working_days=working_days if deadline is not None else None,
        disposed_on=disposed_on,
    )


def build_sheet(snapshot: Mapping[str, Any], settings: LetterSettings, *, data_dir: Path,
                units: Sequence[Mapping[str, Any]], agenda_number: str, signer_id: str | None,
                qr_key: bytes, printed_at: datetime, desk_id: str = "",
                working_days: int | None = None, include_content: bool = False,
                draft: bool = False, calendar: WorkingCalendar | None = None,
                verify_base: str = "", reader: str | None = None,
                level: str | None = None) -> DispositionSheet:
    """``verify_base``: the desk's server URL, for the QR's verification link ("" prints
    the bare signed payload). ``reader``: the officer the sheet is for; when a chain
    disposition reached them, the sheet lists the dispositions above their level.
    ``level``: that disposition itself (an issued letter's ``chain_entry``), instead of
    the one ``reader`` received last."""
    entry = settings.signer(signer_id)
    return DispositionSheet.from_snapshot(
        snapshot, settings.profile(data_dir),
        disposition=disposition_of(snapshot, settings, units, working_days, calendar),
        agenda_number=agenda_number,
        signer=entry.signer() if entry else None,
        qr_key=qr_key, printed_at=printed_at, desk_id=desk_id,
        include_content=include_content, draft=draft, verify_base=verify_base,
        chain_entry=level or received_entry(snapshot, reader),
    )


def received_entry(snapshot: Mapping[str, Any], reader: str | None,
                   positions: Iterable[str] = ()) -> str | None:
    """The latest chain disposition (not a tembusan, not withdrawn) addressed to
    ``reader``, or to one of the ``positions`` he holds or acts in today (a Plt./Plh.
    named after it was sent): the level a sheet printed by them is for."""
    if not reader:
        return None
    held = set(positions)
    found = [e for e in snapshot.get("chain") or () if (
                 reader in (e.get("to_users") or ()) or e.get("to_position") in held)
             and not e.get("tembusan") and e.get("state") != "withdrawn"]
    return str(found[-1].get("id")) if found else None
