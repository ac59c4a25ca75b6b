"""What every request handler needs: settings, the database, and the domain's calendar and
deadline policy (built once per process)."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from core.clock import clock, set_zone
from server import audit, complaint_store, feed
from server.config import Settings
from server.db import Database


class ServerContext:
    def __init__(self, settings: Settings, *, pool_size: int = 10) -> None:
        self.settings = settings
        self.db = Database(settings.database_url, pool_size=pool_size)
        self.db.pre_commit = self._pre_commit
        # The pulls waiting for changes (server/wakeup.py); its thread starts with the
        # first waiting pull, so commands that open a context start none.
        from server.wakeup import Waker

        self.waker = Waker(self.db)
        self.db.post_commit = self.waker.committed
        # The office's zone decides "today" for the whole process (core/clock.py).
        self.tz = set_zone(settings.timezone)
        settings.attachments_dir.mkdir(parents=True, exist_ok=True)

    def _pre_commit(self, session: Session) -> None:
        complaint_store.flush_views(session)
        feed.flush(session, commit_delay_ms=self.settings.test_commit_delay_ms,
                   unsafe=self.settings.test_unsafe_feed)
        # Last: the audit chains' locks are held only for the final moments (audit_chain.py).
        audit.flush(session, commit_delay_ms=self.settings.test_commit_delay_ms,
                    unsafe=self.settings.test_unsafe_audit)

    def now(self) -> datetime:
        """Local office time (WITA by default), the clock the domain stamps events with."""
        return clock().now().astimezone(self.tz)

    @cached_property
    def qr_keyring(self) -> Any:
        """This server's QR secrets (server/qr_keys.py), read once per process."""
        from server import qr_keys

        return qr_keys.load(self.settings.qr_secret_file)

    @cached_property
    def calendar(self) -> Any:
        from core import WorkingCalendar

        holidays: list = []
        if self.settings.local_holidays:
            from core.calendar import load_local_holidays

            holidays = load_local_holidays(self.settings.local_holidays)
        return WorkingCalendar(local_holidays=holidays)

    @cached_property
    def policy(self) -> Any:
        from core import DeadlinePolicy

        if self.settings.follow_up_days:
            return DeadlinePolicy(follow_up_days=self.settings.follow_up_days,
                                  backdate_days=self.settings.backdate_days)
        return DeadlinePolicy(backdate_days=self.settings.backdate_days)

    @cached_property
    def blobs(self) -> Any:
        """Where attachment bytes live (server/blobstore.py)."""
        from server import blobstore

        return blobstore.open_store(self.settings, self.db)

    def close(self) -> None:
        self.waker.close()
        self.db.dispose()
