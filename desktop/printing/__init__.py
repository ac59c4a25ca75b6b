"""Disposition letters at the desk: settings, agenda numbers, issuing, archive, reprint.

No Qt here (the dialogs live in ``desktop/views/letters``). Public API::

    from desktop.printing import issue_letter, void_letter, reprint_bytes, letters_for
    record = issue_letter(service, complaint_id, options=IssueOptions(paper="f4"))
    data = reprint_bytes(service, record.letter_id)   # byte-identical to the original
    void_letter(service, record.letter_id, "Salah unit tujuan")
    ensure_agenda_numbers(service, client)            # reserve when few are left
    SyncEngine(service, client, after_round=top_up_agenda)  # ... after every sync round
    find_complaint(service, "1916449")                 # tracking / provisional / id

Names load on first use, so importing a light submodule (``desktop.printing.settings``)
from the GUI thread does not pull in the store and SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "DEFAULT_FORMAT": "agenda", "AgendaFormat": "agenda",
    "IssueOptions": "archive", "LetterRecord": "archive", "active_letter": "archive",
    "agenda_status": "archive", "current_actor": "archive", "fetch_archived": "archive",
    "issue_letter": "archive", "letter": "archive", "letter_on_paper": "archive",
    "letters_for": "archive", "level_for": "archive",
    "preview_letter": "archive", "read_archived": "archive", "reprint_bytes": "archive",
    "may_void": "archive", "void_letter": "archive",
    "LetterError": "errors", "find_complaint": "lookup",
    "ReserveReport": "reserve", "ensure_agenda_numbers": "reserve", "top_up_agenda": "reserve",
    "LetterSettings": "settings", "SignerEntry": "settings",
}

__all__ = sorted(_WHERE)

if TYPE_CHECKING:
    from desktop.printing.agenda import DEFAULT_FORMAT, AgendaFormat  # noqa: F401
    from desktop.printing.archive import (  # noqa: F401
        IssueOptions,
        LetterRecord,
        active_letter,
        agenda_status,
        current_actor,
        fetch_archived,
        issue_letter,
        letter,
        letter_on_paper,
        letters_for,
        level_for,
        may_void,
        preview_letter,
        read_archived,
        reprint_bytes,
        void_letter,
    )
    from desktop.printing.errors import LetterError  # noqa: F401
    from desktop.printing.lookup import find_complaint  # noqa: F401
    from desktop.printing.reserve import (  # noqa: F401
        ReserveReport,
        ensure_agenda_numbers,
        top_up_agenda,
    )
    from desktop.printing.settings import LetterSettings, SignerEntry  # noqa: F401


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
