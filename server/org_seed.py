"""The demo agencies' initial structure of jabatan (``lapor-server seed-demo``): the Kepala
Dinas (the pimpinan account), the Sekretaris (the admin account), a Kepala Bidang or Kepala
UPT per unit (its unit officer) and under each a Kepala Seksi, left vacant for the agency
to fill (``lapor-server positions set``). Seeding twice changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from server import org
from server.models import Position


def ensure_positions(session: Session, agencies: Iterable[dict[str, Any]]) -> int:
    made = 0
    for spec in agencies:
        code = spec["code"]
        low = code.lower()
        rows: list[dict[str, Any]] = [
            {"code": "KADIS", "title": f"Kepala {spec['short']}", "holder": f"{low}.pimpinan"},
            {"code": "SEKRETARIS", "title": "Sekretaris", "parent": "KADIS",
             "holder": f"{low}.admin"},
        ]
        for unit, name, kind in spec["units"]:
            head = f"KABID-{unit}" if kind == "bidang" else f"KAUPT-{unit}"
            rows.append({"code": head, "title": f"Kepala {name}", "parent": "KADIS",
                         "holder": f"{low}.{unit.lower()}"})
            rows.append({"code": f"KASI-{unit}", "title": f"Kepala Seksi {name}",
                         "parent": head})
        for row in rows:
            if session.get(Position, (code, row["code"])) is None:
                org.set_position(session, code, row)
                made += 1
    return made
