"""The ``attachment_files`` table: where this desk keeps the sealed file of a hash
(``desktop/sync/attachments.py``; written by ``DeskService.set_attachment_file``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.store import rows as rw

if TYPE_CHECKING:
    from sqlalchemy import Connection


def path_of(conn: Connection, sha256: str) -> str | None:
    """The recorded path of the file of ``sha256`` (None: not recorded)."""
    row = rw.raw(conn).execute(
        "SELECT path FROM attachment_files WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else row[0]
