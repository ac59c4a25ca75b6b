"""Numbers from outside are read from ASCII digits only, booleans are never integers, and
text no database can store is refused (issue 13): the domain's helpers and their desk users."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.validation import (
    clean_tags,
    clean_text,
    is_ascii_digits,
    is_int,
    parse_int,
    unstorable_text,
)
from desktop.sync.retry import parse_retry_after

HOSTILE_DIGITS = ["²", "①", "1²", "٣", "１２", "²⁰²⁶", "𝟗", "", " ", "-1", "+1", "1_000", "1.0"]


@pytest.mark.parametrize("text", HOSTILE_DIGITS)
def test_only_ascii_digits_are_numbers(text: str) -> None:
    assert parse_int(text) is None
    assert not is_ascii_digits(text.strip())


@pytest.mark.parametrize(("value", "expected"), [
    ("0", 0), ("007", 7), (" 42 ", 42), (42, 42), (-3, -3), ("9" * 18, 10**18 - 1),
    ("9" * 19, None), (10**18, None), (True, None), (False, None), (1.0, None),
    (None, None), ([1], None), ({"a": 1}, None),
])
def test_parse_int(value: Any, expected: int | None) -> None:
    assert parse_int(value) == expected


def test_parse_int_digit_limit() -> None:
    assert parse_int("123456789", max_digits=9) == 123456789
    assert parse_int("1234567890", max_digits=9) is None
    assert parse_int(10**9, max_digits=9) is None


def test_booleans_are_not_integers() -> None:
    assert is_int(0) and is_int(-1) and is_int(10**40)
    assert not is_int(True) and not is_int(False) and not is_int(1.0) and not is_int("1")


@pytest.mark.parametrize("text", ["a\x00", "\x00", "x\ud800", "\udfff", "\ud83d"])
def test_unstorable_text(text: str) -> None:
    assert unstorable_text(text)


@pytest.mark.parametrize("text", ["", "biasa", "emoji 😀", "\\u0000", "tab\tbaris\n", "ß²①"])
def test_storable_text(text: str) -> None:
    assert unstorable_text(text) is None


def test_clean_text_and_tags_refuse_unstorable_characters() -> None:
    errors: dict[str, str] = {}
    assert clean_text("Catatan\x00", "note", "Catatan", errors, required=True) is None
    assert "note" in errors and "Catatan" in errors["note"]
    errors = {}
    assert clean_tags(["baik", "bu\ud800ruk"], errors) == []
    assert "tags" in errors


@pytest.mark.parametrize("header", ["²", "①", "٣"])
def test_retry_after_with_unicode_digits_is_ignored(header: str) -> None:
    assert parse_retry_after(header) is None
    assert parse_retry_after("12") == 12.0


def test_desk_lookup_by_number_with_unicode_digits(tmp_path: Path) -> None:
    from desktop.store import DeskService

    with DeskService(tmp_path / "desk") as service:
        for text in ("²", "#①", "1²", "٣"):
            assert service.complaint_by_number(text) is None
