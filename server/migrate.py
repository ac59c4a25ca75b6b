"""Schema creation and upgrades through Alembic, callable from the CLI and tests."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from server.db import is_sqlite, make_engine, normalize_url

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return cfg


class SchemaTooNew(Exception):
    """The database carries a revision this code does not know: a newer release made it."""

    def __init__(self, current: str, head: str | None) -> None:
        self.current, self.head = current, head
        super().__init__(
            f"Basis data dibuat oleh versi LAPOR! Desk yang lebih baru (revisi {current}); "
            f"kode ini hanya mengenal sampai revisi {head}. Pasang versi yang sesuai atau "
            "pulihkan cadangan.")


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def head_revision() -> str | None:
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def refuse_newer(current: str | None) -> None:
    """Raise SchemaTooNew when ``current`` is not a revision of this code's migrations."""
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(current, head_revision())


def current_revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def _ensure_search_path_schema(url: str) -> None:
    """Create the schema named in ``options=-csearch_path=...`` so a fresh schema just works."""
    if is_sqlite(url):
        return
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            schema = conn.exec_driver_sql("SELECT current_schema()").scalar()
            if schema is None:
                wanted = conn.exec_driver_sql("SHOW search_path").scalar() or ""
                first = wanted.split(",")[0].strip().strip('"')
                if first and first != "$user":
                    conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{first}"'))
                    conn.commit()
    finally:
        engine.dispose()


def upgrade(url: str) -> str | None:
    """Create or upgrade the schema to the newest revision; returns that revision.
    SchemaTooNew (nothing changed) when a newer release already migrated the database."""
    _ensure_search_path_schema(url)
    refuse_newer(current_revision(url))
    cfg = alembic_config(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
    return head_revision()
