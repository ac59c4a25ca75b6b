"""One "Pengaturan": the menu bar's menu and the navigation page offer the same settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QLabel, QMenu, QTabWidget  # noqa: E402

from desktop.app import Desk  # noqa: E402

WAIT_MS = 15_000


def test_menu_and_page_lead_to_the_same_settings(qtbot, tmp_path: Path):
    desk = Desk(tmp_path, "id")
    try:
        window = desk.window
        window.show()
        qtbot.waitUntil(lambda: window.service is not None, timeout=WAIT_MS)
        menu = window.menuBar().findChild(QMenu, "menuSettings")
        assert menu.title().replace("&", "") == "Pengaturan"
        entries = [a for a in menu.actions() if not a.isSeparator()]
        # The menu opens the page's letterhead tab ...
        assert entries[0].text().replace("&", "") == "Kop Surat…"
        entries[0].trigger()
        page = window.ui.pages.currentWidget()
        assert isinstance(page, QTabWidget) and window.page_of(window.ui.actionSettings) is page
        assert page.tabText(page.currentIndex()) == "Kop Surat"
        assert window.ui.actionSettings.isChecked()
        # ... and the page's first tab offers every other entry of the menu.
        assert page.tabText(0) == "Umum"
        general = window.settings_hub.general
        texts = [b.text() for b in general.buttons]
        assert texts == [a.text().replace("&", "") for a in entries[1:]]
        assert "Server dan sinkronisasi…" in texts and "Sinkronkan sekarang" in texts
        fired: list[str] = []
        server = next(a for a in entries if a.text() == "Server dan sinkronisasi…")
        server.triggered.connect(lambda *_: fired.append("menu action"))
        next(b for b in general.buttons if b.text() == server.text()).click()
        assert fired == ["menu action"]  # the same action, not a copy of it
        descriptions = [label.text() for label in general.findChildren(QLabel)]
        assert any("server pusat" in text for text in descriptions), descriptions
        assert all(b.isEnabled() == a.isEnabled() for b, a in zip(general.buttons,
                                                                   entries[1:], strict=True))
    finally:
        desk.close()


def test_office_zone_is_chosen_in_pengaturan_and_moves_today(qtbot, tmp_path: Path):
    from core.clock import clock
    from desktop.store import DeskService

    from .clocks import office_time, utc

    # 23.30 WIB, 00.30 WITA: the zone decides whether it is 8 or 9 December.
    with office_time(utc(2026, 12, 8, 16, 30)):
        desk = Desk(tmp_path, "id")
        try:
            window = desk.window
            window.show()
            qtbot.waitUntil(lambda: window.service is not None, timeout=WAIT_MS)
            window.ui.actionSettings.trigger()
            row = window.settings_hub.zone
            assert row.combo.currentText() == "WITA (UTC+8)"
            assert window.day_watcher.day.isoformat() == "2026-12-09"
            label = next(lbl for lbl in row.findChildren(QLabel) if lbl.buddy() is row.combo)
            assert label.text().replace("&", "") == "Zona waktu kantor"
            with qtbot.waitSignal(window.day_watcher.day_changed, timeout=WAIT_MS) as moved:
                row.combo.setCurrentIndex(row.combo.findData("WIB"))
            assert moved.args[0].isoformat() == "2026-12-08"
            assert clock().today().isoformat() == "2026-12-08"
            qtbot.waitUntil(row.combo.isEnabled, timeout=WAIT_MS)
        finally:
            desk.close()
        with DeskService(tmp_path) as store:  # kept for the next start and the commands
            assert store.get_setting("office_zone") == "WIB"
            assert store.today().isoformat() == "2026-12-08"
