"""Time left for a job, from its progress so far: shown for every job that runs over 2 s."""

from __future__ import annotations

import time

SHOW_AFTER_S = 2.0


class Eta:
    """Remembers when a job started; `describe(done, total)` says "12 of 340 · about 40 s left"
    once the job has run for SHOW_AFTER_S (before that, the count alone)."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._start = clock()

    def seconds_left(self, done: int, total: int) -> float | None:
        """Linear estimate from the rate so far; None before there is enough to go on."""
        elapsed = self._clock() - self._start
        if elapsed < SHOW_AFTER_S or done <= 0 or total <= done:
            return None
        return elapsed * (total - done) / done

    def describe(self, done: int, total: int) -> str:
        """The count, with the time left when known."""
        text = f"{done} of {total}"
        left = self.seconds_left(done, total)
        return f"{text} · {_duration(left)} left" if left is not None else text


def _duration(seconds: float) -> str:
    if seconds < 1.5:
        return "a second"
    if seconds < 90:
        return f"about {round(seconds)} s"
    if seconds < 5400:
        return f"about {round(seconds / 60)} min"
    return f"about {seconds / 3600:.1f} h"
