"""``lapor-server``: set up the database, manage accounts, run the server.

The database comes from ``--database-url`` or env ``LAPOR_DATABASE_URL`` (default: a SQLite
file in the server's data directory); PostgreSQL as ``postgresql+psycopg://user@host/db``.
Passwords are never command-line arguments (except the throwaway demo password): they come
from env ``LAPOR_PASSWORD`` or a prompt.

Backups (server/backup.py, server/backup_verify.py): ``backup --output-dir DIR [--keep N]
[--label L]`` writes a new timestamped dump (never replaces one; ``--keep`` prunes only its
own label; ``pre-upgrade`` and ``pre-restore`` dumps are kept forever), ``verify-backup FILE``
restores one into a scratch database and checks it. Neither needs the schema at this
version. A database migrated by a newer release is refused with a message, not a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import socket
import sys
from collections.abc import Sequence

from core.cli_text import Parser
from server import __version__, cli_positions
from server.config import ENV_ATTACHMENTS_DIR, ENV_DATABASE_URL, Settings
from server.errors import ApiError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--database-url", default=default, metavar="URL",
                        help=f"URL basis data (bawaan: env {ENV_DATABASE_URL}, atau berkas SQLite)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="lapor-server", description="Server pusat LAPOR! Desk")
    parser.add_version(f"lapor-server {__version__}")
    _common(parser, suppress=False)
    sub = parser.add_commands("command", help_="salah satu perintah di bawah", required=True)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        _common(p, suppress=True)
        return p

    add("init", "buat atau perbarui skema basis data (dan berkas rahasia QR)")

    run = add("run", "jalankan server API")
    run.add_argument("--host", default="127.0.0.1", metavar="ALAMAT",
                     help="alamat yang didengarkan (bawaan: 127.0.0.1)")
    run.add_argument("--port", type=int, default=8000,
                     help="port (bawaan: 8000); 0 memilih port bebas (dicetak)")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="jumlah proses pekerja (bawaan: 1)")
    run.add_argument("--attachments-dir", metavar="FOLDER",
                     help=f"folder berkas lampiran (bawaan: env {ENV_ATTACHMENTS_DIR})")
    run.add_argument("--log-level", default="warning", metavar="TINGKAT",
                     help="tingkat log uvicorn (bawaan: warning)")

    agency = add("create-agency", "tambah instansi (SOPD)")
    agency.add_argument("code", metavar="KODE", help="kode instansi, mis. DINKES")
    agency.add_argument("--name", required=True, metavar="NAMA", help="nama lengkap instansi")
    agency.add_argument("--short-name", metavar="NAMA", help="nama singkat instansi")
    agency.add_argument("--central", action="store_true", help="admin pusat (provinsi)")
    for extra, label in (("address", "alamat"), ("phone", "telepon"), ("email", "surel"),
                         ("website", "situs web")):
        agency.add_argument(f"--{extra}", metavar="TEKS", help=f"{label} instansi")

    unit = add("create-unit", "tambah unit (bidang, UPT) pada sebuah instansi")
    unit.add_argument("code", metavar="KODE", help="kode unit")
    unit.add_argument("--agency", required=True, metavar="KODE", help="kode instansi")
    unit.add_argument("--name", required=True, metavar="NAMA", help="nama unit")
    unit.add_argument("--kind", default="bidang", choices=["bidang", "upt", "sekretariat", "seksi"],
                      help="jenis unit (bawaan: bidang)")

    user = add("create-user", "tambah akun (kata sandi dari env LAPOR_PASSWORD atau ditanyakan)")
    user.add_argument("username", metavar="NAMA_PENGGUNA", help="nama pengguna akun baru")
    user.add_argument("--role", required=True,
                      choices=["loket", "petugas_unit", "admin_instansi", "pimpinan",
                               "admin_pusat"], help="peran akun")
    user.add_argument("--agency", required=True, metavar="KODE", help="kode instansi")
    user.add_argument("--unit", metavar="KODE", help="kode unit")
    user.add_argument("--full-name", metavar="NAMA", help="nama lengkap")
    user.add_argument("--jabatan", metavar="TEKS", help="jabatan")
    user.add_argument("--nip", metavar="NIP", help="NIP pegawai")

    seed = add("seed-demo", "isi basis data dengan contoh data demo Kalimantan Selatan")
    seed.add_argument("--password", metavar="KATA_SANDI", help="kata sandi setiap pengguna demo "
                      "(bawaan: env LAPOR_PASSWORD, atau 'paman-demo-2026')")
    seed.add_argument("--complaints", type=int, default=300, metavar="JUMLAH",
                      help="jumlah pengaduan demo (bawaan: 300)")
    seed.add_argument("--seed", type=int, default=2026, metavar="ANGKA",
                      help="benih acak (data yang sama setiap kali; bawaan: 2026)")

    rotate = add("rotate-qr-key", "mulai id kunci QR baru untuk lembar disposisi baru; lembar "
                                  "yang ditandatangani dengan id lama tetap terverifikasi")
    rotate.add_argument("--id", help="id kunci baru (bawaan: vN berikutnya)")

    dump = add("backup", "salin (dump) basis data ke berkas baru bercap waktu di sebuah "
                         "folder; tidak pernah menimpa cadangan")
    dump.add_argument("--output-dir", required=True, metavar="FOLDER",
                      help="folder cadangan (dibuat dengan izin 0700)")
    dump.add_argument("--keep", type=int, metavar="N", help="lalu hapus cadangan terlama "
                                                            "berlabel ini, sisakan N terbaru")
    dump.add_argument("--label", default="nightly", help="nama seri di nama berkas "
                      "[nightly]; pre-upgrade dan pre-restore tidak pernah dihapus")
    add("verify-backup", "uji pemulihan: pulihkan cadangan ke basis data sementara, periksa "
                         "revisi skema dan jumlah barisnya, lalu hapus").add_argument(
        "file", metavar="BERKAS", help="berkas cadangan")

    for name, help_ in (("deactivate-user", "blokir akun dan akhiri semua sesinya"),
                        ("activate-user", "izinkan akun yang dinonaktifkan masuk lagi"),
                        ("sign-out-user", "akhiri setiap sesi sebuah akun (PC hilang atau "
                                          "dipakai bersama)"),
                        ("set-password", "setel kata sandi baru (env LAPOR_PASSWORD atau "
                                         "ditanyakan); mengakhiri semua sesi")):
        add(name, help_).add_argument("username", metavar="NAMA_PENGGUNA", help="nama pengguna")

    add("sign-out-all", "akhiri setiap sesi semua akun (setelah dugaan kebocoran)")

    update = add("update-user", "ubah peran, unit, nama, jabatan atau NIP "
                                "(perubahan peran atau unit mengakhiri semua sesi)")
    update.add_argument("username", metavar="NAMA_PENGGUNA", help="nama pengguna")
    update.add_argument("--role", choices=["loket", "petugas_unit", "admin_instansi", "pimpinan",
                                           "admin_pusat"], help="peran baru")
    update.add_argument("--unit", metavar="KODE", help="kode unit; teks kosong menghapus unit")
    update.add_argument("--full-name", metavar="NAMA", help="nama lengkap")
    update.add_argument("--jabatan", metavar="TEKS", help="jabatan")
    update.add_argument("--nip", metavar="NIP", help="NIP pegawai")

    restored = add("after-restore", "setelah memulihkan cadangan: mulai epoch baru (setiap "
                                    "desk memulai ulang dan mengirim ulang yang tidak ada di "
                                    "cadangan) dan majukan penghitung nomor pelacakan, agenda "
                                    "dan umpan perubahan melewati hari-hari yang hilang")
    restored.add_argument("--tracking-gap", type=int, default=None, metavar="N",
                          help="nomor pelacakan yang disisihkan untuk pengaduan yang dikirim "
                               "ulang oleh desk (bawaan 10.000)")
    restored.add_argument("--agenda-gap", type=int, default=None, metavar="N",
                          help="nomor agenda yang disisihkan per instansi dan tahun "
                               "(bawaan 1.000)")
    restored.add_argument("--json", action="store_true", help="keluaran JSON (untuk skrip)")

    moved = add("migrate-attachments", "salin berkas lampiran dari folder lampiran ke basis "
                                       "data (sekali, setelah pembaruan; aman diulang): "
                                       "setiap mesin server lalu melayani setiap berkas")
    moved.add_argument("--attachments-dir", metavar="FOLDER",
                       help=f"folder berkas lampiran lama (bawaan: env {ENV_ATTACHMENTS_DIR})")
    moved.add_argument("--json", action="store_true", help="keluaran JSON (untuk skrip)")

    audit = add("audit", "jejak audit: periksa rantai hash-nya")
    checks = audit.add_commands("audit_command", help_="salah satu perintah di bawah",
                                required=True)
    verify = checks.add_parser("verify", help="periksa setiap rantai audit dan jangkar "
                                              "hariannya; sebutkan entri yang diubah, "
                                              "dihapus atau disisipkan (keluar 1 bila ada)")
    _common(verify, suppress=True)
    verify.add_argument("--json", action="store_true", help="keluaran JSON (untuk skrip)")

    users = add("users", "daftar akun")
    users.add_argument("--json", action="store_true", help="keluaran JSON (untuk skrip)")
    cli_positions.add_parser(add, _common)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    if args.database_url:
        os.environ[ENV_DATABASE_URL] = args.database_url
    if getattr(args, "attachments_dir", None):
        os.environ[ENV_ATTACHMENTS_DIR] = args.attachments_dir
    return Settings.from_env()


def _context(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from server.context import ServerContext

    return ServerContext(_settings(args), pool_size=2)


def cmd_init(args: argparse.Namespace) -> int:
    from sqlalchemy import exc as sa_exc

    from server import directory, migrate

    settings = _settings(args)
    try:
        revision = migrate.upgrade(settings.database_url)
    except migrate.SchemaTooNew as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    except sa_exc.OperationalError as exc:
        print(f"Tidak dapat membuka basis data: {exc.orig or exc}", file=sys.stderr)
        return EXIT_ERROR
    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            added = directory.ensure_categories(session)
    finally:
        ctx.close()
    print(f"Skema basis data siap (revisi {revision}); {added} kategori baru.")
    problem = _restored_problem(args)
    if problem:
        print(problem, file=sys.stderr)
    return _qr_secret_ready(settings)


def _qr_secret_ready(settings: Settings) -> int:
    """Create the QR secret file if needed and check that the keyring loads."""
    from server import qr_keys

    try:
        created = qr_keys.ensure_file(settings.qr_secret_file)
        ring = qr_keys.load(settings.qr_secret_file)
    except (qr_keys.QrSecretError, OSError) as exc:
        print(f"Kunci QR tidak siap: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if created:
        print(f"Rahasia kunci QR dibuat: {settings.qr_secret_file} (simpan bersama cadangan).")
    del ring  # loaded only to prove it is usable
    return EXIT_OK


def _check_schema(url: str) -> str | None:
    from server import migrate

    try:
        current = migrate.current_revision(url)
    except Exception as exc:  # noqa: BLE001 - any connection failure is reported plainly
        return f"Tidak dapat membuka basis data: {exc}"
    try:
        migrate.refuse_newer(current)
    except migrate.SchemaTooNew as exc:
        return str(exc)
    if current != migrate.head_revision():
        return "Basis data belum disiapkan atau versinya lama: jalankan `lapor-server init`."
    return None


def _restored_problem(args: argparse.Namespace) -> str | None:
    """Refuse a database restored from a dump until ``after-restore`` ran on it; remember
    the identity of a database seen for the first time (server/restore.py)."""
    from server import restore

    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            problem = restore.restored_problem(session)
            if problem is None:
                restore.record_identity_if_missing(session)
    finally:
        ctx.close()
    return problem


def cmd_run(args: argparse.Namespace) -> int:
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    settings = _settings(args)
    problem = _check_schema(settings.database_url)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_ERROR
    problem = _restored_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_ERROR
    if _qr_secret_ready(settings) != EXIT_OK:  # before the workers start, once
        return EXIT_ERROR
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        print(f"Tidak dapat memakai {args.host}:{args.port}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    sock.set_inheritable(True)
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    print(f"lapor-server listening on http://{host}:{port}", flush=True)
    workers = max(1, args.workers)
    config = uvicorn.Config("server.app:create_app", factory=True, workers=workers,
                            log_level=args.log_level, access_log=False, timeout_keep_alive=30)
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])
    return EXIT_OK


def _password() -> str:
    password = os.environ.get("LAPOR_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise ApiError(400, "invalid", "Kata sandi tidak diberikan: isi env LAPOR_PASSWORD.")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ApiError(400, "invalid", "Kedua kata sandi tidak sama.")
    return first


def cmd_create_agency(args: argparse.Namespace) -> int:
    from server import directory

    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            agency = directory.create_agency(
                session, args.code, args.name, short_name=args.short_name,
                is_central=args.central, address=args.address, phone=args.phone,
                email=args.email, website=args.website)
            print(f"Instansi {agency.code} dibuat.")
    finally:
        ctx.close()
    return EXIT_OK


def cmd_create_unit(args: argparse.Namespace) -> int:
    from server import directory

    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            unit = directory.create_unit(session, args.agency.upper(), args.code, args.name,
                                         args.kind)
            print(f"Unit {unit.code} dibuat di {unit.agency_code}.")
    finally:
        ctx.close()
    return EXIT_OK


def cmd_create_user(args: argparse.Namespace) -> int:
    from server import directory

    password = _password()
    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            user = directory.create_user(
                session, args.username, role=args.role, agency=args.agency.upper(),
                unit=args.unit, password=password, full_name=args.full_name,
                jabatan=args.jabatan, nip=args.nip)
            print(f"Pengguna {user.username} ({user.role}) dibuat.")
    finally:
        ctx.close()
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from server import seed_demo

    password = args.password or os.environ.get("LAPOR_PASSWORD") or seed_demo.DEFAULT_PASSWORD
    ctx = _context(args)
    try:
        summary = seed_demo.seed(ctx, password=password, complaints=args.complaints,
                                 seed=args.seed)
    finally:
        ctx.close()
    print(f"Data demo dibuat: {summary['agencies']} instansi, {summary['units']} unit, "
          f"{summary['users']} pengguna, {summary['complaints']} pengaduan.")
    return EXIT_OK


def cmd_rotate_qr_key(args: argparse.Namespace) -> int:
    from server import qr_keys

    settings = _settings(args)
    try:
        new_id = qr_keys.rotate(settings.qr_secret_file, args.id)
        ring = qr_keys.read_file(settings.qr_secret_file)
    except qr_keys.QrSecretError as exc:
        print(f"lapor-server: {exc}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Kunci QR aktif sekarang {new_id} (masih diterima: {', '.join(sorted(ring.secrets))})."
          " Mulai ulang server agar berlaku.")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from server import backup

    return backup.run_command(args.output_dir, args.label, args.keep, _settings(args))


def cmd_verify_backup(args: argparse.Namespace) -> int:
    from server import backup_verify

    return backup_verify.run_command(args.file, _settings(args))


def _account_change(args: argparse.Namespace) -> int:
    from server import accounts

    password = _password() if args.command == "set-password" else None
    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            if args.command == "sign-out-all":
                ended = accounts.sign_out_everyone(session)
                print(f"Semua perangkat dikeluarkan; {ended} sesi diakhiri.")
                return EXIT_OK
            if args.command == "deactivate-user":
                user, ended = accounts.set_active(session, args.username, False)
                done = "dinonaktifkan"
            elif args.command == "activate-user":
                user, ended = accounts.set_active(session, args.username, True)
                done = "diaktifkan"
            elif args.command == "sign-out-user":
                user, ended = accounts.sign_out(session, args.username)
                done = "dikeluarkan dari semua perangkat"
            elif args.command == "set-password":
                assert password is not None
                user, ended = accounts.set_password(session, args.username, password)
                done = "mendapat kata sandi baru"
            else:
                user, ended = accounts.update(
                    session, args.username, role=args.role, unit=args.unit,
                    full_name=args.full_name, jabatan=args.jabatan, nip=args.nip)
                done = f"diperbarui ({user.role}, unit {user.unit_code or '-'})"
            name = user.username
    finally:
        ctx.close()
    print(f"Pengguna {name} {done}; {ended} sesi diakhiri.")
    return EXIT_OK


def cmd_after_restore(args: argparse.Namespace) -> int:
    from server import restore

    gaps = {"tracking_gap": restore.DEFAULT_TRACKING_GAP if args.tracking_gap is None
            else args.tracking_gap,
            "agenda_gap": restore.DEFAULT_AGENDA_GAP if args.agenda_gap is None
            else args.agenda_gap}
    if min(gaps.values()) < 1:
        print("lapor-server: celah nomor harus bilangan bulat positif.", file=sys.stderr)
        return EXIT_USAGE
    ctx = _context(args)
    try:
        with ctx.db.write() as session:
            summary = restore.after_restore(session, **gaps)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    low, high = summary.tracking_gap
    print(f"Server siap setelah pemulihan: epoch baru {summary.epoch}. Setiap desk akan "
          "memulai ulang sinkronisasi dan mengirim ulang pekerjaan yang tidak ada di cadangan.")
    print(f"Nomor pelacakan {low}–{high} disisihkan untuk pengaduan yang dikirim ulang; "
          f"pengaduan baru mulai dari {high + 1}.")
    print(f"Nomor agenda disisihkan untuk {len(summary.agenda_gaps)} buku agenda "
          "(instansi per tahun).")
    return EXIT_OK


def cmd_migrate_attachments(args: argparse.Namespace) -> int:
    from server import blobstore

    settings = _settings(args)
    ctx = _context(args)
    try:
        summary = blobstore.migrate_to_database(ctx.db, settings.attachments_dir)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"Lampiran di basis data: {summary['copied']} berkas disalin dari "
              f"{settings.attachments_dir}, {summary['already']} sudah ada, "
              f"{summary['missing']} tidak ada di folder, {summary['damaged']} rusak "
              f"(dari {summary['files']} berkas tercatat).")
    if settings.attachment_store != "database":
        print("Catatan: LAPOR_ATTACHMENT_STORE bukan 'database'; server tetap membaca folder.",
              file=sys.stderr)
    return EXIT_ERROR if summary["damaged"] else EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from server import audit_verify

    return audit_verify.run_command(_settings(args).database_url, args.json)


def cmd_users(args: argparse.Namespace) -> int:
    from server import directory

    ctx = _context(args)
    try:
        with ctx.db.read() as session:
            rows = [{"username": u.username, "full_name": u.full_name, "role": u.role,
                     "agency": u.agency_code, "unit": u.unit_code, "active": u.active}
                    for u in directory.list_users(session, None)]
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['username']:<28} {r['role']:<15} {r['agency']:<14} {r['unit'] or '-'}")
    return EXIT_OK


COMMANDS = {
    "init": cmd_init, "run": cmd_run, "create-agency": cmd_create_agency,
    "create-unit": cmd_create_unit, "create-user": cmd_create_user,
    "seed-demo": cmd_seed_demo, "users": cmd_users, "rotate-qr-key": cmd_rotate_qr_key,
    "backup": cmd_backup, "verify-backup": cmd_verify_backup,
    "deactivate-user": _account_change, "activate-user": _account_change,
    "sign-out-user": _account_change, "set-password": _account_change,
    "update-user": _account_change, "sign-out-all": _account_change,
    "after-restore": cmd_after_restore,
    "migrate-attachments": cmd_migrate_attachments,
    "audit": cmd_audit,
    "positions": lambda args: cli_positions.run(args, _context),
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # init/run check the schema themselves; a backup is taken (and tested) at any revision.
    if args.command not in ("init", "run", "rotate-qr-key", "backup", "verify-backup"):
        problem = _check_schema(_settings(args).database_url)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_ERROR
    try:
        code = COMMANDS[args.command](args)
        sys.stdout.flush()  # a reader that already left shows here at the latest
        return code
    except ApiError as exc:
        print(f"lapor-server: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        # `lapor-server users | head -1`: the reader left; stop quietly, like other shell tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
