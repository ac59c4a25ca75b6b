"""Pengaturan › Umum › "Bahasa / Language": stored in settings.ini, used from the next
start, ``--lang`` overrides it for one session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.app import Desk  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from tests.test_reports_fixtures import fill  # noqa: E402
from tests.test_reports_gui import open_desk, show_reports  # noqa: E402


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "desk"
    fill(target)
    return target


def language_row(desk: Desk):
    desk.window.ui.actionSettings.trigger()
    return desk.window.settings_hub.language


def test_language_setting_persists_and_lang_flag_overrides(qtbot, folder: Path):
    desk = open_desk(qtbot, folder, None)
    try:
        assert desk.lang == "id"
        row = language_row(desk)
        assert row.isVisible() and row.combo.currentText() == "Bahasa Indonesia"
        row.combo.setCurrentIndex(row.combo.findData("en"))
        assert "mulai dibuka berikutnya" in row.note.text()  # said in Indonesian
        assert desk.window.ui.actionQueue.text() == "Antrian"  # applied at next start
    finally:
        desk.close()
    assert Settings(folder).language == "en"

    desk = open_desk(qtbot, folder, None)
    try:
        assert desk.lang == "en"
        assert desk.window.ui.actionQueue.text() == "Queue"
        assert show_reports(qtbot, desk).summary.text()  # the page works in English
        assert desk.window.reports.period_combo.itemText(0) == "This month"
        assert language_row(desk).combo.currentText() == "English"
    finally:
        desk.close()

    desk = open_desk(qtbot, folder, "id")  # --lang id: this session only
    try:
        assert desk.lang == "id" and desk.window.ui.actionQueue.text() == "Antrian"
        row = language_row(desk)
        assert row.combo.currentText() == "English"  # the stored choice, unchanged
        assert row.note.text() == "Bahasa sesi ini dipilih saat desk dibuka (--lang)."
    finally:
        desk.close()
    assert Settings(folder).language == "en"
