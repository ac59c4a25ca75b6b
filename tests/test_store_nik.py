"""A desk whose officer sees masked NIKs keeps no full NIK in its store (issue 13)."""

from __future__ import annotations

from pathlib import Path

from core import Actor, Role, Status
from desktop.store import DeskService
from desktop.store import rows as rw

from .test_workflow_fixtures import AGENCY, UNIT, open_store, put

FULL = "6371014501900003"  # build_snapshot's reporter NIK
MASKED = "6371********0003"


def _full_nik_anywhere(store: DeskService) -> bool:
    with store.reading() as conn:
        raw = rw.raw(conn)
        texts = raw.execute("SELECT count(*) FROM complaint_texts WHERE reporter_nik = ? "
                            "OR instr(ifnull(base_snapshot, ''), ?) > 0", (FULL, FULL)
                            ).fetchone()[0]
    return bool(texts)


def test_signing_in_with_a_masked_role_scrubs_every_full_nik(tmp_path: Path):
    store = open_store(tmp_path / "desk")
    try:
        cid = put(store, Status.didisposisikan)["id"]
        store.set_actor(Actor("dinkes.admin", Role.admin_instansi, AGENCY, (), "Admin"))
        assert store.complaint(cid)["reporter"]["nik"] == FULL  # the admin needs it
        store.set_actor(Actor("dinkes.yankes", Role.petugas_unit, AGENCY, (UNIT,), "Petugas"))
        assert store.complaint(cid)["reporter"]["nik"] == MASKED
        assert not _full_nik_anywhere(store)
        assert store.complaint(cid)["reporter"]["name"] == "Siti Aminah"  # nothing else lost
    finally:
        store.close()


def test_admin_pusat_desk_keeps_no_full_nik_either(tmp_path: Path):
    store = open_store(tmp_path / "desk")
    try:
        cid = put(store, Status.belum_diverifikasi)["id"]
        store.set_actor({"username": "pusat.admin", "role": "admin_pusat", "agency": "DISKOMINFO",
                         "units": [], "full_name": "Admin Pusat"})
        assert store.complaint(cid)["reporter"]["nik"] == MASKED
        assert not _full_nik_anywhere(store)
    finally:
        store.close()
