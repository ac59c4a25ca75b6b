"""Command line of ``lapor-desk``: the GUI by default, headless sub-commands for scripts.

Exit codes (a contract for scheduled tasks, see README):
  0 success · 1 error (also: TLS certificate or CA file problems) · 2 usage error
  3 server unreachable · 4 login required · 5 rejected operations remain
  6 some input rows invalid
Each sub-command lives in ``desktop/commands/<module>.py`` as ``run(args) -> int`` and is
imported only when used, so ``lapor-desk --version`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from desktop import __version__

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_LOGIN_REQUIRED = 4
EXIT_REJECTED = 5
EXIT_INVALID_INPUT = 6


def _add(sub: argparse._SubParsersAction, name: str, target: str,
         help_: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_)
    parser.set_defaults(target=target)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lapor-desk", description="LAPOR! Desk")
    parser.add_argument("--version", action="version", version=f"lapor-desk {__version__}")
    parser.add_argument("--data-dir", help="data directory (default: env LAPOR_DESK_DATA_DIR, "
                        "then the platform's user data directory)")
    parser.add_argument("--demo", action="store_true",
                        help="start an embedded demo server, sign in as a demo officer, "
                        "open the desk")
    parser.add_argument("--lang", choices=["id", "en"], help="UI language (default: id)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="close the desk after SECONDS (smoke test of a build); exit 1 "
                        "when the local database could not be opened")
    parser.set_defaults(target="desktop.app:run")
    sub = parser.add_subparsers(dest="command")

    dev = sub.add_parser("dev", help="developer tools")
    dev_sub = dev.add_subparsers(dest="dev_command", required=True)
    seed = _add(dev_sub, "seed", "desktop.commands.seed:run",
                "fill the local database with demo data")
    seed.add_argument("--count", type=int, default=1000)
    seed.add_argument("--seed", type=int, default=None, help="random seed (repeatable data)")
    seed.add_argument("--plaintext", action="store_true",
                      help="an unencrypted database as earlier versions kept it (to test the "
                      "migration to an encrypted one; never for real data)")

    login = _add(sub, "login", "desktop.commands.session:login", "sign in to the central server")
    login.add_argument("--server", required=True)
    login.add_argument("--username", required=True)
    login.add_argument("--ca-file", metavar="PATH",
                       help="the agency's CA certificate (PEM) the server's certificate is "
                       "issued by; kept for later syncs ('' goes back to the default bundle)")
    _add(sub, "logout", "desktop.commands.session:logout", "sign out and forget the token")

    sync = _add(sub, "sync", "desktop.commands.session:sync", "one full round: push all, pull all")
    sync.add_argument("--json", action="store_true")

    status = _add(sub, "status", "desktop.commands.session:status", "desk state")
    status.add_argument("--json", action="store_true")

    lst = _add(sub, "list", "desktop.commands.listing:run", "list complaints in the local queue")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--status")
    lst.add_argument("--search")
    lst.add_argument("--limit", type=int)

    imp = _add(sub, "import", "desktop.commands.intake:run_import", "import a paper log (CSV/XLSX)")
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--skip-invalid", action="store_true")

    report = _add(sub, "report", "desktop.commands.report:run",
                  "recaps of the complaints received in a period")
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="first day received (default: first day of --to's month)")
    report.add_argument("--to", metavar="YYYY-MM-DD", help="last day received (default: today)")
    report.add_argument("--json", action="store_true")
    report.add_argument("--csv", metavar="FILE", help="also write the recap as CSV")

    letter = _add(sub, "letter", "desktop.commands.letters:run", "write a disposition sheet PDF")
    letter.add_argument("complaint")
    letter.add_argument("--out", required=True)
    letter.add_argument("--paper", choices=["a4", "f4", "half"], default=None)

    receipt = _add(sub, "receipt", "desktop.commands.receipt:run",
                   "write (or rewrite) a complaint's receipt PDF (tanda terima)")
    receipt.add_argument("complaint", help="tracking number, provisional number or id")
    receipt.add_argument("--out", required=True)
    receipt.add_argument("--paper", choices=["a4", "half", "thermal80"], default="half")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module_name, func_name = args.target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        print(f"lapor-desk: perintah ini belum tersedia ({module_name})", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(getattr(module, func_name)(args) or 0)
    except BrokenPipeError:
        # `lapor-desk list | head`: the reader left; stop quietly, like other shell tools.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
