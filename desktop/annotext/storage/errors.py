"""Errors the storage layer raises, each with a message fit to show an analyst as is.

Two families matter to the analyst and must never be confused: the file itself is damaged (restore a
backup) versus the file is fine but cannot be written here and now (read-only place, full disk,
another window holding the lock) — the second must never lead to a recovery that moves the library.
"""

from annotext.core.errors import AnnotextError


class LibraryError(AnnotextError):
    """The library file cannot be used (corrupt, not SQLite, locked, unwritable…)."""


class LibraryDamagedError(LibraryError):
    """The file is not a usable library (damaged pages, not SQLite, missing although it had backups)."""


class LibraryUnavailableError(LibraryError):
    """The library is intact but cannot be written here or now: read-only place, full disk, lock."""


class LibraryBusyError(LibraryUnavailableError):
    """Another process held the write lock past the busy timeout and every retry."""


class LibraryReadOnlyError(LibraryUnavailableError):
    """A write to a library that was opened read-only (newer version, read-only place)."""


class NewerLibraryError(LibraryError):
    """The file was written by a newer Annotext: it is opened read-only, never migrated."""


class BackupUnusableError(LibraryError):
    """A backup that is empty, damaged, not a library, or from a newer Annotext: never restored."""


class LibraryTargetError(LibraryError):
    """A file about to be written is the library itself, one of its side files or a backup."""
