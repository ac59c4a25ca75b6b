"""``lapor-desk verify-pdf FILE [--ca-file PEM] [--crl-file CRL] [--json]``.

Checks every electronic signature of a PDF offline (pyHanko, ``desktop.letters.pades``):
the signer, the signing time (the signer's clock; the desk signs without a timestamp
authority), integrity (``intact``: the signed bytes are unchanged and nothing was appended
after signing; else ``modified``) and trust (``trusted``: the chain ends in a CA of
``--ca-file`` or of ``<data dir>/signing/ca/``, the certificate may sign documents and no
CRL at hand revokes it; else ``untrusted``).

Exit codes: 0 every signature intact and trusted · 1 the file cannot be read or is no PDF ·
7 no signature, or a signature is broken / the document was modified after signing ·
8 intact but not trusted (unknown CA, revoked).
"""

from __future__ import annotations

import json
import logging
import sys
from argparse import Namespace
from pathlib import Path

from desktop.commands.common import EXIT_ERROR, EXIT_NOT_SIGNED, EXIT_OK, EXIT_UNTRUSTED


def _time(text: str | None) -> str:
    if not text:
        return "tidak tercantum"
    from datetime import datetime

    from core.clock import clock
    from core.dates import format_datetime_id

    return format_datetime_id(datetime.fromisoformat(text).astimezone(clock().zone))


def _desk_folder(override: str | None) -> Path:
    """The desk's data folder as ``desktop.paths.data_dir`` finds it, without making it
    (verify-pdf also runs on computers that have no desk)."""
    import os

    from desktop.paths import APP_AUTHOR, APP_NAME, DATA_DIR_ENV

    if override:
        return Path(override)
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV])
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def run(args: Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in ("pyhanko", "pyhanko_certvalidator"):  # their path-building tracebacks
        logging.getLogger(name).setLevel(logging.CRITICAL)
    from desktop.letters.pades import PdfUnreadable, load_certs, load_crls, verify_pdf
    from desktop.printing.signing import ca_files, crl_files

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"lapor-desk: berkas {path} tidak dapat dibaca: {exc.strerror or exc}.",
              file=sys.stderr)
        return EXIT_ERROR
    if not data.lstrip()[:5] == b"%PDF-":
        print(f"lapor-desk: {path} bukan berkas PDF.", file=sys.stderr)
        return EXIT_ERROR
    ca_paths = [Path(p) for p in args.ca_file or ()]
    crl_paths = [Path(p) for p in args.crl_file or ()]
    desk = _desk_folder(getattr(args, "data_dir", None))
    ca_paths += ca_files(desk)
    crl_paths += crl_files(desk)
    try:
        trust = load_certs(ca_paths)
        crls = load_crls(crl_paths)
    except (OSError, ValueError) as exc:
        print(f"lapor-desk: sertifikat CA atau CRL tidak dapat dibaca: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        checks = verify_pdf(data, trust, crls)
    except PdfUnreadable as exc:
        print(f"lapor-desk: {path} tidak dapat dibaca sebagai PDF ({exc}); berkas rusak atau "
              "diubah.", file=sys.stderr)
        return EXIT_NOT_SIGNED
    if not checks:
        code = EXIT_NOT_SIGNED
    elif not all(c.intact and c.covers_whole_file for c in checks):
        code = EXIT_NOT_SIGNED
    elif not all(c.trusted for c in checks):
        code = EXIT_UNTRUSTED
    else:
        code = EXIT_OK
    if args.json:
        json.dump({"file": str(path), "signatures": [c.as_dict() for c in checks],
                   "ok": code == EXIT_OK}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return code
    if not checks:
        print(f"{path}: tidak ada tanda tangan elektronik.")
        return code
    for check in checks:
        whole = check.intact and check.covers_whole_file
        print(f"Tanda tangan  : {check.field}")
        print(f"Penanda tangan: {check.signer} (penerbit {check.issuer}, no. seri {check.serial})")
        print(f"Waktu         : {_time(check.signing_time)} (jam komputer penanda tangan)")
        print(f"Keutuhan      : {'UTUH (intact)' if whole else 'DIUBAH (modified)'}")
        trust = "TERPERCAYA (trusted)" if check.trusted else "TIDAK TERPERCAYA (untrusted)"
        print(f"Kepercayaan   : {trust}")
        for problem in check.problems:
            print(f"  - {problem}")
    return code
