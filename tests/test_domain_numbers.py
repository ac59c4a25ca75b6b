"""Numbers in messages are written with Indonesian grouping ("10.000", never "10000"),
also in the domain's plain-Python messages the server sends (issue 14.10)."""

from __future__ import annotations

from core.numbers import grouped
from core.validation import CONTENT_MAX, clean_text
from desktop.workflow.canned import BODY_MAX, CannedReply, validate


def test_grouped():
    assert [grouped(n) for n in (0, 999, 1000, 10000, 1234567, -5000)] == [
        "0", "999", "1.000", "10.000", "1.234.567", "-5.000"]


def test_the_max_length_message_groups_thousands():
    errors: dict[str, str] = {}
    clean_text("x" * 20000, "content", "Isi pengaduan", errors, required=True,
               max_len=CONTENT_MAX)
    assert errors["content"] == "Isi pengaduan maksimal 10.000 karakter (saat ini 20.000)."


def test_a_canned_reply_limit_groups_thousands():
    errors = validate([CannedReply(id="r1", title="Judul", body="x" * (BODY_MAX + 1))])
    assert errors == {"0.body": "Isi balasan maksimal 5.000 karakter."}
