"""Attachments: idempotent upload by SHA-256, verified hash, limits, authorized download."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.server_fixtures import ServerHandle, make_complaint, op, postgres_url, start_server

MAX = 50_000
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
PDF = b"%PDF-1.4\n% uji\n" + b"x" * 100


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerHandle]:
    env = {"LAPOR_MAX_ATTACHMENT_BYTES": str(MAX)}
    with start_server(tmp_path_factory.mktemp("attach"), env=env) as handle:
        yield handle


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_upload_is_idempotent_and_download_returns_the_bytes(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    digest = sha(PNG)
    first = loket.put(f"/attachments/{digest}", data=PNG, headers={"Content-Type": "image/png"})
    assert first.status_code == 201, first.text
    assert first.json() == {"sha256": digest, "size": len(PNG), "mime": "image/png",
                            "created": True}
    again = loket.put(f"/attachments/{digest}", data=PNG, headers={"Content-Type": "image/png"})
    assert again.status_code == 200 and again.json()["created"] is False
    got = loket.get(f"/attachments/{digest}")
    assert got.status_code == 200
    assert got.content == PNG
    assert got.headers["content-type"].startswith("image/png")
    stored = list(Path(server.tmp_dir, "attachments").rglob(digest))
    if postgres_url():  # kept in the database (server/blobstore.py), in no server's folder
        assert stored == []
    else:
        assert len(stored) == 1 and stored[0].read_bytes() == PNG
    assert not list(Path(server.tmp_dir, "attachments", "tmp").glob("*"))


def test_hash_mismatch_is_400_and_nothing_is_kept(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    wrong = sha(b"lain")
    resp = loket.put(f"/attachments/{wrong}", data=PDF,
                     headers={"Content-Type": "application/pdf"})
    assert resp.status_code == 400
    assert resp.json()["error"] == "hash_mismatch"
    assert loket.get(f"/attachments/{wrong}").status_code == 404
    assert not list(Path(server.tmp_dir, "attachments").rglob(wrong))


@pytest.mark.parametrize("bad", ["abc", "g" * 64, "a" * 63, "a" * 65, "..%2F..%2Fetc"])
def test_malformed_hash_is_a_4xx(server: ServerHandle, bad: str) -> None:
    loket = server.login("dinkes.loket")
    put = loket.put(f"/attachments/{bad}", data=b"isi", headers={"Content-Type": "text/plain"})
    get = loket.get(f"/attachments/{bad}")
    for resp in (put, get):
        assert 400 <= resp.status_code < 500, resp.text
        assert resp.json()["error"]


def test_hash_must_be_lower_case_hex(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    data = b"huruf besar pada sidik\n"
    resp = loket.put(f"/attachments/{sha(data).upper()}", data=data,
                     headers={"Content-Type": "text/plain"})
    assert resp.status_code == 422 and resp.json()["error"] == "invalid"


def test_too_big_is_413(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    data = b"%PDF-" + b"0" * (MAX + 10)
    resp = loket.put(f"/attachments/{sha(data)}", data=data,
                     headers={"Content-Type": "application/pdf"})
    assert resp.status_code == 413
    assert resp.json()["error"] == "too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming
        yield b"%PDF-"
        for _ in range(20):
            yield b"1" * 5000

    streamed = requests.put(loket.url(f"/attachments/{'b' * 64}"), data=chunks(), timeout=30,
                            headers={**loket.http.headers, "Content-Type": "application/pdf"})
    assert streamed.status_code == 413, streamed.text


def test_unsupported_or_lying_type_is_415(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    data = b"MZ\x90\x00 program"
    exe = loket.put(f"/attachments/{sha(data)}", data=data,
                    headers={"Content-Type": "application/x-msdownload"})
    assert exe.status_code == 415 and exe.json()["error"] == "unsupported_media_type"
    none = loket.put(f"/attachments/{sha(data)}", data=data, headers={"Content-Type": ""})
    assert none.status_code == 415
    lying = loket.put(f"/attachments/{sha(data)}", data=data,
                      headers={"Content-Type": "image/jpeg"})
    assert lying.status_code == 415 and lying.json()["error"] == "type_mismatch"


def test_empty_upload_is_400(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    resp = loket.put(f"/attachments/{sha(b'')}", data=b"", headers={"Content-Type": "text/plain"})
    assert resp.status_code == 400 and resp.json()["error"] == "empty"


def test_download_is_authorized(server: ServerHandle) -> None:
    loket = server.login("dinkes.loket")
    data = b"%PDF-1.4 bukti pembayaran pungutan\n"
    digest = loket.upload(data, "application/pdf")
    unit = server.login("dinkes.yankes")
    foreign = server.login("pupr.admin")
    central = server.login("pusat.admin")
    for client in (unit, foreign, central):
        assert client.get(f"/attachments/{digest}").status_code == 404  # not referenced yet
    cid, res = make_complaint(loket)
    attached = loket.push_one(op("attach", cid, res["version"], sha256=digest,
                                 filename="bukti.pdf", mime="application/pdf", size=len(data)))
    assert attached["status"] == "applied", attached
    assert central.get(f"/attachments/{digest}").content == data
    assert server.login("dinkes.admin").get(f"/attachments/{digest}").status_code == 200
    assert foreign.get(f"/attachments/{digest}").status_code == 404
    assert unit.get(f"/attachments/{digest}").status_code == 404  # not disposed to YANKES
    # A second uploader of the same bytes may read it too.
    assert foreign.put(f"/attachments/{digest}", data=data,
                       headers={"Content-Type": "application/pdf"}).status_code == 200
    assert foreign.get(f"/attachments/{digest}").status_code == 200
