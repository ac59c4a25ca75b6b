"""English left in the Indonesian UI: every text a user can see or hover under a window.

Used by the screenshot scenes' ``--check`` (``desktop.screenshots.queue.clipped``)
and so by tests/test_screenshot_scenes.py, which opens every page and dialog the scenes
show at 1366x768, 100 % and 125 %. A word list, not a language detector: words that only
English uses in this app's vocabulary (words shared with Indonesian office usage, such as
"server", "status", "unit", "filter", "data", "total", "email", are not in it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

ENGLISH = frozenset("""
the and of to with from for your you this that these there here into
save cancel open print preview search settings sign name date reporter complaint complaints
queue outbox reports report help file files edit view close refresh needs attention loading
error warning yes select choose browse delete remove add new back next previous apply show
hide none today yesterday tomorrow week month year pending rejected sent send user password
username login logout copy paste undo redo paper letter letters receipt number numbers
verify dispose follow waiting reply due late overdue closed archive archived note notes
attachment attachments region category categories agency agencies title content anonymous
confidential draft issue issued void voided shortcut shortcuts keys action actions
""".split())
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_TAG = re.compile(r"<[^>]+>|\{[^}]*\}")  # markup, and {field} names of a format


def english_words(text: str) -> list[str]:
    """The English words of ``text`` (mnemonic ``&`` and HTML tags removed)."""
    plain = _TAG.sub(" ", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return [w for w in _WORD.findall(plain) if w.lower() in ENGLISH]


def visible_texts(root: Any) -> Iterator[tuple[str, str]]:
    """(where, text) for every text under ``root`` a user can see or hover: labels, buttons,
    group titles, tabs, placeholders, combo entries, table headers, tooltips, the window
    title, and the texts of its actions and menus."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTabBar,
        QTableView,
        QTreeView,
        QWidget,
    )

    if root.isWindow():
        yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = widget.objectName() or type(widget).__name__
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{name} tab", widget.tabText(i)
                yield f"{name} tab tooltip", widget.tabToolTip(i)
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            bar = widget.horizontalHeader() if isinstance(widget, QTableView) \
                else widget.header()
            for section in range(bar.count()):
                if bar.isSectionHidden(section):
                    continue
                header = widget.model().headerData(section, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield f"{name} header", header
    menus = root.findChildren(QMenu)
    for action in [*root.actions(), *(a for m in menus for a in m.actions())]:
        if action.isVisible():
            yield "action", action.text()
            if action.toolTip() != action.text().replace("&", ""):
                yield "action tooltip", action.toolTip()


def english_texts(root: Any) -> list[str]:
    """"where ('text'): English words" for each text under ``root`` with English in it."""
    found = []
    for where, text in visible_texts(root):
        words = english_words(text or "")
        if words:
            found.append(f"{where} ({text[:60]!r}): English {', '.join(sorted(set(words)))}")
    return found
