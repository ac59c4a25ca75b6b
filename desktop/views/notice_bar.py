"""A notice bar: a line of text with a button or two, shown inside a page or window where
the officer is already looking. Non-blocking: it never takes the keyboard focus, and it
stays until the officer acts on it or closes it (or the next notice replaces it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

STYLES = {
    "info": "QFrame#%s { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 4px; }",
    "warning": "QFrame#%s { background: #fdecea; border: 1px solid #f4b8b3; "
               "border-radius: 4px; }",
}


class NoticeBar(QFrame):
    """``show_notice(text, [(button text, callback), ...])``; hidden until then."""

    def __init__(self, parent: QWidget | None = None, name: str = "noticeBar") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName(f"{name}Close")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close this notice"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.close_button)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_notice(self, text: str,
                    actions: Sequence[tuple[str, Callable[[], None]]] = (),
                    kind: str = "info") -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for caption, callback in actions:
            button = QPushButton(caption, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steals the typing
            button.clicked.connect(callback)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.setStyleSheet(STYLES.get(kind, STYLES["info"]) % self.objectName())
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.hide()
