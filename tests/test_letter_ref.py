"""Issue 17.6: complaints that arrive by letter (kanal Surat) keep asal, nomor and tanggal
surat (``letter_ref``); the Lembar Disposisi prints "Surat dari / No. Surat / Tgl. Surat"
from them; an Anonim complaint's letter origin reaches no agency role."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from core import (
    WITA,
    Actor,
    DeadlinePolicy,
    Role,
    ValidationError,
    WorkingCalendar,
    apply_op,
    new_complaint,
    redact_for,
)
from desktop.letters import render_disposition
from desktop.letters.models import Disposition, DispositionSheet
from desktop.letters.samples import SAMPLE_QR_KEY, sample_profile, sample_signer

from .test_letters_pdftools import assert_in_order, need_tools, text, write

pytestmark = pytest.mark.dates  # fixed dates only
CAL, POLICY = WorkingCalendar(years=[2026]), DeadlinePolicy()
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=WITA)
LOKET = Actor("loket1", Role.loket, "DINKES", (), "Petugas Loket")
REF = {"origin": "Kepala Desa Sungai Tabuk", "number": "140/27/DS/XI/2026",
       "date": "2026-10-28"}


def create(channel: str = "surat", ref: dict | None = REF, **extra) -> dict:
    payload = new_complaint(title="Jalan desa rusak berat", channel=channel,
                            content="Mohon perbaikan jalan desa yang rusak berat.",
                            classification="pengaduan", agency_code="DINKES",
                            reporter={"name": "Ani"}, letter_ref=ref, **extra)
    return apply_op(None, "create", payload, LOKET, T0, POLICY, CAL).snapshot


def test_letter_ref_kept_for_a_letter_and_refused_elsewhere() -> None:
    assert create()["letter_ref"] == REF
    assert create(ref=None)["letter_ref"] is None
    with pytest.raises(ValidationError) as walk_in:
        create(channel="loket")
    assert "letter_ref" in walk_in.value.errors
    with pytest.raises(ValidationError) as future:
        create(ref={**REF, "date": "2026-11-30"})
    assert "letter_date" in future.value.errors
    with pytest.raises(ValidationError) as nameless:
        create(ref={"number": "1/2026"})
    assert "letter_origin" in nameless.value.errors


def test_an_anonymous_letters_origin_is_hidden_from_agency_roles() -> None:
    snap = create(anonymous=True)
    assert redact_for(snap, Role.admin_instansi)["letter_ref"]["origin"] is None
    assert redact_for(snap, Role.admin_instansi)["letter_ref"]["number"] == REF["number"]
    assert redact_for(snap, Role.admin_pusat)["letter_ref"]["origin"] == REF["origin"]


@need_tools
def test_the_sheet_prints_the_letters_fields(tmp_path: Path) -> None:
    sheet = DispositionSheet.from_snapshot(
        create(), sample_profile(), disposition=Disposition(decided=False),
        signer=sample_signer(), qr_key=SAMPLE_QR_KEY,
        printed_at=datetime(2026, 11, 3, 10, 0, tzinfo=WITA))
    t = " ".join(text(write(tmp_path, "surat", render_disposition(sheet, "a4"))).split())
    assert_in_order(t, ["Surat dari", "Kepala Desa Sungai Tabuk", "No. Surat",
                        "140/27/DS/XI/2026", "Tgl. Surat", "28 Oktober 2026", "Diterima via",
                        "Surat", "No. Laporan"])
