"""Errors the storage layer raises, each with a message fit to show an analyst as is."""


class LibraryError(Exception):
    """The library file cannot be used (corrupt, not SQLite, locked, unwritable…)."""


class NewerLibraryError(LibraryError):
    """The file was written by a newer Annotext: it is opened read-only, never migrated."""


class LibraryTargetError(LibraryError):
    """A file about to be written is the library itself, one of its side files or a backup."""
