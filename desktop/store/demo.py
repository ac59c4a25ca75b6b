"""Realistic demo complaints for ``lapor-desk dev seed`` (demos and benchmarks).

Indonesian titles and content across Kalimantan Selatan's desa/kelurahan, the domain's
category tree, channels, and lifecycles that are walked event by event from the receipt
date up to "now": old complaints have mostly finished, recent ones are still in
verification or follow-up, and some have run over their deadline. Deadline fields follow
the domain rules (``snapshot_due``), so the rows look exactly like synced server data.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import multiprocessing
import os
import random
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from core import (
    DEFAULT_CATEGORIES,
    WITA,
    DeadlinePolicy,
    Regions,
    WorkingCalendar,
    local_date,
    snapshot_due,
)
from core.clock import clock
from core.regions import DESA_KELURAHAN, KECAMATAN
from desktop.store.snapshots import Prepared, prepare

FIRST_TRACKING_NUMBER = 1_900_001
FROZEN = bool(getattr(sys, "frozen", False))  # PyInstaller: no spawned workers


class Weighted:
    """A weighted choice by bisection (random.choices re-sums the weights on every call)."""

    def __init__(self, pairs: tuple) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = list(itertools.accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random):  # noqa: ANN201
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def _pick(rng: random.Random, seq):  # noqa: ANN001, ANN202 - faster than rng.choice
    return seq[int(rng.random() * len(seq))]


def _below(rng: random.Random, a: int, b: int) -> int:
    """An int in [a, b): faster than rng.randrange, uniform enough for demo data."""
    return a + int(rng.random() * (b - a))


def _sample(rng: random.Random, seq, k: int) -> list:  # noqa: ANN001 - rng.sample is slow here
    if k <= 0:
        return []
    pool = list(seq)
    for i in range(k):
        j = i + int(rng.random() * (len(pool) - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


class _MemoCalendar(WorkingCalendar):
    """The domain calendar with add_working_days memoised: demo dates repeat a lot."""

    def __init__(self, base: WorkingCalendar) -> None:
        super().__init__(base.local_holidays)
        self._memo: dict[tuple[date, int], date] = {}

    def add_working_days(self, start: date, n: int) -> date:
        key = (start, n)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = super().add_working_days(start, n)
        return found


def _uuid4(rng: random.Random) -> str:
    n = rng.getrandbits(128)
    n = (n & ~(0xC000 << 48)) | (0x8000 << 48)  # RFC 4122 variant
    n = (n & ~(0xF000 << 64)) | (0x4000 << 64)  # version 4
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# (code, name, ((unit code, unit name), ...)): demo agencies of the province.
AGENCIES = (
    ("DINKES", "Dinas Kesehatan", (("YANKES", "Bidang Pelayanan Kesehatan"),
                                   ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit"),
                                   ("SDK", "Bidang Sumber Daya Kesehatan"))),
    ("DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", (("SMA", "Bidang Pembinaan SMA"),
                                                      ("SMK", "Bidang Pembinaan SMK"),
                                                      ("BUD", "Bidang Kebudayaan"))),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", (("BM", "Bidang Bina Marga"),
                                                           ("SDA", "Bidang Sumber Daya Air"),
                                                           ("CK", "Bidang Cipta Karya"))),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil",
     (("PDP", "Bidang Pelayanan Pendaftaran Penduduk"),
      ("PCS", "Bidang Pelayanan Pencatatan Sipil"))),
    ("DISHUB", "Dinas Perhubungan", (("ANGKUTAN", "Bidang Angkutan"),
                                      ("LLAJ", "Bidang Lalu Lintas"))),
    ("DINSOS", "Dinas Sosial", (("LINJAMSOS", "Bidang Perlindungan dan Jaminan Sosial"),
                                ("RESOS", "Bidang Rehabilitasi Sosial"))),
    ("DLH", "Dinas Lingkungan Hidup", (("SAMPAH", "Bidang Pengelolaan Sampah"),
                                       ("PPLH", "Bidang Pengendalian Pencemaran"))),
    ("BKD", "Badan Kepegawaian Daerah", (("PKA", "Bidang Pembinaan dan Kinerja ASN"),)),
    ("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi",
     (("HI", "Bidang Hubungan Industrial"),)),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", (("KL", "Bidang Kedaruratan dan Logistik"),)),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika",
     (("APTIKA", "Bidang Aplikasi Informatika"), ("IKP", "Bidang Informasi Publik"))),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", (("TIBUM", "Bidang Ketertiban Umum"),)),
)


@dataclass(frozen=True)
class Topic:
    category_id: str
    agency: str
    units: tuple[str, ...]
    titles: tuple[str, ...]
    details: tuple[str, ...]
    weight: int = 1


TOPICS = (
    Topic("jalan_jembatan", "DPUPR", ("BM",), (
        "Jalan rusak parah di {desa}",
        "Jalan berlubang di {jalan} membahayakan pengendara",
        "Jembatan kayu di {desa} nyaris ambruk",
        "Perbaikan {jalan} terbengkalai",
    ), (
        "Jalan sepanjang kurang lebih {n}00 meter berlubang besar dan tergenang air saat hujan.",
        "Sudah beberapa pengendara sepeda motor terjatuh, terutama malam hari karena gelap.",
        "Anak-anak sekolah terpaksa memutar jauh karena jembatan tidak aman dilalui.",
        "Material proyek dibiarkan menumpuk di bahu jalan dan pekerjaan berhenti.",
        "Truk angkutan sawit dan batu bara setiap hari melintas sehingga kerusakan makin parah.",
    ), 5),
    Topic("drainase_banjir", "DPUPR", ("SDA", "CK"), (
        "Drainase tersumbat di {jalan}, air meluap ke rumah warga",
        "Banjir setiap hujan deras di {desa}",
        "Saluran air di {desa} tidak pernah dikeruk",
    ), (
        "Setiap hujan deras air naik setinggi lutut dan masuk ke rumah warga.",
        "Saluran tertutup sampah dan lumpur sehingga air tidak mengalir ke sungai.",
        "Warga sudah bergotong royong membersihkan, tetapi saluran terlalu sempit.",
        "Genangan bertahan sampai {n} hari dan menimbulkan bau tidak sedap.",
    ), 3),
    Topic("puskesmas_rumah_sakit", "DINKES", ("YANKES",), (
        "Pelayanan Puskesmas {kecamatan} lambat",
        "Antrean berobat di Puskesmas {kecamatan} sampai siang",
        "Obat tidak tersedia di Puskesmas {kecamatan}",
        "Petugas IGD rumah sakit kurang ramah kepada pasien",
    ), (
        "Saya datang pukul 07.30 tetapi baru dilayani menjelang pukul 12.00.",
        "Pasien diminta membeli obat sendiri di apotek luar karena stok kosong.",
        "Loket pendaftaran hanya dibuka satu padahal pasien sangat banyak.",
        "Orang tua saya yang sudah lanjut usia harus menunggu berjam-jam tanpa tempat duduk.",
    ), 3),
    Topic("bpjs_kesehatan", "DINKES", ("YANKES", "SDK"), (
        "Kartu BPJS PBI tidak aktif padahal masih terdaftar",
        "Pasien BPJS diminta membayar biaya tambahan",
    ), (
        "Saat berobat kartu dinyatakan tidak aktif sehingga harus membayar sebagai pasien umum.",
        "Kami termasuk keluarga kurang mampu dan selama ini iuran ditanggung pemerintah.",
        "Petugas meminta biaya tambahan Rp{n}00.000 tanpa kuitansi resmi.",
    ), 2),
    Topic("kesehatan", "DINKES", ("P2P",), (
        "Kasus demam berdarah meningkat di {desa}",
        "Permintaan fogging di lingkungan {desa}",
    ), (
        "Dalam sebulan terakhir sudah {n} warga dirawat karena demam berdarah.",
        "Banyak genangan dan barang bekas yang menjadi sarang nyamuk.",
        "Warga meminta penyuluhan dan pengasapan sebelum musim hujan.",
    ), 1),
    Topic("ppdb", "DISDIKBUD", ("SMA", "SMK"), (
        "Kendala pendaftaran PPDB SMA jalur zonasi",
        "Nilai anak saya tidak muncul di sistem PPDB",
        "Dugaan kecurangan domisili pada PPDB di {kabkota}",
    ), (
        "Situs pendaftaran sering tidak bisa dibuka sejak hari pertama pendaftaran.",
        "Jarak rumah kami ke sekolah hanya {n} kilometer tetapi anak kami tidak diterima.",
        "Ada calon siswa yang memakai alamat kerabat agar masuk zonasi sekolah favorit.",
    ), 2),
    Topic("pendidikan_kebudayaan", "DISDIKBUD", ("SMA", "SMK"), (
        "Pungutan uang komite di sekolah {desa} memberatkan",
        "Gedung sekolah di {desa} rusak dan bocor",
        "Guru honorer di {kecamatan} belum menerima honor",
    ), (
        "Orang tua siswa diminta membayar Rp{n}50.000 per bulan tanpa musyawarah.",
        "Atap ruang kelas bocor sehingga siswa dipindahkan ke musala saat hujan.",
        "Honor sudah {n} bulan belum dibayarkan dan tidak ada penjelasan dari sekolah.",
    ), 2),
    Topic("bantuan_pendidikan", "DISDIKBUD", ("SMA",), (
        "Beasiswa siswa kurang mampu belum cair",
        "Penerima bantuan pendidikan tidak tepat sasaran",
    ), (
        "Anak kami sudah dinyatakan lolos verifikasi tetapi dana belum diterima.",
        "Ada penerima yang keluarganya tergolong mampu sementara siswa miskin terlewat.",
    ), 1),
    Topic("paket_data_pelajar", "DISKOMINFO", ("APTIKA",), (
        "Paket data pelajar tidak masuk ke nomor siswa",
        "Bantuan kuota belajar hanya diterima sebagian siswa",
    ), (
        "Nomor sudah didaftarkan oleh sekolah sejak awal semester tetapi kuota belum masuk.",
        "Di kelas anak saya hanya {n} siswa yang menerima paket data.",
    ), 1),
    Topic("ktp_elektronik", "DISDUKCAPIL", ("PDP",), (
        "KTP elektronik belum jadi setelah {n} bulan",
        "Blangko KTP-el kosong di Disdukcapil {kabkota}",
        "Perekaman KTP-el untuk lansia di {desa}",
    ), (
        "Setiap kali ditanyakan, petugas menjawab blangko sedang kosong.",
        "Tanpa KTP-el saya tidak bisa mengurus rekening bank dan bantuan sosial.",
        "Orang tua saya sudah tidak mampu datang ke kantor kecamatan untuk perekaman.",
    ), 3),
    Topic("kk_akta", "DISDUKCAPIL", ("PCS", "PDP"), (
        "Akta kelahiran anak belum terbit",
        "Perubahan data Kartu Keluarga tidak diproses",
    ), (
        "Berkas lengkap sudah diserahkan {n} minggu yang lalu di Mal Pelayanan Publik.",
        "Nama di Kartu Keluarga salah ketik sehingga berbeda dengan ijazah.",
    ), 2),
    Topic("angkutan_umum", "DISHUB", ("ANGKUTAN",), (
        "Tarif angkutan kota di {kabkota} naik sepihak",
        "Bus trayek Banjarmasin - {kabkota} ugal-ugalan",
    ), (
        "Sopir meminta ongkos lebih tinggi dari tarif resmi yang ditetapkan.",
        "Bus sering menyalip di tikungan dan penumpang diturunkan di tengah jalan.",
    ), 1),
    Topic("perhubungan", "DISHUB", ("LLAJ",), (
        "Lampu lalu lintas mati di simpang {jalan}",
        "Parkir liar di {jalan} menyebabkan macet",
        "Rambu jalan tertutup pohon di {desa}",
    ), (
        "Sudah {n} hari lampu lalu lintas tidak menyala dan sering terjadi kecelakaan kecil.",
        "Juru parkir tidak resmi memungut bayaran dan kendaraan parkir sampai dua lapis.",
    ), 2),
    Topic("sosial", "DINSOS", ("LINJAMSOS",), (
        "Bantuan sosial tidak tepat sasaran di {desa}",
        "Nama kami hilang dari daftar penerima PKH",
        "Warga lansia terlantar di {desa} butuh bantuan",
    ), (
        "Keluarga yang memiliki mobil dan toko tetap menerima bantuan setiap bulan.",
        "Sejak pemutakhiran data, bantuan kami berhenti tanpa pemberitahuan.",
        "Beliau tinggal sendiri di rumah yang hampir roboh dan sering sakit.",
    ), 3),
    Topic("lingkungan_hidup", "DLH", ("SAMPAH", "PPLH"), (
        "Sampah menumpuk di TPS {jalan}",
        "Limbah pabrik mencemari sungai di {desa}",
        "Asap pembakaran lahan mengganggu warga {kecamatan}",
    ), (
        "Truk pengangkut sampah tidak datang sudah {n} hari sehingga sampah meluber ke jalan.",
        "Air sungai berubah warna dan berbau, ikan banyak yang mati.",
        "Anak-anak dan lansia mulai batuk dan sesak napas karena asap.",
    ), 3),
    Topic("netralitas_asn", "BKD", ("PKA",), (
        "Dugaan ASN tidak netral di {kecamatan}",
        "Oknum pegawai kecamatan berkampanye di media sosial",
    ), (
        "Oknum tersebut membagikan ajakan memilih calon tertentu di grup warga.",
        "Kegiatan dilakukan pada jam kerja dengan seragam dinas.",
    ), 1),
    Topic("kepegawaian", "BKD", ("PKA",), (
        "Pegawai kantor desa sering tidak masuk kerja",
        "Pelayanan di kantor kecamatan {kecamatan} tutup sebelum jam kerja usai",
    ), (
        "Warga yang datang pukul 13.00 mendapati kantor sudah kosong.",
        "Surat pengantar yang kami perlukan tertunda {n} hari karena petugas tidak ada.",
    ), 1),
    Topic("ketenagakerjaan", "DISNAKERTRANS", ("HI",), (
        "Upah di bawah UMP di perusahaan sawit {kabkota}",
        "PHK sepihak tanpa pesangon",
    ), (
        "Buruh harian dibayar jauh di bawah upah minimum provinsi.",
        "Kami diberhentikan setelah {n} tahun bekerja tanpa pesangon dan surat keterangan.",
    ), 1),
    Topic("penanggulangan_bencana", "BPBD", ("KL",), (
        "Bantuan korban banjir belum sampai ke {desa}",
        "Tanah longsor mengancam rumah warga di {desa}",
    ), (
        "Air sudah surut tetapi warga masih kekurangan air bersih dan makanan.",
        "Retakan tanah makin lebar setelah hujan {n} hari berturut-turut.",
    ), 1),
    Topic("ketertiban_umum", "SATPOLPP", ("TIBUM",), (
        "Pedagang kaki lima menutup trotoar di {jalan}",
        "Balap liar setiap malam minggu di {jalan}",
        "Tempat hiburan malam beroperasi melewati izin di {kabkota}",
    ), (
        "Pejalan kaki terpaksa turun ke badan jalan yang ramai kendaraan.",
        "Suara knalpot bising sampai lewat tengah malam dan meresahkan warga.",
    ), 2),
    Topic("komunikasi_informatika", "DISKOMINFO", ("APTIKA", "IKP"), (
        "Sinyal internet lemah di {desa}",
        "Situs layanan perizinan daring sering tidak bisa diakses",
    ), (
        "Anak-anak harus naik ke bukit untuk mengirim tugas sekolah.",
        "Sudah {n} kali mencoba mengunggah berkas tetapi selalu gagal.",
    ), 1),
)
_TOPICS = Weighted(tuple((t, t.weight) for t in TOPICS))

OPENINGS = (
    "Assalamualaikum. Saya warga {desa}, Kecamatan {kecamatan}, {kabkota}.",
    "Selamat siang Bapak/Ibu. Saya ingin melaporkan masalah di {desa}, {kabkota}.",
    "Dengan hormat, kami warga RT {rt} {desa} menyampaikan pengaduan berikut.",
    "Mohon izin menyampaikan keluhan dari {desa}, Kecamatan {kecamatan}.",
    "Saya ingin melapor tentang kondisi di sekitar tempat tinggal saya di {desa}.",
)
DURATIONS = (
    "Kondisi ini sudah berlangsung sejak {n} minggu yang lalu.",
    "Masalah ini sudah pernah disampaikan ke kantor desa tetapi belum ada tindak lanjut.",
    "Sudah {n} bulan keadaan seperti ini dan warga makin resah.",
    "",
)
REQUESTS = (
    "Mohon kepada instansi terkait agar segera ditindaklanjuti. Terima kasih.",
    "Kami berharap ada petugas yang turun langsung ke lapangan.",
    "Mohon perhatian dan solusinya, terima kasih atas pelayanannya.",
    "Besar harapan kami masalah ini cepat diselesaikan.",
)
FOLLOW_UPS = (
    "Terima kasih atas laporannya. Petugas telah meninjau lokasi dan penanganan dijadwalkan "
    "dalam {n} minggu ke depan.",
    "Laporan sudah kami koordinasikan dengan pihak terkait; perkembangan akan kami sampaikan.",
    "Permasalahan telah ditangani. Mohon konfirmasi apabila masih terdapat kendala.",
    "Tim kami sudah melakukan pengecekan dan perbaikan sementara telah dilaksanakan.",
)
CLARIFICATIONS = (
    "Mohon kirimkan foto lokasi dan titik koordinat agar petugas mudah menemukannya.",
    "Mohon lengkapi nomor pendaftaran atau nomor berkas yang dimaksud.",
)
HOLD_REASONS = (
    "Menunggu hasil koordinasi dengan pemerintah kabupaten/kota.",
    "Menunggu ketersediaan anggaran perubahan.",
)
NOT_AUTHORITY = (
    "Permasalahan merupakan kewenangan pemerintah kabupaten/kota.",
    "Objek yang dilaporkan dikelola oleh instansi vertikal.",
)
STREETS = (
    "Jl. A. Yani km {n}", "Jl. Trikora", "Jl. Gatot Subroto", "Jl. Veteran", "Jl. Sultan Adam",
    "Jl. Pramuka", "Jl. Kayu Tangi", "Jl. Hasan Basri", "Jl. Pangeran Antasari",
    "Jl. Lambung Mangkurat", "Jl. Trans Kalimantan", "Jl. Gubernur Soebardjo",
    "Jl. Sungai Andai", "Jl. Martapura Lama", "Jl. Mistar Cokrokusumo", "Jl. Panglima Batur",
)
FIRST_NAMES_M = (
    "Muhammad", "Ahmad", "Rahmadi", "Hairullah", "Mahdiannor", "Rusdiansyah", "Syahrani",
    "Gusti", "Anang", "Fauzi", "Rizky", "Akhmad", "Abdul", "Yusran", "Supriadi", "Aditya",
)
FIRST_NAMES_F = (
    "Siti", "Noorhasanah", "Khairunnisa", "Galuh", "Fitriani", "Nurul", "Rahmawati",
    "Aisyah", "Raudah", "Mariatul", "Dewi", "Halimah", "Norlaila", "Hartini",
)
LAST_NAMES = (
    "Rahman", "Hidayat", "Fitri", "Noor", "Arsyad", "Mahmud", "Basri", "Saputra", "Ramadhani",
    "Husin", "Hasanah", "Aini", "Syarifuddin", "Zainuddin", "Kifli", "Yanti", "Maulida",
)
CHANNELS = Weighted((("web", 30), ("aplikasi", 22), ("sms_1708", 12), ("media_sosial", 12),
            ("loket", 16), ("surat", 8)))
CLASSIFICATIONS = Weighted((("pengaduan", 78), ("aspirasi", 15), ("permintaan_informasi", 7)))
SIFAT = Weighted((("biasa", 80), ("segera", 14), ("sangat_segera", 6)))
# Lifecycles (kinds after "create") with weights; walked until "now" stops them.
PATHS = Weighted((
    (("dispose", "follow_up", "close"), 34),
    (("dispose", "follow_up", "close", "archive"), 12),
    (("verify", "dispose", "follow_up", "follow_up", "close"), 8),
    (("dispose", "request_clarification", "follow_up", "close"), 9),
    (("dispose", "follow_up", "request_clarification", "close"), 6),
    (("dispose", "note", "follow_up", "close"), 6),
    (("dispose", "hold", "resume", "follow_up", "close"), 4),
    (("dispose", "hold"), 3),
    (("not_authority",), 5),
    (("not_authority", "archive"), 4),
    (("archive",), 4),
    (("verify", "dispose"), 5),
))
# Working days between steps: (usual choices, late choices, chance of late).
GAPS = {
    "verify": ((0, 0, 1), (2, 4), 0.1),
    "dispose": ((0, 1, 1, 2, 2, 3), (4, 5, 6, 8), 0.12),
    "follow_up": ((1, 2, 3, 3, 4, 5), (6, 7, 9, 12), 0.18),
    "request_clarification": ((1, 2, 3), (4, 6), 0.1),
    "close": ((2, 3, 5, 7, 9), (10, 11, 13), 0.15),
    "hold": ((1, 2, 3), (4,), 0.1),
    "resume": ((3, 5, 8, 12), (15, 20), 0.1),
    "not_authority": ((0, 1, 2), (3, 5), 0.1),
    "archive": ((3, 8, 15, 30), (45, 60), 0.1),
    "note": ((0, 1, 2), (3,), 0.1),
}
# Status after each kind (None: unchanged).
TARGET = {
    "verify": None, "note": None, "dispose": "didisposisikan", "follow_up": "ditindaklanjuti",
    "request_clarification": "menunggu_tanggapan_pelapor", "close": "selesai",
    "hold": "ditunda", "resume": None, "not_authority": "bukan_wewenang",
    "archive": "diarsipkan",
}
PHASE_STARTING = {"follow_up", "request_clarification"}


@dataclass(frozen=True)
class Place:
    desa_code: str
    desa: str
    kecamatan: str
    kabkota: str


@functools.lru_cache(maxsize=1)
def _places() -> list[Place]:
    regions = Regions.load()
    places = []
    for kab in regions.kabkota():
        for kec in regions.children(kab.code):
            if kec.level != KECAMATAN:
                continue
            for desa in regions.children(kec.code):
                if desa.level == DESA_KELURAHAN:
                    places.append(Place(desa.code, desa.name, kec.name, kab.name))
    return places


def reference_data() -> dict[str, list[dict]]:
    """Categories, agencies and units the demo complaints refer to."""
    return {
        "categories": [{"id": c.id, "parent_id": c.parent, "name": c.name}
                       for c in DEFAULT_CATEGORIES],
        "agencies": [{"code": code, "name": name} for code, name, _ in AGENCIES],
        "units": [{"agency_code": code, "code": u, "name": uname}
                  for code, _, units in AGENCIES for u, uname in units],
    }




class DemoGenerator:
    """Makes snapshot dicts; repeatable for a given ``seed``."""

    def __init__(self, seed: int | str | None = None, *, now: datetime | None = None,
                 policy: DeadlinePolicy | None = None, cal: WorkingCalendar | None = None,
                 days_back: int = 365) -> None:
        self.rng = random.Random(seed)
        self.now = (now or clock().now()).astimezone(WITA)
        self.today = local_date(self.now)
        self.policy = policy or DeadlinePolicy()
        self.cal = cal if isinstance(cal, _MemoCalendar) else _MemoCalendar(
            cal or WorkingCalendar())
        self.days_back = days_back
        self.places = _places()
        self._agency_units = {code: [u for u, _ in units] for code, _, units in AGENCIES}

    def _after(self, day: date, n: int) -> date:
        return self.cal.add_working_days(day, n)

    def _office_time(self, day: date, after: datetime | None = None) -> datetime:
        rng = self.rng
        moment = datetime.combine(day, time(7, 30), WITA) + timedelta(
            minutes=_below(rng, 0, 8 * 60), seconds=_below(rng, 0, 60))
        if after is not None and moment <= after:
            moment = after + timedelta(minutes=_below(rng, 5, 90))
        return moment

    def _received(self) -> datetime:
        rng = self.rng
        band = rng.random()
        if band < 0.35:
            back = _below(rng, 0, 30)
        elif band < 0.65:
            back = _below(rng, 30, 120)
        else:
            back = _below(rng, 120, self.days_back)
        day = self.today - timedelta(days=back)
        moment = datetime.combine(day, time(6, 0), WITA) + timedelta(
            minutes=_below(rng, 0, 16 * 60), seconds=_below(rng, 0, 60))
        return min(moment, self.now - timedelta(minutes=_below(rng, 1, 600)))

    def _reporter(self, place: Place, channel: str) -> dict:
        rng = self.rng
        female = rng.random() < 0.45
        first = _pick(rng, FIRST_NAMES_F if female else FIRST_NAMES_M)
        name = f"{first} {_pick(rng, LAST_NAMES)}"
        born = date(1955, 1, 1) + timedelta(days=_below(rng, 0, 365 * 50))
        kab, kec = place.desa_code.split(".")[1:3]
        nik = (f"63{kab}{kec}{born.day + (40 if female else 0):02d}{born.month:02d}"
               f"{born.year % 100:02d}{_below(rng, 1, 9999):04d}")
        reporter = {
            "name": name,
            "nik": nik if channel in ("loket", "surat") else None,  # NIK: paper forms only
            "phone": f"+628{_pick(rng, (11, 12, 13, 21, 22, 52, 53, 57, 77, 78, 95))}"
                     f"{_below(rng, 10_000_000, 99_999_999)}",
            "email": (f"{first.lower()}.{_below(rng, 10, 999)}@gmail.com"
                      if rng.random() < 0.4 else None),
            "address": f"{_pick(rng, STREETS).format(n=_below(rng, 1, 40))} RT "
                       f"{_below(rng, 1, 30):03d}, {place.desa}, {place.kecamatan}",
        }
        return reporter

    def snapshot(self, tracking_number: int | None) -> dict:
        rng = self.rng
        topic = _TOPICS.pick(rng)
        place = _pick(rng, self.places)
        fill = {"desa": place.desa, "kecamatan": place.kecamatan, "kabkota": place.kabkota,
                "jalan": _pick(rng, STREETS).format(n=_below(rng, 1, 40)),
                "n": _below(rng, 2, 9), "rt": f"{_below(rng, 1, 30):03d}"}
        title = _pick(rng, topic.titles).format(**fill)
        details = _sample(rng, topic.details, min(len(topic.details), _below(rng, 1, 4)))
        parts = [_pick(rng, OPENINGS), *details, _pick(rng, DURATIONS), _pick(rng, REQUESTS)]
        content = " ".join(p.format(**fill) for p in parts if p)
        channel = CHANNELS.pick(rng)
        received = self._received()
        anonymous = rng.random() < 0.1
        snap = {
            "id": _uuid4(rng),
            "tracking_number": tracking_number,
            "provisional_number": self._provisional_number(channel, received, tracking_number),
            "title": title,
            "content": content,
            "classification": CLASSIFICATIONS.pick(rng),
            "category_id": topic.category_id,
            "channel": channel,
            "incident_date": (received.date() - timedelta(days=_below(rng, 0, 14))).isoformat(),
            "region_code": place.desa_code,
            "location_text": _pick(rng, ("depan pasar", "dekat masjid", "samping sekolah",
                                         "ujung gang", "simpang tiga", "tepi sungai",
                                         "belakang kantor desa", None)),
            # As the server sends it to an agency officer: anonymous identity removed.
            "reporter": None if anonymous else self._reporter(place, channel),
            "anonymous": anonymous,
            "confidential": rng.random() < 0.05,
            "agency_code": topic.agency,
            "unit_codes": [],
            "status": "belum_diverifikasi",
            "previous_status": None,
            "sifat": SIFAT.pick(rng),
            "tags": _sample(rng, ("prioritas", "viral", "berulang", "lapangan"),
                            _pick(rng, (0, 0, 0, 1, 1, 2))),
            "duplicate_of": None,
            "received_at": received.isoformat(timespec="seconds"),
            "phase_started": received.date().isoformat(),
            "held_working_days": 0,
            "hold_started": None,
            "version": 0,
        }
        self._walk(snap, topic, received)
        due = snapshot_due(snap, self.policy, self.cal)
        snap["due_date"] = due.isoformat() if due else None
        if snap["status"] in ("selesai", "bukan_wewenang", "diarsipkan"):
            snap["due_date"] = None
        snap["attachments"] = self._attachments(snap["id"]) if rng.random() < 0.25 else []
        return snap

    @staticmethod
    def _provisional_number(channel: str, received: datetime, tracking: int | None) -> str | None:
        """Paper complaints were first numbered at the desk (``L-<desk>-<date>-<n>``)."""
        if channel not in ("loket", "surat"):
            return None
        return f"L-D1-{received:%Y%m%d}-{(tracking or 0) % 9999 + 1:04d}"

    def _attachments(self, cid: str) -> list[dict]:
        rng = self.rng
        return [{"sha256": f"{rng.getrandbits(256):064x}",
                 "filename": _pick(rng, ("foto_lokasi.jpg", "IMG_2026.jpg", "bukti.pdf",
                                         "surat_pengantar.pdf", "video_kejadian.mp4")),
                 "mime": "image/jpeg", "size": _below(rng, 40_000, 3_000_000)}
                for _ in range(_pick(rng, (1, 1, 2, 3)))]

    def _event(self, snap: dict, kind: str, at: datetime, actor: tuple[str, str],
               from_status: str | None, note: str | None, data: dict) -> dict:
        return {"id": _uuid4(self.rng),
                "at": at.isoformat(timespec="seconds"), "actor": actor[0], "actor_name": actor[1],
                "kind": kind, "from_status": from_status, "to_status": snap["status"],
                "note": note, "data": data}

    def _walk(self, snap: dict, topic: Topic, received: datetime) -> None:
        """Create, then the path's steps while they fall before ``now``."""
        rng = self.rng
        agency = topic.agency.lower()
        admin = (f"admin.{agency}", f"{_pick(rng, FIRST_NAMES_M)} {_pick(rng, LAST_NAMES)}")
        officer = (f"petugas.{agency}", f"{_pick(rng, FIRST_NAMES_F)} {_pick(rng, LAST_NAMES)}")
        intake = admin if snap["channel"] not in ("loket", "surat") else (
            "loket.diskominfo", "Petugas Loket")
        timeline = [self._event(snap, "create", received, intake, None, None,
                                {"channel": snap["channel"]})]
        last = received
        path = PATHS.pick(rng)
        for kind in path:
            usual, late, p_late = GAPS[kind]
            gap = _pick(rng, late if rng.random() < p_late else usual)
            day = self._after(last.date(), gap) if gap else last.date()
            at = self._office_time(day, after=last)
            if at > self.now:
                break
            from_status = snap["status"]
            note, data, actor = None, {}, admin
            if kind == "dispose":
                units = self._agency_units[topic.agency]
                chosen = [u for u in topic.units if u in units][:_pick(rng, (1, 1, 1, 2))]
                snap["unit_codes"] = chosen or units[:1]
                snap["phase_started"] = at.date().isoformat()
                data = {"unit_codes": list(snap["unit_codes"]), "sifat": snap["sifat"],
                        "instructions": ["Proses lebih lanjut"], "due_overridden": False}
            elif kind in PHASE_STARTING:
                snap["phase_started"] = at.date().isoformat()
                snap["held_working_days"] = 0
                actor = officer
                text = FOLLOW_UPS if kind == "follow_up" else CLARIFICATIONS
                note = _pick(rng, text).format(n=_below(rng, 1, 4))
                data = {"visibility": "reporter"}
            elif kind == "hold":
                snap["previous_status"] = from_status
                snap["hold_started"] = at.date().isoformat()
                note = _pick(rng, HOLD_REASONS)
            elif kind == "resume":
                held = max(0, self.cal.working_days_between(
                    date.fromisoformat(snap["hold_started"]), at.date()))
                snap["held_working_days"] += held
                snap["status"] = snap["previous_status"]
                snap["previous_status"] = snap["hold_started"] = None
                data = {"held_working_days": held}
            elif kind == "not_authority":
                note = _pick(rng, NOT_AUTHORITY)
            elif kind == "note":
                note, data, actor = "Sudah dikoordinasikan melalui telepon.", {
                    "visibility": "internal"}, officer
            elif kind == "close":
                data = {"auto": gap >= self.policy.auto_close_days}
            if TARGET[kind]:
                snap["status"] = TARGET[kind]
            timeline.append(self._event(snap, kind, at, actor, from_status, note, data))
            last = at
        snap["timeline"] = timeline
        snap["version"] = len(timeline)
        snap["updated_at"] = timeline[-1]["at"]


def generate(count: int, *, start_number: int, seed: int | str | None = None,
             now: datetime | None = None, policy: DeadlinePolicy | None = None,
             cal: WorkingCalendar | None = None) -> Iterator[dict]:
    """``count`` demo snapshots numbered from ``start_number``."""
    gen = DemoGenerator(seed, now=now, policy=policy, cal=cal)
    for i in range(count):
        yield gen.snapshot(start_number + i)


def make_chunk(seed: int, index: int, start_number: int, count: int, now: datetime,
               policy: DeadlinePolicy, local_holidays: dict[date, str]) -> Prepared:
    """Rows of chunk ``index`` (runs in a worker process: arguments are picklable)."""
    cal = _calendar(tuple(sorted(local_holidays.items())))
    snaps = generate(count, start_number=start_number, seed=f"{seed}:{index}", now=now,
                     policy=policy, cal=cal)
    return prepare(list(snaps))


@functools.lru_cache(maxsize=4)
def _calendar(local: tuple) -> WorkingCalendar:
    return _MemoCalendar(WorkingCalendar(dict(local)))


def seed_store(service, count: int, *, seed: int | None = None, chunk: int = 5000,  # noqa: ANN001
               now: datetime | None = None, workers: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> int:
    """Add ``count`` demo complaints to ``service`` (a DeskService), ``chunk`` per transaction.

    Tracking numbers continue after the highest one stored. The same ``seed`` gives the
    same complaints. With ``workers`` > 0, chunks are generated in worker processes while
    this process writes; they are spawned, so the caller's ``__main__`` must be import-safe
    (``python -m desktop`` is; a frozen build is not: use 0). Returns the number written.
    """
    service.merge_reference(**reference_data())
    start = max(service.max_tracking_number() + 1, FIRST_TRACKING_NUMBER)
    seed = random.randrange(2**31) if seed is None else seed
    common = (seed, now or clock().now(), service.policy, service.calendar.local_holidays)
    jobs = [(i, start + i * chunk, min(chunk, count - i * chunk))
            for i in range((count + chunk - 1) // chunk)]
    if workers is None:
        workers = 1 if len(jobs) >= 4 and (os.cpu_count() or 1) > 1 and not FROZEN else 0
    written = 0

    def write(rows: Prepared) -> None:
        nonlocal written
        written += service.write_prepared(rows)
        if progress:
            progress(written, count)

    if workers <= 0:
        for job in jobs:
            write(make_chunk(seed, *job, *common[1:]))  # type: ignore[misc]
        return written
    context = multiprocessing.get_context("spawn")  # never fork a process holding SQLite
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque = deque()
        for index, first, n in jobs:
            pending.append(pool.submit(make_chunk, seed, index, first, n, *common[1:]))
            if len(pending) > workers + 1:  # bounded read-ahead
                write(pending.popleft().result())
        while pending:
            write(pending.popleft().result())
    return written
