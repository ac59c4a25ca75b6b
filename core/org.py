"""An agency's organisation structure: positions (jabatan) in a tree, their holders and
acting holders (Plt./Plh.) for a date range. Pure: built from plain dicts (server rows,
the desk's synced copy) and asked who may dispose from where to where."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import ValidationError

ACTING_KINDS = ("plt", "plh")  # Pelaksana Tugas (vacant post), Pelaksana Harian (absence)
ACTING_LABELS = {"plt": "Plt.", "plh": "Plh."}
ACTING_FIELDS = ("username", "kind", "start", "end")
ACTING_OPTION_FORMAT = "PENGGUNA:plt|plh:YYYY-MM-DD:YYYY-MM-DD"
CODE_MAX = 40
TITLE_MAX = 200


@dataclass(frozen=True)
class Acting:
    username: str
    kind: str  # plt | plh
    start: date
    end: date

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Position:
    """One jabatan. ``code`` is unique in its agency; ``parent`` None is the head."""

    agency: str
    code: str
    title: str
    parent: str | None = None
    holder: str | None = None
    actings: tuple[Acting, ...] = ()
    active: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"agency": self.agency, "code": self.code, "title": self.title,
                "parent": self.parent, "holder": self.holder, "active": self.active,
                "actings": [{"username": a.username, "kind": a.kind,
                             "start": a.start.isoformat(), "end": a.end.isoformat()}
                            for a in self.actings]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Position:
        return cls(agency=str(data["agency"]), code=str(data["code"]),
                   title=str(data.get("title") or data["code"]),
                   parent=data.get("parent") or None, holder=data.get("holder") or None,
                   active=bool(data.get("active", True)),
                   actings=tuple(Acting(str(a["username"]), str(a.get("kind") or "plt"),
                                        date.fromisoformat(str(a["start"])),
                                        date.fromisoformat(str(a["end"])))
                                 for a in data.get("actings") or ()))


@dataclass
class OrgChart:
    """The positions of one agency, and whether it lets a position dispose to any level
    below it (``any_level``) or only to the positions directly below (the default)."""

    agency: str
    positions: dict[str, Position] = field(default_factory=dict)
    any_level: bool = False

    @classmethod
    def of(cls, agency: str, positions: Iterable[Position | Mapping[str, Any]],
           any_level: bool = False) -> OrgChart:
        chart = cls(agency, {}, any_level)
        for item in positions:
            pos = item if isinstance(item, Position) else Position.from_json(item)
            if pos.agency == agency and pos.active:
                chart.positions[pos.code] = pos
        return chart

    def get(self, code: str | None) -> Position | None:
        return self.positions.get(code or "")

    def level(self, code: str) -> int:
        """0 for the head, 1 directly below it, ..."""
        depth, seen = 0, {code}
        pos = self.get(code)
        while pos is not None and pos.parent:
            if pos.parent in seen:
                break  # a cycle is refused by check_position; never loop on bad data
            seen.add(pos.parent)
            depth += 1
            pos = self.get(pos.parent)
        return depth

    def ancestors(self, code: str) -> list[str]:
        out: list[str] = []
        pos = self.get(code)
        while pos is not None and pos.parent and pos.parent not in out and pos.parent != code:
            out.append(pos.parent)
            pos = self.get(pos.parent)
        return out

    def children(self, code: str | None) -> list[Position]:
        return sorted((p for p in self.positions.values() if p.parent == code),
                      key=lambda p: p.code)

    def holders(self, code: str, day: date) -> list[str]:
        """The holder and everyone acting in the position on ``day``."""
        pos = self.get(code)
        if pos is None:
            return []
        names = [pos.holder] if pos.holder else []
        names += [a.username for a in pos.actings if a.covers(day) and a.username not in names]
        return names

    def positions_of(self, username: str, day: date) -> list[str]:
        """Codes of the positions ``username`` holds or acts in on ``day``."""
        return [code for code in sorted(self.positions) if username in self.holders(code, day)]

    def holds(self, username: str, code: str, day: date) -> bool:
        return username in self.holders(code, day)

    def may_receive(self, sender: str, recipient: str) -> bool:
        """May ``sender`` dispose to ``recipient``: directly below, or (``any_level``)
        anywhere below."""
        if self.get(recipient) is None or recipient == sender:
            return False
        if self.any_level:
            return sender in self.ancestors(recipient)
        return self.positions[recipient].parent == sender

    def position_of_user(self, username: str, day: date) -> str | None:
        """A person addressed directly: the (first) position they hold, if any."""
        found = self.positions_of(username, day)
        return found[0] if found else None


def parse_acting_options(raw: Sequence[str] | None) -> list[dict[str, str]] | None:
    """The ``--acting PENGGUNA:plt|plh:MULAI:SELESAI`` options of both ``positions set``
    commands as the ``actings`` field: None when the option was not given (the list stays),
    [] for ``--acting ''`` (it is emptied). Only the shape is checked here; the kind and
    dates are ``check_position``'s. Raises ValueError with the message the CLIs print."""
    if raw is None:
        return None
    out: list[dict[str, str]] = []
    for item in raw:
        if not item:
            continue
        parts = item.split(":")
        if len(parts) != len(ACTING_FIELDS):
            raise ValueError(f"--acting {item!r}: tulis {ACTING_OPTION_FORMAT}")
        out.append(dict(zip(ACTING_FIELDS, parts, strict=True)))
    return out


def check_position(chart: OrgChart, data: Mapping[str, Any]) -> Position:
    """Validate a position set by an admin; raise ``ValidationError`` listing bad fields."""
    errors: dict[str, str] = {}
    code = str(data.get("code") or "").strip().upper()
    if not code or len(code) > CODE_MAX or not code.replace("-", "").replace("_", "").isalnum():
        errors["code"] = "Kode jabatan wajib diisi: huruf, angka, - atau _, maksimal 40."
    title = str(data.get("title") or "").strip()
    if not title or len(title) > TITLE_MAX:
        errors["title"] = "Nama jabatan wajib diisi, maksimal 200 karakter."
    parent = str(data.get("parent") or "").strip().upper() or None
    if parent is not None:
        if parent == code:
            errors["parent"] = "Jabatan tidak dapat menjadi atasan dirinya sendiri."
        elif chart.get(parent) is None:
            errors["parent"] = f"Jabatan atasan {parent} tidak dikenal."
        elif code in [parent, *chart.ancestors(parent)]:
            errors["parent"] = "Susunan jabatan tidak boleh melingkar."
    elif any(p.parent is None and p.code != code for p in chart.positions.values()):
        errors["parent"] = "Instansi sudah memiliki pimpinan tertinggi; pilih jabatan atasan."
    actings: list[Acting] = []
    raw_actings = data.get("actings") or ()
    if not isinstance(raw_actings, list | tuple):
        errors["actings"] = "Plt./Plh. berupa daftar."
        raw_actings = ()
    for raw in raw_actings:
        try:
            acting = Acting(str(raw["username"]).strip(), str(raw.get("kind") or "plt"),
                            date.fromisoformat(str(raw["start"])),
                            date.fromisoformat(str(raw["end"])))
        except (KeyError, ValueError, TypeError, AttributeError):
            errors["actings"] = "Setiap Plt./Plh. perlu nama pengguna, tanggal mulai dan selesai."
            break
        if acting.kind not in ACTING_KINDS or not acting.username or acting.end < acting.start:
            errors["actings"] = "Plt./Plh. tidak valid: jenis plt/plh, selesai ≥ mulai."
            break
        actings.append(acting)
    if errors:
        raise ValidationError(errors)
    holder = str(data.get("holder") or "").strip() or None
    return Position(chart.agency, code, title, parent, holder, tuple(actings),
                    bool(data.get("active", True)))
