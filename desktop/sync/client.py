"""HTTP client of the central server API (``/api/v1``), over one ``requests.Session``.

Every call has connect/read timeouts. Network errors, cut-short answers, 5xx and 429 are
retried with exponential backoff and jitter (Retry-After honoured) and end in
:class:`Unreachable`; a 401 renews the access token once with the refresh token and ends
in :class:`LoginRequired` when that fails too. Other 4xx raise :class:`ApiError`.
Tokens are never logged: log lines name the method and path only.

TLS: certificates are always verified (``desktop/sync/tls.py``), against the agency's CA
file when one is set (``ca_file``), else the default bundle. A certificate that is not
trusted or names another host, or a CA file that is missing, raises :class:`TrustError`
at once: a configuration problem, never retried as "server unreachable".
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from core.clock import clock
from desktop import __version__
from desktop.credentials import Credentials
from desktop.sync import audit_anchors, sse, tls
from desktop.sync.errors import (
    ApiError,
    LoginRequired,
    NotSignedIn,
    SyncError,
    TrustError,
    Unreachable,
)
from desktop.sync.retry import RetryPolicy, parse_retry_after

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
# "connect,read" seconds, for slow links (and the flaky-network tests).
ENV_TIMEOUTS = "LAPOR_DESK_HTTP_TIMEOUTS"
ENV_RETRY = "LAPOR_DESK_RETRY"  # "attempts,base,cap,budget"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# A waiting pull's read timeout is its wait plus this (the server answers at the wait's end).
WAIT_MARGIN = 15.0
WAIT_HEADER = "X-Lapor-Wait"  # the wait the server granted; missing: it does not wait
# A change-event stream with no byte for this long is dead: three of the server's pings.
EVENTS_READ_TIMEOUT = 45.0
STREAM_OPEN = "open"  # change_events' first item: the server accepted the stream
EVENTS_PATH = "/sync/events"
# 401 codes that mean "renew the access token", not "the session is gone".
RENEWABLE = frozenset({"token_expired"})

_UNREACHABLE = "Server pusat tidak dapat dihubungi"
# Why a request failed, as the officer reads it (the technical name goes to ``detail``).
_TIMEOUTS = ("ReadTimeout", "ConnectTimeout", "Timeout")
_CUT_SHORT = ("ChunkedEncodingError", "ContentDecodingError", "invalid_json")
# The body ``_request`` decoded to check it arrived whole, for ``_json`` to use: a pulled page
# (~3 MB) is decoded once, not twice.
_DECODED: weakref.WeakKeyDictionary[requests.Response, Any] = weakref.WeakKeyDictionary()


def unreachable_message(problem: str) -> str:
    """The Indonesian message for a request that kept failing with ``problem`` (an exception
    name or ``HTTP 503``); never the technical name itself."""
    if problem in _TIMEOUTS:
        return f"{_UNREACHABLE}: server tidak menjawab."
    if problem in _CUT_SHORT:
        return f"{_UNREACHABLE}: jawaban terputus."
    if problem == "HTTP 429":
        return f"{_UNREACHABLE}: server sedang sibuk."
    if problem.startswith("HTTP "):
        return f"{_UNREACHABLE}: server sedang bermasalah."
    return f"{_UNREACHABLE}."


def normalize_server_url(url: str) -> str:
    """``host:port`` or ``https://host:port[/api/v1]`` -> ``https://host:port`` (no slash).

    Without a scheme: ``http://`` for this computer (loopback), ``https://`` otherwise.
    ValueError (Indonesian) for anything else, including ``http://`` to another computer.
    """
    url = url.strip()
    if not url:
        raise ValueError("Alamat server wajib diisi.")
    if "://" not in url:
        url = ("http://" if tls.is_loopback(_host("//" + url)) else "https://") + url
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError("Alamat server harus diawali https://.")
    url = url.rstrip("/")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    if not _host(url):
        raise ValueError("Alamat server tidak lengkap: nama server tidak ada.")
    tls.check_url_scheme(url)
    return url


def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # e.g. a broken [IPv6] address
        return None


def default_timeouts() -> tuple[float, float]:
    raw = os.environ.get(ENV_TIMEOUTS, "").strip()
    if raw:
        try:
            connect, read = (float(x) for x in raw.split(","))
            return connect, read
        except ValueError:
            log.warning("%s ignored: expected 'connect,read' seconds", ENV_TIMEOUTS)
    return CONNECT_TIMEOUT, READ_TIMEOUT


def default_retry() -> RetryPolicy:
    raw = os.environ.get(ENV_RETRY, "").strip()
    if raw:
        try:
            attempts, base, cap, budget = raw.split(",")
            return RetryPolicy(int(attempts), float(base), float(cap), float(budget))
        except ValueError:
            log.warning("%s ignored: expected 'attempts,base,cap,budget'", ENV_RETRY)
    return RetryPolicy()


@dataclass(frozen=True)
class PullPage:
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool
    reset: bool
    # Why the pull restarted: "scope" (the account's role/unit changed) or "restored" (the
    # server was restored from a backup: the desk re-sends what the server no longer knows).
    reset_reason: str | None = None
    # The audit chains' daily anchors (chain, day, seq, hash): desktop/sync/audit_anchors.py.
    anchors: tuple[tuple[str, str, int, str], ...] = ()
    # A waiting pull (``wait_for_changes``): the seconds the server granted; None when it
    # does not wait (a server from before long-polling).
    wait: int | None = None


class ApiClient:
    """One server, one device, one signed-in officer (or none yet).

    ``on_tokens`` is called with fresh :class:`Credentials` after login and every renewal,
    before they are used, so a crash never loses a rotated refresh token.
    """

    def __init__(self, server_url: str, device_id: str, *,
                 credentials: Credentials | None = None,
                 on_tokens: Callable[[Credentials], None] | None = None,
                 retry: RetryPolicy | None = None,
                 timeouts: tuple[float, float] | None = None,
                 sleep: Callable[[float], None] | None = None,
                 ca_file: str | None = None,
                 on_trouble: Callable[[str], None] | None = None) -> None:
        # A refused address (plain http:// to another computer, kept by an older desk) fails
        # every request with TrustError, so callers meet it where they handle sync errors.
        self._refused: TrustError | None = None
        try:
            self.server_url = normalize_server_url(server_url)
        except ValueError as exc:
            self.server_url = server_url.strip().rstrip("/")
            self._refused = TrustError(str(exc), code="insecure_url")
        self.host = _host(self.server_url) or self.server_url
        self.ca_file = ca_file or None
        self._ca_checked = False
        self.device_id = device_id
        self.credentials = credentials
        self.on_tokens = on_tokens
        self.retry = retry or default_retry()
        self.timeouts = timeouts or default_timeouts()
        self.sleep = sleep
        # Called (on the calling thread) with the technical reason each time a request
        # fails and is about to be retried or given up: the GUI shows "offline" at once.
        self.on_trouble = on_trouble
        self._rng = random.Random()
        self._auth_lock = threading.Lock()
        self.session = requests.Session()
        if self.ca_file:
            self.session.verify = self.ca_file  # never False: see desktop/sync/tls.py
        self.session.headers.update({
            "User-Agent": f"lapor-desk/{__version__}",
            "X-Device-Id": device_id,
            "Accept": "application/json",
        })
        self.cancelled = threading.Event()

    def close(self) -> None:
        self.session.close()

    # -- endpoints ------------------------------------------------------------------------
    def health(self, *, retry: bool = False) -> bool:
        """Is the server answering? One quick try unless ``retry``. A TrustError is raised,
        not answered False: the server may well be there, the desk cannot trust it."""
        try:
            self._request("GET", "/health", auth=False, retry=retry)
            return True
        except (Unreachable, ApiError):
            return False

    def login(self, username: str, password: str) -> dict[str, Any]:
        """Sign in; returns the server's ``user`` dict and keeps the new tokens."""
        response = self._request("POST", "/auth/login", auth=False, json={
            "username": username, "password": password, "device_id": self.device_id},
            login=True)
        body = _json(response)
        self._take_tokens(body, username)
        return dict(body.get("user") or {})

    def logout(self) -> None:
        """Revoke the session on the server (best effort: a dead server is not an error)."""
        if self.credentials is None:
            return
        try:
            self._request("POST", "/auth/logout", retry=False, renew=False)
        except (Unreachable, LoginRequired, ApiError):
            pass

    def pull(self, cursor: str | None, limit: int) -> PullPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        body = _json(self._request("GET", "/sync/pull", params=params))
        return PullPage(list(body.get("changes") or ()), str(body["cursor"]),
                        bool(body.get("has_more")), bool(body.get("reset")),
                        str(body["reset_reason"]) if body.get("reset_reason") else None,
                        tuple(audit_anchors.parse(body.get("anchors"))))

    def wait_for_changes(self, cursor: str, wait: int) -> PullPage:
        """``GET /sync/pull?wait=``: held open by the server until something after
        ``cursor`` is in this desk's scope, or ``wait`` seconds (the server may grant
        less). At most one change comes back: the caller only learns *that* something
        changed and leaves fetching it to a sync round. One try and no token renewal
        (the round renews; two renewals at once would spend the refresh token twice):
        every failure goes to the caller, which backs off."""
        connect, _read = self.timeouts
        response = self._request("GET", "/sync/pull", retry=False, renew=False,
                                 params={"cursor": cursor, "limit": 1, "wait": int(wait)},
                                 timeout=(connect, float(wait) + WAIT_MARGIN))
        body = _json(response)
        granted = response.headers.get(WAIT_HEADER, "")
        return PullPage(list(body.get("changes") or ()), str(body["cursor"]),
                        bool(body.get("has_more")), bool(body.get("reset")),
                        str(body["reset_reason"]) if body.get("reset_reason") else None,
                        wait=int(granted) if granted.isdigit() else None)

    def change_events(self, cursor: str) -> Iterator[str]:
        """``GET /sync/events``: the server's change-event stream for this desk from
        ``cursor`` (docs/sync-protocol.md "Change events"). Yields ``STREAM_OPEN`` once the
        server accepted it, then the name of every event as it comes (``change``: run a
        round); returns when the server ends the stream. One try and no token renewal, as
        ``wait_for_changes``; a cut or silent stream raises :class:`Unreachable`, a server
        without the stream :class:`ApiError` 404."""
        connect, _read = self.timeouts
        response = self._request("GET", EVENTS_PATH, retry=False, renew=False,
                                 stream=True, params={"cursor": cursor},
                                 headers={"Accept": "text/event-stream"},
                                 timeout=(connect, EVENTS_READ_TIMEOUT))
        try:
            if not response.headers.get("content-type", "").startswith("text/event-stream"):
                raise SyncError("Server menjawab dengan format yang tidak dikenal.",
                                code="bad_answer", detail=response.headers.get("content-type"))
            yield STREAM_OPEN
            for name, _data in sse.events(response.iter_content(chunk_size=None)):
                yield name
        except requests.RequestException as exc:
            problem = type(exc).__name__
            raise Unreachable(unreachable_message(problem), code="unreachable",
                              detail=problem) from None
        finally:
            response.close()

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = _json(self._request("POST", "/sync/push", json={"ops": ops}))
        results = list(body.get("results") or ())
        if len(results) != len(ops):
            raise Unreachable(f"{_UNREACHABLE}: jawaban server tidak lengkap.")
        return results

    def upload(self, sha256: str, data: bytes, mime: str) -> dict[str, Any]:
        """PUT the file under its hash: idempotent (200 when the server already has it)."""
        return _json(self._request("PUT", f"/attachments/{sha256}", data=data,
                                   headers={"Content-Type": mime}))

    def download(self, sha256: str) -> Iterator[bytes]:
        """The file's bytes in chunks (the caller verifies the hash)."""
        response = self._request("GET", f"/attachments/{sha256}", stream=True)
        try:
            yield from response.iter_content(chunk_size=256 * 1024)
        except requests.RequestException as exc:
            raise Unreachable(f"{_UNREACHABLE}: unduhan terputus.",
                              detail=type(exc).__name__) from exc
        finally:
            response.close()

    def audit(self, **filters: Any) -> list[dict[str, Any]]:
        """``GET /audit`` (admin roles), newest first: ``limit``, ``before`` (an id, paging),
        ``username``, ``action``, ``date_from``/``date_to`` (YYYY-MM-DD), ``complaint_id``;
        None or empty filters are left out."""
        params = {k: v for k, v in filters.items() if v not in (None, "")}
        return list(_json(self._request("GET", "/audit", params=params)).get("entries") or ())

    def positions(self) -> dict[str, Any]:
        """``GET /positions``: the agency's structure of jabatan (issue 17)."""
        return _json(self._request("GET", "/positions"))

    def set_position(self, code: str, fields: dict[str, Any]) -> dict[str, Any]:
        """``PUT /positions/{code}`` (admin_instansi): create or change one position."""
        return _json(self._request("PUT", f"/positions/{code}", json=fields))

    def reserve_agenda(self, year: int, count: int) -> dict[str, Any]:
        """``POST /agenda/reserve``: a block of agenda numbers for this device, with the
        agency's QR key (``qr_key``, ``qr_key_id``). A retried call may reserve a second
        block: unused numbers are only a gap, never reused."""
        return _json(self._request("POST", "/agenda/reserve",
                                   json={"year": year, "count": count}))

    # -- plumbing -------------------------------------------------------------------------
    def check_trust(self) -> None:
        """TrustError when this client cannot make a trustworthy connection as configured
        (checked once, before the first request)."""
        if self._refused is not None:
            raise self._refused
        if self._ca_checked:
            return
        if self.ca_file:
            tls.check_ca_file(self.ca_file)
        elif self.session.trust_env:
            tls.check_env_bundle()
        self._ca_checked = True

    def _take_tokens(self, body: dict[str, Any], username: str) -> None:
        try:
            creds = Credentials(self.server_url, username, str(body["access_token"]),
                                str(body["refresh_token"]),
                                clock().timestamp() + float(body.get("expires_in") or 0))
        except (KeyError, TypeError, ValueError) as exc:
            raise Unreachable(f"{_UNREACHABLE}: jawaban masuk tidak lengkap.") from exc
        if self.on_tokens is not None:
            self.on_tokens(creds)
        self.credentials = creds

    def _renew(self, used_token: str) -> None:
        """Swap an expired access token for a new one (once, even with several threads)."""
        with self._auth_lock:
            creds = self.credentials
            if creds is None:
                raise NotSignedIn()
            if creds.access_token != used_token:
                return  # another thread renewed it meanwhile
            response = self._request("POST", "/auth/refresh", auth=False, renew=False,
                                     json={"refresh_token": creds.refresh_token}, login=True)
            self._take_tokens(_json(response), creds.username)
            log.info("access token renewed")

    def _request(self, method: str, path: str, *, auth: bool = True, retry: bool = True,
                 renew: bool = True, login: bool = False, stream: bool = False,
                 **kwargs: Any) -> requests.Response:
        url = self.server_url + API_PREFIX + path
        policy = self.retry
        attempts = policy.attempts if retry else 1
        started = time.monotonic()
        renewed = False
        attempt = 0
        extra_headers = dict(kwargs.pop("headers", None) or {})
        timeouts = kwargs.pop("timeout", None) or self.timeouts
        self.check_trust()
        if self.ca_file:
            # Per request: a session's verify loses to REQUESTS_CA_BUNDLE in requests.
            kwargs["verify"] = self.ca_file
        while True:
            if self.cancelled.is_set():
                raise Unreachable("Sinkronisasi dihentikan.")
            headers = dict(extra_headers)
            used_token = None
            if auth:
                if self.credentials is None:
                    raise NotSignedIn()
                used_token = self.credentials.access_token
                headers["Authorization"] = f"Bearer {used_token}"
            problem: str
            retry_after: float | None = None
            try:
                response = self.session.request(method, url, headers=headers,
                                                timeout=timeouts, stream=stream, **kwargs)
                if not stream and response.status_code < 300:
                    response.content  # noqa: B018 - read it all now: a cut body is retried
                    if response.headers.get("content-type", "").startswith("application/json"):
                        # A body cut short fails here (and is retried).
                        _DECODED[response] = response.json()
            except requests.exceptions.SSLError as exc:
                trust = tls.trust_error(exc, self.host, self.ca_file)
                if trust is not None:
                    log.warning("%s %s: TLS %s", method, path, trust.code)
                    raise trust from None
                problem = type(exc).__name__
                response = None
            except requests.RequestException as exc:
                problem = type(exc).__name__
                response = None
            except OSError as exc:  # requests: "Could not find a suitable TLS CA ..."
                log.warning("%s %s: %s", method, path, exc)
                where = self.ca_file or "/".join(tls.CA_ENV_VARS)
                raise TrustError(f"Berkas sertifikat CA tidak dapat dipakai ({where}): "
                                 "tidak ditemukan atau tidak dapat dibaca.",
                                 code="ca_file") from None
            except ValueError:  # JSON decode of a cut-short body
                problem = "invalid_json"
                response = None
            if response is not None:
                status = response.status_code
                if status < 400:
                    return response
                if status == 401 and auth:
                    code = _error_code(response)
                    response.close()
                    if renew and not renewed and code in RENEWABLE:
                        renewed = True
                        self._renew(used_token or "")
                        continue
                    raise LoginRequired(_error_message(
                        response, "Sesi sudah berakhir. Silakan masuk kembali."), code=code)
                if status in RETRY_STATUS and not (login and status == 429):
                    problem = f"HTTP {status}"
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    response.close()
                else:
                    code = _error_code(response)
                    message = _error_message(
                        response, f"Permintaan ditolak server (HTTP {status}).")
                    details = _error_details(response)
                    response.close()
                    if status == 401:  # sign-in itself refused
                        raise LoginRequired(message, code=code)
                    raise ApiError(status, code, message, details)
            attempt += 1
            log.info("%s %s failed (%s), attempt %d/%d", method, path, problem, attempt,
                     attempts)
            if self.on_trouble is not None:
                self.on_trouble(problem)
            if attempt >= attempts:
                raise Unreachable(unreachable_message(problem), code="unreachable",
                                  detail=problem)
            wait = policy.delay(attempt - 1, retry_after, self._rng)
            if time.monotonic() - started + wait > policy.budget:
                raise Unreachable(unreachable_message(problem), code="unreachable",
                                  detail=problem)
            if self.sleep is not None:
                self.sleep(wait)
            elif self.cancelled.wait(wait):  # a cancel ends the wait at once
                raise Unreachable("Sinkronisasi dihentikan.")


def _json(response: requests.Response) -> dict[str, Any]:
    body = _DECODED.pop(response, _DECODED)
    if body is _DECODED:  # not decoded yet (not labelled JSON, or a streamed body)
        try:
            body = response.json()
        except ValueError as exc:
            raise Unreachable(f"{_UNREACHABLE}: jawaban bukan JSON.") from exc
    if not isinstance(body, dict):
        raise Unreachable(f"{_UNREACHABLE}: jawaban tidak dikenal.")
    return body


def _error_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error_code(response: requests.Response) -> str:
    return str(_error_body(response).get("error") or f"http_{response.status_code}")


def _error_message(response: requests.Response, default: str) -> str:
    message = _error_body(response).get("message")
    return message if isinstance(message, str) and message else default


def _error_details(response: requests.Response) -> Any:
    return _error_body(response).get("details")
