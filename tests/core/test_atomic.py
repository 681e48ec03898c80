"""Atomic writes: a reader sees the old complete file or the new complete one, never a fragment."""

from __future__ import annotations

import os
import stat

import pytest

from annotext.core import atomic
from annotext.core.atomic import atomic_open, atomic_path, atomic_write_bytes, atomic_write_text


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if atomic.TEMP_MARK in p.name)


def test_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old content\n")
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert leftovers(tmp_path) == []


def test_failure_mid_write_keeps_the_previous_file_and_removes_the_temporary(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("good previous export")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as stream:
            stream.write("half a rep")
            raise RuntimeError("killed mid-way")
    assert target.read_text() == "good previous export"
    assert leftovers(tmp_path) == []


def test_a_failed_first_write_leaves_no_file_at_all(tmp_path):
    target = tmp_path / "new.json"
    with pytest.raises(RuntimeError):
        with atomic_path(target):
            raise RuntimeError("writer crashed")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_during_write_is_an_oserror_and_the_old_file_survives(tmp_path, monkeypatch):
    target = tmp_path / "data.jsonl"
    target.write_bytes(b"previous")
    real_fsync = os.fsync

    def full_disk(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(OSError) as caught:
        atomic_write_bytes(target, b"x" * 1000)
    assert caught.value.errno == 28
    assert target.read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_verify_can_refuse_the_result(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF good")

    def must_be_pdf(path):
        if not path.read_bytes().startswith(b"%PDF"):
            raise ValueError("not a PDF")

    with pytest.raises(ValueError):
        atomic_write_bytes(target, b"garbage", verify=must_be_pdf)
    assert target.read_bytes() == b"%PDF good"
    assert leftovers(tmp_path) == []
    atomic_write_bytes(target, b"%PDF new", verify=must_be_pdf)
    assert target.read_bytes() == b"%PDF new"


def test_writer_that_deletes_its_file_is_an_error(tmp_path):
    target = tmp_path / "out.docx"
    with pytest.raises(OSError):
        with atomic_path(target) as temporary:
            temporary.unlink()
    assert not target.exists()


def test_new_file_gets_umask_permissions_and_replacement_keeps_the_old_mode(tmp_path):
    fresh = tmp_path / "fresh.html"
    atomic_write_text(fresh, "x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~atomic._umask()
    kept = tmp_path / "kept.html"
    kept.write_text("old")
    kept.chmod(0o640)
    atomic_write_text(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_a_symlink_is_written_through_not_replaced(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_temporary_lives_in_the_target_folder_with_its_suffix(tmp_path):
    target = tmp_path / "sub" / "out.pdf"
    target.parent.mkdir()
    with atomic_path(target) as temporary:
        assert temporary.parent == target.parent
        assert temporary.suffix == ".pdf"
        temporary.write_bytes(b"%PDF")
    assert target.read_bytes() == b"%PDF"


def test_append_modes_are_refused(tmp_path):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "x", "a"):
            pass
