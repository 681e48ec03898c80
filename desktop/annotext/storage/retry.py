"""Retrying a write when another process holds the library's write lock longer than the busy timeout,
or when SQLite refuses a lock without waiting (SQLITE_BUSY on a stale read snapshot in WAL mode).

Writes are retried with jittered backoff for as long as the documented busy timeout (10 s) has not
run out; then the analyst is told, in words, that another window holds the library.
"""

from __future__ import annotations

import random
import sqlite3
import time
from typing import Callable, TypeVar

from annotext.storage.errors import LibraryBusyError
from annotext.storage.integrity import BUSY_MESSAGE, BUSY_TIMEOUT_MS

T = TypeVar("T")
ATTEMPTS = 8


def is_busy(error: Exception) -> bool:
    """True for "database is locked"/"busy" errors that a later attempt can overcome."""
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


def with_retry(write: Callable[[], T], attempts: int = ATTEMPTS, patience: float = BUSY_TIMEOUT_MS / 1000) -> T:
    """Run `write`, retrying busy errors with jittered backoff while `patience` seconds have not passed
    (each attempt itself waits up to the busy timeout); then LibraryBusyError. Other errors propagate."""
    started = time.monotonic()
    for attempt in range(attempts):
        try:
            return write()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            if attempt == attempts - 1 or time.monotonic() - started >= patience:
                raise LibraryBusyError(BUSY_MESSAGE) from error
            time.sleep(0.05 * (2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
