"""Default complaint category tree (id, parent, name), modelled on a Kalsel regency's 26 topics.

Agencies may configure their own tree; this is the default the desk and server ship with.
"""

from __future__ import annotations

from typing import NamedTuple


class Category(NamedTuple):
    id: str
    parent: str | None
    name: str


_TOP = (
    ("agama", "Agama"),
    ("kesehatan", "Kesehatan"),
    ("pendidikan_kebudayaan", "Pendidikan dan Kebudayaan"),
    ("pekerjaan_umum_penataan_ruang", "Pekerjaan Umum dan Penataan Ruang"),
    ("kependudukan", "Kependudukan"),
    ("netralitas_asn", "Netralitas ASN"),
    ("perhubungan", "Perhubungan"),
    ("topik_khusus", "Topik Khusus"),
    ("sosial", "Sosial dan Kesejahteraan Masyarakat"),
    ("lingkungan_hidup", "Lingkungan Hidup dan Kehutanan"),
    ("ketenagakerjaan", "Ketenagakerjaan"),
    ("ekonomi_keuangan", "Ekonomi dan Keuangan"),
    ("pertanian_peternakan", "Pertanian dan Peternakan"),
    ("kelautan_perikanan", "Kelautan dan Perikanan"),
    ("energi_sumber_daya_mineral", "Energi dan Sumber Daya Mineral"),
    ("perumahan_permukiman", "Perumahan dan Kawasan Permukiman"),
    ("ketertiban_umum", "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"),
    ("kepegawaian", "Manajemen ASN dan Kepegawaian"),
    ("pemberdayaan_perempuan_anak", "Pemberdayaan Perempuan dan Perlindungan Anak"),
    ("pemuda_olahraga", "Pemuda dan Olahraga"),
    ("pariwisata", "Pariwisata"),
    ("perdagangan_perindustrian", "Perdagangan dan Perindustrian"),
    ("koperasi_umkm", "Koperasi dan UMKM"),
    ("komunikasi_informatika", "Komunikasi dan Informatika"),
    ("penanggulangan_bencana", "Penanggulangan Bencana"),
    ("pelayanan_publik_lainnya", "Pelayanan Publik Lainnya"),
)

_CHILDREN = (
    ("kesehatan", "bpjs_kesehatan", "BPJS Kesehatan dan Jaminan Kesehatan"),
    ("kesehatan", "puskesmas_rumah_sakit", "Pelayanan Puskesmas dan Rumah Sakit"),
    ("pendidikan_kebudayaan", "ppdb", "Penerimaan Peserta Didik Baru (PPDB)"),
    ("pendidikan_kebudayaan", "bantuan_pendidikan", "Beasiswa dan Bantuan Pendidikan"),
    ("pekerjaan_umum_penataan_ruang", "jalan_jembatan", "Jalan dan Jembatan"),
    ("pekerjaan_umum_penataan_ruang", "drainase_banjir", "Drainase dan Banjir"),
    ("kependudukan", "ktp_elektronik", "KTP Elektronik"),
    ("kependudukan", "kk_akta", "Kartu Keluarga dan Akta Catatan Sipil"),
    ("perhubungan", "angkutan_umum", "Angkutan Umum"),
    ("topik_khusus", "paket_data_pelajar", "Bantuan Paket Data Pelajar"),
)

DEFAULT_CATEGORIES: tuple[Category, ...] = tuple(
    [Category(cid, None, name) for cid, name in _TOP]
    + [Category(cid, parent, name) for parent, cid, name in _CHILDREN]
)

CATEGORY_BY_ID: dict[str, Category] = {c.id: c for c in DEFAULT_CATEGORIES}


def category_children(
    parent: str | None, categories: tuple[Category, ...] = DEFAULT_CATEGORIES
) -> list[Category]:
    """Direct children of ``parent`` (``None``: the top level), in declared order."""
    return [c for c in categories if c.parent == parent]


def category_path(
    category_id: str, categories: tuple[Category, ...] = DEFAULT_CATEGORIES
) -> list[Category]:
    """Root-first chain down to ``category_id`` (empty if unknown)."""
    by_id = {c.id: c for c in categories}
    chain: list[Category] = []
    current = by_id.get(category_id)
    while current is not None and current not in chain:
        chain.append(current)
        current = by_id.get(current.parent) if current.parent else None
    return list(reversed(chain))
