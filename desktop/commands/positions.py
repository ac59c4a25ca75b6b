"""``lapor-desk positions list|set``: the agency's structure of jabatan from this desk
(issue 17). ``set`` is for the agency's admin_instansi (the server refuses others); the
change reaches every desk of the agency on its next sync (this one: at once)."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from typing import Any

from core.org import parse_acting_options
from desktop.commands.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_store


def run(args: Namespace) -> int:
    from desktop.sync.errors import SyncError
    from desktop.workflow import positions

    fields: dict[str, Any] = {}
    if args.positions_command == "set":
        for key in ("title", "parent", "holder"):
            if getattr(args, key) is not None:
                fields[key] = getattr(args, key) or None
        try:
            actings = parse_acting_options(args.acting)
        except ValueError as exc:
            print(f"lapor-desk: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if actings is not None:
            fields["actings"] = actings
        if args.inactive:
            fields["active"] = False
    service = open_store(args)
    if service is None:
        return EXIT_ERROR
    try:
        client = positions.client(service)
        if args.positions_command == "list":
            try:
                found = client.positions()
            finally:
                client.close()
        else:  # the same path as Pengaturan › Jabatan in the window
            found = positions.save(client, args.code, fields)
    except SyncError as exc:
        print(f"lapor-desk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        service.close()
    if args.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    elif args.positions_command == "list":
        for p in found.get("positions") or ():
            holder = p.get("holder") or "(kosong)"
            acting = ", ".join(f"{a['kind'].capitalize()}. {a['username']} {a['start']}.."
                               f"{a['end']}" for a in p.get("actings") or ())
            print(f"{p['code']:<20} {p['title']:<40} {holder}"
                  f"{'  [' + acting + ']' if acting else ''}"
                  f"{'' if p.get('active', True) else '  (nonaktif)'}")
    else:
        print(f"Jabatan {found['code']} ({found['title']}) disimpan.")
    return EXIT_OK
