"""Run the ``guide-test`` blocks of docs/deployment.md on a test machine.

The mechanics behind tests/test_deployment_guide.py (whose docstring states the mapping):
reading the marked blocks, rewriting them for a temporary root folder, and running each one
as a ``bash -e`` script under a pseudo-terminal that answers password prompts.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shlex
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "deployment.md"
FAKES = Path(__file__).with_name("guide_fakes.py")
FENCE = re.compile(r"^```(\S*)\s*(.*)$")
# Absolute paths of the guide that move under the test's root folder.
MOVED = ("/opt/lapor", "/etc/lapor", "/var/lib/lapor", "/var/backups/lapor",
         "/usr/local/bin/lapor-admin", "/usr/local/sbin/lapor-backup", "/etc/systemd/system")
MOVED_RE = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, MOVED)) + r")(?![\w-])")
OWNERSHIP_RE = re.compile(r"-o (?:root|lapor) -g (?:root|lapor) ")
# Lines that need root or a real system, left out by name (each must still be in the guide).
SKIPPED = {
    "packages": re.compile(r"^\s*sudo apt-get install\b.*$", re.M),
    "system user": re.compile(r"^\s*sudo useradd\b.*$", re.M),
    "editor": re.compile(r"^\s*sudoedit\b.*$", re.M),
    "file ownership": re.compile(r"^\s*chown\b.*$", re.M),
    "log follow": re.compile(r"^\s*journalctl\b.*$", re.M),
}
PASSED_ON = ("LAPOR_NOW", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY",
             "NO_PROXY", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE")


@dataclass(frozen=True)
class Block:
    section: str  # "9. Backups"
    text: str
    line: int
    file: str | None = None  # "guide-test file=PATH": a file's content, not commands


def guide_blocks(path: Path = GUIDE) -> list[Block]:
    """Every fenced block whose info string holds ``guide-test``, in order."""
    blocks: list[Block] = []
    section, info, start, body = "", None, 0, []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        fence = FENCE.match(line)
        if info is None:
            if line.startswith("## "):
                section = line[3:].strip()
            elif fence:
                info, start, body = fence.group(2).split(), number, []
            continue
        if line.strip() == "```":
            if "guide-test" in info:
                target = next((w[5:] for w in info if w.startswith("file=")), None)
                blocks.append(Block(section, "\n".join(body) + "\n", start, target))
            info = None
        else:
            body.append(line)
    return blocks


@dataclass
class Machine:
    """The test machine standing in for the guide's Debian host."""

    root: Path
    repo_url: str
    pg: dict[str, str]  # host, port, user (a superuser: "sudo -u postgres")
    role: str
    db: str
    port: int
    passwords: dict[str, str]  # role, prompt (typed at the terminal), script (env)
    after_restore: bool = True
    used: Counter = field(default_factory=Counter)

    @property
    def path(self) -> str:
        return (f"{self.root}/fakebin:{self.root}/usr/local/sbin:{self.root}/usr/local/bin:"
                "/usr/local/bin:/usr/bin:/bin")

    def replacements(self) -> list[tuple[str, str]]:
        pg, pw = self.pg, self.passwords
        pairs = [
            ("<repository URL>", self.repo_url),
            ("https://lapor.example.go.id", f"http://127.0.0.1:{self.port}"),
            ("--port 8000", f"--port {self.port}"),
            ("--workers 4", "--workers 2"),
            ("lapor:PASSWORD@127.0.0.1:5432/lapor",
             f"{self.role}:{pw['role']}@{pg['host']}:{pg['port']}/{self.db}"),
            ("--pwprompt lapor", f"--pwprompt {self.role}"),
            ("--owner lapor lapor", f"--owner {self.role} {self.db}"),
            ("dropdb lapor", f"dropdb {self.db}"),
            ("--role=lapor", f"--role={self.role}"),
            ("--dbname=lapor", f"--dbname={self.db}"),
            ("'<initial password>'", shlex.quote(pw["script"])),
        ]
        if not self.after_restore:
            pairs.append(("sudo -u lapor lapor-admin after-restore", ": after-restore missing"))
        return pairs

    def map(self, text: str) -> str:
        for name, pattern in SKIPPED.items():
            text, hits = pattern.subn(f": \"skipped on the test machine: {name}\"", text)
            self.used[name] += hits
        for old, new in self.replacements():
            self.used[old] += text.count(old)
            text = text.replace(old, new)
        text = OWNERSHIP_RE.sub("", text)
        text = MOVED_RE.sub(lambda m: f"{self.root}{m.group(1)}", text)
        leaks = [p for p in MOVED if text.count(p) != text.count(f"{self.root}{p}")]
        leaks += re.findall(r"\b(?:createdb|dropdb|createuser|psql)\b[^\n]*\slapor\b", text)
        assert not leaks, f"guide text would touch the real system: {leaks}\n{text}"
        return text

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k in PASSED_ON or k.startswith("PIP_")}
        env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
        env.update(PATH=self.path, HOME=str(self.root / "home" / "root"), LANG="C.UTF-8",
                   TERM="dumb", PIP_PROGRESS_BAR="off", GUIDE_ROOT=str(self.root),
                   GUIDE_PATH=self.path, GUIDE_PGHOST=self.pg["host"],
                   GUIDE_PGPORT=self.pg["port"], GUIDE_PGUSER=self.pg["user"])
        return env

    def prepare(self) -> None:
        """The stand-ins for sudo and systemctl, and the host's usual folders."""
        fakebin = self.root / "fakebin"
        fakebin.mkdir(parents=True, exist_ok=True)
        # The folders a Debian host already has.
        for folder in ("home/root", "opt", "etc/systemd/system", "var/lib", "var/backups",
                       "usr/local/bin", "usr/local/sbin"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        for tool in ("sudo", "systemctl"):
            shim = fakebin / tool
            shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{FAKES}" {tool} "$@"\n')
            shim.chmod(0o755)

    def write_file(self, block: Block) -> Path:
        assert block.file
        target = Path(self.map(block.file))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.map(block.text))
        return target

    def run(self, block: Block, timeout: float = 600) -> tuple[int, str]:
        """Run a command block; (exit code, terminal output)."""
        answers = {"Ulangi kata sandi:": self.passwords["prompt"],
                   "Kata sandi:": self.passwords["prompt"],
                   "Enter password for new role:": self.passwords["role"],
                   "Enter it again:": self.passwords["role"]}
        script = "set -ex -o pipefail\n" + self.map(block.text)
        return run_in_pty(["bash", "-c", script], self.env(), self.root / "home" / "root",
                          answers, timeout)


def run_in_pty(argv: list[str], env: dict[str, str], cwd: Path, answers: dict[str, str],
               timeout: float) -> tuple[int, str]:
    """Run ``argv`` on a pseudo-terminal, typing an answer after each prompt it shows."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal session of its own
        try:
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    out, answered = bytearray(), 0
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child's side closed
                break
            if not chunk:
                break
            out += chunk
            pending = out[answered:].decode(errors="replace").rstrip()
            for prompt, answer in answers.items():
                if pending.endswith(prompt):
                    os.write(fd, answer.encode() + b"\n")
                    answered = len(out)
                    break
        else:
            os.killpg(pid, signal.SIGKILL)
            out += f"\n[guide test: timed out after {timeout:.0f} s]".encode()
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode(errors="replace").replace("\r\n", "\n")
