"""Render the main window as an analyst sees it, for docs/: a library with the sample article, a few
tags, coded passages and comments, at laptop and desktop sizes and in both themes.

Usage (on a real or virtual X display, or QT_QPA_PLATFORM=offscreen):
    python docs/screenshots.py OUT_DIR [WIDTHxHEIGHT[:dark] ...]
Writes OUT_DIR/window-WIDTHxHEIGHT[-dark].png; never touches the user's library or settings.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

PASSAGES = [  # (text in the sample article, tags, comment)
    ("The two presidents share a strong personal bond", ["Claims"], "Personal diplomacy framed as policy: "
     "compare with the Kremlin readout of the same meeting."),
    ("Their relationship has been a constant despite a decade", ["Context"], ""),
    ("a constant despite a decade of increasingly difficult relations", ["Evidence"],
     "Which decade? The article never dates the start of the decline."),
    ("Beijing has resisted calls to condemn the invasion", ["Evidence", "Claims"], "Key claim for the coding frame."),
]
TAGS = [("Claims", 1), ("Evidence", 2), ("Context", 3), ("Tone", 4)]


def build_library(folder: Path):
    """A fresh library holding the sample, coded as in PASSAGES."""
    from annotext.application.edits import AddAnnotation, CreateTag
    from annotext.application.library import Library

    library = Library(folder / "library.sqlite", author="Ana Lyst")
    doc_id = library.ensure_sample()
    store = library.annotations
    for name, key in TAGS:
        library.apply(CreateTag(store.new_tag(name, shortcut=key)))
    text = library.document(doc_id).text
    for quote, tags, comment in PASSAGES:
        start = text.index(quote)
        ids = [store.tag_named(t).id for t in tags]
        library.apply(AddAnnotation(store.new_annotation(doc_id, start, start + len(quote), ids, comment)))
    return library, doc_id


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    specs = argv[1:] or ["1024x640", "1366x768", "1920x1080", "1366x768:dark"]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from annotext.app import create_application
    from annotext.gui.main_window import MainWindow
    from annotext.gui.theme import apply_theme

    app = create_application([])
    out.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        size, _, theme = spec.partition(":")
        width, height = (int(n) for n in size.split("x"))
        apply_theme(app, dark=theme == "dark")
        with tempfile.TemporaryDirectory() as scratch:
            library, doc_id = build_library(Path(scratch))
            settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(library, settings, None)
            window.resize(width, height)
            window.show()
            done = []
            window.analysisApplied.connect(lambda _id: done.append(True))
            window.open_document(doc_id)
            while not done:
                app.processEvents()
            for _ in range(50):
                app.processEvents()
            window.reader.select_range(*_range(window.reader.text, PASSAGES[0][0]))
            window.reader.moveCursor(window.reader.textCursor().MoveOperation.StartOfBlock)
            for _ in range(20):
                app.processEvents()
            path = out / f"window-{width}x{height}{'-dark' if theme == 'dark' else ''}.png"
            window.grab().save(str(path), "PNG")
            print(path)
            window.close()
            library.close()
    QApplication.processEvents()
    return 0


def _range(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
