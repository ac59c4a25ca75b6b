"""Errors of the desk store. ``message`` is Indonesian and may be shown to the officer as is."""

from __future__ import annotations


class StoreError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
