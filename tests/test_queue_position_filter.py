"""Issue 17, item 7: the queue and ``lapor-desk report`` filter and count by position. A
complaint is found under the positions it was disposed to through the chain (not a
tembusan, not a withdrawn one), from ``complaint_positions`` (revision 0006), kept where the
complaint rows are written and filled from the stored chains on upgrade."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from datetime import date, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from core import WITA  # noqa: E402
from desktop import cli  # noqa: E402
from desktop.screenshots.dispositions import seed_chain  # noqa: E402
from desktop.store import DeskService, QueueFilter  # noqa: E402
from desktop.store.cipher import connect  # noqa: E402
from desktop.store.engine import DB_FILE  # noqa: E402
from desktop.store.reports import build_report  # noqa: E402
from tests.clocks import office_time  # noqa: E402

pytestmark = pytest.mark.dates
TODAY = date(2026, 12, 2)  # the pinned office day (tests/conftest.py)


@pytest.fixture
def seeded(tmp_path: Path):
    folder = tmp_path / "desk"
    with DeskService(folder) as service:
        with office_time(datetime(2026, 12, 2, 10, 0, tzinfo=WITA)):  # fixed days (TODAY)
            made = seed_chain(service)  # Kadis -> Kabid Yankes (x3, 3rd withdrawn) -> Kasi
    return folder, made


def _ids(service: DeskService, code: str | None) -> set[str]:
    return set(service.queue_ids(QueueFilter(position_code=code)))


def test_queue_filters_by_the_positions_of_the_chain(seeded) -> None:
    folder, made = seeded
    first, second, third = made["ids"]
    with DeskService(folder) as service:
        assert _ids(service, "KABID-YANKES") == {first, second}  # the third was withdrawn
        assert _ids(service, "KASI-YANKES") == {first}
        assert _ids(service, "KABID-P2P") == set()  # tembusan only: not disposed to it
        assert service.view_counts(QueueFilter(position_code="KASI-YANKES"))["semua"] == 1
        assert _ids(service, None) >= {first, second, third}


def test_report_counts_by_position(seeded, capsys) -> None:
    folder, _made = seeded
    with DeskService(folder) as service:
        everything = build_report(service, TODAY, TODAY)
        kabid = build_report(service, TODAY, TODAY, "KABID-YANKES")
    assert (everything.received, kabid.received, kabid.position) == (3, 2, "KABID-YANKES")
    assert cli.main(["--data-dir", str(folder), "report", "--from", "2026-12-02", "--to",
                     "2026-12-02", "--position", "kasi-yankes", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["totals"]["received"], found["position"]) == (1, "KASI-YANKES")
    assert cli.main(["--data-dir", str(folder), "report", "--from", "2026-12-02", "--to",
                     "2026-12-02", "--position", "KABID-YANKES"]) == 0
    out = capsys.readouterr().out
    assert "jabatan KABID-YANKES" in out and "2 diterima" in out


def test_upgrade_fills_the_positions_from_stored_chains(seeded) -> None:
    folder, made = seeded
    with connect(folder / DB_FILE) as conn:  # the store as revision 0005 left it
        conn.execute("DROP TABLE complaint_positions")
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
        conn.commit()
    with DeskService(folder) as service:
        assert _ids(service, "KABID-YANKES") == set(made["ids"][:2])
        assert _ids(service, "KASI-YANKES") == {made["ids"][0]}


def test_the_filter_panel_offers_the_positions(qtbot, seeded) -> None:
    from desktop.views.filters_panel import FiltersPanel, load_choices

    folder, _made = seeded
    with DeskService(folder) as service:
        choices = load_choices(service)
    panel = FiltersPanel()
    qtbot.addWidget(panel)
    panel.set_choices(choices)
    codes = [panel.position.itemData(i) for i in range(panel.position.count())]
    assert codes == [None, "KABID-P2P", "KABID-YANKES", "KADIS", "KASI-YANKES"]
    with qtbot.waitSignal(panel.filter_changed, timeout=5_000) as changed:
        panel.position.setCurrentIndex(codes.index("KASI-YANKES"))
    assert changed.args[0]["position_code"] == "KASI-YANKES"
    panel.set_values({"position_code": "KABID-YANKES"})
    assert panel.values()["position_code"] == "KABID-YANKES"
