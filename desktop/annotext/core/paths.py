"""Where things live: the library file (per-user data dir, `--db`, `ANNOTEXT_DB`) and resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_ENV = "ANNOTEXT_DB"
SAMPLE_NAME = "xi-putin-summit.txt"


def default_library_path() -> Path:
    """`$ANNOTEXT_DB` if set, else library.sqlite in the per-user data directory."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir  # only when needed: keeps start-up short

    return Path(user_data_dir("Annotext", appauthor=False)) / "library.sqlite"


def resources_dir() -> Path:
    """The shipped resources: next to the sources in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates.append(Path(__file__).resolve().parents[3] / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def sample_article() -> Path:
    """The article shown on first start."""
    return resources_dir() / SAMPLE_NAME
