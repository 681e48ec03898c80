"""Special files imported through the GUI (issue 15, item 7): a FIFO, links to /dev/zero and
/dev/urandom, a folder named like an e-book and a file name that is not UTF-8 are each reported in one
line while the good files are imported, and closing the window never aborts ("QThread: Destroyed
while thread is still running"). Run in a subprocess with a timeout, so a hang fails instead of
blocking the suite."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox
    from annotext.application.library import Library
    from annotext.gui.main_window import MainWindow

    folder = Path(sys.argv[1])
    app = QApplication([])
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("author_asked", True)
    library = Library(folder / "lib.sqlite")
    window = MainWindow(library, settings, "none")
    window.show()
    finished = []
    window.library_actions.importFinished.connect(finished.append)
    names = [folder / "pipe.txt", folder / "zero.txt", folder / "random.txt", folder / "book.epub",
             Path(os.fsdecode(os.fsencode(folder) + b"/caf\\xe9.txt")), folder / "good.txt"]
    window.import_paths(names)
    while not finished:
        app.processEvents()
    for box in window.findChildren(QMessageBox):
        print("PROBLEMS:" + box.text().replace("\\n", " || "))
    print("TITLES:" + " || ".join(sorted(d.title for d in library.documents())))
    window.close()
    library.close()
    print("CLOSED")
""")


def test_special_files_in_the_gui_are_reported_and_closing_never_aborts(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "random.txt").symlink_to("/dev/urandom")
    (tmp_path / "book.epub").mkdir()
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as stream:
        stream.write(b"Cafe menu\nCoffee and cake, served all day in the old town.\n")
    (tmp_path / "good.txt").write_text("Good article\nAbout harbours and their ships.\n")
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "QThread" not in result.stderr
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    problems = lines["PROBLEMS"].split(" || ")
    assert problems == [f"{tmp_path}/pipe.txt: is a named pipe (FIFO), not a regular file",
                        f"{tmp_path}/zero.txt: is a device (a link to /dev/zero), not a regular file",
                        f"{tmp_path}/random.txt: is a device (a link to /dev/urandom), not a regular file",
                        f"{tmp_path}/book.epub: is a folder, not a file"]
    assert lines["TITLES"] == "Cafe menu || Good article"
    assert result.stdout.rstrip().endswith("CLOSED")
