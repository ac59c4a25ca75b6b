"""``lapor-server positions list|set|policy``: an agency's structure of jabatan (issue 17)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from core.org import parse_acting_options

EXIT_OK, EXIT_ERROR = 0, 1


def add_parser(add: Callable[[str, str], argparse.ArgumentParser],
               common: Callable[[argparse.ArgumentParser, bool], None]) -> None:
    positions = add("positions", "susunan jabatan instansi (untuk disposisi berjenjang)")
    cmds = positions.add_commands("positions_command",  # type: ignore[attr-defined]
                                  help_="salah satu perintah di bawah", required=True)
    listing = cmds.add_parser("list", help="daftar jabatan sebuah instansi")
    listing.add_argument("--agency", required=True, metavar="KODE", help="kode instansi")
    listing.add_argument("--json", action="store_true", help="keluaran JSON (untuk skrip)")
    setter = cmds.add_parser("set", help="buat atau ubah jabatan (kolom yang tidak disebut "
                                         "tetap)")
    setter.add_argument("--agency", required=True, metavar="KODE", help="kode instansi")
    setter.add_argument("--code", required=True, metavar="KODE", help="kode jabatan")
    setter.add_argument("--title", metavar="NAMA", help="nama jabatan, mis. Kepala Bidang")
    setter.add_argument("--parent", metavar="KODE",
                        help="kode jabatan atasan ('' untuk pimpinan tertinggi)")
    setter.add_argument("--holder", metavar="PENGGUNA", help="nama pengguna pejabat definitif "
                                                            "('' bila kosong)")
    setter.add_argument("--acting", action="append", metavar="PENGGUNA:plt|plh:MULAI:SELESAI",
                        help="Plt./Plh. dengan rentang tanggal (boleh berulang; mengganti "
                             "daftar yang ada); --acting '' mengosongkan")
    setter.add_argument("--inactive", action="store_true", help="nonaktifkan jabatan")
    policy = cmds.add_parser("policy", help="boleh disposisi ke semua tingkat di bawah?")
    policy.add_argument("--agency", required=True, metavar="KODE", help="kode instansi")
    policy.add_argument("--any-level", choices=("yes", "no"), required=True,
                        help="yes: ke jabatan mana pun di bawah; no: hanya langsung di bawah")
    for p in (listing, setter, policy):
        common(p, True)


def run(args: argparse.Namespace, context: Callable[[argparse.Namespace], Any]) -> int:
    from server import org

    agency = args.agency.upper()
    ctx = context(args)
    try:
        if args.positions_command == "list":
            with ctx.db.read() as session:
                rows = [p.to_json() for p in org.positions(session, agency,
                                                           include_inactive=True)]
                any_level = org.any_level(session, agency)
            if args.json:
                print(json.dumps({"agency": agency, "any_level": any_level, "positions": rows},
                                 ensure_ascii=False, indent=2))
            else:
                chart = org.OrgChart.of(agency, rows)
                for r in rows:
                    depth = chart.level(r["code"]) if r["active"] else 0
                    acting = ", ".join(f"{a['kind'].capitalize()}. {a['username']} "
                                       f"{a['start']}..{a['end']}" for a in r["actings"])
                    print(f"{'  ' * depth}{r['code']:<20} {r['title']:<40} "
                          f"{r['holder'] or '-'}{'  [' + acting + ']' if acting else ''}"
                          f"{'' if r['active'] else '  (nonaktif)'}")
            return EXIT_OK
        if args.positions_command == "policy":
            with ctx.db.write() as session:
                org.set_any_level(session, agency, args.any_level == "yes")
            print(f"{agency}: disposisi ke "
                  f"{'semua tingkat' if args.any_level == 'yes' else 'jabatan langsung'} "
                  "di bawah.")
            return EXIT_OK
        data: dict[str, Any] = {"code": args.code}
        for key in ("title", "parent", "holder"):
            if getattr(args, key) is not None:
                data[key] = getattr(args, key) or None
        try:
            actings = parse_acting_options(args.acting)
        except ValueError as exc:
            print(f"lapor-server: {exc}", file=sys.stderr)
            return EXIT_ERROR
        if actings is not None:
            data["actings"] = actings
        if args.inactive:
            data["active"] = False
        try:
            with ctx.db.write() as session:
                pos = org.set_position(session, agency, data)
        except org.OrgProblem as exc:
            details = "; ".join(exc.errors.values()) if exc.errors else str(exc)
            print(f"lapor-server: {details}", file=sys.stderr)
            return EXIT_ERROR
        print(f"Jabatan {pos.code} ({pos.title}) disimpan di {agency}.")
        return EXIT_OK
    finally:
        ctx.close()
