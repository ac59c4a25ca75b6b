"""``lapor-desk receipt COMPLAINT --out FILE.pdf [--paper a4|half|thermal80]``.

Prints (or reprints) the Tanda Terima of a complaint found by tracking number (``2000123``
/ ``#2000123``), provisional number (``L-D1-20261128-0007``) or id, like ``lapor-desk
letter``: the official number once the desk has it, else the provisional one. ``--paper``
defaults to half folio (the loket's usual paper).

Exit codes (desktop/cli.py): 0 ok · 1 error (unknown complaint, unwritable file).
"""

from __future__ import annotations

import logging
import sys
from argparse import Namespace
from pathlib import Path

from desktop.commands.common import EXIT_ERROR, EXIT_OK, open_store
from desktop.commands.letters import _write, out_problem


def _err(message: str) -> None:
    print(f"lapor-desk: {message}", file=sys.stderr)


def run(args: Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from desktop.intake import IntakeService
    from desktop.printing import LetterError

    out = Path(args.out)
    problem = out_problem(out, "tanda-terima.pdf")
    if problem:
        _err(problem)
        return EXIT_ERROR
    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        document = IntakeService(service).receipt(args.complaint, args.paper)
        _write(out, document.pdf)
    except LetterError as exc:
        _err(exc.message)
        return EXIT_ERROR
    except OSError as exc:
        _err(f"berkas {out} tidak dapat ditulis: {exc.strerror or exc}.")
        return EXIT_ERROR
    finally:
        service.close()
    kind = "sementara" if document.provisional else "resmi"
    print(f"Tanda terima pengaduan {document.number} (nomor {kind}), kertas {args.paper} "
          f"-> {out}")
    return EXIT_OK
