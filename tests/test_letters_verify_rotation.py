"""Rotating the server's QR secret: old sheets keep verifying while their secret is kept.

Real server processes on one database: ``lapor-server rotate-qr-key`` (secret file) and the
environment variables (``LAPOR_QR_SECRET``, ``LAPOR_QR_KEY_ID``, ``LAPOR_QR_SECRET_OLD``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import stat
import uuid
from pathlib import Path

import pytest
import requests

from core.qr_payload import make_qr_payload
from server import qr_keys
from tests.server_fixtures import (
    ServerHandle,
    dispose,
    make_complaint,
    op,
    run_cli,
    serve,
    start_server,
)

pytestmark = pytest.mark.timeout(300)
YEAR = 2026


def issue(server: ServerHandle) -> tuple[str, bytes, str]:
    """Reserve, then push one letter for a new disposed complaint, as a desk would.
    Returns (payload signed with the key handed out, that key, its key id)."""
    admin, leader = server.login("dinkes.admin"), server.login("dinkes.pimpinan")
    block = leader.post("/agenda/reserve", json={"year": YEAR, "count": 2}).json()
    cid, result = make_complaint(admin)
    version = dispose(admin, leader, cid, result["version"], ["YANKES"])
    text = f"{block['start']:04d}/DISP/DINKES/{YEAR}"
    pushed = leader.push_one(op("letter_issued", cid, version, letter_id=str(uuid.uuid4()),
                                agenda_number=block["start"], agenda_year=YEAR,
                                agenda_text=text))
    assert pushed["status"] == "applied", pushed
    key = base64.b64decode(block["qr_key"])
    return make_qr_payload("DINKES", text, str(result["tracking_number"]), key), key, \
        block["qr_key_id"]


def status(server: ServerHandle, payload: str) -> str:
    resp = requests.get(f"{server.api}/letters/verify", params={"payload": payload}, timeout=30)
    assert resp.status_code == 200, resp.text
    return resp.json()["status"]


def test_rotation_keeps_old_sheets_valid(tmp_path: Path) -> None:
    secret_file = tmp_path / "qr-secret.json"
    env = {"LAPOR_QR_SECRET_FILE": str(secret_file)}
    with start_server(tmp_path, env=env) as first:
        old_payload, old_key, old_id = issue(first)
        assert old_id == "v1" and status(first, old_payload) == "valid"
        url = first.database_url

        rotated = run_cli(url, "rotate-qr-key", env=env)
        assert "v2" in rotated.stdout
        data = json.loads(secret_file.read_text())
        assert data["current"] == "v2" and set(data["secrets"]) == {"v1", "v2"}
        assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
        assert data["secrets"]["v1"] not in rotated.stdout + rotated.stderr

        with serve(url, tmp_path, env=env) as second:
            new_payload, new_key, new_id = issue(second)
            assert new_id == "v2" and new_key != old_key
            assert status(second, old_payload) == "valid"  # signed before the rotation
            assert status(second, new_payload) == "valid"

        # The environment instead of the file: a new current secret, v1 kept as an old one.
        env_secret = "n" * 40
        by_env = {**env, "LAPOR_QR_SECRET": env_secret, "LAPOR_QR_KEY_ID": "v3",
                  "LAPOR_QR_SECRET_OLD": f"v1:{data['secrets']['v1']}"}
        with serve(url, tmp_path, env=by_env) as third:
            payload3, key3, id3 = issue(third)
            assert id3 == "v3"
            assert key3 == hmac.new(env_secret.encode(), b"lapor-qr/v3/DINKES",
                                    hashlib.sha256).digest()
            assert status(third, old_payload) == "valid"
            assert status(third, payload3) == "valid"
            assert status(third, new_payload) == "forged"  # v2 is not configured here
            assert env_secret not in third.log()

        # Retiring v1 (deleting it from the file) makes its sheets unverifiable.
        del data["secrets"]["v1"]
        secret_file.write_text(json.dumps(data))
        with serve(url, tmp_path, env=env) as fourth:
            assert status(fourth, old_payload) == "forged"
            assert status(fourth, new_payload) == "valid"

        short = run_cli(url, "run", "--port", "0", check=False,
                        env={**env, "LAPOR_QR_SECRET": "pendek-sekali"})
        assert short.returncode == 1 and "terlalu pendek" in short.stderr
        assert "pendek-sekali" not in short.stdout + short.stderr


# --- the keyring itself --------------------------------------------------------------------

def test_keyring_never_shows_a_secret_and_parses_old_secrets() -> None:
    ring = qr_keys.from_env({"LAPOR_QR_SECRET": "s" * 32, "LAPOR_QR_KEY_ID": "v2",
                             "LAPOR_QR_SECRET_OLD": f"v1:{'o' * 32}, v0:{'z' * 40}"})
    assert ring is not None and ring.current_id == "v2"
    assert set(ring.secrets) == {"v0", "v1", "v2"}
    assert "s" * 32 not in repr(ring) and "o" * 32 not in repr(ring)
    assert ring.key_for("DINKES", "v1") == hmac.new(b"o" * 32, b"lapor-qr/v1/DINKES",
                                                    hashlib.sha256).digest()
    assert qr_keys.from_env({}) is None
    for bad in ({"LAPOR_QR_SECRET": "kurang"},
                {"LAPOR_QR_SECRET": "s" * 32, "LAPOR_QR_SECRET_OLD": "tanpa-titik-dua"},
                {"LAPOR_QR_SECRET": "s" * 32, "LAPOR_QR_KEY_ID": "V 2"}):
        with pytest.raises(qr_keys.QrSecretError) as err:
            qr_keys.from_env(bad)
        assert "kurang" not in str(err.value)


def test_secret_file_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAPOR_QR_SECRET", raising=False)
    path = tmp_path / "deep" / "qr.json"
    assert qr_keys.ensure_file(path) is True
    first = path.read_text()
    assert qr_keys.ensure_file(path) is False and path.read_text() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert qr_keys.rotate(path) == "v2" and qr_keys.rotate(path, "v9") == "v9"
    ring = qr_keys.read_file(path)
    assert ring.current_id == "v9" and set(ring.secrets) == {"v1", "v2", "v9"}
    with pytest.raises(qr_keys.QrSecretError):
        qr_keys.rotate(path, "v2")
    assert list(tmp_path.joinpath("deep").iterdir()) == [path]  # no temp files left
