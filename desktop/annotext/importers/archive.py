"""ZIP containers (.docx, .epub) opened so that a ZIP bomb is refused before it is decompressed.

Everything is decided from the archive's directory: the number of entries and the directory's size
(read from the end record before the standard library parses it), and for each member read its
encryption, compression method, declared uncompressed size and compression ratio. Python's zipfile
never returns more than a member's declared size (a member that inflates further fails its CRC), so
the declared sizes are a real bound on memory.
"""

from __future__ import annotations

import struct
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from annotext.importers.errors import ImportFailed
from annotext.importers.limits import (MAX_ARCHIVE_ENTRIES, MAX_COMPRESSION_RATIO, MAX_DOCUMENT_FILE_BYTES,
                                       MAX_EXPANDED_BYTES, MAX_MARKUP_BYTES, RATIO_GRACE_BYTES, megabytes)
from annotext.importers.source_file import open_regular

_READABLE = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
_MARKUP = (".xml", ".rels", ".xhtml", ".html", ".htm", ".opf", ".ncx")
_METHOD_NAMES = {9: "Deflate64", 6: "Implode", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES"}
_MAX_DIRECTORY_BYTES = MAX_ARCHIVE_ENTRIES * 256  # a directory entry is 46 bytes plus its name
_END = struct.Struct("<4s4H2LH")  # end of central directory record
_END64 = struct.Struct("<4sQ2H2L4Q")  # ZIP64 end of central directory record
_LOCATOR64 = struct.Struct("<4sLQL")


class Archive:
    """An open ZIP container whose members are checked before they are read."""

    def __init__(self, zip_file: zipfile.ZipFile, path: Path, kind: str):
        self.zip, self.path, self.kind = zip_file, path, kind
        self.expanded = 0

    def check(self, info: zipfile.ZipInfo) -> None:
        """Refuse a member that cannot be read safely; count its size towards the expansion limit."""
        name = info.filename
        if info.flag_bits & 0x1:
            raise ImportFailed(self.path, f"{name!r} in this {self.kind} is encrypted (password-protected)")
        if info.compress_type not in _READABLE:
            method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
            raise ImportFailed(self.path, f"{name!r} in this {self.kind} is compressed with {method}, which "
                                          "cannot be read; save it again with ordinary (deflate) compression")
        if info.file_size > RATIO_GRACE_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise ImportFailed(self.path, f"refused as a ZIP bomb: {name!r} would expand from "
                                          f"{megabytes(info.compress_size)} to {megabytes(info.file_size)}")
        if info.file_size > MAX_MARKUP_BYTES and name.lower().endswith(_MARKUP):
            raise ImportFailed(self.path, f"{name!r} in this {self.kind} is too large to read "
                                          f"({megabytes(info.file_size)}; the limit is {megabytes(MAX_MARKUP_BYTES)})")
        self.expanded += info.file_size
        if self.expanded > MAX_EXPANDED_BYTES:
            raise ImportFailed(self.path, f"refused as a ZIP bomb: its contents would expand to more than "
                                          f"{megabytes(MAX_EXPANDED_BYTES)}")

    def check_all(self) -> None:
        """Check every member, for libraries (python-docx) that read the whole container themselves."""
        for info in self.zip.infolist():
            self.check(info)

    def read(self, name: str) -> bytes:
        """One member's bytes, after its checks; KeyError if there is no such member."""
        info = self.zip.getinfo(name)
        self.check(info)
        try:
            return self.zip.read(info)
        except (NotImplementedError, RuntimeError) as error:  # whatever zipfile cannot read, said once
            raise ImportFailed(self.path, f"{name!r} in this {self.kind} cannot be read ({error})") from None


@contextmanager
def open_archive(path: Path, kind: str) -> Iterator[tuple[Archive, BinaryIO]]:
    """Open a .docx/.epub as an Archive (and the underlying checked stream, rewound, for libraries
    that open the container themselves). Anything that is not a usable ZIP is an ImportFailed."""
    with open_regular(path, MAX_DOCUMENT_FILE_BYTES) as stream:
        try:
            _check_directory(stream, path, kind)
            zip_file = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError,
                struct.error) as error:
            raise ImportFailed(path, f"not a readable {kind} ({error.__class__.__name__}: {error})") from None
        except OSError as error:
            raise ImportFailed(path, f"cannot be read ({error.strerror or error})") from None
        with zip_file:
            stream.seek(0)
            yield Archive(zip_file, path, kind), stream


def _check_directory(stream: BinaryIO, path: Path, kind: str) -> None:
    """Refuse archives whose directory alone would take too long or too much memory to parse (a few
    hundred bytes per entry once parsed), using the same end records zipfile will use."""
    size = stream.seek(0, 2)
    start = max(0, size - _END.size - 0xFFFF)
    stream.seek(start)
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END.size:
        return  # not a ZIP: zipfile says so in its own words
    _sig, _disk, _start_disk, _here, entries, directory, _offset, _comment = _END.unpack_from(tail, at)
    locator_at = start + at - _LOCATOR64.size
    if locator_at - _END64.size >= 0:
        stream.seek(locator_at - _END64.size)
        record = stream.read(_END64.size + _LOCATOR64.size)
        if len(record) == _END64.size + _LOCATOR64.size and record[_END64.size:][:4] == b"PK\x06\x07" \
                and record[:4] == b"PK\x06\x06":
            fields = _END64.unpack_from(record)
            entries, directory = max(entries, fields[7]), max(directory, fields[8])
    if entries > MAX_ARCHIVE_ENTRIES:
        raise ImportFailed(path, f"refused: this {kind} has {entries:,} entries (the limit is {MAX_ARCHIVE_ENTRIES:,})")
    if directory > _MAX_DIRECTORY_BYTES:
        raise ImportFailed(path, f"refused: this {kind}'s list of contents takes {megabytes(directory)} "
                                 f"(the limit is {megabytes(_MAX_DIRECTORY_BYTES)})")
