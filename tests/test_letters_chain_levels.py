"""Issue 17.5: one active Lembar Disposisi per complaint AND chain level. The Kepala Dinas's
sheet and the sheet the Kabid prints for the disposition he received are separate letters
(own agenda numbers, both active); a second print at a level gives that level's letter;
voiding works per level. Real store, real PDFs read back with pdftotext."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from core import WITA, Role
from desktop.printing import (
    active_letter,
    issue_letter,
    letters_for,
    level_for,
    reprint_bytes,
    void_letter,
)
from desktop.screenshots.dispositions import KABID, KADIS, seed_chain

from .clocks import office_time
from .test_letters_pdftools import need_tools, text, write
from .test_printing_archive import _add_block, desk_for

pytestmark = [need_tools, pytest.mark.dates]

SEEDED_AT = datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # the suite's pinned office day
# The Kabid signs in with a role that issues letters (role rules are unchanged here).
KABID_LEADER = replace(KABID, role=Role.pimpinan)


@pytest.fixture
def chain_desk(tmp_path: Path):
    with office_time(SEEDED_AT):
        service = desk_for(tmp_path / "desk")
        made = seed_chain(service)
        _add_block(service, 1, 10)
        yield service, made
        service.close()


def _flat(tmp_path: Path, name: str, pdf: bytes) -> str:
    return " ".join(text(write(tmp_path, name, pdf)).split())


def test_kadis_and_kabid_each_hold_an_active_sheet(chain_desk, tmp_path: Path) -> None:
    service, made = chain_desk
    cid, received = made["ids"][0], made["entries"][0]
    assert level_for(service, cid, KADIS.username) is None
    assert level_for(service, cid, KABID.username) == received

    kadis = issue_letter(service, cid, KADIS)
    kabid = issue_letter(service, cid, KABID_LEADER)
    assert kabid.letter_id != kadis.letter_id
    assert kadis.chain_entry is None and kabid.chain_entry == received
    assert kadis.agenda_seq != kabid.agenda_seq
    assert kadis.agenda_number != kabid.agenda_number
    assert [r.letter_id for r in letters_for(service, cid) if r.active] == [
        kadis.letter_id, kabid.letter_id]
    assert active_letter(service, cid).letter_id == kadis.letter_id
    assert active_letter(service, cid, level=received).letter_id == kabid.letter_id

    kabid_text = _flat(tmp_path, "kabid", reprint_bytes(service, kabid.letter_id))
    assert kabid.agenda_number in kabid_text
    assert "Disposisi sebelumnya" in kabid_text
    assert "Kepala Dinas Kesehatan (dr. H. Ahmad Fauzi) kepada Kepala Bidang" in kabid_text
    assert "Segera cek lapangan" not in kabid_text  # a catatan never goes on paper
    kadis_text = _flat(tmp_path, "kadis", reprint_bytes(service, kadis.letter_id))
    assert "Disposisi sebelumnya" not in kadis_text

    # A second print at a level is that level's letter: same number, same bytes.
    again = issue_letter(service, cid, KABID_LEADER)
    assert again.letter_id == kabid.letter_id and again.sha256 == kabid.sha256
    assert issue_letter(service, cid, KADIS).letter_id == kadis.letter_id
    with service.reading() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM letters").scalar()
    assert count == 2

    # Voiding is per level: the Kadis's sheet goes, the Kabid's stays active.
    void_letter(service, kadis.letter_id, "Salah penandatangan", KADIS)
    assert active_letter(service, cid) is None
    assert active_letter(service, cid, level=received).letter_id == kabid.letter_id
    assert issue_letter(service, cid, KABID_LEADER).letter_id == kabid.letter_id
    fresh = issue_letter(service, cid, KADIS)  # a new number for the Kadis's level only
    assert fresh.letter_id != kadis.letter_id and fresh.agenda_seq not in (
        kadis.agenda_seq, kabid.agenda_seq)


def test_the_level_travels_with_the_letter_issued_event(chain_desk) -> None:
    """Another desk learns the level from the timeline (the event keeps ``chain_entry``)."""
    service, made = chain_desk
    cid, received = made["ids"][0], made["entries"][0]
    kabid = issue_letter(service, cid, KABID_LEADER)
    kadis = issue_letter(service, cid, KADIS)
    events = {e["data"].get("letter_id"): e["data"] for e in service.complaint(cid)["timeline"]
              if e["kind"] == "letter_issued"}
    assert events[kabid.letter_id]["chain_entry"] == received
    assert "chain_entry" not in events[kadis.letter_id]
    from desktop.printing.archive import _timeline_letters

    remote = {r.letter_id: r.chain_entry for r in _timeline_letters(service.complaint(cid))}
    assert remote == {kabid.letter_id: received, kadis.letter_id: None}
