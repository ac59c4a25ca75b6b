"""Roles, statuses, classifications, channels, sifat and operation kinds, with Indonesian labels."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    loket = "loket"
    petugas_unit = "petugas_unit"
    admin_instansi = "admin_instansi"
    pimpinan = "pimpinan"
    admin_pusat = "admin_pusat"


class Status(StrEnum):
    belum_diverifikasi = "belum_diverifikasi"
    didisposisikan = "didisposisikan"
    ditindaklanjuti = "ditindaklanjuti"
    menunggu_tanggapan_pelapor = "menunggu_tanggapan_pelapor"
    selesai = "selesai"
    ditunda = "ditunda"
    bukan_wewenang = "bukan_wewenang"
    diarsipkan = "diarsipkan"


class Classification(StrEnum):
    pengaduan = "pengaduan"
    aspirasi = "aspirasi"
    permintaan_informasi = "permintaan_informasi"


class Channel(StrEnum):
    web = "web"
    sms_1708 = "sms_1708"
    aplikasi = "aplikasi"
    media_sosial = "media_sosial"
    loket = "loket"
    surat = "surat"


class Sifat(StrEnum):
    biasa = "biasa"
    segera = "segera"
    sangat_segera = "sangat_segera"
    rahasia = "rahasia"


class Visibility(StrEnum):
    """Who may read a follow-up or note: officers only, or also the reporter."""

    internal = "internal"
    reporter = "reporter"


class OpKind(StrEnum):
    create = "create"
    verify = "verify"
    dispose = "dispose"
    follow_up = "follow_up"
    request_clarification = "request_clarification"
    close = "close"
    hold = "hold"
    resume = "resume"
    not_authority = "not_authority"
    reroute = "reroute"
    archive = "archive"
    reopen = "reopen"
    note = "note"
    privacy_flags = "privacy_flags"
    attach = "attach"
    letter_issued = "letter_issued"
    letter_voided = "letter_voided"
    mark_duplicate = "mark_duplicate"
    # The disposition chain (core/chain.py): level by level through positions.
    chain_dispose = "chain_dispose"
    chain_read = "chain_read"
    chain_withdraw = "chain_withdraw"
    chain_report = "chain_report"


# ``QueueFilter.status`` value for every complaint whose work is not over (not selesai,
# bukan wewenang or diarsipkan): what the Dasbor's workload counts as open. Here, not in
# the store, so the filter panel can name it without loading the store at start-up.
OPEN_STATUS = "belum_selesai"

# Landed events that change nothing another officer's decision rests on (no status, no
# routing, no complaint field): an op based on the version before them still applies.
# A chain op changes only its own entries of ``snapshot["chain"]``, never the status or the
# routing that other actions rest on.
PASSIVE_KINDS: frozenset[OpKind] = frozenset(
    {OpKind.note, OpKind.attach, OpKind.letter_issued, OpKind.letter_voided,
     OpKind.chain_dispose, OpKind.chain_read, OpKind.chain_withdraw, OpKind.chain_report})


# State changes that touch disjoint parts of a complaint: either may land first.
DISJOINT_KINDS: frozenset[frozenset[OpKind]] = frozenset(
    {frozenset({OpKind.verify, OpKind.privacy_flags})})


def commutes(incoming: OpKind, landed: OpKind) -> bool:
    """The commutation table (server and desk alike): may ``incoming``, based on a version
    before ``landed``'s event, still apply? Only real conflicts (two state changes that
    exclude each other, e.g. two dispositions) are refused."""
    return (incoming in COMMUTING_KINDS or landed in PASSIVE_KINDS
            or frozenset({incoming, landed}) in DISJOINT_KINDS)


# May be applied on an older base version; every other kind needs base_version == version.
COMMUTING_KINDS: frozenset[OpKind] = frozenset(
    {
        OpKind.note,
        OpKind.follow_up,
        OpKind.attach,
        OpKind.letter_issued,
        OpKind.letter_voided,
        OpKind.mark_duplicate,
        # Chain ops name their entry; apply_op checks that entry's state on the current
        # snapshot, which decides exactly, per entry: a withdrawal after the recipient's
        # read (a chain_read landed after its base) is refused there, naming who read it
        # when; a read of a withdrawn disposition likewise.
        OpKind.chain_dispose,
        OpKind.chain_read,
        OpKind.chain_withdraw,
        OpKind.chain_report,
    }
)

ROLE_LABELS: dict[Role, str] = {
    Role.loket: "Petugas Loket",
    Role.petugas_unit: "Petugas Unit",
    Role.admin_instansi: "Admin Instansi",
    Role.pimpinan: "Pimpinan",
    Role.admin_pusat: "Admin Pusat",
}

STATUS_LABELS: dict[Status, str] = {
    Status.belum_diverifikasi: "Belum Diverifikasi",
    Status.didisposisikan: "Didisposisikan",
    Status.ditindaklanjuti: "Ditindaklanjuti",
    Status.menunggu_tanggapan_pelapor: "Menunggu Tanggapan Pelapor",
    Status.selesai: "Selesai",
    Status.ditunda: "Ditunda",
    Status.bukan_wewenang: "Bukan Wewenang",
    Status.diarsipkan: "Diarsipkan",
}
# How a verified complaint still awaiting disposition is shown: its status stays
# belum_diverifikasi (the agency has not routed it yet) but it has ``verified_at``.
VERIFIED_LABEL = "Terverifikasi, Menunggu Disposisi"

CLASSIFICATION_LABELS: dict[Classification, str] = {
    Classification.pengaduan: "Pengaduan",
    Classification.aspirasi: "Aspirasi",
    Classification.permintaan_informasi: "Permintaan Informasi",
}

CHANNEL_LABELS: dict[Channel, str] = {
    Channel.web: "Situs Web",
    Channel.sms_1708: "SMS 1708",
    Channel.aplikasi: "Aplikasi Seluler",
    Channel.media_sosial: "Media Sosial",
    Channel.loket: "Loket (Tatap Muka)",
    Channel.surat: "Surat",
}

SIFAT_LABELS: dict[Sifat, str] = {
    Sifat.sangat_segera: "Sangat Segera",
    Sifat.segera: "Segera",
    Sifat.biasa: "Biasa",
    Sifat.rahasia: "Rahasia",
}

VISIBILITY_LABELS: dict[Visibility, str] = {
    Visibility.internal: "Internal",
    Visibility.reporter: "Untuk Pelapor",
}

# Button / timeline labels of each action.
KIND_LABELS: dict[OpKind, str] = {
    OpKind.create: "Catat Pengaduan",
    OpKind.verify: "Verifikasi",
    OpKind.dispose: "Disposisi",
    OpKind.follow_up: "Tindak Lanjut",
    OpKind.request_clarification: "Minta Klarifikasi Pelapor",
    OpKind.close: "Selesaikan",
    OpKind.hold: "Tunda",
    OpKind.resume: "Lanjutkan",
    OpKind.not_authority: "Bukan Wewenang",
    OpKind.reroute: "Alihkan Instansi",
    OpKind.archive: "Arsipkan",
    OpKind.reopen: "Buka Kembali",
    OpKind.note: "Catatan",
    OpKind.privacy_flags: "Ubah Kerahasiaan",
    OpKind.attach: "Lampiran",
    OpKind.letter_issued: "Terbitkan Surat",
    OpKind.letter_voided: "Batalkan Surat",
    OpKind.mark_duplicate: "Tandai Duplikat",
    OpKind.chain_dispose: "Disposisi ke Jabatan",
    OpKind.chain_read: "Baca Disposisi",
    OpKind.chain_withdraw: "Tarik Disposisi",
    OpKind.chain_report: "Laporan Tindak Lanjut",
}

# Passive verb phrase, for "Pengaduan berstatus X tidak dapat <verb>."
KIND_VERBS: dict[OpKind, str] = {
    OpKind.create: "dicatat ulang",
    OpKind.verify: "diverifikasi",
    OpKind.dispose: "didisposisikan",
    OpKind.follow_up: "ditindaklanjuti",
    OpKind.request_clarification: "dimintakan klarifikasi kepada pelapor",
    OpKind.close: "diselesaikan",
    OpKind.hold: "ditunda",
    OpKind.resume: "dilanjutkan",
    OpKind.not_authority: "dinyatakan bukan wewenang",
    OpKind.reroute: "dialihkan ke instansi lain",
    OpKind.archive: "diarsipkan",
    OpKind.reopen: "dibuka kembali",
    OpKind.note: "diberi catatan",
    OpKind.privacy_flags: "diubah kerahasiaannya",
    OpKind.attach: "diberi lampiran",
    OpKind.letter_issued: "diterbitkan suratnya",
    OpKind.letter_voided: "dibatalkan suratnya",
    OpKind.mark_duplicate: "ditandai sebagai duplikat",
    OpKind.chain_dispose: "didisposisikan ke jabatan",
    OpKind.chain_read: "dibaca disposisinya",
    OpKind.chain_withdraw: "ditarik disposisinya",
    OpKind.chain_report: "dilaporkan tindak lanjutnya",
}

# Checkbox rows of the Lembar Disposisi ("Dengan hormat harap:").
DISPOSITION_INSTRUCTIONS: tuple[str, ...] = (
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Koordinasikan",
    "Untuk diketahui",
    "Selesaikan sesuai ketentuan",
)
