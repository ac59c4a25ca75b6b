"""Screenshot of the Dasbor's "Masalah Berulang" section on a 1366x768 laptop screen.

    python -m desktop.screenshots.dashboard --out docs/screenshots/dasbor-masalah-berulang.png
    python -m desktop.screenshots.dashboard --scale 1.25 --check

Headless (desktop.screenshots.demo_scene): a demo desk seeded in a temporary folder, the
Dasbor scrolled to the recurring problems with the first group chosen.
"""

from __future__ import annotations

import sys

from desktop.screenshots.demo_scene import arguments, demo_window, finish, report, settle


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], argv)
    with demo_window(args.scale, "lapor-dashboard-shot-") as (app, desk, window):
        from PySide6.QtWidgets import QScrollArea

        window.dashboard_action.trigger()
        page = window.dashboard
        section = page.recurring
        settle(app, lambda: page.dashboard is not None and not page.loading
               and bool(section.groups) and desk.tasks.pending == 0)
        scroll = page.findChild(QScrollArea, "dashboardScroll")
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        settle(app, lambda: True)
        problems = finish(window, args)
    return report(problems, args)


if __name__ == "__main__":
    sys.exit(main())
