"""Issue 17.5 in core: the holder (or Plt./Plh.) of the position a chain disposition was
sent to issues and voids the Lembar Disposisi for THAT disposition whatever his role
(``chain.resolve`` sets a trusted ``acting_for``, ``workflow.check_transition`` lets the
position stand in for the role); nobody else gains anything."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from core import Actor, DomainError, OpKind, Role, TransitionError, apply_op
from core.chain import letter_level, resolve
from core.org import OrgChart
from core.workflow import may_letter

from .test_domain_chain import CAL, KADIS, KASI, POLICY, T0, chart, complaint, dispose

pytestmark = pytest.mark.dates

# The Kabid with his real account's role: petugas_unit issues no letters by role.
KABID = Actor("kabid", Role.petugas_unit, "DINKES", ("YANKES",), "Kabid Yankes")
PLH = Actor("plh", Role.petugas_unit, "DINKES", ("P2P",), "Plh. Kabid")
LOKET = Actor("loket1", Role.loket, "DINKES", (), "Petugas Loket")


def letter(snap, kind, payload, actor, at=T0, org=None):
    """A letter op as the server (and the desk) makes it: resolved, then applied."""
    kind = OpKind(kind)
    payload = resolve(kind, payload, snap, org or chart(), actor.username, at.date())
    return apply_op(snap, kind, payload, actor, at, POLICY, CAL).snapshot


def issue(snap, actor, level=None, at=T0, org=None):
    letter_id = str(uuid.uuid4())
    payload = {"letter_id": letter_id, **({"chain_entry": level} if level else {})}
    return letter(snap, "letter_issued", payload, actor, at, org), letter_id


def void(snap, actor, letter_id, at=T0):
    return letter(snap, "letter_voided", {"letter_id": letter_id, "reason": "Salah cetak"},
                  actor, at)


@pytest.fixture
def levels():
    """Kadis -> Kabid (+ tembusan to the Kasi) -> Kasi: (snapshot, kabid, kasi, tembusan)."""
    snap, (kabid,) = dispose(complaint(), KADIS, "KADIS", ["KABID-YANKES"], days=5,
                             tembusan=[{"id": str(uuid.uuid4()), "position": "KASI-RUJUKAN"}])
    tembusan = next(e["id"] for e in snap["chain"] if e["tembusan"])
    snap, (kasi,) = dispose(snap, KABID, "KABID-YANKES", ["KASI-RUJUKAN"], parent=kabid)
    return snap, kabid, kasi, tembusan


def _refused(fn, *args, **kw) -> TransitionError:
    with pytest.raises(TransitionError) as refused:
        fn(*args, **kw)
    assert refused.value.code == "role_not_allowed"
    return refused.value


def test_the_holder_issues_the_sheet_of_his_disposition(levels) -> None:
    snap, kabid, _, _ = levels
    done, letter_id = issue(snap, KABID, kabid)
    event = done["timeline"][-1]
    assert event["kind"] == "letter_issued" and event["actor"] == "kabid"
    assert event["data"]["chain_entry"] == kabid and "acting_for" not in event["data"]
    # His Plh. (acting on the day, named in the disposition) too.
    issue(snap, PLH, kabid)


def test_a_later_plt_acts_through_the_position(levels) -> None:
    """Named Plt. after the disposition was sent (not among its recipients): he holds the
    position on the day he prints. A loket officer reaches the complaint (same agency)."""
    snap, kabid, _, _ = levels
    later = T0 + timedelta(days=7)
    rows = [p.to_json() for p in chart().positions.values()]
    for row in rows:
        if row["code"] == "KABID-YANKES":
            row["actings"] = [{"username": "loket1", "kind": "plt",
                               "start": later.date().isoformat(),
                               "end": later.date().isoformat()}]
    org = OrgChart.of("DINKES", rows)
    issue(snap, LOKET, kabid, at=later, org=org)
    _refused(issue, snap, LOKET, kabid, at=later + timedelta(days=1), org=org)  # range over


def test_no_one_else_gains_anything(levels) -> None:
    snap, kabid, kasi, tembusan = levels
    wording = _refused(issue, snap, KABID, None)  # the Kadis's own sheet: by role only
    assert "Petugas Unit tidak berwenang" in wording.message
    _refused(issue, snap, KABID, kasi)  # another level's disposition
    _refused(issue, snap, LOKET, kabid)  # holds no position
    _refused(issue, snap, KABID, str(uuid.uuid4()))  # no such disposition
    _refused(issue, snap, KASI, tembusan)  # a tembusan is no level
    issue(snap, KASI, kasi)  # his own disposition: yes
    # A sent acting_for is dropped by resolve; apply_op alone refuses the unresolved op.
    forged = resolve(OpKind.letter_issued, {"chain_entry": kabid, "acting_for": "KABID-YANKES"},
                     snap, chart(), "loket1", T0.date())
    assert "acting_for" not in forged
    _refused(apply_op, snap, OpKind.letter_issued, forged, LOKET, T0, POLICY, CAL)


def test_void_only_his_own_levels_letter(levels) -> None:
    snap, kabid, kasi, _ = levels
    snap, kadis_letter = issue(snap, KADIS)
    snap, kasi_letter = issue(snap, KASI, kasi)
    snap, kabid_letter = issue(snap, KABID, kabid)
    assert letter_level(OpKind.letter_voided, {"letter_id": kabid_letter}, snap) == kabid
    assert letter_level(OpKind.letter_voided, {"letter_id": kadis_letter}, snap) is None
    _refused(void, snap, KABID, kadis_letter)  # a leader's letter
    _refused(void, snap, KABID, kasi_letter)  # another level's letter
    _refused(void, snap, KABID, str(uuid.uuid4()))  # a letter the complaint never had
    voided = void(snap, KABID, kabid_letter)
    assert voided["timeline"][-1]["kind"] == "letter_voided"
    void(snap, KADIS, kabid_letter)  # leaders keep what they had
    void(snap, KASI, kasi_letter)  # the Kasi his own level's
    # By agenda number (no letter_id): the level is that letter's too.
    numbered = apply_op(snap, OpKind.letter_issued, {"letter_id": "L-9", "agenda_number": 45,
                                                     "chain_entry": kabid}, KADIS, T0,
                        POLICY, CAL).snapshot
    assert letter_level(OpKind.letter_voided, {"agenda_number": 45}, numbered) == kabid
    letter(numbered, "letter_voided", {"agenda_number": 45, "reason": "Salah cetak"}, KABID)


def test_may_letter_is_the_desks_question(levels) -> None:
    snap, kabid, kasi, _ = levels
    assert may_letter(Role.pimpinan, OpKind.letter_issued, snap, {})
    mine = resolve(OpKind.letter_issued, {"chain_entry": kabid}, snap, chart(), "kabid",
                   T0.date())
    assert mine["acting_for"] == "KABID-YANKES"
    assert may_letter(Role.petugas_unit, OpKind.letter_issued, snap, mine)
    theirs = resolve(OpKind.letter_issued, {"chain_entry": kasi}, snap, chart(), "kabid",
                     T0.date())
    assert not may_letter(Role.petugas_unit, OpKind.letter_issued, snap, theirs)
    assert not may_letter(Role.petugas_unit, OpKind.letter_issued, snap, {})
    with pytest.raises(DomainError):  # scope still first: a foreign agency's officer
        issue(snap, Actor("x", Role.petugas_unit, "PUPR", (), "X"), kabid)
