<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ActionController</name>
    <message>
        <source>&amp;Next complaint</source>
        <translation>Pengaduan &amp;berikutnya</translation>
    </message>
    <message>
        <source>&amp;Previous complaint</source>
        <translation>Pengaduan &amp;sebelumnya</translation>
    </message>
    <message>
        <source>Dispose &amp;selected…</source>
        <translation>Disposisi &amp;terpilih…</translation>
    </message>
    <message>
        <source>Canned &amp;replies and instructions…</source>
        <translation>&amp;Balasan siap pakai, instruksi dan petugas…</translation>
    </message>
    <message>
        <source>The local database is still opening.</source>
        <translation>Basis data lokal masih dibuka.</translation>
    </message>
    <message>
        <source>Not signed in: sign in with your officer account to act on complaints.</source>
        <translation>Belum masuk: masuk dengan akun petugas Anda untuk menangani pengaduan.</translation>
    </message>
    <message>
        <source>Select a complaint first.</source>
        <translation>Pilih pengaduan terlebih dahulu.</translation>
    </message>
    <message>
        <source>Your role may not dispose complaints.</source>
        <translation>Peran Anda tidak berwenang mendisposisikan pengaduan.</translation>
    </message>
    <message>
        <source>Select one or more complaints in the queue (Ctrl+click, Shift+click).</source>
        <translation>Pilih satu atau beberapa pengaduan di antrian (Ctrl+klik, Shift+klik).</translation>
    </message>
    <message>
        <source>Dispose the %1 selected complaints at once.</source>
        <translation>Disposisikan %1 pengaduan terpilih sekaligus.</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>&amp;Pengaduan</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Navigasi</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Pen&amp;gaturan</translation>
    </message>
    <message>
        <source>This complaint is no longer in the local database.</source>
        <translation>Pengaduan ini sudah tidak ada di basis data lokal.</translation>
    </message>
    <message>
        <source>Action not available</source>
        <translation>Tindakan tidak tersedia</translation>
    </message>
    <message>
        <source>Complaints of different agencies cannot be disposed together: select complaints of one agency.</source>
        <translation>Pengaduan dari instansi yang berbeda tidak dapat didisposisikan bersama: pilih pengaduan dari satu instansi.</translation>
    </message>
    <message>
        <source>%1 complaints disposed.</source>
        <translation>%1 pengaduan didisposisikan.</translation>
    </message>
    <message>
        <source>%1 could not be disposed:</source>
        <translation>%1 pengaduan tidak dapat didisposisikan:</translation>
    </message>
    <message>
        <source>Dispose selected</source>
        <translation>Disposisi terpilih</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Simpan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>An unfinished draft was restored.</source>
        <translation>Draf yang belum selesai telah dipulihkan.</translation>
    </message>
    <message>
        <source>Please check the marked fields.</source>
        <translation>Periksa kembali isian yang ditandai.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
</context>
<context>
    <name>ActionDisposeForm</name>
    <message>
        <source>Forward to &amp;units</source>
        <translation>Diteruskan kepada &amp;unit</translation>
    </message>
    <message>
        <source>Nature (sifat)</source>
        <translation>Sifat</translation>
    </message>
    <message>
        <source>&amp;Ordinary</source>
        <translation>&amp;Biasa</translation>
    </message>
    <message>
        <source>U&amp;rgent</source>
        <translation>Se&amp;gera</translation>
    </message>
    <message>
        <source>&amp;Very urgent</source>
        <translation>Sangat Seg&amp;era</translation>
    </message>
    <message>
        <source>Con&amp;fidential</source>
        <translation>&amp;Rahasia</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>Batas &amp;waktu</translation>
    </message>
    <message>
        <source>Re&amp;calculate</source>
        <translation>&amp;Hitung ulang</translation>
    </message>
    <message>
        <source>&amp;Instructions</source>
        <translation>Dengan hormat harap (&amp;instruksi)</translation>
    </message>
    <message>
        <source>Other instruction (optional)</source>
        <translation>Instruksi lain (opsional)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
</context>
<context>
    <name>ActionDuplicateForm</name>
    <message>
        <source>This complaint is marked as a duplicate of the complaint chosen below. Both keep their own history; each records the link to the other.</source>
        <translation>Pengaduan ini ditandai sebagai duplikat dari pengaduan yang dipilih di bawah. Riwayat keduanya tetap tersimpan; masing-masing mencatat tautan ke yang lain.</translation>
    </message>
    <message>
        <source>&amp;Original complaint</source>
        <translation>Pengaduan &amp;asal</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
</context>
<context>
    <name>ActionFollowUpForm</name>
    <message>
        <source>&amp;Reply to the reporter</source>
        <translation>&amp;Balasan untuk pelapor</translation>
    </message>
    <message>
        <source>Internal &amp;note (officers only)</source>
        <translation>Catatan &amp;internal (hanya petugas)</translation>
    </message>
    <message>
        <source>Canned reply:</source>
        <translation>Balasan siap pakai:</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Sisipkan</translation>
    </message>
    <message>
        <source>Follow-up &amp;text</source>
        <translation>&amp;Isi tindak lanjut</translation>
    </message>
    <message>
        <source>Attac&amp;hments</source>
        <translation>&amp;Lampiran</translation>
    </message>
    <message>
        <source>&amp;Add file…</source>
        <translation>&amp;Tambah berkas…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Hapus</translation>
    </message>
</context>
<context>
    <name>ActionNotAuthorityForm</name>
    <message>
        <source>&amp;Reason it is not this agency&apos;s authority</source>
        <translation>&amp;Alasan bukan wewenang instansi ini</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Selanjutnya</translation>
    </message>
    <message>
        <source>Return to the &amp;central admin (LAPOR! coordinator)</source>
        <translation>Kembalikan ke admin &amp;pusat (koordinator LAPOR!)</translation>
    </message>
    <message>
        <source>&amp;Suggested agency</source>
        <translation>Instansi yang &amp;disarankan</translation>
    </message>
    <message>
        <source>Route &amp;directly to another agency</source>
        <translation>Alihkan &amp;langsung ke instansi lain</translation>
    </message>
    <message>
        <source>&amp;Target agency</source>
        <translation>Instansi &amp;tujuan</translation>
    </message>
</context>
<context>
    <name>ActionPrivacyForm</name>
    <message>
        <source>C&amp;onfidential: not visible to the public</source>
        <translation>&amp;Rahasia: tidak tampil untuk publik</translation>
    </message>
    <message>
        <source>&amp;Anonymous: hide the reporter&apos;s identity from agencies</source>
        <translation>A&amp;nonim: identitas pelapor disembunyikan dari instansi</translation>
    </message>
    <message>
        <source>&amp;Reason for the change</source>
        <translation>&amp;Alasan perubahan</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
</context>
<context>
    <name>ActionReasonForm</name>
    <message>
        <source>Canned reply:</source>
        <translation>Balasan siap pakai:</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Sisipkan</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
</context>
<context>
    <name>ActionReopenForm</name>
    <message>
        <source>&amp;Reason for reopening</source>
        <translation>&amp;Alasan dibuka kembali</translation>
    </message>
    <message>
        <source>Forward to &amp;units</source>
        <translation>Diteruskan kepada &amp;unit</translation>
    </message>
    <message>
        <source>Set the &amp;deadline myself:</source>
        <translation>Atur batas &amp;waktu sendiri:</translation>
    </message>
</context>
<context>
    <name>ActionRerouteForm</name>
    <message>
        <source>&amp;Target agency</source>
        <translation>Instansi &amp;tujuan</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
</context>
<context>
    <name>ActionSettingsDialog</name>
    <message>
        <source>Action settings</source>
        <translation>Pengaturan Tindakan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Placeholders filled in when the reply is inserted:</source>
        <translation>Penanda yang diisi otomatis saat balasan disisipkan:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— tidak ada —</translation>
    </message>
    <message>
        <source>Someone is signed in now: their account is the one in use.</source>
        <translation>Saat ini ada petugas yang masuk: akun itulah yang dipakai.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(tanpa judul)</translation>
    </message>
    <message>
        <source>New reply</source>
        <translation>Balasan baru</translation>
    </message>
</context>
<context>
    <name>ActionSettingsForm</name>
    <message>
        <source>Canned replies</source>
        <translation>Balasan siap pakai</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>T&amp;ext</source>
        <translation>&amp;Isi</translation>
    </message>
    <message>
        <source>Use in</source>
        <translation>Dipakai pada</translation>
    </message>
    <message>
        <source>&amp;Follow-up</source>
        <translation>Tindak &amp;lanjut</translation>
    </message>
    <message>
        <source>&amp;Clarification request</source>
        <translation>&amp;Minta klarifikasi</translation>
    </message>
    <message>
        <source>Disposition instructions</source>
        <translation>Instruksi disposisi</translation>
    </message>
    <message>
        <source>The checklist offered in the Disposition dialog and printed on the disposition sheet, one instruction per line.</source>
        <translation>Daftar centang pada jendela Disposisi dan lembar disposisi, satu instruksi per baris.</translation>
    </message>
    <message>
        <source>Local officer</source>
        <translation>Petugas lokal</translation>
    </message>
    <message>
        <source>Who acts on this desk while nobody is signed in to the central server. After signing in, the signed-in account is used; the server checks every action again.</source>
        <translation>Petugas yang bertindak di desk ini selama belum ada yang masuk ke server pusat. Setelah masuk, akun yang masuk yang dipakai; server memeriksa ulang setiap tindakan.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nama &amp;pengguna</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>P&amp;eran</translation>
    </message>
    <message>
        <source>A&amp;gency</source>
        <translation>Ins&amp;tansi</translation>
    </message>
    <message>
        <source>U&amp;nit</source>
        <translation>&amp;Unit</translation>
    </message>
</context>
<context>
    <name>ActionVerifyForm</name>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>C&amp;lassification</source>
        <translation>&amp;Klasifikasi</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>Ka&amp;tegori</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Kerahasiaan</translation>
    </message>
    <message>
        <source>C&amp;onfidential: not visible to the public</source>
        <translation>&amp;Rahasia: tidak tampil untuk publik</translation>
    </message>
    <message>
        <source>&amp;Anonymous: hide the reporter&apos;s identity from agencies</source>
        <translation>A&amp;nonim: identitas pelapor disembunyikan dari instansi</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>Ta&amp;g</translation>
    </message>
    <message>
        <source>Separate with commas, e.g. road, flood</source>
        <translation>Pisahkan dengan koma, mis. jalan, banjir</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opsional</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Check the report and set its classification, category and privacy</source>
        <translation>Periksa laporan, lalu tetapkan klasifikasi, kategori, dan kerahasiaannya</translation>
    </message>
    <message>
        <source>Forward the complaint to one or more units with instructions and a deadline</source>
        <translation>Teruskan pengaduan ke satu atau beberapa unit dengan instruksi dan batas waktu</translation>
    </message>
    <message>
        <source>Post a follow-up: a reply to the reporter or an internal note</source>
        <translation>Kirim tindak lanjut: balasan untuk pelapor atau catatan internal</translation>
    </message>
    <message>
        <source>Ask the reporter for more information and wait for the answer</source>
        <translation>Minta keterangan tambahan kepada pelapor dan tunggu jawabannya</translation>
    </message>
    <message>
        <source>Put the complaint on hold; the deadline pauses</source>
        <translation>Tunda pengaduan; batas waktu berhenti sementara</translation>
    </message>
    <message>
        <source>Continue a complaint that is on hold</source>
        <translation>Lanjutkan pengaduan yang ditunda</translation>
    </message>
    <message>
        <source>Not this agency&apos;s authority: return it to the central admin or route it on</source>
        <translation>Bukan wewenang instansi ini: kembalikan ke admin pusat atau alihkan</translation>
    </message>
    <message>
        <source>Route the complaint to another agency</source>
        <translation>Alihkan pengaduan ke instansi lain</translation>
    </message>
    <message>
        <source>Mark the complaint as completed</source>
        <translation>Nyatakan pengaduan selesai</translation>
    </message>
    <message>
        <source>Move the complaint to the archive</source>
        <translation>Pindahkan pengaduan ke arsip</translation>
    </message>
    <message>
        <source>Reopen a completed or archived complaint and dispose it again</source>
        <translation>Buka kembali pengaduan yang selesai atau diarsipkan dan disposisikan lagi</translation>
    </message>
    <message>
        <source>Link this complaint to the complaint it duplicates</source>
        <translation>Tautkan pengaduan ini ke pengaduan yang diduplikasinya</translation>
    </message>
    <message>
        <source>Change the Confidential and Anonymous flags</source>
        <translation>Ubah penanda Rahasia dan Anonim</translation>
    </message>
    <message>
        <source>Add an internal note to the history</source>
        <translation>Tambahkan catatan internal ke riwayat</translation>
    </message>
</context>
<context>
    <name>AnonymityLock</name>
    <message>
        <source>Unticking reveals the reporter to the agency. Write the reason in the note: it is kept in the audit trail.</source>
        <translation>Menghapus centang membuka identitas pelapor bagi instansi. Tuliskan alasannya di catatan: alasan itu disimpan dalam jejak audit.</translation>
    </message>
    <message>
        <source>An anonymous reporter stays anonymous: only the central admin (Admin Pusat) can reveal them, with a written reason.</source>
        <translation>Pelapor Anonim tetap anonim: hanya Admin Pusat yang dapat membuka identitasnya, dengan alasan tertulis.</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>&amp;Reason for archiving</source>
        <translation>&amp;Alasan pengarsipan</translation>
    </message>
    <message>
        <source>An archived complaint leaves the working views; it can be reopened.</source>
        <translation>Pengaduan yang diarsipkan keluar dari tampilan kerja; pengaduan dapat dibuka kembali.</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Drag photos, scans or PDF files here.</source>
        <translation>Seret foto, hasil pindaian, atau berkas PDF ke sini.</translation>
    </message>
    <message>
        <source>No attachments. Drag photos, scans or PDF files here.</source>
        <translation>Belum ada lampiran. Seret foto, hasil pindaian, atau berkas PDF ke sini.</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Units</source>
        <translation>Unit tujuan</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Sifat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instruksi</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibilitas</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation>Perlu Perhatian</translation>
    </message>
    <message>
        <source>What you meant to do</source>
        <translation>Yang ingin Anda lakukan</translation>
    </message>
    <message>
        <source>The server now</source>
        <translation>Keadaan di server sekarang</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>Terapkan lagi</translation>
    </message>
    <message>
        <source>Do the same action again on top of the server&apos;s current state</source>
        <translation>Lakukan tindakan yang sama lagi di atas keadaan server saat ini</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Buang…</translation>
    </message>
    <message>
        <source>The server did not accept %1 of your actions: the complaint changed meanwhile, or the action was not allowed. Decide for each one.</source>
        <translation>Server tidak menerima %1 tindakan Anda: pengaduannya berubah sementara itu, atau tindakannya tidak diizinkan. Putuskan untuk setiap tindakan.</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Tidak ada yang perlu diperhatikan.</translation>
    </message>
    <message>
        <source>Made at %1</source>
        <translation>Dibuat pukul %1</translation>
    </message>
    <message>
        <source>%1 changes since you opened it</source>
        <translation>%1 perubahan sejak Anda membukanya</translation>
    </message>
    <message>
        <source>The server did not send its state (the complaint may be out of your reach).</source>
        <translation>Server tidak mengirim keadaannya (pengaduan mungkin di luar kewenangan Anda).</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Alasan: %1</translation>
    </message>
    <message>
        <source>Discard action</source>
        <translation>Buang tindakan</translation>
    </message>
    <message>
        <source>Discard “%1”? It will never reach the server. This is recorded in the audit log.</source>
        <translation>Buang “%1”? Tindakan ini tidak akan pernah sampai ke server. Hal ini dicatat di log audit.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cannot apply again</source>
        <translation>Tidak dapat diterapkan lagi</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Session renewed</source>
        <translation>Sesi diperpanjang</translation>
    </message>
    <message>
        <source>Session renewal repeated</source>
        <translation>Perpanjangan sesi diulang</translation>
    </message>
    <message>
        <source>Old session token reused</source>
        <translation>Token sesi lama dipakai ulang</translation>
    </message>
    <message>
        <source>User signed out everywhere</source>
        <translation>Pengguna dikeluarkan dari semua perangkat</translation>
    </message>
    <message>
        <source>Everyone signed out</source>
        <translation>Semua pengguna dikeluarkan</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Kata sandi disetel</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Pengguna dibuat</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>Pengguna diubah</translation>
    </message>
    <message>
        <source>User activated</source>
        <translation>Pengguna diaktifkan</translation>
    </message>
    <message>
        <source>User deactivated</source>
        <translation>Pengguna dinonaktifkan</translation>
    </message>
    <message>
        <source>Agency created</source>
        <translation>Instansi dibuat</translation>
    </message>
    <message>
        <source>Unit created</source>
        <translation>Unit dibuat</translation>
    </message>
    <message>
        <source>Agenda numbers reserved</source>
        <translation>Nomor agenda dipesan</translation>
    </message>
    <message>
        <source>Attachment uploaded</source>
        <translation>Lampiran diunggah</translation>
    </message>
    <message>
        <source>Server restored from a backup</source>
        <translation>Server dipulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Complaint: %1</source>
        <translation>Pengaduan: %1</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Jejak Audit</translation>
    </message>
    <message>
        <source>user name, e.g. dinkes.loket</source>
        <translation>nama pengguna, mis. dinkes.loket</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <source>tracking number or id</source>
        <translation>nomor pelacakan atau id</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Load older entries</source>
        <translation>Muat yang lebih lama</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>%1 entries.</source>
        <translation>%1 entri.</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Tidak ada entri yang cocok dengan saringan ini.</translation>
    </message>
    <message>
        <source>No complaint with that number on this desk.</source>
        <translation>Tidak ada pengaduan dengan nomor itu di desk ini.</translation>
    </message>
    <message>
        <source>Sign in to the server first.</source>
        <translation>Masuk ke server pusat terlebih dahulu.</translation>
    </message>
    <message>
        <source>Only agency and central admins may see the audit trail.</source>
        <translation>Hanya admin instansi dan admin pusat yang dapat melihat jejak audit.</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Ekspor jejak audit</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Disimpan ke %1.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Complaint / target</source>
        <translation>Pengaduan / sasaran</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Action code</source>
        <translation>Kode tindakan</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>Audit trail…</source>
        <translation>Jejak audit…</translation>
    </message>
    <message>
        <source>Who did what, when and from which device, as the server recorded it (admins only)</source>
        <translation>Siapa melakukan apa, kapan dan dari perangkat mana, seperti dicatat server (khusus admin)</translation>
    </message>
</context>
<context>
    <name>BulkDisposeDialog</name>
    <message>
        <source>%1 complaints selected</source>
        <translation>%1 pengaduan dipilih</translation>
    </message>
</context>
<context>
    <name>CaseFileDialog</name>
    <message>
        <source>Case file</source>
        <translation>Berkas perkara</translation>
    </message>
    <message>
        <source>One PDF for referring complaint %1: a covering letter, the complaint, its timeline, dispositions, follow-ups, letters and attachments, with a SHA-256 list. Send it to:</source>
        <translation>Satu PDF untuk melimpahkan pengaduan %1: surat pengantar, pengaduan, riwayat, disposisi, tindak lanjut, surat dan lampiran, dengan daftar SHA-256. Kirim kepada:</translation>
    </message>
    <message>
        <source>Ombudsman RI</source>
        <translation>Ombudsman RI</translation>
    </message>
    <message>
        <source>Inspektorat</source>
        <translation>Inspektorat</translation>
    </message>
    <message>
        <source>Another agency</source>
        <translation>Instansi lain</translation>
    </message>
    <message>
        <source>Name of the agency (for example: Dinas Pekerjaan Umum Kota Banjarmasin)</source>
        <translation>Nama instansi (misalnya: Dinas Pekerjaan Umum Kota Banjarmasin)</translation>
    </message>
    <message>
        <source>Build and save…</source>
        <translation>Susun dan simpan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Write the name of the agency.</source>
        <translation>Tulis nama instansinya.</translation>
    </message>
    <message>
        <source>Save the case file</source>
        <translation>Simpan berkas perkara</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Case file of %1 saved to %2 (%3 documents).</source>
        <translation>Berkas perkara %1 disimpan di %2 (%3 dokumen).</translation>
    </message>
    <message>
        <source>Signed electronically by %1.</source>
        <translation>Ditandatangani secara elektronik oleh %1.</translation>
    </message>
    <message>
        <source>Not signed electronically: this desk has no certificate (Settings › Electronic signature).</source>
        <translation>Tidak ditandatangani secara elektronik: desk ini belum memiliki sertifikat (Pengaturan › Tanda tangan elektronik).</translation>
    </message>
    <message>
        <source>Attachments not on this desk (sync to include them): %1.</source>
        <translation>Lampiran yang tidak ada di desk ini (sinkronkan untuk menyertakannya): %1.</translation>
    </message>
    <message>
        <source>The case file was not made: %1</source>
        <translation>Berkas perkara tidak dibuat: %1</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>Search category…</source>
        <translation>Cari kategori…</translation>
    </message>
</context>
<context>
    <name>ChainDisposeDialog</name>
    <message>
        <source>Disposition to a Position</source>
        <translation>Disposisi ke Jabatan</translation>
    </message>
    <message>
        <source>From position</source>
        <translation>Dari jabatan</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>Copy to (tembusan)</source>
        <translation>Tembusan</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instruksi</translation>
    </message>
    <message>
        <source>Note (only the recipients read it)</source>
        <translation>Catatan (hanya terbaca oleh penerima)</translation>
    </message>
    <message>
        <source>as the disposition above</source>
        <translation>mengikuti disposisi di atasnya</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> hari kerja</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>kosong</translation>
    </message>
</context>
<context>
    <name>ChainTree</name>
    <message>
        <source>Unread</source>
        <translation>Belum dibaca</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Dibaca</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ditarik</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Dilaporkan</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Copy (tembusan), %1</source>
        <translation>Tembusan, %1</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>Laporan: %1</translation>
    </message>
</context>
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
    <name>ClarificationDialog</name>
    <message>
        <source>&amp;Question to the reporter</source>
        <translation>&amp;Pertanyaan untuk pelapor</translation>
    </message>
    <message>
        <source>The complaint waits for the reporter&apos;s answer. If neither side responds, it counts as completed after the waiting period.</source>
        <translation>Pengaduan menunggu tanggapan pelapor. Jika tidak ada tanggapan dari kedua pihak, pengaduan dianggap selesai setelah masa tunggu berakhir.</translation>
    </message>
    <message>
        <source>Write the question for the reporter.</source>
        <translation>Tuliskan pertanyaan untuk pelapor.</translation>
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
    <name>CloseDialog</name>
    <message>
        <source>Closing &amp;note</source>
        <translation>&amp;Catatan penyelesaian</translation>
    </message>
    <message>
        <source>The complaint is marked as completed. It can be reopened if the reporter disputes the answer.</source>
        <translation>Pengaduan dinyatakan selesai. Pengaduan dapat dibuka kembali bila pelapor keberatan atas jawabannya.</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>%1 action(s) on this desk have not reached the central server yet. They are kept on this computer and will be sent the next time the desk is online.</source>
        <translation>%1 tindakan di desk ini belum terkirim ke server pusat. Tindakan itu tersimpan di komputer ini dan akan dikirim saat desk daring lagi.</translation>
    </message>
    <message>
        <source>The central server cannot be reached right now.</source>
        <translation>Server pusat sedang tidak dapat dihubungi.</translation>
    </message>
    <message>
        <source>Actions not sent yet</source>
        <translation>Tindakan belum terkirim</translation>
    </message>
    <message>
        <source>Sync now, then close</source>
        <translation>Sinkronkan lalu tutup</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Tutup saja</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Sending the waiting actions, then closing…</source>
        <translation>Mengirim tindakan yang menunggu, lalu menutup…</translation>
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
    <name>ComplaintDetail</name>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
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
        <source>Instructions</source>
        <translation>Instruksi</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Isi Pengaduan</translation>
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
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Disposition chain</source>
        <translation>Rantai Disposisi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Related complaints</source>
        <translation>Pengaduan Terkait</translation>
    </message>
    <message>
        <source>Select a complaint to see its details.</source>
        <translation>Pilih pengaduan untuk melihat rinciannya.</translation>
    </message>
    <message>
        <source>Tracking no. %1</source>
        <translation>No. pelacakan %1</translation>
    </message>
    <message>
        <source>Provisional no. %1</source>
        <translation>No. sementara %1</translation>
    </message>
    <message>
        <source>tracking number follows at the next sync</source>
        <translation>nomor pelacakan menyusul saat sinkronisasi</translation>
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
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>On hold: the deadline is paused</source>
        <translation>Ditunda: batas waktu berhenti sementara</translation>
    </message>
    <message>
        <source>(would be %1 if resumed today)</source>
        <translation>(menjadi %1 bila dilanjutkan hari ini)</translation>
    </message>
    <message>
        <source>The reporter did not reply by %1 — close the complaint</source>
        <translation>Pelapor tidak menanggapi sampai %1 — tutup laporan</translation>
    </message>
    <message>
        <source>today is the last day</source>
        <translation>hari ini hari terakhir</translation>
    </message>
    <message>
        <source>Waiting for the reporter&apos;s reply until %1 · %2</source>
        <translation>Menunggu tanggapan pelapor sampai %1 · %2</translation>
    </message>
    <message>
        <source>%1 working days overdue</source>
        <translation>terlambat %1 hari kerja</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>jatuh tempo hari ini</translation>
    </message>
    <message>
        <source>%1 working days left</source>
        <translation>sisa %1 hari kerja</translation>
    </message>
    <message>
        <source>Deadline %1 · %2</source>
        <translation>Batas waktu %1 · %2</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Tindakan lain</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Belum diunduh</translation>
    </message>
    <message>
        <source>The file arrives with the next sync.</source>
        <translation>Berkas akan tiba pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Tanpa pratinjau</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Belum ada riwayat.</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>kepada %1</translation>
    </message>
    <message>
        <source>deadline %1</source>
        <translation>batas waktu %1</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>internal</translation>
    </message>
    <message>
        <source>to the reporter</source>
        <translation>untuk pelapor</translation>
    </message>
    <message>
        <source>suggested: %1</source>
        <translation>disarankan: %1</translation>
    </message>
    <message>
        <source>duplicate of another complaint</source>
        <translation>duplikat pengaduan lain</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>Tidak ditemukan.</translation>
    </message>
    <message>
        <source>linked duplicate</source>
        <translation>duplikat tertaut</translation>
    </message>
    <message>
        <source>same NIK</source>
        <translation>NIK sama</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>telepon sama</translation>
    </message>
    <message>
        <source>similar title</source>
        <translation>judul mirip</translation>
    </message>
    <message>
        <source>Marked duplicate</source>
        <translation>Sudah ditandai duplikat</translation>
    </message>
    <message>
        <source>Mark as duplicate of this</source>
        <translation>Tandai duplikat dari ini</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>The period at a glance: received, completed, on time, workload</source>
        <translation>Sekilas periode ini: diterima, selesai, tepat waktu, beban kerja</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Computing %1…</source>
        <translation>Menghitung %1…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Bulan lalu</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tahun ini</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Selesai tepat waktu</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Perihal</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>Umur (hari)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Past the deadline</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Awaiting verification and disposition</source>
        <translation>Menunggu verifikasi dan disposisi</translation>
    </message>
    <message>
        <source>(no officer listed)</source>
        <translation>(belum ada petugas)</translation>
    </message>
    <message>
        <source>Received and completed, last 12 months</source>
        <translation>Diterima dan selesai, 12 bulan terakhir</translation>
    </message>
    <message>
        <source>On time by unit</source>
        <translation>Ketepatan waktu per unit</translation>
    </message>
    <message>
        <source>On time by category</source>
        <translation>Ketepatan waktu per kategori</translation>
    </message>
    <message>
        <source>On time by regency / city</source>
        <translation>Ketepatan waktu per kabupaten/kota</translation>
    </message>
    <message>
        <source>Workload per officer (not completed, any period)</source>
        <translation>Beban kerja petugas (belum selesai, semua periode)</translation>
    </message>
    <message>
        <source>Oldest complaints not completed</source>
        <translation>Pengaduan terlama yang belum selesai</translation>
    </message>
    <message>
        <source>%1, compared with %2</source>
        <translation>%1, dibandingkan dengan %2</translation>
    </message>
    <message>
        <source>Completed late</source>
        <translation>Selesai terlambat</translation>
    </message>
    <message>
        <source>%1 complaints were routed to more than one unit and count under each of them.</source>
        <translation>%1 pengaduan ditujukan ke lebih dari satu unit dan dihitung pada setiap unit tersebut.</translation>
    </message>
    <message>
        <source>The dashboard could not be computed.</source>
        <translation>Dasbor tidak dapat dihitung.</translation>
    </message>
    <message>
        <source>%1 %2 % from %3</source>
        <translation>%1 %2 % dari %3</translation>
    </message>
    <message>
        <source>previous period: %1</source>
        <translation>periode sebelumnya: %1</translation>
    </message>
    <message>
        <source>%1 %2 points from %3 %</source>
        <translation>%1 %2 poin dari %3 %</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>&quot;%1&quot; is not a date: type it as dd/mm/yyyy, for example %2.</source>
        <translation>&quot;%1&quot; bukan tanggal: ketik dengan format hh/bb/tttt, misalnya %2.</translation>
    </message>
    <message>
        <source>%1 cannot be used here: the earliest date allowed is %2.</source>
        <translation>Tanggal %1 tidak dapat dipakai di sini: paling awal %2.</translation>
    </message>
    <message>
        <source>%1 cannot be used here: the latest date allowed is %2.</source>
        <translation>Tanggal %1 tidak dapat dipakai di sini: paling akhir %2.</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <source>%1: %2 working days from today</source>
        <translation>%1: %2 hari kerja dari hari ini</translation>
    </message>
    <message>
        <source>(a holiday: %1)</source>
        <translation>(hari libur: %1)</translation>
    </message>
    <message>
        <source>(not a working day)</source>
        <translation>(bukan hari kerja)</translation>
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
    <name>DisposeDialog</name>
    <message>
        <source>set by hand</source>
        <translation>diatur manual</translation>
    </message>
    <message>
        <source>computed in working days</source>
        <translation>dihitung dalam hari kerja</translation>
    </message>
</context>
<context>
    <name>Dispositions</name>
    <message>
        <source>Dispositions</source>
        <translation>Disposisi</translation>
    </message>
    <message>
        <source>Dispositions to you and from you, level by level</source>
        <translation>Disposisi kepada Anda dan dari Anda, berjenjang</translation>
    </message>
    <message>
        <source>Dispose to a Position…</source>
        <translation>Disposisi ke Jabatan…</translation>
    </message>
    <message>
        <source>Dispose this complaint to positions below yours, level by level</source>
        <translation>Disposisikan pengaduan ini ke jabatan di bawah jabatan Anda, berjenjang</translation>
    </message>
</context>
<context>
    <name>DispositionsPage</name>
    <message>
        <source>Unread only</source>
        <translation>Belum dibaca saja</translation>
    </message>
    <message>
        <source>&amp;Open and mark read</source>
        <translation>&amp;Buka dan tandai dibaca</translation>
    </message>
    <message>
        <source>&amp;Dispose further…</source>
        <translation>&amp;Disposisikan lanjut…</translation>
    </message>
    <message>
        <source>Incoming Dispositions</source>
        <translation>Disposisi Masuk</translation>
    </message>
    <message>
        <source>&amp;Withdraw (while unread)</source>
        <translation>&amp;Tarik (selama belum dibaca)</translation>
    </message>
    <message>
        <source>&amp;New disposition for the open complaint…</source>
        <translation>Disposisi &amp;baru untuk pengaduan yang terbuka…</translation>
    </message>
    <message>
        <source>Outgoing Dispositions</source>
        <translation>Disposisi Keluar</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>, late</source>
        <translation>, terlambat</translation>
    </message>
    <message>
        <source>Open a complaint in the queue first, then start its disposition here.</source>
        <translation>Buka dulu pengaduannya di Antrian, lalu mulai disposisinya di sini.</translation>
    </message>
    <message>
        <source>You hold no position in this agency&apos;s structure today.</source>
        <translation>Hari ini Anda tidak memegang jabatan dalam susunan jabatan instansi ini.</translation>
    </message>
    <message>
        <source>Dispositions</source>
        <translation>Disposisi</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>already linked</source>
        <translation>sudah tertaut</translation>
    </message>
    <message>
        <source>same NIK</source>
        <translation>NIK sama</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>telepon sama</translation>
    </message>
    <message>
        <source>similar title</source>
        <translation>judul mirip</translation>
    </message>
    <message>
        <source>No related complaint found (same NIK or phone, similar title).</source>
        <translation>Tidak ditemukan pengaduan terkait (NIK atau telepon sama, judul mirip).</translation>
    </message>
    <message>
        <source>Choose the original complaint.</source>
        <translation>Pilih pengaduan asal.</translation>
    </message>
</context>
<context>
    <name>EscalationSection</name>
    <message>
        <source>Dispositions past their deadline</source>
        <translation>Disposisi lewat batas waktu</translation>
    </message>
    <message>
        <source>Escalate after</source>
        <translation>Naikkan ke pimpinan setelah</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> hari kerja</translation>
    </message>
    <message>
        <source>How many working days after its deadline a disposition is escalated to the leader (a setting of this desk)</source>
        <translation>Berapa hari kerja setelah batas waktunya sebuah disposisi dilaporkan ke pimpinan (pengaturan meja ini)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Perihal</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Working days late</source>
        <translation>Hari kerja terlambat</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>%1 dispositions past their deadline: see Dasbor.</source>
        <translation>%1 disposisi lewat batas waktu: lihat Dasbor.</translation>
    </message>
    <message>
        <source>Disposed complaints whose unit has not answered %1 working days or more after the deadline. Level 2: a whole follow-up period late; level 3: two.</source>
        <translation>Pengaduan yang sudah didisposisikan dan belum dijawab unitnya %1 hari kerja atau lebih setelah batas waktu. Tingkat 2: terlambat satu masa tindak lanjut penuh; tingkat 3: dua.</translation>
    </message>
    <message>
        <source>No disposition is past its deadline.</source>
        <translation>Tidak ada disposisi yang lewat batas waktu.</translation>
    </message>
    <message>
        <source>LAPOR! Desk: dispositions past their deadline</source>
        <translation>LAPOR! Desk: disposisi lewat batas waktu</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>dan %1 lainnya</translation>
    </message>
    <message>
        <source>%1 dispositions past their deadline: %2</source>
        <translation>%1 disposisi lewat batas waktu: %2</translation>
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
    <message>
        <source>Disposition to a Position</source>
        <translation>Disposisi ke Jabatan</translation>
    </message>
    <message>
        <source>Read Disposition</source>
        <translation>Baca Disposisi</translation>
    </message>
    <message>
        <source>Withdraw Disposition</source>
        <translation>Tarik Disposisi</translation>
    </message>
    <message>
        <source>Follow-up Report</source>
        <translation>Laporan Tindak Lanjut</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Hapus semua filter</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Tampilan tersimpan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save the current view, filters and sorting under a name</source>
        <translation>Simpan tampilan, filter, dan urutan saat ini dengan sebuah nama</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the chosen saved view</source>
        <translation>Hapus tampilan tersimpan yang dipilih</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Regency / city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Position (disposed to it through the chain)</source>
        <translation>Jabatan (didisposisikan ke jabatan itu)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>semua tanggal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Not completed yet</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>All regencies / cities</source>
        <translation>Semua kab/kota</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Semua unit</translation>
    </message>
    <message>
        <source>All positions</source>
        <translation>Semua jabatan</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Semua kanal</translation>
    </message>
    <message>
        <source>All classifications</source>
        <translation>Semua klasifikasi</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>Filter (%1)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Saved views…</source>
        <translation>Tampilan tersimpan…</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>Belum ada tampilan tersimpan</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Simpan tampilan</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>Nama tampilan ini:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Your text is kept as a draft while you type.</source>
        <translation>Tulisan Anda tersimpan sebagai draf selama mengetik.</translation>
    </message>
    <message>
        <source>Reply to the &amp;reporter</source>
        <translation>&amp;Balasan untuk pelapor</translation>
    </message>
    <message>
        <source>Internal &amp;note</source>
        <translation>Catatan &amp;internal</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Lampirkan berkas</translation>
    </message>
    <message>
        <source>Wait until the files are attached.</source>
        <translation>Tunggu sampai berkas selesai dilampirkan.</translation>
    </message>
    <message>
        <source>Write the follow-up.</source>
        <translation>Tuliskan tindak lanjutnya.</translation>
    </message>
    <message>
        <source>Follow-up attachment</source>
        <translation>Lampiran tindak lanjut</translation>
    </message>
</context>
<context>
    <name>HelpIntegration</name>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Panduan pengguna</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Pintasan &amp;keyboard</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Help — LAPOR! Desk</source>
        <translation>Bantuan — LAPOR! Desk</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Panduan pengguna</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>&amp;Reason for the hold</source>
        <translation>&amp;Alasan penundaan</translation>
    </message>
    <message>
        <source>While on hold the deadline is paused; the working days on hold are added to it when the complaint is resumed.</source>
        <translation>Selama ditunda, batas waktu berhenti; hari kerja selama penundaan ditambahkan ke batas waktu saat pengaduan dilanjutkan.</translation>
    </message>
    <message>
        <source>Give the reason for the hold.</source>
        <translation>Isi alasan penundaan.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1 rows read: %2 ready to import, %3 recorded by an earlier import, %4 with problems.</source>
        <translation>%1 baris dibaca: %2 siap diimpor, %3 sudah tercatat dari impor sebelumnya, %4 bermasalah.</translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>Tidak ada yang baru untuk diimpor.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Rows with problems are never imported. Import only the valid rows now (fix the others and import the file again later: rows already recorded are skipped), or import nothing and fix the file first?</source>
        <translation>Baris yang bermasalah tidak pernah diimpor. Impor baris yang benar saja sekarang (perbaiki sisanya lalu impor ulang berkas yang sama nanti: baris yang sudah tercatat dilewati), atau jangan impor apa pun dan perbaiki berkasnya dulu?</translation>
    </message>
    <message>
        <source>Import valid rows only (%1)</source>
        <translation>Impor baris yang benar saja (%1)</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>Jangan impor apa pun</translation>
    </message>
    <message>
        <source>Every row is valid.</source>
        <translation>Semua baris benar.</translation>
    </message>
    <message>
        <source>Import %1 complaints</source>
        <translation>Impor %1 pengaduan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>LanguageRow</name>
    <message>
        <source>The language of menus, screens, messages and exported recaps. Letters stay in Indonesian.</source>
        <translation>Bahasa menu, layar, pesan, dan rekap yang diekspor. Surat tetap berbahasa Indonesia.</translation>
    </message>
    <message>
        <source>The desk shows the new language from its next start. Close it and open it again to switch now.</source>
        <translation>Desk memakai bahasa baru mulai dibuka berikutnya. Tutup lalu buka lagi desk untuk beralih sekarang.</translation>
    </message>
    <message>
        <source>This session&apos;s language was chosen at start-up (--lang).</source>
        <translation>Bahasa sesi ini dipilih saat desk dibuka (--lang).</translation>
    </message>
</context>
<context>
    <name>LetterFields</name>
    <message>
        <source>e.g. Kepala Desa Sungai Tabuk</source>
        <translation>mis. Kepala Desa Sungai Tabuk</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>Letter from:</source>
        <translation>Surat dari:</translation>
    </message>
    <message>
        <source>Letter no.:</source>
        <translation>No. surat:</translation>
    </message>
    <message>
        <source>Letter date:</source>
        <translation>Tgl. surat:</translation>
    </message>
</context>
<context>
    <name>LetterPrintDialog</name>
    <message>
        <source>Print disposition sheet</source>
        <translation>Cetak Lembar Disposisi</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Agenda numbers left on this desk for %1: %2. More are reserved from the central server at each sync.</source>
        <translation>Sisa nomor agenda di desk ini untuk tahun %1: %2. Nomor baru dipesan dari server pusat setiap sinkronisasi.</translation>
    </message>
    <message>
        <source>(no signer set: Settings › Letterhead)</source>
        <translation>(penanda tangan belum diatur: Pengaturan › Kop Surat)</translation>
    </message>
    <message>
        <source>%1 — no longer on this desk</source>
        <translation>%1 — tidak ada lagi di desk ini</translation>
    </message>
    <message>
        <source>No. Agenda %1</source>
        <translation>No. Agenda %1</translation>
    </message>
    <message>
        <source>not issued yet on %1</source>
        <translation>belum diterbitkan pada kertas %1</translation>
    </message>
    <message>
        <source>This complaint is no longer on this desk.</source>
        <translation>Pengaduan ini tidak ada lagi di desk ini.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Menyiapkan pratinjau…</translation>
    </message>
    <message>
        <source>The sheet on this paper is made once, signed electronically: enter the certificate&apos;s passphrase to make it.</source>
        <translation>Lembar pada kertas ini dibuat satu kali dan ditandatangani secara elektronik: masukkan kata sandi sertifikat untuk membuatnya.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Draft&lt;/b&gt; — %1 · %2. The agenda number is given when the sheet is issued.</source>
        <translation>&lt;b&gt;Konsep&lt;/b&gt; — %1 · %2. Nomor agenda diberikan saat lembar diterbitkan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No. Agenda %1&lt;/b&gt; — %2 · %3 · archived copy (SHA-256 %4…)</source>
        <translation>&lt;b&gt;No. Agenda %1&lt;/b&gt; — %2 · %3 · salinan arsip (SHA-256 %4…)</translation>
    </message>
    <message>
        <source>other desk</source>
        <translation>desk lain</translation>
    </message>
    <message>
        <source>&lt;s&gt;%1&lt;/s&gt; voided: %2</source>
        <translation>&lt;s&gt;%1&lt;/s&gt; dibatalkan: %2</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>menunggu dikirim</translation>
    </message>
    <message>
        <source>rejected by the server</source>
        <translation>ditolak server</translation>
    </message>
    <message>
        <source>Letters of this complaint:</source>
        <translation>Surat pengaduan ini:</translation>
    </message>
    <message>
        <source>No letter issued for this complaint yet.</source>
        <translation>Belum ada surat yang diterbitkan untuk pengaduan ini.</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Terbitkan</translation>
    </message>
    <message>
        <source>&amp;Issue %1 sheets</source>
        <translation>&amp;Terbitkan %1 lembar</translation>
    </message>
    <message>
        <source>Issue the sheets first: only issued sheets are printed or saved.</source>
        <translation>Terbitkan dulu: hanya lembar yang sudah diterbitkan yang dapat dicetak atau disimpan.</translation>
    </message>
    <message>
        <source>Only an agency admin, a leader, or the officer of the level this sheet was issued for may void it.</source>
        <translation>Hanya admin instansi, pimpinan, atau pejabat pada tingkat disposisi lembar ini yang dapat membatalkannya.</translation>
    </message>
    <message>
        <source>Not every sheet was issued</source>
        <translation>Tidak semua lembar diterbitkan</translation>
    </message>
    <message>
        <source>Open Letterhead settings</source>
        <translation>Buka Pengaturan Kop Surat</translation>
    </message>
    <message>
        <source>Disposition sheet %1</source>
        <translation>Lembar disposisi %1</translation>
    </message>
    <message>
        <source>%1 disposition sheets</source>
        <translation>%1 lembar disposisi</translation>
    </message>
    <message>
        <source>Folder for the disposition sheets</source>
        <translation>Folder untuk lembar disposisi</translation>
    </message>
    <message>
        <source>Save disposition sheet</source>
        <translation>Simpan lembar disposisi</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>Disposition sheet</source>
        <translation>Lembar disposisi</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Kertas</translation>
    </message>
    <message>
        <source>&amp;Signed by</source>
        <translation>&amp;Ditandatangani</translation>
    </message>
    <message>
        <source>Print the complaint text under Subject</source>
        <translation>Cetak isi pengaduan di bawah Perihal</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Simpan sebagai</translation>
    </message>
    <message>
        <source>One PDF for all</source>
        <translation>Satu PDF untuk semua</translation>
    </message>
    <message>
        <source>One PDF per complaint</source>
        <translation>Satu PDF per pengaduan</translation>
    </message>
    <message>
        <source>Give the sheet its agenda number and archive it</source>
        <translation>Beri lembar nomor agenda dan arsipkan</translation>
    </message>
    <message>
        <source>&amp;Void letter…</source>
        <translation>&amp;Batalkan surat…</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Simpan &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>LetterPrinter</name>
    <message>
        <source>The sheet could not be read for printing.</source>
        <translation>Lembar tidak dapat dibaca untuk dicetak.</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Pencetak tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>The printer refused a new page.</source>
        <translation>Pencetak menolak halaman baru.</translation>
    </message>
</context>
<context>
    <name>LetterProfilePage</name>
    <message>
        <source>Fields: {seq} or {seq:03d} (number), {agency}, {month} (01-12), {month_roman} (I-XII), {year}</source>
        <translation>Isian: {seq} atau {seq:03d} (nomor urut), {agency} (kode instansi), {month} (01-12), {month_roman} (I-XII), {year} (tahun)</translation>
    </message>
    <message>
        <source>Press “Preview sample” to see a sheet with this letterhead.</source>
        <translation>Tekan “Pratinjau contoh” untuk melihat lembar dengan kop ini.</translation>
    </message>
    <message>
        <source>%1 agenda numbers left for %2 in %3 block(s) on this desk.</source>
        <translation>Sisa %1 nomor agenda tahun %2 dalam %3 blok di desk ini.</translation>
    </message>
    <message>
        <source>Not saved yet: defaults from the directory.</source>
        <translation>Belum disimpan: isian awal dari direktori instansi.</translation>
    </message>
    <message>
        <source>Choose the emblem</source>
        <translation>Pilih lambang</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Contoh: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Letterhead and signers</source>
        <translation>Kop surat dan penanda tangan</translation>
    </message>
    <message>
        <source>Printed on every disposition sheet issued at this desk. Agenda numbers are reserved from the central server during sync.</source>
        <translation>Dicetak pada setiap lembar disposisi yang diterbitkan di desk ini. Nomor agenda dipesan dari server pusat saat sinkronisasi.</translation>
    </message>
    <message>
        <source>Letterhead (kop surat)</source>
        <translation>Kop surat</translation>
    </message>
    <message>
        <source>Agency &amp;code</source>
        <translation>&amp;Kode instansi</translation>
    </message>
    <message>
        <source>Kop line &amp;1</source>
        <translation>Baris kop &amp;1</translation>
    </message>
    <message>
        <source>Kop line &amp;2 (agency name)</source>
        <translation>Baris kop &amp;2 (nama instansi)</translation>
    </message>
    <message>
        <source>Kop line &amp;3</source>
        <translation>Baris kop &amp;3</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>P&amp;hone / fax</source>
        <translation>&amp;Telepon / faksimile</translation>
    </message>
    <message>
        <source>&amp;Website / e-mail</source>
        <translation>&amp;Laman / pos-el</translation>
    </message>
    <message>
        <source>Emblem</source>
        <translation>Lambang</translation>
    </message>
    <message>
        <source>C&amp;hoose image…</source>
        <translation>Pi&amp;lih gambar…</translation>
    </message>
    <message>
        <source>Use placeholder</source>
        <translation>Pakai lambang bawaan</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Position (jabatan)</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Rank (pangkat/gol.)</source>
        <translation>Pangkat/gol.</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>&amp;Add signer</source>
        <translation>T&amp;ambah penanda tangan</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>&amp;Utama</translation>
    </message>
    <message>
        <source>Paper and agenda number</source>
        <translation>Kertas dan nomor agenda</translation>
    </message>
    <message>
        <source>Default &amp;paper</source>
        <translation>Ukuran &amp;kertas</translation>
    </message>
    <message>
        <source>Agenda number &amp;format</source>
        <translation>&amp;Format nomor agenda</translation>
    </message>
    <message>
        <source>Numbers held</source>
        <translation>Nomor tersedia</translation>
    </message>
    <message>
        <source>Preview sa&amp;mple</source>
        <translation>Pratinjau &amp;contoh</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
</context>
<context>
    <name>LetterVoidDialog</name>
    <message>
        <source>Void the disposition sheet &lt;b&gt;%1&lt;/b&gt; of complaint %2? The agenda number stays used and is never given to another letter.</source>
        <translation>Batalkan lembar disposisi &lt;b&gt;%1&lt;/b&gt; untuk pengaduan %2? Nomor agendanya tetap terpakai dan tidak akan diberikan ke surat lain.</translation>
    </message>
    <message>
        <source>Void letter</source>
        <translation>Batalkan surat</translation>
    </message>
    <message>
        <source>Write why the letter is voided (at least %1 characters).</source>
        <translation>Tuliskan alasan pembatalan surat (minimal %1 karakter).</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the history and sent to the server)</source>
        <translation>&amp;Alasan (dicatat di riwayat dan dikirim ke server)</translation>
    </message>
</context>
<context>
    <name>LettersIntegration</name>
    <message>
        <source>Print disposition…</source>
        <translation>Cetak Disposisi…</translation>
    </message>
    <message>
        <source>Issue, preview, print or save the disposition sheet of the selected complaints (Ctrl+P)</source>
        <translation>Terbitkan, pratinjau, cetak atau simpan lembar disposisi pengaduan yang dipilih (Ctrl+P)</translation>
    </message>
    <message>
        <source>Case file…</source>
        <translation>Berkas perkara…</translation>
    </message>
    <message>
        <source>Build the case file (berkas perkara) of this complaint as one PDF for the Ombudsman, the Inspektorat or another agency</source>
        <translation>Susun berkas perkara pengaduan ini sebagai satu PDF untuk Ombudsman, Inspektorat atau instansi lain</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Kop Surat</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>Tanda tangan elektronik</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the central server</source>
        <translation>Masuk ke server pusat</translation>
    </message>
    <message>
        <source>Sign in to send your actions to the central server and receive everyone else&apos;s.</source>
        <translation>Masuk untuk mengirim tindakan Anda ke server pusat dan menerima tindakan petugas lain.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Kerja luring</translation>
    </message>
    <message>
        <source>The sign-in token is kept in this computer&apos;s credential vault.</source>
        <translation>Token masuk disimpan di brankas kredensial komputer ini.</translation>
    </message>
    <message>
        <source>This computer has no credential vault: the sign-in token is kept in a file only your user account can read.</source>
        <translation>Komputer ini tidak punya brankas kredensial: token masuk disimpan di berkas yang hanya dapat dibaca akun pengguna Anda.</translation>
    </message>
    <message>
        <source>Fill in the server address, username and password.</source>
        <translation>Isi alamat server, nama pengguna, dan kata sandi.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
</context>
<context>
    <name>LoketImportDialog</name>
    <message>
        <source>Import paper log</source>
        <translation>Impor log kertas</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>Jangan impor apa pun</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>LoketPage</name>
    <message>
        <source>Opening the local database…</source>
        <translation>Membuka basis data lokal…</translation>
    </message>
    <message>
        <source>Photos, scans or PDF; up to %1 files of %2 each. You can drag files onto the list.</source>
        <translation>Foto, hasil pindaian, atau PDF; paling banyak %1 berkas, masing-masing %2. Berkas dapat diseret ke daftar.</translation>
    </message>
    <message>
        <source>Complaints recorded here go to your own agency.</source>
        <translation>Pengaduan yang dicatat di sini masuk ke instansi Anda sendiri.</translation>
    </message>
    <message>
        <source>Unfinished draft restored</source>
        <translation>Draf yang belum selesai dipulihkan</translation>
    </message>
    <message>
        <source>Not signed in: complaints are recorded as %1 and checked by the central server at the next sync.</source>
        <translation>Belum masuk: pengaduan dicatat atas nama %1 dan diperiksa server pusat saat sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>The front desk could not be opened.</source>
        <translation>Loket tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Not specified (the verifier routes it)</source>
        <translation>Tidak ditentukan (diteruskan oleh verifikator)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 karakter</translation>
    </message>
    <message>
        <source>Not saved yet: check the fields marked in red (%1).</source>
        <translation>Belum disimpan: periksa isian yang ditandai merah (%1).</translation>
    </message>
    <message>
        <source>Looking for earlier reports of the same matter…</source>
        <translation>Mencari laporan sebelumnya tentang hal yang sama…</translation>
    </message>
    <message>
        <source>same NIK</source>
        <translation>NIK sama</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>nomor telepon sama</translation>
    </message>
    <message>
        <source>similar title</source>
        <translation>judul mirip</translation>
    </message>
    <message>
        <source>Not saved yet: compare with the complaints listed above.</source>
        <translation>Belum disimpan: bandingkan dengan pengaduan yang tercantum di atas.</translation>
    </message>
    <message>
        <source>Not saved. Ask the reporter whether it is the same matter; the form keeps everything typed.</source>
        <translation>Belum disimpan. Tanyakan kepada pelapor apakah ini hal yang sama; semua isian tetap tersimpan di formulir.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Recorded with provisional number %1. Hand the receipt to the reporter.</source>
        <translation>Tercatat dengan nomor sementara %1. Serahkan tanda terima kepada pelapor.</translation>
    </message>
    <message>
        <source>Not saved; everything typed is kept. %1</source>
        <translation>Belum tersimpan; semua isian tetap ada. %1</translation>
    </message>
    <message>
        <source>Draft saved %1</source>
        <translation>Draf tersimpan %1</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Kosongkan formulir</translation>
    </message>
    <message>
        <source>Clear everything typed in this form? The draft is deleted too.</source>
        <translation>Kosongkan semua isian formulir ini? Drafnya juga dihapus.</translation>
    </message>
    <message>
        <source>Attach photos, scans or PDF</source>
        <translation>Lampirkan foto, hasil pindaian, atau PDF</translation>
    </message>
    <message>
        <source>Photos, scans and PDF (*.jpg *.jpeg *.png *.webp *.pdf);;All files (*)</source>
        <translation>Foto, pindaian, dan PDF (*.jpg *.jpeg *.png *.webp *.pdf);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import a paper log</source>
        <translation>Impor log kertas</translation>
    </message>
    <message>
        <source>Paper logs (*.csv *.xlsx);;All files (*)</source>
        <translation>Log kertas (*.csv *.xlsx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Memeriksa %1…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>%1 complaints imported, %2 skipped (already recorded).</source>
        <translation>%1 pengaduan diimpor, %2 dilewati (sudah tercatat).</translation>
    </message>
    <message>
        <source>Provisional numbers %1 to %2.</source>
        <translation>Nomor sementara %1 s.d. %2.</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>Simpan templat impor</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Import template saved: %1</source>
        <translation>Templat impor tersimpan: %1</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>Pengaduan baru</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>Diterima melalui:</translation>
    </message>
    <message>
        <source>Front desk (in person)</source>
        <translation>Loket (tatap muka)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Surat</translation>
    </message>
    <message>
        <source>Complaint number…</source>
        <translation>Nomor laporan…</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>Cetak ulang tanda terima</translation>
    </message>
    <message>
        <source>Import paper log…</source>
        <translation>Impor log kertas…</translation>
    </message>
    <message>
        <source>Save import template…</source>
        <translation>Simpan templat impor…</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Reporter does not wish to give their identity</source>
        <translation>Pelapor tidak bersedia menyebutkan identitas</translation>
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
        <source>16 digits</source>
        <translation>16 digit</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>08…</source>
        <translation>08…</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privasi</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <source>The reporter&apos;s identity is hidden from the officers who handle the complaint; only the central admin can see it.</source>
        <translation>Identitas pelapor disembunyikan dari petugas yang menangani pengaduan; hanya admin pusat yang dapat melihatnya.</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>The complaint is never shown to the public; the officers who handle it can still read it.</source>
        <translation>Pengaduan tidak pernah ditampilkan kepada publik; petugas yang menangani tetap dapat membacanya.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>A short summary, at least 5 characters</source>
        <translation>Ringkasan singkat, minimal 5 karakter</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>What happened, where and when; what the reporter asks for.</source>
        <translation>Apa yang terjadi, di mana dan kapan; apa yang diminta pelapor.</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi tujuan</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Incident location</source>
        <translation>Lokasi kejadian</translation>
    </message>
    <message>
        <source>Landmark, e.g. in front of the market</source>
        <translation>Patokan, mis. depan pasar</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Tambah berkas…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>This may already have been reported. Open complaints with the same NIK or phone number, or a similar title:</source>
        <translation>Mungkin sudah pernah dilaporkan. Pengaduan yang masih terbuka dengan NIK atau nomor telepon yang sama, atau judul yang mirip:</translation>
    </message>
    <message>
        <source>Check first</source>
        <translation>Periksa dulu</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Tetap simpan</translation>
    </message>
    <message>
        <source>Save and print receipt</source>
        <translation>Simpan &amp;&amp; cetak tanda terima</translation>
    </message>
</context>
<context>
    <name>LoketReceiptDialog</name>
    <message>
        <source>Complaint receipt</source>
        <translation>Tanda terima pengaduan</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
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
        <source>Reset column widths</source>
        <translation>Kembalikan lebar kolom</translation>
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
    <name>NotAuthorityDialog</name>
    <message>
        <source>— none —</source>
        <translation>— tidak ada —</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <source>Only the central admin routes a complaint to another agency.</source>
        <translation>Hanya admin pusat yang dapat mengalihkan pengaduan ke instansi lain.</translation>
    </message>
    <message>
        <source>Explain why this is not the agency&apos;s authority.</source>
        <translation>Jelaskan mengapa pengaduan ini bukan wewenang instansi.</translation>
    </message>
    <message>
        <source>Choose the agency to route the complaint to.</source>
        <translation>Pilih instansi tujuan pengalihan.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>An internal note is recorded in the history and seen by officers only. The status does not change.</source>
        <translation>Catatan internal tercatat di riwayat dan hanya dilihat petugas. Status tidak berubah.</translation>
    </message>
    <message>
        <source>Write the note.</source>
        <translation>Tuliskan catatannya.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this notice</source>
        <translation>Tutup pemberitahuan ini</translation>
    </message>
</context>
<context>
    <name>OfficialNumbers</name>
    <message>
        <source>Official number %1 for %2 has been issued.</source>
        <translation>Nomor resmi %1 untuk %2 sudah terbit.</translation>
    </message>
    <message>
        <source>Reprint receipt %1 (%2)</source>
        <translation>Cetak ulang tanda terima %1 (%2)</translation>
    </message>
    <message>
        <source>Reprint the receipt with the official number</source>
        <translation>Cetak ulang tanda terima dengan nomor resmi</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Not sent yet: %1</source>
        <translation>Belum terkirim: %1</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Belum terkirim</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Reason / last error</source>
        <translation>Alasan / galat terakhir</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation>Kotak Keluar</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Kirim ulang</translation>
    </message>
    <message>
        <source>Send the selected actions again: a rejected action goes back to the queue unchanged</source>
        <translation>Kirim lagi tindakan yang dipilih: tindakan yang ditolak kembali ke antrean tanpa diubah</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Buang…</translation>
    </message>
    <message>
        <source>Remove the selected actions from this desk; they are never sent (recorded in the audit log)</source>
        <translation>Hapus tindakan yang dipilih dari desk ini; tindakan itu tidak akan dikirim (dicatat di log audit)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Every action on this desk has reached the server.</source>
        <translation>Semua tindakan di desk ini sudah sampai ke server.</translation>
    </message>
    <message>
        <source>%1 waiting to be sent, %2 rejected by the server.</source>
        <translation>%1 menunggu dikirim, %2 ditolak server.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… dan %1 lainnya</translation>
    </message>
    <message>
        <source>Discard actions</source>
        <translation>Buang tindakan</translation>
    </message>
    <message>
        <source>Discard %1 action(s)? They will never reach the server; the complaint shows the server&apos;s state again. This is recorded in the audit log.</source>
        <translation>Buang %1 tindakan? Tindakan itu tidak akan pernah sampai ke server; pengaduan kembali menampilkan keadaan di server. Hal ini dicatat di log audit.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Electronic signature</source>
        <translation>Tanda tangan elektronik</translation>
    </message>
    <message>
        <source>This desk signs its letters electronically with the certificate %1. Enter its passphrase: it is kept only while the desk is open.</source>
        <translation>Desk ini menandatangani suratnya secara elektronik dengan sertifikat %1. Masukkan kata sandinya: kata sandi hanya disimpan selama desk terbuka.</translation>
    </message>
    <message>
        <source>This desk signs its letters electronically with a token. Enter its PIN: it is kept only while the desk is open.</source>
        <translation>Desk ini menandatangani suratnya secara elektronik dengan token. Masukkan PIN-nya: PIN hanya disimpan selama desk terbuka.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Tandatangani</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PayloadEditor</name>
    <message>
        <source>Edit action: %1</source>
        <translation>Ubah tindakan: %1</translation>
    </message>
    <message>
        <source>Separate items with commas</source>
        <translation>Pisahkan dengan koma</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>Terapkan lagi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>Selebar layar</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Satu halaman</translation>
    </message>
    <message>
        <source>No sheet to show.</source>
        <translation>Tidak ada lembar untuk ditampilkan.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
    <message>
        <source>The sheet could not be shown.</source>
        <translation>Lembar tidak dapat ditampilkan.</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>Change Position</source>
        <translation>Ubah Jabatan</translation>
    </message>
    <message>
        <source>Add Position</source>
        <translation>Tambah Jabatan</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <source>Position &amp;title</source>
        <translation>Nama &amp;jabatan</translation>
    </message>
    <message>
        <source>(none: head of the agency)</source>
        <translation>(tidak ada: pimpinan tertinggi instansi)</translation>
    </message>
    <message>
        <source>&amp;Superior</source>
        <translation>&amp;Atasan</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>&amp;Holder</source>
        <translation>&amp;Pejabat</translation>
    </message>
    <message>
        <source>&amp;Acting holder (Plt./Plh.)</source>
        <translation>Pel&amp;aksana Plt./Plh.</translation>
    </message>
    <message>
        <source>Acting &amp;as</source>
        <translation>Se&amp;bagai</translation>
    </message>
    <message>
        <source>until</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>&amp;Inactive (no longer in the structure)</source>
        <translation>&amp;Nonaktif (tidak lagi dalam struktur)</translation>
    </message>
    <message>
        <source>Fill in the code and the position title.</source>
        <translation>Isi kode dan nama jabatan.</translation>
    </message>
    <message>
        <source>An acting holder needs a person and an end date on or after the start date.</source>
        <translation>Plt./Plh. memerlukan nama pegawai dan tanggal selesai yang sama dengan atau setelah tanggal mulai.</translation>
    </message>
</context>
<context>
    <name>PositionsPage</name>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <source>Plt./Plh.</source>
        <translation>Plt./Plh.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>&amp;Add position…</source>
        <translation>&amp;Tambah jabatan…</translation>
    </message>
    <message>
        <source>&amp;Change position…</source>
        <translation>&amp;Ubah jabatan…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Sign in to the central server to see your agency&apos;s positions.</source>
        <translation>Masuk ke server pusat untuk melihat susunan jabatan instansi Anda.</translation>
    </message>
    <message>
        <source>The positions of %1. A change goes to the central server and reaches every desk of the agency on its next sync.</source>
        <translation>Susunan jabatan %1. Perubahan dikirim ke server pusat dan sampai ke setiap desk instansi pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>The positions of %1 are not on this desk yet: they arrive with the next sync.</source>
        <translation>Susunan jabatan %1 belum ada di desk ini; susunan jabatan diambil pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>The positions of %1, as last synced. Only the agency&apos;s administrator changes them.</source>
        <translation>Susunan jabatan %1, sesuai sinkronisasi terakhir. Hanya admin instansi yang dapat mengubahnya.</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>The change was not saved: %1</source>
        <translation>Perubahan tidak tersimpan: %1</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Nothing changed: tick or untick a flag.</source>
        <translation>Belum ada perubahan: centang atau hapus centang salah satu penanda.</translation>
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
        <source>Ready to close</source>
        <translation>Siap ditutup</translation>
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
        <source>The reporter did not reply by %1: close the complaint</source>
        <translation>Pelapor tidak menanggapi sampai %1: tutup laporan</translation>
    </message>
    <message>
        <source>Waiting for the reporter&apos;s reply until %1 (working days)</source>
        <translation>Menunggu tanggapan pelapor sampai %1 (hari kerja)</translation>
    </message>
    <message>
        <source>Deadline: %1 (working days)</source>
        <translation>Batas waktu: %1 (hari kerja)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(opsional)</translation>
    </message>
    <message>
        <source>Please fill this in.</source>
        <translation>Isian ini wajib diisi.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Half page (A4/F4)</source>
        <translation>Setengah halaman (A4/F4)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80 mm thermal roll</source>
        <translation>Struk termal 80 mm</translation>
    </message>
    <message>
        <source>Preparing the receipt…</source>
        <translation>Menyiapkan tanda terima…</translation>
    </message>
    <message>
        <source>Provisional number %1</source>
        <translation>Nomor sementara %1</translation>
    </message>
    <message>
        <source>Given by this desk while the complaint waits to be sent. After the next sync the central server&apos;s tracking number replaces it; a reprint then shows it.</source>
        <translation>Diberikan oleh loket ini selama pengaduan menunggu dikirim. Sesudah sinkronisasi berikutnya, nomor pelacakan dari server pusat menggantikannya; cetak ulang akan memuatnya.</translation>
    </message>
    <message>
        <source>Tracking number %1</source>
        <translation>Nomor pelacakan %1</translation>
    </message>
    <message>
        <source>The official number from the central server.</source>
        <translation>Nomor resmi dari server pusat.</translation>
    </message>
    <message>
        <source>Complaint receipt %1</source>
        <translation>Tanda terima pengaduan %1</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Tanda terima tidak tersedia</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Simpan tanda terima sebagai PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Tersimpan di %1</translation>
    </message>
</context>
<context>
    <name>RecurringSection</name>
    <message>
        <source>Window</source>
        <translation>Jangka waktu</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>How many days back complaints are compared (a setting of this desk)</source>
        <translation>Berapa hari ke belakang pengaduan dibandingkan (pengaturan meja ini)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Terakhir</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Perihal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Print brief (PDF)…</source>
        <translation>Cetak ringkasan (PDF)…</translation>
    </message>
    <message>
        <source>A one-page brief of the chosen problem for the leader: letterhead, period, its complaints and a short summary</source>
        <translation>Ringkasan satu halaman tentang masalah yang dipilih untuk pimpinan: kop, periode, pengaduannya dan ringkasan singkat</translation>
    </message>
    <message>
        <source>Looking for recurring problems…</source>
        <translation>Mencari masalah berulang…</translation>
    </message>
    <message>
        <source>Complaints about the same problem in the same place (kecamatan or desa, category and similar wording), the largest first.</source>
        <translation>Pengaduan tentang masalah yang sama di tempat yang sama (kecamatan atau desa, kategori dan kata-kata yang mirip), yang terbanyak di atas.</translation>
    </message>
    <message>
        <source>No problem was reported more than once in this period.</source>
        <translation>Tidak ada masalah yang diadukan lebih dari sekali dalam periode ini.</translation>
    </message>
    <message>
        <source>The recurring problems could not be computed.</source>
        <translation>Masalah berulang tidak dapat dihitung.</translation>
    </message>
    <message>
        <source>Recurring problems (last %1 days)</source>
        <translation>Masalah berulang (%1 hari terakhir)</translation>
    </message>
    <message>
        <source>Save the brief</source>
        <translation>Simpan ringkasan</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Brief saved to %1.</source>
        <translation>Ringkasan disimpan ke %1.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Regency/city…</source>
        <translation>Kabupaten/kota…</translation>
    </message>
    <message>
        <source>District (kecamatan)…</source>
        <translation>Kecamatan…</translation>
    </message>
    <message>
        <source>Village (desa/kelurahan)…</source>
        <translation>Desa/kelurahan…</translation>
    </message>
</context>
<context>
    <name>RejectedNotice</name>
    <message>
        <source>The central server did not accept “%1” on %2: %3</source>
        <translation>Server pusat menolak “%1” pada %2: %3</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… dan %1 lainnya.</translation>
    </message>
    <message>
        <source>Open Needs Attention to apply it again, change it or discard it.</source>
        <translation>Buka Perlu Perhatian untuk menerapkannya lagi, mengubahnya, atau membuangnya.</translation>
    </message>
    <message>
        <source>Open Needs Attention</source>
        <translation>Buka Perlu Perhatian</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Computed deadline: %1</source>
        <translation>Batas waktu terhitung: %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Waiting for the local database…</source>
        <translation>Menunggu basis data lokal…</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>Tanggal awal sesudah tanggal akhir.</translation>
    </message>
    <message>
        <source>Computing the recap for %1…</source>
        <translation>Menghitung rekap %1…</translation>
    </message>
    <message>
        <source>Complaint Recap</source>
        <translation>Rekap Pengaduan</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Bulan lalu</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tahun ini</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Rentang tanggal</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Semicolon-separated, UTF-8: opens in Excel.</source>
        <translation>Dipisah titik koma, UTF-8: langsung terbuka di Excel.</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Ekspor XLSX…</translation>
    </message>
    <message>
        <source>Print recap (PDF)…</source>
        <translation>Cetak rekap (PDF)…</translation>
    </message>
    <message>
        <source>With the letterhead, charts and the signer of Settings › Letterhead</source>
        <translation>Dengan kop surat, grafik dan penanda tangan dari Pengaturan › Kop surat</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 tegak</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 mendatar</translation>
    </message>
    <message>
        <source>Paper of the printed recap</source>
        <translation>Kertas rekap yang dicetak</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Per status</translation>
    </message>
    <message>
        <source>By deadline state</source>
        <translation>Per keadaan batas waktu</translation>
    </message>
    <message>
        <source>On time: verified and answered within the agency&apos;s deadlines (days on hold and waiting for the reporter do not count). Past the deadline: as “Time left” in the queue. No deadline: not our authority, archived. Complaints are counted by the date they were received.</source>
        <translation>Tepat waktu: diverifikasi dan ditindaklanjuti dalam batas waktu instansi (hari ditunda dan menunggu pelapor tidak dihitung). Lewat batas waktu: seperti kolom “Sisa waktu” di antrian. Tanpa batas waktu: bukan wewenang, diarsipkan. Pengaduan dihitung menurut tanggal diterima.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Per unit</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Per kategori</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klasifikasi</translation>
    </message>
    <message>
        <source>By classification</source>
        <translation>Per klasifikasi</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>Per kanal</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Tepat waktu</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>% on time</source>
        <translation>% tepat waktu</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Past the deadline</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>Tanpa batas waktu</translation>
    </message>
    <message>
        <source>%1 complaints were routed to more than one unit and count under each of them: the units add up to more than the complaints received.</source>
        <translation>%1 pengaduan ditujukan ke lebih dari satu unit dan dihitung pada setiap unit tersebut: jumlah per unit lebih besar daripada jumlah pengaduan yang diterima.</translation>
    </message>
    <message>
        <source>The recap could not be computed.</source>
        <translation>Rekap tidak dapat dihitung.</translation>
    </message>
    <message>
        <source>No complaints received %1.</source>
        <translation>Tidak ada pengaduan yang diterima %1.</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 diterima</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 selesai</translation>
    </message>
    <message>
        <source>%1 on time</source>
        <translation>%1 tepat waktu</translation>
    </message>
    <message>
        <source>%1 past the deadline</source>
        <translation>%1 lewat batas waktu</translation>
    </message>
    <message>
        <source>%1 ready to close</source>
        <translation>%1 perlu ditutup</translation>
    </message>
    <message>
        <source>median %1 working days to completion</source>
        <translation>median %1 hari kerja sampai selesai</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Tidak diisi</translation>
    </message>
    <message>
        <source>Completed on time</source>
        <translation>Selesai tepat waktu</translation>
    </message>
    <message>
        <source>Completed late</source>
        <translation>Selesai terlambat</translation>
    </message>
    <message>
        <source>Running, within the deadline</source>
        <translation>Berjalan, masih dalam batas waktu</translation>
    </message>
    <message>
        <source>Running, past the deadline</source>
        <translation>Berjalan, lewat batas waktu</translation>
    </message>
    <message>
        <source>No reply from the reporter, ready to close</source>
        <translation>Pelapor tidak menanggapi, perlu ditutup</translation>
    </message>
    <message>
        <source>No unit</source>
        <translation>Tanpa unit tujuan</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Tanpa kategori</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the recap</source>
        <translation>Ekspor rekap</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Recap saved to %1.</source>
        <translation>Rekap disimpan di %1.</translation>
    </message>
    <message>
        <source>Signed electronically by %1.</source>
        <translation>Ditandatangani secara elektronik oleh %1.</translation>
    </message>
    <message>
        <source>Printed without a signature block: no signer (name and jabatan) is set in Settings › Letterhead.</source>
        <translation>Dicetak tanpa blok tanda tangan: belum ada penanda tangan (nama dan jabatan) di Pengaturan › Kop surat.</translation>
    </message>
    <message>
        <source>Letterhead and signer not complete yet: %1.</source>
        <translation>Kop surat dan penanda tangan belum lengkap: %1.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>RerouteDialog</name>
    <message>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <source>Returned by %1: “%2”</source>
        <translation>Dikembalikan oleh %1: “%2”</translation>
    </message>
    <message>
        <source>Suggested agency: %1.</source>
        <translation>Instansi yang disarankan: %1.</translation>
    </message>
    <message>
        <source>Choose the agency to route the complaint to.</source>
        <translation>Pilih instansi tujuan pengalihan.</translation>
    </message>
</context>
<context>
    <name>RestoreNotice</name>
    <message>
        <source>The central server was restored from a backup. This desk sent again %1 actions the server had already confirmed, so that nothing is lost.</source>
        <translation>Server pusat telah dipulihkan dari cadangan. Desk ini mengirim ulang %1 tindakan yang sudah pernah diterima server, agar tidak ada yang hilang.</translation>
    </message>
    <message>
        <source>These complaints got a new tracking number because the old one could not be given back; tell the reporters:</source>
        <translation>Pengaduan berikut mendapat nomor pelacakan baru karena nomor lamanya tidak dapat dikembalikan; beri tahu pelapornya:</translation>
    </message>
    <message>
        <source>Every complaint kept its tracking number.</source>
        <translation>Setiap pengaduan tetap memakai nomor pelacakannya.</translation>
    </message>
    <message>
        <source>Server restored</source>
        <translation>Server dipulihkan</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>The complaint returns to its status before the hold.</source>
        <translation>Pengaduan kembali ke status sebelum ditunda.</translation>
    </message>
    <message>
        <source>The complaint returns to its status before the hold; the new deadline is %1.</source>
        <translation>Pengaduan kembali ke status sebelum ditunda; batas waktu baru %1.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Front Desk Officer</source>
        <translation>Petugas Loket</translation>
    </message>
    <message>
        <source>Unit Officer</source>
        <translation>Petugas Unit</translation>
    </message>
    <message>
        <source>Agency Admin</source>
        <translation>Admin Instansi</translation>
    </message>
    <message>
        <source>Head of Agency</source>
        <translation>Pimpinan</translation>
    </message>
    <message>
        <source>Central Admin</source>
        <translation>Admin Pusat</translation>
    </message>
</context>
<context>
    <name>ServerSettingsDialog</name>
    <message>
        <source>Server and sync</source>
        <translation>Server dan sinkronisasi</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Agency CA certificate</source>
        <translation>Sertifikat CA instansi</translation>
    </message>
    <message>
        <source>Only when the server&apos;s certificate is issued by the agency&apos;s own certificate authority: the PEM file from the agency&apos;s admin. Empty: the certificates trusted by default.</source>
        <translation>Hanya bila sertifikat server diterbitkan oleh otoritas sertifikat (CA) milik instansi sendiri: berkas PEM dari admin instansi. Kosong: sertifikat yang dipercaya secara bawaan.</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Masuk sebagai</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>Sign-in token</source>
        <translation>Token masuk</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Sync automatically every</source>
        <translation>Sinkronkan otomatis setiap</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Sign in as someone else…</source>
        <translation>Masuk sebagai pengguna lain…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>default (none set)</source>
        <translation>bawaan (tidak diatur)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>credential vault</source>
        <translation>brankas kredensial</translation>
    </message>
    <message>
        <source>private file (no credential vault on this computer)</source>
        <translation>berkas pribadi (tidak ada brankas kredensial di komputer ini)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>SettingsHub</name>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>&amp;Letterhead…</source>
        <translation>&amp;Kop Surat…</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Canned replies to reporters, the disposition instruction checklist, and the officer this desk acts as while nobody is signed in.</source>
        <translation>Balasan siap pakai untuk pelapor, daftar instruksi disposisi, dan petugas yang dipakai desk ini selama belum ada yang masuk.</translation>
    </message>
    <message>
        <source>Send waiting actions to the central server and fetch its changes now.</source>
        <translation>Kirim tindakan yang menunggu ke server pusat dan ambil perubahannya sekarang.</translation>
    </message>
    <message>
        <source>Sign in with your officer account on the central server.</source>
        <translation>Masuk dengan akun petugas Anda di server pusat.</translation>
    </message>
    <message>
        <source>The central server&apos;s address and the agency&apos;s CA certificate, who is signed in, and how often the desk syncs on its own.</source>
        <translation>Alamat server pusat dan sertifikat CA instansi, siapa yang masuk, dan seberapa sering desk menyinkronkan sendiri.</translation>
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
    <name>SigningPage</name>
    <message>
        <source>With a certificate (from BSrE, as a .p12 file) the desk signs the disposition sheets, recaps and case files it issues electronically (PAdES): any PDF reader can then check who signed and that nothing was changed. Without one, sheets carry the QR code only and say they are not signed electronically.</source>
        <translation>Dengan sertifikat (dari BSrE, berupa berkas .p12) desk menandatangani secara elektronik (PAdES) lembar disposisi, rekap dan berkas perkara yang diterbitkannya: pembaca PDF mana pun dapat memeriksa siapa yang menandatangani dan bahwa tidak ada yang diubah. Tanpa sertifikat, lembar hanya memuat kode QR dan menyebutkan bahwa tidak ditandatangani secara elektronik.</translation>
    </message>
    <message>
        <source>Waiting for the local database…</source>
        <translation>Menunggu basis data lokal…</translation>
    </message>
    <message>
        <source>Choose certificate (.p12)…</source>
        <translation>Pilih sertifikat (.p12)…</translation>
    </message>
    <message>
        <source>Add CA certificate…</source>
        <translation>Tambah sertifikat CA…</translation>
    </message>
    <message>
        <source>Add CRL…</source>
        <translation>Tambah CRL…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Remove certificate</source>
        <translation>Hapus sertifikat</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Pilih sertifikat</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx)</source>
        <translation>Sertifikat PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Add CA certificates</source>
        <translation>Tambah sertifikat CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Sertifikat (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>Add certificate revocation lists</source>
        <translation>Tambah daftar pencabutan sertifikat (CRL)</translation>
    </message>
    <message>
        <source>Revocation lists (*.crl *.pem *.der)</source>
        <translation>Daftar pencabutan (*.crl *.pem *.der)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Tidak disimpan: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No certificate:&lt;/b&gt; letters are issued with the QR code only.</source>
        <translation>&lt;b&gt;Belum ada sertifikat:&lt;/b&gt; surat diterbitkan hanya dengan kode QR.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Certificate:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Sertifikat:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Signer: %1 · issued by %2 · valid from %3 until %4 · can sign.</source>
        <translation>Penanda tangan: %1 · diterbitkan oleh %2 · berlaku %3 sampai %4 · dapat menandatangani.</translation>
    </message>
    <message>
        <source>CA certificates: %1 · revocation lists (CRL): %2</source>
        <translation>Sertifikat CA: %1 · daftar pencabutan (CRL): %2</translation>
    </message>
</context>
<context>
    <name>SigningSession</name>
    <message>
        <source>of this desk</source>
        <translation>desk ini</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>Tanda tangan elektronik</translation>
    </message>
    <message>
        <source>The document was not made. %1</source>
        <translation>Dokumen tidak dibuat. %1</translation>
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
    <message>
        <source>Verified, Awaiting Disposition</source>
        <translation>Terverifikasi, Menunggu Disposisi</translation>
    </message>
</context>
<context>
    <name>StatusShort</name>
    <message>
        <source>Awaiting Reporter</source>
        <translation>Menunggu Pelapor</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Terverifikasi</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Send waiting actions and fetch changes now</source>
        <translation>Kirim tindakan yang menunggu dan ambil perubahan sekarang</translation>
    </message>
    <message>
        <source>Your session has ended: sign in again to send your actions.</source>
        <translation>Sesi Anda telah berakhir: masuk kembali untuk mengirim tindakan Anda.</translation>
    </message>
    <message>
        <source>Sign in to the central server to send and receive complaints.</source>
        <translation>Masuk ke server pusat untuk mengirim dan menerima pengaduan.</translation>
    </message>
    <message>
        <source>receiving %1 complaints</source>
        <translation>menerima %1 pengaduan</translation>
    </message>
    <message>
        <source>sending %1 actions</source>
        <translation>mengirim %1 tindakan</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sign in…</source>
        <translation>Masuk…</translation>
    </message>
    <message>
        <source>Offline · trying again…</source>
        <translation>Luring · mencoba lagi…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation>Masalah sertifikat</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Perlu masuk</translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Belum terhubung ke server</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sinkron terakhir: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 menunggu</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 ditolak</translation>
    </message>
    <message>
        <source>credential vault</source>
        <translation>brankas kredensial</translation>
    </message>
    <message>
        <source>private file (no credential vault on this computer)</source>
        <translation>berkas pribadi (tidak ada brankas kredensial di komputer ini)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Pengguna: %1</translation>
    </message>
    <message>
        <source>Sign-in token: %1</source>
        <translation>Token masuk: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Galat terakhir: %1</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Rincian teknis: %1</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>Outbox</source>
        <translation>Kotak Keluar</translation>
    </message>
    <message>
        <source>Actions waiting to be sent, and rejected ones</source>
        <translation>Tindakan yang menunggu dikirim, dan yang ditolak</translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation>Perlu Perhatian</translation>
    </message>
    <message>
        <source>Actions the server rejected, beside the server&apos;s current state</source>
        <translation>Tindakan yang ditolak server, berdampingan dengan keadaan server saat ini</translation>
    </message>
    <message>
        <source>Sign in to the server…</source>
        <translation>Masuk ke server…</translation>
    </message>
    <message>
        <source>Server and sync…</source>
        <translation>Server dan sinkronisasi…</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Sign out / switch user…</source>
        <translation>Keluar / ganti pengguna…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <source>Nobody is signed in: sign in with your officer account to act on complaints.</source>
        <translation>Belum ada yang masuk: masuk dengan akun petugas Anda untuk menangani pengaduan.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Masuk…</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Masuk sebagai %1</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Sign out and let another officer sign in (shared PC)</source>
        <translation>Keluar agar petugas lain dapat masuk (komputer bersama)</translation>
    </message>
    <message>
        <source>Sign in with your officer account</source>
        <translation>Masuk dengan akun petugas Anda</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Kotak Keluar (%1)</translation>
    </message>
    <message>
        <source>Needs Attention (%1)</source>
        <translation>Perlu Perhatian (%1)</translation>
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
    <name>VerifyDialog</name>
    <message>
        <source>— choose a category —</source>
        <translation>— pilih kategori —</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Pilih kategori.</translation>
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
        <source>Ready to Close</source>
        <translation>Perlu Ditutup</translation>
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
<context>
    <name>WorkflowIntegration</name>
    <message>
        <source>The attachment cannot be opened: %1</source>
        <translation>Lampiran tidak dapat dibuka: %1</translation>
    </message>
    <message>
        <source>%1 complaints newly disposed to your unit</source>
        <translation>%1 pengaduan baru didisposisikan ke unit Anda</translation>
    </message>
    <message>
        <source>%1 complaints due within a working day</source>
        <translation>%1 pengaduan jatuh tempo dalam satu hari kerja</translation>
    </message>
    <message>
        <source>LAPOR! Desk: new work</source>
        <translation>LAPOR! Desk: pekerjaan baru</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>dan %1 lainnya</translation>
    </message>
</context>
<context>
    <name>ZoneRow</name>
    <message>
        <source>Office time &amp;zone</source>
        <translation>&amp;Zona waktu kantor</translation>
    </message>
    <message>
        <source>Decides which day it is for deadlines, numbers, letters and recaps. Kalimantan Selatan: WITA.</source>
        <translation>Menentukan tanggal hari ini bagi tenggat waktu, nomor, surat dan rekap. Kalimantan Selatan: WITA.</translation>
    </message>
</context>
</TS>
