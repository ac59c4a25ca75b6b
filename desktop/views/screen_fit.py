"""Keep a window on the screen it opens on.

A desk PC is often a 1366x768 laptop, sometimes at 125 % scaling (1093x614 logical pixels,
less the taskbar): a dialog designed at 1120x760 loses its buttons below the screen's edge.
``fit_to_screen`` shrinks a window to the screen's available area (title bar and frame
included) and centres it there, over its parent when it has one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for what the window manager adds around the client area (title bar, borders).
FRAME = QSize(16, 48)


def available_geometry(widget: QWidget) -> QRect:
    """The available area (without taskbars) of the screen ``widget`` (or its parent) is on."""
    for candidate in (widget.parentWidget(), widget):
        if candidate is not None:
            screen = candidate.screen()
            if screen is not None:
                return screen.availableGeometry()
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget, available: QRect | None = None) -> QSize:
    """Shrink ``widget`` (a window) to fit ``available`` (default: its screen's available
    area) and centre it there, over its parent if any; returns the new client size."""
    area = available if available is not None else available_geometry(widget)
    width = max(1, min(widget.width(), area.width() - FRAME.width()))
    height = max(1, min(widget.height(), area.height() - FRAME.height()))
    widget.resize(width, height)
    size = widget.size()  # a layout may keep the window at its minimum size
    parent = widget.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    outer = size + FRAME  # move() places the frame, not the client area
    x = _clamp(centre.x() - outer.width() // 2, area.left(), area.right() + 1 - outer.width())
    y = _clamp(centre.y() - outer.height() // 2, area.top(),
               area.bottom() + 1 - outer.height())
    widget.move(x, y)
    return size


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))
