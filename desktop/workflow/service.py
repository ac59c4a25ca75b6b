"""WorkflowService: an officer's action becomes ``DeskService.apply_local_op`` calls.

No Qt: every method runs on the DB thread (desktop.tasks) and returns plain data. Each op
of an action carries an ``op_id`` chosen when the officer started it (and kept in the draft),
so submitting again after a crash, a retry or a double click records nothing twice:
``apply_local_op`` is idempotent by op id.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core import (
    DISPOSITION_INSTRUCTIONS,
    Actor,
    DomainError,
    OpKind,
    can_see_reporter,
    redact_for,
)
from desktop.workflow import canned, notices, queries
from desktop.workflow.actor import current_actor, set_local_actor
from desktop.workflow.attachments import AttachedFile, import_file
from desktop.workflow.steps import ActionContext, Step, dry_run, step

if TYPE_CHECKING:
    from desktop.store import LocalOpResult

__all__ = ["ActionContext", "BulkOutcome", "Step", "WorkflowService", "dry_run", "step"]

INSTRUCTIONS_KEY = "disposition_instructions"
INSTRUCTION_MAX = 300


@dataclass(frozen=True)
class BulkOutcome:
    done: tuple[LocalOpResult, ...]
    failed: tuple[tuple[str, str], ...]  # (complaint id, Indonesian reason)


class WorkflowService:
    def __init__(self, store: Any) -> None:
        self.store = store  # a DeskService

    # --- who and what --------------------------------------------------------------------
    def actor(self) -> tuple[Actor, bool]:
        return current_actor(self.store)

    def set_local_actor(self, actor: Actor | Mapping[str, Any] | None) -> None:
        set_local_actor(self.store, actor)

    def context(self, complaint_id: str | None, draft_kind: str | None = None, *,
                with_related: bool = False) -> ActionContext:
        """What a dialog for ``complaint_id`` needs; ``draft_kind`` also loads its draft."""
        actor, signed_in = self.actor()
        snapshot = self.store.complaint(complaint_id) if complaint_id else None
        visible = redact_for(snapshot, actor) if snapshot else None
        draft = self.load_draft(complaint_id, draft_kind) if complaint_id and draft_kind else None
        related = self.related(visible, actor) if visible and with_related else []
        return self._context(actor, signed_in, visible, draft=draft, related=related)

    def bulk_context(self, complaint_ids: Sequence[str]) -> ActionContext:
        """For one action on many complaints: their snapshots, the first as ``snapshot``."""
        actor, signed_in = self.actor()
        snaps = [redact_for(s, actor) for s in map(self.store.complaint, complaint_ids) if s]
        ctx = self._context(actor, signed_in, snaps[0] if snaps else None)
        ctx.snapshots = snaps
        return ctx

    def _context(self, actor: Actor, signed_in: bool, snapshot: dict[str, Any] | None,
                 **extra: Any) -> ActionContext:
        agency = (snapshot or {}).get("agency_code")
        units = [u for u in self.store.units() if u["agency_code"] == agency] if agency else []
        return ActionContext(
            snapshot=snapshot, actor=actor, signed_in=signed_in, today=self.store.today(),
            policy=self.store.policy, calendar=self.store.calendar, units=units,
            agencies=self.store.agencies(), categories=self.store.categories(),
            replies=canned.load(self.store), instructions=self.instructions(), **extra)

    def related(self, snapshot: Mapping[str, Any], actor: Actor) -> list[queries.RelatedComplaint]:
        return queries.related_complaints(
            self.store, snapshot, match_reporter=can_see_reporter(snapshot, actor))

    def related_to(self, complaint_id: str, actor: Actor) -> list[queries.RelatedComplaint]:
        """Related complaints of a stored complaint, as ``actor`` may see it: the reporter
        is matched only when the actor may see the reporter."""
        stored = self.store.complaint(complaint_id)
        return self.related(redact_for(stored, actor), actor) if stored else []

    def notices(self, actor: Actor, *, mark: bool = True) -> notices.Notices:
        return notices.collect(self.store, actor, mark=mark)

    # --- acting --------------------------------------------------------------------------
    def perform(self, complaint_id: str, steps: Sequence[Step], actor: Actor, *,
                draft_kind: str | None = None) -> list[LocalOpResult]:
        """Apply ``steps`` in order, each in its own transaction with its outbox row; then
        drop the draft. A failure stops the sequence; the steps done stay done, and the same
        steps submitted again skip them (same op ids)."""
        results = [self.store.apply_local_op(complaint_id, item.kind, item.payload, actor,
                                             op_id=item.op_id) for item in steps]
        if draft_kind:
            self.store.save_draft(complaint_id, draft_kind, None)
        return results

    def perform_bulk(self, complaint_ids: Sequence[str], kind: OpKind | str,
                     payload: Mapping[str, Any], actor: Actor, batch_id: str) -> BulkOutcome:
        """The same action on many complaints, one transaction each. Op ids derive from
        ``batch_id`` and the complaint, so submitting the batch again only does the rest."""
        done, failed = [], []
        namespace = uuid.UUID(batch_id)
        for cid in complaint_ids:
            op_id = str(uuid.uuid5(namespace, cid))
            try:
                done.append(self.store.apply_local_op(cid, kind, payload, actor, op_id=op_id))
            except DomainError as exc:
                failed.append((cid, exc.message))
            except Exception as exc:  # noqa: BLE001 - a store error: report it per complaint
                failed.append((cid, getattr(exc, "message", None) or str(exc)))
        return BulkOutcome(tuple(done), tuple(failed))

    def link_duplicate(self, duplicate_id: str, original: Mapping[str, Any], note: str | None,
                       actor: Actor, op_ids: tuple[str, str]) -> list[LocalOpResult]:
        """Mark ``duplicate_id`` as a duplicate of ``original`` and record the link in the
        original's history too: both histories are kept, each says where the other is."""
        original_id = str(original["id"])
        results = [self.store.apply_local_op(
            duplicate_id, OpKind.mark_duplicate,
            {"duplicate_of": original_id, **({"note": note} if note else {})},
            actor, op_id=op_ids[0])]
        dup = results[0].snapshot
        number = (f"#{dup['tracking_number']}" if dup.get("tracking_number")
                  else dup.get("provisional_number") or duplicate_id)
        try:
            results.append(self.store.apply_local_op(
                original_id, OpKind.note,
                {"text": f"Pengaduan {number} ditandai sebagai duplikat dari pengaduan ini.",
                 "visibility": "internal"}, actor, op_id=op_ids[1]))
        except DomainError:
            pass  # the original is outside the officer's reach: the duplicate's mark suffices
        return results

    def import_attachment(self, path: str) -> AttachedFile:
        return import_file(self.store, path)

    # --- drafts --------------------------------------------------------------------------
    def load_draft(self, complaint_id: str, kind: str) -> dict[str, Any] | None:
        """The unfinished input, unless its ops were recorded after all (a crash between the
        write and the draft's removal): then the draft is dropped."""
        draft = self.store.get_draft(complaint_id, kind)
        if not draft:
            return None
        op_ids = (draft.get("op_ids") or {}).values()
        if any(op and queries.op_recorded(self.store, str(op)) for op in op_ids):
            self.store.save_draft(complaint_id, kind, None)
            return None
        return draft

    def save_draft(self, complaint_id: str, kind: str, payload: Mapping[str, Any] | None) -> None:
        self.store.save_draft(complaint_id, kind, payload)

    # --- settings the workflow owns ------------------------------------------------------
    def instructions(self) -> list[str]:
        return list(self.store.get_setting(INSTRUCTIONS_KEY) or DISPOSITION_INSTRUCTIONS)

    def save_instructions(self, items: Sequence[str]) -> None:
        cleaned = [i.strip() for i in items if i.strip()]
        if any(len(i) > INSTRUCTION_MAX for i in cleaned):
            from core import ValidationError

            raise ValidationError({"instructions": (
                f"Setiap instruksi maksimal {INSTRUCTION_MAX} karakter.")})
        self.store.set_setting(INSTRUCTIONS_KEY, cleaned or None)

    def replies(self) -> list[canned.CannedReply]:
        return canned.load(self.store)

    def save_replies(self, replies: Sequence[canned.CannedReply]) -> None:
        canned.save(self.store, replies)
