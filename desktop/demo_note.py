"""What ``lapor-desk status`` says after ``lapor-desk --demo`` (issue 14.11).

A demo is a sandbox: its central server, the demo officer's session and (without
``--data-dir``) the desk's data live in a temporary folder that is removed when the desk
closes, so nothing done in a demo mixes with real work. So that ``status`` does not then
report 0 complaints without a word, the demo leaves a note in the data folder ``status``
reads: the default one, or the ``--data-dir`` it put its desk in (that database stays, but
its key and session went with the temporary folder). Plain Python, no Qt.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from core.clock import clock

NOTE_FILE = "demo-terakhir.json"


def remember(folder: Path, *, kept: bool) -> None:
    """Note in ``folder`` that a demo just ran; ``kept``: its desk data is in ``folder``."""
    note = {"ran_at": clock().now().isoformat(timespec="seconds"), "data_kept": kept}
    with contextlib.suppress(OSError):  # a note must never turn a demo into an error
        folder.mkdir(parents=True, exist_ok=True)
        (folder / NOTE_FILE).write_text(json.dumps(note), encoding="utf-8")


def _when(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return "-"
    return f"{moment:%d/%m/%Y %H.%M}"


def status_hint(folder: Path, complaints: int | None) -> dict[str, Any] | None:
    """The ``demo`` part of ``status``: None unless a demo left its note in ``folder`` and it
    explains what the officer sees: an empty desk after a temporary demo, or a desk the
    demo kept in ``--data-dir`` (``complaints`` None: it could not even be opened)."""
    try:
        note = json.loads((folder / NOTE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(note, dict):
        return None
    kept = bool(note.get("data_kept"))
    if not kept and complaints:
        return None  # the officer's own desk has its data: nothing to explain
    when = _when(str(note.get("ran_at")))
    if kept and complaints is None:
        # The demo's session and the desk database's key lived in its temporary folder.
        message = (f"Meja ini dibuat oleh lapor-desk --demo ({when}). Server demo beserta "
                   "kunci basis data dan sesinya dihapus saat demo ditutup, jadi data ini "
                   "tidak dapat dibuka atau disinkronkan lagi; hapus folder ini bila tidak "
                   "diperlukan.")
    elif kept:
        message = (f"Meja ini dibuat oleh lapor-desk --demo ({when}): server demonya sudah "
                   "berhenti, jadi data ini tidak dapat disinkronkan lagi.")
    else:
        message = (f"Demo terakhir ({when}) memakai folder sementara yang dihapus saat "
                   "jendelanya ditutup: data demo memang tidak disimpan. Jalankan lagi "
                   "lapor-desk --demo untuk demo baru, atau lapor-desk login untuk bekerja "
                   "dengan server pusat.")
    return {"ran_at": note.get("ran_at"), "temporary": not kept, "message": message}
