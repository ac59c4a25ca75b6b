"""NIK, phone, email and whole-complaint validation, with per-field Indonesian messages."""

from __future__ import annotations

from datetime import date

import pytest

from core import (
    CATEGORY_BY_ID,
    DEFAULT_CATEGORIES,
    Regions,
    ValidationError,
    normalize_phone,
    validate_complaint,
    validate_email,
    validate_nik,
)
from core.categories import category_children, category_path
from core.regions import normalize_region_code

pytestmark = pytest.mark.dates  # .ci/run runs it again on shifted clocks

TODAY = date(2026, 5, 10)


# --- NIK --------------------------------------------------------------------------------


def test_valid_male_nik():
    info = validate_nik("6371011505900001", today=TODAY)
    assert info.province == "63" and info.regency == "63.71" and info.district == "63.71.01"
    assert info.birth_date == date(1990, 5, 15)
    assert info.female is False
    assert info.serial == "0001"


@pytest.mark.parametrize(
    ("nik", "born"),
    [
        ("6371015505900002", date(1990, 5, 15)),
        ("6371014101900003", date(1990, 1, 1)),  # day 41 = 1st
        ("6371017112850004", date(1985, 12, 31)),  # day 71 = 31st
    ],
)
def test_valid_female_nik_day_plus_40(nik, born):
    info = validate_nik(nik, today=TODAY)
    assert info.birth_date == born and info.female is True


def test_male_born_on_the_31st():
    info = validate_nik("6371013112850005", today=TODAY)
    assert info.birth_date == date(1985, 12, 31) and info.female is False


def test_nik_spaces_tolerated_and_recent_birth_year():
    info = validate_nik(" 6303 0101 0120 0003 ", today=TODAY)  # Kab. Banjar, born 2020
    assert info.birth_date == date(2020, 1, 1)
    assert info.regency == "63.03"


def test_nik_out_of_province_regency():
    assert validate_nik("3171011505900001", today=TODAY).regency == "31.71"


@pytest.mark.parametrize(
    ("nik", "fragment"),
    [
        ("", "wajib diisi"),
        ("63710115059000", "16 digit (yang diisi 14 digit)"),
        ("637101150590000123", "16 digit"),
        ("63710115O5900001", "hanya boleh berisi angka"),
        ("6371-0115-0590-01", "hanya boleh berisi angka"),
        ("9971011505900001", "Kode provinsi pada NIK (99)"),
        ("6399011505900001", "Kode kabupaten/kota pada NIK (63.99)"),
        ("6371001505900001", "kecamatan pada NIK tidak boleh 00"),
        ("6371013102900001", "Tanggal lahir pada NIK tidak valid"),  # 31 Feb
        ("6371017205900001", "Tanggal lahir pada NIK tidak valid"),  # female day 32
        ("6371011513900001", "Tanggal lahir pada NIK tidak valid"),  # month 13
        ("6371010112260001", "masa depan"),  # 1 Dec 2026, after TODAY
        ("6371011505900000", "Nomor urut"),
    ],
)
def test_invalid_nik(nik, fragment):
    with pytest.raises(ValidationError) as err:
        validate_nik(nik, today=TODAY)
    assert set(err.value.errors) == {"nik"}
    assert fragment in err.value.errors["nik"]
    assert err.value.code == "validation"


# --- phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("+62 0812 3456 7890", "+6281234567890"),
        ("(0511) 3352000", "+625113352000"),
        ("0812345678", "+62812345678"),  # shortest: 9 national digits
        ("08123456789012", "+628123456789012"),  # longest: 13 national digits
    ],
)
def test_valid_phone(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "wajib diisi"),
        ("0812abc7890", "hanya boleh berisi angka"),
        ("0812_3456_7890", "hanya boleh berisi angka"),
        ("08123+4567890", "hanya boleh berisi angka"),
        ("+1 212 555 0100", "Hanya nomor Indonesia"),
        ("812345678", "harus diawali 08, +62, atau 62"),
        ("0112345678", "angka 2–9"),
        ("08123456", "terlalu pendek"),
        ("081234567", "terlalu pendek"),
        ("081234567890123", "terlalu panjang"),
    ],
)
def test_invalid_phone(raw, fragment):
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw)
    assert set(err.value.errors) == {"phone"}
    assert fragment in err.value.errors["phone"]


# --- email ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ani@example.id", "ani@example.id"),
        ("  Ani.Rahma+lapor@Mail.Kalselprov.GO.ID ", "Ani.Rahma+lapor@mail.kalselprov.go.id"),
    ],
)
def test_valid_email(raw, expected):
    assert validate_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "wajib diisi"),
        ("ani.example.id", "tanda @"),
        ("ani@@example.id", "tanda @"),
        ("ani@example", "tidak valid"),
        ("ani @example.id", "tidak valid"),
        (".ani@example.id", "tidak valid"),
        ("ani..r@example.id", "tidak valid"),
        ("ani@-example.id", "tidak valid"),
    ],
)
def test_invalid_email(raw, fragment):
    with pytest.raises(ValidationError) as err:
        validate_email(raw)
    assert fragment in err.value.errors["email"]


# --- whole complaint --------------------------------------------------------------------


def _good(**overrides):
    data = {
        "title": "  Jalan berlubang di depan pasar  ",
        "content": "Jalan berlubang besar, sudah tiga bulan tidak diperbaiki.",
        "classification": "pengaduan",
        "channel": "loket",
        "category_id": "jalan_jembatan",
        "incident_date": "2026-05-01",
        "region_code": "63.71.01.1001",
        "location_text": "depan pasar",
        "reporter": {"name": "Ani", "nik": "6371 0155 0590 0002", "phone": "0812-3456-7890",
                     "email": "ani@example.id", "address": "Jl. A. Yani km 3"},
        "anonymous": False,
        "confidential": True,
        "agency_code": "DPUPR",
    }
    data.update(overrides)
    return data


def test_validate_complaint_cleans():
    out = validate_complaint(_good(), today=TODAY,
                             category_ids=[c.id for c in DEFAULT_CATEGORIES])
    assert out["title"] == "Jalan berlubang di depan pasar"
    assert out["reporter"]["phone"] == "+6281234567890"
    assert out["reporter"]["nik"] == "6371015505900002"
    assert out["agency_code"] == "DPUPR"  # passed through
    assert out["confidential"] is True and out["anonymous"] is False


def test_validate_complaint_collects_every_error():
    bad = _good(
        title="abc",
        content="",
        classification="keluhan",
        channel=None,
        incident_date="2026-06-01",
        region_code="63.71.99",
        location_text="x" * 301,
        anonymous="ya",
        category_id="tidak_ada",
        reporter={"name": "", "nik": "123", "phone": "0812abc", "email": "ani@",
                  "address": "y" * 301},
    )
    with pytest.raises(ValidationError) as err:
        validate_complaint(bad, today=TODAY, category_ids=CATEGORY_BY_ID)
    errors = err.value.errors
    assert set(errors) == {
        "title", "content", "classification", "channel", "incident_date", "region_code",
        "location_text", "anonymous", "category_id", "reporter.name", "reporter.nik",
        "reporter.phone", "reporter.email", "reporter.address",
    }
    assert errors["title"] == "Judul minimal 5 karakter."
    assert errors["content"] == "Isi pengaduan wajib diisi."
    assert errors["channel"] == "Kanal pengaduan wajib dipilih."
    assert "masa depan" in errors["incident_date"]
    assert "16 digit" in errors["reporter.nik"]
    assert err.value.message.startswith("Terdapat 14 isian")


@pytest.mark.parametrize(("written", "stored"), [
    ("6371", "63.71"), ("63.71", "63.71"), (" 6371 ", "63.71"),
    ("637101", "63.71.01"), ("63.71.01", "63.71.01"),
    ("6371011001", "63.71.01.1001"), ("63.71.01.1001", "63.71.01.1001"),
    ("63", "63"), ("3171", "31.71"),
])
def test_region_code_with_or_without_dots(written, stored):
    """Kalsel offices write Kota Banjarmasin as "6371" as often as "63.71": both are taken
    (by the form, the import and the server alike: the same validation) and kept dotted."""
    assert normalize_region_code(written) == stored
    out = validate_complaint(_good(region_code=written), today=TODAY)
    assert out["region_code"] == stored


@pytest.mark.parametrize("written", ["6399", "63.99", "63711", "6371x", "637101100"])
def test_unknown_region_code_is_refused_as_written(written):
    with pytest.raises(ValidationError) as err:
        validate_complaint(_good(region_code=written), today=TODAY)
    assert err.value.errors == {"region_code": f"Kode wilayah tidak dikenal: {written}."}


def test_length_limits():
    with pytest.raises(ValidationError) as err:
        validate_complaint(_good(title="t" * 201, content="c" * 10001,
                                 reporter={"name": "n" * 121}), today=TODAY)
    assert set(err.value.errors) == {"title", "content", "reporter.name"}
    ok = validate_complaint(_good(title="t" * 200, content="c" * 10000,
                                  reporter={"name": "n" * 120}), today=TODAY)
    assert len(ok["title"]) == 200


def test_anonymous_reporter_name_optional():
    out = validate_complaint(_good(anonymous=True, reporter=None), today=TODAY)
    assert out["reporter"]["name"] is None
    with pytest.raises(ValidationError) as err:
        validate_complaint(_good(reporter={"phone": "08123456789"}), today=TODAY)
    assert err.value.errors == {"reporter.name": "Nama pelapor wajib diisi."}


# --- regions and categories -------------------------------------------------------------


def test_regions_lookup():
    regions = Regions.load()
    assert Regions.load() is regions  # cached
    assert regions.name("63.71") == "Kota Banjarmasin"
    assert len(regions.kabkota()) == 13
    assert regions.kabkota_of("63.71.01.1001") == "63.71"
    assert regions.exists("31.71") and not regions.exists("63.99")
    assert all(r.level == "kecamatan" for r in regions.children("63.71"))
    assert [r.code for r in regions.path("63.71.01.1001")] == [
        "63", "63.71", "63.71.01", "63.71.01.1001",
    ]


def test_default_category_tree():
    top = category_children(None)
    assert len(top) == 26
    ids = {c.id for c in top}
    assert {"agama", "kesehatan", "pendidikan_kebudayaan", "pekerjaan_umum_penataan_ruang",
            "kependudukan", "netralitas_asn", "perhubungan", "topik_khusus"} <= ids
    assert len(DEFAULT_CATEGORIES) == len(CATEGORY_BY_ID)  # ids unique
    assert all(c.parent is None or c.parent in CATEGORY_BY_ID for c in DEFAULT_CATEGORIES)
    assert [c.id for c in category_path("jalan_jembatan")] == [
        "pekerjaan_umum_penataan_ruang", "jalan_jembatan",
    ]
