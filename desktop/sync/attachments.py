"""Attachment files: a local cache by SHA-256, downloads on demand, uploads before ``attach``.

Files live in ``<data dir>/attachments/<sha[:2]>/<sha>``, sealed with the desk key
(``service.files``, ``desktop/store/sealed.py``), and are recorded in the store's
``attachment_files`` table. Writing is always temp file + fsync + rename, and a file is
only ever stored under the hash of its plain bytes, so a crash never leaves a wrong file.

Uploads are queued by the outbox itself: an ``attach`` op names the file's hash, and the
engine PUTs the file (``/attachments/<sha>``, idempotent on the server) right before it
pushes the op. An interrupted upload is simply done again in the next round.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from desktop.store import DeskService, attachment_files
from desktop.sync.errors import SyncError

RunDb = Callable[[Callable[[], Any]], Any]
CACHE_DIR = "attachments"
_SHA_LEN = 64
_CHUNK = 256 * 1024


class AttachmentMissing(SyncError):
    code = "attachment_missing"


def cache_root(service: DeskService) -> Path:
    return Path(service.data_dir) / CACHE_DIR


def cache_path(service: DeskService, sha256: str) -> Path:
    return cache_root(service) / sha256[:2] / sha256


def guess_mime(path: Path) -> str:
    mime, _ = mimetypes.guess_type(path.name)
    return mime or "application/octet-stream"


def _store(service: DeskService, chunks: Iterable[bytes], expected: str | None,
           run_db: RunDb | None = None) -> tuple[str, Path, int]:
    """Seal ``chunks`` into the cache under their hash; checks ``expected`` when given."""
    data = b"".join(chunks)  # attachments are at most tens of MB: sealed in one piece
    sha = hashlib.sha256(data).hexdigest()
    size = len(data)
    if expected is not None and sha != expected:
        raise SyncError("Berkas lampiran yang diunduh rusak (sidik SHA-256 tidak cocok).",
                        code="hash_mismatch")
    final = cache_path(service, sha)
    service.files.write_file(final, data)
    record = partial(service.set_attachment_file, sha, final, size)
    run_db(record) if run_db is not None else record()
    return sha, final, size


def add_file(service: DeskService, path: str | os.PathLike[str], *, mime: str | None = None
             ) -> dict[str, Any]:
    """Copy a file the officer attaches into the cache; returns the ``attach`` op payload
    (``sha256``, ``filename``, ``mime``, ``size``)."""
    source = Path(path)

    def read() -> Iterable[bytes]:
        with source.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk

    sha, _final, size = _store(service, read(), None)
    return {"sha256": sha, "filename": source.name, "mime": mime or guess_mime(source),
            "size": size}


def cached(service: DeskService, sha256: str) -> Path | None:
    """The cached file of ``sha256`` if it is really there."""
    with service.reading() as conn:
        recorded = attachment_files.path_of(conn, sha256)
    candidates = [Path(recorded)] if recorded is not None else []
    candidates.append(cache_path(service, sha256))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def fetch(service: DeskService, client: Any, sha256: str, run_db: RunDb | None = None) -> Path:
    """The file of ``sha256``: from the cache, else downloaded into it (hash checked).

    ``run_db`` runs the two small database steps elsewhere (the GUI's DB thread) while
    the download itself stays on the calling (network) thread.
    """
    sha256 = sha256.strip().lower()
    if len(sha256) != _SHA_LEN:
        raise SyncError("Sidik berkas lampiran tidak valid.", code="invalid_hash")
    lookup = partial(cached, service, sha256)
    found = run_db(lookup) if run_db is not None else lookup()
    if found is not None:
        return found
    _sha, final, _size = _store(service, client.download(sha256), sha256, run_db)
    return final


def upload_for(service: DeskService, client: Any, payload: dict[str, Any]) -> None:
    """PUT the file an ``attach`` op names (idempotent: the server keeps one copy)."""
    sha = str(payload.get("sha256") or "").strip().lower()
    uploaded = set(service.get_sync_state("uploaded_attachments", []) or [])
    if sha in uploaded:
        return
    path = cached(service, sha)
    if path is None:
        raise AttachmentMissing(
            f"Berkas lampiran {payload.get('filename') or sha[:12]} tidak ada lagi di "
            "komputer ini; lampirkan ulang berkasnya.")
    client.upload(sha, service.files.read_file(path),
                  str(payload.get("mime") or guess_mime(path)))
    # Remember recent uploads so a retried push does not send the bytes again.
    recent = [s for s in (service.get_sync_state("uploaded_attachments", []) or []) if s != sha]
    service.set_sync_state("uploaded_attachments", (recent + [sha])[-500:])
