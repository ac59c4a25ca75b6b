"""Fuzz the API from its own OpenAPI document with schemathesis (bounded; marked slow).

Checks that must stay clean: no 5xx, every status and body as documented, malformed and
schema-violating requests rejected, 405 with the right Allow header, auth never ignored.
Not checked here: ``positive_data_acceptance``: a schema-valid but meaningless request is
rightly refused where the schema cannot say why (an opaque pull cursor that is not one of
ours, a body whose SHA-256 differs from its address). ``python -m bench server_fuzz`` runs
every check with a larger budget and prints what it finds.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.server_fixtures import start_server

pytest.importorskip("schemathesis")

CHECKS = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_schema_conformance", "response_headers_conformance",
    "negative_data_rejection", "missing_required_header", "unsupported_method",
    "allow_header_conformance", "ignored_auth",
])


def run_schemathesis(api: str, token: str, device: str, *, checks: str, examples: int,
                     report: Path, seed: int = 2026) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{api}/openapi.json",
         "-H", f"Authorization: Bearer {token}", "-H", f"X-Device-Id: {device}",
         "--checks", checks, "-n", str(examples), "--seed", str(seed), "--no-color",
         "--generation-database", "none", "--continue-on-failure", "--max-failures", "100",
         "--exclude-path", "/api/v1/auth/logout", "-w", "2", "--request-timeout", "30",
         "--report", "junit", "--report-junit-path", str(report)],
        capture_output=True, text=True, timeout=900, cwd=report.parent)  # its cache dir lands there


@pytest.mark.slow
def test_openapi_fuzzing_finds_nothing(tmp_path: Path) -> None:
    with start_server(tmp_path, complaints=10) as server:
        desk = server.login("dinkes.admin", device_id="fuzz-desk")
        proc = run_schemathesis(server.api, desk.token, "fuzz-desk", checks=CHECKS,
                                examples=15, report=tmp_path / "fuzz.xml")
        log = server.log()
    summary = proc.stdout[-6000:]
    assert proc.returncode == 0, summary + proc.stderr[-2000:]
    assert " generated" in summary
    assert "Traceback" not in log, log[-3000:]
