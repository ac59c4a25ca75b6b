"""Issue 20.2: no false conflicts. An op based on a version before a colleague's change
still applies when that change commutes with it (a note, a file, a letter record; verify
and privacy flags touch disjoint parts); two state changes that exclude each other are
still refused. One table in the shared domain (``enums.commutes``), used by the server."""

from __future__ import annotations

from core import OpKind
from core.enums import COMMUTING_KINDS, commutes
from tests.server_fixtures import ServerHandle, make_complaint, op, server_fixture

lapor_server = server_fixture()


def test_the_table() -> None:
    assert commutes(OpKind.verify, OpKind.note) and commutes(OpKind.dispose, OpKind.attach)
    assert commutes(OpKind.verify, OpKind.privacy_flags)
    assert commutes(OpKind.privacy_flags, OpKind.verify)
    assert not commutes(OpKind.dispose, OpKind.verify)
    assert not commutes(OpKind.dispose, OpKind.dispose)
    assert not commutes(OpKind.close, OpKind.follow_up)
    assert all(commutes(kind, landed) for kind in COMMUTING_KINDS for landed in OpKind)


def test_a_colleagues_note_no_longer_rejects_a_verify(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    colleague = lapor_server.login("dinkes.pimpinan")
    cid, created = make_complaint(admin)
    base = created["version"]
    noted = colleague.push_one(op("note", cid, base, text="Pelapor menelepon lagi"))
    assert noted["status"] == "applied" and noted["version"] == base + 1
    verified = admin.push_one(op("verify", cid, base, note="Sudah dicek"))
    assert verified["status"] == "applied", verified
    assert verified["version"] == base + 2
    timeline = admin.get(f"/complaints/{cid}").json()["timeline"]
    assert [e["kind"] for e in timeline][-2:] == ["note", "verify"]


def test_own_earlier_op_after_the_base_is_still_a_conflict(lapor_server: ServerHandle) -> None:
    """A desk's base counts its own earlier ops; its own event after the base means the
    base does not say what the officer saw (a colleague's verify may sit at it)."""
    admin = lapor_server.login("dinkes.admin")
    leader = lapor_server.login("dinkes.pimpinan")
    cid, created = make_complaint(admin)
    base = created["version"]
    assert leader.push_one(op("note", cid, base, text="Catatan pimpinan"))["status"] == \
        "applied"
    assert admin.push_one(op("note", cid, base, text="Catatan sendiri"))["status"] == "applied"
    stale = admin.push_one(op("verify", cid, base + 1))  # base counted the own note
    assert stale["status"] == "rejected" and stale["reason"] == "conflict"


def test_real_conflicts_stay_conflicts(lapor_server: ServerHandle) -> None:
    admin = lapor_server.login("dinkes.admin")
    cid, created = make_complaint(admin)
    base = created["version"]
    assert admin.push_one(op("verify", cid, base))["status"] == "applied"
    again = admin.push_one(op("verify", cid, base))
    assert again["status"] == "rejected" and again["reason"] == "conflict"
    # A note after the verify does not make the stale verify acceptable either.
    assert admin.push_one(op("note", cid, base + 1, text="catatan"))["status"] == "applied"
    late = admin.push_one(op("not_authority", cid, base, note="Bukan wewenang kami",
                             suggested_agency="DISHUB"))
    assert late["status"] == "rejected" and late["reason"] == "conflict"
