"""Two desks issue letters offline at the same time, then sync with a real server.

Done-when of issue 7: no duplicate agenda number after sync, the void reason reaches the
server, and a reprint is byte-identical to the archived original on both desks.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from core.clock import clock
from desktop.credentials import CredentialStore
from desktop.printing import (
    IssueOptions,
    LetterError,
    active_letter,
    agenda,
    ensure_agenda_numbers,
    fetch_archived,
    issue_letter,
    letters_for,
    reprint_bytes,
    void_letter,
)
from desktop.printing import settings as letter_settings
from desktop.printing.archive import archive_path
from desktop.printing.reserve import top_up_agenda, years_needed
from desktop.store import DeskService
from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
from desktop.sync.retry import RetryPolicy
from tests.server_fixtures import ServerHandle, dispose, lapor_server, make_complaint  # noqa: F401
from tests.test_printing_archive import complete_kop

pytestmark = [pytest.mark.dates, pytest.mark.timeout(240)]


class Desk:
    """One desk: its own data dir, device id, credential file and sign-in."""

    def __init__(self, root: Path, server: ServerHandle, username: str) -> None:
        self.service = DeskService(root / "data")
        store = CredentialStore("x", directory=root / "creds")
        self.account = Account(self.service, store=store)
        store.device_id = self.account.device_id
        self.account.login(server.url, username, server.password)
        self.client = self.account.client(retry=RetryPolicy(attempts=2))

    def sync(self):
        return SyncEngine(self.service, self.client, after_round=top_up_agenda).sync_once()

    def close(self) -> None:
        self.client.close()
        self.service.close()


@pytest.fixture
def desks(tmp_path: Path, lapor_server: ServerHandle, monkeypatch: pytest.MonkeyPatch):  # noqa: F811
    monkeypatch.setenv("LAPOR_DESK_CREDENTIAL_STORE", "file")
    made = [Desk(tmp_path / "a", lapor_server, "dinkes.pimpinan"),
            Desk(tmp_path / "b", lapor_server, "dinkes.admin")]
    yield made
    for desk in made:
        desk.close()


def _free(desk: Desk, year: int) -> int:
    with desk.service.reading() as conn:
        return agenda.free_numbers(conn.connection.driver_connection, "DINKES", year)


def _complaints(server: ServerHandle, n: int) -> list[str]:
    admin = server.login("dinkes.admin")
    leader = server.login("dinkes.pimpinan")
    ids = []
    for i in range(n):
        cid, result = make_complaint(admin, title=f"Antrean panjang di puskesmas nomor {i}")
        dispose(admin, leader, cid, result["version"], ["YANKES"])
        ids.append(cid)
    return ids


def _hold(desk: Desk, size: int) -> None:
    """Small agenda blocks for this desk (Pengaturan › Kop Surat › nomor yang dipegang), on
    a complete kop (issuing refuses less)."""
    letter_settings.save(desk.service, complete_kop(low_water=size, block_size=size))


def test_two_offline_desks_never_share_an_agenda_number(desks, lapor_server):  # noqa: F811
    a, b = desks
    cids = _complaints(lapor_server, 4)
    for desk, size in ((a, 4), (b, 3)):
        _hold(desk, size)
        # The sync round itself tops the desk up (SyncEngine -> ensure_agenda_numbers).
        years = years_needed(clock().today())  # next year too from 15 Dec
        assert desk.sync().agenda_reserved == len(years)
        year = years[0]
        assert [_free(desk, y) for y in years] == [size] * len(years)
        # Enough numbers: the next round and the next explicit check reserve nothing.
        assert desk.sync().agenda_reserved == 0
        again = ensure_agenda_numbers(desk.service, desk.client, low_water=size)
        assert again.reserved == [] and again.free[year] == size

    # Offline from here on: both desks issue from their own blocks, interleaved.
    issued = {"a": [], "b": []}
    for cid in cids[:3]:
        issued["a"].append(issue_letter(a.service, cid, options=IssueOptions(paper="a4")))
        issued["b"].append(issue_letter(b.service, cid, options=IssueOptions(paper="half")))
    # One letter, one number: F4 is the same letter; a new number needs a void first.
    assert issue_letter(a.service, cids[0], options=IssueOptions(paper="f4")).agenda_seq == \
        issued["a"][0].agenda_seq
    voided = void_letter(a.service, issued["a"][0].letter_id, "Salah unit tujuan, terbit ulang")
    assert voided.voided and voided.agenda_seq == issued["a"][0].agenda_seq
    issued["a"].append(issue_letter(a.service, cids[0], options=IssueOptions(paper="f4")))
    # Desk A's block is used up and it is offline: a clear message, never a made-up number.
    with pytest.raises(LetterError) as empty:
        issue_letter(a.service, cids[3])
    assert empty.value.code == "no_agenda_numbers" and "habis" in empty.value.message

    local_numbers = [(r.agenda_year, r.agenda_seq) for rs in issued.values() for r in rs]
    assert len(set(local_numbers)) == len(local_numbers), "a number was used twice offline"

    # Back online: both desks push (uploading the PDFs) and pull.
    for desk in desks:
        report = desk.sync()
        assert report.rejected == 0, desk.service.outbox(("rejected",))
    for desk in desks:
        desk.sync()
        assert not desk.service.outbox(("pending", "sending", "rejected"))

    # The server holds every letter once, each agenda number once, the void with its reason.
    viewer = lapor_server.login("dinkes.admin")
    server_numbers, voids = [], {}
    for cid in cids:
        snap = viewer.get(f"/complaints/{cid}").json()
        for event in snap["timeline"]:
            if event["kind"] == "letter_issued":
                server_numbers.append((year, int(event["data"]["agenda_number"])))
            if event["kind"] == "letter_voided":
                voids[event["data"]["letter_id"]] = event["note"]
    assert Counter(server_numbers) == Counter(local_numbers)
    assert max(Counter(server_numbers).values()) == 1
    assert voids == {issued["a"][0].letter_id: "Salah unit tujuan, terbit ulang"}

    # Reprints are the archived bytes; desk B fetches desk A's letter from the server.
    for desk, mine in ((a, issued["a"]), (b, issued["b"])):
        for record in mine:
            data = reprint_bytes(desk.service, record.letter_id)
            assert data == desk.service.files.read_file(archive_path(desk.service,
                                                                     record.sha256))
            assert hashlib.sha256(data).hexdigest() == record.sha256
    remote = [r for r in letters_for(b.service, cids[0]) if not r.local]
    assert {r.letter_id for r in remote} == {issued["a"][0].letter_id, issued["a"][3].letter_id}
    first = next(r for r in remote if r.letter_id == issued["a"][0].letter_id)
    assert first.voided and first.void_reason == "Salah unit tujuan, terbit ulang"
    assert first.sha256 == issued["a"][0].sha256
    fetched = fetch_archived(b.service, b.client, first)
    assert fetched == reprint_bytes(a.service, first.letter_id)
    # The active F4 letter of complaint 0 on desk A is the one issued after the void.
    assert active_letter(a.service, cids[0], "f4").letter_id == issued["a"][3].letter_id
    assert active_letter(a.service, cids[0], "a4") is None
