"""Issue 20.3: attachment bytes in the database (PostgreSQL's default store), and files a
server kept on disk before that: still served, then copied in by
``lapor-server migrate-attachments`` (idempotent), after which the folder is not needed."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server_fixtures import DEMO_PASSWORD, fresh_database, postgres_url, run_cli, serve

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not postgres_url(), reason="needs LAPOR_TEST_DATABASE_URL (PostgreSQL)"),
]

PDF = b"%PDF-1.4\n% berkas lama di disk\n" + b"x" * (3 * 1024 * 1024 + 17)  # 4 chunks


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    with fresh_database(tmp_path) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", DEMO_PASSWORD, "--complaints", "0")
        yield url


def test_files_on_disk_keep_working_and_move_into_the_database(database: str,
                                                               tmp_path: Path) -> None:
    sha = hashlib.sha256(PDF).hexdigest()
    folder = tmp_path / "node"
    with serve(database, folder, env={"LAPOR_ATTACHMENT_STORE": "disk"}) as old:
        loket = old.login("dinkes.loket")
        assert loket.upload(PDF, "application/pdf") == sha
    on_disk = list((folder / "attachments").rglob(sha))
    assert len(on_disk) == 1  # the release before: the folder held it

    with serve(database, folder) as new:  # the default store on PostgreSQL: the database
        loket = new.login("dinkes.loket")
        got = loket.get(f"/attachments/{sha}")
        assert got.status_code == 200 and got.content == PDF  # read from the old folder

        env = {"LAPOR_ATTACHMENTS_DIR": str(folder / "attachments")}
        moved = run_cli(database, "migrate-attachments", "--json", env=env)
        assert json.loads(moved.stdout) == {"files": 1, "copied": 1, "already": 0,
                                            "missing": 0, "damaged": 0}
        again = run_cli(database, "migrate-attachments", "--json", env=env)
        assert json.loads(again.stdout)["already"] == 1

        shutil.rmtree(folder / "attachments")  # the folder is no longer needed
        got = loket.get(f"/attachments/{sha}")
        assert got.status_code == 200 and got.content == PDF
        assert got.headers["content-length"] == str(len(PDF))
        # An upload of the same bytes again: 200, still one copy.
        assert loket.put(f"/attachments/{sha}", data=PDF,
                         headers={"Content-Type": "application/pdf"}).status_code == 200


def test_a_damaged_file_is_not_copied(database: str, tmp_path: Path) -> None:
    data = b"%PDF-1.4\n% akan rusak\n" + b"y" * 5000
    sha = hashlib.sha256(data).hexdigest()
    folder = tmp_path / "node"
    with serve(database, folder, env={"LAPOR_ATTACHMENT_STORE": "disk"}) as old:
        old.login("dinkes.loket").upload(data, "application/pdf")
    (path,) = list((folder / "attachments").rglob(sha))
    path.write_bytes(data[:-1] + b"z")  # bit rot on the old machine
    moved = run_cli(database, "migrate-attachments", "--json", check=False,
                    env={"LAPOR_ATTACHMENTS_DIR": str(folder / "attachments")})
    assert moved.returncode == 1
    assert json.loads(moved.stdout)["damaged"] == 1
