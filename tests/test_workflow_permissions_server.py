"""The UI permission matrix equals the server's: for every role x status, the actions the
desk's ActionController enables are exactly the ones a real server process accepts.

Each (role, status, action) is probed on its own complaint, walked to the status on the
server by the central admin, so no probe can influence another. The desk's view of each
complaint is what the server hands that role (GET /complaints/{id}, redacted and scoped):
what a synced desk would hold.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QMainWindow  # noqa: E402

from core import Actor, OpKind, Role, Status  # noqa: E402
from desktop.views.actions.controller import ActionController  # noqa: E402
from desktop.workflow import UI_ACTIONS  # noqa: E402
from tests.server_fixtures import (  # noqa: E402
    ApiClient,
    ServerHandle,
    create_op,
    lapor_server,  # noqa: F401 - the module's server
    new_id,
    op,
)

UNIT = "YANKES"
ROLES = {  # demo accounts of DINKES (and the central admin)
    Role.admin_pusat: "pusat.admin",
    Role.admin_instansi: "dinkes.admin",
    Role.pimpinan: "dinkes.pimpinan",
    Role.loket: "dinkes.loket",
    Role.petugas_unit: "dinkes.yankes",
}
TEXT = "Teks uji matriks izin."
PATHS: dict[Status, list[tuple[OpKind, dict[str, Any]]]] = {
    Status.belum_diverifikasi: [],
    Status.didisposisikan: [(OpKind.dispose, {"unit_codes": [UNIT]})],
    Status.ditindaklanjuti: [(OpKind.dispose, {"unit_codes": [UNIT]}),
                             (OpKind.follow_up, {"text": TEXT})],
    Status.menunggu_tanggapan_pelapor: [(OpKind.dispose, {"unit_codes": [UNIT]}),
                                        (OpKind.request_clarification, {"text": TEXT})],
    Status.selesai: [(OpKind.dispose, {"unit_codes": [UNIT]}),
                     (OpKind.follow_up, {"text": TEXT}), (OpKind.close, {})],
    Status.ditunda: [(OpKind.dispose, {"unit_codes": [UNIT]}), (OpKind.hold, {"reason": TEXT})],
    Status.bukan_wewenang: [(OpKind.dispose, {"unit_codes": [UNIT]}),
                            (OpKind.not_authority, {"reason": TEXT})],
    Status.diarsipkan: [(OpKind.dispose, {"unit_codes": [UNIT]}),
                        (OpKind.follow_up, {"text": TEXT}), (OpKind.close, {}),
                        (OpKind.archive, {})],
}
# A valid payload for each action, shaped as its dialog builds it.
PROBES: dict[OpKind, dict[str, Any]] = {
    OpKind.verify: {"classification": "pengaduan", "category_id": "kesehatan"},
    OpKind.dispose: {"unit_codes": [UNIT], "sifat": "segera", "instructions": []},
    OpKind.follow_up: {"text": TEXT, "visibility": "reporter"},
    OpKind.request_clarification: {"text": TEXT},
    OpKind.hold: {"reason": TEXT},
    OpKind.resume: {},
    OpKind.not_authority: {"reason": TEXT},
    OpKind.reroute: {"agency_code": "DISHUB"},
    OpKind.close: {},
    OpKind.archive: {},
    OpKind.reopen: {"reason": TEXT, "unit_codes": [UNIT]},
    OpKind.mark_duplicate: {},  # duplicate_of: filled with another complaint
    OpKind.privacy_flags: {"confidential": True},
    OpKind.note: {"text": TEXT, "visibility": "internal"},
}
assert set(PROBES) == set(UI_ACTIONS)
BATCH = 400


def _push_all(client: ApiClient, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    results = []
    for start in range(0, len(ops), BATCH):
        results += client.push(ops[start:start + BATCH])
    return results


@pytest.fixture(scope="module")
def matrix(lapor_server: ServerHandle) -> Iterator[dict[str, Any]]:  # noqa: F811
    """Complaints on the server: one per (role, status, action), walked to the status."""
    central = lapor_server.login("pusat.admin")
    clients = {role: lapor_server.login(name) for role, name in ROLES.items()}
    cells: dict[tuple[Role, Status, OpKind], str] = {}
    creates, walks = [], []
    for role in ROLES:
        for status, path in PATHS.items():
            for kind in UI_ACTIONS:
                body = create_op("DINKES", title=f"Matriks {role.value} {status.value}",
                                 category_id="kesehatan")
                cid = body["complaint_id"]
                cells[(role, status, kind)] = cid
                creates.append(body)
                walks.append([(k, p) for k, p in path])
    results = _push_all(central, creates)
    assert all(r["status"] == "applied" for r in results), results[:3]
    # Step i of every walk in one batch: complaints move on together, one version each.
    version = {cid: 1 for cid in cells.values()}
    ids = list(cells.values())
    for step in range(max(len(w) for w in walks)):
        batch = []
        for cid, walk in zip(ids, walks, strict=True):
            if step < len(walk):
                kind, payload = walk[step]
                batch.append(op(kind.value, cid, version[cid], **payload))
        results = _push_all(central, batch)
        for body, result in zip(batch, results, strict=True):
            assert result["status"] == "applied", result
            version[body["complaint_id"]] = result["version"]
    yield {"cells": cells, "version": version, "clients": clients,
           "spare": creates[0]["complaint_id"]}


def _ui_enabled(qtbot, snapshot: dict[str, Any] | None, actor: Actor) -> set[OpKind]:
    """The real controller's verdict (a QAction per action, enabled or not)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = ActionController(tasks=None, parent=window)  # no store: nothing is loaded
    controller.set_actor((actor, True))  # as the store would answer after sign-in
    controller.set_snapshot(snapshot)
    return controller.enabled_kinds()


@pytest.mark.parametrize("role", list(ROLES), ids=lambda r: r.value)
def test_ui_enables_exactly_what_the_server_accepts(qtbot, matrix, role):
    client: ApiClient = matrix["clients"][role]
    user = client.user
    actor = Actor(user["username"], Role(user["role"]), user["agency"],
                  (user["unit"],) if user["unit"] else (), user["full_name"])
    cells, version = matrix["cells"], matrix["version"]

    probes, keys = [], []
    for status in Status:
        for kind in UI_ACTIONS:
            cid = cells[(role, status, kind)]
            payload = dict(PROBES[kind])
            if kind is OpKind.mark_duplicate:
                payload["duplicate_of"] = matrix["spare"] if cid != matrix["spare"] else new_id()
            probes.append(op(kind.value, cid, version[cid], **payload))
            keys.append((status, kind))
    results = _push_all(client, probes)
    accepted: dict[Status, set[OpKind]] = {s: set() for s in Status}
    for (status, kind), result in zip(keys, results, strict=True):
        assert result["status"] in ("applied", "rejected"), result
        if result["status"] == "applied":
            accepted[status].add(kind)
        else:
            # Refused for who or what it is, never for a bad payload: the probe is valid.
            assert result["reason"] in ("forbidden", "conflict"), (status, kind, result)

    mismatches = {}
    for status in Status:
        # What a synced desk holds for this role: the server's view of one such complaint.
        resp = client.get(f"/complaints/{cells[(role, status, OpKind.note)]}")
        snapshot = resp.json() if resp.status_code == 200 else None
        ui = _ui_enabled(qtbot, snapshot, actor)
        if ui != accepted[status]:
            mismatches[status.value] = {"ui_only": sorted(k.value for k in ui - accepted[status]),
                                        "server_only": sorted(
                                            k.value for k in accepted[status] - ui)}
    assert mismatches == {}
    assert any(accepted.values()) or role is Role.loket  # the probes can succeed at all
