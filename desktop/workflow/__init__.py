"""The officer's workflow without Qt: actions and who may take them, the service that turns
an action into local ops (store + timeline + outbox), drafts, canned replies, related
complaints and notices. Widgets in desktop/views/actions call it through desktop.tasks.

Names load on first use: the GUI imports the light parts (actions, steps) at start-up,
while the store side (service, queries: SQLAlchemy) loads once the store is open.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "UI_ACTIONS": "actions", "Availability": "actions", "availabilities": "actions",
    "availability": "actions", "enabled_kinds": "actions", "status_actions": "actions",
    "DEFAULT_LOCAL_ACTOR": "actor", "NOBODY": "actor", "current_actor": "actor",
    "is_nobody": "actor", "set_local_actor": "actor",
    "CannedReply": "canned",
    "ActionContext": "steps", "Step": "steps", "dry_run": "steps", "step": "steps",
    "RelatedComplaint": "queries",
    "BulkOutcome": "service", "WorkflowService": "service",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'desktop.workflow' has no attribute {name!r}")
    return getattr(importlib.import_module(f"desktop.workflow.{module}"), name)
