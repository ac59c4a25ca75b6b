"""Stand-ins for ``sudo`` and ``systemctl`` when tests/test_deployment_guide.py runs the guide.

Run as ``python tests/guide_fakes.py sudo|systemctl ARGS`` through small shims on the guide's
PATH (standard library only: the shims may run under any Python). Settings come from the
environment the test gives the guide's shell (``GUIDE_*``).

- ``sudo [-u USER] [--preserve-env=A,B] CMD...`` runs CMD as the test user with sudo's
  ``env_reset``: only PATH (``GUIDE_PATH``), HOME, LANG and TERM, plus what
  ``--preserve-env`` names. So ``LAPOR_PASSWORD=x sudo -u lapor ...`` loses the variable as
  the real sudo does. Kept as well, for the test machine only: the pinned clock
  (``LAPOR_NOW``), ``GUIDE_*``, pip's settings and cache (``PIP_*``) and proxy variables.
  ``-u postgres`` connects the PostgreSQL client programs as the test's superuser
  (``PGHOST``/``PGPORT``/``PGUSER``).
- ``systemctl daemon-reload | enable [--now] U | start U | stop U | restart U`` for the
  guide's units under ``$GUIDE_ROOT/etc/systemd/system``: a ``.service`` with a port in its
  ``ExecStart`` is started in the background with its ``EnvironmentFile`` (``start`` waits
  until ``/api/v1/health`` answers); a ``.timer`` is only checked to exist.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

KEPT = {"LANG", "TERM", "LAPOR_NOW", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY",
        "HTTPS_PROXY", "NO_PROXY", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"}
KEPT_PREFIXES = ("GUIDE_", "PIP_")


def sudo(args: list[str]) -> int:
    user, keep = "root", []
    while args and args[0].startswith("-"):
        option = args.pop(0)
        if option == "-u":
            user = args.pop(0)
        elif option.startswith("--preserve-env="):
            keep += option.split("=", 1)[1].split(",")
        elif option == "--":
            break
        else:
            print(f"fake sudo: option {option} not supported", file=sys.stderr)
            return 1
    env = {k: v for k, v in os.environ.items() if k in KEPT or k.startswith(KEPT_PREFIXES)}
    home = Path(os.environ["GUIDE_ROOT"]) / "home" / user
    home.mkdir(parents=True, exist_ok=True)
    env.update(PATH=os.environ["GUIDE_PATH"], HOME=str(home), USER=user, LOGNAME=user)
    env.update({name: os.environ[name] for name in keep if name in os.environ})
    if user == "postgres":
        env.update(PGHOST=os.environ["GUIDE_PGHOST"], PGPORT=os.environ["GUIDE_PGPORT"],
                   PGUSER=os.environ["GUIDE_PGUSER"])
    os.execvpe(args[0], args, env)
    return 1  # not reached


def _unit(name: str) -> Path:
    if "." not in name:
        name += ".service"
    return Path(os.environ["GUIDE_ROOT"]) / "etc/systemd/system" / name


def _service_settings(unit: Path) -> tuple[list[str], dict[str, str]]:
    command: list[str] = []
    env = {"PATH": os.environ["GUIDE_PATH"], "LANG": "C.UTF-8"}
    if "LAPOR_NOW" in os.environ:
        env["LAPOR_NOW"] = os.environ["LAPOR_NOW"]
    for line in unit.read_text().splitlines():
        key, _, value = line.partition("=")
        if key == "ExecStart":
            command = shlex.split(value)
        elif key == "EnvironmentFile":
            for entry in Path(value).read_text().splitlines():
                name, sep, raw = entry.strip().partition("=")
                if sep and not name.startswith("#"):
                    env[name] = raw.strip().strip('"').strip("'")
    return command, env


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _start(unit: Path) -> int:
    command, env = _service_settings(unit)
    if "--port" not in command:  # a oneshot service (the nightly backup): run it through
        return subprocess.run(command, env=env, check=False).returncode
    run = Path(os.environ["GUIDE_ROOT"]) / "run"
    run.mkdir(exist_ok=True)
    log_path = run / f"{unit.stem}.log"
    with log_path.open("ab") as log:
        proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    (run / f"{unit.stem}.pid").write_text(str(proc.pid))
    port = command[command.index("--port") + 1]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            print(f"fake systemctl: {unit.name} exited ({proc.returncode}):\n"
                  f"{log_path.read_text(errors='replace')}", file=sys.stderr)
            return 1
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2):
                return 0
        except OSError:
            time.sleep(0.1)
    print(f"fake systemctl: {unit.name} never answered on port {port}", file=sys.stderr)
    return 1


def _stop(unit: Path) -> int:
    pid_file = Path(os.environ["GUIDE_ROOT"]) / "run" / f"{unit.stem}.pid"
    if not pid_file.exists():
        return 0
    pid = int(pid_file.read_text())
    for sig, wait in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not _alive(pid):
            break
    pid_file.unlink()
    return 0


def systemctl(args: list[str]) -> int:
    verb, names = args[0], [a for a in args[1:] if not a.startswith("-")]
    if verb == "daemon-reload":
        return 0
    status = 0
    for name in names:
        unit = _unit(name)
        if not unit.exists():
            print(f"fake systemctl: Unit {unit.name} not found.", file=sys.stderr)
            return 5
        if unit.suffix == ".timer":
            if not unit.with_suffix(".service").exists():
                print(f"fake systemctl: {unit.name} has no service", file=sys.stderr)
                return 5
            continue  # timers are not run by the test
        if verb in ("stop", "restart"):
            status = status or _stop(unit)
        if verb in ("start", "restart") or (verb == "enable" and "--now" in args):
            status = status or _start(unit)
    return status


if __name__ == "__main__":
    tool, rest = sys.argv[1], sys.argv[2:]
    sys.exit(sudo(rest) if tool == "sudo" else systemctl(rest))
