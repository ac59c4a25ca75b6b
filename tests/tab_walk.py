"""Walk a form by Tab as a keyboard-only officer does: which inputs are reached, and does
focus ever stay put (a trap)?"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton,
          QAbstractItemView)


@dataclass
class Walk:
    order: list[str] = field(default_factory=list)  # object names, in Tab order
    traps: list[str] = field(default_factory=list)  # where a Tab left focus where it was
    missed: list[str] = field(default_factory=list)  # enabled inputs never reached
    lost: int = 0  # Tabs after which no widget had the focus at all


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "<none>"
    return widget.objectName() or f"{type(widget).__name__}@{widget.parent().objectName()}"


def _is_part(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box: reached through its owner."""
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox)


def inputs(root: QWidget) -> list[QWidget]:
    """Every enabled, shown input under ``root`` that Tab should reach."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _is_part(widget):
            continue
        if not (widget.isVisibleTo(root) and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        found.append(widget)
    return found


def _key(widget: QWidget) -> object:
    """Tab enters an exclusive group of radio buttons once (at its checked button)."""
    if isinstance(widget, QRadioButton) and widget.autoExclusive():
        return ("radios", id(widget.parentWidget()))
    return id(widget)


def walk(root: QWidget, start: QWidget, extra: int = 10, *, backwards: bool = False) -> Walk:
    """Press Tab (Shift+Tab: ``backwards``) from ``start`` until every input could have been
    reached twice over."""
    wanted = inputs(root)
    keys = {_key(w): _name(w) for w in wanted}  # named now: a pane may rebuild its buttons
    reached: set[object] = set()
    result = Walk()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    for _ in range(2 * len(wanted) + extra):
        before = QApplication.focusWidget()
        reached.add(_key(before) if before is not None else None)
        result.order.append(_name(before))
        if before is None:  # the focus went nowhere: the officer's next Tab goes to the window
            result.lost += 1
        QTest.keyClick(before if before is not None else root.window(),
                       Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
        QApplication.processEvents()
        if before is not None and QApplication.focusWidget() is before:
            result.traps.append(_name(before))
    result.missed = sorted(name for key, name in keys.items() if key not in reached)
    return result
