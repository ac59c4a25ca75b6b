"""Disposisi ke Jabatan (issue 17): from a position the officer holds (or acts in) to the
positions below it, with tembusan, the instruction checkboxes, a catatan and a deadline in
working days ("0": the one above). Pure widgets: the caller loads the chart on the DB
thread and records the op there (``payload()`` is what ``workflow.chain.act`` takes)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import DISPOSITION_INSTRUCTIONS
from core.chain import MAX_DEADLINE_DAYS
from core.org import OrgChart


class ChainDisposeDialog(QDialog):
    def __init__(self, chart: OrgChart, senders: list[str], parent_entry: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainDisposeDialog")
        self.setWindowTitle(self.tr("Disposition to a Position"))
        self.chart, self.parent_entry = chart, parent_entry
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.sender = QComboBox(self)
        self.sender.setObjectName("senderCombo")
        for code in senders:
            self.sender.addItem(chart.positions[code].title, code)
        form.addRow(self.tr("From position"), self.sender)
        self.recipients = self._list("recipientsList")
        form.addRow(self.tr("To"), self.recipients)
        self.copies = self._list("tembusanList")
        form.addRow(self.tr("Copy to (tembusan)"), self.copies)
        box = QGroupBox(self.tr("Instructions"), self)
        inner = QVBoxLayout(box)
        self.instructions: list[QCheckBox] = []
        for text in DISPOSITION_INSTRUCTIONS:
            check = QCheckBox(text, box)  # the sheet's own Indonesian wording
            inner.addWidget(check)
            self.instructions.append(check)
        layout.addWidget(box)
        self.catatan = QPlainTextEdit(self)
        self.catatan.setObjectName("catatanEdit")
        self.catatan.setTabChangesFocus(True)
        self.catatan.setMaximumHeight(80)
        form2 = QFormLayout()
        layout.addLayout(form2)
        form2.addRow(self.tr("Note (only the recipients read it)"), self.catatan)
        self.days = QSpinBox(self)
        self.days.setObjectName("daysSpin")
        self.days.setRange(0, MAX_DEADLINE_DAYS)
        self.days.setSpecialValueText(self.tr("as the disposition above"))
        self.days.setSuffix(self.tr(" working days"))
        form2.addRow(self.tr("Deadline"), self.days)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.sender.currentIndexChanged.connect(self._fill)
        self._fill()

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setMaximumHeight(110)
        return widget

    def _fill(self) -> None:
        code = self.sender.currentData()
        self.recipients.clear()
        self.copies.clear()
        for pos in sorted(self.chart.positions.values(), key=lambda p: p.code):
            if pos.code == code:
                continue
            holders = ", ".join(self.chart.holders(pos.code, _today())) or self.tr("vacant")
            target = self.recipients if self.chart.may_receive(code, pos.code) else self.copies
            item = QListWidgetItem(f"{pos.title} ({holders})", target)
            item.setData(Qt.ItemDataRole.UserRole, pos.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        # A position below may also only be copied: every position is offered as tembusan.
        for row in range(self.recipients.count()):
            source = self.recipients.item(row)
            item = QListWidgetItem(source.text(), self.copies)
            item.setData(Qt.ItemDataRole.UserRole, source.data(Qt.ItemDataRole.UserRole))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [widget.item(r).data(Qt.ItemDataRole.UserRole) for r in range(widget.count())
                if widget.item(r).checkState() == Qt.CheckState.Checked]

    def payload(self) -> dict[str, Any]:
        """The chain_dispose payload, with fresh entry ids (fixed now: a retry of the same
        submit records nothing twice)."""
        copies = [c for c in self._checked(self.copies) if c not in self._checked(
            self.recipients)]
        return {
            "from_position": self.sender.currentData(),
            "parent_id": (self.parent_entry or {}).get("id"),
            "recipients": [{"id": str(uuid.uuid4()), "position": p}
                           for p in self._checked(self.recipients)],
            "tembusan": [{"id": str(uuid.uuid4()), "position": p} for p in copies],
            "instructions": [c.text() for c in self.instructions if c.isChecked()],
            "catatan": self.catatan.toPlainText().strip() or None,
            "deadline_days": self.days.value() or None,
        }


def _today() -> Any:
    from core.clock import clock

    return clock().today()
