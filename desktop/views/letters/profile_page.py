"""Pengaturan › Kop surat: the agency profile editor (kop lines, emblem, signers, paper,
agenda number format), with a sample sheet rendered from what is typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QSizePolicy,
    QTableWidgetItem,
    QWidget,
)

from core import WITA
from core.clock import clock
from desktop.forms.ui_letter_profile_page import Ui_LetterProfilePage
from desktop.letters import SHEET_PAPERS, get_paper
from desktop.letters.samples import SAMPLE_QR_KEY, sample_snapshot
from desktop.paths import resource
from desktop.printing import agenda as ag
from desktop.printing import settings as letter_settings
from desktop.printing.settings import LetterSettings, SignerEntry
from desktop.printing.sheet import build_sheet
from desktop.views.letters.alive import while_alive

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("name", "jabatan", "pangkat", "nip")
SAMPLE_DELAY_MS = 400


def _load(service: Any) -> tuple[LetterSettings, dict[str, int], int]:
    from desktop.printing.archive import agenda_status  # DB thread: the store is loaded

    settings = letter_settings.load(service)
    year = clock().today().year
    return settings, agenda_status(service, settings.agency_code, year), year


def render_sample(settings: LetterSettings, data_dir: Path) -> bytes:
    """A sample sheet with this profile (fictional complaint, sample QR key)."""
    from desktop.letters import render_disposition

    sheet = build_sheet(
        sample_snapshot(agency_code=settings.agency_code, disposition={
            "unit_codes": ["YANKES"], "sifat": "segera",
            "instructions": ["Proses lebih lanjut", "Koordinasikan/konfirmasikan"],
            "note": "Mohon ditindaklanjuti dan laporkan hasilnya kepada kami.",
            "due_date": "2026-11-30", "at": "2026-11-23T10:15:00+08:00"}), settings,
        data_dir=data_dir,
        units=[{"agency_code": settings.agency_code, "code": "YANKES",
                "name": "Bidang Pelayanan Kesehatan"}],
        agenda_number=settings.agenda.format(45, settings.agency_code or "INSTANSI",
                                             date(2026, 11, 23)),
        signer_id=None, qr_key=SAMPLE_QR_KEY,
        printed_at=datetime(2026, 11, 23, 10, 15, tzinfo=WITA), desk_id="CONTOH",
        working_days=5)
    return render_disposition(sheet, settings.paper)


class LetterProfilePage(QWidget):
    """The page widget; ``set_service`` once the store is open. ``saved`` after a save."""

    saved = Signal()

    def __init__(self, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LetterProfilePage()
        self.ui.setupUi(self)
        self._tasks = tasks
        self._service: Any = None
        self._settings = LetterSettings()
        self._emblem_file: str | None = None
        for key in SHEET_PAPERS:
            self.ui.paperCombo.addItem(get_paper(key).label, key)
        # Rank and NIP are short and must show whole; name and jabatan share the rest and
        # wrap (rows grow to fit, see _fit_rows).
        header = self.ui.signersTable.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.sectionResized.connect(self._fit_rows)
        self.ui.signersTable.setWordWrap(True)
        # Tab leaves the table (arrow keys move, F2 edits a cell): no trap for the keyboard.
        self.ui.signersTable.setTabKeyNavigation(False)
        # The default signer's name takes the row's free width, not half of it.
        self.ui.defaultSignerCombo.setSizePolicy(QSizePolicy.Policy.Expanding,
                                                 QSizePolicy.Policy.Fixed)
        # On its own row: beside the buttons, 125 % scaling cut "M.Kes." off.
        self.ui.defaultSignerRow.setStretchFactor(self.ui.defaultSignerCombo, 1)
        self.ui.agendaFormatEdit.setToolTip(self.tr(
            "Fields: {seq} or {seq:03d} (number), {agency}, {month} (01-12), {month_roman} "
            "(I-XII), {year}"))
        self._sample_timer = QTimer(self)
        self._sample_timer.setSingleShot(True)
        self._sample_timer.setInterval(SAMPLE_DELAY_MS)
        self._sample_timer.timeout.connect(self.preview_sample)
        self.ui.samplePreview.show_message(self.tr("Press “Preview sample” to see a sheet "
                                                   "with this letterhead."))
        self.ui.chooseEmblemButton.clicked.connect(self.choose_emblem)
        self.ui.clearEmblemButton.clicked.connect(partial(self._set_emblem, None))
        self.ui.addSignerButton.clicked.connect(self.add_signer)
        self.ui.removeSignerButton.clicked.connect(self.remove_signer)
        self.ui.signersTable.itemChanged.connect(self._signers_changed)
        self.ui.agendaFormatEdit.textChanged.connect(self._format_changed)
        self.ui.agencyCodeEdit.textChanged.connect(self._format_changed)
        self.ui.sampleButton.clicked.connect(self.preview_sample)
        self.ui.saveButton.clicked.connect(self.save)
        self.setEnabled(False)

    def _run(self, fn: Any, on_success: Any, on_error: Any, **kwargs: Any) -> None:
        self._tasks.run(fn, while_alive(self, on_success), while_alive(self, on_error), **kwargs)

    # -- loading --------------------------------------------------------------------------
    def set_service(self, service: Any) -> None:
        self._service = service
        self._run(partial(_load, service), self._loaded, self._failed)

    def _loaded(self, result: tuple[LetterSettings, dict[str, int], int]) -> None:
        settings, status, year = result
        self.setEnabled(True)
        self.show_settings(settings)
        self.ui.numbersLabel.setText(self.tr(
            "%1 agenda numbers left for %2 in %3 block(s) on this desk.").replace(
                "%1", str(status["free"])).replace("%2", str(year)).replace(
                "%3", str(status["blocks"])))
        if not settings.configured:
            self.ui.savedLabel.setText(self.tr("Not saved yet: defaults from the directory."))

    def show_settings(self, settings: LetterSettings) -> None:
        ui = self.ui
        self._settings = settings
        ui.agencyCodeEdit.setText(settings.agency_code)
        lines = [*settings.header_lines, "", "", ""][:3]
        for edit, text in zip((ui.line1Edit, ui.line2Edit, ui.line3Edit), lines, strict=True):
            edit.setText(text)
        ui.addressEdit.setText(settings.address)
        ui.phoneEdit.setText(settings.phone_fax)
        ui.webEdit.setText(settings.web_email)
        ui.agendaFormatEdit.setText(settings.agenda_format)
        ui.paperCombo.setCurrentIndex(max(0, ui.paperCombo.findData(settings.paper)))
        table = ui.signersTable
        table.blockSignals(True)
        table.setRowCount(0)
        for entry in settings.signers:
            self._append_signer(entry)
        table.blockSignals(False)
        self._fit_rows()
        self._refresh_default_combo(settings.default_signer)
        self._set_emblem(settings.emblem_file)
        self._format_changed()

    # -- editing --------------------------------------------------------------------------
    def _append_signer(self, entry: SignerEntry) -> None:
        table = self.ui.signersTable
        row = table.rowCount()
        table.insertRow(row)
        for column, key in enumerate(COLUMNS):
            cell = QTableWidgetItem(getattr(entry, key))
            if column == 0:
                cell.setData(ID_ROLE, entry.id)
            table.setItem(row, column, cell)

    def add_signer(self) -> None:
        table = self.ui.signersTable
        table.blockSignals(True)
        self._append_signer(SignerEntry.new())
        table.blockSignals(False)
        row = table.rowCount() - 1
        table.setCurrentCell(row, 0)
        table.editItem(table.item(row, 0))
        self._refresh_default_combo(self.ui.defaultSignerCombo.currentData())

    def remove_signer(self) -> None:
        row = self.ui.signersTable.currentRow()
        if row >= 0:
            self.ui.signersTable.removeRow(row)
            self._refresh_default_combo(self.ui.defaultSignerCombo.currentData())

    def _signers_changed(self) -> None:
        self._refresh_default_combo(self.ui.defaultSignerCombo.currentData())
        self._fit_rows()

    def _fit_rows(self, *_args: object) -> None:
        self.ui.signersTable.resizeRowsToContents()

    def signer_entries(self) -> tuple[SignerEntry, ...]:
        table = self.ui.signersTable
        rows = []
        for row in range(table.rowCount()):
            values = {key: (table.item(row, c).text() if table.item(row, c) else "")
                      for c, key in enumerate(COLUMNS)}
            first = table.item(row, 0)
            values["id"] = first.data(ID_ROLE) if first else None
            if any(str(v or "").strip() for k, v in values.items() if k != "id"):
                rows.append(values)
        return letter_settings.signer_entries(rows)

    def _refresh_default_combo(self, keep: str | None) -> None:
        combo = self.ui.defaultSignerCombo
        combo.blockSignals(True)
        combo.clear()
        for entry in self.signer_entries():  # the name fits; the jabatan in the tooltip
            combo.addItem(entry.name.strip() or entry.label(), entry.id)
            combo.setItemData(combo.count() - 1, entry.label(), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)

    def choose_emblem(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the emblem"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.import_emblem(path)

    def import_emblem(self, path: str) -> None:
        if self._service is None:
            return
        self._run(partial(letter_settings.import_emblem, Path(self._service.data_dir),
                                path), self._set_emblem, self._failed)

    def _set_emblem(self, name: str | None) -> None:
        self._emblem_file = name or None
        path = None
        if name and self._service is not None:
            path = Path(self._service.data_dir) / letter_settings.EMBLEM_DIR / name
        if path is None or not path.is_file():
            path = resource("letterhead", "emblem-placeholder.png")
        pixmap = QPixmap(str(path))
        self.ui.emblemPreview.setPixmap(pixmap.scaled(
            52, 52, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.ui.clearEmblemButton.setEnabled(self._emblem_file is not None)

    def _format_changed(self) -> None:
        template = self.ui.agendaFormatEdit.text()
        problem = ag.check_template(template)
        if problem:
            self.ui.agendaExampleLabel.setText(problem)
            return
        code = self.ui.agencyCodeEdit.text().strip() or "INSTANSI"
        example = ag.AgendaFormat(template).format(45, code, clock().today())
        self.ui.agendaExampleLabel.setText(self.tr("Example: %1").replace("%1", example))

    def edited(self) -> LetterSettings:
        """The settings as typed (not yet checked or saved)."""
        ui = self.ui
        entries = self.signer_entries()
        default = ui.defaultSignerCombo.currentData()
        return replace(
            self._settings,
            agency_code=ui.agencyCodeEdit.text().strip(),
            header_lines=tuple(e.text().strip() for e in (ui.line1Edit, ui.line2Edit,
                                                          ui.line3Edit) if e.text().strip()),
            address=ui.addressEdit.text().strip(), phone_fax=ui.phoneEdit.text().strip(),
            web_email=ui.webEdit.text().strip(), emblem_file=self._emblem_file,
            signers=entries, default_signer=default if entries else None,
            paper=str(ui.paperCombo.currentData()),
            agenda_format=ui.agendaFormatEdit.text().strip())

    # -- commands -------------------------------------------------------------------------
    def save(self) -> None:
        settings = self.edited()
        errors = settings.errors()
        if errors:
            self.ui.errorLabel.setText("\n".join(dict.fromkeys(errors.values())))
            return
        self.ui.errorLabel.clear()
        self._run(partial(letter_settings.save, self._service, settings), self._saved,
                        self._failed, changes=True)

    def _saved(self, settings: LetterSettings) -> None:
        self._settings = settings
        self.ui.savedLabel.setText(self.tr("Saved."))
        self.saved.emit()

    def preview_sample(self) -> None:
        settings = self.edited()
        errors = settings.errors()
        if errors:
            self.ui.errorLabel.setText("\n".join(dict.fromkeys(errors.values())))
            return
        self.ui.errorLabel.clear()
        data_dir = Path(self._service.data_dir) if self._service else Path(".")
        self._run(partial(render_sample, settings, data_dir),
                        self.ui.samplePreview.set_pdf, self._failed)

    def _failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or str(exc)
        self.ui.errorLabel.setText(message)
