"""Berkas perkara: one complaint as ONE PDF for the Ombudsman, the Inspektorat or another
agency (issue 19.3).

In order: the surat pengantar (kop surat, addressee, body, signature block), the complaint
(reporter per ``recipient_identity``), its full timeline, every disposition and follow-up,
the list of letters, then every letter's pages, every attachment (images and PDFs as pages;
other files only embedded), and a manifest: each item with its SHA-256, size and where it
is. Every item (the complaint record as JSON, each letter, each attachment) is also
embedded in the PDF as a file attachment with its original bytes, so each hash can be
checked from the case file alone. Pure Python (reportlab + pypdf); the caller gathers the
items (``desktop/printing/case_file.py``) and signs the result (``pades.PdfSealer``) in the
signature box returned.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.dates import format_date_id, format_datetime_id

from .models import AgencyProfile, Signer
from .signbox import SignatureBox

RECIPIENTS = {
    "ombudsman": "Kepala Ombudsman Republik Indonesia Perwakilan Provinsi Kalimantan Selatan",
    "inspektorat": "Inspektur Provinsi Kalimantan Selatan",
    "instansi": "Pimpinan Instansi yang Berwenang",
}
EVENT_LABELS = {
    "create": "Pengaduan dicatat", "verify": "Diverifikasi", "dispose": "Disposisi",
    "follow_up": "Tindak lanjut", "request_clarification": "Permintaan klarifikasi",
    "close": "Selesai", "hold": "Ditunda", "resume": "Dilanjutkan",
    "not_authority": "Bukan wewenang", "reroute": "Dialihkan", "archive": "Diarsipkan",
    "reopen": "Dibuka kembali", "note": "Catatan", "privacy_flags": "Perubahan kerahasiaan",
    "attach": "Lampiran", "letter_issued": "Surat diterbitkan",
    "letter_voided": "Surat dibatalkan", "mark_duplicate": "Ditandai duplikat",
    "chain_dispose": "Disposisi berjenjang", "chain_read": "Disposisi dibaca",
    "chain_withdraw": "Disposisi ditarik", "chain_report": "Laporan disposisi",
}
DISPOSITION_KINDS = ("dispose", "chain_dispose", "chain_report", "follow_up",
                     "request_clarification", "not_authority", "reroute", "close")


@dataclass(frozen=True)
class CaseItem:
    """One document of the case file, with its original bytes."""

    kind: str  # "data" | "letter" | "attachment"
    title: str
    filename: str
    mime: str
    data: bytes
    note: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class LetterEntry:
    agenda_number: str
    issued_at: str
    voided: bool
    void_reason: str
    sha256: str
    item: CaseItem | None  # None: the file is not on this desk


@dataclass
class CaseFile:
    profile: AgencyProfile
    signer: Signer | None
    snapshot: Mapping[str, Any]  # already what the recipient may see (recipient_identity)
    recipient: str
    made: datetime
    place: str = ""
    desk_id: str = ""
    unit_names: Mapping[str, str] = field(default_factory=dict)
    category_names: Mapping[str, str] = field(default_factory=dict)
    letters: Sequence[LetterEntry] = ()
    attachments: Sequence[CaseItem] = ()
    missing_attachments: Sequence[str] = ()  # names of files this desk does not hold
    signed: bool = False  # says so on the pengantar

    @property
    def number(self) -> str:
        snap = self.snapshot
        return str(snap.get("tracking_number") or snap.get("provisional_number") or
                   snap.get("id") or "-")


def recipient_identity(snapshot: Mapping[str, Any], recipient: str) -> dict:
    """A copy of the complaint with the reporter as ``recipient`` may see it: an anonymous
    reporter never (no identity at all); a confidential (rahasia) complaint's reporter
    only for the oversight bodies (Ombudsman, Inspektorat), never for another agency; the
    NIK always masked."""
    from core.privacy import mask_nik

    out = json.loads(json.dumps(dict(snapshot), default=str))
    reporter = out.get("reporter")
    if out.get("anonymous") or (out.get("confidential") and recipient == "instansi"):
        out["reporter"] = None
    elif isinstance(reporter, dict) and reporter.get("nik"):
        reporter["nik"] = mask_nik(str(reporter["nik"]))
    return out


def data_item(case: CaseFile) -> CaseItem:
    record = {k: v for k, v in case.snapshot.items() if k != "attachments"}
    record["attachments"] = [{k: a.get(k) for k in ("sha256", "filename", "mime", "size")}
                             for a in case.snapshot.get("attachments") or ()]
    data = json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True).encode()
    return CaseItem("data", "Data pengaduan (JSON)", "pengaduan.json", "application/json", data)


# --------------------------------------------------------------------------- rendering


def render_case_file(case: CaseFile) -> tuple[bytes, list[SignatureBox], list[dict]]:
    """(PDF bytes, the pengantar's signature box, the manifest rows)."""
    from pypdf import PdfReader, PdfWriter

    from . import fonts

    fonts.register_fonts()
    boxes: list[SignatureBox] = []
    front = _render_front(case, boxes)
    writer = PdfWriter()
    page = _append(writer, front)
    rows: list[dict] = []
    data = data_item(case)
    rows.append(_row(data, "halaman 2 (ringkasan); berkas tertanam"))
    embedded = [data]
    for entry in case.letters:
        if entry.item is None:
            continue
        first = page + 1
        page = _append(writer, entry.item.data)
        rows.append(_row(entry.item, _pages(first, page)))
        embedded.append(entry.item)
    for item in case.attachments:
        first = page + 1
        pages = _attachment_pages(item, case)
        if pages is not None:
            try:
                PdfReader(io.BytesIO(pages))
                page = _append(writer, pages)
                where = _pages(first, page)
            except Exception:  # noqa: BLE001 - a damaged or encrypted PDF: embedded only
                where = "berkas tertanam (tidak dapat ditampilkan)"
        else:
            where = "berkas tertanam"
        rows.append(_row(item, where))
        embedded.append(item)
    _append(writer, _render_manifest(case, rows, page + 1))
    for number, item in enumerate(embedded, start=1):
        writer.add_attachment(f"{number:02d}-{item.filename}", item.data)
    writer.add_metadata({"/Title": f"Berkas Perkara Pengaduan {case.number}",
                         "/Author": case.profile.header_lines[-1], "/Creator": "LAPOR! Desk"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), boxes, rows


def _row(item: CaseItem, where: str) -> dict:
    return {"title": item.title, "filename": item.filename, "kind": item.kind,
            "size": len(item.data), "sha256": item.sha256, "where": where}


def _pages(first: int, last: int) -> str:
    return f"halaman {first}" if first == last else f"halaman {first}\u2013{last}"


def _append(writer: Any, data: bytes) -> int:
    """Append the pages of ``data`` (annotations left out: a letter's signature widget
    belongs to its own file, embedded whole); returns the number of the last page."""
    from pypdf import PdfReader
    from pypdf.generic import NameObject

    for page in PdfReader(io.BytesIO(data)).pages:
        if "/Annots" in page:
            del page[NameObject("/Annots")]
        writer.add_page(page)
    return len(writer.pages)


def _attachment_pages(item: CaseItem, case: CaseFile) -> bytes | None:
    """The attachment as pages: a PDF as it is, an image on an A4 page, else None."""
    if item.data[:5] == b"%PDF-":
        return item.data
    if not item.mime.startswith("image/"):
        return None
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from . import fonts
    from .pdfparts import fit_text

    try:
        image = ImageReader(io.BytesIO(item.data))
        iw, ih = image.getSize()
    except Exception:  # noqa: BLE001 - not an image reportlab can read
        return None
    buf = io.BytesIO()
    width, height = A4
    c = Canvas(buf, pagesize=A4, initialFontName=fonts.REGULAR, invariant=1)
    margin = 56.0
    c.setFont(fonts.BOLD, 10)
    c.drawString(margin, height - margin, fit_text(f"Lampiran: {item.filename}", fonts.BOLD, 10,
                                                   width - 2 * margin))
    c.setFont(fonts.REGULAR, 7)
    c.drawString(margin, height - margin - 12, f"Berkas perkara pengaduan {case.number} \u00b7 "
                 f"SHA-256 {item.sha256}")
    box_w, box_h = width - 2 * margin, height - 2 * margin - 30
    scale = min(box_w / iw, box_h / ih)
    w, h = iw * scale, ih * scale
    c.drawImage(image, margin + (box_w - w) / 2, margin + (box_h - h), w, h)
    c.showPage()
    c.save()
    return buf.getvalue()


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB".replace(".", ",")
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")


def _doc(case: CaseFile, buf: io.BytesIO, title: str) -> Any:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from .paper import MM
    from .pdfparts import footer_height

    return SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=25 * MM, rightMargin=20 * MM, topMargin=18 * MM,
        bottomMargin=15 * MM + footer_height(1.0), title=title,
        author=case.profile.header_lines[-1], creator="LAPOR! Desk", lang="id-ID",
        invariant=1)


def _build(case: CaseFile, story: list, title: str, first_page: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4

    from .paper import MM
    from .pdfparts import canvas_class, draw_footer, footer_text

    buf = io.BytesIO()
    doc = _doc(case, buf, title)
    width = A4[0] - 45 * MM
    stamp = f"Berkas perkara pengaduan {case.number} \u00b7 {footer_text(case.made, case.desk_id)}"

    def final(canv: Any, number: int, _total: int) -> None:
        draw_footer(canv, 25 * MM, 15 * MM, width, stamp,
                    f"Halaman {first_page + number - 1}", 1.0)

    doc.build(story, canvasmaker=canvas_class(final, case.made))
    return buf.getvalue()


def _render_front(case: CaseFile, boxes: list[SignatureBox]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Spacer

    from .paper import MM
    from .pdfparts import KopFlowable, layout_kop, make_styles

    st = make_styles(1.0, 10)
    width = A4[0] - 45 * MM
    story: list = [KopFlowable(layout_kop(case.profile, width, 0.85)), Spacer(1, 5 * MM)]
    story += _pengantar(case, st, width, boxes)
    story += [PageBreak()]
    story += _complaint_section(case, st, width)
    story += _timeline_section(case, st, width)
    story += _disposition_section(case, st, width)
    story += _letters_section(case, st, width)
    story += _attachments_section(case, st, width)
    return _build(case, story, f"Berkas Perkara Pengaduan {case.number}")


def _p(text: str, style: Any) -> Any:
    from .pdfparts import esc, para

    return para(esc(text), style)


def _pengantar(case: CaseFile, st: Any, width: float, boxes: list[SignatureBox]) -> list:
    from reportlab.platypus import Spacer, Table, TableStyle

    from . import fonts
    from .paper import MM
    from .signature import signature_block

    snap = case.snapshot
    secret = bool(snap.get("confidential"))
    place = case.place.strip()
    dated = format_date_id(case.made)
    head = Table([
        [_p("Sifat", st.body), _p(":", st.body),
         _p("Rahasia" if secret else "Biasa", st.bold if secret else st.body),
         _p(f"{place}, {dated}" if place else dated, st.body)],
        [_p("Lampiran", st.body), _p(":", st.body), _p("1 (satu) berkas", st.body), ""],
        [_p("Perihal", st.body), _p(":", st.body),
         _p(f"Penyampaian berkas pengaduan No. {case.number}", st.bold), ""],
    ], colWidths=[22 * MM, 4 * MM, width * 0.5, width * 0.5 - 26 * MM])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("FONT", (0, 0), (-1, -1), fonts.REGULAR, st.size),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("ALIGN", (3, 0), (3, 0), "RIGHT")]))
    received = snap.get("received_at")
    when = f" pada {format_datetime_id(datetime.fromisoformat(str(received)))}" if received \
        else ""
    body = (
        f"Bersama ini kami sampaikan berkas pengaduan masyarakat No. {case.number} "
        f"perihal \u201c{snap.get('title') or '-'}\u201d yang kami terima{when}, beserta "
        "riwayat penanganan, disposisi dan tindak lanjut, surat yang telah diterbitkan, dan "
        "lampirannya, untuk ditindaklanjuti sesuai kewenangan."
    )
    identity = ("Pelapor memilih anonim; identitas pelapor tidak dicantumkan."
                if snap.get("anonymous") else
                "Pengaduan ini bersifat RAHASIA; identitas pelapor tidak dicantumkan."
                if snap.get("reporter") is None and secret else
                "Pengaduan ini bersifat RAHASIA; mohon identitas pelapor dijaga kerahasiaannya."
                if secret else "")
    manifest = ("Daftar isi berkas beserta sidik SHA-256 setiap dokumen tercantum pada Manifes "
                "di halaman terakhir; setiap dokumen asli juga tertanam dalam berkas PDF ini.")
    signed = ("Berkas ini ditandatangani secara elektronik." if case.signed else
              "Berkas ini tidak ditandatangani secara elektronik.")
    story = [head, Spacer(1, 6 * MM), _p("Kepada Yth.", st.body),
             _p(case.recipient, st.bold), _p("di tempat", st.body), Spacer(1, 6 * MM),
             _p(body, st.body), Spacer(1, 2 * MM)]
    if identity:
        story += [_p(identity, st.body), Spacer(1, 2 * MM)]
    story += [_p(manifest, st.body), Spacer(1, 2 * MM),
              _p("Demikian kami sampaikan; atas perhatian dan kerja samanya kami ucapkan "
                 "terima kasih.", st.body), Spacer(1, 6 * MM)]
    if case.signer is not None:
        story.append(signature_block(case.signer, st, width, opening="", boxes=boxes))
    story += [Spacer(1, 4 * MM), _p(signed, st.small_italic)]
    return story


def _table(rows: list[list], widths: list[float], st: Any, header: bool = True) -> Any:
    from reportlab.platypus import Table, TableStyle

    from . import fonts

    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    cmds: list = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                  ("FONT", (0, 0), (-1, -1), fonts.REGULAR, st.size),
                  ("GRID", (0, 0), (-1, -1), 0.4, "grey"),
                  ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), "#e8e8e8"))
    table.setStyle(TableStyle(cmds))
    return table


def _heading(text: str, st: Any) -> list:
    from reportlab.platypus import Spacer

    from .paper import MM

    return [Spacer(1, 5 * MM), _p(text, st.heading), Spacer(1, 2 * MM)]


def _when(value: Any) -> str:
    try:
        return format_datetime_id(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value or "-")


def _complaint_section(case: CaseFile, st: Any, width: float) -> list:
    from .paper import MM

    snap = case.snapshot
    s = make_small(st)
    reporter = snap.get("reporter")
    if snap.get("anonymous"):
        who = "Anonim (identitas tidak dicantumkan)"
    elif not reporter:
        who = "Tidak dicantumkan (pengaduan rahasia)" if snap.get("confidential") else "-"
    else:
        parts = [str(reporter.get(k)) for k in ("name", "nik", "phone", "email", "address")
                 if reporter.get(k)]
        who = "; ".join(parts) or "-"
    units = ", ".join(case.unit_names.get(u, u) for u in snap.get("unit_codes") or ()) or "-"
    fields = [
        ("No. Laporan", case.number), ("Judul", snap.get("title") or "-"),
        ("Isi pengaduan", snap.get("content") or "-"),
        ("Klasifikasi", snap.get("classification") or "-"),
        ("Kategori", case.category_names.get(str(snap.get("category_id")),
                                             str(snap.get("category_id") or "-"))),
        ("Saluran", snap.get("channel") or "-"),
        ("Tanggal kejadian", snap.get("incident_date") or "-"),
        ("Lokasi", snap.get("location_text") or "-"),
        ("Diterima", _when(snap.get("received_at"))), ("Status", snap.get("status") or "-"),
        ("Instansi", snap.get("agency_code") or "-"), ("Unit", units),
        ("Keamanan", "RAHASIA" if snap.get("confidential") else "Biasa"),
        ("Pelapor", who),
    ]
    rows = [[_p(k, s), _p(str(v), s)] for k, v in fields]
    return [*_heading("A. DATA PENGADUAN", st),
            _table(rows, [35 * MM, width - 35 * MM], st, header=False)]


def make_small(st: Any) -> Any:
    return st.small


def _timeline_section(case: CaseFile, st: Any, width: float) -> list:
    from .paper import MM

    s = make_small(st)
    rows = [[_p(h, s) for h in ("Waktu", "Petugas", "Tindakan", "Status", "Catatan")]]
    for e in case.snapshot.get("timeline") or ():
        status = " \u2192 ".join(x for x in (e.get("from_status"), e.get("to_status")) if x)
        rows.append([_p(_when(e.get("at")), s),
                     _p(str(e.get("actor_name") or e.get("actor") or "-"), s),
                     _p(EVENT_LABELS.get(str(e.get("kind")), str(e.get("kind"))), s),
                     _p(status or "-", s), _p(str(e.get("note") or ""), s)])
    widths = [30 * MM, 32 * MM, 28 * MM, 35 * MM]
    return [*_heading("B. RIWAYAT PENANGANAN", st),
            _table(rows, [*widths, width - sum(widths)], st)]


def _disposition_section(case: CaseFile, st: Any, width: float) -> list:
    from .paper import MM

    s = make_small(st)
    rows = [[_p(h, s) for h in ("Waktu", "Oleh", "Jenis", "Rincian")]]
    for e in case.snapshot.get("timeline") or ():
        kind = str(e.get("kind"))
        if kind not in DISPOSITION_KINDS:
            continue
        data = e.get("data") or {}
        details = []
        if data.get("unit_codes"):
            details.append("Kepada: " + ", ".join(case.unit_names.get(u, u)
                                                  for u in data["unit_codes"]))
        if data.get("instructions"):
            details.append("Instruksi: " + "; ".join(map(str, data["instructions"])))
        if data.get("sifat"):
            details.append(f"Sifat: {data['sifat']}")
        if data.get("deadline"):
            details.append(f"Batas waktu: {data['deadline']}")
        if data.get("note") or e.get("note"):
            details.append(f"Catatan: {data.get('note') or e.get('note')}")
        if data.get("visibility"):
            details.append(f"Ditujukan: {data['visibility']}")
        rows.append([_p(_when(e.get("at")), s),
                     _p(str(e.get("actor_name") or e.get("actor") or "-"), s),
                     _p(EVENT_LABELS.get(kind, kind), s), _p("\n".join(details) or "-", s)])
    if len(rows) == 1:
        rows.append([_p("Belum ada disposisi atau tindak lanjut.", s), "", "", ""])
    widths = [30 * MM, 32 * MM, 28 * MM]
    return [*_heading("C. DISPOSISI DAN TINDAK LANJUT", st),
            _table(rows, [*widths, width - sum(widths)], st)]


def _letters_section(case: CaseFile, st: Any, width: float) -> list:
    from .paper import MM

    s = make_small(st)
    rows = [[_p(h, s) for h in ("No. Agenda", "Diterbitkan", "Keadaan", "Berkas")]]
    for entry in case.letters:
        state = f"DIBATALKAN: {entry.void_reason}" if entry.voided else "Berlaku"
        held = "terlampir (lihat Manifes)" if entry.item else \
            "berkas tidak ada di desk ini; sinkronkan untuk melampirkannya"
        rows.append([_p(entry.agenda_number, s), _p(_when(entry.issued_at), s), _p(state, s),
                     _p(held, s)])
    if len(rows) == 1:
        rows.append([_p("Belum ada surat yang diterbitkan.", s), "", "", ""])
    widths = [45 * MM, 32 * MM, 45 * MM]
    return [*_heading("D. SURAT YANG DITERBITKAN", st),
            _table(rows, [*widths, width - sum(widths)], st)]


def _attachments_section(case: CaseFile, st: Any, width: float) -> list:
    from .paper import MM

    s = make_small(st)
    rows = [[_p(h, s) for h in ("Nama berkas", "Jenis", "Ukuran")]]
    for item in case.attachments:
        rows.append([_p(item.filename, s), _p(item.mime, s), _p(_size(len(item.data)), s)])
    for name in case.missing_attachments:
        rows.append([_p(name, s), _p("tidak ada di desk ini", s), _p("-", s)])
    if len(rows) == 1:
        rows.append([_p("Tidak ada lampiran.", s), "", ""])
    return [*_heading("E. LAMPIRAN", st),
            _table(rows, [width - 70 * MM, 45 * MM, 25 * MM], st)]


def _render_manifest(case: CaseFile, rows: list[dict], first_page: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle

    from . import fonts
    from .paper import MM
    from .pdfparts import make_styles

    st = make_styles(1.0, 10)
    s = st.small
    mono = ParagraphStyle("sha", parent=s, fontSize=6.0, leading=7.5)
    width = A4[0] - 45 * MM
    table = [[_p(h, s) for h in ("No.", "Dokumen", "Letak dalam berkas", "SHA-256")]]
    for number, row in enumerate(rows, start=1):
        table.append([_p(str(number), s),
                      _p(f"{row['title']}\n{row['filename']} ({_size(row['size'])})", s),
                      _p(row["where"], s), _p(row["sha256"], mono)])
    intro = ("Setiap dokumen di bawah ini juga tertanam dalam berkas PDF ini (lampiran berkas) "
             "dengan isi aslinya; sidik SHA-256 dihitung dari isi asli tersebut.")
    fonts.register_fonts()
    story = [*_heading("MANIFES BERKAS PERKARA", st), _p(intro, s),
             _table(table, [8 * MM, 45 * MM, 28 * MM, width - 81 * MM], st)]
    return _build(case, story, "Manifes", first_page)
