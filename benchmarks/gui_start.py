"""Cold start: launch to a painted window showing the article text, against a bare PySide6 window
started the same way in the same run (docs/architecture.md, "Performance targets": ratio <= 1.5). Also the time to highlights, with
the analysis cached (reopening) and uncached (first start: spaCy and the model load in the background).

Each run is a fresh process; the wall time goes from just before the process is created to the moment
the process reports its first paint. Usage: gui_start.py [ROUNDS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
label = QLabel("Hello")
window.setCentralWidget(label)
window.resize(1440, 900)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
label.installEventFilter(probe)
window.show()
app.exec()
"""


def timed(command: list[str], env: dict) -> float:
    """Seconds from spawning `command` to the time it prints (its own clock, same machine)."""
    began = time.time()
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    lines = [line for line in run.stdout.split("\n") if line.startswith(("paint ", "highlights "))]
    if not lines:
        raise RuntimeError(f"no probe output from {command}: {run.stderr[-800:]}")
    return float(lines[0].split()[1]) - began


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    # As installed for real: byte-code caches present (an installed package has them; this machine
    # sets PYTHONDONTWRITEBYTECODE, which would make every start recompile our modules).
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base_env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    import annotext

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(annotext.__file__).parent)], check=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.sqlite"
        env = {**base_env, "XDG_CONFIG_HOME": folder, "ANNOTEXT_DB": str(db)}
        script = Path(sys.executable).with_name("annotext")  # what an installed user runs (no runpy)
        app = [str(script)] if script.exists() else [sys.executable, "-m", "annotext"]
        first_highlights = timed(app, {**env, "ANNOTEXT_BENCH": "highlights"})  # imports sample, analyses
        bare, paint, cached = [], [], []
        for _ in range(rounds):  # interleaved so both see the same machine load
            bare.append(timed([sys.executable, "-c", BARE], base_env))
            paint.append(timed(app, {**env, "ANNOTEXT_BENCH": "paint"}))
            cached.append(timed(app, {**env, "ANNOTEXT_BENCH": "highlights"}))
    b, p, c = statistics.median(bare), statistics.median(paint), statistics.median(cached)
    print(f"bare PySide6 window, first paint : {b:.3f} s (median of {rounds})")
    print(f"Annotext, article text painted   : {p:.3f} s  ratio {p / b:.2f} (target <= 1.5)")
    print(f"Annotext, highlights (cached)     : {c:.3f} s")
    print(f"Annotext, highlights (first run, spaCy + model + analysis in background): {first_highlights:.3f} s")
    return 0 if p / b <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
