"""Screenshots of Disposisi Masuk / Keluar and the chain tree (docs/screenshots):
``python -m desktop.screenshots.dispositions --out docs/screenshots``.

A desk store in a temporary folder gets the demo DINKES structure and a chain recorded
through the real local ops (Kadis -> Kabid -> Kasi, one unread, one withdrawn)."""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

from core import Actor, Role, new_complaint

POSITIONS = [
    {"agency": "DINKES", "code": "KADIS", "title": "Kepala Dinas Kesehatan",
     "holder": "dinkes.pimpinan"},
    {"agency": "DINKES", "code": "KABID-YANKES", "title": "Kepala Bidang Pelayanan Kesehatan",
     "parent": "KADIS", "holder": "dinkes.yankes"},
    {"agency": "DINKES", "code": "KABID-P2P", "title": "Kepala Bidang P2P",
     "parent": "KADIS", "holder": "dinkes.p2p"},
    {"agency": "DINKES", "code": "KASI-YANKES", "title": "Kepala Seksi Rujukan",
     "parent": "KABID-YANKES", "holder": "dinkes.kasi"},
]
ADMIN = Actor("dinkes.admin", Role.admin_instansi, "DINKES", (), "Hj. Rina Marlina")
KADIS = Actor("dinkes.pimpinan", Role.pimpinan, "DINKES", (), "dr. H. Ahmad Fauzi")
KABID = Actor("dinkes.yankes", Role.petugas_unit, "DINKES", ("YANKES",), "Budi Santoso")
TITLES = ("Pasien rujukan ditolak RSUD", "Antrean obat puskesmas sampai sore",
          "Ambulans desa tidak datang")


def seed_chain(service: Any) -> dict[str, Any]:
    """Three complaints disposed by the Kadis; the Kabid read the first and disposed it to
    the Kasi, the second is unread, the third was withdrawn."""
    from desktop.workflow import chain

    service.set_sync_state(chain.POSITIONS_KEY,
                           {f"DINKES/{p['code']}": p for p in POSITIONS})
    ids, entries = [], []
    for title in TITLES:
        payload = new_complaint(title=title, channel="loket", classification="pengaduan",
                                content=f"{title}: mohon ditindaklanjuti segera.",
                                agency_code="DINKES", reporter={"name": "Warga"})
        cid = service.apply_local_op(None, "create", payload, ADMIN).complaint_id
        service.apply_local_op(cid, "verify", {}, ADMIN)
        entry = str(uuid.uuid4())
        chain.act(service, cid, "chain_dispose", {
            "from_position": "KADIS", "deadline_days": 5, "catatan": "Segera cek lapangan.",
            "instructions": ["Proses lebih lanjut", "Koordinasikan"],
            "recipients": [{"id": entry, "position": "KABID-YANKES"}],
            "tembusan": [{"id": str(uuid.uuid4()), "position": "KABID-P2P"}]}, KADIS)
        ids.append(cid)
        entries.append(entry)
    chain.act(service, ids[0], "chain_read", {"entry_id": entries[0]}, KABID)
    chain.act(service, ids[0], "chain_dispose", {
        "from_position": "KABID-YANKES", "parent_id": entries[0], "deadline_days": 3,
        "instructions": ["Selesaikan sesuai ketentuan"],
        "recipients": [{"id": str(uuid.uuid4()), "position": "KASI-YANKES"}]}, KABID)
    chain.act(service, ids[2], "chain_withdraw", {"entry_id": entries[2]}, KADIS)
    return {"ids": ids, "entries": entries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.store.service import DeskService
    from desktop.tasks import Tasks
    from desktop.views.detail.complaint_detail import ComplaintDetail
    from desktop.views.dispositions_page import DispositionsPage

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(app, "id")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        service = DeskService(Path(tmp))
        try:
            made = seed_chain(service)
            tasks = Tasks()
            for actor, box, name in ((KABID, 0, "disposisi-masuk.png"),
                                     (KADIS, 1, "disposisi-keluar.png")):
                page = DispositionsPage(tasks, service, actor)
                page.resize(1000, 420)
                page.tabs.setCurrentIndex(box)
                page.reload()
                while tasks.pending:
                    app.processEvents()
                page.show()
                app.processEvents()
                page.grab().save(str(out / name))
                page.close()
            detail = ComplaintDetail()
            detail.set_actor(KADIS)
            detail.resize(900, 760)
            detail.show_complaint(service.complaint(made["ids"][0]))
            detail.show()
            app.processEvents()
            detail.scroll.ensureWidgetVisible(detail.chain_tree)
            app.processEvents()
            detail.grab().save(str(out / "rantai-disposisi.png"))
            tasks.shutdown()
        finally:
            service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
