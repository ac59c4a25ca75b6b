"""Issue 17.7: counted by position — where the chain's dispositions wait (open, unread,
late at that level, reported), from the local store and through ``lapor-desk disposisi
rekap``."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from core import WITA
from desktop.screenshots.dispositions import seed_chain
from desktop.workflow import chain
from tests.clocks import office_time
from tests.sync_fixtures import make_desk_fixture  # noqa: F401

pytestmark = pytest.mark.dates  # fixed days only


def test_tally_by_position_and_the_command(make_desk) -> None:
    desk = make_desk("desk")
    with office_time(datetime(2026, 12, 2, 10, 0, tzinfo=WITA)):  # fixed days, any real date
        seed_chain(desk.service)
        rows = {r["position"]: r for r in chain.tally(desk.service)}
    assert rows["KABID-YANKES"] == {"position": "KABID-YANKES", "title":
                                    "Kepala Bidang Pelayanan Kesehatan", "open": 2,
                                    "unread": 1, "late": 0, "reported": 0}
    assert rows["KASI-YANKES"]["open"] == 1 and "KABID-P2P" not in rows  # tembusan only
    with office_time(datetime(2026, 12, 8, 10, 0, tzinfo=WITA)):
        late = {r["position"]: r["late"] for r in chain.tally(desk.service)}
        assert late == {"KABID-YANKES": 0, "KASI-YANKES": 1}
        desk.close()
        out = desk.cli("disposisi", "rekap", "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)[0]["position"] == "KASI-YANKES"  # the late first
        text = desk.cli("disposisi", "rekap").stdout
        assert "Kepala Seksi Rujukan" in text and "Terlambat" in text
