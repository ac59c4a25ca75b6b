"""``lapor-desk`` and ``lapor-server`` speak Indonesian on the command line: every
``--help``, argparse's own words (usage, group titles, -h, --version) and its errors; the
command names and flags stay exactly as they are. ``lapor-server users | head -1`` ends
quietly (issue 14.10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli as desk_cli
from server import cli as server_cli
from tests.server_fixtures import fresh_database, run_cli

REPO = Path(__file__).resolve().parent.parent

# The command names are a contract (scheduled tasks, docs): they must stay as they are.
DESK_COMMANDS = ["dev", "login", "logout", "sync", "status", "list", "import", "report",
                 "letter", "receipt", "signing", "verify-pdf", "case-file"]
SERVER_COMMANDS = sorted(server_cli.COMMANDS)

ENGLISH = re.compile(
    r"\b(usage|options?|positional|arguments?|show|help|message|exit|version|program's|"
    r"the|and|of|a|an|to|with|from|for|into|every|default|write|sign|error|required|"
    r"invalid|choose|choice|accounts?|database|file|folder of|list of)\b", re.IGNORECASE)


def _without_names(text: str, commands: list[str]) -> str:
    """The help minus what is not prose: flags, metavars and env names, {choices},
    quoted literals, program and command names."""
    text = re.sub(r"\{[^}]*\}|'[^']*'|\[[a-z-]+\]", " ", text)
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)
    text = re.sub(r"\b[A-Z][A-Z0-9_]+(\.pdf)?\b", " ", text)
    text = re.sub(r"\blapor-(desk|server)\b", " ", text)
    for name in sorted(commands, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
    return text


def _assert_indonesian(text: str, commands: list[str]) -> None:
    found = sorted({m.group(0) for m in ENGLISH.finditer(_without_names(text, commands))})
    assert not found, f"English in:\n{text}\n-> {found}"


def _run(module: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "LANG": "en_US.UTF-8"})


@pytest.mark.parametrize(("module", "args", "commands"), [
    ("desktop", [], DESK_COMMANDS),
    ("desktop", ["letter"], DESK_COMMANDS),
    ("server.cli", [], SERVER_COMMANDS),
    ("server.cli", ["users"], SERVER_COMMANDS),
], ids=["lapor-desk", "lapor-desk letter", "lapor-server", "lapor-server users"])
def test_help_is_indonesian(module: str, args: list[str], commands: list[str]):
    proc = _run(module, *args, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Penggunaan: "), proc.stdout
    _assert_indonesian(proc.stdout, commands)
    if not args:
        for name in commands:
            assert re.search(rf"^\s+{re.escape(name)}\s", proc.stdout, re.M), name


def _help_of(build, argv: list[str], capsys: pytest.CaptureFixture) -> str:
    with pytest.raises(SystemExit) as done:
        build().parse_args([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("argv", [[name] for name in DESK_COMMANDS] + [["dev", "seed"]],
                         ids=lambda argv: " ".join(argv))
def test_every_desk_command_help_is_indonesian(argv: list[str], capsys):
    text = _help_of(desk_cli.build_parser, argv, capsys)
    assert text.startswith(f"Penggunaan: lapor-desk {' '.join(argv)} ")
    _assert_indonesian(text, DESK_COMMANDS)


@pytest.mark.parametrize("name", SERVER_COMMANDS)
def test_every_server_command_help_is_indonesian(name: str, capsys):
    text = _help_of(server_cli.build_parser, [name], capsys)
    assert text.startswith(f"Penggunaan: lapor-server {name} ")
    _assert_indonesian(text, SERVER_COMMANDS)


def test_version_help_is_indonesian(capsys):
    for build in (desk_cli.build_parser, server_cli.build_parser):
        assert "tampilkan nomor versi" in _help_of(build, [], capsys)


@pytest.mark.parametrize(("module", "args", "wanted"), [
    ("desktop", ["letter", "L-1", "--out", "x.pdf", "--paper", "b5"],
     "lapor-desk letter: galat: argumen --paper: pilihan tidak sah: 'b5' (pilih salah satu: "),
    ("desktop", ["letter"],
     "lapor-desk letter: galat: argumen berikut wajib diisi: PENGADUAN, --out"),
    ("desktop", ["laporan"], "lapor-desk: galat: argumen PERINTAH: pilihan tidak sah: "),
    ("desktop", ["list", "--limit", "lima"],
     "lapor-desk list: galat: argumen --limit: bukan bilangan bulat: 'lima'"),
    ("desktop", ["status", "--jsn", "x"], "lapor-desk: galat: argumen tidak dikenal: --jsn x"),
    ("server.cli", [], "lapor-server: galat: argumen berikut wajib diisi: PERINTAH"),
    ("server.cli", ["create-unit", "u1", "--agency"],
     "lapor-server create-unit: galat: argumen --agency: memerlukan satu nilai"),
    ("server.cli", ["run", "--port", "abc"],
     "lapor-server run: galat: argumen --port: bukan bilangan bulat: 'abc'"),
], ids=["choice", "required", "command", "int", "unrecognized", "server-required",
        "server-one-value", "server-int"])
def test_usage_errors_are_indonesian(module: str, args: list[str], wanted: str):
    proc = _run(module, *args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("Penggunaan: "), proc.stderr
    assert wanted in proc.stderr, proc.stderr
    assert not re.search(r"usage:|error:|invalid|required|expected|choose from",
                         proc.stderr), proc.stderr


def test_server_output_into_a_closed_pipe_ends_quietly(tmp_path: Path):
    """``lapor-server users | head -1``: the reader leaves early; no traceback, exit 0."""
    with fresh_database(tmp_path) as url:
        run_cli(url, "init")
        run_cli(url, "seed-demo", "--password", "sandi-demo-1", "--complaints", "0")
        env = {**os.environ, "LAPOR_DATABASE_URL": url}
        head = subprocess.run(f"'{sys.executable}' -m server.cli users | head -1", shell=True,
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
        assert head.stdout.count("\n") == 1 and head.stderr == "", head.stderr
        read, write = os.pipe()
        os.close(read)  # a reader that left before the first line: every write fails
        try:
            proc = subprocess.run([sys.executable, "-m", "server.cli", "users"], cwd=REPO,
                                  env=env, stdout=write, stderr=subprocess.PIPE, text=True,
                                  timeout=120)
        finally:
            os.close(write)
        assert (proc.returncode, proc.stderr) == (0, "")
