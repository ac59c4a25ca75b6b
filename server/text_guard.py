"""Text the databases cannot store is refused at the door, for every endpoint at once.

PostgreSQL ``text`` cannot hold U+0000 (psycopg raises ``DataError``), and no UTF-8 store
takes a lone UTF-16 surrogate (JSON can carry one as ``"\\ud800"``). Rather than guard each
field that reaches a query, one app-wide dependency looks at the request's path, query
parameters and JSON body before any route code runs, and answers ``422 invalid`` with the
offending locations (``details``: ``{"loc", "msg", "type"}``, never the input), the same
shape as any other invalid field. Headers need no check: HTTP forbids NUL in them.

The JSON body is the one FastAPI already read (Starlette caches it on the request). Only a
body holding a ``\\u0000`` or ``\\ud800``-``\\udfff`` escape is parsed again and walked,
since raw NUL and raw surrogate bytes are not valid JSON in the first place; so an ordinary
push costs one byte scan.
"""

from __future__ import annotations

import email.message
import json
import re
from collections.abc import Iterator
from typing import Any

from fastapi import Request

from core.validation import unstorable_text
from server.errors import ApiError

MAX_DETAILS = 20
ERROR_TYPE = "string_unstorable"
# A JSON escape that may stand for NUL or half of a surrogate pair (the walk decides).
_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")


def _json_content(content_type: str | None) -> bool:
    """Would FastAPI read this body as JSON? (no type, ``application/json``, ``*+json``)"""
    if not content_type:
        return True
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json"))


def _walk(value: Any, loc: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    if isinstance(value, str):
        problem = unstorable_text(value)
        if problem:
            yield loc, problem
    elif isinstance(value, dict):
        for key, item in value.items():
            problem = unstorable_text(key)
            # A bad key is reported by position; the key itself must not be echoed.
            if problem:
                yield [*loc, "<kunci>"], problem
            else:
                yield from _walk(item, [*loc, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, [*loc, index])


def _problems(path: str, query: list[tuple[str, str]], body: Any) -> Iterator[dict[str, Any]]:
    problem = unstorable_text(path)
    if problem:
        yield {"loc": ["path"], "msg": problem, "type": ERROR_TYPE}
    for name, value in query:
        problem = unstorable_text(name) or unstorable_text(value)
        if problem:
            yield {"loc": ["query", name if not unstorable_text(name) else "<nama>"],
                   "msg": problem, "type": ERROR_TYPE}
    if body is not None:
        for loc, problem in _walk(body, ["body"]):
            yield {"loc": loc, "msg": problem, "type": ERROR_TYPE}


async def refuse_unstorable_text(request: Request) -> None:
    """App-wide dependency: 422 when the path, a query parameter or the JSON body holds a
    character no database column can store (see the module docstring)."""
    body: Any = None
    route = request.scope.get("route")
    # Only routes with a declared body: FastAPI has read theirs already (cached on the
    # request), and a route that streams its own body (attachments) is left alone.
    if getattr(route, "body_field", None) is not None \
            and _json_content(request.headers.get("content-type")):
        raw = await request.body()
        if _SUSPECT_ESCAPE.search(raw):
            try:
                body = json.loads(raw)
            except ValueError:  # not JSON: the route's own parsing answers 400
                body = None
    found = []
    for item in _problems(request.url.path, request.query_params.multi_items(), body):
        found.append(item)
        if len(found) >= MAX_DETAILS:
            break
    if found:
        raise ApiError(422, "invalid", "Data yang dikirim berisi karakter yang tidak dapat "
                                       "disimpan (NUL atau surrogate tunggal).", found)
