"""Start-up stays fast (docs/architecture.md, "Start-up" and "Performance targets"): what runs before the first paint must not import the `Qt`
namespace (PySide6 builds it on first import, ~16 ms), spaCy, sqlite-utils or click."""

import subprocess
import sys

SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore as core
from PySide6.QtCore import QSettings
from annotext.app import _show_preview, create_application
from annotext.gui.main_window import MainWindow
from pathlib import Path
app = create_application()
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
window = MainWindow(None, settings, None)
_show_preview(window, Path(sys.argv[2]), settings)
window.show()
loaded = {name for name in ("spacy", "sqlite_utils", "click", "jinja2", "trafilatura") if name in sys.modules}
print("Qt" in vars(core), sorted(loaded), bool(window.reader.text))
"""


def test_nothing_heavy_before_the_first_paint(tmp_path):
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s.ini"), str(tmp_path / "none.sqlite")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "False [] True"


def test_launcher_does_not_import_click_for_the_gui():
    code = "import sys; import annotext.launcher; print('click' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "False"
