"""The page a scanned disposition sheet's QR code opens (``GET /letters/v/<payload>``).

A browser gets a small Indonesian HTML page with the answer of ``letter_verify.verify``; a
client asking for ``application/json`` (Accept) gets that answer as JSON. Everything shown
comes from the answer, which repeats only what the sheet itself shows plus the letter's
state, and is HTML-escaped; the page loads nothing (no script, image or font) and may not be
framed.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from core.dates import format_date_id

HEADERS = {
    "Cache-Control": "no-store",  # a letter may be voided later
    "Vary": "Accept",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}
_MAX_ACCEPT_PARTS = 32

_HEADLINES = {
    "valid": ("ASLI", "ok"),
    "voided": ("DIBATALKAN", "warn"),
    "unknown": ("BELUM TERCATAT", "warn"),
    "draft": ("KONSEP \u2014 TIDAK SAH", "bad"),
    "forged": ("TIDAK SAH", "bad"),
    "invalid": ("KODE TIDAK DIKENALI", "bad"),
}
_ROWS = (("agency", "Instansi"), ("agenda_number", "No. Agenda"),
         ("complaint_number", "No. Laporan"), ("issued_date", "Tercatat di server"),
         ("voided_date", "Dibatalkan"))

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;
background:#f4f5f7;color:#1d2330;line-height:1.5}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.25rem;margin:0 0 1rem}
.badge{display:inline-block;font-weight:700;letter-spacing:.04em;padding:.35rem .8rem;
border-radius:.3rem;color:#fff;margin:0 0 .75rem}
.ok{background:#1b7f3b}.warn{background:#a05a00}.bad{background:#b3261e}
table{border-collapse:collapse;width:100%;background:#fff;margin:1rem 0}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e1e4ea;vertical-align:top}
th{width:42%;font-weight:600;color:#4a5263}
td{word-break:break-all}
.small{font-size:.85rem;color:#4a5263}
"""


def prefers_json(accept: str | None) -> bool:
    """Whether an ``Accept`` header ranks JSON above HTML (quality values and wildcards as
    HTTP has them; a tie, no header or a malformed one: HTML, for a browser or a scanner
    app)."""
    if not accept:
        return False
    quality: dict[str, float] = {}
    for part in accept.split(",")[:_MAX_ACCEPT_PARTS]:
        media, *params = part.split(";")
        media = media.strip().lower()
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value.strip())))
                except ValueError:
                    q = 0.0
                if q != q:  # NaN
                    q = 0.0
        if media:
            quality[media] = max(quality.get(media, 0.0), q)

    def score(media: str) -> float:
        for key in (media, media.split("/")[0] + "/*", "*/*"):
            if key in quality:
                return quality[key]
        return 0.0

    return score("application/json") > score("text/html")


def _value(key: str, value: Any) -> str:
    if isinstance(value, date):
        return format_date_id(value)
    return str(value)


def render(answer: dict[str, Any] | None, error: str | None = None) -> str:
    """The page for a verification ``answer`` (``letter_verify.verify``), or for a QR text
    that is no sheet's (``error``: the Indonesian message)."""
    status = answer.get("status", "invalid") if answer else "invalid"
    headline, tone = _HEADLINES.get(str(status), _HEADLINES["invalid"])
    message = error if answer is None else str(answer.get("message") or "")
    rows = "".join(
        f"<tr><th>{label}</th><td>{escape(_value(key, answer[key]))}</td></tr>"
        for key, label in _ROWS if answer and answer.get(key) not in (None, ""))
    table = f"<table>{rows}</table>" if rows else ""
    advice = ("Cocokkan data di atas dengan yang tercetak pada lembar disposisi. Jawaban ini "
              "tidak memuat isi pengaduan maupun identitas pelapor." if rows else
              "Pastikan alamat dibuka lengkap, persis seperti tercetak di bawah kode QR.")
    return (
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\">"
        "<title>Pemeriksaan Lembar Disposisi \u2014 LAPOR! Desk</title>"
        f"<style>{_STYLE}</style></head><body><main>"
        "<h1>Pemeriksaan Lembar Disposisi</h1>"
        f"<p class=\"badge {tone}\">{escape(headline)}</p>"
        f"<p>{escape(message or '')}</p>{table}"
        f"<p class=\"small\">{escape(advice)}</p>"
        "</main></body></html>\n"
    )
