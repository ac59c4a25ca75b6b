"""Attachment files, stored once by the SHA-256 of their bytes.

Upload writes to a temporary file while hashing, checks the hash and the file's first bytes
against its declared type, then hands it to the attachment store (server/blobstore.py: the
database's chunks in the recording transaction, or a rename into the folder; a crash leaves
at most a stray temporary file, never a wrong file under a hash). Who may read a file:
whoever uploaded it, and whoever may see a complaint that references it.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server import audit
from server.auth import Principal
from server.blobstore import blob_path  # noqa: F401 - where a disk store keeps a file
from server.complaint_store import load_snapshots
from server.models import Attachment, AttachmentRef, AttachmentUploader
from server.sqlutil import insert_ignore

SHA_RE = re.compile(r"^[0-9a-f]{64}$")

# Declared type -> accepted leading bytes (None: no signature check, e.g. plain text).
ALLOWED_TYPES: dict[str, tuple[bytes, ...] | None] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
    "application/pdf": (b"%PDF-",),
    "video/mp4": None,  # 'ftyp' sits at offset 4; checked separately
    "audio/mpeg": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "application/msword": (b"\xd0\xcf\x11\xe0",),
    "application/vnd.ms-excel": (b"\xd0\xcf\x11\xe0",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
    "text/plain": None,
}


class UploadProblem(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def sniff_ok(mime: str, head: bytes) -> bool:
    if mime == "video/mp4":
        return head[4:8] == b"ftyp"
    if mime == "image/webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if mime == "text/plain":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:  # a multi-byte char cut at the end is fine
            return exc.start >= len(head) - 3
        return b"\x00" not in head
    signatures = ALLOWED_TYPES.get(mime)
    return signatures is None or any(head.startswith(s) for s in signatures)


class Upload:
    """Receives the body chunk by chunk into a temporary file, hashing as it goes."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        tmp_dir = root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        self.tmp = tmp_dir / f"{uuid.uuid4().hex}.part"
        self._file = self.tmp.open("wb")
        self._hash = hashlib.sha256()
        self.size = 0
        self.head = b""

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise UploadProblem(413, "too_large",
                                f"Berkas terlalu besar (maks. {self.max_bytes} byte).")
        if len(self.head) < 64:
            self.head += chunk[: 64 - len(self.head)]
        self._hash.update(chunk)
        self._file.write(chunk)

    def finish(self, sha: str, mime: str) -> Path:
        """Verify; returns the temporary file, for the store to take (server/blobstore.py)."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        if self.size == 0:
            raise UploadProblem(400, "empty", "Berkas kosong.")
        if self._hash.hexdigest() != sha:
            raise UploadProblem(400, "hash_mismatch",
                                "Sidik SHA-256 isi berkas tidak sama dengan alamatnya.")
        if not sniff_ok(mime, self.head):
            raise UploadProblem(415, "type_mismatch",
                                f"Isi berkas tidak sesuai dengan jenis {mime}.")
        return self.tmp

    def discard(self) -> None:
        if not self._file.closed:
            self._file.close()
        self.tmp.unlink(missing_ok=True)


def register(session: Session, principal: Principal, sha: str, size: int, mime: str) -> bool:
    """Record the file and its uploader; True when the file was new to the server."""
    created = session.get(Attachment, sha) is None
    insert_ignore(session, Attachment.__table__, {"sha256": sha, "size": size, "mime": mime})
    insert_ignore(session, AttachmentUploader.__table__,
                  {"sha256": sha, "user_id": principal.user_id})
    audit.record(session, action="attachment_upload", username=principal.username,
                 agency=principal.agency, device_id=principal.device_id,
                 address=principal.address, target_type="attachment", target_id=sha,
                 details={"size": size, "mime": mime, "created": created})
    return created


def may_read(session: Session, principal: Principal, sha: str) -> bool:
    from core.workflow import in_scope

    uploader = session.execute(sa.select(AttachmentUploader.user_id).where(
        AttachmentUploader.sha256 == sha, AttachmentUploader.user_id == principal.user_id)).first()
    if uploader:
        return True
    ids = list(session.execute(sa.select(AttachmentRef.complaint_id)
                               .where(AttachmentRef.sha256 == sha)).scalars())
    actor = principal.actor()
    return any(in_scope(snap, actor) for snap in load_snapshots(session, ids).values())
