"""Fuzz the API from its own OpenAPI document with schemathesis (bounded; marked slow).

One run per role (loket, petugas_unit, admin_instansi, pimpinan, admin_pusat), each with a
real token and device id, on the engine of the suite (SQLite, or PostgreSQL when
``LAPOR_TEST_DATABASE_URL`` is set; ``.ci/run`` runs this file on SQLite too). The hooks in
tests/fuzz_hooks.py steer generation at what once answered 500: hostile characters (NUL,
Unicode digits) in paths, queries and bodies, booleans and huge numbers for integers, push
batches on the seeded complaints, signed letter payloads (lone surrogates, which schemathesis
cannot carry through its stateful phase, are sent by tests/test_server_hostile_text.py).
Budget: about ``ROLE_SECONDS`` per role, so a whole run stays under ~3 minutes per engine.

Checks that must stay clean: no 5xx, every status and body as documented, malformed and
schema-violating requests rejected, 405 with the right Allow header, auth never ignored.
Not checked here: ``positive_data_acceptance``: a schema-valid but meaningless request is
rightly refused where the schema cannot say why (an opaque pull cursor that is not one of
ours, a body whose SHA-256 differs from its address). ``python -m bench server_fuzz`` runs
every check with a larger budget and prints what it finds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.server_fixtures import REPO, ServerHandle, new_id, op, start_server

pytest.importorskip("schemathesis")

CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_schema_conformance", "response_headers_conformance",
    "negative_data_rejection", "missing_required_header", "unsupported_method",
    "allow_header_conformance", "ignored_auth",
])


ROLES = {"loket": "dinkes.loket", "petugas_unit": "dinkes.yankes",
         "admin_instansi": "dinkes.admin", "pimpinan": "dinkes.pimpinan",
         "admin_pusat": "pusat.admin"}
# schemathesis --max-time per role, examples per operation and phase, seed; the environment
# may ask for a longer hunt (e.g. LAPOR_FUZZ_SECONDS=120 LAPOR_FUZZ_SEED=7).
ROLE_SECONDS = int(os.environ.get("LAPOR_FUZZ_SECONDS") or 24)
ROLE_EXAMPLES = 25
SEED = int(os.environ.get("LAPOR_FUZZ_SEED") or 2026)
QR_SECRET = "fuzz-rahasia-qr-lapor-paman-0123456789abcdef"
AGENDA_TEXT = "777/DISP/DINKES/XII/2026"


def run_schemathesis(api: str, token: str, device: str, *, checks: str, examples: int,
                     report: Path, seed: int = 2026, max_time: int | None = None,
                     hooks_context: dict[str, Any] | None = None,
                     workers: int = 2) -> subprocess.CompletedProcess:
    """``hooks_context``: load tests/fuzz_hooks.py, telling it about the seeded server.
    ``workers`` > 1 may hit CPython 3.11's thread-unsafe AST constructor inside hypothesis
    ("AST constructor recursion depth mismatch"); the role runs use one."""
    env = dict(os.environ)
    budget = ["--max-time", str(max_time)] if max_time else []
    if hooks_context is not None:
        env.update(SCHEMATHESIS_HOOKS="tests.fuzz_hooks", LAPOR_FUZZ_CONTEXT=json.dumps(
            hooks_context), PYTHONPATH=os.pathsep.join(filter(None, [str(REPO),
                                                                      env.get("PYTHONPATH")])))
    return subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{api}/openapi.json",
         "-H", f"Authorization: Bearer {token}", "-H", f"X-Device-Id: {device}",
         "--checks", checks, "-n", str(examples), "--seed", str(seed), "--no-color",
         "--generation-database", "none", "--continue-on-failure", "--max-failures", "100",
         "--exclude-path", "/api/v1/auth/logout", "-w", str(workers),
         "--request-timeout", "30", *budget,
         "--report", "junit", "--report-junit-path", str(report)],
        capture_output=True, text=True, timeout=900, env=env,
        cwd=report.parent)  # its cache dir lands there


def fuzz_context(server: ServerHandle) -> dict[str, Any]:
    """What the hooks should know: the seeded complaints, and a letter with a printed agenda
    number that signed sheet payloads can name."""
    central = server.login("pusat.admin", device_id="fuzz-setup")
    complaints = [c["data"] for c in central.pull_all()[0] if c["type"] == "complaint"]
    dinkes = next(c for c in complaints if c["agency_code"] == "DINKES")
    issued = server.login("dinkes.pimpinan", device_id="fuzz-setup-p").push_one(
        op("letter_issued", dinkes["id"], dinkes["version"], letter_id=new_id(),
           agenda_text=AGENDA_TEXT))
    assert issued["status"] == "applied", issued
    return {"complaints": [c["id"] for c in complaints],
            "tracking_numbers": [c["tracking_number"] for c in complaints],
            "agenda_texts": [AGENDA_TEXT], "qr_secret": QR_SECRET}


@pytest.mark.slow
@pytest.mark.timeout(900 + 10 * ROLE_SECONDS)
def test_every_role_fuzz_finds_nothing(tmp_path: Path) -> None:
    """No 5xx and no documented-contract breach for any role, hostile input included."""
    figures, failures = [], []
    # Change-event streams end after ~1 s here (not 10 minutes): each one fuzzed is answered.
    env = {"LAPOR_QR_SECRET": QR_SECRET, "LAPOR_EVENTS_MAX_OPEN": "1"}
    with start_server(tmp_path, complaints=10, env=env) as server:
        context = fuzz_context(server)
        # All sign-ins first: fuzzing /auth/login soon throttles this address (429).
        desks = {role: server.login(username, device_id=f"fuzz-{role.replace('_', '-')}")
                 for role, username in ROLES.items()}
        for role, desk in desks.items():
            device = desk.device_id
            started = time.monotonic()
            proc = run_schemathesis(server.api, desk.token, device, checks=CHECKS,
                                    examples=ROLE_EXAMPLES, max_time=ROLE_SECONDS, seed=SEED,
                                    hooks_context=context, workers=1,
                                    report=tmp_path / f"fuzz-{role}.xml")
            found = re.search(r"(\d+) generated", proc.stdout)
            figures.append(f"{role}: {found.group(1) if found else '?'} cases in "
                           f"{time.monotonic() - started:.0f} s")
            if proc.returncode != 0 or not found:
                failures.append(f"--- {role}\n{proc.stdout[-5000:]}{proc.stderr[-2000:]}")
        log = server.log()
    print("schemathesis per role:", "; ".join(figures))
    assert not failures, "\n".join(failures)
    assert "Traceback" not in log, log[-3000:]
