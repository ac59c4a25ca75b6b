"""Loaded only by .ci/run's libfaketime runs (on PYTHONPATH), in every Python process they start.

Those runs shift the wall clock only (FAKETIME_DONT_FAKE_MONOTONIC=1): with the monotonic
clock shifted too, every timed lock wait (sem_clockwait, which libfaketime 0.9.10 does not
intercept) would wait for the shift, i.e. months. But that libfaketime then fails Python's
time.sleep (an absolute clock_nanosleep on CLOCK_MONOTONIC) with EINVAL; sleep as a timed
wait on the real monotonic clock instead. Product code and tests are unchanged.
"""

import threading
import time

_real_sleep = time.sleep


def _sleep(seconds: float) -> None:
    if seconds <= 0:
        return
    try:
        _real_sleep(seconds)
    except OSError:
        threading.Event().wait(seconds)


time.sleep = _sleep
