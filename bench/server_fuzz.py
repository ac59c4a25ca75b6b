"""Fuzz the server from its OpenAPI document with every schemathesis check, and report.

``python -m bench server_fuzz [--examples 50] [--postgres [URL]]``

Same run as tests/test_server_fuzz.py but with all checks and a larger budget. Some
findings are expected and explained in docs/sync-protocol.md (a well-formed but foreign
pull cursor, an upload whose bytes do not hash to its address). Target: no 5xx and no
server traceback.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from bench.server_common import database, own_args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench server_fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=50)
    parser.add_argument("--postgres", nargs="?", const=True, default=False)
    args = parser.parse_args(own_args("server_fuzz", argv))
    from tests.server_fixtures import DEMO_PASSWORD, run_cli, serve
    from tests.test_server_fuzz import run_schemathesis

    with tempfile.TemporaryDirectory() as tmp, database(Path(tmp), args.postgres) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "30")
        with serve(url, Path(tmp)) as server:
            desk = server.login("dinkes.admin", device_id="fuzz-desk")
            proc = run_schemathesis(server.api, desk.token, "fuzz-desk", checks="all",
                                    examples=args.examples, report=Path(tmp) / "fuzz.xml")
            tracebacks = server.log().count("Traceback")
    out = proc.stdout
    start = out.find("FAILURES")
    print(out[start:] if start >= 0 else out[-4000:])
    server_errors = len(re.findall(r"\[5\d\d\]", out))
    ok = server_errors == 0 and tracebacks == 0
    print(f"server_fuzz: {server_errors} 5xx answers, {tracebacks} server tracebacks "
          f"(target 0)  {'OK' if ok else 'FOUND PROBLEMS'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
