"""Schemathesis hooks for tests/test_server_fuzz.py (loaded through ``SCHEMATHESIS_HOOKS``).

Generation from the OpenAPI document alone rarely reaches what once answered 500: a push
``payload`` is a free-form object, so a ``letter_issued`` with ``agenda_number: "²"`` on a
real complaint is never drawn, and a NUL is seldom in the one query value a route reads.
These hooks steer the fuzzing and stateful phases there, leaving the rest of the generation
as it is:

- any generated path parameter, query parameter or JSON body may get one of its strings
  salted with a hostile character (NUL, Unicode digits, ...), or one of its numbers swapped
  for a boolean, a huge integer or Unicode digits;
- ``/sync/push`` bodies are often replaced by batches of ops of every kind on the seeded
  complaints, whose payloads mix realistic and hostile values for the fields
  ``core.apply_op`` and the server read;
- ``/complaints/{id}`` often names a seeded complaint by id or tracking number;
- ``/letters/verify`` often gets a correctly signed sheet payload (the test hands over the
  QR secret) naming a recorded letter and a hostile complaint number; so does the page a
  sheet's QR code opens, ``/letters/v/{code}``, in the URL form of the payload.

What the test knows about the seeded server arrives in ``LAPOR_FUZZ_CONTEXT`` (JSON).
"""

from __future__ import annotations

import copy
import json
import os
import uuid
from collections.abc import Iterator
from typing import Any

import schemathesis
from hypothesis import strategies as st

from core import OpKind
from core.qr_payload import make_qr_payload
from server.qr_keys import derive

CONTEXT: dict[str, Any] = json.loads(os.environ.get("LAPOR_FUZZ_CONTEXT") or "{}")
COMPLAINTS: list[str] = CONTEXT.get("complaints") or [str(uuid.UUID(int=1))]
TRACKING: list[int] = CONTEXT.get("tracking_numbers") or [2000001]
AGENDA_TEXTS: list[str] = CONTEXT.get("agenda_texts") or ["001/DISP/DINKES/XII/2026"]
QR_SECRET: str = CONTEXT.get("qr_secret") or ""
AGENCIES = ["DINKES", "PUPR", "DISKOMINFO", "DINKES\x00", "", "²"]

# Hostile characters for any text. No lone surrogates: schemathesis re-validates a body it
# links values into during its stateful phase and cannot encode one (it errors out); they
# are sent by tests/test_server_hostile_text.py instead.
HOSTILE_CHARS = ["\x00", "²", "①", "٣", "１", "𝟗", "\u202e", "\ufeff", "\u0085", "%00"]
# Values a number is swapped for. None of them is a valid number anywhere in the API, so a
# case schemathesis generated as invalid stays invalid (its negative_data_rejection check).
SALT_NUMBERS: list[Any] = [True, False, 10**30, -(10**30), 2.5, "²", "1²", "①", "٣", "２０２６",
                           "9" * 40]
# Payload values may also be valid ones: payloads are free-form in the schema.
HOSTILE_NUMBERS: list[Any] = [*SALT_NUMBERS, -1, 0, " 7 ", "", None, [], {}]

PUSH = "/api/v1/sync/push"
COMPLAINT = "/api/v1/complaints/{complaint_id}"
VERIFY = "/api/v1/letters/verify"
VERIFY_LINK = "/api/v1/letters/v/{code}"  # what a sheet's QR code opens


def _path_of(ctx: Any) -> str:
    operation = getattr(ctx, "operation", None)
    return getattr(operation, "path", "") or ""


# --- salting generated values -------------------------------------------------------------

def _leaves(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    elif isinstance(value, str | int | float) and not isinstance(value, bool) and value != "" \
            and path:
        yield path, value


def _salted(value: Any, path: tuple, extra: Any, position: int) -> Any:
    out = copy.deepcopy(value)
    holder = out
    for key in path[:-1]:
        holder = holder[key]
    old = holder[path[-1]]
    if isinstance(old, str):
        cut = position % (len(old) + 1)
        holder[path[-1]] = old[:cut] + str(extra) + old[cut:]
    else:
        holder[path[-1]] = extra
    return out


def _salt(value: Any, chars: list[str]) -> st.SearchStrategy:
    """``value`` unchanged, or with one leaf salted: a hostile character inserted into a
    (non-empty) string, or a number swapped for a value that is no number. Either way an
    invalid value stays invalid."""
    leaves = list(_leaves(value))
    if not leaves:
        return st.just(value)
    text_leaves = [p for p, v in leaves if isinstance(v, str)]
    number_leaves = [p for p, v in leaves if not isinstance(v, str)]
    options = [st.just(value)]
    if text_leaves:
        options.append(st.builds(_salted, st.just(value), st.sampled_from(text_leaves),
                                 st.sampled_from(chars), st.integers(0, 64)))
    if number_leaves:
        options.append(st.builds(_salted, st.just(value), st.sampled_from(number_leaves),
                                 st.sampled_from(SALT_NUMBERS), st.just(0)))
    return st.one_of(options)


# --- push batches on real complaints ----------------------------------------------------------

TEXTS = st.one_of(
    st.sampled_from(["Mohon segera ditindaklanjuti.", "Catatan", "YANKES", "kesehatan",
                     "045/DISP/DINKES/XII/2026", "2026-12-02", "2026-12-02T10:00:00+08:00"]),
    st.text(max_size=24),
    st.lists(st.sampled_from([*HOSTILE_CHARS, "a", "1", " "]),
             max_size=6).map("".join),
)
VALUES = st.one_of(TEXTS, st.sampled_from(HOSTILE_NUMBERS), st.integers(),
                   st.lists(TEXTS, max_size=3), st.booleans(),
                   st.dictionaries(st.sampled_from(["name", "nik", "phone"]), TEXTS, max_size=3))
PAYLOAD_KEYS = [
    "title", "content", "classification", "category_id", "channel", "incident_date",
    "region_code", "location_text", "reporter", "anonymous", "confidential", "agency_code",
    "sifat", "tags", "provisional_number", "received_at", "note", "unit_codes", "instructions",
    "due_date", "text", "visibility", "reason", "suggested_agency_code", "sha256", "filename",
    "mime", "size", "letter_id", "letter_kind", "agenda_number", "agenda_year", "agenda_text",
    "duplicate_of", "auto", "resume", "id", "tracking_number",
]
KINDS = [kind.value for kind in OpKind]


def _op() -> st.SearchStrategy:
    return st.fixed_dictionaries({
        "op_id": st.uuids().map(str),
        "complaint_id": st.one_of(st.sampled_from(COMPLAINTS), st.uuids().map(str)),
        "base_version": st.one_of(st.none(), st.integers(0, 12)),
        "kind": st.sampled_from(KINDS),
        "payload": st.dictionaries(st.sampled_from(PAYLOAD_KEYS), VALUES, max_size=7),
    })


PUSH_BODIES = st.builds(lambda ops: {"ops": ops}, st.lists(_op(), min_size=1, max_size=6))


# --- signed letter payloads ------------------------------------------------------------------

def _signed(agency: str, agenda: str, number: str) -> str:
    try:
        return make_qr_payload(agency, agenda, number, derive(QR_SECRET.encode(), "v1", agency))
    except ValueError:  # a field too long for a QR code
        return make_qr_payload("DINKES", AGENDA_TEXTS[0], "1",
                               derive(QR_SECRET.encode(), "v1", "DINKES"))


NUMBER_TEXTS = st.one_of(st.sampled_from([str(n) for n in TRACKING]),
                         st.sampled_from(["²", "1²", "①", "٣", "2000001²", "", "0", "9" * 30]),
                         TEXTS)
SIGNED_PAYLOADS = st.builds(_signed, st.sampled_from(AGENCIES[:3]),
                            st.one_of(st.sampled_from(AGENDA_TEXTS), TEXTS), NUMBER_TEXTS)


# --- the hooks -------------------------------------------------------------------------------

def _valid_push(body: Any) -> bool:
    """Did schemathesis mean this body to be valid? Only such a body may be swapped for one
    of ours (a valid one), so that an invalid case is still answered 4xx."""
    from pydantic import ValidationError

    from server.schemas import PushIn

    try:
        PushIn.model_validate_json(json.dumps(body))  # as the server reads it
    except (ValidationError, TypeError, ValueError):
        return False
    return True


@schemathesis.hook
def flatmap_body(ctx: Any, body: Any) -> st.SearchStrategy:
    if _path_of(ctx) == PUSH:
        salted = _salt(body, HOSTILE_CHARS)
        if not _valid_push(body):
            return salted
        return st.one_of(PUSH_BODIES, PUSH_BODIES.flatmap(lambda b: _salt(b, HOSTILE_CHARS)),
                         salted)
    if isinstance(body, dict | list):
        return _salt(body, HOSTILE_CHARS)
    return st.just(body)


@schemathesis.hook
def flatmap_query(ctx: Any, query: Any) -> st.SearchStrategy:
    if not isinstance(query, dict):
        return st.just(query)
    if _path_of(ctx) == VERIFY and QR_SECRET:
        return st.one_of(_salt(query, HOSTILE_CHARS),
                         SIGNED_PAYLOADS.map(lambda p: {**query, "payload": p}))
    return _salt(query, HOSTILE_CHARS)


@schemathesis.hook
def flatmap_path_parameters(ctx: Any, params: Any) -> st.SearchStrategy:
    if not isinstance(params, dict):
        return st.just(params)
    if _path_of(ctx) == COMPLAINT:
        known = st.sampled_from([*COMPLAINTS, *map(str, TRACKING)])
        return st.one_of(_salt(params, HOSTILE_CHARS),
                         known.flatmap(lambda key: _salt({"complaint_id": key}, HOSTILE_CHARS)))
    if _path_of(ctx) == VERIFY_LINK and QR_SECRET:
        return st.one_of(_salt(params, HOSTILE_CHARS), SIGNED_PAYLOADS.map(
            lambda p: {**params, "code": p.replace("|", "*")}))
    return _salt(params, HOSTILE_CHARS)
