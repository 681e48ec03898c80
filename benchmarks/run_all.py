"""Runs every benchmark script in this folder, one after the other (`make bench`)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["quote_accuracy.py", "analysis_overhead.py", "annotation_save.py", "search.py", "gui_start.py",
           "long_document.py", "long_paragraph.py", "corpus.py"]

if __name__ == "__main__":
    failed = 0
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        failed |= subprocess.call([sys.executable, script], cwd=HERE)
    sys.exit(1 if failed else 0)
