"""The Loket form's data: a plain dict the page fills, saves as a draft and submits.

``new_form()`` gives an empty one; ``to_payload`` turns it into a domain ``create`` payload;
``validate_form`` checks it with the domain's rules (every bad field at once, keys as in
``ValidationError.errors``: ``title``, ``reporter.nik``...) plus the attachment limits.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from core import Channel, Classification, ValidationError, validate_complaint
from desktop.intake.attachments import check_set

FORM_VERSION = 1
REPORTER_FIELDS = ("name", "nik", "phone", "email", "address")
FORM_CHANNELS = (Channel.loket.value, Channel.surat.value)


def new_form(agency_code: str | None = None, channel: str = Channel.loket.value) -> dict:
    """An empty form with a fresh complaint id and op id (kept across drafts and retries,
    so submitting twice records the complaint once)."""
    return {
        "version": FORM_VERSION,
        "op_id": str(uuid.uuid4()),
        "complaint_id": str(uuid.uuid4()),
        "unidentified": False,
        "reporter": dict.fromkeys(REPORTER_FIELDS, ""),
        "anonymous": False,
        "confidential": False,
        "classification": Classification.pengaduan.value,
        "category_id": None,
        "agency_code": agency_code,
        "unit_code": None,
        "region_code": None,
        "location_text": "",
        "incident_date": None,
        "title": "",
        "content": "",
        "channel": channel,
        "letter_ref": None,  # kanal Surat: {origin, number, date}
        "attachments": [],
    }


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def to_payload(form: Mapping[str, Any]) -> dict[str, Any]:
    """The domain create payload (with its ``id``). "Tidak bersedia menyebutkan identitas"
    means no identity at all and an anonymous complaint."""
    unidentified = bool(form.get("unidentified"))
    reporter = None
    if not unidentified:
        raw = form.get("reporter") or {}
        reporter = {key: _text(raw.get(key)) for key in REPORTER_FIELDS}
    return {
        "id": str(form["complaint_id"]),
        "title": _text(form.get("title")),
        "content": _text(form.get("content")),
        "classification": form.get("classification") or None,
        "category_id": form.get("category_id") or None,
        "channel": form.get("channel") or Channel.loket.value,
        "incident_date": form.get("incident_date") or None,
        "region_code": form.get("region_code") or None,
        "location_text": _text(form.get("location_text")),
        "reporter": reporter,
        "anonymous": unidentified or bool(form.get("anonymous")),
        "confidential": bool(form.get("confidential")),
        "agency_code": form.get("agency_code") or None,
        **({"letter_ref": dict(form["letter_ref"])} if form.get("letter_ref")
           and form.get("channel") == "surat" else {}),
    }


def validate_form(form: Mapping[str, Any], *, today: date | None = None,
                  category_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Every problem of the form as {field key: Indonesian message}; empty when it is fine."""
    errors: dict[str, str] = {}
    payload = to_payload(form)
    try:
        validate_complaint(payload, today=today, category_ids=category_ids)
    except ValidationError as exc:
        errors.update(exc.errors)
    if payload["channel"] not in FORM_CHANNELS:
        errors["channel"] = "Kanal pengaduan di loket hanya Loket atau Surat."
    ref = payload.get("letter_ref") or {}
    if ref and not str(ref.get("origin") or "").strip():
        errors["letter_origin"] = "Asal surat wajib diisi bila nomor atau tanggal surat diisi."
    problem = check_set(list(form.get("attachments") or ()))
    if problem:
        errors["attachments"] = problem
    return errors
