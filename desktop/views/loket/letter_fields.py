"""The Loket's letter fields (kanal Surat, issue 17.6): asal surat, nomor surat and tanggal
surat, shown while "Surat" is chosen. The scanned letter goes in the attachments below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.views import date_input

NO_DATE = QDate(2000, 1, 1)  # the minimum: shown as "unknown"


class LetterFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterFields")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.origin = QLineEdit(self)
        self.origin.setObjectName("letterOriginEdit")
        self.origin.setMaxLength(200)
        self.origin.setPlaceholderText(self.tr("e.g. Kepala Desa Sungai Tabuk"))
        self.number = QLineEdit(self)
        self.number.setObjectName("letterNumberEdit")
        self.number.setMaxLength(100)
        self.date = QDateEdit(self)
        self.date.setObjectName("letterDateEdit")
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("Unknown"))
        self.date.setDate(NO_DATE)
        self.date_input = date_input.install(self.date)
        for caption, widget, stretch in ((self.tr("Letter from:"), self.origin, 3),
                                         (self.tr("Letter no.:"), self.number, 2),
                                         (self.tr("Letter date:"), self.date, 0)):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        self.origin.textChanged.connect(self.changed)
        self.number.textChanged.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def value(self) -> dict[str, Any] | None:
        """``{origin, number, date}`` (None when all are empty)."""
        day = self.date.date()
        out = {"origin": self.origin.text().strip() or None,
               "number": self.number.text().strip() or None,
               "date": None if day == NO_DATE else day.toString(Qt.DateFormat.ISODate)}
        return out if any(out.values()) else None

    def set_value(self, value: dict[str, Any] | None) -> None:
        value = value or {}
        self.origin.setText(str(value.get("origin") or ""))
        self.number.setText(str(value.get("number") or ""))
        day = value.get("date")
        self.date.setDate(QDate.fromString(day, Qt.DateFormat.ISODate) if day else NO_DATE)

    def chain_tabs(self, before: QWidget, after: QWidget) -> None:
        """Tab goes before → asal → nomor → tanggal → after."""
        order = [before, self.origin, self.number, self.date, after]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
