"""Pure parts of desktop.letters: dates, NIP, QR checksum, sheet data from a snapshot."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.letters import (
    ANONYMOUS,
    Disposition,
    DispositionSheet,
    Receipt,
    format_date_id,
    format_datetime_id,
    format_nip,
    get_paper,
    make_qr_payload,
    parse_qr_payload,
    verify_qr_payload,
)
from desktop.letters.samples import WITA, sample_profile, sample_snapshot

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

KEY = b"kunci-uji"


def test_indonesian_dates() -> None:
    assert format_date_id(date(2026, 11, 28)) == "28 November 2026"
    assert format_date_id(date(2026, 1, 1), weekday=True) == "Kamis, 1 Januari 2026"
    assert format_date_id(None) == "-"
    dt = datetime(2026, 11, 28, 9, 5, tzinfo=WITA)
    assert format_datetime_id(dt) == "28 November 2026 pukul 09.05 WITA"
    wib = datetime(2026, 2, 3, 14, 30, tzinfo=timezone(timedelta(hours=7)))
    assert format_datetime_id(wib).endswith("14.30 WIB")
    other = datetime(2026, 2, 3, 14, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert format_datetime_id(other).endswith("UTC+05:30")


def test_nip_grouped_8_6_1_3() -> None:
    assert format_nip("197001011995031002") == "19700101 199503 1 002"
    assert format_nip(" 19700101 199503 1 002 ") == "19700101 199503 1 002"
    assert format_nip("12345") == "12345"  # not a NIP: printed as given
    assert format_nip("") == ""


def test_qr_payload_round_trip_and_tamper() -> None:
    payload = make_qr_payload("DINKES", "045/DISP/DINKES/XI/2026", 1916449, KEY)
    assert payload.startswith("LPD1|DINKES|045/DISP/DINKES/XI/2026|1916449|")
    assert verify_qr_payload(payload, KEY)
    assert verify_qr_payload(payload, KEY.decode())  # str and bytes keys agree
    fields = parse_qr_payload(payload)
    assert fields is not None and fields.complaint_number == "1916449"

    forged = payload.replace("|1916449|", "|1916450|")
    assert parse_qr_payload(forged) is not None
    assert not verify_qr_payload(forged, KEY)
    assert not verify_qr_payload(payload, b"kunci-lain")
    tag = payload.rsplit("|", 1)[1]
    flipped = payload[:-1] + ("A" if tag[-1] != "A" else "B")
    assert not verify_qr_payload(flipped, KEY)
    for junk in ("", "LPD1|a|b", "XXX1|a|b|c|d", payload + "|x", "LPD1|a|b|c|"):
        assert not verify_qr_payload(junk, KEY)
    with pytest.raises(ValueError):
        make_qr_payload("A", "B", "C", b"")


def test_qr_payload_fields_cannot_shift() -> None:
    # A separator inside a field is encoded, so "A|B" + "C" is not "A" + "B|C".
    p1 = make_qr_payload("A|B", "C", "1", KEY)
    p2 = make_qr_payload("A", "B|C", "1", KEY)
    assert p1 != p2
    assert parse_qr_payload(p1).agency_code == "A|B"
    assert verify_qr_payload(p1, KEY) and verify_qr_payload(p2, KEY)


def test_from_snapshot_anonymous_never_carries_reporter() -> None:
    snap = sample_snapshot(anonymous=True, confidential=True)  # reporter still in the dict
    sheet = DispositionSheet.from_snapshot(
        snap, sample_profile(), disposition=Disposition(), qr_key=KEY,
        printed_at=datetime(2026, 11, 23, 10, 0, tzinfo=WITA),
    )
    assert sheet.reporter_name is None
    assert sheet.reporter_display == ANONYMOUS
    assert sheet.source == "LAPOR! Paman \u2013 Loket"
    assert sheet.is_secret and "rahasia" in sheet.ticked_sifat and "segera" in sheet.ticked_sifat
    # Even a hand-built sheet with a name prints Anonim when anonymous.
    from dataclasses import replace

    assert replace(sheet, reporter_name="Siti").reporter_display == ANONYMOUS

    receipt = Receipt.from_snapshot(snap, sample_profile(), officer_name="Rina",
                                    printed_at=datetime(2026, 11, 20, tzinfo=WITA))
    assert receipt.reporter_name is None and receipt.reporter_display == ANONYMOUS


def test_from_snapshot_fields() -> None:
    sheet = DispositionSheet.from_snapshot(
        sample_snapshot(), sample_profile(),
        disposition=Disposition(units=["Bidang A", " ", "Bidang B"], working_days=5),
        agenda_number="001", qr_key=KEY, printed_at=datetime(2026, 11, 23, tzinfo=WITA),
    )
    assert sheet.complaint_number == "1916449" and not sheet.provisional
    assert sheet.complaint_date == date(2026, 11, 20)
    assert sheet.received_on == date(2026, 11, 20)
    assert sheet.disposition.units == ("Bidang A", "Bidang B")
    assert sheet.disposition.deadline == date(2026, 11, 30)  # from due_date
    assert sheet.sifat == "segera"  # from the snapshot
    assert sheet.reporter_display == "Siti Rahmah"
    assert KEY.decode() not in repr(sheet)  # the QR key never lands in a log line

    provisional = DispositionSheet.from_snapshot(
        sample_snapshot(tracking_number=None, sifat=None, received_at="rusak"),
        sample_profile(), disposition=Disposition(sifat="Sangat Segera"), qr_key=KEY,
        printed_at=datetime(2026, 11, 23, tzinfo=WITA),
    )
    assert provisional.complaint_number == "L-D1-20261120-0007" and provisional.provisional
    assert provisional.sifat == "sangat_segera"
    assert provisional.complaint_date is None  # unreadable date prints as "-"


def test_bad_settings_give_indonesian_errors() -> None:
    with pytest.raises(ValueError, match="Ukuran kertas tidak dikenal"):
        get_paper("letter")
    assert get_paper("Folio").key == "f4"
    assert get_paper("half_folio").key == "half"
    with pytest.raises(ValueError, match="Sifat tidak dikenal"):
        Disposition(sifat="kilat")
    with pytest.raises(ValueError, match="Kop surat"):
        type(sample_profile())(code="X", header_lines=("A", "B", "C", "D"))


def test_importing_models_does_not_load_reportlab() -> None:
    # The server verifies QR payloads and must not pay for reportlab (or Qt) to do it.
    code = ("import sys, desktop.letters as L; L.verify_qr_payload('x', b'k'); "
            "assert 'reportlab' not in sys.modules, 'reportlab loaded'; "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
