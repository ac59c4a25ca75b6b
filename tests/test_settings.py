"""desktop.settings: typed preferences with defaults, kept in the data dir."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray

from desktop.settings import SETTINGS_FILE, Settings


def test_defaults_then_values_survive_a_restart(tmp_path):
    settings = Settings(tmp_path)
    assert settings.language == "id"
    assert settings.sync_interval == 300
    assert settings.window_geometry.isEmpty()
    settings.sync_interval = 120
    settings.language = "en"
    settings.window_geometry = QByteArray(b"\x01\x02geometry")
    settings.sync()
    assert (tmp_path / SETTINGS_FILE).exists()

    again = Settings(tmp_path)
    assert again.sync_interval == 120
    assert again.language == "en"
    assert bytes(again.window_geometry) == b"\x01\x02geometry"
    assert again.version == Settings.VERSION


def test_hand_edited_nonsense_reads_as_the_default(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text(
        "[ui]\nlanguage=klingon\n[sync]\ninterval_seconds=banyak\n[window]\ngeometry=xyz\n")
    settings = Settings(tmp_path)
    assert settings.language == "id"
    assert settings.sync_interval == 300
    assert settings.window_geometry.isEmpty()


def test_invalid_values_are_refused(tmp_path):
    settings = Settings(tmp_path)
    with pytest.raises(ValueError):
        settings.language = "fr"
    with pytest.raises(ValueError):
        settings.sync_interval = 5
    assert settings.language == "id" and settings.sync_interval == 300


def test_every_option_is_registered():
    assert {"window_geometry", "window_state", "queue_header", "queue_splitter", "queue_view",
            "language", "sync_interval"} <= set(Settings.OPTIONS)
