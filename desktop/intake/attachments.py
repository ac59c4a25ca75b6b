"""Attachments at the front desk: photos, scans and PDFs, checked and kept by content hash.

A file is copied into the desk's attachment cache (``desktop.sync.attachments``, by
SHA-256) as soon as the officer adds it, before the complaint is saved, so the draft
survives the reporter taking the USB stick home. The type is decided by the file's first
bytes, not its name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.intake.writes import StagedFile

if TYPE_CHECKING:
    from desktop.store import DeskService

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
MAX_TOTAL_BYTES = 40 * 1024 * 1024

# mime -> (leading-bytes signatures, label for messages)
ALLOWED: dict[str, tuple[tuple[bytes, ...], str]] = {
    "image/jpeg": ((b"\xff\xd8\xff",), "JPEG"),
    "image/png": ((b"\x89PNG\r\n\x1a\n",), "PNG"),
    "image/webp": ((b"RIFF",), "WebP"),
    "application/pdf": ((b"%PDF-",), "PDF"),
}
EXTENSIONS = ("jpg", "jpeg", "png", "webp", "pdf")


class AttachmentProblem(Exception):
    """Why a file cannot be attached; ``message`` is Indonesian, shown as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sniff(head: bytes) -> str | None:
    for mime, (signatures, _label) in ALLOWED.items():
        if any(head.startswith(s) for s in signatures):
            if mime == "image/webp" and head[8:12] != b"WEBP":
                continue
            return mime
    return None


def size_text(size: int) -> str:
    """``10 MB``, ``1,5 MB``, ``120 KB`` (Indonesian decimal comma)."""
    if size >= 1024 * 1024:
        text = f"{size / (1024 * 1024):.1f}".removesuffix(".0").replace(".", ",")
        return f"{text} MB"
    return f"{max(1, round(size / 1024))} KB"


def check_file(path: Path) -> tuple[str, int]:
    """(mime, size) of an acceptable file, else AttachmentProblem."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise AttachmentProblem(f"Berkas {name} tidak ditemukan.") from None
    except OSError as exc:
        raise AttachmentProblem(f"Berkas {name} tidak dapat dibaca ({exc.strerror}).") from None
    if path.is_dir():
        raise AttachmentProblem(f"{name} adalah folder, bukan berkas.")
    if size == 0:
        raise AttachmentProblem(f"Berkas {name} kosong.")
    if size > MAX_FILE_BYTES:
        raise AttachmentProblem(
            f"Berkas {name} terlalu besar ({size_text(size)}); maksimal "
            f"{size_text(MAX_FILE_BYTES)} per berkas.")
    mime = sniff(head)
    if mime is None:
        raise AttachmentProblem(
            f"Jenis berkas {name} tidak diterima. Lampirkan foto atau pindaian "
            "(JPEG, PNG, WebP) atau PDF.")
    return mime, size


def check_set(files: list[StagedFile] | list[dict]) -> str | None:
    """A message when the files together break a limit, else None."""
    sizes = [f.size if isinstance(f, StagedFile) else int(f.get("size") or 0) for f in files]
    if len(sizes) > MAX_FILES:
        return f"Maksimal {MAX_FILES} lampiran per pengaduan (saat ini {len(sizes)})."
    if sum(sizes) > MAX_TOTAL_BYTES:
        return (f"Ukuran seluruh lampiran maksimal {size_text(MAX_TOTAL_BYTES)} "
                f"(saat ini {size_text(sum(sizes))}).")
    return None


def stage(service: DeskService, source: Path) -> StagedFile:
    """Check ``source`` and copy it into the desk's attachment cache (idempotent by
    content; the sync engine uploads it from there before it pushes the ``attach``)."""
    from desktop.sync.attachments import add_file, cached

    source = Path(source)
    mime, _size = check_file(source)
    payload = add_file(service, source, mime=mime)
    if payload["size"] > MAX_FILE_BYTES:  # it grew since it was checked
        raise AttachmentProblem(f"Berkas {source.name} terlalu besar; maksimal "
                                f"{size_text(MAX_FILE_BYTES)} per berkas.")
    path = cached(service, payload["sha256"])
    return StagedFile(sha256=payload["sha256"], filename=source.name[-255:], mime=mime,
                      size=int(payload["size"]), path=str(path or ""))
