"""The officer's actions in the desk GUI: one dialog per action, the ActionController that
enables them per role and status, and ``install(window)`` that wires them (with the richer
complaint detail, the filter panel and sync notices) into the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.views.actions.integration import WorkflowIntegration


def install(window: Any, tasks: Any = None, print_action: Any = None) -> WorkflowIntegration:
    """Wire the workflow into ``window``; call ``attach_service`` once the store is open."""
    from desktop.views.actions.integration import WorkflowIntegration

    return WorkflowIntegration(window, tasks, print_action)
