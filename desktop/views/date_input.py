"""How every date field of the desk behaves at the keyboard and in its calendar.

A bare QDateEdit (dd/MM/yyyy, calendar popup) fails an officer in three ways:

- Tab walks its sections, and on the "unknown" value (the minimum date shown as special
  text) it never leaves the field at all;
- typing a date is refused silently: a day typed while the month still makes the date fall
  below the minimum is dropped, a typed "/" skips a section;
- on "unknown" (2000-01-01) the calendar opens at Januari 2000.

``DateInput(edit)`` fixes all three: Tab and Shift+Tab leave the field (arrow keys still
move between and step its sections); digits typed are collected as ``dd/mm/yyyy`` ("/" "."
or "-" between parts, the slashes come by themselves) and applied when complete or when the
field is left, missing parts taken from the date shown (or today); a date outside the
field's range or no date at all is refused with a message (``feedback``, Indonesian); F4 or
Alt+Down opens the calendar, and the calendar of an "unknown" field opens at today's month
(the office's today).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QWidget

from core.clock import clock

SEPARATORS = "/.-"
DISPLAY = "dd/MM/yyyy"


class DateInput(QObject):
    """Installed on ``edit`` (its child: lives as long as the field). ``feedback(text)``
    says why a typed date was refused; an empty text once a typed date is taken."""

    feedback = Signal(str)

    def __init__(self, edit: QDateEdit, today: Callable[[], date] | None = None) -> None:
        super().__init__(edit)
        self._edit = edit
        self._today = today or (lambda: clock().today())
        self._typed: str | None = None
        edit.installEventFilter(self)
        if edit.calendarPopup():
            edit.calendarWidget().installEventFilter(self)

    @property
    def typing(self) -> str | None:
        """What the officer has typed and not yet applied (None: not typing)."""
        return self._typed

    def is_unknown(self) -> bool:
        """The field shows its special text (the minimum date stands for "no date")."""
        edit = self._edit
        return bool(edit.specialValueText()) and edit.date() == edit.minimumDate()

    # -- events ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is not self._edit:
            if kind == QEvent.Type.Show:
                self._today_page()
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.FocusOut and self._typed is not None:
            self.apply()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        opens = key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down
                                          and mods & Qt.KeyboardModifier.AltModifier)
        if opens and self._edit.calendarPopup():
            self.apply()
            self.open_calendar()
            return True
        if plain and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.apply()
            forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self._edit, forward)  # leave, whatever the section
            return True
        text = event.text()
        if plain and text and (text.isdigit() and text.isascii() or text in SEPARATORS):
            self._type(text)
            return True
        if self._typed is None:
            return False
        if key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1].rstrip("/")
            self._show(self._typed)
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        self.apply()
        return key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the field's arrow does (F4, Alt+Down)."""
        edit = self._edit
        x = 4 if edit.layoutDirection() == Qt.LayoutDirection.RightToLeft else edit.width() - 4
        where = QPointF(x, edit.height() / 2)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(edit, QMouseEvent(
                kind, where, edit.mapToGlobal(where), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress
                else Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
        self._today_page()

    def _today_page(self) -> None:
        if self.is_unknown():
            today = self._today()
            self._edit.calendarWidget().setCurrentPage(today.year, today.month)

    # -- typing ---------------------------------------------------------------------------
    def _type(self, char: str) -> None:
        typed = self._typed or ""
        parts = typed.split("/")
        if char in SEPARATORS:
            if parts[-1] and len(parts) < 3:
                typed += "/"
        elif len(parts) < 3 and len(parts[-1]) == 2:
            typed += "/" + char
        elif len(parts) < 3 or len(parts[-1]) < 4:
            typed += char
        self._typed = typed
        self._show(typed)
        if len(parts) == 3 and len(typed.split("/")[-1]) == 4:
            self.apply()

    def _show(self, text: str) -> None:
        line = self._edit.lineEdit()
        blocked = line.blockSignals(True)  # the spin box must not read half a date itself
        try:
            line.setText(text)
            line.setCursorPosition(len(text))
        finally:
            line.blockSignals(blocked)

    def cancel(self) -> None:
        """Forget what was typed and show the field's date again."""
        self._typed = None
        self._refresh()

    def _refresh(self) -> None:
        edit = self._edit
        self._show(edit.specialValueText() if self.is_unknown()
                   else edit.date().toString(DISPLAY))

    def apply(self) -> bool:
        """Take the typed date if it is one the field allows; else say why and keep the
        field's date. True when nothing was typed or the date was taken."""
        typed, self._typed = self._typed, None
        if typed is None:
            return True
        if not typed.strip("/"):
            self._refresh()
            return True
        edit = self._edit
        base = self._today() if self.is_unknown() else date(
            edit.date().year(), edit.date().month(), edit.date().day())
        value = parse_typed(typed, base)
        if value is None:
            self._refresh()
            example = QDate(base.year, base.month, base.day).toString(DISPLAY)
            self.feedback.emit(QCoreApplication.translate(
                "DateInput", "\"%1\" is not a date: type it as dd/mm/yyyy, for example %2.")
                .replace("%1", typed).replace("%2", example))
            return False
        wanted = QDate(value.year, value.month, value.day)
        low, high = edit.minimumDate(), edit.maximumDate()
        if edit.specialValueText():
            low = low.addDays(1)  # the minimum stands for "unknown", not for a date
        if not low <= wanted <= high:
            self._refresh()
            if wanted < low:
                text = QCoreApplication.translate(
                    "DateInput", "%1 cannot be used here: the earliest date allowed is %2.")
            else:
                text = QCoreApplication.translate(
                    "DateInput", "%1 cannot be used here: the latest date allowed is %2.")
            limit = low if wanted < low else high
            self.feedback.emit(text.replace("%1", wanted.toString(DISPLAY)).replace(
                "%2", limit.toString(DISPLAY)))
            return False
        edit.setDate(wanted)
        self._refresh()
        self.feedback.emit("")
        return True


def parse_typed(typed: str, base: date) -> date | None:
    """``15/12/2026``, ``15/12/26``, ``15/12`` or ``15`` (the rest from ``base``); None when
    it is no date."""
    parts = [p for p in typed.split("/")]
    if not parts[0] or len(parts) > 3 or not all(p.isdigit() for p in parts if p):
        return None
    day = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1] else base.month
    year_text = parts[2] if len(parts) > 2 and parts[2] else ""
    if not year_text:
        year = base.year
    elif len(year_text) <= 2:
        year = 2000 + int(year_text)
    elif len(year_text) == 4:
        year = int(year_text)
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def install(edit: QDateEdit, today: Callable[[], date] | None = None) -> DateInput:
    """Give ``edit`` the desk's date-field behaviour (see the module's docstring)."""
    return DateInput(edit, today)
