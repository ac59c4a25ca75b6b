"""The Loket (front desk) page: record a walk-in or letter complaint, print its receipt.

Presents and dispatches only: every store call goes through ``desktop.tasks`` to
``desktop.intake.IntakeService`` on the DB thread. Validation is the domain's own
(``intake.form.validate_form``, pure Python) so the messages match what the store would
say; errors never clear a field, and the form is autosaved as a draft.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from core import DomainError, Regions, Role, ValidationError
from core.clock import clock
from desktop import formatting
from desktop.forms.ui_loket_page import Ui_LoketPage
from desktop.intake import DeskContext, IntakeService
from desktop.intake.attachments import MAX_FILE_BYTES, MAX_FILES, size_text
from desktop.intake.duplicates import DuplicateHint
from desktop.intake.form import REPORTER_FIELDS, new_form, validate_form
from desktop.intake.template import TEMPLATE_NAME, write_template
from desktop.tasks import Tasks
from desktop.views import date_input
from desktop.views.labels import CLASSIFICATION, STATUS
from desktop.views.loket.import_dialog import ImportDialog
from desktop.views.loket.letter_fields import LetterFields
from desktop.views.loket.official_numbers import OfficialNumbers
from desktop.views.loket.receipt_dialog import ReceiptDialog

DRAFT_DELAY_MS = 1500
NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum: shown as "unknown"

# Validation key -> (input widget, error label) on Ui_LoketPage.
FIELDS: dict[str, tuple[str, str]] = {
    "reporter.name": ("nameEdit", "nameError"),
    "reporter.nik": ("nikEdit", "nikError"),
    "reporter.phone": ("phoneEdit", "phoneError"),
    "reporter.email": ("emailEdit", "emailError"),
    "reporter.address": ("addressEdit", "addressError"),
    "title": ("titleEdit", "titleError"),
    "content": ("contentEdit", "contentError"),
    "incident_date": ("incidentDateEdit", "incidentDateError"),
    "agency_code": ("agencyCombo", "agencyError"),
    "category_id": ("categoryPicker", "categoryError"),
    "region_code": ("regionPicker", "regionError"),
    "location_text": ("locationEdit", "locationError"),
    "attachments": ("attachmentList", "attachmentsError"),
}
ALIASES = {"reporter": "reporter.name"}  # where the domain's block-level messages show
LINE_EDITS = {"reporter.name": "nameEdit", "reporter.nik": "nikEdit",
              "reporter.phone": "phoneEdit", "reporter.email": "emailEdit",
              "reporter.address": "addressEdit", "title": "titleEdit",
              "location_text": "locationEdit"}


class LoketPage(QWidget):
    """``attach_service(store)`` once the store is open. ``recorded(id)`` after a complaint
    is saved; ``imported(count)`` after a paper log was imported (both writes also raise
    ``Tasks.changed``, which refreshes the queue)."""

    recorded = Signal(str)
    imported = Signal(int)

    def __init__(self, tasks: Tasks, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoketPage()
        self.ui.setupUi(self)
        self._tasks = tasks
        self._lang = lang
        self.intake: IntakeService | None = None
        self.context: DeskContext | None = None
        self._form = new_form()
        self._touched: set[str] = set()
        self._show_all_errors = False
        self._busy = False
        self._loading = False
        self._confirmed: str | None = None  # form signature the officer chose to save anyway
        self.receipt_dialog: ReceiptDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._setup()
        # Tells the clerk when a recorded complaint's official number arrives (after a sync).
        self.official = OfficialNumbers(self)
        self._set_ready(False, self.tr("Opening the local database…"))

    @property
    def tasks(self) -> Tasks:
        return self._tasks

    # -- set-up ---------------------------------------------------------------------------
    def _setup(self) -> None:
        ui = self.ui
        for code in CLASSIFICATION:
            ui.classificationCombo.addItem(CLASSIFICATION.text(code), code)
        # Grid labels sit at the top of their row (an error may grow it): as tall as one
        # input line and centred in it, they line up with the input's text.
        line = ui.titleEdit.sizeHint().height()
        for label in (ui.titleLabel, ui.contentLabel, ui.classificationLabel,
                      ui.incidentDateLabel, ui.agencyLabel, ui.unitLabel):
            label.setMinimumHeight(line)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        ui.incidentDateEdit.setMinimumDate(NO_DATE)
        ui.incidentDateEdit.setDate(NO_DATE)
        # Tab leaves it, typing dd/mm/yyyy works, its calendar opens at today's month.
        self._typed_date_message = ""
        self.incident_date_input = date_input.install(ui.incidentDateEdit)
        self.incident_date_input.feedback.connect(self._typed_date_feedback)
        ui.attachmentHint.setText(self.tr("Photos, scans or PDF; up to %1 files of %2 each. "
                                          "You can drag files onto the list.")
                                  .replace("%1", str(MAX_FILES))
                                  .replace("%2", size_text(MAX_FILE_BYTES)))
        for edit in LINE_EDITS.values():
            getattr(ui, edit).textChanged.connect(self._changed)
        for key, edit in LINE_EDITS.items():
            getattr(ui, edit).editingFinished.connect(partial(self._touch, key))
        ui.contentEdit.textChanged.connect(self._changed)
        ui.contentEdit.installEventFilter(self)
        for box in (ui.unidentifiedCheck, ui.anonymousCheck, ui.confidentialCheck,
                    ui.loketRadio, ui.suratRadio):
            box.toggled.connect(self._changed)
        # Kanal Surat: asal, nomor and tanggal surat under the header, while Surat is chosen.
        self.letter_fields = LetterFields(ui.scrollContents)
        ui.contentsLayout.insertWidget(1, self.letter_fields)
        self.letter_fields.setVisible(False)
        self.letter_fields.changed.connect(self._changed)
        ui.suratRadio.toggled.connect(self.letter_fields.setVisible)
        self.letter_fields.chain_tabs(ui.suratRadio, ui.unidentifiedCheck)
        ui.unidentifiedCheck.toggled.connect(self._identity_toggled)
        for combo in (ui.classificationCombo, ui.unitCombo):
            combo.currentIndexChanged.connect(self._changed)
        ui.agencyCombo.currentIndexChanged.connect(self._agency_changed)
        ui.incidentDateEdit.dateChanged.connect(self._date_changed)
        ui.categoryPicker.changed.connect(self._changed)
        ui.regionPicker.changed.connect(self._changed)
        ui.attachmentList.files_dropped.connect(self.add_files)
        ui.attachmentList.remove_requested.connect(self._remove_files)
        ui.addFileButton.clicked.connect(self._choose_files)
        ui.removeFileButton.clicked.connect(self._remove_files)
        ui.submitButton.clicked.connect(self.submit)
        ui.clearButton.clicked.connect(self._confirm_clear)
        ui.duplicateContinueButton.clicked.connect(self._save_anyway)
        ui.duplicateCancelButton.clicked.connect(self._check_first)
        ui.reprintButton.clicked.connect(self._reprint)
        ui.reprintEdit.returnPressed.connect(self._reprint)
        ui.importButton.clicked.connect(self._choose_import)
        ui.templateButton.clicked.connect(self._save_template)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.ui.contentEdit and event.type() == QEvent.Type.FocusOut:
            self._touch("content")
        return super().eventFilter(watched, event)

    def attach_service(self, store: Any) -> None:
        """The store is open: read what the form offers (on the DB thread) and any draft."""
        self.intake = IntakeService(store)
        self._tasks.run(self._read_context, self._context_arrived, self._context_failed)

    def _read_context(self) -> DeskContext:  # DB thread
        Regions.load()  # parse the reference CSVs here, not on the GUI thread
        assert self.intake is not None
        return self.intake.context()

    def _context_arrived(self, ctx: DeskContext) -> None:
        self.context = ctx
        ui = self.ui
        self._loading = True
        try:
            ui.categoryPicker.set_categories(ctx.categories)
            ui.regionPicker.set_regions(Regions.load())
            ui.incidentDateEdit.setMaximumDate(QDate(ctx.today.year, ctx.today.month,
                                                     ctx.today.day))
            ui.agencyCombo.clear()
            for agency in ctx.agencies:
                ui.agencyCombo.addItem(agency["name"], agency["code"])
            own = ctx.actor.agency
            if own and ui.agencyCombo.findData(own) < 0:
                ui.agencyCombo.addItem(own, own)
            # An officer records for their own agency only; the central admin may choose.
            ui.agencyCombo.setEnabled(ctx.actor.role is Role.admin_pusat)
            ui.agencyCombo.setToolTip(self.tr("Complaints recorded here go to your own agency."))
        finally:
            self._loading = False
        if ctx.draft:
            self.load_form(ctx.draft)
            ui.draftLabel.setText(self.tr("Unfinished draft restored"))
        else:
            self.load_form(new_form(own))
        if ctx.signed_in:
            self._set_ready(True, "")
        else:
            who = ctx.actor.full_name or ctx.actor.username
            self._set_ready(True, self.tr(
                "Not signed in: complaints are recorded as %1 and checked by the central server "
                "at the next sync.").replace("%1", who))

    def _context_failed(self, exc: BaseException) -> None:
        self._set_ready(False, self.tr("The front desk could not be opened."))
        self._tasks.report(exc)

    def _set_ready(self, ready: bool, message: str) -> None:
        for widget in (self.ui.submitButton, self.ui.importButton, self.ui.reprintButton):
            widget.setEnabled(ready and not self._busy)
        self._message(message)

    # -- the form's data ------------------------------------------------------------------
    def form(self) -> dict[str, Any]:
        """The form as ``desktop.intake.form`` expects it (ids kept across edits)."""
        ui = self.ui
        incident = ui.incidentDateEdit.date()
        form = dict(self._form)
        form.update(
            unidentified=ui.unidentifiedCheck.isChecked(),
            reporter={key: getattr(ui, LINE_EDITS[f"reporter.{key}"]).text()
                      for key in REPORTER_FIELDS},
            anonymous=ui.anonymousCheck.isChecked(),
            confidential=ui.confidentialCheck.isChecked(),
            classification=ui.classificationCombo.currentData(),
            category_id=ui.categoryPicker.category_id(),
            agency_code=ui.agencyCombo.currentData(),
            unit_code=ui.unitCombo.currentData() or None,
            region_code=ui.regionPicker.region_code(),
            location_text=ui.locationEdit.text(),
            incident_date=None if incident == NO_DATE else incident.toString(Qt.DateFormat.ISODate),
            title=ui.titleEdit.text(),
            content=ui.contentEdit.toPlainText(),
            channel="surat" if ui.suratRadio.isChecked() else "loket",
            letter_ref=self.letter_fields.value() if ui.suratRadio.isChecked() else None,
            attachments=ui.attachmentList.files(),
        )
        return form

    def load_form(self, form: dict[str, Any]) -> None:
        """Show ``form`` (a draft or a new one) without counting it as the officer's edits."""
        ui = self.ui
        self._loading = True
        try:
            self._form = {**new_form(), **form}
            reporter = form.get("reporter") or {}
            for key in REPORTER_FIELDS:
                getattr(ui, LINE_EDITS[f"reporter.{key}"]).setText(str(reporter.get(key) or ""))
            ui.unidentifiedCheck.setChecked(bool(form.get("unidentified")))
            ui.anonymousCheck.setChecked(bool(form.get("anonymous")))
            ui.confidentialCheck.setChecked(bool(form.get("confidential")))
            ui.classificationCombo.setCurrentIndex(
                max(0, ui.classificationCombo.findData(form.get("classification"))))
            agency = form.get("agency_code")
            if agency is not None and ui.agencyCombo.findData(agency) >= 0:
                ui.agencyCombo.setCurrentIndex(ui.agencyCombo.findData(agency))
            self._fill_units(form.get("unit_code"))
            ui.categoryPicker.set_category_id(form.get("category_id"))
            ui.regionPicker.set_region_code(form.get("region_code"))
            ui.locationEdit.setText(str(form.get("location_text") or ""))
            incident = form.get("incident_date")
            ui.incidentDateEdit.setDate(QDate.fromString(incident, Qt.DateFormat.ISODate)
                                        if incident else NO_DATE)
            ui.titleEdit.setText(str(form.get("title") or ""))
            ui.contentEdit.setPlainText(str(form.get("content") or ""))
            (ui.suratRadio if form.get("channel") == "surat" else ui.loketRadio).setChecked(True)
            self.letter_fields.set_value(form.get("letter_ref"))
            self.letter_fields.setVisible(form.get("channel") == "surat")
            ui.attachmentList.set_files(list(form.get("attachments") or ()))
            self._identity_toggled(ui.unidentifiedCheck.isChecked())
        finally:
            self._loading = False
        self._touched.clear()
        self._show_all_errors = False
        self._confirmed = None
        self._show_errors({})
        self._hide_duplicates()
        self._update_count()

    def _fill_units(self, selected: str | None = None) -> None:
        combo = self.ui.unitCombo
        agency = self.ui.agencyCombo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Not specified (the verifier routes it)"), None)
        for unit in (self.context.units if self.context else ()):
            if unit.get("agency_code") == agency:
                combo.addItem(unit["name"], unit["code"])
        combo.setCurrentIndex(max(0, combo.findData(selected)) if selected else 0)
        combo.blockSignals(False)

    # -- reactions ------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_count()
        if self._show_all_errors or any(getattr(self.ui, label).isVisible()
                                        for _w, label in FIELDS.values()):
            self.validate()  # a fixed field loses its message as soon as it is right
        if self.intake is not None and not self._busy:
            self._draft_timer.start()

    def _touch(self, key: str) -> None:
        if not self._loading:
            self._touched.add(key)
            self.validate()

    def _touch_and_change(self, key: str, *_args: object) -> None:
        if not self._loading:
            self._touched.add(key)
        self._changed()

    def _typed_date_feedback(self, message: str) -> None:
        """A typed incident date was refused (``message``: shown, and the form is not saved
        until the date is fixed) or taken (empty)."""
        self._typed_date_message = message
        if message:
            self._touched.add("incident_date")
        self.validate()

    def _date_changed(self, *_args: object) -> None:
        self._typed_date_message = ""
        self._touch_and_change("incident_date")

    def _identity_toggled(self, unidentified: bool) -> None:
        ui = self.ui
        for key in REPORTER_FIELDS:  # kept, not cleared: unticking brings them back
            getattr(ui, LINE_EDITS[f"reporter.{key}"]).setEnabled(not unidentified)
        if unidentified:
            ui.anonymousCheck.setChecked(True)
        ui.anonymousCheck.setEnabled(not unidentified)

    def _agency_changed(self) -> None:
        self._fill_units()
        self._changed()

    def _update_count(self) -> None:
        n = len(self.ui.contentEdit.toPlainText().strip())
        self.ui.contentCount.setText(self.tr("%1 characters").replace(
            "%1", formatting.number(n, lang=self._lang)))

    # -- validation -----------------------------------------------------------------------
    def validate(self) -> dict[str, str]:
        """Check the form; show messages for the fields the officer has left (all of them
        after a save attempt). Returns every problem."""
        today = self.context.today if self.context else clock().today()
        categories = [c["id"] for c in self.context.categories] if self.context else None
        errors = validate_form(self.form(), today=today, category_ids=categories)
        if self._typed_date_message:
            errors.setdefault("incident_date", self._typed_date_message)
        for alias, key in ALIASES.items():
            if alias in errors:
                errors.setdefault(key, errors.pop(alias))
        self._show_errors(errors)
        return errors

    def _show_errors(self, errors: dict[str, str]) -> None:
        shown = errors if self._show_all_errors else {
            k: v for k, v in errors.items() if k in self._touched}
        for key, (_widget, label_name) in FIELDS.items():
            label: QLabel = getattr(self.ui, label_name)
            message = shown.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
        rest = [v for k, v in shown.items() if k not in FIELDS]
        if self._show_all_errors and errors:
            summary = self.tr("Not saved yet: check the fields marked in red (%1).").replace(
                "%1", str(len(errors)))
            self._message(" ".join([summary, *rest]), error=True)
        elif self._show_all_errors:
            self._message("")

    def _focus_first(self, errors: dict[str, str]) -> None:
        for key, (widget_name, _label) in FIELDS.items():
            if key in errors:
                widget = getattr(self.ui, widget_name)
                self.ui.scrollArea.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _message(self, text: str, *, error: bool = False) -> None:
        label = self.ui.formMessage
        label.setText(text)
        label.setStyleSheet("color: #b3261e;" if error else "")

    # -- save -----------------------------------------------------------------------------
    def submit(self) -> None:
        """Validate, look for earlier reports, then record (and open the receipt)."""
        if self._busy or self.intake is None:
            return
        self._show_all_errors = True
        errors = self.validate()
        if errors:
            self._focus_first(errors)
            return
        form = self.form()
        if self._confirmed == _signature(form):
            self._record(form)
            return
        self._set_busy(True, self.tr("Looking for earlier reports of the same matter…"))
        self._tasks.run(partial(self.intake.duplicates, form),
                        partial(self._duplicates_arrived, form), self._failed)

    def _duplicates_arrived(self, form: dict, hints: list[DuplicateHint]) -> None:
        self._set_busy(False)
        if not hints:
            self._record(form)
            return
        ui = self.ui
        ui.duplicateList.clear()
        reasons = {"nik": self.tr("same NIK"), "phone": self.tr("same phone number"),
                   "title": self.tr("similar title")}
        for hint in hints:
            why = ", ".join(reasons[r] for r in hint.reasons)
            when = formatting.date_short(hint.received_at, self._lang)
            text = f"{hint.number} · {when} · {STATUS.text(hint.status)} · {hint.title}  ({why})"
            item = QListWidgetItem(text)
            item.setToolTip(hint.title)
            ui.duplicateList.addItem(item)
        rows = min(ui.duplicateList.count(), 4)  # the list as tall as what it lists
        ui.duplicateList.setFixedHeight(rows * max(ui.duplicateList.sizeHintForRow(0), 16)
                                        + 2 * ui.duplicateList.frameWidth() + 4)
        ui.duplicatePanel.show()
        self._message(self.tr("Not saved yet: compare with the complaints listed above."))
        ui.duplicateContinueButton.setFocus()

    def _save_anyway(self) -> None:
        self._confirmed = _signature(self.form())
        self._hide_duplicates()
        self.submit()

    def _check_first(self) -> None:
        self._hide_duplicates()
        self._message(self.tr("Not saved. Ask the reporter whether it is the same matter; "
                              "the form keeps everything typed."))

    def _hide_duplicates(self) -> None:
        self.ui.duplicatePanel.hide()

    def _record(self, form: dict) -> None:
        assert self.intake is not None
        self._draft_timer.stop()  # the save removes the draft in its own transaction
        self._set_busy(True, self.tr("Saving…"))
        self._tasks.run(partial(self.intake.submit, form), self._recorded, self._record_failed,
                        changes=True)

    def _recorded(self, created: Any) -> None:
        self._set_busy(False)
        own = self.context.actor.agency if self.context else None
        self.load_form(new_form(own, "surat" if self.ui.suratRadio.isChecked() else "loket"))
        self.ui.draftLabel.setText("")
        self._message(self.tr("Recorded with provisional number %1. Hand the receipt to the "
                              "reporter.").replace("%1", created.provisional_number or ""))
        self.official.expect(created.complaint_id, created.provisional_number)
        self.recorded.emit(created.complaint_id)
        self.open_receipt(created.complaint_id)

    def _record_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._show_all_errors = True
            self._show_errors(dict(exc.errors))
            self._focus_first(exc.errors)
        elif isinstance(exc, DomainError):
            self._message(exc.message, error=True)
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._message(self.tr("Not saved; everything typed is kept. %1").replace(
            "%1", getattr(exc, "message", "") or ""), error=True)
        if not isinstance(exc, DomainError):
            self._tasks.report(exc)

    def _set_busy(self, busy: bool, message: str | None = None) -> None:
        self._busy = busy
        ready = self.context is not None
        for widget in (self.ui.submitButton, self.ui.importButton, self.ui.reprintButton,
                       self.ui.duplicateContinueButton):
            widget.setEnabled(not busy and ready)
        self.ui.scrollContents.setEnabled(not busy)
        if message is not None:
            self._message(message)

    # -- draft ----------------------------------------------------------------------------
    def save_draft(self) -> None:
        if self.intake is None or self._busy:
            return
        form = self.form()
        blank = new_form(form.get("agency_code"), form.get("channel"))
        if _signature(form) == _signature({**blank, "op_id": form["op_id"],
                                           "complaint_id": form["complaint_id"]}):
            return  # nothing typed yet
        self._tasks.run(partial(self.intake.save_draft, form), self._draft_saved)

    def _draft_saved(self, _result: object) -> None:
        stamp = formatting.time_short(clock().now(), self._lang)
        self.ui.draftLabel.setText(self.tr("Draft saved %1").replace("%1", stamp))

    def _confirm_clear(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Clear form"),
                          self.tr("Clear everything typed in this form? The draft is deleted "
                                  "too."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(partial(self._clear_answered, box))
        box.open()

    def _clear_answered(self, box: QMessageBox, _result: int) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.clear_form()

    def clear_form(self) -> None:
        own = self.context.actor.agency if self.context else None
        self._draft_timer.stop()
        self.load_form(new_form(own))
        self.ui.draftLabel.setText("")
        self._message("")
        if self.intake is not None:
            self._tasks.run(partial(self.intake.save_draft, None))

    # -- attachments ----------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos, scans or PDF"), "",
            self.tr("Photos, scans and PDF (*.jpg *.jpeg *.png *.webp *.pdf);;All files (*)"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        if self.intake is None:
            return
        for path in paths:
            self._tasks.run(partial(self.intake.stage_attachment, path), self._file_staged,
                            self._file_failed)

    def _file_staged(self, staged: Any) -> None:
        files = self.ui.attachmentList.files()
        if all(f["sha256"] != staged.sha256 for f in files):
            files.append(vars(staged).copy())
            self.ui.attachmentList.set_files(files)
        self._touched.add("attachments")
        self._changed()
        self.validate()

    def _file_failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        if not message:
            self._tasks.report(exc)
            return
        self.ui.attachmentsError.setText(message)
        self.ui.attachmentsError.show()

    def _remove_files(self) -> None:
        drop = self.ui.attachmentList.selected_hashes()
        if drop:
            self.ui.attachmentList.set_files(
                [f for f in self.ui.attachmentList.files() if f["sha256"] not in drop])
            self._changed()
            self.validate()

    # -- receipts -------------------------------------------------------------------------
    def open_receipt(self, number_or_id: str) -> ReceiptDialog | None:
        if self.intake is None or not str(number_or_id).strip():
            return None
        if self.receipt_dialog is not None:
            self.receipt_dialog.close()
            self.receipt_dialog.deleteLater()
        self.receipt_dialog = ReceiptDialog(self._tasks, self.intake, str(number_or_id).strip(),
                                            self)
        self.receipt_dialog.open()
        return self.receipt_dialog

    def _reprint(self) -> None:
        self.open_receipt(self.ui.reprintEdit.text())

    def reprint_receipt(self, complaint_id: str) -> None:
        """Print the complaint's receipt again as it is now (the official number once
        synced): in the open receipt dialog if it shows this complaint, else a new one."""
        dialog = self.receipt_dialog
        if dialog is None or not dialog.isVisible() or dialog.complaint_id != complaint_id:
            dialog = self.open_receipt(complaint_id)
        if dialog is not None:
            dialog.print_when_ready()

    # -- paper-log import -----------------------------------------------------------------
    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a paper log"), "",
            self.tr("Paper logs (*.csv *.xlsx);;All files (*)"))
        if path:
            self.start_import(path)

    def start_import(self, path: str) -> None:
        if self.intake is None or self._busy:
            return
        self._set_busy(True, self.tr("Checking %1…").replace("%1", path))
        self._tasks.run(partial(self.intake.plan_import, path), self._import_planned,
                        self._import_failed)

    def _import_planned(self, plan: Any) -> None:
        self._set_busy(False, "")
        self.import_dialog = ImportDialog(plan, self)
        self.import_dialog.accepted.connect(partial(self._run_import, plan))
        self.import_dialog.rejected.connect(partial(
            self._message, self.tr("Nothing was imported.")))
        self.import_dialog.open()

    def _run_import(self, plan: Any) -> None:
        assert self.intake is not None
        self._set_busy(True, self.tr("Importing…"))
        self._tasks.run(partial(self.intake.run_import, plan), self._imported,
                        self._import_failed, changes=True)

    def _imported(self, result: Any) -> None:
        self._set_busy(False)
        text = self.tr("%1 complaints imported, %2 skipped (already recorded).").replace(
            "%1", str(result.imported)).replace("%2", str(result.skipped))
        if result.numbers:
            text += " " + self.tr("Provisional numbers %1 to %2.").replace(
                "%1", result.numbers[0]).replace("%2", result.numbers[-1])
        self._message(text)
        self.imported.emit(result.imported)

    def _import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = getattr(exc, "message", None)
        if message:
            self._message(message, error=True)
        else:
            self._failed(exc)

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save import template"), f"{TEMPLATE_NAME}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if path:
            self.save_template(path)

    def save_template(self, path: str, done: Callable[[Any], None] | None = None) -> None:
        def saved(target: Any) -> None:
            self._message(self.tr("Import template saved: %1").replace("%1", str(target)))
            if done is not None:
                done(target)

        self._tasks.run(partial(write_template, path), saved, self._import_failed)


def _signature(form: dict[str, Any]) -> str:
    """A digest of the form's content, to know whether "save anyway" still applies."""
    data = json.dumps(form, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()

