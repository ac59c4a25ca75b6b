"""Queue filters (category, region, unit, channel, classification, received dates) and the
officer's saved views. Presents and emits only: the owner applies the filter to the queue
model and stores saved views through desktop.tasks.

Each combo names its own "all" entry, so the panel needs no captions and fits the narrow
left column of a 1366x768 screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.enums import OPEN_STATUS
from desktop.views import date_input
from desktop.views.labels import CHANNEL, CLASSIFICATION, STATUS

# QueueFilter fields this panel owns (the view and the search belong to the main window).
FILTER_KEYS = ("status", "category_id", "kabkota_code", "kecamatan_code", "unit_code",
               "position_code", "channel", "classification", "date_from", "date_to")
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date edits: shown as "any date"


@dataclass
class FilterChoices:
    """What the combos offer, loaded once on the DB thread."""

    categories: list[tuple[str, str]] = field(default_factory=list)  # (id, indented name)
    kabkota: list[tuple[str, str]] = field(default_factory=list)
    kecamatan: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # by kabkota
    units: list[tuple[str, str]] = field(default_factory=list)  # (code, "name — agency")
    positions: list[tuple[str, str]] = field(default_factory=list)  # (code, "title — agency")


def load_choices(store: Any) -> FilterChoices:  # DB thread
    from core import Regions
    from core.regions import KECAMATAN
    from desktop.workflow.reference import category_items

    regions = Regions.load()
    kabkota = [(r.code, r.name) for r in regions.kabkota()]
    kecamatan = {code: [(r.code, r.name) for r in regions.children(code) if r.level == KECAMATAN]
                 for code, _ in kabkota}
    agencies = {a["code"]: a["name"] for a in store.agencies()}
    units, seen = [], set()
    for unit in store.units():
        if unit["code"] in seen:
            continue  # the queue filters by unit code across agencies
        seen.add(unit["code"])
        agency = agencies.get(unit["agency_code"], unit["agency_code"])
        units.append((unit["code"], f"{unit['name']} — {agency}"))
    positions, taken = [], set()
    synced = store.get_sync_state("org_positions", {}) or {}  # the chain's jabatan (issue 17)
    for pos in sorted(synced.values(), key=lambda p: (str(p.get("agency")), str(p.get("code")))):
        if pos.get("code") and pos["code"] not in taken:
            taken.add(pos["code"])  # the queue filters by position code across agencies
            agency = agencies.get(pos.get("agency"), pos.get("agency"))
            positions.append((pos["code"], f"{pos.get('title') or pos['code']} — {agency}"))
    return FilterChoices(category_items(store.categories()), kabkota, kecamatan, units,
                         positions)


def _combo(parent: QWidget, name: str, tip: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return combo


class FiltersPanel(QWidget):
    filter_changed = Signal(dict)  # {FILTER_KEYS: value or None}
    save_view_requested = Signal(str)  # a name for the current filter, view and sort
    saved_view_chosen = Signal(object)  # the saved view dict (DeskService.saved_views)
    delete_view_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filtersPanel")
        self._quiet = False
        self._views: list[dict] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        head = QHBoxLayout()
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("filtersToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet("font-weight: bold;")
        self.toggle.toggled.connect(self._expand)
        head.addWidget(self.toggle)
        head.addStretch(1)
        self.reset_button = QToolButton(self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setText(self.tr("Clear"))
        self.reset_button.setToolTip(self.tr("Clear all filters"))
        self.reset_button.setAutoRaise(True)
        self.reset_button.clicked.connect(self.clear)
        head.addWidget(self.reset_button)
        outer.addLayout(head)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        outer.addWidget(self.body)

        self.saved_combo = _combo(self.body, "savedViews", self.tr("Saved views"))
        self.saved_combo.activated.connect(self._saved_chosen)
        body.addWidget(self.saved_combo)
        saved = QHBoxLayout()
        saved.addStretch(1)
        self.save_button = QToolButton(self.body)
        self.save_button.setObjectName("saveView")
        self.save_button.setText(self.tr("Save view"))
        self.save_button.setToolTip(self.tr("Save the current view, filters and sorting "
                                            "under a name"))
        self.save_button.clicked.connect(self._ask_name)
        saved.addWidget(self.save_button)
        self.delete_button = QToolButton(self.body)
        self.delete_button.setObjectName("deleteView")
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the chosen saved view"))
        self.delete_button.clicked.connect(self._delete_chosen)
        saved.addWidget(self.delete_button)
        body.addLayout(saved)

        self.status = _combo(self.body, "statusFilter", self.tr("Status"))
        self.category = _combo(self.body, "categoryFilter", self.tr("Category"))
        self.kabkota = _combo(self.body, "kabkotaFilter", self.tr("Regency / city"))
        self.kecamatan = _combo(self.body, "kecamatanFilter", self.tr("District"))
        self.unit = _combo(self.body, "unitFilter", self.tr("Unit"))
        self.position = _combo(self.body, "positionFilter",
                               self.tr("Position (disposed to it through the chain)"))
        self.channel = _combo(self.body, "channelFilter", self.tr("Channel"))
        self.classification = _combo(self.body, "classificationFilter",
                                     self.tr("Classification"))
        for combo in (self.status, self.category, self.kabkota, self.kecamatan, self.unit,
                      self.position, self.channel, self.classification):
            body.addWidget(combo)
            combo.currentIndexChanged.connect(self._changed)
        self.kabkota.currentIndexChanged.connect(self._fill_kecamatan)

        dates = QFormLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_from = self._date_edit("dateFrom", self.tr("any date"))
        self.date_to = self._date_edit("dateTo", self.tr("any date"))
        dates.addRow(QLabel(self.tr("From"), self.body), self.date_from)
        dates.addRow(QLabel(self.tr("To"), self.body), self.date_to)
        body.addLayout(dates)
        # A typed date the field refused (not a date, before 2000): said under the dates.
        self.date_error = QLabel(self.body)
        self.date_error.setObjectName("dateFilterError")
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet("color: #b3261e;")
        self.date_error.hide()
        body.addWidget(self.date_error)
        # Typed dd/mm/yyyy, Tab leaves, F4 opens the calendar (at today on "any date").
        self.date_from_input = date_input.install(self.date_from)
        self.date_to_input = date_input.install(self.date_to)
        for date_field in (self.date_from_input, self.date_to_input):
            date_field.feedback.connect(self._date_feedback)

        self.set_choices(FilterChoices())
        self.set_saved_views([])
        self.toggle.setChecked(False)
        self._expand(False)

    def _date_edit(self, name: str, none_text: str) -> QDateEdit:
        edit = QDateEdit(self.body)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(none_text)
        edit.setDate(NO_DATE)
        edit.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        edit.dateChanged.connect(self._changed)
        return edit

    def _date_feedback(self, message: str) -> None:
        self.date_error.setText(message)
        self.date_error.setVisible(bool(message))

    # --- choices --------------------------------------------------------------------------
    def set_choices(self, choices: FilterChoices) -> None:
        self._quiet = True
        current = self.values()
        self._choices = choices
        self._fill(self.status, self.tr("All statuses"),
                   [(OPEN_STATUS, self.tr("Not completed yet"))]
                   + [(code, STATUS.text(code)) for code in STATUS])
        self._fill(self.category, self.tr("All categories"), choices.categories)
        self._fill(self.kabkota, self.tr("All regencies / cities"), choices.kabkota)
        self._fill(self.unit, self.tr("All units"), choices.units)
        self._fill(self.position, self.tr("All positions"), choices.positions)
        self._fill(self.channel, self.tr("All channels"),
                   [(c, CHANNEL.text(c)) for c in CHANNEL])
        self._fill(self.classification, self.tr("All classifications"),
                   [(c, CLASSIFICATION.text(c)) for c in CLASSIFICATION])
        self._fill_kecamatan()
        self._quiet = False
        self.set_values(current)

    def _fill(self, combo: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for code, name in items:
            combo.addItem(name, code)
        combo.blockSignals(False)

    def _fill_kecamatan(self) -> None:
        kabkota = self.kabkota.currentData()
        self._fill(self.kecamatan, self.tr("All districts"),
                   self._choices.kecamatan.get(kabkota, []) if kabkota else [])
        self.kecamatan.setEnabled(bool(kabkota))

    # --- values -----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        def day(edit: QDateEdit) -> date | None:
            value = edit.date()
            return None if value == NO_DATE else date(value.year(), value.month(), value.day())

        return {"status": self.status.currentData(),
                "category_id": self.category.currentData(),
                "kabkota_code": self.kabkota.currentData(),
                "kecamatan_code": self.kecamatan.currentData(),
                "unit_code": self.unit.currentData(),
                "position_code": self.position.currentData(),
                "channel": self.channel.currentData(),
                "classification": self.classification.currentData(),
                "date_from": day(self.date_from), "date_to": day(self.date_to)}

    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` (e.g. of a saved view) without emitting per widget."""
        self._quiet = True
        for combo, key in ((self.status, "status"), (self.category, "category_id"),
                           (self.kabkota, "kabkota_code"),
                           (self.unit, "unit_code"), (self.position, "position_code"),
                           (self.channel, "channel"),
                           (self.classification, "classification")):
            index = combo.findData(values.get(key))
            combo.setCurrentIndex(max(0, index))
        self._fill_kecamatan()
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(values.get(
            "kecamatan_code"))))
        for edit, key in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            value = values.get(key)
            edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self._quiet = False
        self._update_title()

    def active_count(self) -> int:
        return sum(1 for v in self.values().values() if v is not None)

    def clear(self) -> None:
        self.set_values({})
        self.filter_changed.emit(self.values())

    def _changed(self) -> None:
        if self._quiet:
            return
        self._update_title()
        self.filter_changed.emit(self.values())

    def _update_title(self) -> None:
        count = self.active_count()
        self.toggle.setText(self.tr("Filters (%1)").replace("%1", str(count)) if count
                            else self.tr("Filters"))
        self.reset_button.setVisible(count > 0)

    def _expand(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._update_title()

    # --- saved views ------------------------------------------------------------------------
    def set_saved_views(self, views: list[dict]) -> None:
        self._views = list(views)
        self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("Saved views…"), None)
        self.saved_combo.setEnabled(bool(views))
        self.saved_combo.setToolTip(self.tr("Saved views") if views
                                    else self.tr("No saved views yet"))
        for view in views:
            self.saved_combo.addItem(view["name"], view["id"])
        self.saved_combo.blockSignals(False)
        self.delete_button.setEnabled(False)

    def _saved_chosen(self, index: int) -> None:
        view_id = self.saved_combo.itemData(index)
        self.delete_button.setEnabled(view_id is not None)
        view = next((v for v in self._views if v["id"] == view_id), None)
        if view is not None:
            self.saved_view_chosen.emit(view)

    def _delete_chosen(self) -> None:
        view_id = self.saved_combo.currentData()
        if view_id is not None:
            self.delete_view_requested.emit(int(view_id))

    def _ask_name(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("saveViewDialog")
        dialog.setWindowTitle(self.tr("Save view"))
        dialog.setLabelText(self.tr("Name of this view:"))
        dialog.setOkButtonText(self.tr("Save"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.textValueSelected.connect(self._named)
        dialog.open()
        self.name_dialog = dialog

    def _named(self, name: str) -> None:
        if name.strip():
            self.save_view_requested.emit(name.strip())
