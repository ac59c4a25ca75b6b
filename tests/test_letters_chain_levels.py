"""Issue 17.5: one active Lembar Disposisi per complaint AND chain level. The Kepala Dinas's
sheet and the sheet the Kabid prints for the disposition he received are separate letters
(own agenda numbers, both active); a second print at a level gives that level's letter;
voiding works per level. Real store, real PDFs read back with pdftotext."""

from __future__ import annotations

import base64
from datetime import datetime
from pathlib import Path

import pytest

from core import WITA, Actor, Role
from desktop.printing import (
    LetterError,
    active_letter,
    ensure_agenda_numbers,
    issue_letter,
    letters_for,
    level_for,
    reprint_bytes,
    void_letter,
)
from desktop.screenshots.dispositions import KABID, KADIS, POSITIONS, seed_chain
from desktop.sync.errors import ApiError
from desktop.workflow import chain

from .clocks import office_time
from .test_letters_pdftools import need_tools, text, write
from .test_printing_archive import _add_block, desk_for

pytestmark = [need_tools, pytest.mark.dates]

SEEDED_AT = datetime(2026, 12, 2, 10, 0, tzinfo=WITA)  # the suite's pinned office day
# The Kabid signs in with his real role: petugas_unit issues no letters by role; he prints
# the sheet of the disposition sent to his position (KABID-YANKES) as its holder.
assert KABID.role is Role.petugas_unit


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
    kabid = issue_letter(service, cid, KABID)
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
    again = issue_letter(service, cid, KABID)
    assert again.letter_id == kabid.letter_id and again.sha256 == kabid.sha256
    assert issue_letter(service, cid, KADIS).letter_id == kadis.letter_id
    with service.reading() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM letters").scalar()
    assert count == 2

    # Voiding is per level: the Kadis's sheet goes, the Kabid's stays active.
    void_letter(service, kadis.letter_id, "Salah penandatangan", KADIS)
    assert active_letter(service, cid) is None
    assert active_letter(service, cid, level=received).letter_id == kabid.letter_id
    assert issue_letter(service, cid, KABID).letter_id == kabid.letter_id
    fresh = issue_letter(service, cid, KADIS)  # a new number for the Kadis's level only
    assert fresh.letter_id != kadis.letter_id and fresh.agenda_seq not in (
        kadis.agenda_seq, kabid.agenda_seq)


def test_the_level_travels_with_the_letter_issued_event(chain_desk) -> None:
    """Another desk learns the level from the timeline (the event keeps ``chain_entry``)."""
    service, made = chain_desk
    cid, received = made["ids"][0], made["entries"][0]
    kabid = issue_letter(service, cid, KABID)
    kadis = issue_letter(service, cid, KADIS)
    events = {e["data"].get("letter_id"): e["data"] for e in service.complaint(cid)["timeline"]
              if e["kind"] == "letter_issued"}
    assert events[kabid.letter_id]["chain_entry"] == received
    assert "chain_entry" not in events[kadis.letter_id]
    from desktop.printing.archive import _timeline_letters

    remote = {r.letter_id: r.chain_entry for r in _timeline_letters(service.complaint(cid))}
    assert remote == {kabid.letter_id: received, kadis.letter_id: None}


def test_the_kabid_acts_through_his_position_only(chain_desk) -> None:
    """His queued ops carry the ``acting_for`` core trusts (the server resolves it again);
    he voids his own level's sheet, not the Kadis's; an officer of his role without a
    disposition to a position he holds is refused as before."""
    service, made = chain_desk
    cid, received = made["ids"][0], made["entries"][0]
    kadis = issue_letter(service, cid, KADIS)
    kabid = issue_letter(service, cid, KABID)
    queued = {(o["kind"], o["payload"].get("letter_id")): o["payload"]
              for o in service.outbox(complaint_id=cid)}
    assert queued[("letter_issued", kabid.letter_id)]["acting_for"] == "KABID-YANKES"
    assert "acting_for" not in queued[("letter_issued", kadis.letter_id)]  # by role
    with pytest.raises(LetterError) as refused:
        void_letter(service, kadis.letter_id, "Salah penandatangan", KABID)
    assert refused.value.code == "forbidden"
    void_letter(service, kabid.letter_id, "Salah cetak nomor", KABID)
    assert active_letter(service, cid, level=received) is None
    assert active_letter(service, cid).letter_id == kadis.letter_id
    voids = [o["payload"] for o in service.outbox(complaint_id=cid)
             if o["kind"] == "letter_voided"]
    assert voids[-1]["acting_for"] == "KABID-YANKES"

    # The Kabid of a sibling bidang, same role, got only a tembusan: nothing to print.
    p2p = Actor("dinkes.p2p", Role.petugas_unit, "DINKES", ("YANKES",), "Kabid P2P")
    with pytest.raises(LetterError) as none:
        issue_letter(service, cid, p2p)
    assert none.value.code == "forbidden"
    # The second complaint's disposition is unread but his: he prints it too.
    assert issue_letter(service, made["ids"][1], KABID).chain_entry == made["entries"][1]


def test_a_plt_named_later_prints_the_level(chain_desk) -> None:
    """A Plt. of the Kabid named after the disposition was sent (not among its recipients)
    holds the position today: his sheet is the Kabid's level."""
    service, made = chain_desk
    cid, received = made["ids"][0], made["entries"][0]
    plt = Actor("dinkes.loket", Role.loket, "DINKES", (), "Plt. Kabid")
    assert level_for(service, cid, plt.username) is None
    with pytest.raises(LetterError):
        issue_letter(service, cid, plt)
    rows = {f"DINKES/{p['code']}": dict(p) for p in POSITIONS}
    rows["DINKES/KABID-YANKES"]["actings"] = [{"username": plt.username, "kind": "plt",
                                               "start": "2026-12-01", "end": "2026-12-31"}]
    service.set_sync_state(chain.POSITIONS_KEY, rows)
    assert level_for(service, cid, plt.username) == received
    assert issue_letter(service, cid, plt).chain_entry == received


class _Client:
    """The sync client's ``reserve_agenda``: a block, or the server's 403."""

    def __init__(self, refuse: bool) -> None:
        self.refuse, self.calls = refuse, 0

    def reserve_agenda(self, year: int, count: int) -> dict:
        self.calls += 1
        if self.refuse:
            raise ApiError(403, "forbidden", "Peran Anda tidak menerbitkan surat.")
        start = 100 * self.calls
        return {"agency": "DINKES", "year": year, "start": start, "end": start + count - 1,
                "block_id": f"b{self.calls}", "qr_key_id": "v1",
                "qr_key": base64.b64encode(bytes(range(32))).decode()}


def test_the_kabids_desk_tops_up_agenda_numbers(chain_desk) -> None:
    service, _ = chain_desk
    service.set_actor(KABID)
    refused = _Client(refuse=True)  # the server's structure says otherwise: quiet
    report = ensure_agenda_numbers(service, refused, low_water=50, block_size=50)
    assert refused.calls == 1 and report.skipped == "role" and report.reserved == []
    granted = _Client(refuse=False)
    report = ensure_agenda_numbers(service, granted, low_water=50, block_size=50)
    assert granted.calls == 1 and len(report.reserved) == 1 and report.skipped is None
    assert report.qr_key_id and report.free[2026] == 60
    service.set_actor(Actor("dinkes.staf", Role.petugas_unit, "DINKES", ("YANKES",), "Staf"))
    nobody = _Client(refuse=False)  # no position, no letter role: never asks
    assert ensure_agenda_numbers(service, nobody).skipped == "role" and nobody.calls == 0


def test_lapor_desk_letter_as_the_kabid(chain_desk, tmp_path: Path, capsys) -> None:
    """``lapor-desk letter`` signed in as the Kabid (petugas_unit) issues his level's sheet;
    for a complaint no disposition of his reached, it is refused as for his role before."""
    from desktop import cli

    service, made = chain_desk
    service.set_actor(KABID)
    data_dir = str(service.data_dir)
    out = tmp_path / "kabid.pdf"
    assert cli.main(["--data-dir", data_dir, "letter", made["ids"][0], "--out", str(out)]) == 0
    assert "Diterbitkan" in capsys.readouterr().out
    issued = active_letter(service, made["ids"][0], level=made["entries"][0])
    assert issued is not None and issued.issued_by == KABID.username
    assert "Disposisi sebelumnya" in _flat(tmp_path, "cli", out.read_bytes())
    # The third disposition was withdrawn before he read it: nothing of his to print.
    assert cli.main(["--data-dir", data_dir, "letter", made["ids"][2], "--out",
                     str(tmp_path / "none.pdf")]) == 1
    assert "Peran Anda tidak menerbitkan" in capsys.readouterr().err


def test_print_dialog_batch_issues_the_kabids_sheets_past_a_refusal(chain_desk) -> None:
    """Cetak Disposisi's batch for several complaints: a refusal is per complaint now (the
    withdrawn one), the Kabid's other sheets are still issued."""
    from desktop.printing import IssueOptions
    from desktop.views.letters import jobs

    service, made = chain_desk
    service.set_actor(KABID)
    ids = [made["ids"][2], made["ids"][0], made["ids"][1]]  # the refused one first
    loaded = jobs.load(service, ids)
    assert [i.level for i in loaded.items] == [None, made["entries"][0], made["entries"][1]]
    result = jobs.issue_many(service, loaded.items, IssueOptions())
    assert [r.chain_entry for r in result.issued] == made["entries"][:2]
    assert len(result.errors) == 1 and "Peran Anda" in result.errors[0][1]
