"""The disposition sheet's QR code (issue 15.6): a verification URL on the desk's server,
printed under the code, a quiet zone of 4 modules inside the form's border, and a code that
decodes at 72 dpi on every paper (pdftoppm -r 72 + zbarimg)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from desktop.letters import make_qr_payload, render_disposition
from desktop.letters.samples import SAMPLE_QR_KEY, sample_sheet

from .test_letters_pdftools import flat, ink, need_tools, qr_codes, text, words, write

pytestmark = need_tools
PAPERS = ("a4", "f4", "half")
SERVER = "https://lapor-paman.kalselprov.go.id"
PAYLOAD = make_qr_payload("DINKES", "045/DISP/DINKES/XI/2026", "1916449", SAMPLE_QR_KEY)


def url_sheet(base: str = SERVER):
    return replace(sample_sheet(), verify_base=base)


def _mul(a: list[float], b: list[float]) -> list[float]:
    """PDF matrices [a b c d e f]: a then b."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def qr_box(path: Path, page: int = 1) -> tuple[tuple[float, float, float, float], float]:
    """((x0, top, x1, bottom) from the page's top-left, module size) of the one QR code:
    the filled run of 20 or more rectangles, through every ``cm`` before it."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    pg = reader.pages[page - 1]
    height = float(pg.mediabox.height)
    ops = ContentStream(pg.get_contents(), reader).operations
    ctm, stack, run, found = [1.0, 0, 0, 1.0, 0, 0], [], [], []
    for operands, op in ops:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            corners = [(x, y), (x + w, y + h)]
            run.append([(ctm[0] * cx + ctm[2] * cy + ctm[4], ctm[1] * cx + ctm[3] * cy + ctm[5])
                        for cx, cy in corners] + [abs(h * ctm[3])])
            continue
        elif op == b"f" and len(run) >= 20:
            found.append(run)
        run = []
    assert len(found) == 1, f"expected one QR code, found {len(found)}"
    xs = [p[0] for r in found[0] for p in r[:2]]
    ys = [p[1] for r in found[0] for p in r[:2]]
    module = min(r[2] for r in found[0])
    return (min(xs), height - max(ys), max(xs), height - min(ys)), module


@pytest.mark.parametrize("paper", PAPERS)
def test_the_qr_opens_the_verification_page_and_decodes_at_72_dpi(tmp_path: Path,
                                                                  paper: str) -> None:
    from core.qr_payload import display_url, verify_url

    path = write(tmp_path, f"url-{paper}", render_disposition(url_sheet(), paper))
    url = verify_url(SERVER, PAYLOAD)
    assert url == (f"{SERVER}/api/v1/letters/v/LPD1*DINKES*045/DISP/DINKES/XI/2026*1916449*"
                   f"{PAYLOAD.rsplit('|', 1)[1]}")
    assert qr_codes(path, dpi=72) == [url], paper
    # The address is printed under the code, as it can be typed (without https://).
    (x0, _top, x1, bottom), module = qr_box(path)
    left = x0 - 4 * module - 6  # the quiet zone, then the cell's padding
    under = [w for w in words(path)[0].words if bottom < w.y0 < bottom + 40 and w.x0 >= left
             and w.x1 < x0 + (x1 - x0) * 2.4]
    assert "".join(w.text for w in sorted(under, key=lambda w: (w.y0, w.x0))) == \
        display_url(url)
    assert "buka alamat di bawahnya" in flat(text(path))


@pytest.mark.parametrize("paper", PAPERS)
def test_a_desk_without_a_server_prints_the_payload_and_it_decodes_at_72_dpi(
        tmp_path: Path, paper: str) -> None:
    path = write(tmp_path, f"payload-{paper}", render_disposition(sample_sheet(), paper))
    assert qr_codes(path, dpi=72) == [PAYLOAD], paper
    assert "api/v1" not in text(path)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("with_url", [False, True])
def test_the_code_has_a_quiet_zone_of_four_modules_inside_the_border(
        tmp_path: Path, paper: str, with_url: bool) -> None:
    sheet = url_sheet() if with_url else sample_sheet()
    path = write(tmp_path, f"quiet-{paper}-{with_url}", render_disposition(sheet, paper))
    (x0, top, x1, bottom), module = qr_box(path)
    assert module >= 1.99  # 2 pt modules: whole pixels at 72 dpi
    assert x0 == pytest.approx(round(x0), abs=0.01) and top == pytest.approx(round(top),
                                                                              abs=0.01)
    q, e = 4 * module, 0.5  # the zone, and a margin for anti-aliasing at the code's edge
    strips = {"left": (x0 - q, top - q, x0 - e, bottom + q),
              "right": (x1 + e, top - q, x1 + q, bottom + q),
              "top": (x0 - q, top - q, x1 + q, top - e),
              "bottom": (x0 - q, bottom + e, x1 + q, bottom + q)}
    for side, box in strips.items():
        assert ink(path, 1, box) == 0, (paper, side)  # no border, no text, nothing


def test_the_url_form_carries_any_field_exactly() -> None:
    from urllib.parse import unquote, urlsplit

    from core.qr_payload import VERIFY_PATH, payload_from_code, verify_url

    for agency, agenda, number in [("DINKES", "045/DISP/DINKES/XI/2026", "1916449"),
                                   ("A*B|C", "1 %#?&/2026", "L-D1-20261120-0007"),
                                   ("X", "100%25*|#", "7")]:
        payload = make_qr_payload(agency, agenda, number, b"k")
        for base in ("https://h.example", "https://h.example/", "http://127.0.0.1:8000/api/v1"):
            url = verify_url(base, payload)
            parts = urlsplit(url)
            assert not parts.query and not parts.fragment and "|" not in url
            assert parts.path.startswith(VERIFY_PATH)
            # What a web server hands the route: the path, decoded once.
            assert payload_from_code(unquote(parts.path)[len(VERIFY_PATH):]) == payload
        assert payload_from_code(payload) == payload  # pasted as printed before


def test_a_desk_prints_its_own_server_into_the_code(tmp_path: Path) -> None:
    """The server comes from the desk's sign-in (sync state ``server_url``); a desk that
    never signed in (offline demo) prints the bare signed payload."""
    from core.qr_payload import verify_url
    from desktop.printing import IssueOptions, archive, issue_letter
    from desktop.printing import qr_key as qk

    from .clocks import office_time
    from .test_printing_archive import NOW, _add_block, _complaint, desk_for

    with office_time(NOW):
        for server in ("", SERVER):
            desk = desk_for(tmp_path / f"desk{len(server)}")
            try:
                if server:
                    desk.set_sync_state("server_url", server)
                key = qk.QrKey(b"k" * 32, "server:v1")
                qk.save(Path(desk.data_dir), "DINKES", key)
                cid = _complaint(desk)
                _add_block(desk, 45, 45)
                record = issue_letter(desk, cid, options=IssueOptions(paper="half"), now=NOW)
                path = tmp_path / f"issued{len(server)}.pdf"
                path.write_bytes(desk.files.read_file(archive.archive_path(desk,
                                                                           record.sha256)))
                payload = make_qr_payload("DINKES", record.agenda_number, "1916449", key.key)
                expected = verify_url(server, payload) if server else payload
                assert qr_codes(path, dpi=72) == [expected]
            finally:
                desk.close()
