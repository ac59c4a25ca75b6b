"""Where the bytes of attachment files live: the database or a local folder.

``LAPOR_ATTACHMENT_STORE``:

- ``database`` (default on PostgreSQL): table ``attachment_blobs``, the file in chunks of
  1 MiB (``sha256``, ``chunk``, ``data`` bytea), written in the same transaction that
  records the file, so a file is either recorded with all its bytes or not at all. Every
  server machine on the database serves every file; the database backup holds them.
  A file the database does not hold is still read from ``LAPOR_ATTACHMENTS_DIR`` (files
  uploaded before this store existed); ``lapor-server migrate-attachments`` copies those
  into the database once (idempotent; the files on disk are left for the operator).
- ``disk`` (default on SQLite, one machine): ``LAPOR_ATTACHMENTS_DIR/<ab>/<sha256>``, moved
  into place before the file is recorded.

Either way an upload is first received into a temporary file under
``LAPOR_ATTACHMENTS_DIR/tmp`` while it is hashed and checked (server/attachments.py).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from server.models import Attachment, AttachmentBlob
from server.sqlutil import insert_ignore

CHUNK = 1024 * 1024
_BLOBS = AttachmentBlob.__table__


def blob_path(root: Path, sha: str) -> Path:
    return root / sha[:2] / sha


class DiskStore:
    kind = "disk"

    def __init__(self, root: Path) -> None:
        self.root = root

    def save(self, session: Session, sha: str, tmp: Path) -> None:
        """Move the verified temporary file into place (before its row commits)."""
        final = blob_path(self.root, sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)

    def has(self, session: Session, sha: str) -> bool:
        return blob_path(self.root, sha).exists()

    def path(self, sha: str) -> Path | None:
        """A local file to send as it is (None: stream with ``read``)."""
        found = blob_path(self.root, sha)
        return found if found.exists() else None

    def read(self, sha: str) -> Iterator[bytes]:  # pragma: no cover - path() is used instead
        with blob_path(self.root, sha).open("rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk


class DatabaseStore:
    kind = "database"

    def __init__(self, db: Any, legacy_root: Path) -> None:
        self.db = db
        self.legacy = DiskStore(legacy_root)  # files stored before, on this machine

    def save(self, session: Session, sha: str, tmp: Path) -> None:
        """Write the file's chunks in the caller's transaction (nothing if already held)."""
        if self.in_database(session, sha):
            return
        with tmp.open("rb") as handle:
            index = 0
            while chunk := handle.read(CHUNK):
                # Two machines storing the same file at once: the same bytes, kept once.
                insert_ignore(session, _BLOBS, {"sha256": sha, "chunk": index, "data": chunk})
                index += 1

    @staticmethod
    def in_database(session: Session, sha: str) -> bool:
        return session.execute(sa.select(_BLOBS.c.chunk).where(
            _BLOBS.c.sha256 == sha, _BLOBS.c.chunk == 0)).first() is not None

    def has(self, session: Session, sha: str) -> bool:
        return self.in_database(session, sha) or self.legacy.has(session, sha)

    def path(self, sha: str) -> Path | None:
        """Only a file the database does not hold, from the old folder."""
        with self.db.read() as session:
            if self.in_database(session, sha):
                return None
        return self.legacy.path(sha)

    def read(self, sha: str) -> Iterator[bytes]:
        """The chunks in order, each read in its own short transaction: a slow download
        holds no database connection between chunks."""
        index = 0
        while True:
            with self.db.read() as session:
                data = session.execute(sa.select(_BLOBS.c.data).where(
                    _BLOBS.c.sha256 == sha, _BLOBS.c.chunk == index)).scalar()
            if data is None:
                return
            yield bytes(data)
            index += 1


def open_store(settings: Any, db: Any) -> DiskStore | DatabaseStore:
    kind = settings.attachment_store or ("disk" if db.sqlite else "database")
    if kind == "database":
        return DatabaseStore(db, settings.attachments_dir)
    return DiskStore(settings.attachments_dir)


def migrate_to_database(db: Any, root: Path) -> dict[str, int]:
    """Copy every recorded file that is on disk but not in the database into it, one file
    per transaction (``lapor-server migrate-attachments``). Idempotent."""
    store = DatabaseStore(db, root)
    copied = held = missing = damaged = 0
    with db.read() as session:
        shas = list(session.execute(sa.select(Attachment.sha256).order_by(Attachment.sha256))
                    .scalars())
    for sha in shas:
        with db.write() as session:
            if store.in_database(session, sha):
                held += 1
                continue
            path = blob_path(root, sha)
            if not path.exists():
                missing += 1
                continue
            if _file_sha256(path) != sha:
                damaged += 1  # never store wrong bytes under a hash
                continue
            store.save(session, sha, path)
            copied += 1
    return {"files": len(shas), "copied": copied, "already": held, "missing": missing,
            "damaged": damaged}


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
