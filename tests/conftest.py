"""Suite-wide settings: headless Qt, and isolation from the developer's own data and vault."""

from __future__ import annotations

import os

# Qt must be headless before PySide6 is imported anywhere in the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real desk data dir of whoever runs the tests.
os.environ.pop("LAPOR_DESK_DATA_DIR", None)
