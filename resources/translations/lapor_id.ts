<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Channel</name>
    <message>
        <source>Website</source>
        <translation>Situs Web</translation>
    </message>
    <message>
        <source>SMS 1708</source>
        <translation>SMS 1708</translation>
    </message>
    <message>
        <source>Mobile App</source>
        <translation>Aplikasi Seluler</translation>
    </message>
    <message>
        <source>Social Media</source>
        <translation>Media Sosial</translation>
    </message>
    <message>
        <source>Front Desk (in person)</source>
        <translation>Loket (Tatap Muka)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
</context>
<context>
    <name>Classification</name>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Aspiration</source>
        <translation>Aspirasi</translation>
    </message>
    <message>
        <source>Information Request</source>
        <translation>Permintaan Informasi</translation>
    </message>
</context>
<context>
    <name>ComingSoonPage</name>
    <message>
        <source>Coming soon in a next version of LAPOR! Desk.</source>
        <translation>Segera hadir di versi LAPOR! Desk berikutnya.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a complaint to see its details.</source>
        <translation>Pilih pengaduan untuk melihat rinciannya.</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Provisional no. %1</source>
        <translation>No. sementara %1</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Belum ada riwayat.</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Sifat</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Surel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Isi laporan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>Record Complaint</source>
        <translation>Catat Pengaduan</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposisi</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak Lanjut</translation>
    </message>
    <message>
        <source>Ask Reporter for Clarification</source>
        <translation>Minta Klarifikasi Pelapor</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Put on Hold</source>
        <translation>Tunda</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Not Our Authority</source>
        <translation>Bukan Wewenang</translation>
    </message>
    <message>
        <source>Reroute to Another Agency</source>
        <translation>Alihkan Instansi</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arsipkan</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka Kembali</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Change Privacy</source>
        <translation>Ubah Kerahasiaan</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Issue Letter</source>
        <translation>Terbitkan Surat</translation>
    </message>
    <message>
        <source>Void Letter</source>
        <translation>Batalkan Surat</translation>
    </message>
    <message>
        <source>Mark as Duplicate</source>
        <translation>Tandai Duplikat</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the local database…</source>
        <translation>Membuka basis data lokal…</translation>
    </message>
    <message>
        <source>The local database could not be opened.</source>
        <translation>Basis data lokal tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Log walk-in and paper complaints and print receipts.</source>
        <translation>Mencatat pengaduan tatap muka dan surat, serta mencetak tanda terima.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Recaps per unit, per category and per deadline.</source>
        <translation>Rekap per unit, per kategori, dan per batas waktu.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Central server, sync interval, letterhead and language.</source>
        <translation>Server pusat, jeda sinkronisasi, kop surat, dan bahasa.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Sync: not set up yet</source>
        <translation>Sinkronisasi: belum diatur</translation>
    </message>
    <message>
        <source>%1 complaints</source>
        <translation>%1 pengaduan</translation>
    </message>
    <message>
        <source>No complaint matches “%1”.</source>
        <translation>Tidak ada pengaduan yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <source>No complaints on this desk yet.
They arrive with the first sync with the central server, or record one at the Front desk.</source>
        <translation>Belum ada pengaduan di desk ini.
Pengaduan masuk pada sinkronisasi pertama dengan server pusat, atau catat pengaduan di Loket.</translation>
    </message>
    <message>
        <source>No complaints in this view.</source>
        <translation>Tidak ada pengaduan di tampilan ini.</translation>
    </message>
    <message>
        <source>This complaint is no longer in the local database.</source>
        <translation>Pengaduan ini sudah tidak ada di basis data lokal.</translation>
    </message>
    <message>
        <source>LAPOR! Desk</source>
        <translation>LAPOR! Desk</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>Search title, content, tracking number…</source>
        <translation>Cari judul, isi, nomor lacak…</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigasi</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Complaints to handle (Ctrl+1)</source>
        <translation>Pengaduan yang perlu ditangani (Ctrl+1)</translation>
    </message>
    <message>
        <source>Log a walk-in or paper complaint (Ctrl+2)</source>
        <translation>Catat pengaduan tatap muka atau surat (Ctrl+2)</translation>
    </message>
    <message>
        <source>Recaps and statistics (Ctrl+3)</source>
        <translation>Rekap dan statistik (Ctrl+3)</translation>
    </message>
    <message>
        <source>Desk settings (Ctrl+4)</source>
        <translation>Pengaturan desk (Ctrl+4)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat Ulang</translation>
    </message>
    <message>
        <source>Reload the queue from the local database (F5)</source>
        <translation>Muat ulang antrian dari basis data lokal (F5)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Tracking no.</source>
        <translation>No. Lacak</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Sisa waktu</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>Terlambat 1 hari</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>Terlambat %1 hari</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>1 hari lagi</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>%1 hari lagi</translation>
    </message>
    <message>
        <source>Provisional number: the central server assigns the tracking number at the next sync</source>
        <translation>Nomor sementara: server pusat memberi nomor lacak pada sinkronisasi berikutnya</translation>
    </message>
    <message>
        <source>Deadline: %1 (working days)</source>
        <translation>Batas waktu: %1 (hari kerja)</translation>
    </message>
</context>
<context>
    <name>Sifat</name>
    <message>
        <source>Ordinary</source>
        <translation>Biasa</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Segera</translation>
    </message>
    <message>
        <source>Very Urgent</source>
        <translation>Sangat Segera</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not Yet Verified</source>
        <translation>Belum Diverifikasi</translation>
    </message>
    <message>
        <source>Dispositioned</source>
        <translation>Didisposisikan</translation>
    </message>
    <message>
        <source>Followed Up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <source>Awaiting Reporter&apos;s Reply</source>
        <translation>Menunggu Tanggapan Pelapor</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>On Hold</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>Not Our Authority</source>
        <translation>Bukan Wewenang</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Diarsipkan</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>The operation could not be completed.

Details for the helpdesk: %1</source>
        <translation>Tindakan tidak dapat diselesaikan.

Rincian untuk helpdesk: %1</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Needs Verification</source>
        <translation>Perlu Verifikasi</translation>
    </message>
    <message>
        <source>For My Unit</source>
        <translation>Untuk Unit Saya</translation>
    </message>
    <message>
        <source>Due Soon</source>
        <translation>Jatuh Tempo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Awaiting Reporter</source>
        <translation>Menunggu Pelapor</translation>
    </message>
    <message>
        <source>On Hold</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arsip</translation>
    </message>
</context>
</TS>
