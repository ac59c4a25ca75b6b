"""Database work of the letter dialogs, run on the DB thread (``tasks.run``); no Qt here.

``sealer`` (a ``pades.PdfSealer`` or None): every sheet rendered here comes out signed
electronically by it (``signbox.sealing``); None renders today's unsigned sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core import DomainError
from core.clock import clock
from desktop.letters.signbox import sealing
from desktop.printing import (
    IssueOptions,
    LetterError,
    LetterRecord,
    agenda_status,
    issue_letter,
    letter_on_paper,
    letters_for,
    level_for,
    may_void,
    preview_letter,
    read_archived,
)
from desktop.printing import settings as letter_settings


@dataclass
class Item:
    """One complaint of the dialog and its letters."""

    complaint_id: str
    number: str
    title: str
    found: bool = True
    letters: list[LetterRecord] = field(default_factory=list)
    level: str | None = None  # the chain disposition the officer's sheet is for
    voidable: frozenset[str] = frozenset()  # letter ids this officer may void

    def active(self, paper: str | None = None) -> LetterRecord | None:
        """The complaint's letter for the officer's level that is not voided. One letter
        has one agenda number on every paper (``paper`` is accepted for callers' symmetry
        and ignored)."""
        found = [r for r in self.letters if r.active and r.chain_entry == self.level]
        return found[-1] if found else None


@dataclass
class Loaded:
    settings: letter_settings.LetterSettings
    items: list[Item]
    free: int
    year: int


def complaint_label(snapshot: dict[str, Any]) -> str:
    tracking = snapshot.get("tracking_number")
    if tracking:
        return f"#{tracking}"
    return str(snapshot.get("provisional_number") or snapshot.get("id", ""))[:24]


def load(service: Any, complaint_ids: list[str]) -> Loaded:
    settings = letter_settings.load(service)
    items = []
    for cid in complaint_ids:
        snap = service.complaint(cid)
        if snap is None:
            items.append(Item(cid, "?", "", found=False))
            continue
        letters = letters_for(service, cid)
        voidable = frozenset(r.letter_id for r in letters
                             if r.active and may_void(service, r.letter_id))
        items.append(Item(cid, complaint_label(snap), str(snap.get("title") or ""),
                          letters=letters, level=level_for(service, cid), voidable=voidable))
    year = clock().today().year
    status = agenda_status(service, settings.agency_code, year)
    return Loaded(settings, items, status["free"], year)


def sheet_bytes(service: Any, item: Item, options: IssueOptions, sealer: Any = None
                ) -> tuple[bytes, bool]:
    """(PDF, draft?): the letter on the chosen paper (its archived copy there, made once:
    the exact bytes that will be printed), else a draft preview."""
    record = item.active()
    if record is not None:
        with sealing(sealer):
            on_paper = letter_on_paper(service, record, options.paper or record.paper or "",
                                       options=options)
        return read_archived(service, on_paper), False
    return preview_letter(service, item.complaint_id, options=options), True


@dataclass
class IssueResult:
    issued: list[LetterRecord] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (complaint label, message)
    kop_incomplete: bool = False  # refused for the Kop Surat: offer to open its editor


def issue_many(service: Any, items: list[Item], options: IssueOptions, sealer: Any = None
               ) -> IssueResult:
    """Issue one letter for each item that has none (on any paper: one letter, one agenda
    number); stop when numbers run out (the rest would fail the same way)."""
    result = IssueResult()
    for item in items:
        if not item.found or item.active() is not None:
            continue
        try:
            with sealing(sealer):
                result.issued.append(issue_letter(service, item.complaint_id, options=options))
        except (LetterError, DomainError) as exc:
            result.errors.append((item.number, exc.message))
            result.kop_incomplete |= getattr(exc, "code", "") == "profile_missing"
            # "forbidden" is per complaint (a Kabid prints only the sheets of dispositions
            # sent to him, docs/letters.md "Who issues"): the others are still tried.
            if getattr(exc, "code", "") in ("no_agenda_numbers", "profile_missing",
                                            "profile_mismatch", "not_signed_in"):
                break
    return result


def on_paper(service: Any, records: list[LetterRecord], paper: str | None,
             sealer: Any = None) -> list[LetterRecord]:
    """The letters as printed on ``paper`` (their archived copies there, made once)."""
    if not paper:
        return list(records)
    with sealing(sealer):
        return [letter_on_paper(service, record, paper) for record in records]


def archived(service: Any, records: list[LetterRecord], paper: str | None = None,
             sealer: Any = None) -> list[bytes]:
    return [read_archived(service, record)
            for record in on_paper(service, records, paper, sealer)]
