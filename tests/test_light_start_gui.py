"""Start-up through real widgets: the first screen comes from the light reader, the full
store arrives behind it and nothing the officer did meanwhile is lost (pytest-qt, real
SQLCipher desks; ground truth from a second DeskService on the same file)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from core import OpKind, Status  # noqa: E402
from desktop import cli  # noqa: E402
from desktop.app import Desk  # noqa: E402
from desktop.store import DeskService, QueueFilter  # noqa: E402
from desktop.views.queue_model import COLUMNS, PAGE_SIZE  # noqa: E402
from tests.test_workflow_fixtures import build_snapshot, open_store, outbox_ops  # noqa: E402
from tests.test_workflow_gui import confirmed, open_dialog, typed  # noqa: E402

SEED_COUNT = 300  # more than the first screen (PAGE_SIZE): the rest of the ids come after
ROOT = Path(__file__).resolve().parent.parent
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    assert cli.main(["--data-dir", str(folder), "dev", "seed", "--count", str(SEED_COUNT),
                     "--seed", "7"]) == 0
    return folder


@pytest.fixture
def data_dir(seeded_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    shutil.copytree(seeded_dir, folder)
    (folder / "settings.ini").unlink(missing_ok=True)
    return folder


@pytest.fixture
def opened() -> Iterator[list[Desk]]:
    desks: list[Desk] = []
    yield desks
    for desk in desks:
        desk.close()


def texts(model: Any, rows: int) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(len(COLUMNS))] for r in range(rows)]


def start(qtbot, data_dir: Path, opened: list[Desk], at_first_screen) -> Desk:
    """Open a desk; ``at_first_screen(desk)`` runs once its first rows are on screen."""
    desk = Desk(data_dir)
    opened.append(desk)
    desk.window.first_screen_shown.connect(lambda: at_first_screen(desk))
    desk.window.resize(1300, 740)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    return desk


def test_first_screen_shows_what_the_store_shows(qtbot, data_dir: Path, opened) -> None:
    seen: dict[str, Any] = {}
    resets: list[int] = []

    def at_first_screen(desk: Desk) -> None:
        model = desk.window.model
        seen.update(store_open=desk.window.service is not None, rows=model.rowCount(),
                    ids=[model.id_at(r) for r in range(PAGE_SIZE)],
                    texts=texts(model, PAGE_SIZE), source=desk.first_screen_source)
        model.modelReset.connect(lambda: resets.append(1))

    desk = start(qtbot, data_dir, opened, at_first_screen)
    window, model = desk.window, desk.window.model
    qtbot.waitUntil(lambda: window.service is not None and not model.loading, timeout=WAIT_MS)
    assert seen["source"] == "light" and not seen["store_open"]
    with DeskService(data_dir) as truth:
        expected = truth.queue_ids(QueueFilter(), "received_at", True)
    assert seen["rows"] == SEED_COUNT
    assert seen["ids"] == expected[:PAGE_SIZE]
    # The store took the queue over: the same ids, and no reset (scroll and selection stay).
    assert list(model.ids()) == expected and resets == []
    qtbot.waitUntil(lambda: model.cached_row(model.id_at(PAGE_SIZE - 1)) is not None,
                    timeout=WAIT_MS)
    assert texts(model, PAGE_SIZE) == seen["texts"]  # every column's text, row by row
    assert all(cell for row in seen["texts"] for cell in row[:3])  # number, date, title
    # Below the first screen the rows come from the store as the officer scrolls.
    window.ui.queueTable.scrollTo(model.index(SEED_COUNT - 1, 0))
    qtbot.waitUntil(lambda: model.cached_row(expected[-1]) is not None, timeout=WAIT_MS)


def test_sorting_searching_and_a_picked_row_before_the_store_is_open(qtbot, data_dir: Path,
                                                                     opened) -> None:
    """What the officer does on the first screen is done once the store is open."""
    with DeskService(data_dir) as truth:
        picked = truth.queue_ids(QueueFilter(), "received_at", True)[3]
        word = truth.complaint(picked)["title"].split()[0]
    state: dict[str, Any] = {}

    def at_first_screen(desk: Desk) -> None:
        window = desk.window
        state["store_open"] = window.service is not None
        state["actions_enabled"] = any(a.isEnabled()
                                       for a in window.workflow.controller.actions.values())
        window.ui.queueTable.selectRow(3)  # opens it in the detail once the store is open
        header = window.ui.queueTable.horizontalHeader()
        header.setSortIndicator([k for k, _ in COLUMNS].index("unit"),
                                Qt.SortOrder.AscendingOrder)
        window.ui.searchEdit.setText(word)

    desk = start(qtbot, data_dir, opened, at_first_screen)
    window, model = desk.window, desk.window.model
    qtbot.waitUntil(lambda: window.service is not None and not model.loading
                    and model.queue_filter.search == word and desk.tasks.pending == 0,
                    timeout=WAIT_MS)
    assert state == {"store_open": False, "actions_enabled": False}
    assert window.ui.detailPane.complaint_id == picked
    with DeskService(data_dir) as truth:
        assert list(model.ids()) == truth.queue_ids(QueueFilter(search=word), "unit", False)


def test_an_action_right_after_start_is_recorded_once(qtbot, tmp_path: Path, opened) -> None:
    data_dir = tmp_path / "desk"
    with open_store(data_dir) as store:
        snaps = [build_snapshot(Status.belum_diverifikasi) for _ in range(3)]
        store.upsert_snapshots(snaps)
    target = snaps[1]["id"]
    first: dict[str, Any] = {}

    def at_first_screen(desk: Desk) -> None:
        first["source"] = desk.first_screen_source
        row = desk.window.model.row_of(target)
        desk.window.ui.queueTable.selectRow(row)  # the officer picks it at once

    desk = start(qtbot, data_dir, opened, at_first_screen)
    flow = desk.window.workflow
    # As soon as the store is there the complaint is open and its actions are enabled.
    qtbot.waitUntil(lambda: (flow.controller.snapshot or {}).get("id") == target
                    and flow.controller.actions[OpKind.note].isEnabled(), timeout=WAIT_MS)
    assert first == {"source": "light"}
    dialog = open_dialog(qtbot, desk, OpKind.note)
    typed(qtbot, dialog.ui.textEdit, "Dicatat segera setelah aplikasi dibuka.")
    confirmed(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.tasks.pending == 0, timeout=WAIT_MS)
    with DeskService(data_dir) as truth:
        ops = outbox_ops(truth)
        assert [(o["kind"], o["complaint_id"], o["state"]) for o in ops] == [
            ("note", target, "pending")]
        event = truth.complaint(target)["timeline"][-1]
        assert (event["kind"], event["id"]) == ("note", ops[0]["op_id"])


def test_the_first_screen_waits_for_none_of_the_heavy_imports(data_dir: Path) -> None:
    """In a fresh desk process, when the first rows arrive for the table to paint,
    SQLAlchemy, Alembic, keyring, holidays and importlib.metadata have not been imported
    (the store is asked for only once they are on screen: first_screen_shown)."""
    script = (
        "import json, os, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.app import Desk\n"
        "app = QApplication(sys.argv[:1])\n"
        f"desk = Desk(Path({str(data_dir)!r}))\n"
        "heavy = ('sqlalchemy', 'alembic', 'keyring', 'holidays', 'importlib.metadata')\n"
        "model = desk.window.model\n"
        "def shown():\n"
        "    loaded = sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy)\n"
        "    print(json.dumps({'source': desk.first_screen_source, 'loaded': loaded,\n"
        "                      'rows': model.rowCount(),\n"
        "                      'first': model.cached_row(model.id_at(0)) is not None}))\n"
        "    sys.stdout.flush()\n"
        "    os._exit(0)\n"
        "model.rows_fetched.connect(shown)\n"
        "desk.window.show()\n"
        "app.exec()\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, timeout=120,
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == {
        "source": "light", "loaded": [], "rows": SEED_COUNT, "first": True}
