"""Typed desk preferences over QSettings, kept in ``<data dir>/settings.ini``.

Each preference is declared once as an :class:`Option` with its type and default, so a
missing, mistyped or hand-edited value reads as the default instead of crashing start-up.
The ini file sits in the data directory (not the registry or ~/.config) so every desk,
and every test, is isolated by ``--data-dir``.

These are per-PC presentation preferences only; anything that must survive a reinstall or
reach the server belongs in the store (``DeskService.get_setting``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

from desktop.paths import private_file

T = TypeVar("T")

SETTINGS_FILE = "settings.ini"
LANGUAGES = ("id", "en")


class Option(Generic[T]):
    """One preference: ``settings.sync_interval`` reads it, assignment writes it."""

    def __init__(self, key: str, default: T, *, check: Callable[[T], bool] | None = None) -> None:
        self.key = key
        self.default = default
        self.type: type = type(default)
        self.check = check

    def __set_name__(self, owner: type, name: str) -> None:
        owner.OPTIONS = {**getattr(owner, "OPTIONS", {}), name: self}

    @overload
    def __get__(self, obj: None, objtype: type) -> Option[T]: ...
    @overload
    def __get__(self, obj: Settings, objtype: type) -> T: ...

    def __get__(self, obj: Settings | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return obj.read(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj.write(self, value)


class Settings:
    """The desk's QSettings, one typed attribute per preference."""

    OPTIONS: dict[str, Option[Any]]
    # Bump when a key is renamed or its meaning changes, and add the step to _upgrade().
    VERSION = 1

    version = Option("meta/version", 0)
    window_geometry = Option("window/geometry", QByteArray())
    window_state = Option("window/state", QByteArray())
    queue_header = Option("queue/header_state", QByteArray())
    queue_splitter = Option("queue/splitter_state", QByteArray())
    # Widths the officer set by dragging, JSON {column key: px}; others are measured.
    queue_column_widths = Option("queue/column_widths", "")
    queue_view = Option("queue/view", "semua")
    language = Option("ui/language", "id", check=lambda v: v in LANGUAGES)
    sync_interval = Option("sync/interval_seconds", 300, check=lambda v: 30 <= v <= 86400)

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / SETTINGS_FILE
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def read(self, option: Option[T]) -> T:
        raw = self.qsettings.value(option.key, option.default)
        try:
            value = self._coerce(raw, option)
        except (TypeError, ValueError):
            return option.default
        if option.check is not None and not option.check(value):
            return option.default
        return value

    def write(self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.type):
            value = option.type(value)
        if option.check is not None and not option.check(value):
            raise ValueError(f"{option.key}: {value!r}")
        self.qsettings.setValue(option.key, value)

    def reset(self, option: Option[Any]) -> None:
        self.qsettings.remove(option.key)

    def sync(self) -> None:
        self.qsettings.sync()
        private_file(self.path)  # QSettings writes with the umask's mode

    @staticmethod
    def _coerce(raw: object, option: Option[T]) -> T:
        kind = option.type
        if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
            return raw  # type: ignore[return-value]
        if kind is bool:
            return str(raw).strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
        if kind is QByteArray:
            if isinstance(raw, bytes | bytearray):
                return QByteArray(bytes(raw))  # type: ignore[return-value]
            raise TypeError(raw)
        return kind(raw)

    def _upgrade(self) -> None:
        """Bring an ini written by an older desk up to VERSION (no step needed yet)."""
        if self.version < self.VERSION:
            self.version = self.VERSION
