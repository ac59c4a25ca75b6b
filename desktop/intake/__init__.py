"""The front desk (loket): record walk-in and letter complaints offline with a provisional
number, print the Tanda Terima, import paper logs. No Qt here: the Loket page
(``desktop.views.loket``) and ``lapor-desk import`` both drive :class:`IntakeService`.

- ``numbers``: provisional numbers ``L-<desk>-<yyyymmdd>-<seq>``, allocated in the create's
  transaction; the desk id (setting ``desk_id``).
- ``writes``: the one transaction recording a complaint (create, attach, note, outbox).
- ``form``: the Loket form dict, its create payload and validation.
- ``attachments``: type and size limits, content-addressed copies.
- ``duplicates``: open complaints with the same NIK/phone or a similar title.
- ``receipt``: the Tanda Terima's data (``desktop.letters`` renders it).
- ``import_read`` / ``importer`` / ``template``: paper-log CSV/XLSX import.
"""

from desktop.intake.service import DRAFT_KEY, DeskContext, IntakeService, ReceiptDocument

__all__ = ["DRAFT_KEY", "DeskContext", "IntakeService", "ReceiptDocument"]
