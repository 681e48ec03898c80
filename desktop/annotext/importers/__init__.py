"""Importers turn files into Documents. No Qt here; every failure is an ImportFailed naming the file."""

from annotext.importers.errors import ImportFailed
from annotext.importers.registry import import_file, supported_suffixes

__all__ = ["ImportFailed", "import_file", "supported_suffixes"]
