"""Suite-wide settings: headless Qt, isolation from the developer's own data and vault, and
one pinned clock for every process of the run (no test depends on the day it runs)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

# Qt must be headless before PySide6 is imported anywhere in the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real desk data dir of whoever runs the tests.
os.environ.pop("LAPOR_DESK_DATA_DIR", None)
# Nor their credential vault: the keys of every desk database the suite makes (and the
# tokens) go to a private folder of this run, shared with the desks it starts as processes.
if not os.environ.get("LAPOR_DESK_CREDENTIALS_DIR"):
    os.environ["LAPOR_DESK_CREDENTIALS_DIR"] = tempfile.mkdtemp(prefix="lapor-test-keys-")
    atexit.register(shutil.rmtree, os.environ["LAPOR_DESK_CREDENTIALS_DIR"], True)
os.environ.setdefault("LAPOR_DESK_CREDENTIAL_STORE", "file")

# The suite's "now": a Wednesday morning, a working day, in WITA. LAPOR_NOW carries it,
# anchored to this moment's real time, to every process a test starts (servers, desks,
# CLI), so all of them share one time line (core/clock.py).
# LAPOR_TEST_CLOCK=system leaves the clock alone: .ci/run uses it to run the date-sensitive
# tests (marker "dates") on libfaketime's shifted system clocks.
DEFAULT_TEST_NOW = "2026-12-02T10:00:00+08:00"
if os.environ.get("LAPOR_TEST_CLOCK", "pinned") == "system":
    os.environ.pop("LAPOR_NOW", None)
else:
    from core.clock import anchored

    os.environ["LAPOR_NOW"] = anchored(os.environ.get("LAPOR_TEST_NOW") or DEFAULT_TEST_NOW)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "dates: date-sensitive; .ci/run runs these again under shifted clocks")


@pytest.fixture(autouse=True)
def _suite_clock() -> object:
    """Every test starts on the suite's clock, whatever an earlier test pinned."""
    from core.clock import from_environment, set_clock

    env = os.environ.get("LAPOR_NOW")
    fresh = from_environment()
    previous = set_clock(fresh)
    yield fresh
    set_clock(previous)
    if env is None:
        os.environ.pop("LAPOR_NOW", None)
    else:
        os.environ["LAPOR_NOW"] = env


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> object:
    """A test's Qt garbage is collected here, on the main thread, not by whichever worker
    thread of the next test happens to cross the collector's threshold (the desk turns
    automatic collection off for the same reason: desktop/views/gc_guard.py)."""
    yield
    import gc

    gc.collect()
