"""No export, codebook or other output may be written onto the library, its side files or a backup."""

from __future__ import annotations

import os

import pytest

from annotext.storage.backups import backup_folder
from annotext.storage.errors import LibraryTargetError
from annotext.storage.library_files import library_part, refuse_library_target


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "lib" / "library.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    return path


@pytest.mark.parametrize("spelling", [
    lambda lib: lib,
    lambda lib: lib.parent / ".." / lib.parent.name / lib.name,
    lambda lib: f"{lib}-wal",
    lambda lib: f"{lib}-shm",
    lambda lib: f"{lib}-journal",
    lambda lib: backup_folder(lib) / "library-20250101T000000000000Z-manual.sqlite",
])
def test_library_and_its_files_are_refused_by_path(library, spelling):
    with pytest.raises(LibraryTargetError) as caught:
        refuse_library_target(spelling(library), library)
    assert "choose another file name" in str(caught.value)


def test_symlink_and_hard_link_to_the_library_are_refused(library, tmp_path):
    link = tmp_path / "innocent.csv"
    link.symlink_to(library)
    hard = tmp_path / "also-innocent.csv"
    os.link(library, hard)
    for target in (link, hard):
        with pytest.raises(LibraryTargetError):
            refuse_library_target(target, library)
    assert "same file" in library_part(hard, library)


def test_hard_link_to_a_backup_is_refused(library, tmp_path):
    folder = backup_folder(library)
    folder.mkdir()
    backup = folder / "library-20250101T000000000000Z-daily.sqlite"
    backup.write_bytes(b"backup")
    hard = tmp_path / "export.json"
    os.link(backup, hard)
    with pytest.raises(LibraryTargetError):
        refuse_library_target(hard, library)


def test_ordinary_targets_pass(library, tmp_path):
    for target in (tmp_path / "export.csv", library.parent / "library.sqlite.csv", library.parent / "report.pdf"):
        refuse_library_target(target, library)
    existing = tmp_path / "old-export.csv"
    existing.write_text("x")
    refuse_library_target(existing, library)
