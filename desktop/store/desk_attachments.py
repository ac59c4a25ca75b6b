"""``DeskService``'s attachment cache: where a downloaded or attached file is kept, by
content hash (the files themselves are sealed with ``service.files``)."""

from __future__ import annotations

from pathlib import Path

from core.clock import clock
from desktop.store.desk_base import DeskParts


class AttachmentParts(DeskParts):
    def set_attachment_file(self, sha256: str, path: Path, size: int | None = None) -> None:
        """Record where a downloaded/attached file with this content hash is kept."""
        with self._write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO attachment_files (sha256, path, size, stored_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, size = excluded.size,"
                " stored_at = excluded.stored_at",
                (sha256, str(path), size, clock().now().isoformat(timespec="seconds")))
