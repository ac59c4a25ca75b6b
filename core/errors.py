"""Domain errors. Messages are Indonesian and meant to be shown to the officer as is."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the complaint domain was broken.

    ``code`` is a stable machine-readable identifier (used by the server and the sync
    protocol); ``message`` is the Indonesian text for the officer.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)  # args kept whole so the error pickles
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


class TransitionError(DomainError):
    """The action is not allowed for this status or this role."""


class ValidationError(DomainError):
    """One or more fields are invalid; ``errors`` maps field -> Indonesian message.

    Nested fields use dotted keys, e.g. ``reporter.nik``.
    """

    def __init__(self, errors: dict[str, str], code: str = "validation") -> None:
        self.errors = dict(errors)
        if len(self.errors) == 1:
            message = next(iter(self.errors.values()))
        else:
            message = f"Terdapat {len(self.errors)} isian yang belum benar."
        super().__init__(code, message)
        self.args = (self.errors, code)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "errors": dict(self.errors)}
