"""Example inputs: a letterhead-settings preview ("cetak contoh"), the bench and the tests
all print these. Fictional people and numbers."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from .models import AgencyProfile, Disposition, DispositionSheet, Receipt, Signer

WITA = timezone(timedelta(hours=8), "WITA")
SAMPLE_QR_KEY = b"contoh-kunci-qr-bukan-rahasia"


def sample_profile() -> AgencyProfile:
    return AgencyProfile(
        code="DINKES",
        header_lines=("PEMERINTAH PROVINSI KALIMANTAN SELATAN", "DINAS KESEHATAN"),
        address="Jalan Belitung Darat No. 118, Banjarmasin, Kalimantan Selatan 70116",
        phone_fax="Telepon (0511) 3355 661, Faksimile (0511) 3355 662",
        web_email="Laman dinkes.kalselprov.go.id, Pos-el dinkes@kalselprov.go.id",
    )


def sample_snapshot(**overrides: Any) -> dict[str, Any]:
    snap: dict[str, Any] = {
        "id": "6f1c2b8e-0000-4000-8000-000000000001",
        "tracking_number": 1916449,
        "provisional_number": "L-D1-20261120-0007",
        "title": "Antrean obat di Puskesmas Pekauman mengular sampai siang",
        "content": (
            "Sejak awal November antrean di loket obat Puskesmas Pekauman baru bergerak "
            "setelah pukul sepuluh. Pasien lansia menunggu berdiri karena kursi kurang."
        ),
        "classification": "pengaduan",
        "category_id": "kesehatan",
        "channel": "loket",
        "incident_date": "2026-11-18",
        "region_code": "63.71.01.1001",
        "location_text": "Puskesmas Pekauman",
        "reporter": {"name": "Siti Rahmah", "nik": "6371014101900001",
                     "phone": "+6281234567890", "email": "siti@example.id",
                     "address": "Jl. Kelayan A"},
        "anonymous": False,
        "confidential": False,
        "agency_code": "DINKES",
        "unit_codes": ["YANKES"],
        "status": "didisposisikan",
        "sifat": "segera",
        "received_at": "2026-11-20T09:12:00+08:00",
        "phase_started": "2026-11-23",
        "held_working_days": 0,
        "due_date": "2026-11-30",
        "version": 3,
        "timeline": [],
        "attachments": [],
    }
    snap.update(overrides)
    return snap


def sample_signer() -> Signer:
    return Signer(
        jabatan="KEPALA DINAS KESEHATAN PROVINSI KALIMANTAN SELATAN",
        name="dr. H. Ahmad Fauzan, M.Kes.",
        pangkat="Pembina Utama Muda (IV/c)",
        nip="197001011995031002",
    )


def sample_sheet(**snapshot_overrides: Any) -> DispositionSheet:
    return DispositionSheet.from_snapshot(
        sample_snapshot(**snapshot_overrides),
        sample_profile(),
        disposition=Disposition(
            units=("Bidang Pelayanan Kesehatan", "UPTD Puskesmas Pekauman"),
            instructions=("Proses lebih lanjut", "Koordinasikan/konfirmasikan"),
            note="Mohon ditindaklanjuti dan laporkan hasilnya kepada kami.",
            deadline=date(2026, 11, 30),
            working_days=5,
            disposed_on=date(2026, 11, 23),
        ),
        agenda_number="045/DISP/DINKES/XI/2026",
        signer=sample_signer(),
        qr_key=SAMPLE_QR_KEY,
        printed_at=datetime(2026, 11, 23, 10, 15, tzinfo=WITA),
        desk_id="D1",
        received_on=date(2026, 11, 23),
    )


def sample_receipt(**snapshot_overrides: Any) -> Receipt:
    snap = sample_snapshot(status="belum_diverifikasi", tracking_number=None,
                           due_date="2026-11-25", **snapshot_overrides)
    return Receipt.from_snapshot(
        snap, sample_profile(), officer_name="Rina Marlina",
        printed_at=datetime(2026, 11, 20, 9, 14, tzinfo=WITA), desk_id="D1",
    )
