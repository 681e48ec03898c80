"""The app on a real X display (Xvfb), with Qt's xcb platform plugin: what `make run` uses."""

import os
import shutil
import subprocess
import sys
import time

import pytest


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_window_on_a_real_x_display(tmp_path):
    display = f":{150 + os.getpid() % 100}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
        out = tmp_path / "x11.png"
        run = subprocess.run([sys.executable, "-m", "annotext", "--db", str(tmp_path / "l.sqlite"),
                              "--screenshot", str(out)], env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
        assert out.stat().st_size > 50_000
    finally:
        server.terminate()
        server.wait(10)
