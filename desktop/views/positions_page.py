"""Pengaturan › Jabatan (issue 17): the agency's positions as a tree (jabatan, pejabat,
Plt./Plh. with dates, active). The agency's admin_instansi adds and changes them through the
server (``desktop.workflow.positions.save``, the path of ``lapor-desk positions set``, on
the network pool); the tree shows the change after the next sync, asked for at once. Other
roles see it read-only. The synced copy loads on the DB thread."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import Actor
from core.clock import clock
from core.org import ACTING_KINDS, ACTING_LABELS, Acting, Position


def _load(service: Any, actor: Actor | None) -> Any:
    from desktop.workflow import positions
    from desktop.workflow.actor import current_actor

    return positions.structure(service, actor or current_actor(service)[0])


def _client(service: Any) -> Any:
    from desktop.workflow import positions

    return positions.client(service)


def _save(server: Any, code: str, fields: dict[str, Any]) -> Any:
    from desktop.workflow import positions

    return positions.save(server, code, fields)


def _acting_text(actings: tuple[Acting, ...]) -> str:
    return "; ".join(f"{ACTING_LABELS.get(a.kind, a.kind)} {a.username} "
                     f"{a.start.strftime('%d-%m-%Y')} s.d. {a.end.strftime('%d-%m-%Y')}"
                     for a in actings)


class PositionDialog(QDialog):
    """Add or change one position: code (new only), title, parent, holder from the synced
    directory, one acting holder with a date range, inactive."""

    def __init__(self, structure: Any, position: Position | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("positionDialog")
        self.setWindowTitle(self.tr("Change Position") if position else self.tr("Add Position"))
        self.position = position
        form = QFormLayout()
        self.code = QLineEdit(position.code if position else "", self)
        self.code.setObjectName("codeEdit")
        self.code.setMaxLength(40)
        self.code.setEnabled(position is None)
        form.addRow(self.tr("&Code"), self.code)
        self.title = QLineEdit(position.title if position else "", self)
        self.title.setObjectName("titleEdit")
        self.title.setMaxLength(200)
        form.addRow(self.tr("Position &title"), self.title)
        self.parent_combo = QComboBox(self)
        self.parent_combo.setObjectName("parentCombo")
        self.parent_combo.addItem(self.tr("(none: head of the agency)"), None)
        for _depth, p in structure.rows:
            if position is None or p.code != position.code:
                self.parent_combo.addItem(f"{p.title} ({p.code})", p.code)
        form.addRow(self.tr("&Superior"), self.parent_combo)
        self.holder = self._users(structure, "holderCombo", self.tr("(vacant)"))
        form.addRow(self.tr("&Holder"), self.holder)
        self.acting_check = QCheckBox(self.tr("&Acting holder (Plt./Plh.)"), self)
        self.acting_check.setObjectName("actingCheck")
        form.addRow(self.acting_check)
        self.acting_kind = QComboBox(self)
        self.acting_kind.setObjectName("actingKind")
        for kind in ACTING_KINDS:
            self.acting_kind.addItem(ACTING_LABELS[kind], kind)
        self.acting_user = self._users(structure, "actingUser", None)
        acting_row = QHBoxLayout()
        acting_row.addWidget(self.acting_kind)
        acting_row.addWidget(self.acting_user, 1)
        form.addRow(self.tr("Acting &as"), acting_row)
        today = QDate(clock().today())
        self.acting_start, self.acting_end = QDateEdit(today, self), QDateEdit(today, self)
        for edit, name in ((self.acting_start, "actingStart"), (self.acting_end, "actingEnd")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        dates = QHBoxLayout()
        dates.addWidget(self.acting_start)
        dates.addWidget(QLabel(self.tr("until"), self))
        dates.addWidget(self.acting_end)
        form.addRow(self.tr("&From"), dates)
        self.inactive = QCheckBox(self.tr("&Inactive (no longer in the structure)"), self)
        self.inactive.setObjectName("inactiveCheck")
        form.addRow(self.inactive)
        self.error = QLabel(self)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.acting_check.toggled.connect(self._acting_on)
        if position is not None:
            self._select(self.parent_combo, position.parent)
            self._select(self.holder, position.holder)
            self.inactive.setChecked(not position.active)
            if position.actings:
                first = position.actings[0]
                self.acting_check.setChecked(True)
                self._select(self.acting_kind, first.kind)
                self._select(self.acting_user, first.username)
                self.acting_start.setDate(QDate(first.start))
                self.acting_end.setDate(QDate(first.end))
        self._acting_on(self.acting_check.isChecked())

    def _users(self, structure: Any, name: str, empty: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        if empty is not None:
            combo.addItem(empty, None)
        for username, full_name in structure.users:
            combo.addItem(f"{full_name} ({username})", username)
        return combo

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index < 0 and value:  # not (yet) in the synced directory: still shown
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _acting_on(self, on: bool) -> None:
        for widget in (self.acting_kind, self.acting_user, self.acting_start,
                       self.acting_end):
            widget.setEnabled(on)

    def fields(self) -> dict[str, Any]:
        """What ``PUT /positions/{code}`` takes; further actings of the position are kept."""
        actings = []
        if self.acting_check.isChecked() and self.acting_user.currentData():
            actings.append({"username": self.acting_user.currentData(),
                            "kind": self.acting_kind.currentData(),
                            "start": self.acting_start.date().toPython().isoformat(),
                            "end": self.acting_end.date().toPython().isoformat()})
        if self.position is not None:
            actings += [{"username": a.username, "kind": a.kind, "start": a.start.isoformat(),
                         "end": a.end.isoformat()} for a in self.position.actings[1:]]
        return {"title": self.title.text().strip(), "parent": self.parent_combo.currentData(),
                "holder": self.holder.currentData(), "actings": actings,
                "active": not self.inactive.isChecked()}

    def _accept(self) -> None:
        if not self.code.text().strip() or not self.title.text().strip():
            self.error.setText(self.tr("Fill in the code and the position title."))
            return
        if self.acting_check.isChecked() and (
                not self.acting_user.currentData()
                or self.acting_end.date() < self.acting_start.date()):
            self.error.setText(self.tr("An acting holder needs a person and an end date "
                                       "on or after the start date."))
            return
        self.accept()


class PositionsPage(QWidget):
    saved = Signal(str)  # code: the server took the change (the tree follows after a sync)

    def __init__(self, tasks: Any, service: Any = None, actor: Actor | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("positionsPage")
        self._tasks, self.service, self.actor = tasks, service, actor
        self.structure: Any = None
        self.dialog: PositionDialog | None = None
        self.message: QMessageBox | None = None
        self.loading = False
        # Asked after a change went through: a sync round brings it back (the window sets it).
        self.request_sync: Callable[[], None] = lambda: None
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setObjectName("positionsNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("positionsTree")
        self.tree.setHeaderLabels([self.tr("Position"), self.tr("Holder"),
                                   self.tr("Plt./Plh."), self.tr("Active")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add position…"), self)
        self.add_button.setObjectName("addPositionButton")
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button = QPushButton(self.tr("&Change position…"), self)
        self.edit_button.setObjectName("editPositionButton")
        self.edit_button.clicked.connect(self.edit_selected)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshPositionsButton")
        self.refresh_button.clicked.connect(self.reload)
        for button in (self.add_button, self.edit_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._editable(False)

    def _editable(self, on: bool) -> None:
        self.add_button.setVisible(on)
        self.edit_button.setVisible(on)

    def reload(self) -> None:
        if self.service is None:
            return
        self.loading = True
        self._tasks.run(partial(_load, self.service, self.actor), self._show,
                        lambda _exc: setattr(self, "loading", False))

    def _show(self, structure: Any) -> None:
        self.loading = False
        self.structure = structure
        picked = self.selected_code()
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for _depth, p in structure.rows:
            holder = next((f"{n} ({u})" for u, n in structure.users if u == p.holder),
                          p.holder or self.tr("(vacant)"))
            parent = items.get(p.parent or "")
            item = QTreeWidgetItem([p.title, holder, _acting_text(p.actings),
                                    self.tr("Yes") if p.active else self.tr("No")])
            item.setData(0, 256, p.code)  # Qt.UserRole
            item.setToolTip(0, p.code)
            if parent is not None:
                parent.addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            items[p.code] = item
            if p.code == picked:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._editable(structure.editable)
        self.note.setText(self._note(structure))

    def _note(self, structure: Any) -> str:
        if not structure.agency:  # nobody signed in: no agency whose structure to show
            return self.tr("Sign in to the central server to see your agency's positions.")
        if structure.editable:
            return self.tr("The positions of %1. A change goes to the central server and "
                           "reaches every desk of the agency on its next sync."
                           ).replace("%1", structure.agency)
        if not structure.rows:
            return self.tr("The positions of %1 are not on this desk yet: they arrive with "
                           "the next sync.").replace("%1", structure.agency)
        return self.tr("The positions of %1, as last synced. Only the agency's "
                       "administrator changes them.").replace("%1", structure.agency)

    def selected_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, 256) if item is not None else None

    def edit_selected(self) -> None:
        code = self.selected_code()
        if code is None or self.structure is None or not self.structure.editable:
            return
        found = next((p for _d, p in self.structure.rows if p.code == code), None)
        self.open_dialog(found)

    def open_dialog(self, position: Position | None) -> None:
        if self.structure is None or not self.structure.editable:
            return
        self.dialog = PositionDialog(self.structure, position, self)
        self.dialog.accepted.connect(partial(self._submit, self.dialog))
        self.dialog.open()

    def _submit(self, dialog: PositionDialog) -> None:
        code, fields = dialog.code.text().strip().upper(), dialog.fields()
        self.add_button.setEnabled(False)
        self.edit_button.setEnabled(False)

        def send(server: Any) -> None:  # GUI thread: the request goes to the network pool
            self._tasks.run_network(partial(_save, server, code, fields), self._saved,
                                    self._failed)

        self._tasks.run(partial(_client, self.service), send, self._failed)

    def _saved(self, found: dict[str, Any]) -> None:
        self.add_button.setEnabled(True)
        self.edit_button.setEnabled(True)
        self.saved.emit(str(found.get("code") or ""))
        self.request_sync()

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        self.edit_button.setEnabled(True)
        text = getattr(exc, "message", None) or str(exc)
        self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Positions"),
                                   self.tr("The change was not saved: %1").replace("%1", text),
                                   QMessageBox.StandardButton.Ok, self)
        self.message.open()
