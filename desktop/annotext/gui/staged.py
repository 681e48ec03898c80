"""Showing a long report's analysis in stages, one event-loop turn each, so that no turn of the GUI
thread does two expensive things: the highlights (painted by the reader in chunks over many turns)
are finished before the panels are filled, and each panel gets a turn of its own."""

from __future__ import annotations

from functools import partial
from typing import Callable

from PySide6.QtCore import QTimer

Step = Callable[[], object]  # returns None, or a signal the next step waits for


def run_in_turns(steps: list[Step], wanted: Callable[[], bool]) -> None:
    """Run the first step now and each next one on a later event-loop turn, while `wanted()` holds
    (the result is still the one on screen). A step that leaves work to later turns returns the
    signal emitted when that work is done, and the next step waits for it."""
    if not steps or not wanted():
        return
    pending = steps[0]()
    rest = steps[1:]
    if not rest:
        return
    later = partial(QTimer.singleShot, 0, partial(run_in_turns, rest, wanted))
    if pending is None:
        later()
        return

    def resume() -> None:
        pending.disconnect(resume)
        later()

    pending.connect(resume)
