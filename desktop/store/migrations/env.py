"""Alembic environment of the desk store, run programmatically by ``desktop.store.migrate``.

The caller passes an open connection in ``config.attributes["connection"]``; there is no
alembic.ini and no URL here. The whole upgrade runs in one SQLite transaction.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through the alembic CLI
    raise RuntimeError("desktop.store.migrate supplies the connection; use it, not the CLI")

context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=True,  # SQLite ALTER TABLE is limited: recreate tables when needed
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
