"""Screenshots of the queue, the detail and every action dialog on a 1366x768 laptop screen,
and the check that nothing in them is clipped (also at 125 % scaling).

    python -m desktop.screenshots.queue --out docs/screenshots
    python -m desktop.screenshots.queue --scale 1.25 --check
    python -m desktop.screenshots.queue --scale 1.25 --only queue.png detail.png --out ...

Runs headless: an offscreen screen of 1366x768 physical pixels; ``--scale`` sets
QT_SCALE_FACTOR (so 125 % leaves 1093x614 logical pixels). A demo desk is seeded in a
temporary folder and the local officer (Admin Pusat) acts on it. ``--check`` exits 1 and
lists every widget whose text does not fit, or a window larger than the screen.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

SCREEN = (1366, 768)
SEED = 7
COMPLAINTS = 300


def configure_qt(scale: float, tmp: Path) -> None:
    """Before QApplication exists: headless, a 1366x768 screen, the scale factor."""
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
    os.environ.pop("QT_AUTO_SCREEN_SCALE_FACTOR", None)


# --- what "clipped" means ------------------------------------------------------------------

def clipped(root: Any) -> list[str]:
    """Visible widgets under ``root`` whose content does not fit the space they were given:
    text cut off in labels, buttons, check boxes, radio buttons, group titles, the chosen
    entry of a combo box; a window larger than the screen's available area; English words
    in any text a user sees or hovers (desktop.views.text_audit)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QComboBox,
        QGroupBox,
        QLabel,
        QScrollArea,
        QStyle,
        QStyleOptionComboBox,
    )

    problems: list[str] = []
    screen = (root.screen() or QApplication.primaryScreen()).availableGeometry()
    frame = root.frameGeometry() if root.isWindow() else root.geometry()
    too_big = frame.width() > screen.width() or frame.height() > screen.height()
    if root.isWindow() and not root.isMaximized() and too_big:
        problems.append(f"{root.objectName() or type(root).__name__}: window "
                        f"{frame.width()}x{frame.height()} > screen "
                        f"{screen.width()}x{screen.height()}")
    hint = root.minimumSizeHint()
    if hint.width() > screen.width() or hint.height() > screen.height():
        problems.append(f"{root.objectName() or type(root).__name__}: needs at least "
                        f"{hint.width()}x{hint.height()} > screen")

    def in_scroll_area(widget: Any) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, QScrollArea):
                return True
            parent = parent.parentWidget()
        return False

    widgets = [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton),
               *root.findChildren(QGroupBox)]
    for widget in widgets:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1 and not in_scroll_area(widget):
                    problems.append(f"{name} ({text[:40]!r}): {widget.height()} px high, "
                                    f"needs {needed}")
            elif widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"{name} ({text[:40]!r}): {widget.width()} px wide, "
                                f"needs {widget.sizeHint().width()}")
        elif isinstance(widget, QAbstractButton | QGroupBox):
            needed = widget.minimumSizeHint().width()
            if needed > widget.width() + 1 and widget.text():
                problems.append(f"{name} ({widget.text()[:40]!r}): {widget.width()} px "
                                f"wide, needs {needed}")
    for combo in root.findChildren(QComboBox):  # the chosen entry, cut off at the arrow
        if not combo.isVisibleTo(root) or combo.isEditable() or not combo.currentText():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if needed > field.width() + 1:
            problems.append(f"{combo.objectName() or 'QComboBox'} "
                            f"({combo.currentText()[:40]!r}): {field.width()} px for the "
                            f"text, needs {needed}")
    from desktop.views.text_audit import english_texts

    return problems + english_texts(root)  # and no English left in the Indonesian UI


# --- the scenes ------------------------------------------------------------------------------

class Studio:
    """A seeded demo desk with the main window open, driven without a mouse."""

    def __init__(self, data_dir: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.app import Desk
        from desktop.store import DeskService
        from desktop.store.demo import seed_store
        from desktop.workflow.actor import set_local_actor

        store = DeskService(data_dir)
        seed_store(store, COMPLAINTS, seed=SEED)
        # Nobody signed in acts as nobody: the studio's desk is a configured local admin.
        set_local_actor(store, {"username": "petugas.lokal", "role": "admin_pusat",
                                "full_name": "Petugas Lokal"})
        self._add_showcase(store, data_dir)
        store.close()
        self.desk = Desk(data_dir, "id")
        self.app = QApplication.instance()
        self.window = self.desk.window
        self.window.showMaximized()
        self.flow = self.window.workflow
        self.wait(lambda: self.flow.controller.actor is not None
                  and not self.window.model.loading and self.desk.tasks.pending == 0)

    def _add_showcase(self, store: Any, data_dir: Path) -> None:
        """A complaint with a photo and a near-duplicate, for the detail screenshot."""
        from datetime import timedelta

        from PySide6.QtGui import QColor, QImage, QPainter

        from core import OpKind, clock
        from desktop.store import QueueFilter
        from desktop.workflow import WorkflowService, step

        flow = WorkflowService(store)
        actor, _ = flow.actor()
        image = QImage(320, 200, QImage.Format.Format_RGB32)
        image.fill(QColor("#7a8b99"))
        painter = QPainter(image)
        painter.fillRect(0, 120, 320, 80, QColor("#4a4a4a"))
        painter.fillRect(140, 150, 60, 25, QColor("#1f1f1f"))
        painter.end()
        photo = data_dir / "foto-jalan-berlubang.png"
        image.save(str(photo))
        now = clock().now() - timedelta(days=3)
        self.showcase = []
        for number, title in enumerate(("Jalan berlubang parah di depan SDN Kayutangi 2",
                                         "Jalan berlubang di depan SDN Kayutangi"), 1):
            payload = {
                "provisional_number": f"L-D1-{now:%Y%m%d}-{number:04d}",
                "title": title,
                "content": ("Lubang di badan jalan sudah sebulan tidak diperbaiki. Setiap pagi "
                            "anak sekolah dan pengendara motor harus menghindar ke tengah "
                            "jalan; dua hari lalu seorang pengendara terjatuh."),
                "classification": "pengaduan", "category_id": "jalan_jembatan",
                "channel": "aplikasi", "agency_code": "DPUPR", "region_code": "63.71.04.1004",
                "location_text": "Jl. Brigjen H. Hasan Basri, depan SDN Kayutangi 2",
                "reporter": {"name": "Rahmat Hidayat", "nik": "6371040101850007",
                             "phone": "081251234567", "email": "rahmat.h@example.com",
                             "address": "Jl. Kayutangi II No. 14, Banjarmasin"},
            }
            done = store.apply_local_op(None, OpKind.create, payload, actor, now=now)
            self.showcase.append(done.complaint_id)
        first = self.showcase[0]
        attached = flow.import_attachment(str(photo))
        flow.perform(first, [step(OpKind.verify, {"category_id": "jalan_jembatan"}),
                             step(OpKind.dispose, {"unit_codes": ["BM"], "sifat": "segera",
                                                   "instructions": ["Proses lebih lanjut"]}),
                             step(OpKind.attach, attached.payload())], actor)
        self.by_status = {s: store.queue_ids(QueueFilter(status=s))[:1]
                          for s in ("belum_diverifikasi", "didisposisikan", "ditindaklanjuti",
                                    "menunggu_tanggapan_pelapor", "selesai", "ditunda",
                                    "bukan_wewenang", "diarsipkan")}

    def wait(self, done: Callable[[], bool], timeout: float = 20.0) -> None:
        import time

        deadline = time.monotonic() + timeout
        while not done():
            self.app.processEvents()
            if time.monotonic() > deadline:
                raise TimeoutError("the desk did not settle")
            time.sleep(0.005)
        for _ in range(5):
            self.app.processEvents()

    def open(self, complaint_id: str) -> None:
        self.window.refresh()
        self.wait(lambda: self.window.model.row_of(complaint_id) is not None
                  and self.desk.tasks.pending == 0)
        self.flow.open_complaint(complaint_id)
        self.wait(lambda: (self.flow.controller.snapshot or {}).get("id") == complaint_id
                  and self.desk.tasks.pending == 0)

    def dialog(self, kind: Any) -> Any:
        from desktop.views.actions.base import ActionDialog

        controller = self.flow.controller
        controller.open_action(kind)
        self.wait(lambda: isinstance(controller.dialog, ActionDialog)
                  and controller.dialog.isVisible() and self.desk.tasks.pending == 0)
        return controller.dialog

    def close(self) -> None:
        self.desk.close()


def _fill(kind: Any, dialog: Any) -> None:
    """Plausible input, so the screenshot shows the dialog in use."""
    from PySide6.QtCore import Qt

    from core import OpKind

    ui = dialog.ui
    if kind is OpKind.dispose:
        ui.unitsList.item(0).setCheckState(Qt.CheckState.Checked)
        ui.sifatSegera.setChecked(True)
        ui.instructionsList.item(1).setCheckState(Qt.CheckState.Checked)
        ui.noteEdit.setPlainText("Mohon ditinjau ke lokasi minggu ini.")
    elif kind is OpKind.follow_up:
        ui.cannedButton.click()
    elif kind is OpKind.request_clarification:
        ui.cannedButton.click()
    elif kind is OpKind.hold:
        ui.textEdit.setPlainText("Menunggu hasil rapat koordinasi dengan pemerintah kabupaten.")
    elif kind is OpKind.not_authority:
        ui.reasonEdit.setPlainText("Ruas jalan ini jalan kabupaten, bukan jalan provinsi.")
    elif kind is OpKind.reopen:
        ui.reasonEdit.setPlainText("Pelapor menyatakan lubang belum ditambal.")
    elif kind is OpKind.note:
        ui.textEdit.setPlainText("Pelapor menelepon menanyakan perkembangan.")


def scenes(studio: Studio) -> Iterator[tuple[str, Any]]:
    """(file name, widget) for every screen this module owns, each on screen in turn."""
    from core import OpKind

    first = studio.showcase[0]
    # The studio's officer is a leader, whose desk opens on the Dasbor: show the queue.
    studio.window.ui.actionQueue.trigger()
    studio.open(studio.window.model.id_at(0) or first)
    studio.flow.detail.scroll.verticalScrollBar().setValue(0)
    yield "queue.png", studio.window
    studio.open(first)
    studio.wait(lambda: studio.flow.detail.related_box.findChildren(object) != [])
    studio.flow.detail.scroll.verticalScrollBar().setValue(0)
    yield "detail.png", studio.window
    starts = {
        OpKind.verify: studio.showcase[1], OpKind.dispose: studio.showcase[1],
        OpKind.follow_up: first, OpKind.request_clarification: first, OpKind.hold: first,
        OpKind.not_authority: studio.showcase[1], OpKind.mark_duplicate: studio.showcase[1],
        OpKind.privacy_flags: first, OpKind.note: first,
    }
    for status, kinds in (("ditunda", (OpKind.resume,)), ("bukan_wewenang", (OpKind.reroute,)),
                          ("ditindaklanjuti", (OpKind.close,)),
                          ("selesai", (OpKind.archive, OpKind.reopen))):
        for kind in kinds:
            if studio.by_status.get(status):
                starts[kind] = studio.by_status[status][0]
    for kind, complaint in starts.items():
        studio.open(complaint)
        dialog = studio.dialog(kind)
        _fill(kind, dialog)
        studio.wait(lambda: studio.desk.tasks.pending == 0)
        yield f"action_{kind.value}.png", dialog
        dialog.reject()
        studio.wait(lambda: studio.flow.controller.dialog is None)
    controller = studio.flow.controller
    controller.open_settings()
    studio.wait(lambda: controller.dialog is not None and controller.dialog.isVisible())
    yield "action_settings.png", controller.dialog
    controller.dialog.reject()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write PNGs into this folder")
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR (1.25: 125%%)")
    parser.add_argument("--check", action="store_true", help="fail when something is clipped")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="just these scenes (file names, e.g. queue.png detail.png)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lapor-shots-") as tmp:
        tmp_path = Path(tmp)
        configure_qt(args.scale, tmp_path)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        studio = Studio(tmp_path / "desk")
        problems: list[str] = []
        try:
            for name, widget in scenes(studio):
                if args.only and name not in args.only:
                    continue
                found = clipped(widget)
                problems += [f"{name}: {p}" for p in found]
                if args.out:
                    args.out.mkdir(parents=True, exist_ok=True)
                    target = args.out / (name if args.scale == 1 else
                                         name.replace(".png", f"-{int(args.scale * 100)}.png"))
                    widget.grab().save(str(target))
                    print(target)
        finally:
            studio.close()
            app.processEvents()
    for problem in problems:
        print(f"clipped: {problem}", file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
