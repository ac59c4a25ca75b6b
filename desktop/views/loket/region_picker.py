"""Kabupaten/kota -> kecamatan -> desa/kelurahan of Kalimantan Selatan, three linked lists
over ``core.Regions`` (the wilayah-63 reference CSV)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from core import Regions
from core.regions import normalize_region_code


class RegionPicker(QWidget):
    """``region_code()`` is the deepest level chosen (None: nothing); ``changed`` tells."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions: Regions | None = None
        self.kabkota = self._combo("kabkotaCombo", self.tr("Regency/city…"))
        self.kecamatan = self._combo("kecamatanCombo", self.tr("District (kecamatan)…"))
        self.desa = self._combo("desaCombo", self.tr("Village (desa/kelurahan)…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        for combo in (self.kabkota, self.kecamatan, self.desa):
            layout.addWidget(combo)
        self.setFocusProxy(self.kabkota)
        self.kabkota.currentIndexChanged.connect(self._kabkota_changed)
        self.kecamatan.currentIndexChanged.connect(self._kecamatan_changed)
        self.desa.currentIndexChanged.connect(self._emit)
        self._silent = False

    def _combo(self, name: str, placeholder: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setPlaceholderText(placeholder)
        combo.setMaxVisibleItems(20)
        return combo

    def set_regions(self, regions: Regions) -> None:
        self._regions = regions
        self._fill(self.kabkota, [(r.code, r.name) for r in regions.kabkota()])
        self._fill(self.kecamatan, [])
        self._fill(self.desa, [])

    def region_code(self) -> str | None:
        for combo in (self.desa, self.kecamatan, self.kabkota):
            if combo.currentIndex() >= 0:
                return combo.currentData()
        return None

    def set_region_code(self, code: str | None) -> None:
        """Select ``code`` (any level, dotted or not); unknown or None clears the choice."""
        parts = normalize_region_code(code or "").split(".")
        chain = [".".join(parts[:n]) for n in (2, 3, 4) if len(parts) >= n]
        self._silent = True
        try:
            self.kabkota.setCurrentIndex(-1)
            for combo, value in zip((self.kabkota, self.kecamatan, self.desa), chain,
                                    strict=False):
                index = combo.findData(value)
                combo.setCurrentIndex(index)
                if index < 0:
                    break
        finally:
            self._silent = False
        self._emit()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        for code, name in items:
            combo.addItem(name, code)
        combo.setCurrentIndex(-1)
        combo.setEnabled(bool(items))
        combo.blockSignals(False)

    def _children(self, code: str | None) -> list[tuple[str, str]]:
        if not code or self._regions is None:
            return []
        return [(r.code, r.name) for r in self._regions.children(code)]

    def _kabkota_changed(self) -> None:
        self._fill(self.kecamatan, self._children(self.kabkota.currentData()))
        self._fill(self.desa, [])
        self._emit()

    def _kecamatan_changed(self) -> None:
        self._fill(self.desa, self._children(self.kecamatan.currentData()))
        self._emit()

    def _emit(self) -> None:
        if not self._silent:
            self.changed.emit(self.region_code())
