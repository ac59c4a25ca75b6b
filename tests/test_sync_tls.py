"""Issue 21 item 6: the desk and TLS. Real HTTPS on loopback with certificates made here:
an untrusted certificate, a certificate for another host name and a missing CA file each
get their own Indonesian message (never "server unreachable", never retried, never a
traceback); the agency's CA file (``lapor-desk login --ca-file``) makes a real server
behind TLS work and stays for later syncs; plain http:// goes only to loopback; the
desk's data directory and database are private to the officer (POSIX)."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from desktop.sync.client import ApiClient, normalize_server_url
from desktop.sync.errors import TrustError
from tests.server_fixtures import start_server
from tests.sync_fixtures import make_desk_fixture  # noqa: F401
from tests.tls_fixtures import HealthServer, TestPki, TlsFront

REPO = Path(__file__).resolve().parent.parent
UNREACHABLE = "tidak dapat dihubungi"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    return TestPki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    with start_server(tmp_path_factory.mktemp("tls-server"), complaints=0) as handle:
        yield handle


@pytest.fixture(scope="module")
def front(server, pki):
    """The real server behind HTTPS, with a certificate for 127.0.0.1 from the test CA."""
    with TlsFront(server.url, pki.server_cert("127.0.0.1", "localhost")) as tls_front:
        yield tls_front


def client(url: str, **kwargs) -> tuple[ApiClient, list[float]]:
    waits: list[float] = []
    return ApiClient(url, "dev-tls", sleep=waits.append, **kwargs), waits


# -- the client against a small HTTPS server ------------------------------------------------
def test_untrusted_certificate_is_named_as_such_and_not_retried(pki) -> None:
    with HealthServer(pki.server_cert("127.0.0.1")) as https:
        api, waits = client(https.url)
        with pytest.raises(TrustError) as caught:
            api._request("GET", "/health", auth=False)
        assert caught.value.code == "tls_untrusted"
        message = caught.value.message
        assert "Sertifikat server 127.0.0.1 tidak dipercaya" in message
        assert "--ca-file" in message and "Pengaturan" in message
        assert UNREACHABLE not in message
        assert waits == [] and https.hits == 0  # no retry, nothing got through
        with pytest.raises(TrustError):  # health() does not hide it as "offline"
            api.health()


def test_the_agency_ca_file_makes_the_same_server_trusted(pki, monkeypatch) -> None:
    # The desk's setting wins over an environment bundle that points elsewhere.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(REPO / "pyproject.toml"))
    with HealthServer(pki.server_cert("127.0.0.1")) as https:
        api, _ = client(https.url, ca_file=str(pki.ca_file))
        assert api.session.verify == str(pki.ca_file)
        assert api.health() is True and https.hits == 1


def test_certificate_for_another_host_name(pki) -> None:
    with HealthServer(pki.server_cert("example.test")) as https:
        api, waits = client(https.url, ca_file=str(pki.ca_file))
        with pytest.raises(TrustError) as caught:
            api.health()
        assert caught.value.code == "tls_hostname"
        assert "dibuat untuk nama lain, bukan 127.0.0.1" in caught.value.message
        assert waits == [] and https.hits == 0


def test_missing_or_unusable_ca_files(pki, tmp_path, monkeypatch) -> None:
    with HealthServer(pki.server_cert("127.0.0.1")) as https:
        for path, words in ((tmp_path / "tidak-ada.pem", "tidak ditemukan"),
                            (tmp_path, "bukan folder"),
                            (REPO / "pyproject.toml", "bukan sertifikat CA berformat PEM")):
            api, _ = client(https.url, ca_file=str(path))
            with pytest.raises(TrustError) as caught:
                api.health()
            assert caught.value.code == "ca_file" and words in caught.value.message
        for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
            monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
            monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
            monkeypatch.setenv(name, "/nonexistent/ca.pem")
            api, _ = client(https.url)
            with pytest.raises(TrustError) as caught:
                api.health()
            assert name in caught.value.message and "/nonexistent/ca.pem" in caught.value.message
        assert https.hits == 0


@pytest.mark.parametrize("url", ["http://10.1.2.3:8000", "http://lapor.kalselprov.go.id",
                                 "http://192.168.1.5"])
def test_plain_http_to_another_computer_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="harus memakai https://"):
        normalize_server_url(url)
    api, _ = client(url)  # an address an older desk kept: every request refuses
    with pytest.raises(TrustError) as caught:
        api.health()
    assert caught.value.code == "insecure_url"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://localhost", "http://[::1]:9",
                                 "http://127.3.2.1"])
def test_plain_http_to_this_computer_is_allowed(url: str) -> None:
    assert normalize_server_url(url) == url


# -- the CLI against a real server behind TLS ------------------------------------------------
def test_login_with_ca_file_and_later_syncs(server, front, pki, make_desk) -> None:  # noqa: F811
    desk = make_desk("tls")
    refused = desk.cli("login", "--server", front.url, "--username", "dinkes.admin",
                       password=server.password)
    assert refused.returncode == 1, refused
    assert "tidak dipercaya" in refused.stderr and UNREACHABLE not in refused.stderr
    assert "--ca-file" in refused.stderr and "Traceback" not in refused.stderr

    ok = desk.cli("login", "--server", front.url, "--username", "dinkes.admin",
                  "--ca-file", str(pki.ca_file), password=server.password)
    assert ok.returncode == 0, ok
    assert desk.status()["ca_file"] == str(pki.ca_file.resolve())
    cid = desk.create(title="Pengaduan lewat HTTPS")
    desk.sync()  # the kept CA file, no flag
    assert server.login("dinkes.admin").get(f"/complaints/{cid}").status_code == 200

    # Back to the default bundle: the round fails as a configuration problem (exit 1, not
    # 3 "unreachable"), the action waits in the outbox.
    desk.close()
    assert desk.cli("login", "--server", front.url, "--username", "dinkes.admin",
                    "--ca-file", "", password=server.password).returncode == 1
    assert desk.status()["ca_file"] == str(pki.ca_file.resolve())  # a failed login keeps it
    desk.service.set_sync_state("ca_file", None)
    desk.act("note", cid, text="Catatan menunggu sertifikat")
    desk.close()
    failed = desk.sync(expect=1)
    assert "tidak dipercaya" in failed.stderr and UNREACHABLE not in failed.stderr
    assert desk.counts()["pending"] == 1
    assert "tidak dipercaya" in desk.status()["last_error"]


def test_cli_ca_problems_exit_nonzero_without_traceback(server, front, pki,
                                                        make_desk) -> None:  # noqa: F811
    desk = make_desk("ca-problems", separate=True)  # real processes: what a task sees
    missing = desk.cli("login", "--server", front.url, "--username", "dinkes.admin",
                       "--ca-file", str(pki.folder / "hilang.pem"), password=server.password)
    assert missing.returncode == 1, missing
    assert "Berkas sertifikat CA tidak ditemukan" in missing.stderr
    assert "Traceback" not in missing.stderr + missing.stdout

    bad_env = desk.cli("login", "--server", front.url, "--username", "dinkes.admin",
                       password=server.password,
                       extra_env={"REQUESTS_CA_BUNDLE": "/nonexistent"})
    assert bad_env.returncode == 1, bad_env
    assert "REQUESTS_CA_BUNDLE" in bad_env.stderr and "/nonexistent" in bad_env.stderr
    assert "Traceback" not in bad_env.stderr + bad_env.stdout

    insecure = desk.cli("login", "--server", "http://10.1.2.3:8000", "--username",
                        "dinkes.admin", password=server.password)
    assert insecure.returncode == 2, insecure
    assert "harus memakai https://" in insecure.stderr
    assert "Traceback" not in insecure.stderr + insecure.stdout


def test_a_certificate_for_another_name_behind_the_real_server(server, pki,
                                                               make_desk) -> None:  # noqa: F811
    with TlsFront(server.url, pki.server_cert("example.test")) as wrong:
        desk = make_desk("wrong-name")
        proc = desk.cli("login", "--server", wrong.url, "--username", "dinkes.admin",
                        "--ca-file", str(pki.ca_file), password=server.password)
    assert proc.returncode == 1, proc
    assert "dibuat untuk nama lain, bukan 127.0.0.1" in proc.stderr
    assert desk.status()["ca_file"] is None  # not kept: the sign-in failed


def test_plain_http_to_loopback_still_signs_in(server, make_desk) -> None:  # noqa: F811
    assert server.url.startswith("http://127.0.0.1:")
    make_desk("loopback").login(server, "dinkes.admin")


# -- no switch to turn verification off -----------------------------------------------------
TURNED_OFF = ("CERT_NONE", "check_hostname = False", "_create_unverified_context",
              "disable_warnings", "PYTHONHTTPSVERIFY")


def verification_off(source: str) -> list[int]:
    """Lines of ``source`` that turn certificate checks off: ``verify=<constant other than
    True>`` (False, None, 0) as an argument or an attribute (``session.verify = False``),
    or one of TURNED_OFF."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "verify":
            value = node.value
        elif (isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr == "verify" for t in node.targets)):
            value = node.value
        else:
            continue
        if isinstance(value, ast.Constant) and value.value is not True:
            lines.append(node.lineno)
    for number, line in enumerate(source.splitlines(), start=1):
        if any(needle in line for needle in TURNED_OFF):
            lines.append(number)
    return lines


def test_no_verify_false_anywhere_in_the_desk() -> None:
    found = {str(path.relative_to(REPO)): lines
             for path in sorted((REPO / "desktop").rglob("*.py"))
             if (lines := verification_off(path.read_text(encoding="utf-8")))}
    assert found == {}


@pytest.mark.parametrize("source", [
    "import requests\nrequests.get('https://x', verify=False)\n",
    "session = make()\nsession.verify = False\n",
    "s.request('GET', u, timeout=3, verify=None)\n",
    "import ssl\nctx = ssl._create_unverified_context()\n",
])
def test_the_scan_sees_verification_turned_off(source: str) -> None:
    assert verification_off(source)  # the scan above can fail


# -- private files ---------------------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_new_desk_is_private_to_its_user(tmp_path) -> None:
    from desktop.paths import data_dir
    from desktop.store import DeskService

    old = os.umask(0o022)  # a usual umask: files 0644 and folders 0755 unless we say so
    try:
        folder = data_dir(tmp_path / "baru")
        with DeskService(folder) as service:
            service.set_sync_state("server_url", "https://lapor.example")
            made = sorted(p.name for p in folder.iterdir())
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "desk.sqlite" in made and modes["desk.sqlite"] == 0o600
    for name, mode in modes.items():  # -wal, -shm, locks: none readable by others
        assert mode & 0o077 == 0, (name, oct(mode))


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_loose_modes_left_by_an_older_desk_are_tightened_on_open(tmp_path) -> None:
    from desktop.store import DeskService

    folder = tmp_path / "lama"
    DeskService(folder).close()
    letters = folder / "letters"
    letters.mkdir()
    for path, mode in ((folder, 0o755), (folder / "desk.sqlite", 0o644), (letters, 0o755),
                       (folder / "settings.ini", 0o644)):
        if not path.exists():
            path.write_text("[meta]\n")
        path.chmod(mode)
    DeskService(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "desk.sqlite").stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "settings.ini").stat().st_mode) == 0o600
    assert stat.S_IMODE(letters.stat().st_mode) == 0o700
