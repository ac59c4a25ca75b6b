"""Errors of the printing package. ``message`` is Indonesian and shown to the officer as is."""

from __future__ import annotations


class LetterError(Exception):
    """A letter could not be issued, voided or reprinted; nothing was written.

    ``code``: ``not_found``, ``no_agenda_numbers``, ``not_signed_in``, ``forbidden``,
    ``profile_missing``, ``profile_mismatch``, ``archive_missing``, ``archive_corrupt``,
    ``invalid``, ``already_voided``, ``already_issued``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
