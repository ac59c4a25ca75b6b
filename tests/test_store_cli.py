"""``lapor-desk dev seed`` and ``lapor-desk list`` against a real data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import DeskService, QueueFilter

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {"id", "tracking_number", "provisional_number", "title", "status", "agency", "unit"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli")
    assert main(["--data-dir", str(data), "dev", "seed", "--count", "250", "--seed", "3"]) == 0
    return data


def test_seed_adds_realistic_complaints(seeded: Path, capsys) -> None:
    with DeskService(seeded) as service:
        assert service.total() == 250
        ids = service.queue_ids(QueueFilter())
        numbers = [service.complaint(i)["tracking_number"] for i in ids[:50]]
        assert all(n and n >= 1_900_001 for n in numbers)
        snap = service.complaint(ids[0])
        assert snap["version"] >= 1 and snap["timeline"][0]["kind"] == "create"
        assert snap["region_code"].startswith("63.")
        assert service.categories() and service.units()
        assert service.integrity_check() == "ok"


def test_seed_continues_numbering_and_repeats_with_a_seed(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "dev", "seed", "--count", "30", "--seed", "1"]) == 0
    assert main(["--data-dir", str(tmp_path), "dev", "seed", "--count", "30", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "30 pengaduan ditambahkan" in out and "total 60 pengaduan" in out
    with DeskService(tmp_path) as service:
        numbers = sorted(service.complaint(i)["tracking_number"]
                         for i in service.queue_ids(QueueFilter()))
        assert numbers == list(range(1_900_001, 1_900_061))
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "dev", "seed", "--count", "30", "--seed", "1"]) == 0
    with DeskService(tmp_path) as a, DeskService(other) as b:
        first = sorted(a.queue_ids(QueueFilter()))
        assert set(b.queue_ids(QueueFilter())) <= set(first)  # same seed, same complaints


def test_seed_rejects_a_negative_count(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "dev", "seed", "--count", "-1"]) == 2
    assert "--count" in capsys.readouterr().err


def test_list_json_lists_every_match(seeded: Path, capsys) -> None:
    assert main(["--data-dir", str(seeded), "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 250
    assert all(set(item) == FIELDS for item in items)
    with DeskService(seeded) as service:
        assert [i["id"] for i in items] == service.queue_ids(QueueFilter())
        some = next(i for i in items if i["unit"])
        snap = service.complaint(some["id"])
        assert some["agency"] == snap["agency_code"]
        assert some["unit"] == ", ".join(snap["unit_codes"])
        assert some["title"] == snap["title"] and some["status"] == snap["status"]


def test_list_filters_and_limit(seeded: Path, capsys) -> None:
    assert main(["--data-dir", str(seeded), "list", "--json", "--status", "selesai"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done and {i["status"] for i in done} == {"selesai"}
    assert main(["--data-dir", str(seeded), "list", "--json", "--status", "selesai",
                 "--limit", "3"]) == 0
    assert json.loads(capsys.readouterr().out) == done[:3]
    word = done[0]["title"].split()[0]
    assert main(["--data-dir", str(seeded), "list", "--json", "--search", word]) == 0
    found = json.loads(capsys.readouterr().out)
    assert done[0]["id"] in {i["id"] for i in found}
    assert main(["--data-dir", str(seeded), "list", "--json", "--search", "zzzqqqxx"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_list_table_and_bad_input(seeded: Path, capsys) -> None:
    assert main(["--data-dir", str(seeded), "list", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["Nomor", "Judul", "Status", "Instansi", "Unit"]
    assert "5 pengaduan." in out and "#19" in out
    assert main(["--data-dir", str(seeded), "list", "--status", "hilang"]) == 2
    assert "status tidak dikenal" in capsys.readouterr().err


def test_data_dir_from_environment(tmp_path: Path) -> None:
    """The installed command line, data directory from LAPOR_DESK_DATA_DIR."""
    env = {**os.environ, "LAPOR_DESK_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    seed = subprocess.run([sys.executable, "-m", "desktop", "dev", "seed", "--count", "5"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert seed.returncode == 0, seed.stderr
    listing = subprocess.run([sys.executable, "-m", "desktop", "list", "--json"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)) == 5
    assert (tmp_path / "desk.sqlite").exists()


def test_list_into_a_pipe_closed_early(tmp_path: Path) -> None:
    """`lapor-desk list | head -1`: the reader leaves after a line; no traceback, exit 0."""
    assert main(["--data-dir", str(tmp_path), "dev", "seed", "--count", "1500"]) == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path),
                             "list", "--limit", "1500"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith("Nomor")
    proc.stdout.close()  # 1500 rows are more than a pipe buffers: the writer meets EPIPE
    errors = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, errors
    assert "Traceback" not in errors, errors
