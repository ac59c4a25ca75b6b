"""Files an officer attaches to a follow-up: checked against what the central server
accepts, then copied into the desk's attachment cache by ``desktop.sync.attachments`` (which
also uploads them before it pushes the ``attach`` op that names them).
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import ValidationError

MAX_BYTES = 20 * 1024 * 1024  # the server's default LAPOR_MAX_ATTACHMENT_BYTES
# The types the central server accepts (server/attachments.py ALLOWED_TYPES).
ALLOWED_MIME = frozenset({
    "image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "video/mp4",
    "audio/mpeg", "application/msword", "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain",
})


@dataclass(frozen=True)
class AttachedFile:
    sha256: str
    filename: str
    mime: str
    size: int
    path: str  # where the desk keeps it

    def payload(self) -> dict[str, Any]:
        """The ``attach`` op payload."""
        return {"sha256": self.sha256, "filename": self.filename, "mime": self.mime,
                "size": self.size}


def guess_mime(path: Path) -> str:
    mime, _ = mimetypes.guess_type(path.name)
    return mime or "application/octet-stream"


def check(path: Path) -> str:
    """The mime type of an acceptable file, else ``ValidationError({"attachments": ...})``."""
    if not path.is_file():
        raise ValidationError({"attachments": f"Berkas {path.name} tidak ditemukan."})
    mime = guess_mime(path)
    if mime not in ALLOWED_MIME:
        raise ValidationError({"attachments": (
            f"Jenis berkas {path.name} tidak didukung. Gunakan gambar (JPG, PNG), PDF, "
            "dokumen Word/Excel, MP3, MP4, atau teks.")})
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError({"attachments": (
            f"Berkas {path.name} terlalu besar ({size // (1024 * 1024)} MB); "
            f"maksimal {MAX_BYTES // (1024 * 1024)} MB.")})
    return mime


def import_file(store: Any, source: str | os.PathLike[str]) -> AttachedFile:
    """Check ``source`` and copy it into the cache (DB thread)."""
    from desktop.sync import attachments as cache

    source = Path(source)
    mime = check(source)
    payload = cache.add_file(store, source, mime=mime)
    path = cache.cache_path(store, payload["sha256"])
    return AttachedFile(payload["sha256"], payload["filename"], payload["mime"],
                        int(payload["size"]), str(path))
