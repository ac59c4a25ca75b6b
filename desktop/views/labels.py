"""Display names of the domain's codes (status, channel, ...) in the UI language.

The domain keeps codes with Indonesian labels (``core.enums``) for documents and
the server; the desk shows the same words through Qt translation so ``--lang en`` works
too. The Indonesian translations equal the domain's labels (tests/test_i18n.py checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class LabelTable:
    """Codes of one kind and their English source text, in one translation context."""

    def __init__(self, context: str, sources: dict[str, str]) -> None:
        self.context = context
        self.sources = sources

    def __iter__(self):
        return iter(self.sources)

    def __contains__(self, code: object) -> bool:
        return code in self.sources

    def text(self, code: str | None, fallback: str | None = None) -> str:
        """The translated name of ``code``; an unknown code shows ``fallback`` or itself,
        so a status the server adds later still displays."""
        if not code:
            return ""
        source = self.sources.get(code)
        if source is None:
            return fallback or code
        return QCoreApplication.translate(self.context, source)


STATUS = LabelTable("Status", {
    "belum_diverifikasi": QT_TRANSLATE_NOOP("Status", "Not Yet Verified"),
    "didisposisikan": QT_TRANSLATE_NOOP("Status", "Dispositioned"),
    "ditindaklanjuti": QT_TRANSLATE_NOOP("Status", "Followed Up"),
    "menunggu_tanggapan_pelapor": QT_TRANSLATE_NOOP("Status", "Awaiting Reporter's Reply"),
    "selesai": QT_TRANSLATE_NOOP("Status", "Completed"),
    "ditunda": QT_TRANSLATE_NOOP("Status", "On Hold"),
    "bukan_wewenang": QT_TRANSLATE_NOOP("Status", "Not Our Authority"),
    "diarsipkan": QT_TRANSLATE_NOOP("Status", "Archived"),
})

# Narrow forms for the queue's Status column; the full name is its tooltip and elsewhere.
STATUS_SHORT = LabelTable("StatusShort", {
    "menunggu_tanggapan_pelapor": QT_TRANSLATE_NOOP("StatusShort", "Awaiting Reporter"),
})


# A verified complaint awaiting disposition keeps the status belum_diverifikasi; it is shown
# so (domain: ``awaiting_disposition``, ``VERIFIED_LABEL``) so nobody verifies it twice.
VERIFIED = QT_TRANSLATE_NOOP("Status", "Verified, Awaiting Disposition")
VERIFIED_SHORT = QT_TRANSLATE_NOOP("StatusShort", "Verified")


def _verified(code: str | None, verified: bool) -> bool:
    return verified and code == "belum_diverifikasi"


def status_text(code: str | None, fallback: str | None = None, *, verified: bool = False) -> str:
    """The status's full name; ``verified``: the complaint has ``verified_at``."""
    if _verified(code, verified):
        return QCoreApplication.translate("Status", VERIFIED)
    return STATUS.text(code, fallback)


def snapshot_status_text(snapshot: Mapping[str, Any]) -> str:
    """The full status name of a complaint snapshot (verified ones say so)."""
    return status_text(snapshot.get("status"), verified=bool(snapshot.get("verified_at")))


def status_short(code: str | None, fallback: str | None = None, *,
                 verified: bool = False) -> str:
    """The status as the queue shows it: the short form where one exists."""
    if _verified(code, verified):
        return QCoreApplication.translate("StatusShort", VERIFIED_SHORT)
    return STATUS_SHORT.text(code) if code in STATUS_SHORT else STATUS.text(code, fallback)


ROLE = LabelTable("Role", {
    "loket": QT_TRANSLATE_NOOP("Role", "Front Desk Officer"),
    "petugas_unit": QT_TRANSLATE_NOOP("Role", "Unit Officer"),
    "admin_instansi": QT_TRANSLATE_NOOP("Role", "Agency Admin"),
    "pimpinan": QT_TRANSLATE_NOOP("Role", "Head of Agency"),
    "admin_pusat": QT_TRANSLATE_NOOP("Role", "Central Admin"),
})

# The queue's saved views (QueueFilter.view), in the order the filter list shows them.
VIEWS = LabelTable("View", {
    "semua": QT_TRANSLATE_NOOP("View", "All"),
    "perlu_verifikasi": QT_TRANSLATE_NOOP("View", "Needs Verification"),
    "untuk_unit_saya": QT_TRANSLATE_NOOP("View", "For My Unit"),
    "jatuh_tempo": QT_TRANSLATE_NOOP("View", "Due Soon"),
    "terlambat": QT_TRANSLATE_NOOP("View", "Overdue"),
    # The reporter did not answer within the period: close it (not the agency's delay).
    "perlu_ditutup": QT_TRANSLATE_NOOP("View", "Ready to Close"),
    "menunggu_pelapor": QT_TRANSLATE_NOOP("View", "Awaiting Reporter"),
    "ditunda": QT_TRANSLATE_NOOP("View", "On Hold"),
    "selesai": QT_TRANSLATE_NOOP("View", "Completed"),
    "arsip": QT_TRANSLATE_NOOP("View", "Archive"),
})

CLASSIFICATION = LabelTable("Classification", {
    "pengaduan": QT_TRANSLATE_NOOP("Classification", "Complaint"),
    "aspirasi": QT_TRANSLATE_NOOP("Classification", "Aspiration"),
    "permintaan_informasi": QT_TRANSLATE_NOOP("Classification", "Information Request"),
})

CHANNEL = LabelTable("Channel", {
    "web": QT_TRANSLATE_NOOP("Channel", "Website"),
    "sms_1708": QT_TRANSLATE_NOOP("Channel", "SMS 1708"),
    "aplikasi": QT_TRANSLATE_NOOP("Channel", "Mobile App"),
    "media_sosial": QT_TRANSLATE_NOOP("Channel", "Social Media"),
    "loket": QT_TRANSLATE_NOOP("Channel", "Front Desk (in person)"),
    "surat": QT_TRANSLATE_NOOP("Channel", "Letter"),
})

SIFAT = LabelTable("Sifat", {
    "biasa": QT_TRANSLATE_NOOP("Sifat", "Ordinary"),
    "segera": QT_TRANSLATE_NOOP("Sifat", "Urgent"),
    "sangat_segera": QT_TRANSLATE_NOOP("Sifat", "Very Urgent"),
    "rahasia": QT_TRANSLATE_NOOP("Sifat", "Confidential"),
})

# Timeline event names: the action that made the event (domain KIND_LABELS).
EVENT = LabelTable("Event", {
    "create": QT_TRANSLATE_NOOP("Event", "Record Complaint"),
    "verify": QT_TRANSLATE_NOOP("Event", "Verify"),
    "dispose": QT_TRANSLATE_NOOP("Event", "Disposition"),
    "follow_up": QT_TRANSLATE_NOOP("Event", "Follow-up"),
    "request_clarification": QT_TRANSLATE_NOOP("Event", "Ask Reporter for Clarification"),
    "close": QT_TRANSLATE_NOOP("Event", "Complete"),
    "hold": QT_TRANSLATE_NOOP("Event", "Put on Hold"),
    "resume": QT_TRANSLATE_NOOP("Event", "Resume"),
    "not_authority": QT_TRANSLATE_NOOP("Event", "Not Our Authority"),
    "reroute": QT_TRANSLATE_NOOP("Event", "Reroute to Another Agency"),
    "archive": QT_TRANSLATE_NOOP("Event", "Archive"),
    "reopen": QT_TRANSLATE_NOOP("Event", "Reopen"),
    "note": QT_TRANSLATE_NOOP("Event", "Note"),
    "privacy_flags": QT_TRANSLATE_NOOP("Event", "Change Privacy"),
    "attach": QT_TRANSLATE_NOOP("Event", "Attachment"),
    "letter_issued": QT_TRANSLATE_NOOP("Event", "Issue Letter"),
    "letter_voided": QT_TRANSLATE_NOOP("Event", "Void Letter"),
    "mark_duplicate": QT_TRANSLATE_NOOP("Event", "Mark as Duplicate"),
    "chain_dispose": QT_TRANSLATE_NOOP("Event", "Disposition to a Position"),
    "chain_read": QT_TRANSLATE_NOOP("Event", "Read Disposition"),
    "chain_withdraw": QT_TRANSLATE_NOOP("Event", "Withdraw Disposition"),
    "chain_report": QT_TRANSLATE_NOOP("Event", "Follow-up Report"),
})
