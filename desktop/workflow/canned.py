"""Canned replies ("balasan siap pakai") with placeholders, kept in the store's settings.

A reply body may name placeholders in braces, e.g. ``{nomor}``; ``render`` fills them from
the complaint and the officer. Unknown placeholders stay as written so a typo is visible
instead of silently vanishing. Managed in Pengaturan; the Indonesian texts are data.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core import Actor, can_see_reporter
from desktop import formatting

SETTING_KEY = "canned_replies"
TITLE_MAX, BODY_MAX = 80, 5000
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# name -> what it stands for (shown in Pengaturan as help; Indonesian, like the replies).
PLACEHOLDERS: dict[str, str] = {
    "nomor": "nomor pelacakan (atau nomor sementara) pengaduan",
    "judul": "judul pengaduan",
    "nama_pelapor": "nama pelapor (\"Bapak/Ibu Pelapor\" bila anonim)",
    "tanggal_diterima": "tanggal pengaduan diterima",
    "batas_waktu": "batas waktu tahap saat ini",
    "instansi": "nama instansi",
    "unit": "nama unit tujuan disposisi",
    "petugas": "nama petugas yang membalas",
    "hari_ini": "tanggal hari ini",
}
ANONYMOUS_SALUTATION = "Bapak/Ibu Pelapor"


@dataclass(frozen=True)
class CannedReply:
    id: str
    title: str
    body: str
    kinds: tuple[str, ...] = field(default=("follow_up", "request_clarification"))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "body": self.body, "kinds": list(self.kinds)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CannedReply:
        return cls(id=str(data.get("id") or uuid.uuid4()), title=str(data.get("title") or ""),
                   body=str(data.get("body") or ""),
                   kinds=tuple(data.get("kinds") or ("follow_up", "request_clarification")))


DEFAULT_REPLIES: tuple[CannedReply, ...] = (
    CannedReply(
        "diterima-diproses", "Laporan sedang diproses",
        "Yth. {nama_pelapor},\n\nTerima kasih atas laporan Anda nomor {nomor} tentang "
        "\"{judul}\". Laporan telah kami terima dan sedang ditindaklanjuti oleh {unit}. "
        "Perkembangannya akan kami sampaikan paling lambat {batas_waktu}.\n\nHormat kami,\n"
        "{petugas}\n{instansi}",
        ("follow_up",)),
    CannedReply(
        "minta-data", "Permintaan keterangan tambahan",
        "Yth. {nama_pelapor},\n\nUntuk menindaklanjuti laporan nomor {nomor}, mohon "
        "kesediaan Anda melengkapi keterangan berikut: lokasi kejadian yang lebih rinci, "
        "waktu kejadian, dan foto pendukung bila ada.\n\nTerima kasih.",
        ("request_clarification",)),
    CannedReply(
        "selesai-ditangani", "Laporan telah ditindaklanjuti",
        "Yth. {nama_pelapor},\n\nLaporan Anda nomor {nomor} telah ditindaklanjuti oleh "
        "{instansi}. Apabila masih terdapat kendala, silakan sampaikan tanggapan Anda dalam "
        "10 hari kerja.\n\nTerima kasih atas partisipasi Anda.",
        ("follow_up",)),
)


def load(store: Any) -> list[CannedReply]:
    """The desk's replies (the defaults until Pengaturan saves a list). DB thread."""
    raw = store.get_setting(SETTING_KEY)
    if raw is None:
        return list(DEFAULT_REPLIES)
    return [CannedReply.from_dict(item) for item in raw]


def validate(replies: Sequence[CannedReply]) -> dict[str, str]:
    """Indonesian problems by ``"<index>.title"`` / ``"<index>.body"`` (empty: all fine)."""
    errors: dict[str, str] = {}
    for i, reply in enumerate(replies):
        if not reply.title.strip():
            errors[f"{i}.title"] = "Judul balasan wajib diisi."
        elif len(reply.title) > TITLE_MAX:
            errors[f"{i}.title"] = f"Judul balasan maksimal {TITLE_MAX} karakter."
        if not reply.body.strip():
            errors[f"{i}.body"] = "Isi balasan wajib diisi."
        elif len(reply.body) > BODY_MAX:
            errors[f"{i}.body"] = f"Isi balasan maksimal {formatting.number(BODY_MAX)} karakter."
        unknown = sorted(set(placeholders_in(reply.body)) - set(PLACEHOLDERS))
        if unknown and f"{i}.body" not in errors:
            names = ", ".join("{" + u + "}" for u in unknown)
            errors[f"{i}.body"] = f"Penanda tidak dikenal: {names}."
    return errors


def save(store: Any, replies: Sequence[CannedReply]) -> None:
    errors = validate(replies)
    if errors:
        from core import ValidationError

        raise ValidationError(errors)
    store.set_setting(SETTING_KEY, [r.to_dict() for r in replies])


def placeholders_in(body: str) -> list[str]:
    return _PLACEHOLDER.findall(body)


def values_for(snapshot: Mapping[str, Any], actor: Actor, *, today: date,
               agency_name: str | None = None, unit_names: str | None = None,
               due: date | None = None) -> dict[str, str]:
    """Placeholder values for one complaint. The reporter's name only when ``actor`` may see
    it: an anonymous reporter is never named, not even in a reply draft."""
    reporter = snapshot.get("reporter") or {}
    name = reporter.get("name") if can_see_reporter(snapshot, actor) else None
    number = snapshot.get("tracking_number") or snapshot.get("provisional_number") or ""
    due_value = due or snapshot.get("due_date")
    return {
        "nomor": f"#{number}" if snapshot.get("tracking_number") else str(number),
        "judul": str(snapshot.get("title") or ""),
        "nama_pelapor": name or ANONYMOUS_SALUTATION,
        "tanggal_diterima": formatting.date_long(snapshot.get("received_at")),
        "batas_waktu": formatting.date_long(due_value) if due_value else "-",
        "instansi": agency_name or str(snapshot.get("agency_code") or ""),
        "unit": unit_names or ", ".join(snapshot.get("unit_codes") or ()) or "unit terkait",
        "petugas": actor.full_name or actor.username,
        "hari_ini": formatting.date_long(today),
    }


def render(body: str, values: Mapping[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def for_kind(replies: Sequence[CannedReply], kind: str) -> list[CannedReply]:
    return [r for r in replies if not r.kinds or kind in r.kinds]
