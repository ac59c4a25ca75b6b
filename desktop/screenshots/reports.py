"""Screenshot of the Laporan page on a 1366x768 laptop screen, and the clipping check.

    python -m desktop.screenshots.reports --out docs/screenshots/laporan.png
    python -m desktop.screenshots.reports --scale 1.25 --check

Headless (desktop.screenshots.demo_scene): a demo desk seeded in a temporary folder, the
page on "Bulan ini".
"""

from __future__ import annotations

import sys

from desktop.screenshots.demo_scene import arguments, demo_window, finish, report, settle


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], argv, lambda p: p.add_argument(
        "--tab", default="by_unit", help="recap tab to show (by_unit, ...)"))
    with demo_window(args.scale, "lapor-report-shot-") as (app, desk, window):
        page = window.reports
        window.ui.actionReports.trigger()
        page.tabs.setCurrentWidget(page.wide_views[args.tab])
        settle(app, lambda: page.report is not None and not page.loading
               and desk.tasks.pending == 0)
        problems = finish(window, args)
    return report(problems, args)


if __name__ == "__main__":
    sys.exit(main())
