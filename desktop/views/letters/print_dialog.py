"""Cetak Disposisi: issue, preview, print and save disposition sheets for one complaint or a
selection.

The preview shows the exact bytes that will go out: the archived letter once issued, a
draft (no agenda number yet) before. "Issue" gives every selected complaint without a
letter its agenda number (one transaction each, on the DB thread); another paper prints
the same letter, with the same number (its archived copy on that paper). "Print…" and
"Save PDF…" then use the archived bytes, so every copy is the archived sheet.
"""

from __future__ import annotations

from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QMessageBox, QWidget

from desktop.forms.ui_letter_print_dialog import Ui_LetterPrintDialog
from desktop.letters import SHEET_PAPERS, get_paper
from desktop.printing.archive import IssueOptions, LetterRecord
from desktop.printing.combine import combine_pdfs
from desktop.views.letters import jobs
from desktop.views.letters.alive import while_alive
from desktop.views.letters.printer import print_documents
from desktop.views.letters.void_dialog import LetterVoidDialog
from desktop.views.screen_fit import fit_to_screen
from desktop.views.signing_session import session_for

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def paper_label(key: str) -> str:
    return get_paper(key).label


class LetterPrintDialog(QDialog):
    """``LetterPrintDialog(tasks, service, complaint_ids, parent)``; ``issued`` fires after a
    successful issue or void (the queue refreshes through ``tasks.changed`` as well)."""

    issued = Signal()
    # The officer chose to complete the Kop Surat (issuing was refused without it).
    open_letterhead = Signal()

    def __init__(self, tasks: Any, service: Any, complaint_ids: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LetterPrintDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Print disposition sheet"))
        self._tasks = tasks
        self._service = service
        self._ids = list(dict.fromkeys(complaint_ids))
        self._loaded: jobs.Loaded | None = None
        self._generation = 0
        self._busy = False
        self.kop_box: QMessageBox | None = None  # the refusal offering the Kop Surat editor
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([330, 790])
        for key in SHEET_PAPERS:
            self.ui.paperCombo.addItem(paper_label(key), key)
        self.ui.outputBox.setVisible(len(self._ids) > 1)
        self.ui.complaintList.setSpacing(3)
        self.ui.previewTitle.setText(self.tr("Loading…"))
        self.ui.paperCombo.currentIndexChanged.connect(self._options_changed)
        self.ui.signerCombo.currentIndexChanged.connect(self._options_changed)
        self.ui.contentCheck.toggled.connect(self._options_changed)
        self.ui.complaintList.currentRowChanged.connect(self._show_current)
        self.ui.issueButton.clicked.connect(self.issue)
        self.ui.voidButton.clicked.connect(self.void_current)
        self.ui.printButton.clicked.connect(self.print_sheets)
        # clicked(checked=False) must not reach save_pdf's ``target``.
        self.ui.saveButton.clicked.connect(self._save_clicked)
        self.ui.closeButton.clicked.connect(self.reject)
        self._set_buttons()
        fit_to_screen(self)  # designed at 1120x760: a 1366x768 screen is smaller than that
        self.reload()

    def _run(self, fn: Any, on_success: Any, on_error: Any, **kwargs: Any) -> None:
        self._tasks.run(fn, while_alive(self, on_success), while_alive(self, on_error), **kwargs)

    # -- state ----------------------------------------------------------------------------
    @property
    def paper(self) -> str:
        return str(self.ui.paperCombo.currentData() or SHEET_PAPERS[0])

    def options(self) -> IssueOptions:
        return IssueOptions(paper=self.paper, signer_id=self.ui.signerCombo.currentData(),
                            include_content=self.ui.contentCheck.isChecked())

    @property
    def items(self) -> list[jobs.Item]:
        return self._loaded.items if self._loaded else []

    def current_item(self) -> jobs.Item | None:
        row = self.ui.complaintList.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def reload(self) -> None:
        self._run(partial(jobs.load, self._service, self._ids), self._loaded_arrived,
                        self._failed)

    def _loaded_arrived(self, loaded: jobs.Loaded) -> None:
        first = self._loaded is None
        self._loaded = loaded
        if first:
            self._fill_options(loaded)
        row = max(0, self.ui.complaintList.currentRow())
        self.ui.complaintList.blockSignals(True)
        self.ui.complaintList.clear()
        for item in loaded.items:
            entry = QListWidgetItem(self._item_text(item))
            entry.setData(ID_ROLE, item.complaint_id)
            self.ui.complaintList.addItem(entry)
        self.ui.complaintList.blockSignals(False)
        self.ui.complaintList.setCurrentRow(min(row, len(loaded.items) - 1))
        self.ui.numbersLabel.setText(self.tr(
            "Agenda numbers left on this desk for %1: %2. More are reserved from the central "
            "server at each sync.").replace("%1", str(loaded.year)).replace(
                "%2", str(loaded.free)))
        self._show_current()

    def _fill_options(self, loaded: jobs.Loaded) -> None:
        settings = loaded.settings
        index = self.ui.paperCombo.findData(settings.paper)
        self.ui.paperCombo.blockSignals(True)
        self.ui.paperCombo.setCurrentIndex(max(0, index))
        self.ui.paperCombo.blockSignals(False)
        combo = self.ui.signerCombo
        combo.blockSignals(True)
        combo.clear()
        for entry in settings.signers:  # the name fits the combo; the jabatan in the tooltip
            combo.addItem(entry.name.strip() or entry.label(), entry.id)
            combo.setItemData(combo.count() - 1, entry.label(), Qt.ItemDataRole.ToolTipRole)
        if not settings.signers:
            combo.addItem(self.tr("(no signer set: Settings › Letterhead)"), None)
        default = combo.findData(settings.default_signer)
        combo.setCurrentIndex(max(0, default))
        combo.blockSignals(False)

    def _item_text(self, item: jobs.Item) -> str:
        if not item.found:
            return self.tr("%1 — no longer on this desk").replace("%1", item.complaint_id[:8])
        record = item.active(self.paper)
        if record is not None:
            state = self.tr("No. Agenda %1").replace("%1", record.agenda_number)
        else:
            state = self.tr("not issued yet on %1").replace("%1", paper_label(self.paper))
        return f"{item.number} · {item.title}\n{state}"

    def _options_changed(self) -> None:
        if self._loaded is None:
            return
        for row, item in enumerate(self.items):
            self.ui.complaintList.item(row).setText(self._item_text(item))
        self._show_current()

    # -- preview --------------------------------------------------------------------------
    def _show_current(self) -> None:
        self._set_buttons()
        item = self.current_item()
        if item is None:
            return
        self._state_text(item)
        if not item.found:
            self.ui.preview.show_message(self.tr("This complaint is no longer on this desk."))
            return
        self._generation += 1
        self.ui.previewTitle.setText(self.tr("Preparing the preview…"))
        record = item.active()
        self._with_sealer(record is not None and record.paper != self.paper,
                          partial(self._preview, self._generation, item, self.options()),
                          partial(self._preview_unsigned, self._generation))

    def _preview(self, generation: int, item: jobs.Item, options: IssueOptions,
                 sealer: Any) -> None:
        if generation != self._generation:
            return
        self._run(partial(jobs.sheet_bytes, self._service, item, options, sealer),
                  partial(self._preview_arrived, generation, item),
                  partial(self._preview_failed, generation))

    def _preview_unsigned(self, generation: int) -> None:
        if generation != self._generation:
            return
        self.ui.previewTitle.clear()
        self.ui.preview.show_message(self.tr(
            "The sheet on this paper is made once, signed electronically: enter the "
            "certificate's passphrase to make it."))

    def _with_sealer(self, renders: bool, then: Any, cancelled: Any) -> None:
        """``then(sealer)``: at once when nothing new is rendered (or the session already
        signs), else once the session's sealer is known (the passphrase asked if need be);
        ``cancelled()`` when the officer cancels or the certificate is refused."""
        if renders and self._signing.sealer is None:
            self._signing.obtain(self._service, self, then, cancelled)
        else:
            then(self._signing.sealer)

    def _preview_arrived(self, generation: int, item: jobs.Item,
                         result: tuple[bytes, bool]) -> None:
        if generation != self._generation:
            return
        data, draft = result
        self.ui.preview.set_pdf(data)
        if draft:
            self.ui.previewTitle.setText(self.tr(
                "<b>Draft</b> — %1 · %2. The agenda number is given when the sheet is "
                "issued.").replace("%1", escape(item.number)).replace(
                    "%2", escape(paper_label(self.paper))))
        else:
            record = item.active(self.paper)
            self.ui.previewTitle.setText(self.tr(
                "<b>No. Agenda %1</b> — %2 · %3 · archived copy (SHA-256 %4…)").replace(
                    "%1", escape(record.agenda_number if record else "")).replace(
                    "%2", escape(item.number)).replace(
                    "%3", escape(paper_label(self.paper))).replace(
                    "%4", (record.sha256 or "")[:12] if record else ""))

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.ui.previewTitle.clear()
        self.ui.preview.show_message(getattr(exc, "message", None) or str(exc))

    def _state_text(self, item: jobs.Item) -> None:
        lines = []
        for record in item.letters:
            paper = paper_label(record.paper) if record.paper else self.tr("other desk")
            text = f"{escape(record.agenda_number)} · {escape(paper)}"
            if record.voided:
                reason = escape(record.void_reason or "")
                text = self.tr("<s>%1</s> voided: %2").replace("%1", text).replace("%2", reason)
            elif record.sync_state in ("pending", "sending"):
                text += " · " + self.tr("waiting to be sent")
            elif record.sync_state == "rejected":
                text += " · <span style='color:#b3261e'>" + self.tr("rejected by the server") \
                    + "</span>"
            lines.append(text)
        heading = self.tr("Letters of this complaint:") if lines else self.tr(
            "No letter issued for this complaint yet.")
        self.ui.stateLabel.setText("<br>".join([f"<b>{heading}</b>", *lines]))

    def _set_buttons(self) -> None:
        items = [i for i in self.items if i.found]
        missing = [i for i in items if i.active(self.paper) is None]
        current = self.current_item()
        ready = bool(items) and not missing and not self._busy
        self.ui.issueButton.setEnabled(bool(missing) and not self._busy)
        self.ui.issueButton.setText(
            self.tr("&Issue") if len(missing) <= 1 else
            self.tr("&Issue %1 sheets").replace("%1", str(len(missing))))
        self.ui.printButton.setEnabled(ready)
        self.ui.saveButton.setEnabled(ready)
        hint = "" if ready else self.tr("Issue the sheets first: only issued sheets are "
                                        "printed or saved.")
        self.ui.printButton.setToolTip(hint)
        self.ui.saveButton.setToolTip(hint)
        active = current.active(self.paper) if current is not None else None
        allowed = active is not None and current is not None \
            and active.letter_id in current.voidable
        self.ui.voidButton.setEnabled(not self._busy and allowed)
        self.ui.voidButton.setToolTip(
            "" if allowed or active is None else
            self.tr("Only an agency admin, a leader, or the officer of the level this "
                    "sheet was issued for may void it."))
        self.ui.paperCombo.setEnabled(not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_buttons()

    # -- commands -------------------------------------------------------------------------
    @property
    def _signing(self) -> Any:
        return session_for(self._tasks)

    def issue(self) -> None:
        """Issue the sheets, signed electronically when the desk has a certificate (its
        passphrase asked once per session; Batal issues nothing)."""
        if self._busy or not self.items:
            return
        self._set_busy(True)
        self._signing.obtain(self._service, self, self._issue_signed,
                             partial(self._set_busy, False))

    def _issue_signed(self, sealer: Any) -> None:
        self._run(partial(jobs.issue_many, self._service, list(self.items), self.options(),
                          sealer), self._issued, self._failed, changes=True)

    def _issued(self, result: jobs.IssueResult) -> None:
        self._set_busy(False)
        if result.issued:
            self.issued.emit()
        if result.errors:
            text = "\n".join(f"{number}: {message}" for number, message in result.errors)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not every sheet was issued"),
                              text, QMessageBox.StandardButton.Ok, self)
            if result.kop_incomplete:
                button = box.addButton(self.tr("Open Letterhead settings"),
                                       QMessageBox.ButtonRole.AcceptRole)
                box.setDefaultButton(button)
                button.clicked.connect(self._open_letterhead)
            self.kop_box = box
            box.open()
        self.reload()

    def _open_letterhead(self) -> None:
        self.open_letterhead.emit()
        self.reject()

    def void_current(self) -> None:
        item = self.current_item()
        record = item.active(self.paper) if item else None
        if item is None or record is None:
            return
        dialog = LetterVoidDialog(record.agenda_number, item.number, self)
        dialog.accepted.connect(partial(self._void, record, dialog))
        dialog.open()

    def _void(self, record: LetterRecord, dialog: LetterVoidDialog) -> None:
        from desktop.printing import void_letter

        self._set_busy(True)
        self._run(partial(void_letter, self._service, record.letter_id, dialog.reason),
                        self._voided, self._failed, changes=True)

    def _voided(self, _record: LetterRecord) -> None:
        self._set_busy(False)
        self.issued.emit()
        self.reload()

    def _records(self) -> list[LetterRecord]:
        records = [i.active(self.paper) for i in self.items if i.found]
        return [r for r in records if r is not None]

    def print_sheets(self) -> None:
        records = self._records()
        if not records:
            return
        self._with_sealer(any(r.paper != self.paper for r in records),
                          partial(self._print_signed, records), lambda: None)

    def _print_signed(self, records: list[LetterRecord], sealer: Any) -> None:
        self._run(partial(jobs.archived, self._service, records, self.paper, sealer),
                  partial(self._print_ready, records), self._failed)

    def _print_ready(self, records: list[LetterRecord], documents: list[bytes]) -> None:
        title = self.tr("Disposition sheet %1").replace("%1", records[0].agenda_number) \
            if len(records) == 1 else self.tr("%1 disposition sheets").replace(
                "%1", str(len(records)))
        try:
            print_documents(self, documents, title)
        except RuntimeError as exc:
            self._failed(exc)

    def _save_clicked(self) -> None:
        self.save_pdf()

    def save_pdf(self, target: str | None = None) -> None:
        """Save the issued sheets: one file, or (per complaint) one file each in a folder.
        ``target`` skips the file dialog (tests, scripting)."""
        records = self._records()
        if not records:
            return
        per_complaint = len(records) > 1 and self.ui.perComplaintRadio.isChecked()
        if target is None:
            if per_complaint:
                target = QFileDialog.getExistingDirectory(
                    self, self.tr("Folder for the disposition sheets"))
            else:
                name = records[0].filename if len(records) == 1 else \
                    f"Lembar-Disposisi-{len(records)}-pengaduan.pdf"
                target, _ = QFileDialog.getSaveFileName(
                    self, self.tr("Save disposition sheet"), name,
                    self.tr("PDF documents (*.pdf)"))
        if not target:
            return
        self._with_sealer(any(r.paper != self.paper for r in records),
                          partial(self._save_signed, records, Path(target), per_complaint),
                          lambda: None)

    def _save_signed(self, records: list[LetterRecord], target: Path, per_complaint: bool,
                     sealer: Any) -> None:
        self._run(partial(_save, self._service, records, target, per_complaint, self.paper,
                          sealer), self._saved, self._failed)

    def _saved(self, paths: list[Path]) -> None:
        self.ui.previewTitle.setText(self.tr("Saved: %1").replace(
            "%1", escape(", ".join(p.name for p in paths))))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Disposition sheet"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.open()


def _save(service: Any, records: list[LetterRecord], target: Path, per_complaint: bool,
          paper: str | None = None, sealer: Any = None) -> list[Path]:
    """DB thread: write the archived bytes (one file, or one per letter in ``target``)."""
    records = jobs.on_paper(service, records, paper, sealer)
    documents = jobs.archived(service, records)
    if per_complaint:
        target.mkdir(parents=True, exist_ok=True)
        paths = []
        for record, data in zip(records, documents, strict=True):
            path = target / (record.filename or f"{record.letter_id}.pdf")
            path.write_bytes(data)
            paths.append(path)
        return paths
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    target.write_bytes(combine_pdfs(documents))
    return [target]
