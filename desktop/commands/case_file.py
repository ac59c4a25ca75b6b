"""``lapor-desk case-file COMPLAINT --out FILE.pdf [--recipient ombudsman|inspektorat|
instansi] [--to NAME] [--unsigned]``: the berkas perkara of one complaint, offline
(``desktop.printing.case_file``).

Exit codes: 0 ok · 1 error (unknown complaint, unwritable file, refused certificate) ·
4 not signed in.
"""

from __future__ import annotations

import logging
import sys
from argparse import Namespace
from pathlib import Path

from desktop.commands.common import EXIT_ERROR, EXIT_LOGIN_REQUIRED, EXIT_OK, open_store
from desktop.printing.case_file import build_case_file


def run(args: Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from desktop.atomic_file import replace_atomically
    from desktop.commands.letters import out_problem
    from desktop.letters.pades import SigningRefused
    from desktop.printing import LetterError
    from desktop.printing.signing import desk_sealer

    out = Path(args.out)
    problem = out_problem(out, "berkas-perkara.pdf")
    if problem:
        print(f"lapor-desk: {problem}", file=sys.stderr)
        return EXIT_ERROR
    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        sealer = desk_sealer(service, Path(service.data_dir), unsigned=bool(args.unsigned))
        built = build_case_file(service, args.complaint, recipient=args.recipient, to=args.to,
                                sealer=sealer)
        replace_atomically(out, lambda tmp: tmp.write_bytes(built.pdf))
    except SigningRefused as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except LetterError as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_LOGIN_REQUIRED if exc.code == "not_signed_in" else EXIT_ERROR
    except OSError as exc:
        print(f"lapor-desk: berkas {out} tidak dapat ditulis: {exc.strerror or exc}.",
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        service.close()
    print(f"Berkas perkara pengaduan {built.number} -> {out} ({len(built.manifest)} dokumen, "
          f"{len(built.pdf) // 1024} KB)")
    for row in built.manifest:
        print(f"  {row['sha256']}  {row['filename']}")
    for name in built.missing:
        print(f"  Lampiran {name} tidak ada di desk ini (sinkronkan untuk melampirkannya).")
    if built.signed_by:
        print(f"Ditandatangani secara elektronik oleh {built.signed_by}.")
    return EXIT_OK
