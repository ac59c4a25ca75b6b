"""``lapor-server seed-demo``: a Kalimantan Selatan setup to try the product with.

The provincial Diskominfo is the central admin; five SOPD with their bidang and UPT; one
account of every agency role per agency (a unit officer per unit) plus two central admins;
a few hundred complaints walked through the real workflow (``sync_push.push`` and so
``core.apply_op``), so their timelines, deadlines and feed entries are genuine.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from core import Regions
from core.clock import clock
from server import directory, org_seed
from server.auth import Principal
from server.context import ServerContext
from server.models import Agency, User
from server.schemas import OpIn
from server.security import hash_password

DEFAULT_PASSWORD = "paman-demo-2026"

AGENCIES: list[dict[str, Any]] = [
    {"code": "DISKOMINFO", "short": "Diskominfo Kalsel", "central": True,
     "name": "Dinas Komunikasi dan Informatika Provinsi Kalimantan Selatan",
     "address": "Jl. Dharma Praja No. 1, Kawasan Perkantoran Pemprov Kalsel, Banjarbaru",
     "website": "diskominfo.kalselprov.go.id",
     "units": [("IKP", "Bidang Informasi dan Komunikasi Publik", "bidang"),
               ("APTIKA", "Bidang Aplikasi Informatika", "bidang"),
               ("SANDI", "Bidang Persandian dan Statistik", "bidang")]},
    {"code": "PUPR", "short": "Dinas PUPR",
     "name": "Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Kalimantan Selatan",
     "address": "Jl. Sultan Adam No. 12, Banjarmasin", "website": "dpupr.kalselprov.go.id",
     "units": [("BINAMARGA", "Bidang Bina Marga", "bidang"),
               ("SDA", "Bidang Sumber Daya Air", "bidang"),
               ("CIPTAKARYA", "Bidang Cipta Karya", "bidang"),
               ("UPTJJ1", "UPT Pengelolaan Jalan dan Jembatan Wilayah I", "upt")]},
    {"code": "DISDIKBUD", "short": "Disdikbud Kalsel",
     "name": "Dinas Pendidikan dan Kebudayaan Provinsi Kalimantan Selatan",
     "address": "Jl. Jenderal Sudirman No. 9, Banjarmasin",
     "website": "disdikbud.kalselprov.go.id",
     "units": [("SMA", "Bidang Pembinaan SMA", "bidang"),
               ("SMK", "Bidang Pembinaan SMK", "bidang"),
               ("PKLK", "Bidang Pendidikan Khusus dan Layanan Khusus", "bidang"),
               ("BUDAYA", "Bidang Kebudayaan", "bidang")]},
    {"code": "DINKES", "short": "Dinkes Kalsel",
     "name": "Dinas Kesehatan Provinsi Kalimantan Selatan",
     "address": "Jl. Belitung Darat No. 118, Banjarmasin", "website": "dinkes.kalselprov.go.id",
     "units": [("YANKES", "Bidang Pelayanan Kesehatan", "bidang"),
               ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "bidang"),
               ("KESMAS", "Bidang Kesehatan Masyarakat", "bidang"),
               ("LABKES", "UPT Laboratorium Kesehatan Daerah", "upt")]},
    {"code": "DISHUB", "short": "Dishub Kalsel",
     "name": "Dinas Perhubungan Provinsi Kalimantan Selatan",
     "address": "Jl. Jenderal A. Yani Km 6, Banjarmasin", "website": "dishub.kalselprov.go.id",
     "units": [("LLAJ", "Bidang Lalu Lintas dan Angkutan Jalan", "bidang"),
               ("PELAYARAN", "Bidang Pelayaran", "bidang"),
               ("UPTPP", "UPT Pengelolaan Prasarana Perhubungan", "upt")]},
    {"code": "DISDUKCAPIL", "short": "Disdukcapil Kalsel",
     "name": "Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Selatan",
     "address": "Jl. Jenderal A. Yani Km 6, Banjarmasin",
     "website": "disdukcapil.kalselprov.go.id",
     "units": [("DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk", "bidang"),
               ("CAPIL", "Bidang Pelayanan Pencatatan Sipil", "bidang"),
               ("PIAK", "Bidang Pengelolaan Informasi Administrasi Kependudukan", "bidang")]},
]

FIRST = ["Ahmad", "Muhammad", "Siti", "Nur", "Rahmat", "Fitri", "Hendra", "Rina", "Syahrani",
         "Aulia", "Yusuf", "Dewi", "Rizky", "Noor", "Hairul", "Lailatul", "Gusti", "Irma",
         "Fahmi", "Normasari", "Akhmad", "Halimah", "Taufik", "Mariana"]
LAST = ["Rahman", "Hidayat", "Aminah", "Fauzi", "Maulana", "Saputra", "Jannah", "Anshari",
        "Rusdi", "Wahyuni", "Ramadhan", "Hasanah", "Syarifuddin", "Noorhayati", "Effendi",
        "Salim", "Arifin", "Zainal"]

PLACES = ["Banjarmasin", "Banjarbaru", "Martapura", "Pelaihari", "Kandangan", "Barabai",
          "Amuntai", "Tanjung", "Kotabaru", "Batulicin", "Rantau", "Marabahan", "Paringin"]

# Agency -> (category, unit, title template, content template)
TOPICS: dict[str, list[tuple[str, str, str, str]]] = {
    "PUPR": [
        ("jalan_jembatan", "BINAMARGA", "Jalan berlubang di ruas {place}",
         "Ruas jalan provinsi di {place} berlubang cukup dalam sejak bulan lalu dan sudah "
         "beberapa kali menyebabkan pengendara sepeda motor terjatuh, terutama malam hari."),
        ("jalan_jembatan", "UPTJJ1", "Jembatan penghubung di {place} retak",
         "Lantai jembatan di {place} retak dan bergoyang ketika truk lewat. Warga khawatir "
         "jembatan ambruk. Mohon segera diperiksa oleh petugas."),
        ("drainase_banjir", "SDA", "Saluran air tersumbat menyebabkan banjir di {place}",
         "Setiap hujan deras, air meluap ke rumah warga di {place} karena saluran drainase "
         "tersumbat sampah dan lumpur. Mohon normalisasi saluran."),
        ("pekerjaan_umum_penataan_ruang", "CIPTAKARYA", "Air bersih tidak mengalir di {place}",
         "Sudah dua minggu jaringan air bersih program provinsi di {place} tidak mengalir."),
    ],
    "DISDIKBUD": [
        ("ppdb", "SMA", "Sistem PPDB zonasi bermasalah di {place}",
         "Anak kami tidak diterima di SMA negeri terdekat di {place} padahal jarak rumah "
         "kurang dari satu kilometer, sementara pendaftar yang lebih jauh diterima."),
        ("bantuan_pendidikan", "SMK", "Pungutan biaya praktik di SMK {place}",
         "Siswa SMK negeri di {place} diminta membayar biaya praktik yang tidak jelas dasarnya."),
        ("paket_data_pelajar", "SMA", "Bantuan kuota internet pelajar belum diterima",
         "Anak saya pelajar SMA di {place} belum menerima bantuan kuota data internet dari "
         "pemerintah provinsi, padahal teman sekelasnya sudah."),
        ("pendidikan_kebudayaan", "BUDAYA", "Cagar budaya di {place} tidak terawat",
         "Bangunan bersejarah di {place} rusak dan dipenuhi semak. Mohon perhatian dinas."),
    ],
    "DINKES": [
        ("puskesmas_rumah_sakit", "YANKES", "Antrean sangat panjang di puskesmas {place}",
         "Pasien di puskesmas {place} harus menunggu lebih dari empat jam untuk diperiksa, "
         "loket pendaftaran hanya satu yang dibuka."),
        ("bpjs_kesehatan", "YANKES", "Pasien BPJS ditolak rumah sakit di {place}",
         "Keluarga kami peserta BPJS Kesehatan ditolak rawat inap di rumah sakit {place} "
         "dengan alasan kamar penuh, tetapi pasien umum diterima."),
        ("kesehatan", "P2P", "Kasus demam berdarah meningkat di {place}",
         "Banyak warga {place} terkena demam berdarah bulan ini. Mohon dilakukan fogging."),
        ("kesehatan", "KESMAS", "Posyandu di {place} kekurangan vitamin",
         "Posyandu di {place} kehabisan vitamin A untuk balita sejak dua bulan terakhir."),
    ],
    "DISHUB": [
        ("perhubungan", "LLAJ", "Lampu lalu lintas mati di simpang {place}",
         "Lampu lalu lintas di simpang empat {place} mati sejak seminggu dan sering terjadi "
         "kemacetan serta nyaris tabrakan."),
        ("angkutan_umum", "LLAJ", "Angkutan umum ngetem sembarangan di {place}",
         "Angkutan kota di {place} berhenti lama menunggu penumpang di badan jalan."),
        ("perhubungan", "PELAYARAN", "Speedboat tanpa pelampung di dermaga {place}",
         "Speedboat penumpang di dermaga {place} tidak menyediakan pelampung untuk penumpang."),
        ("perhubungan", "UPTPP", "Terminal {place} kotor dan gelap",
         "Terminal penumpang di {place} tidak ada penerangan pada malam hari dan toilet rusak."),
    ],
    "DISDUKCAPIL": [
        ("ktp_elektronik", "DAFDUK", "KTP elektronik belum jadi setelah tiga bulan",
         "Saya merekam KTP elektronik di {place} tiga bulan lalu dan sampai sekarang belum "
         "dicetak dengan alasan blangko habis."),
        ("kk_akta", "CAPIL", "Akta kelahiran anak belum terbit di {place}",
         "Pengurusan akta kelahiran anak kami di {place} sudah lebih dari sebulan belum selesai."),
        ("kependudukan", "PIAK", "Data NIK tidak terbaca saat daftar BPJS",
         "NIK saya tidak ditemukan saat mendaftar BPJS di {place}, padahal KTP sudah elektronik."),
    ],
    "DISKOMINFO": [
        ("komunikasi_informatika", "APTIKA", "Situs web layanan provinsi tidak bisa diakses",
         "Situs web layanan perizinan provinsi tidak bisa dibuka dari {place} sejak kemarin."),
        ("komunikasi_informatika", "IKP", "Sinyal internet lemah di desa {place}",
         "Desa kami di {place} belum terjangkau sinyal internet yang memadai untuk belajar."),
        ("netralitas_asn", "IKP", "Dugaan ASN berkampanye di media sosial",
         "Seorang ASN di {place} diduga mengunggah ajakan memilih calon tertentu di media sosial."),
    ],
}


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _nip(rng: random.Random) -> str:
    born = date(1970, 1, 1) + timedelta(days=rng.randint(0, 9000))
    return f"{born:%Y%m%d}{rng.randint(2000, 2020)}{rng.randint(1, 12):02d}{rng.randint(1, 2)}" \
           f"{rng.randint(1, 999):03d}"


def _ensure_directory(ctx: ServerContext, password: str, rng: random.Random) -> dict[str, Any]:
    """Agencies, units and users (skipping what exists, so seeding twice is harmless)."""
    password_hash = hash_password(password)  # one argon2 run for all demo accounts
    counts = {"agencies": 0, "units": 0, "users": 0}
    with ctx.db.write() as session:
        directory.ensure_categories(session)
        for spec in AGENCIES:
            code = spec["code"]
            if session.get(Agency, code) is None:
                directory.create_agency(session, code, spec["name"], short_name=spec["short"],
                                        is_central=spec.get("central", False),
                                        address=spec["address"], website=spec["website"])
                session.flush()
                for ucode, uname, kind in spec["units"]:
                    directory.create_unit(session, code, ucode, uname, kind)
                session.flush()
            counts["agencies"] += 1
            counts["units"] += len(spec["units"])
            people = [(f"{code.lower()}.loket", "loket", None, "Petugas Loket"),
                      (f"{code.lower()}.admin", "admin_instansi", None, "Admin Instansi"),
                      (f"{code.lower()}.pimpinan", "pimpinan", None, f"Kepala {spec['name']}")]
            people += [(f"{code.lower()}.{u.lower()}", "petugas_unit", u, f"Petugas {name}")
                       for u, name, _ in spec["units"]]
            if spec.get("central"):
                people += [("pusat.admin", "admin_pusat", None, "Admin Koordinator LAPOR! Paman"),
                           ("pusat.admin2", "admin_pusat", None, "Admin Koordinator LAPOR! Paman")]
            for username, role, unit, jabatan in people:
                exists = session.execute(sa.select(User.id).where(User.username == username))
                if exists.first() is None:
                    directory.create_user(session, username, role=role, agency=code, unit=unit,
                                          password="", password_hash=password_hash,
                                          full_name=_person(rng), jabatan=jabatan, nip=_nip(rng))
                    session.flush()
                counts["users"] += 1
        counts["positions"] = org_seed.ensure_positions(session, AGENCIES)
    return counts


def _principal(user: User) -> Principal:
    return Principal(user_id=user.id, username=user.username, full_name=user.full_name,
                     role=user.role, agency=user.agency_code, unit=user.unit_code,
                     device_id="seed-demo", session_id="seed-demo", address=None)


def _reporter(rng: random.Random, regions: Regions, region: str) -> dict[str, Any]:
    name = _person(rng)
    reporter: dict[str, Any] = {
        "name": name, "phone": f"+628{rng.randint(11, 59)}{rng.randint(10000000, 99999999)}",
        "address": f"Jl. {rng.choice(LAST)} No. {rng.randint(1, 120)}, "
                   f"{regions.name(region) or 'Banjarmasin'}",
    }
    if rng.random() < 0.5:
        district = region[:8].replace(".", "")
        born = date(1960, 1, 1) + timedelta(days=rng.randint(0, 15000))
        day = born.day + (40 if rng.random() < 0.5 else 0)
        reporter["nik"] = f"{district}{day:02d}{born:%m%y}{rng.randint(1, 9999):04d}"
    if rng.random() < 0.4:
        reporter["email"] = f"{name.split()[0].lower()}{rng.randint(1, 999)}@gmail.com"
    return reporter


def _villages(regions: Regions) -> list[str]:
    out = []
    for kab in regions.kabkota():
        for kec in regions.children(kab.code):
            out.extend(r.code for r in regions.children(kec.code))
    return out


def seed(ctx: ServerContext, *, password: str, complaints: int = 300,
         seed: int = 2026) -> dict[str, int]:
    from server import sync_push

    rng = random.Random(seed)
    counts = _ensure_directory(ctx, password, rng)
    with ctx.db.read() as session:
        users = {u.username: _principal(u) for u in session.execute(sa.select(User)).scalars()}
    regions = Regions.load()
    villages = _villages(regions)
    made = 0
    start = clock().now() - timedelta(days=60)
    for index in range(complaints):
        agency = rng.choice(list(TOPICS))
        category, unit, title, content = rng.choice(TOPICS[agency])
        region = rng.choice(villages)
        place = regions.name(region[:5]) or rng.choice(PLACES)
        place = place.replace("Kabupaten ", "").replace("Kota ", "")
        at = start + timedelta(minutes=rng.randint(0, 50 * 24 * 60))
        at = min(at, clock().now() - timedelta(hours=1))
        anonymous = rng.random() < 0.12
        payload = {
            "title": title.format(place=place), "content": content.format(place=place),
            "classification": rng.choice(["pengaduan"] * 6 + ["aspirasi", "permintaan_informasi"]),
            "category_id": category, "channel": rng.choice(["loket", "web", "sms_1708", "aplikasi",
                                                            "media_sosial", "surat"]),
            "incident_date": (at.date() - timedelta(days=rng.randint(0, 10))).isoformat(),
            "region_code": region, "location_text": f"dekat {rng.choice(['pasar', 'masjid', 'sekolah', 'kantor desa', 'simpang'])} {place}",  # noqa: E501
            "reporter": _reporter(rng, regions, region), "anonymous": anonymous,
            "confidential": rng.random() < 0.06, "agency_code": agency,
            "received_at": at.isoformat(timespec="seconds"),
        }
        lower = agency.lower()
        steps = _lifecycle(rng, agency, unit)
        cid = str(uuid.uuid4())
        version = 0
        first = users[f"{lower}.loket"]
        result = sync_push.push(ctx, first, [OpIn(op_id=uuid.uuid4(), complaint_id=cid,
                                                  base_version=0, kind="create",
                                                  payload=payload)], now=at)[0]
        if result["status"] != "applied":
            raise RuntimeError(f"demo complaint {index} rejected: {result}")
        version = result["version"]
        made += 1
        for kind, actor_name, op_payload in steps:
            at = min(at + timedelta(hours=rng.randint(2, 60)), clock().now())
            principal = users[actor_name.format(a=lower, u=unit.lower())]
            result = sync_push.push(ctx, principal, [OpIn(
                op_id=uuid.uuid4(), complaint_id=cid, base_version=version, kind=kind,
                payload=op_payload)], now=at)[0]
            if result["status"] != "applied":
                break  # the walk ends where the workflow says no; the complaint stays real
            version = result["version"]
    counts["complaints"] = made
    return counts


def _lifecycle(rng: random.Random, agency: str, unit: str) -> list[tuple[str, str, dict]]:
    """A plausible sequence of actions; the prefix taken decides the final status."""
    other = rng.choice([a for a in TOPICS if a not in (agency, "DISKOMINFO")])
    roll = rng.random()
    verify = ("verify", "{a}.admin", {"note": "Laporan lengkap, diteruskan ke bidang terkait."})
    dispose = ("dispose", "{a}.pimpinan", {
        "unit_codes": [unit], "sifat": rng.choice(["biasa", "biasa", "segera", "sangat_segera"]),
        "instructions": ["Proses lebih lanjut", "Selesaikan sesuai ketentuan"],
        "note": "Mohon ditindaklanjuti sesuai SOP."})
    follow = ("follow_up", "{a}.{u}", {"text": "Petugas telah meninjau lokasi dan menjadwalkan "
                                               "penanganan dalam minggu ini.",
                                       "visibility": "reporter"})
    clarify = ("request_clarification", "{a}.{u}", {
        "text": "Mohon pelapor mengirimkan foto dan titik lokasi yang lebih tepat."})
    close = ("close", "{a}.admin", {"note": "Tindak lanjut telah diterima pelapor."})
    if roll < 0.15:
        return []
    if roll < 0.22:
        return [verify]
    if roll < 0.27:
        return [("not_authority", "{a}.admin", {"reason": "Bukan kewenangan provinsi.",
                                                "suggested_agency_code": other}),
                ("reroute", "pusat.admin", {"agency_code": other, "reason": "Dialihkan."})]
    if roll < 0.40:
        return [verify, dispose]
    if roll < 0.55:
        return [verify, dispose, follow]
    if roll < 0.63:
        return [verify, dispose, follow, clarify]
    if roll < 0.70:
        return [verify, dispose, ("hold", "{a}.pimpinan", {"reason": "Menunggu anggaran."})]
    if roll < 0.93:
        return [verify, dispose, follow, close]
    return [verify, dispose, follow, close,
            ("archive", "{a}.admin", {"reason": "Selesai dan diarsipkan."})]
