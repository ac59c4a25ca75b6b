"""IntakeService: everything the Loket screen and ``lapor-desk import`` ask of the desk.

Runs where the store runs (the DB thread in the GUI, the main thread headless); returns
plain data. The officer is the project's one notion of who acts
(``desktop.workflow.actor.current_actor``: the last signed-in officer, remembered offline,
else the desk's local officer); the letterhead is the one the letters use
(``desktop.printing.settings``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core import (
    DEFAULT_CATEGORIES,
    Actor,
    DeadlinePolicy,
    DomainError,
    ValidationError,
    local_date,
)
from core.clock import clock
from desktop.intake import attachments, importer, numbers, receipt
from desktop.intake.duplicates import DuplicateHint, find_duplicates
from desktop.intake.form import to_payload, validate_form
from desktop.intake.writes import Created, CreateRequest, StagedFile, create_complaints
from desktop.printing import settings as letter_settings
from desktop.printing.errors import LetterError
from desktop.printing.lookup import find_complaint
from desktop.workflow.actor import current_actor

if TYPE_CHECKING:
    from desktop.store import DeskService

DRAFT_KEY = ("loket", "new_complaint")  # (complaint_id, kind) in the store's drafts table


@dataclass(frozen=True)
class DeskContext:
    """What the Loket form needs to show its choices (read once when the page opens)."""

    actor: Actor
    signed_in: bool
    desk_id: str | None
    categories: list[dict]
    agencies: list[dict]
    units: list[dict]
    policy: DeadlinePolicy
    today: date
    draft: dict | None = None


@dataclass(frozen=True)
class ReceiptDocument:
    complaint_id: str
    number: str
    provisional: bool
    layout: str
    pdf: bytes = field(repr=False)


class IntakeService:
    def __init__(self, store: DeskService) -> None:
        self.store = store

    # --- who and where ------------------------------------------------------------------

    def actor(self) -> Actor:
        return current_actor(self.store)[0]

    def signed_in(self) -> bool:
        return current_actor(self.store)[1]

    def agency_actor(self) -> Actor:
        """The officer, who must belong to an agency (a paper log has no agency column)."""
        actor = self.actor()
        if not actor.agency:
            raise DomainError(
                "login_required",
                "Impor log kertas memerlukan petugas dari sebuah instansi. Masuk (login) sekali "
                "sebagai petugas loket instansi Anda saat jaringan tersedia; sesudah itu impor "
                "dapat dilakukan tanpa jaringan.")
        return actor

    def desk_id(self) -> str:
        with self.store.transaction() as conn:
            return numbers.ensure_desk_id(conn)

    def categories(self) -> list[dict]:
        """The store's category tree (from the server), else the shipped default tree."""
        cats = self.store.categories()
        if cats:
            return cats
        return [{"id": c.id, "parent_id": c.parent, "name": c.name} for c in DEFAULT_CATEGORIES]

    def context(self) -> DeskContext:
        actor, signed_in = current_actor(self.store)
        return DeskContext(
            actor=actor, signed_in=signed_in, desk_id=self.desk_id(),
            categories=self.categories(),
            agencies=self.store.agencies(), units=self.store.units(), policy=self.store.policy,
            today=self.store.today(), draft=self.load_draft())

    # --- the form -----------------------------------------------------------------------

    def load_draft(self) -> dict | None:
        return self.store.get_draft(*DRAFT_KEY)

    def save_draft(self, form: dict | None) -> None:
        """Keep the unfinished form (None discards it)."""
        self.store.save_draft(*DRAFT_KEY, form)

    def stage_attachment(self, path: str | Path) -> StagedFile:
        return attachments.stage(self.store, Path(path))

    def duplicates(self, form: dict) -> list[DuplicateHint]:
        return find_duplicates(self.store, form, exclude_id=form.get("complaint_id"))

    def submit(self, form: dict, *, now: datetime | None = None) -> Created:
        """Record the form's complaint with a provisional number, queue it for the server
        and drop the draft, in one transaction. Idempotent by the form's op id."""
        now = now or clock().now()
        actor = self.actor()
        form = dict(form)
        form["agency_code"] = form.get("agency_code") or actor.agency
        errors = validate_form(form, today=local_date(now),
                               category_ids=[c["id"] for c in self.categories()])
        files = [StagedFile(**{k: a[k] for k in ("sha256", "filename", "mime", "size", "path")})
                 for a in form.get("attachments") or ()]
        missing = [f.filename for f in files if not Path(f.path).is_file()]
        if missing:
            errors["attachments"] = ("Salinan lampiran tidak ditemukan lagi: "
                                     f"{', '.join(missing)}. Hapus lalu tambahkan ulang.")
        if errors:
            raise ValidationError(errors)
        request = CreateRequest(payload=to_payload(form), op_id=str(form["op_id"]),
                                files=files, unit_note=self._unit_note(form))
        return create_complaints(self.store, [request], actor, now=now,
                                 clear_draft=DRAFT_KEY)[0]

    def _unit_note(self, form: dict) -> str | None:
        code = form.get("unit_code")
        if not code:
            return None
        agency = form.get("agency_code")
        name = next((u["name"] for u in self.store.units()
                     if u["code"] == code and u["agency_code"] == agency), code)
        return f"Pelapor menujukan pengaduan ini kepada unit {name} ({code})."

    # --- receipts -----------------------------------------------------------------------

    def find(self, number_or_id: str) -> dict | None:
        """A complaint by tracking number, provisional number (any case) or id."""
        try:
            return find_complaint(self.store, number_or_id)
        except LetterError:
            return None

    def receipt(self, number_or_id: str, layout: str = "half", *,
                printed_at: datetime | None = None) -> ReceiptDocument:
        """The Tanda Terima PDF of a complaint: official number once synced, else provisional.
        Raises ``LetterError("not_found")`` (Indonesian message) for an unknown number."""
        from desktop.letters import render_receipt

        snapshot = find_complaint(self.store, number_or_id)
        profile = letter_settings.load(self.store).profile(self.store.data_dir)
        with self.store.reading() as conn:
            desk = numbers.read_desk_id(conn) or ""
        officer, nip = self._receiving_officer(snapshot)
        data = receipt.build_receipt(
            snapshot, profile, officer_name=officer, officer_nip=nip,
            policy=self.store.policy, desk_id=desk,
            status_url=self.store.get_setting(receipt.STATUS_URL_KEY), printed_at=printed_at)
        return ReceiptDocument(snapshot["id"], data.number, data.provisional, layout,
                               render_receipt(data, layout))

    def _receiving_officer(self, snapshot: dict) -> tuple[str, str]:
        """Who received it (the create event), else whoever is signed in now: name and NIP
        (from the agency's directory; "" when unknown)."""
        users = self.store.get_sync_state("directory_users", {}) or {}
        for event in snapshot.get("timeline") or ():
            if event.get("kind") == "create" and (event.get("actor_name") or event.get("actor")):
                known = users.get(str(event.get("actor") or "")) or {}
                return (str(event.get("actor_name") or event.get("actor")),
                        str(known.get("nip") or ""))
        actor = self.actor()
        known = users.get(actor.username) or {}
        return actor.full_name or actor.username, str(known.get("nip") or "")

    # --- paper-log import ---------------------------------------------------------------

    def plan_import(self, path: str | Path, *, now: datetime | None = None
                    ) -> importer.ImportPlan:
        return importer.plan_import(self.store, path, self.agency_actor(),
                                    desk_id=self.desk_id(), categories=self.categories(),
                                    now=now)

    def run_import(self, plan: importer.ImportPlan, *, now: datetime | None = None
                   ) -> importer.ImportResult:
        return importer.execute(self.store, plan, self.agency_actor(), now=now)
