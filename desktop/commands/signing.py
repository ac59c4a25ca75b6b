"""``lapor-desk signing [--p12 FILE | --pkcs11-module LIB …] [--ca-file PEM] [--crl-file F]
[--clear] [--check] [--json]``: set and check the desk's certificate; without options it shows
the current one (``desktop.printing.signing``). Exit codes: 0 ok, 1 error (refused
certificate, wrong passphrase, unreadable file).
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace

from desktop.commands.common import EXIT_ERROR, EXIT_OK, open_store
from desktop.printing.signing import configure, signing_dir


def run(args: Namespace) -> int:
    from desktop.letters.pades import SigningRefused

    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    folder = service.data_dir
    try:
        info = configure(service, folder, p12=args.p12, pkcs11_module=args.pkcs11_module,
                         token=args.token, key=args.key, location=args.location,
                         ca=args.ca_file or (), crl=args.crl_file or (), clear=args.clear,
                         check=args.check)
        config = info["config"]
    except SigningRefused as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except (OSError, ValueError) as exc:
        print(f"lapor-desk: berkas tidak dapat dipakai: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        service.close()
    if args.json:
        json.dump(info, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if config is None:
        print("Tanda tangan elektronik: belum diatur (lembar disposisi hanya dengan kode QR).")
    else:
        where = config.get("path") or config.get("module")
        print(f"Tanda tangan elektronik: {config['kind']} {where}")
        cert = info.get("certificate")
        if cert:
            print(f"Sertifikat: {cert['name']} (penerbit {cert['issuer']}), berlaku sampai "
                  f"{cert['not_after'][:10]}; dapat dipakai.")
    print(f"CA: {len(info['ca_files'])} berkas, CRL: {len(info['crl_files'])} berkas "
          f"({signing_dir(folder)})")
    return EXIT_OK
