"""Attachments: uploaded by hash before their ``attach`` op (idempotent, retried), downloaded
on demand into a cache."""

from __future__ import annotations

import hashlib

import pytest

from desktop.sync import attachments
from desktop.sync.account import Account
from desktop.sync.engine import SyncEngine
from tests.flaky_proxy import FlakyProxy
from tests.server_fixtures import start_server
from tests.sync_fixtures import assert_exactly_once, make_desk_fixture  # noqa: F401


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with start_server(tmp_path_factory.mktemp("attach"), complaints=0) as handle:
        yield handle


def test_attachment_goes_up_once_and_comes_down_on_demand(server, make_desk, monkeypatch,
                                                          tmp_path) -> None:
    photo = tmp_path / "jalan-rusak.txt"
    data = ("Foto lubang jalan di depan puskesmas, diambil pelapor.\n" * 200).encode()
    photo.write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    with FlakyProxy(server.url) as proxy:
        a = make_desk("desk-a")
        monkeypatch.setenv("XDG_CONFIG_HOME", a.env["XDG_CONFIG_HOME"])
        a.login(proxy.url, "dinkes.admin", server.password)
        cid = a.create(title="Jalan rusak berat di depan puskesmas")
        payload = attachments.add_file(a.service, photo)
        assert payload == {"sha256": sha, "filename": "jalan-rusak.txt",
                           "mime": "text/plain", "size": len(data)}
        a.act("attach", cid, **payload)
        assert a.service.complaint(cid)["attachments"][0]["sha256"] == sha  # shown at once

        # The upload is stored but its answer is lost: retried, the server keeps one copy.
        proxy.script = ["error_after"]
        client = Account(a.service).client()
        report = SyncEngine(a.service, client).sync_once()
        client.close()
        assert report.applied == 2 and report.rejected == 0
        assert proxy.requests[f"/api/v1/attachments/{sha}"] == 2
        admin = server.login("dinkes.admin")
        got = admin.get(f"/attachments/{sha}")
        assert got.status_code == 200 and got.content == data
        assert admin.get(f"/complaints/{cid}").json()["attachments"][0]["sha256"] == sha
        assert_exactly_once(admin, a.outbox())

        # Another desk sees the attachment and downloads it only when asked, once.
        b = make_desk("desk-b")
        b.login(proxy.url, "dinkes.pimpinan", server.password)
        b.sync()
        assert attachments.cached(b.service, sha) is None
        client = Account(b.service).client()
        path = attachments.fetch(b.service, client, sha)
        assert b.service.files.read_file(path) == data
        assert data not in path.read_bytes()  # sealed with the desk key
        assert b.data_dir in path.parents
        before = proxy.requests[f"/api/v1/attachments/{sha}"]
        assert attachments.fetch(b.service, client, sha) == path  # from the cache
        assert proxy.requests[f"/api/v1/attachments/{sha}"] == before
        client.close()
        assert b.service.complaint(cid)["attachments"][0].get("cached_path") == str(path)


def test_attach_op_whose_file_is_gone_is_set_aside(server, make_desk, monkeypatch,
                                                   tmp_path) -> None:
    desk = make_desk()
    monkeypatch.setenv("XDG_CONFIG_HOME", desk.env["XDG_CONFIG_HOME"])
    desk.login(server, "dinkes.admin")
    cid = desk.create(title="Pengaduan dengan lampiran yang hilang")
    source = tmp_path / "surat.txt"
    source.write_text("Surat pengaduan warga, dipindai.", encoding="utf-8")
    payload = attachments.add_file(desk.service, source)
    attachments.cached(desk.service, payload["sha256"]).unlink()
    desk.act("attach", cid, **payload)
    desk.act("note", cid, text="Lampiran menyusul")
    desk.act("verify", cid, note="Lengkap")  # made on top of the attachment's version
    desk.sync(expect=5)
    rejected = desk.outbox("rejected")
    assert [o["kind"] for o in rejected] == ["attach"]
    assert "lampirkan ulang" in rejected[0]["last_error"]
    # The ops after it were not held hostage: their base no longer counts the attachment.
    assert [o["kind"] for o in desk.outbox("applied")] == ["create", "note", "verify"]
    assert desk.service.complaint(cid)["attachments"] == []
