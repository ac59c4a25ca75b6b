"""Qt's own dialogs and menus speak Indonesian with the desk: the file dialog (Simpan PDF,
lampiran, impor), print, page setup and print preview, message box buttons, the text
fields' right-click menu. Qt ships no Indonesian catalogue: ``resources/translations/
qt_id.ts`` is ours, compiled to ``qt_id.qm`` and installed beside ``lapor_id.qm``
(issue 14.10)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
QT_CATALOG = ROOT / "resources" / "translations" / "qt_id.ts"

# Qt's English as the officer would meet it; paper names (A4, Letter, Legal, Folio) and
# "OK", "Printer", "PDF" are Indonesian usage too and not listed.
ENGLISH = re.compile(
    r"\b(Save|Cancel|Open|Look in|File name|Files of type|Back|Forward|Parent Directory|"
    r"Create New Folder|New Folder|List View|Detail View|All Files|Directory|Print|Options|"
    r"Properties|Copies|Collate|Reverse|Pages|Page size|Paper|Orientation|Portrait|"
    r"Landscape|Margins|Width|Height|Preview|Name|Location|Type|Output|Color|Grayscale|"
    r"Duplex|Double Sided|Page Layout|Custom|Close|Yes|No|Help|Discard|Apply|Reset|Retry|"
    r"Ignore|Abort|Undo|Redo|Cut|Copy|Paste|Delete|Select All|Millimeters|Inches|Points|"
    r"Envelope|Postcard|Selection|Current Page|Settings|Date Modified|Size|Sidebar|"
    r"Zoom|First page|Last page|Next page|Previous page|Fit|Show|Details|Local file)\b")


def _script():
    path = ROOT / "scripts" / "update-translations"
    loader = importlib.machinery.SourceFileLoader("update_translations", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@pytest.fixture
def indonesian(qapp) -> Iterator[None]:
    lang, translator = i18n.install(qapp, "id")
    assert lang == "id" and translator is not None
    yield
    i18n.uninstall(qapp, translator)


def _plain(text: str) -> str:
    """A label as shown: no mnemonic ampersands, no shortcut after a tab."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")


def _texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    texts += [a.text() for a in root.findChildren(QAction)]
    texts += [a.toolTip() for a in root.findChildren(QAction)]
    return [_plain(t) for t in texts if t]


def _english(texts: list[str]) -> list[str]:
    return sorted({t for t in texts if ENGLISH.search(t)})


def _shown(qtbot, dialog: QDialog) -> list[str]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = _texts(dialog)
    dialog.reject()
    return texts


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave], ids=["open", "save"])
def test_file_dialog_is_indonesian(indonesian, qtbot, tmp_path: Path, mode):
    dialog = QFileDialog(None, "Simpan PDF", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    texts = _shown(qtbot, dialog)
    assert not _english(texts), _english(texts)
    wanted = {"Simpan", "Nama berkas:", "Jenis berkas:"} if mode == \
        QFileDialog.AcceptMode.AcceptSave else {"Buka", "Batal", "Cari di:"}
    assert wanted <= set(texts), texts


def test_file_list_headers_are_indonesian(indonesian):
    model = QFileSystemModel()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["Nama", "Ukuran", "Jenis", "Tanggal Diubah"]


@pytest.mark.parametrize("make", [
    lambda printer: QPrintDialog(printer),
    lambda printer: QPageSetupDialog(printer),
    lambda printer: QPrintPreviewDialog(printer),
], ids=["print", "page-setup", "print-preview"])
def test_print_dialogs_are_indonesian(indonesian, qtbot, make):
    printer = QPrinter()
    texts = _shown(qtbot, make(printer))
    assert not _english(texts), _english(texts)
    assert {"Cetak", "Ukuran kertas:", "Orientasi", "Potret", "Lanskap", "Pratinjau Cetak",
            "Pengaturan Halaman"} & set(texts), texts


def test_message_box_and_button_box_buttons_are_indonesian(indonesian, qtbot):
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Teks",
                      buttons.Yes | buttons.No | buttons.Save | buttons.Cancel | buttons.Close
                      | buttons.Discard | buttons.Open | buttons.Retry | buttons.Ignore)
    box.setDetailedText("Rincian")
    texts = _shown(qtbot, box)
    assert not _english(texts), _english(texts)
    assert {"Ya", "Tidak", "Simpan", "Batal", "Tutup", "Buka"} <= set(texts), texts
    row = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Apply)
    qtbot.addWidget(row)
    assert {_plain(b.text()) for b in row.buttons()} == {"OK", "Batal", "Terapkan"}


@pytest.mark.parametrize("make", [QLineEdit, QTextEdit, QPlainTextEdit],
                         ids=["line-edit", "text-edit", "plain-text-edit"])
def test_text_field_menu_is_indonesian(indonesian, qtbot, make):
    field = make()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [_plain(a.text()) for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    assert not _english(texts), texts
    assert {"Urungkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"} \
        <= set(texts), texts


@pytest.mark.parametrize(("context", "source", "wanted"), [
    ("QAbstractSpinBox", "&Step up", "&Naikkan"),
    ("QAbstractSpinBox", "Step &down", "&Turunkan"),
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?",
     "%1 sudah ada.\nApakah Anda ingin menggantinya?"),
    ("QPrintDialog", "Print to File (PDF)", "Cetak ke Berkas (PDF)"),
    ("QMessageBox", "Show Details...", "Tampilkan Rincian..."),
])
def test_pieces_not_opened_here_are_indonesian(indonesian, context, source, wanted):
    """The spin box's right-click menu and confirmations shown only on a user's action."""
    assert QCoreApplication.translate(context, source) == wanted


def test_english_leaves_qt_in_english(qapp):
    lang, translator = i18n.install(qapp, "id")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    i18n.uninstall(qapp, translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert i18n.install(qapp, "en") == ("en", None)
    assert QCoreApplication.translate("QLineEdit", "&Undo") == "&Undo"


def test_qt_catalogue_is_finished_and_compiled(tmp_path: Path):
    text = QT_CATALOG.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text and "<translation></translation>" not in text
    qm = tmp_path / "qt_id.qm"
    _script().release(QT_CATALOG, qm)
    assert qm.read_bytes() == QT_CATALOG.with_suffix(".qm").read_bytes(), (
        "qt_id.qm is stale: run scripts/update-translations")
