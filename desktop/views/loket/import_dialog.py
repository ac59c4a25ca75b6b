"""Review a paper-log import: every bad row with its line, column and reason; the officer
chooses to import only the valid rows or nothing at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from desktop.forms.ui_loket_import import Ui_LoketImportDialog

if TYPE_CHECKING:
    from desktop.intake.importer import ImportPlan


class ImportDialog(QDialog):
    """Accepted: import the plan's new valid rows. Rejected: import nothing."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoketImportDialog()
        self.ui.setupUi(self)
        self.plan = plan
        ui = self.ui
        ui.fileLabel.setText(str(plan.path))
        new, bad = len(plan.new_rows), plan.invalid_lines
        ui.summaryLabel.setText(
            self.tr("%1 rows read: %2 ready to import, %3 recorded by an earlier import, "
                    "%4 with problems.").replace("%1", str(plan.rows_read)).replace(
                "%2", str(new)).replace("%3", str(plan.recorded + plan.repeated)).replace(
                "%4", str(bad)))
        table = ui.errorTable
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move in it
        table.setRowCount(len(plan.errors))
        for row, issue in enumerate(plan.errors):
            for col, text in enumerate((str(issue.line), issue.column or "—", issue.message)):
                table.setItem(row, col, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setVisible(bool(plan.errors))
        if not new:
            ui.choiceLabel.setText(self.tr("There is nothing new to import."))
            ui.importButton.setEnabled(False)
            ui.cancelButton.setText(self.tr("Close"))
        elif plan.errors:
            ui.choiceLabel.setText(self.tr(
                "Rows with problems are never imported. Import only the valid rows now (fix "
                "the others and import the file again later: rows already recorded are "
                "skipped), or import nothing and fix the file first?"))
            ui.importButton.setText(self.tr("Import valid rows only (%1)").replace("%1", str(new)))
            ui.cancelButton.setText(self.tr("Import nothing"))
        else:
            ui.choiceLabel.setText(self.tr("Every row is valid."))
            ui.importButton.setText(self.tr("Import %1 complaints").replace("%1", str(new)))
            ui.cancelButton.setText(self.tr("Cancel"))
        ui.importButton.clicked.connect(self.accept)
        ui.cancelButton.clicked.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.ui.errorTable.resizeRowsToContents()  # now that the columns have their width
