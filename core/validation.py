"""Input checks with per-field Indonesian messages: NIK, phone, email, and a whole complaint."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum
from typing import Any, NamedTuple

from .clock import clock
from .enums import Channel, Classification
from .errors import ValidationError
from .numbers import grouped
from .regions import Regions, normalize_region_code

TITLE_MIN, TITLE_MAX = 5, 200
CONTENT_MIN, CONTENT_MAX = 10, 10000
NAME_MAX = 120
ADDRESS_MAX = 300
LOCATION_MAX = 300
TAG_MAX, TAGS_MAX = 50, 20
TEXT_MAX = 10000  # follow-ups, notes, reasons

PHONE_NATIONAL_MIN, PHONE_NATIONAL_MAX = 9, 13  # digits after +62

_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]")
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


class NikInfo(NamedTuple):
    province: str  # "63"
    regency: str  # "63.71"
    district: str  # "63.71.01"
    birth_date: date
    female: bool
    serial: str


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


# --- numbers and text from outside (desks, officers, files, the network) -------------------

# Characters no database column of ours can hold: NUL (PostgreSQL text refuses it) and lone
# UTF-16 surrogates (no UTF-8 store takes them; JSON can carry them as "\ud800").
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def is_int(value: Any) -> bool:
    """An ``int`` that is not a ``bool`` (``isinstance(True, int)`` is True)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_ascii_digits(text: str) -> bool:
    """Only the digits 0-9, at least one. ``"²".isdigit()`` is True and ``int("٣")`` is 3:
    neither is a number we accept."""
    return text.isascii() and text.isdigit()


def parse_int(value: Any, *, max_digits: int = 18) -> int | None:
    """The integer in external input, or None: an ``int`` (never a ``bool``) or a string of
    ASCII digits (surrounding blanks ignored), of at most ``max_digits`` digits, so it fits
    a database integer column (18 digits: BIGINT). The one number parser for what comes
    from outside; never ``str.isdigit()`` then ``int()``."""
    if is_int(value):
        return value if abs(value) < 10 ** max_digits else None
    if isinstance(value, str):
        text = value.strip()
        if is_ascii_digits(text) and len(text) <= max_digits:
            return int(text)
    return None


def unstorable_text(text: str) -> str | None:
    """Why ``text`` cannot be stored (Indonesian), or None when it can."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "Teks tidak boleh berisi karakter NUL (U+0000)."
    return "Teks berisi karakter Unicode yang tidak sah (surrogate tunggal)."


def validate_nik(
    nik: str, today: date | None = None, regions: Regions | None = None
) -> NikInfo:
    """Check a NIK (16 digits: province, regency, district, DDMMYY birth date, serial).

    Women's birth day is stored + 40. Spaces are tolerated. Raises
    ``ValidationError({"nik": message})``.
    """
    today = today or clock().today()
    value = re.sub(r"\s+", "", str(nik or ""))
    if not value:
        raise _fail("nik", "NIK wajib diisi.")
    if not value.isdigit() or not value.isascii():
        raise _fail("nik", "NIK hanya boleh berisi angka.")
    if len(value) != 16:
        raise _fail("nik", f"NIK harus 16 digit (yang diisi {len(value)} digit).")
    regions = regions or Regions.load()
    province, regency = value[:2], f"{value[:2]}.{value[2:4]}"
    if not regions.exists(province):
        raise _fail("nik", f"Kode provinsi pada NIK ({province}) tidak dikenal.")
    if not regions.exists(regency):
        raise _fail("nik", f"Kode kabupaten/kota pada NIK ({regency}) tidak dikenal.")
    if value[4:6] == "00":
        raise _fail("nik", "Kode kecamatan pada NIK tidak boleh 00.")
    day, month, yy = int(value[6:8]), int(value[8:10]), int(value[10:12])
    female = day > 40
    if female:
        day -= 40
    # Two-digit year: this century unless that would be after the current year.
    year = 2000 + yy if 2000 + yy <= today.year else 1900 + yy
    try:
        born = date(year, month, day)
    except ValueError:
        raise _fail(
            "nik", "Tanggal lahir pada NIK tidak valid (digit 7–12: TTBBTT, perempuan TT+40)."
        ) from None
    if born > today:
        raise _fail("nik", "Tanggal lahir pada NIK berada di masa depan.")
    if value[12:] == "0000":
        raise _fail("nik", "Nomor urut pada NIK tidak boleh 0000.")
    return NikInfo(province, regency, f"{regency}.{value[4:6]}", born, female, value[12:])


def _clean_nik(nik: str, today: date, regions: Regions | None) -> str:
    validate_nik(nik, today, regions)
    return re.sub(r"\s+", "", str(nik))


def normalize_phone(s: str) -> str:
    """An Indonesian phone number (08…, +62…, 62…; spaces/dashes allowed) as E.164 ``+62…``.

    Raises ``ValidationError({"phone": message})``.
    """
    raw = str(s or "").strip()
    if not raw:
        raise _fail("phone", "Nomor telepon wajib diisi.")
    compact = _PHONE_SEPARATORS.sub("", raw)
    if not re.fullmatch(r"\+?[0-9]+", compact):
        raise _fail(
            "phone",
            "Nomor telepon hanya boleh berisi angka (boleh diawali +, dipisah spasi atau "
            "tanda hubung).",
        )
    if compact.startswith("+"):
        if not compact.startswith("+62"):
            raise _fail("phone", "Hanya nomor Indonesia (+62) yang dapat diterima.")
        national = compact[3:]
    elif compact.startswith("62"):
        national = compact[2:]
    elif compact.startswith("0"):
        national = compact[1:]
    else:
        raise _fail("phone", "Nomor telepon harus diawali 08, +62, atau 62.")
    if national.startswith("0"):  # "+62 0812…": a common slip, the 0 is redundant
        national = national[1:]
    if not national or national[0] == "0" or national[0] == "1":
        raise _fail("phone", "Nomor telepon tidak valid: sesudah 0 atau +62 harus angka 2–9.")
    if len(national) < PHONE_NATIONAL_MIN:
        raise _fail(
            "phone",
            f"Nomor telepon terlalu pendek (minimal {PHONE_NATIONAL_MIN + 1} digit diawali 0).",
        )
    if len(national) > PHONE_NATIONAL_MAX:
        raise _fail(
            "phone",
            f"Nomor telepon terlalu panjang (maksimal {PHONE_NATIONAL_MAX + 1} digit diawali 0).",
        )
    return "+62" + national


def validate_email(s: str) -> str:
    """A plausible email address, domain lower-cased. Raises ``ValidationError({"email": …})``."""
    value = str(s or "").strip()
    if not value:
        raise _fail("email", "Alamat email wajib diisi.")
    if value.count("@") != 1:
        raise _fail(
            "email", "Alamat email harus memuat tepat satu tanda @ (contoh: nama@domain.id)."
        )
    local, domain = value.split("@")
    if (
        len(value) > 254
        or len(local) > 64
        or not _EMAIL.match(value)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
    ):
        raise _fail("email", "Alamat email tidak valid (contoh: nama@domain.id).")
    return f"{local}@{domain.lower()}"


def clean_text(
    value: Any, field: str, label: str, errors: dict[str, str], *,
    required: bool, min_len: int = 0, max_len: int = TEXT_MAX,
) -> str | None:
    """Strip a text field; record a message in ``errors`` when missing or out of bounds."""
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value.strip()
    else:
        errors[field] = f"{label} harus berupa teks."
        return None
    if _UNSTORABLE.search(text):
        errors[field] = f"{label} berisi karakter yang tidak dapat disimpan (NUL atau " \
                        "surrogate tunggal)."
        return None
    if not text:
        if required:
            errors[field] = f"{label} wajib diisi."
        return None
    if len(text) < min_len:
        errors[field] = f"{label} minimal {min_len} karakter."
    elif len(text) > max_len:
        errors[field] = (f"{label} maksimal {grouped(max_len)} karakter "
                         f"(saat ini {grouped(len(text))}).")
    return text


def clean_bool(value: Any, field: str, label: str, errors: dict[str, str]) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    errors[field] = f"{label} harus bernilai ya atau tidak."
    return False


def clean_tags(value: Any, errors: dict[str, str], field: str = "tags") -> list[str]:
    """A de-duplicated list of short tags (order kept)."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        errors[field] = "Tag harus berupa daftar."
        return []
    tags: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            errors[field] = "Setiap tag harus berupa teks yang tidak kosong."
            return []
        tag = item.strip()
        if _UNSTORABLE.search(tag):
            errors[field] = "Tag berisi karakter yang tidak dapat disimpan."
            return []
        if len(tag) > TAG_MAX:
            errors[field] = f"Setiap tag maksimal {TAG_MAX} karakter."
            return []
        if tag not in tags:
            tags.append(tag)
    if len(tags) > TAGS_MAX:
        errors[field] = f"Maksimal {TAGS_MAX} tag."
    return tags


def clean_choice(
    value: Any, enum_cls: type[Enum], field: str, label: str, errors: dict[str, str], *,
    required: bool
) -> Any:
    if value is None or value == "":
        if required:
            errors[field] = f"{label} wajib dipilih."
        return None
    try:
        return enum_cls(value).value
    except ValueError:
        errors[field] = f"{label} tidak dikenal: {value!r}."
        return None


def clean_date(
    value: Any, field: str, label: str, errors: dict[str, str], *, not_after: date | None = None
) -> str | None:
    if value is None or value == "":
        return None
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
    except ValueError:
        errors[field] = f"{label} tidak valid (format TTTT-BB-HH)."
        return None
    if not_after is not None and d > not_after:
        errors[field] = f"{label} tidak boleh di masa depan."
    return d.isoformat()


def validate_reporter(
    reporter: Mapping[str, Any] | None,
    anonymous: bool,
    errors: dict[str, str],
    today: date,
    regions: Regions | None = None,
) -> dict[str, str | None]:
    """Clean the reporter block; keys of ``errors`` are ``reporter.<field>``."""
    if reporter is not None and not isinstance(reporter, Mapping):
        errors["reporter"] = "Data pelapor tidak valid."
        reporter = None
    reporter = reporter or {}
    cleaned: dict[str, str | None] = {
        "name": clean_text(
            reporter.get("name"), "reporter.name", "Nama pelapor", errors,
            required=not anonymous, max_len=NAME_MAX,
        ),
        "nik": None,
        "phone": None,
        "email": None,
        "address": clean_text(
            reporter.get("address"), "reporter.address", "Alamat pelapor", errors,
            required=False, max_len=ADDRESS_MAX,
        ),
    }
    for key, check in (
        ("nik", lambda v: _clean_nik(v, today, regions)),
        ("phone", normalize_phone),
        ("email", validate_email),
    ):
        raw = reporter.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        try:
            cleaned[key] = check(raw)
        except ValidationError as exc:
            errors[f"reporter.{key}"] = next(iter(exc.errors.values()))
    return cleaned


def validate_complaint(
    data: Mapping[str, Any],
    *,
    today: date | None = None,
    regions: Regions | None = None,
    category_ids: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Clean a complaint's user-entered fields, or raise ``ValidationError`` with every bad
    field at once. Keys not checked here are passed through unchanged.

    ``category_ids``: when given, ``category_id`` must be one of them.
    """
    today = today or clock().today()
    errors: dict[str, str] = {}
    out = dict(data)
    out["title"] = clean_text(
        data.get("title"), "title", "Judul", errors,
        required=True, min_len=TITLE_MIN, max_len=TITLE_MAX,
    )
    out["content"] = clean_text(
        data.get("content"), "content", "Isi pengaduan", errors,
        required=True, min_len=CONTENT_MIN, max_len=CONTENT_MAX,
    )
    out["classification"] = clean_choice(
        data.get("classification"), Classification, "classification", "Klasifikasi", errors,
        required=True,
    )
    out["channel"] = clean_choice(
        data.get("channel"), Channel, "channel", "Kanal pengaduan", errors, required=True
    )
    category = clean_text(
        data.get("category_id"), "category_id", "Kategori", errors, required=False, max_len=64
    )
    if category is not None and category_ids is not None and category not in set(category_ids):
        errors["category_id"] = f"Kategori tidak dikenal: {category!r}."
    out["category_id"] = category
    out["incident_date"] = clean_date(
        data.get("incident_date"), "incident_date", "Tanggal kejadian", errors, not_after=today
    )
    region = clean_text(
        data.get("region_code"), "region_code", "Kode wilayah", errors, required=False, max_len=13
    )
    if region is not None:
        written, region = region, normalize_region_code(region)  # "6371" -> "63.71"
        if not (regions or Regions.load()).exists(region):
            errors["region_code"] = f"Kode wilayah tidak dikenal: {written}."
    out["region_code"] = region
    out["location_text"] = clean_text(
        data.get("location_text"), "location_text", "Lokasi kejadian", errors,
        required=False, max_len=LOCATION_MAX,
    )
    out["anonymous"] = clean_bool(data.get("anonymous"), "anonymous", "Anonim", errors)
    out["confidential"] = clean_bool(data.get("confidential"), "confidential", "Rahasia", errors)
    out["reporter"] = validate_reporter(
        data.get("reporter"), out["anonymous"], errors, today, regions
    )
    if "tags" in data:
        out["tags"] = clean_tags(data.get("tags"), errors)
    if errors:
        raise ValidationError(errors)
    return out
