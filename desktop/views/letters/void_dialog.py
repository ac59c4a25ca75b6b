"""Ask why a letter is voided (the reason is kept and synced; the number stays used)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.forms.ui_letter_void_dialog import Ui_LetterVoidDialog

MIN_REASON = 5


class LetterVoidDialog(QDialog):
    def __init__(self, agenda_number: str, complaint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LetterVoidDialog()
        self.ui.setupUi(self)
        self.ui.introLabel.setText(self.tr(
            "Void the disposition sheet <b>%1</b> of complaint %2? The agenda number stays "
            "used and is never given to another letter.").replace(
                "%1", escape(agenda_number)).replace("%2", escape(complaint)))
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Void letter"))
        self.ui.buttons.accepted.connect(self._accept)
        self.ui.buttons.rejected.connect(self.reject)

    @property
    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()

    def _accept(self) -> None:
        if len(self.reason) < MIN_REASON:
            self.ui.errorLabel.setText(self.tr("Write why the letter is voided (at least %1 "
                                               "characters).").replace("%1", str(MIN_REASON)))
            self.ui.reasonEdit.setFocus()
            return
        self.accept()
