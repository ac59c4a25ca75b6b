"""Exponential backoff with full jitter, honouring the server's Retry-After."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from core.validation import is_ascii_digits


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` tries in all; waits grow ``base * 2**n`` up to ``cap`` (full jitter).

    ``budget`` bounds the total time spent waiting, so an unreachable server ends a
    headless ``sync`` quickly and the scheduled task can try again later.
    """

    attempts: int = 5
    base: float = 0.5
    cap: float = 30.0
    budget: float = 60.0

    def delay(self, attempt: int, retry_after: float | None = None,
              rng: random.Random | None = None) -> float:
        """Seconds to wait before try ``attempt + 1`` (``attempt`` counts from 0)."""
        ceiling = min(self.cap, self.base * (2 ** attempt))
        jittered = (rng or random).uniform(0, ceiling)
        if retry_after is not None:
            # The server said when: never earlier, and never beyond the cap.
            return min(max(retry_after, jittered), max(self.cap, retry_after))
        return jittered


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if is_ascii_digits(value):  # "²".isdigit() is True, float("²") raises
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = datetime.fromtimestamp(now if now is not None else time.time(), UTC)
    return max(0.0, (when - current).total_seconds())
