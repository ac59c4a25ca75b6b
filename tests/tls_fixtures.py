"""TLS for the desk's tests: a CA and server certificates made in the test, and HTTPS on
loopback, either a tiny server answering ``/api/v1/health`` or a TLS front for a real
``lapor-server`` (which itself speaks plain HTTP on loopback).

::

    pki = TestPki(tmp_path)            # pki.ca_file: the test CA (PEM), trusted by nobody
    good = pki.server_cert("127.0.0.1", "localhost")
    other = pki.server_cert("example.test")
    with HealthServer(good) as url: ...            # https://127.0.0.1:PORT
    with TlsFront(server.url, good) as front: ...  # front.url, in front of a real server
"""

from __future__ import annotations

import contextlib
import datetime
import http.server
import ipaddress
import json
import socket
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass(frozen=True)
class ServerCert:
    cert_file: Path  # the server's certificate followed by the CA's
    key_file: Path

    def context(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert_file, self.key_file)
        return ctx


# Fixed and wide: OpenSSL checks them against the machine's clock, whatever the suite's
# office clock (LAPOR_NOW) or a faketime run says.
VALID_FROM = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
VALID_UNTIL = datetime.datetime(2099, 12, 31, tzinfo=datetime.UTC)


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


class TestPki:
    """A throwaway CA ("Uji CA Instansi") in ``folder``; server certificates it issues."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        public = self.ca_key.public_key()
        self.ca_cert = (
            x509.CertificateBuilder().subject_name(_name("Uji CA Instansi"))
            .issuer_name(_name("Uji CA Instansi")).public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(VALID_FROM).not_valid_after(VALID_UNTIL)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True,
                content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(self.ca_key, hashes.SHA256()))
        self.ca_pem = self.ca_cert.public_bytes(serialization.Encoding.PEM)
        self.ca_file = self.folder / "ca-instansi.pem"
        self.ca_file.write_bytes(self.ca_pem)

    def server_cert(self, *names: str) -> ServerCert:
        """A certificate for ``names`` (IP addresses or DNS names), issued by the CA."""
        key = ec.generate_private_key(ec.SECP256R1())
        alt: list[x509.GeneralName] = []
        for name in names:
            try:
                alt.append(x509.IPAddress(ipaddress.ip_address(name)))
            except ValueError:
                alt.append(x509.DNSName(name))
        cert = (
            x509.CertificateBuilder().subject_name(_name(names[0]))
            .issuer_name(self.ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(VALID_FROM).not_valid_after(VALID_UNTIL)
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self.ca_key.public_key()), critical=False)
            .sign(self.ca_key, hashes.SHA256()))
        stem = self.folder / names[0].replace(":", "_")
        cert_file, key_file = stem.with_suffix(".crt"), stem.with_suffix(".key")
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + self.ca_pem)
        key_file.write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        return ServerCert(cert_file, key_file)


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.hits += 1  # type: ignore[attr-defined]
        body = json.dumps({"status": "ok"}).encode()
        self.send_response(200 if self.path.endswith("/health") else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815

    def log_message(self, *_args: object) -> None:
        pass


class HealthServer:
    """HTTPS on 127.0.0.1 with ``cert``, answering ``/api/v1/health`` (``hits`` counts the
    requests that got through the handshake)."""

    def __init__(self, cert: ServerCert) -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
        self.httpd.hits = 0  # type: ignore[attr-defined]
        self.httpd.socket = cert.context().wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def hits(self) -> int:
        return self.httpd.hits  # type: ignore[attr-defined]

    def __enter__(self) -> HealthServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class TlsFront:
    """TLS termination on 127.0.0.1 in front of a plain-HTTP loopback server: every
    connection is decrypted with ``cert`` and its bytes relayed both ways."""

    def __init__(self, upstream_url: str, cert: ServerCert) -> None:
        host, _, port = upstream_url.removeprefix("http://").rstrip("/").partition(":")
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("the TLS front only forwards to loopback")
        self.upstream = (host, int(port or 80))
        self.context = cert.context()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self._stop = threading.Event()

    def __enter__(self) -> TlsFront:
        threading.Thread(target=self._accept, daemon=True, name="tls-front").start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self.listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw: socket.socket) -> None:
        try:
            client = self.context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):  # the desk refused our certificate: as it should
            raw.close()
            return
        try:
            upstream = socket.create_connection(self.upstream)
        except OSError:
            client.close()
            return

        def close_both() -> None:  # one side ended: so does the other (no half-open reuse)
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()

        def pump(src: socket.socket, dst: socket.socket) -> None:
            try:
                while chunk := src.recv(65536):
                    dst.sendall(chunk)
            except OSError:
                pass
            finally:
                close_both()

        threading.Thread(target=pump, args=(upstream, client), daemon=True).start()
        pump(client, upstream)
