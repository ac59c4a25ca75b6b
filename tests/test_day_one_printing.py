"""Issue 14, Lembar Disposisi: "Simpan PDF…" and "Cetak…" do what they say, and the dialogs
fit a 1366x768 screen (also at 125 % scaling). Driven by clicks on the real desk window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrintDialog  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton  # noqa: E402

from desktop.views.screen_fit import FRAME, fit_to_screen  # noqa: E402
from tests import test_printing_gui as printing  # noqa: E402
from tests.test_printing_gui import WAIT_MS, _open_dialog, _pages, _wait_idle  # noqa: E402

data_dir, desk = printing.data_dir, printing.desk  # the letters fixtures

# 1366x768 at 125 %: 1093x614 logical pixels, less a 40 px (50 physical) taskbar.
SMALL_SCREEN = QRect(0, 0, 1093, 574)


def _issued_dialog(qtbot, desk, ids):
    dialog = _open_dialog(qtbot, desk, ids)
    qtbot.mouseClick(dialog.ui.issueButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(i.active("f4") is not None for i in dialog.items),
                    timeout=WAIT_MS)
    _wait_idle(qtbot, desk)
    qtbot.waitUntil(dialog.ui.saveButton.isEnabled, timeout=WAIT_MS)
    return dialog


def test_save_pdf_button_asks_for_a_file_and_saves_it(qtbot, desk, tmp_path, monkeypatch):
    desk, ids = desk
    dialog = _issued_dialog(qtbot, desk, ids[:1])
    asked: list[str] = []
    target = tmp_path / "lembar.pdf"

    def get_save_file_name(_parent, _caption, name, _filter):
        asked.append(name)
        return str(target), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, desk)
    assert len(asked) == 1 and asked[0].endswith(".pdf") and "/" not in asked[0]
    assert target.exists() and _pages(target.read_bytes()) == 1
    qtbot.waitUntil(lambda: "lembar.pdf" in dialog.ui.previewTitle.text(), timeout=WAIT_MS)
    dialog.close()


def test_print_to_file_offers_a_writable_name_in_documents(qtbot, desk, tmp_path,
                                                            monkeypatch):
    desk, ids = desk
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    dialog = _issued_dialog(qtbot, desk, ids[:1])
    seen: dict[str, object] = {}

    def run_print_dialog(self) -> int:  # what the officer sees, then "Print"
        self.show()
        qtbot.waitExposed(self)
        fields = [e for e in self.findChildren(QLineEdit) if e.objectName() == "filename"]
        seen["file"] = fields[0].text() if fields else ""
        seen["size"] = self.size()
        self.accept()  # Qt checks the file is writable here
        return self.result()

    monkeypatch.setattr(QPrintDialog, "exec", run_print_dialog)
    qtbot.mouseClick(dialog.ui.printButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "file" in seen, timeout=WAIT_MS)
    path = Path(str(seen["file"]))
    assert path.parent == home / "Documents", path
    assert path.name.endswith(".pdf") and "045" in path.name  # the agenda number, no slash
    qtbot.waitUntil(path.exists, timeout=WAIT_MS)
    assert _pages(path.read_bytes()) == 1
    dialog.close()


def test_print_dialog_fits_the_screen_it_opens_on(qtbot, desk):
    desk, ids = desk
    dialog = _open_dialog(qtbot, desk, ids)
    screen = desk.window.screen().availableGeometry()  # offscreen: 800x800
    frame = dialog.frameGeometry()
    assert dialog.height() + FRAME.height() <= screen.height()
    assert screen.top() <= frame.top() and frame.top() + dialog.height() + FRAME.height() \
        <= screen.bottom() + 1, (frame, screen)

    # At 125 % on a 1366x768 laptop every button stays inside the window.
    fit_to_screen(dialog, SMALL_SCREEN)
    qtbot.wait(10)
    assert dialog.height() + FRAME.height() <= SMALL_SCREEN.height()
    assert dialog.width() + FRAME.width() <= SMALL_SCREEN.width()
    inside = dialog.rect()
    for button in dialog.findChildren(QPushButton):
        if button.isVisible():
            corner = button.mapTo(dialog, QPoint(button.width() - 1, button.height() - 1))
            assert inside.contains(corner), button.text()
    dialog.grab().save(str(Path(os.environ.get("LAPOR_SHOTS", "/tmp")) / "print-125.png"))
    dialog.close()
