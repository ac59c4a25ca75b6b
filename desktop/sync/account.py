"""The desk's link to its central server: remembered server and user, device id, tokens.

The server URL, the agency's CA file (when the server's certificate comes from the
agency's own CA), the username and the signed-in officer's role live in the store's
``sync_state`` (they are not secret); the device id in its settings (made once, uuid4);
the tokens only in the credential store (:mod:`desktop.credentials`).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from desktop.credentials import Credentials, CredentialStore
from desktop.store.service import DeskService
from desktop.sync.client import ApiClient, normalize_server_url
from desktop.sync.errors import NotSignedIn, SyncError
from desktop.sync.local import (
    CURSOR_KEY,
    LAST_ERROR_KEY,
    LOGIN_REQUIRED_KEY,
    PENDING_RESET_KEY,
    SyncLocal,
)
from desktop.sync.retry import RetryPolicy
from desktop.sync.tls import check_ca_file

log = logging.getLogger(__name__)

DEVICE_KEY = "device_id"
SERVER_KEY = "server_url"
CA_KEY = "ca_file"  # the agency's CA certificate (PEM) the server's TLS certificate is from
USER_KEY = "username"
ACTOR_KEY = "actor"


@dataclass(frozen=True)
class SignIn:
    server_url: str
    username: str
    full_name: str
    role: str
    agency: str
    unit: str | None
    credential_store: str


def ensure_device_id(service: DeskService) -> str:
    device = service.get_setting(DEVICE_KEY)
    if not device:
        device = str(uuid.uuid4())
        service.set_setting(DEVICE_KEY, device)
    return str(device)


class Account:
    def __init__(self, service: DeskService, *, store: CredentialStore | None = None) -> None:
        self.service = service
        self.device_id = ensure_device_id(service)
        self.store = store or CredentialStore(self.device_id)

    # -- what is remembered -----------------------------------------------------------------
    @property
    def server_url(self) -> str | None:
        return self.service.get_sync_state(SERVER_KEY)

    @property
    def ca_file(self) -> str | None:
        """The agency's CA file the server's certificate is checked against (None: the
        default bundle)."""
        return self.service.get_sync_state(CA_KEY) or None

    def set_ca_file(self, path: str | None) -> str | None:
        """Keep ``path`` (checked: a readable PEM file; TrustError otherwise) as the CA for
        every later connection; None or "" goes back to the default bundle."""
        stored = check_ca_file(path) if path else None
        self.service.set_sync_state(CA_KEY, stored)
        return stored

    @property
    def username(self) -> str | None:
        return self.service.get_sync_state(USER_KEY)

    @property
    def actor(self) -> dict[str, Any] | None:
        return self.service.get_sync_state(ACTOR_KEY)

    @property
    def credential_store(self) -> str:
        return self.store.backend

    def credentials(self) -> Credentials | None:
        """The stored tokens, if they belong to the remembered server and user."""
        creds = self.store.load()
        if creds is None:
            return None
        if creds.server_url != self.server_url or creds.username != self.username:
            return None
        return creds

    @property
    def signed_in(self) -> bool:
        """Tokens are stored (they may still turn out expired at the next request)."""
        return self.credentials() is not None

    def client(self, **kwargs: Any) -> ApiClient:
        """A client with the stored session; NotSignedIn when there is none."""
        server = self.server_url
        creds = self.credentials()
        if not server or creds is None:
            raise NotSignedIn()
        return ApiClient(server, self.device_id, credentials=creds,
                         on_tokens=self._save_tokens, ca_file=self.ca_file, **kwargs)

    def _save_tokens(self, creds: Credentials) -> None:
        self.store.save(creds)

    # -- signing in and out -----------------------------------------------------------------
    def login(self, server_url: str, username: str, password: str, *,
              ca_file: str | None = None, **kwargs: Any) -> SignIn:
        """Sign in and remember server, user and role. Raises SyncError subclasses (and
        ValueError for a malformed server URL). ``ca_file``: the agency's CA, kept for
        later syncs once the sign-in worked ("" goes back to the default bundle; None
        keeps the one set before).

        Another server or another officer than before: the next pull starts from the
        beginning and keeps only what it delivers. Refused while another officer's
        actions still wait to be sent (they would go out under the wrong name).
        """
        server_url = normalize_server_url(server_url)
        username = username.strip()
        self.check_switch(server_url, username)
        ca = self.ca_file if ca_file is None else (check_ca_file(ca_file) if ca_file else None)
        user = self.authenticate(server_url, username, password, ca_file=ca, **kwargs)
        if ca != self.ca_file:
            self.set_ca_file(ca)
        return self.remember(server_url, username, user)

    def check_switch(self, server_url: str, username: str) -> None:
        """Refuse to sign in as someone else while their colleague's ops wait (DB only)."""
        if not username.strip():
            raise SyncError("Nama pengguna wajib diisi.", code="invalid")
        previous = (self.server_url, self.username)
        if previous[1] and previous != (server_url, username.strip()):
            waiting = [op for op in SyncLocal(self.service).ops(("pending", "sending"))
                       if op.actor and op.actor != username.strip()]
            if waiting:
                raise SyncError(
                    f"Masih ada {len(waiting)} tindakan {waiting[0].actor} yang belum terkirim. "
                    f"Masuk sebagai {waiting[0].actor} dan sinkronkan dulu, atau buang "
                    "tindakan itu di Kotak Keluar.", code="outbox_of_other_user")

    def authenticate(self, server_url: str, username: str, password: str, *,
                     ca_file: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Sign in on the server (network only: ``ca_file`` is given, not read from the
        store); the tokens go to the credential store."""
        client = ApiClient(server_url, self.device_id, on_tokens=self._save_tokens,
                           ca_file=ca_file, **kwargs)
        try:
            return client.login(username.strip(), password)
        finally:
            client.close()

    def remember(self, server_url: str, username: str, user: dict[str, Any]) -> SignIn:
        """Keep who signed in where (DB only); a new server or officer restarts the pull."""
        server_url = normalize_server_url(server_url)
        username = username.strip()
        previous = (self.server_url, self.username)
        actor: dict[str, Any] = {
            "username": user.get("username") or username,
            "full_name": user.get("full_name") or username,
            "role": user.get("role"), "agency": user.get("agency"),
            "units": [user["unit"]] if user.get("unit") else []}
        states: dict[str, Any] = {SERVER_KEY: server_url, USER_KEY: username,
                                  ACTOR_KEY: actor, LOGIN_REQUIRED_KEY: None,
                                  LAST_ERROR_KEY: None}
        if previous[1] and previous != (server_url, username):
            states[CURSOR_KEY] = None
            states[PENDING_RESET_KEY] = True
        SyncLocal(self.service).set_states(states)
        return SignIn(server_url, actor["username"], actor["full_name"], str(actor["role"]),
                      str(actor["agency"]), user.get("unit"), self.store.backend)

    def logout(self) -> None:
        """Revoke the session (when the server answers) and forget the tokens. The outbox,
        the data and the remembered server and user stay."""
        try:
            client = self.client(retry=RetryPolicy(attempts=1), timeouts=(3.0, 5.0))
        except NotSignedIn:
            client = None
        if client is not None:
            try:
                client.logout()
            finally:
                client.close()
        self.store.delete()
