"""The DINKES structure the chain tests use, on top of the seeded one (server/org_seed.py):
the Kasi Yankes and a pelaksana under him (an officer of another unit, LABKES, so only the
chain shows him the complaint), and a Plh. of the Kabid Yankes (the Kesmas officer)."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server_fixtures import ServerHandle

KASI, STAF = "dinkes.kasi", "dinkes.staf"
PLH = "dinkes.kesmas"


def build_structure(server: ServerHandle) -> None:
    env = {"LAPOR_PASSWORD": server.password}
    server.cli("create-user", KASI, "--role", "petugas_unit", "--agency", "DINKES", "--unit",
               "YANKES", "--full-name", "Rahmat Kasi", env=env)
    server.cli("create-user", STAF, "--role", "petugas_unit", "--agency", "DINKES", "--unit",
               "LABKES", "--full-name", "Siti Pelaksana", env=env)
    server.cli("positions", "set", "--agency", "DINKES", "--code", "KASI-YANKES",
               "--holder", KASI)
    server.cli("positions", "set", "--agency", "DINKES", "--code", "PELAKSANA-YANKES",
               "--title", "Pelaksana Seksi Rujukan", "--parent", "KASI-YANKES", "--holder", STAF)
    server.cli("positions", "set", "--agency", "DINKES", "--code", "KABID-YANKES",
               "--acting", f"{PLH}:plh:2026-12-01:2026-12-03")


def chain_dispose(sender: str, to: list[str], parent: str | None = None,
                  days: int | None = None, **extra: Any) -> tuple[dict[str, Any], list[str]]:
    """A chain_dispose payload and its new entry ids."""
    ids = [str(uuid.uuid4()) for _ in to]
    payload = {"from_position": sender, "parent_id": parent, "deadline_days": days,
               "instructions": ["Proses lebih lanjut"],
               "recipients": [{"id": i, "position": p} for i, p in zip(ids, to, strict=True)],
               **extra}
    return payload, ids
