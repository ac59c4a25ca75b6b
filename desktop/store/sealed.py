"""File contents under the data directory (archived letters, attachments) sealed with the
desk key, so the files are as unreadable without it as ``desk.sqlite``.

AES-256-GCM (``cryptography``) with a key derived from the database key (HKDF-SHA256, salt
= the key id, its own ``info``), one random nonce per file. Layout: ``MAGIC`` (8 bytes),
key id (16), nonce (12), ciphertext with its 16-byte tag; the magic and key id are
authenticated too. A file keeps its name, the SHA-256 of its *plain* bytes (what letters,
the outbox and the server know it by), and reading it back gives those bytes exactly:
a reprinted letter is byte-identical. A file written before encryption (no magic) reads
as it is until ``seal_existing`` seals it on the first start of this version.

Files handed to another program (the officer opens an attachment) are decrypted into a
private temporary folder (``viewable_copy``), removed when the desk exits.
"""

from __future__ import annotations

import atexit
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Any

from desktop.atomic_file import write_atomically
from desktop.store.cipher import DeskKey
from desktop.store.errors import StoreError

MAGIC = b"LDSEAL1\x00"
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + 16 + NONCE_BYTES
OVERHEAD = HEADER_BYTES + TAG_BYTES
# Folders of the data directory whose files are sealed (desktop/printing/archive.py
# LETTERS_DIR, desktop/sync/attachments.py CACHE_DIR).
SEALED_DIRS = ("letters", "attachments")
_INFO = b"lapor-desk files v1"
_view_dir: Path | None = None


def _file_key(key: DeskKey) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=key.salt,
                info=_INFO).derive(key.secret)


def is_sealed(blob: bytes) -> bool:
    return blob[:len(MAGIC)] == MAGIC


class FileSealer:
    """Seal and open file contents with one desk key (``None``: a plaintext store, files
    stay plain; benchmarks and tests)."""

    def __init__(self, key: DeskKey | None) -> None:
        self.key = key
        self._aead: Any = None  # AESGCM, made on first use
        self._others: dict[bytes, object] = {}

    def __repr__(self) -> str:
        return f"FileSealer(key_id={self.key.key_id if self.key else None!r})"

    def _cipher(self, key_id: bytes):  # noqa: ANN202 - AESGCM
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if self.key is not None and key_id == self.key.salt:
            if self._aead is None:
                self._aead = AESGCM(_file_key(self.key))
            return self._aead
        if key_id not in self._others:  # a file sealed under an earlier key of this desk
            from desktop.store import keyvault

            other = keyvault.load(key_id.hex())
            if other is None:
                raise StoreError("file_key_missing", "Kunci enkripsi berkas ini tidak ada di "
                                 "brankas kredensial; berkas tidak dapat dibuka.")
            self._others[key_id] = AESGCM(_file_key(other))
        return self._others[key_id]

    def seal(self, data: bytes) -> bytes:
        if self.key is None:
            return bytes(data)
        nonce = secrets.token_bytes(NONCE_BYTES)
        head = MAGIC + self.key.salt
        return head + nonce + self._cipher(self.key.salt).encrypt(nonce, bytes(data), head)

    def sealed_size(self, size: int) -> int:
        return size if self.key is None else size + OVERHEAD

    def open(self, blob: bytes) -> bytes:
        """The plain bytes of a file's contents (plain contents are returned as they are).
        Raises StoreError ``file_damaged`` when the contents were altered."""
        if not is_sealed(blob):
            return blob
        from cryptography.exceptions import InvalidTag

        key_id = blob[len(MAGIC):len(MAGIC) + 16]
        nonce = blob[len(MAGIC) + 16:HEADER_BYTES]
        try:
            return self._cipher(key_id).decrypt(nonce, blob[HEADER_BYTES:],
                                                blob[:len(MAGIC) + 16])
        except InvalidTag:
            raise StoreError("file_damaged", "Berkas terenkripsi rusak atau telah diubah; "
                                             "isinya tidak dapat dibuka.") from None

    def read_file(self, path: Path) -> bytes:
        return self.open(Path(path).read_bytes())

    def write_file(self, path: Path, data: bytes) -> None:
        """Seal ``data`` into ``path``: temp file + fsync + rename, never a half file."""
        write_atomically(path, self.seal(data), private=True)


def seal_existing(data_dir: Path, sealer: FileSealer) -> int:
    """Seal every plain file of ``SEALED_DIRS`` in place (idempotent: sealed files are
    skipped, each file is replaced whole); returns how many were sealed."""
    if sealer.key is None:
        return 0
    sealed = 0
    for name in SEALED_DIRS:
        folder = Path(data_dir) / name
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if (not path.is_file() or path.name.startswith((".part-", "part-"))
                    or "tmp" in path.relative_to(folder).parts[:-1]):
                continue
            with open(path, "rb") as handle:
                if is_sealed(handle.read(len(MAGIC))):
                    continue
            write_atomically(path, sealer.seal(path.read_bytes()), private=True)
            sealed += 1
    return sealed


def viewable_copy(sealer: FileSealer, path: Path, filename: str) -> Path:
    """A plain copy of a sealed file for another program (the officer's PDF or image
    viewer), in a private temporary folder removed when the desk exits."""
    global _view_dir
    if _view_dir is None or not _view_dir.is_dir():
        _view_dir = Path(tempfile.mkdtemp(prefix="lapor-desk-lihat-"))  # 0700
        atexit.register(shutil.rmtree, _view_dir, True)
    safe = "".join(ch for ch in Path(filename).name if ch not in '<>:"/\\|?*') or "berkas"
    folder = Path(tempfile.mkdtemp(dir=_view_dir))
    target = folder / safe
    write_atomically(target, sealer.read_file(path), private=True)
    return target
