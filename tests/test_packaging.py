"""Packaging files are valid; the version is reported (the bundle itself is tested by `make bundle-test`)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parents[1] / "packaging" / "linux"
APP_ID = "io.github.annotext.Annotext"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_is_valid():
    run = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout + run.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_is_valid():
    run = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_desktop_entry_and_icon_agree():
    entry = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in entry and "Exec=annotext %F" in entry
    icon = (Path(__file__).resolve().parents[1] / "resources" / "icons" / "annotext.svg").read_text(encoding="utf-8")
    assert icon.startswith("<svg") and 'viewBox="0 0 256 256"' in icon


def test_version():
    from annotext import __version__

    run = subprocess.run([sys.executable, "-m", "annotext", "--version"], capture_output=True, text=True)
    assert run.returncode == 0 and __version__ in run.stdout
