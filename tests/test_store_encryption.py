"""The desk database at rest: SQLCipher with the key in the credential vault (file store in
the suite), plain databases of earlier versions encrypted on first start with nothing lost."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.store import (
    DeskService,
    QueueFilter,
    StoreError,
    cipher,
    encryption,
    keyvault,
    sealed,
)
from desktop.store.demo import seed_store
from desktop.store.engine import DB_FILE
from desktop.store.migrate import current_revision
from tests.fixtures.make_desk_v1 import C1, C2, C3, SHA

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "desk_v1.sqlite"
FIRST_START = ("list", "--json", "--limit", "5")  # opens the store, writes nothing
SEARCHES = ("jalan rus", "puskesmas", "banjir", "sampah", "siti", "0812")


def _key_file(key_id: str) -> Path:
    return Path(os.environ["LAPOR_DESK_CREDENTIALS_DIR"]) / f"{keyvault.ENTRY_PREFIX}{key_id}.json"


def _files_with(folder: Path, needle: bytes) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and needle in p.read_bytes())


def _counts(db: Path) -> dict[str, int]:
    con = cipher.connect(db)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def _searches(service: DeskService) -> dict[str, list[str]]:
    return {text: service.queue_ids(QueueFilter(search=text)) for text in SEARCHES}


def _cli(data: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def plain_store(tmp_path_factory) -> Path:
    """A plain database as earlier versions kept it: 3000 complaints from the seed CLI."""
    data = tmp_path_factory.mktemp("plain") / "desk"
    done = _cli(data, "dev", "seed", "--count", "3000", "--seed", "7", "--plaintext")
    assert done.returncode == 0, done.stderr
    assert (data / DB_FILE).read_bytes()[:16] == cipher.PLAIN_HEADER
    return data


def _copy(store: Path, target: Path) -> Path:
    shutil.copytree(store, target)
    return target


def test_a_new_database_is_unreadable_without_its_key(tmp_path, caplog) -> None:
    caplog.set_level("DEBUG")
    with DeskService(tmp_path) as service:
        seed_store(service, 50, seed=3)
        title = service.complaint(service.queue_ids(QueueFilter())[0])["title"]
        assert service.encrypted
    db = tmp_path / DB_FILE
    head = db.read_bytes()[:16]
    assert head != cipher.PLAIN_HEADER
    assert _files_with(tmp_path, title.encode()) == []  # nor in a -wal or anything else
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(db).execute("SELECT count(*) FROM sqlite_master").fetchone()
    if shutil.which("sqlite3"):  # the CLI of the machine (Debian: apt-get install sqlite3)
        # .dump reports the error in its output (exit 0) and dumps nothing.
        dump = subprocess.run(["sqlite3", str(db), ".dump"], capture_output=True, text=True)
        assert "ERROR: (26) file is not a database" in dump.stdout
        assert "CREATE TABLE" not in dump.stdout and title not in dump.stdout
        query = subprocess.run(["sqlite3", str(db), "SELECT count(*) FROM complaints"],
                               capture_output=True, text=True)
        assert query.returncode != 0 and "file is not a database" in query.stderr
    # The key: in the vault's file store only (0600), named by the database's salt.
    key_file = _key_file(head.hex())
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    secret = json.loads(key_file.read_text())["key"]
    assert len(bytes.fromhex(secret)) == 32
    assert _files_with(tmp_path, secret.encode()) == []
    assert _files_with(tmp_path, bytes.fromhex(secret)) == []
    assert secret not in caplog.text
    assert secret not in repr(keyvault.load(head.hex()))


def test_search_works_the_same_encrypted_and_plain(tmp_path) -> None:
    with DeskService(tmp_path / "plain", plaintext=True) as plain:
        seed_store(plain, 400, seed=11)
        expected = _searches(plain)
        detail = plain.complaint(expected["puskesmas"][0])
    with DeskService(tmp_path / "enc") as enc:
        seed_store(enc, 400, seed=11)
        assert _searches(enc) == expected
        assert all(expected[t] for t in ("jalan rus", "puskesmas"))
        assert enc.complaint(detail["id"]) == detail
        assert enc.integrity_check() == "ok"  # FTS5 index included
    assert (tmp_path / "enc" / DB_FILE).read_bytes()[:16] != cipher.PLAIN_HEADER


def test_the_v1_fixture_is_encrypted_and_upgraded_with_nothing_lost(tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILE)
    # A plain backup from an earlier schema upgrade lies beside it: encrypted too.
    old_backup = data / f"{DB_FILE}.pre-0001-from-0000-20261101-090000.bak"
    shutil.copyfile(FIXTURE, old_backup)
    # Its letter archive and attachment cache, written plain by the earlier version.
    letter = b"%PDF-1.4 Lembar Disposisi Sungai Miai"
    photo = b"\xff\xd8\xff foto lubang jalan Sungai Miai"
    (data / "letters").mkdir()
    (data / "letters" / f"{hashlib.sha256(letter).hexdigest()}.pdf").write_bytes(letter)
    (data / "attachments" / SHA[:2]).mkdir(parents=True)
    (data / "attachments" / SHA[:2] / SHA).write_bytes(photo)
    before = _counts(FIXTURE)
    with DeskService(data) as service:
        assert service.encrypted
        for path, plain in ((data / "letters" / f"{hashlib.sha256(letter).hexdigest()}.pdf",
                             letter), (data / "attachments" / SHA[:2] / SHA, photo)):
            assert sealed.is_sealed(path.read_bytes())
            assert service.files.read_file(path) == plain
        assert service.migration.from_revision == "0001"
        assert service.total() == 3
        assert service.complaint(C1)["title"] == "Jalan rusak parah di Sungai Miai"
        assert service.complaint(C2)["reporter"] is None
        assert service.local_state(C3)["dirty"]
        assert service.queue_ids(QueueFilter(search="sungai miai")) == [C1]
        assert service.integrity_check() == "ok"
        backup = service.migration.backup
    after = _counts(data / DB_FILE)
    assert {t: after[t] for t in before} == before
    for path in (data / DB_FILE, backup, old_backup):
        assert path.read_bytes()[:16] != cipher.PLAIN_HEADER, path
        assert _counts(path)["complaints"] == 3
    assert current_revision(backup) == current_revision(old_backup) == "0001"
    assert _files_with(data, b"Sungai Miai") == []
    assert _files_with(data, cipher.PLAIN_HEADER) == []


def test_a_plain_store_of_thousands_is_encrypted_with_nothing_lost(plain_store,
                                                                   tmp_path) -> None:
    data = _copy(plain_store, tmp_path / "desk")
    before = _counts(data / DB_FILE)
    with DeskService(data, plaintext=True) as plain:
        expected = _searches(plain)
        some = plain.complaint(plain.queue_ids(QueueFilter())[123])
    done = _cli(data, *FIRST_START)  # the first start of this version
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 5
    assert (data / DB_FILE).read_bytes()[:16] != cipher.PLAIN_HEADER
    assert _counts(data / DB_FILE) == before
    with DeskService(data) as service:
        assert _searches(service) == expected
        assert service.complaint(some["id"]) == some
        assert service.integrity_check() == "ok"
    assert not list(data.glob(f"{DB_FILE}{encryption.TMP_SUFFIX}*"))
    with pytest.raises(StoreError) as err:
        DeskService(data, plaintext=True)  # an encrypted file is never read as plain
    assert err.value.code == "not_a_database"


def test_a_failed_encryption_leaves_the_plain_database_and_is_redone(plain_store, tmp_path,
                                                                     monkeypatch) -> None:
    data = _copy(plain_store, tmp_path / "desk")
    plain_bytes = (data / DB_FILE).read_bytes()

    def broken_swap(tmp: Path, target: Path) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(encryption, "_swap", broken_swap)
    with pytest.raises(OSError):
        DeskService(data)
    assert (data / DB_FILE).read_bytes()[:16] == cipher.PLAIN_HEADER
    assert _counts(data / DB_FILE) == _counts(plain_store / DB_FILE)
    monkeypatch.undo()
    with DeskService(data) as service:
        assert service.total() == 3000
    assert (data / DB_FILE).read_bytes() != plain_bytes


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_during_encryption_then_restarted_loses_nothing(plain_store, tmp_path) -> None:
    before = _counts(plain_store / DB_FILE)
    # How long a first start takes here, to aim the kills inside the encryption.
    probe = _copy(plain_store, tmp_path / "probe")
    started = time.monotonic()
    assert _cli(probe, *FIRST_START).returncode == 0
    whole = time.monotonic() - started
    states = set()
    rounds = 8
    for n in range(rounds):
        data = _copy(plain_store, tmp_path / f"kill-{n}")
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), *FIRST_START],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * (0.35 + 0.6 * n / rounds))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = cipher.file_state(data / DB_FILE)
        midway = (data / f"{DB_FILE}{encryption.TMP_SUFFIX}").exists()
        states.add("midway" if midway else state)
        assert state in ("plain", "encrypted")
        assert _counts(data / DB_FILE) == before  # whichever it is, it is whole
        with DeskService(data) as service:  # the restart finishes (or redoes) the job
            assert service.encrypted and service.total() == 3000
            assert service.integrity_check() == "ok"
        assert _counts(data / DB_FILE) == before
        assert not (data / f"{DB_FILE}{encryption.TMP_SUFFIX}").exists()
    print("kills landed:", sorted(states))
    assert "plain" in states or "midway" in states  # some kills landed before the swap


def test_two_processes_starting_at_once_encrypt_once(plain_store, tmp_path) -> None:
    data = _copy(plain_store, tmp_path / "desk")
    results: list[object] = []

    def start() -> None:
        try:
            with DeskService(data) as service:
                results.append(service.total())
        except Exception as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == [3000, 3000, 3000]
    assert _counts(data / DB_FILE) == _counts(plain_store / DB_FILE)


def test_missing_or_wrong_key_is_a_clear_error_and_the_file_is_untouched(tmp_path) -> None:
    with DeskService(tmp_path) as service:
        seed_store(service, 20, seed=5)
    db = tmp_path / DB_FILE
    original = db.read_bytes()
    key_file = _key_file(original[:16].hex())
    saved = key_file.read_text()

    key_file.unlink()
    with pytest.raises(StoreError) as err:
        DeskService(tmp_path)
    assert err.value.code == "key_missing"
    assert "terenkripsi" in err.value.message and "kunci" in err.value.message
    assert str(db) in err.value.message
    assert db.read_bytes() == original

    key_file.write_text(json.dumps({"key": "ab" * 32}))
    with pytest.raises(StoreError) as err:
        DeskService(tmp_path)
    assert err.value.code == "wrong_key"
    assert "tidak cocok" in err.value.message
    assert db.read_bytes() == original

    key_file.write_text(saved)
    with DeskService(tmp_path) as service:
        assert service.total() == 20


def test_cli_reports_a_missing_key_in_indonesian(tmp_path) -> None:
    with DeskService(tmp_path) as service:
        seed_store(service, 5, seed=1)
    _key_file((tmp_path / DB_FILE).read_bytes()[:16].hex()).unlink()
    done = _cli(tmp_path, "list", "--json")
    assert done.returncode == 1
    assert "kuncinya tidak ada" in done.stderr
    assert "Traceback" not in done.stderr


def test_new_attachments_are_sealed_and_open_as_a_private_plain_copy(tmp_path) -> None:
    from desktop.sync import attachments

    source = tmp_path / "surat.pdf"
    content = b"%PDF-1.7 surat pengantar warga RT 05 " * 50
    source.write_bytes(content)
    with DeskService(tmp_path / "desk") as service:
        payload = attachments.add_file(service, source)
        assert payload["sha256"] == hashlib.sha256(content).hexdigest()
        assert payload["size"] == len(content)
        cached = attachments.cached(service, payload["sha256"])
        assert cached is not None and b"surat pengantar" not in cached.read_bytes()
        assert service.files.read_file(cached) == content
        copy = sealed.viewable_copy(service.files, cached, "surat.pdf")
        assert copy.name == "surat.pdf" and copy.read_bytes() == content
        assert stat.S_IMODE(copy.parent.parent.stat().st_mode) == 0o700
        assert tmp_path / "desk" not in copy.parents
        altered = cached.read_bytes()
        cached.write_bytes(altered[:-1] + bytes([altered[-1] ^ 1]))
        with pytest.raises(StoreError) as err:
            service.files.read_file(cached)
        assert err.value.code == "file_damaged"


def test_a_sealed_image_still_gives_a_thumbnail(tmp_path, qapp) -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    from desktop.sync import attachments
    from desktop.views.detail.complaint_detail import load_thumbnail

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    (tmp_path / "foto.png").write_bytes(bytes(buffer.data()))
    with DeskService(tmp_path / "desk") as service:
        payload = attachments.add_file(service, tmp_path / "foto.png")
        cached = attachments.cached(service, payload["sha256"])
        assert load_thumbnail(str(cached)) is None  # sealed: not an image on disk
        thumb = load_thumbnail(str(cached), read=service.files.read_file)
        assert thumb is not None and not thumb.isNull()
