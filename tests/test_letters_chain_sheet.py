"""Issue 17: the Lembar Disposisi for a level of the chain lists the dispositions above it
(who to whom, when, which instructions, deadline; never a catatan), read back from the
real PDF with pdftotext."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from desktop.letters import render_disposition
from desktop.letters.models import Disposition, DispositionSheet
from desktop.letters.samples import (
    SAMPLE_QR_KEY,
    WITA,
    sample_profile,
    sample_signer,
    sample_snapshot,
)

from .test_letters_pdftools import assert_in_order, need_tools, text, write

pytestmark = need_tools

E1, E2, E3 = "e1", "e2", "e3"
CHAIN = [
    {"id": E1, "parent_id": None, "from_position": "KADIS", "from_title": "Kepala Dinas",
     "by": "kadis", "by_name": "dr. Ahmad", "to_position": "KABID", "to_title": "Kepala Bidang "
     "Pelayanan Kesehatan", "to_users": ["kabid"], "tembusan": False,
     "instructions": ["Proses lebih lanjut"], "catatan": "RAHASIA-KADIS",
     "due_date": "2026-11-30", "sent_at": "2026-11-23T09:00:00+08:00", "state": "read"},
    {"id": "t1", "parent_id": None, "from_position": "KADIS", "from_title": "Kepala Dinas",
     "by": "kadis", "to_position": "SEK", "to_title": "Sekretaris", "to_users": ["sek"],
     "tembusan": True, "instructions": [], "sent_at": "2026-11-23T09:00:00+08:00",
     "state": "sent"},
    {"id": E2, "parent_id": E1, "from_position": "KABID", "from_title": "Kepala Bidang "
     "Pelayanan Kesehatan", "by": "kabid", "by_name": "Budi", "to_position": "KASI",
     "to_title": "Kepala Seksi Rujukan", "to_users": ["kasi"], "tembusan": False,
     "instructions": ["Koordinasikan"], "catatan": None, "due_date": "2026-11-27",
     "sent_at": "2026-11-24T08:00:00+08:00", "state": "read"},
    {"id": E3, "parent_id": E2, "from_position": "KASI", "to_position": "STAF",
     "to_title": "Pelaksana", "to_users": ["staf"], "sent_at": "2026-11-25T08:00:00+08:00",
     "state": "sent", "instructions": []},
]


def sheet_for(entry: str | None) -> DispositionSheet:
    return DispositionSheet.from_snapshot(
        sample_snapshot(chain=CHAIN), sample_profile(),
        disposition=Disposition(decided=False), signer=sample_signer(), qr_key=SAMPLE_QR_KEY,
        printed_at=datetime(2026, 11, 24, 10, 0, tzinfo=WITA), chain_entry=entry)


def test_the_kasis_sheet_shows_the_two_dispositions_above(tmp_path: Path) -> None:
    sheet = sheet_for(E2)
    assert [line.recipient for line in sheet.chain_above] == [
        "Kepala Bidang Pelayanan Kesehatan", "Kepala Seksi Rujukan"]
    assert sheet.chain_above[0].deadline == date(2026, 11, 30)
    t = " ".join(text(write(tmp_path, "kasi", render_disposition(sheet, "a4"))).split())
    assert_in_order(t, ["Perihal", "Disposisi sebelumnya",
                        "1. 23 November 2026: Kepala Dinas (dr. Ahmad) kepada Kepala Bidang",
                        "Proses lebih lanjut", "batas waktu 30 November 2026",
                        "2. 24 November 2026: Kepala Bidang Pelayanan Kesehatan (Budi) kepada",
                        "Kepala Seksi Rujukan", "Koordinasikan", "Diteruskan kepada"])
    assert "RAHASIA-KADIS" not in t and "Sekretaris" not in t  # no catatan, no tembusan
    assert "Pelaksana" not in t  # below this level


def test_without_a_chain_entry_the_sheet_is_as_before(tmp_path: Path) -> None:
    sheet = sheet_for(None)
    assert sheet.chain_above == ()
    assert replace(sheet, chain_above=sheet_for(E1).chain_above).chain_above
    t = text(write(tmp_path, "plain", render_disposition(sheet, "a4")))
    assert "Disposisi sebelumnya" not in t


def test_a_preview_by_the_kabid_shows_the_kadis_disposition_above(tmp_path: Path) -> None:
    from desktop.printing.archive import preview_letter
    from desktop.screenshots.dispositions import KABID, KADIS, seed_chain
    from desktop.store import DeskService

    from .test_letters_pdftools import text as pdf_text

    with DeskService(tmp_path / "desk") as service:
        made = seed_chain(service)
        for actor, shows in ((KABID, True), (KADIS, False)):
            service.set_actor(actor)
            pdf = preview_letter(service, made["ids"][0])
            t = " ".join(pdf_text(write(tmp_path, actor.username, pdf)).split())
            assert ("Disposisi sebelumnya" in t) is shows, actor.username
            if shows:
                assert "Kepala Dinas Kesehatan (dr. H. Ahmad Fauzi) kepada Kepala Bidang" in t
