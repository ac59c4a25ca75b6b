"""What the officer decides about ops in the Kotak Keluar and Perlu Perhatian lists.

- :func:`reapply` ("Terapkan lagi", and "Ubah" with an edited payload): the rejected
  action is made again as a NEW op on top of the complaint's current version, and the
  rejected one leaves the list, in one transaction. The new op id is derived from the old
  one and the payload, so a double click still yields one op.
- :func:`discard` ("Buang"): the op leaves the outbox, audited, and the complaint is shown
  as the server has it plus the officer's other open ops.
- :func:`requeue` ("Kirim ulang"): a rejected op goes out again unchanged.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from core import Actor, OpKind
from desktop.store.service import DeskService
from desktop.sync.errors import SyncError
from desktop.sync.local import SyncLocal

_NAMESPACE = uuid.UUID("0b5b8f4e-6f7d-4d8a-9d1c-2f3a7e4b9c10")


def _derived_op_id(old_op_id: str, kind: str, payload: Mapping[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps({"k": kind, "p": payload}, sort_keys=True,
                                       default=str).encode()).hexdigest()
    return str(uuid.uuid5(_NAMESPACE, f"{old_op_id}:{digest}"))


def reapply(service: DeskService, op_id: str, actor: Actor,
            payload: Mapping[str, Any] | None = None) -> str:
    """Make rejected op ``op_id`` again on the current state (``payload``: edited). Returns
    the new op id. Raises the domain's errors when it cannot apply here either."""
    local = SyncLocal(service)
    found = local.ops(("rejected",), [op_id])
    if not found:
        raise SyncError("Tindakan ini tidak lagi menunggu keputusan.", code="not_found")
    old = found[0]
    data = dict(old.payload if payload is None else payload)
    complaint_id: str | None = old.complaint_id
    if old.kind == OpKind.create.value:
        if old.reject_reason == "conflict" or service.complaint(old.complaint_id) is not None:
            data["id"] = str(uuid.uuid4())  # that id is taken on the server
        complaint_id = str(data.setdefault("id", old.complaint_id))
    new_op_id = _derived_op_id(old.op_id, old.kind, data)
    local.reapply(old, complaint_id, data, actor, new_op_id)
    return new_op_id


def discard(service: DeskService, op_ids: Sequence[str], by: str | None = None) -> list[str]:
    return SyncLocal(service).discard(op_ids, by=by)


def requeue(service: DeskService, op_ids: Sequence[str]) -> int:
    return SyncLocal(service).requeue(op_ids)
