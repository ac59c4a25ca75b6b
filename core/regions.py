"""Administrative regions (Kepmendagri codes) from the bundled reference CSVs.

``wilayah-provinsi-kabkota.csv`` lists every province and regency (for NIK checks and
out-of-province reporters); ``wilayah-63-kalimantan-selatan.csv`` goes down to
desa/kelurahan in Kalimantan Selatan. Both have columns ``kode,nama,tingkat``.
"""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import NamedTuple

FILES = ("wilayah-provinsi-kabkota.csv", "wilayah-63-kalimantan-selatan.csv")
HOME_PROVINCE = "63"

PROVINSI = "provinsi"
KABUPATEN_KOTA = "kabupaten_kota"
KECAMATAN = "kecamatan"
DESA_KELURAHAN = "desa_kelurahan"


class Region(NamedTuple):
    code: str
    name: str
    level: str


# Digits per level of a Kepmendagri code: province, regency, district, village.
_LEVEL_DIGITS = (2, 2, 2, 4)
_UNDOTTED_LENGTHS = {2: 1, 4: 2, 6: 3, 10: 4}  # digits -> levels


def normalize_region_code(code: str) -> str:
    """A region code in the dotted form the domain uses: offices write Kota Banjarmasin
    "6371" as often as "63.71" (likewise "637101" for "63.71.01" and "6371011001" for
    "63.71.01.1001"). Dotted codes and anything that is not such a run of digits come back
    as they are (stripped): whether the code exists is for the caller to check."""
    text = code.strip()
    levels = _UNDOTTED_LENGTHS.get(len(text))
    if levels is None or not (text.isascii() and text.isdigit()):
        return text
    parts, start = [], 0
    for width in _LEVEL_DIGITS[:levels]:
        parts.append(text[start:start + width])
        start += width
    return ".".join(parts)


def parent_code(code: str) -> str | None:
    """``63.71.01`` -> ``63.71``; a province has no parent."""
    return code.rsplit(".", 1)[0] if "." in code else None


class Regions:
    """Lookup over all loaded regions. Use ``Regions.load()`` (cached) in application code."""

    _cached: Regions | None = None
    _lock = threading.Lock()

    def __init__(self, regions: list[Region]):
        self._by_code: dict[str, Region] = {}
        self._children: dict[str | None, list[Region]] = {}
        for region in regions:
            if region.code in self._by_code:
                continue
            self._by_code[region.code] = region
            self._children.setdefault(parent_code(region.code), []).append(region)

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Regions:
        """Regions from the reference CSVs; the default directory's result is cached."""
        if directory is not None:
            return cls(_read_dir(Path(directory)))
        with cls._lock:
            if cls._cached is None:
                from core.resources import resource

                cls._cached = cls(_read_dir(resource("reference")))
            return cls._cached

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def exists(self, code: str) -> bool:
        return code in self._by_code

    def name(self, code: str) -> str | None:
        region = self._by_code.get(code)
        return region.name if region else None

    def level(self, code: str) -> str | None:
        region = self._by_code.get(code)
        return region.level if region else None

    def children(self, code: str | None) -> list[Region]:
        """Direct children of ``code``; ``None`` gives the provinces."""
        return list(self._children.get(code, ()))

    def provinces(self) -> list[Region]:
        return self.children(None)

    def kabkota(self, province: str = HOME_PROVINCE) -> list[Region]:
        """Kabupaten/kota of ``province`` (default Kalimantan Selatan)."""
        return [r for r in self.children(province) if r.level == KABUPATEN_KOTA]

    def kabkota_of(self, code: str) -> str | None:
        """The regency code (``63.71``) a deeper code belongs to, if known."""
        parts = code.split(".")
        if len(parts) < 2:
            return None
        regency = ".".join(parts[:2])
        return regency if regency in self._by_code else None

    def path(self, code: str) -> list[Region]:
        """Province-first chain down to ``code`` (only the known levels)."""
        chain: list[Region] = []
        current: str | None = code
        while current:
            region = self._by_code.get(current)
            if region:
                chain.append(region)
            current = parent_code(current)
        return list(reversed(chain))

    def full_name(self, code: str) -> str | None:
        """``"Kel. X, Kec. Y, Kota Z, Prov"``-style readable name, lowest level first."""
        chain = self.path(code)
        return ", ".join(r.name for r in reversed(chain)) if chain else None

    def __len__(self) -> int:
        return len(self._by_code)


def _read_dir(directory: Path) -> list[Region]:
    regions: list[Region] = []
    for filename in FILES:
        path = directory / filename
        if not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                code = (row.get("kode") or "").strip()
                if code:
                    name = (row.get("nama") or "").strip()
                    regions.append(Region(code, name, (row.get("tingkat") or "").strip()))
    return regions
