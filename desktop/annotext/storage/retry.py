"""Retrying a write when another process holds the library's write lock longer than the busy timeout,
or when SQLite refuses to upgrade a read transaction (SQLITE_BUSY without waiting, in WAL mode)."""

from __future__ import annotations

import random
import sqlite3
import time
from typing import Callable, TypeVar

T = TypeVar("T")
ATTEMPTS = 8


def is_busy(error: Exception) -> bool:
    """True for "database is locked"/"busy" errors that a later attempt can overcome."""
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


def with_retry(write: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Run `write`, retrying busy errors with jittered backoff; other errors propagate at once."""
    for attempt in range(attempts):
        try:
            return write()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
