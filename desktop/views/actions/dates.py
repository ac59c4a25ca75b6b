"""QDate <-> date, and the "n working days" wording of deadline hints."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate

from core import WorkingCalendar
from desktop import formatting


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def working_days_text(today: date, due: date, cal: WorkingCalendar, lang: str = "id") -> str:
    """``28 November 2026: 5 working days from today`` (plus a warning on a day off)."""
    days = cal.working_days_between(today, due)
    text = QCoreApplication.translate("Deadline", "%1: %2 working days from today").replace(
        "%1", formatting.date_long(due, lang, weekday=True)).replace("%2", str(days))
    if not cal.is_working_day(due):
        name = cal.holiday_name(due)
        if name:
            text += " " + QCoreApplication.translate("Deadline", "(a holiday: %1)").replace(
                "%1", name)
        else:
            text += " " + QCoreApplication.translate("Deadline", "(not a working day)")
    return text
