"""A plain (non-editable) install of the wheel finds its resources and works.

The wheel is built from a copy of the checkout and installed, without dependencies, into a
fresh venv that borrows this environment's third-party packages (a .pth line; the editable
install's own hook is not processed, so the installed copy is the one imported). The
checkout is not on the path: `resources/` must come from the wheel (data-files).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from core.enums import STATUS_LABELS, Status

ROOT = Path(__file__).resolve().parent.parent
_SKIP = shutil.ignore_patterns(".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__",
                               "tests", "bench", "docs")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=_SKIP)
    dist = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
        capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    wheel = next(dist.glob("lapor_desk-*.whl"))

    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    return python


def _run(python: Path, cwd: Path, *code_or_args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), *code_or_args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={"PATH": "/usr/bin:/bin",
                                                       "QT_QPA_PLATFORM": "offscreen"})


def test_installed_copy_finds_resources_outside_the_checkout(installed, tmp_path) -> None:
    probe = _run(installed, tmp_path, "-c",
                 "import json, desktop, desktop.paths as p; "
                 "print(json.dumps([desktop.__file__, str(p.resources_dir())]))")
    assert probe.returncode == 0, probe.stderr
    module_file, resources = map(Path, json.loads(probe.stdout))
    venv_root = installed.parent.parent
    assert module_file.is_relative_to(venv_root), module_file
    assert resources.is_relative_to(venv_root), resources
    for needed in ("fonts/LiberationSans-Regular.ttf", "fonts/OFL.txt",
                   "translations/lapor_id.qm", "reference/libur-nasional.txt",
                   "reference/wilayah-63-kalimantan-selatan.csv",
                   "letterhead/emblem-placeholder.png", "icons/lapor-desk.png",
                   "templates/impor-pengaduan.csv"):
        assert (resources / needed).is_file(), needed


def test_installed_desk_seeds_lists_and_renders(installed, tmp_path) -> None:
    data = tmp_path / "desk"
    seed = _run(installed, tmp_path, "-m", "desktop", "--data-dir", str(data),
                "dev", "seed", "--count", "20", "--seed", "7")
    assert seed.returncode == 0, seed.stderr
    listing = _run(installed, tmp_path, "-m", "desktop", "--data-dir", str(data), "list")
    assert listing.returncode == 0, listing.stderr
    # The Indonesian labels, not the codes (which statuses the seed picks varies).
    shown = [label for label in STATUS_LABELS.values() if label in listing.stdout]
    assert shown, listing.stdout
    assert not [s.value for s in Status if f" {s.value} " in listing.stdout], listing.stdout
    pdf = tmp_path / "sample.pdf"
    render = _run(installed, tmp_path, "-c",
                  "import sys; from desktop.letters.samples import sample_sheet; "
                  "from desktop.letters.disposition import render_disposition; "
                  "open(sys.argv[1], 'wb').write(render_disposition(sample_sheet(), 'f4'))",
                  str(pdf))
    assert render.returncode == 0, render.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "LiberationSans" in fonts.stdout, fonts.stdout
