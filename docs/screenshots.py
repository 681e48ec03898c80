"""Render the main window as an analyst sees it, for docs/: a library with the sample article, a few
tags, coded passages and comments, at laptop and desktop sizes and in both themes.

Usage (on a real or virtual X display, or QT_QPA_PLATFORM=offscreen):
    python docs/screenshots.py OUT_DIR [[NAME=]WIDTHxHEIGHT[:dark][:notes] ...]
Writes OUT_DIR/NAME.png (default window-WIDTHxHEIGHT[-dark]); ":notes" shows only the reader and its
notes margin, with one note open for editing. Never touches the user's library or settings.
The pictures in docs/ are made with:
    python docs/screenshots.py docs screenshot=1440x900 window-1024x640=1024x640 \
        window-dark=1366x768:dark notes-margin=1366x768:notes window-1366x768=1366x768 \
        window-1920x1080=1920x1080
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


STRUCTURED = [  # (paragraph, Word style) of the document shown with ":structure"
    ("Flood defences: what the council decided", "Title"),
    ("The council approved the new flood plan on Monday after a two-hour debate, with three members "
     "voting against.", None),
    ("What changes", "Heading 2"),
    ("Sandbags will be stored in every district hall", "List Bullet"),
    ("Warnings go out by text message as well as by radio", "List Bullet"),
    ("The river wall at Mill Lane is raised by forty centimetres", "List Bullet"),
    ("We cannot stop the river rising, but we can stop it surprising us.", "Quote"),
    ("Cost", "Heading 3"),
    ("The plan costs 4.2 million over five years, most of it for the wall.", None),
]


def build_structured_library(folder: Path):
    """A fresh library holding a Word document with structure, one list item coded."""
    import docx

    from annotext.application.edits import AddAnnotation, CreateTag
    from annotext.application.library import Library

    word = docx.Document()
    for text, style in STRUCTURED:
        word.add_paragraph(text, style=style)
    word.save(folder / "flood-plan.docx")
    library = Library(folder / "library.sqlite", author="Ana Lyst")
    doc_id = library.import_file(folder / "flood-plan.docx")
    store = library.annotations
    library.apply(CreateTag(store.new_tag("Measures", shortcut=1)))
    start, end = _range(library.document(doc_id).text, "by text message")
    library.apply(AddAnnotation(store.new_annotation(doc_id, start, end, [store.tag_named("Measures").id],
                                                     "New channel: check uptake in the next report.")))
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
        name, _, spec = spec.rpartition("=")
        size, *options = spec.split(":")
        width, height = (int(n) for n in size.split("x"))
        dark = "dark" in options
        apply_theme(app, dark=dark, contrast="contrast" in options)
        if "big" in options:  # 200 % text, as with a large-print desktop setting
            font = app.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            app.setFont(font)
        with tempfile.TemporaryDirectory() as scratch:
            structure = "structure" in options
            library, doc_id = (build_structured_library if structure else build_library)(Path(scratch))
            settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
            settings.setValue("author", "Analyst")  # no first-passage name prompt
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
            if not structure:
                window.reader.select_range(*_range(window.reader.text, PASSAGES[0][0]))
            window.reader.moveCursor(window.reader.textCursor().MoveOperation.StartOfBlock)
            for _ in range(20):
                app.processEvents()
            target = window
            if "notes" in options:  # the reader and its margin, the third note being edited
                window.set_panel_shown(0, False)
                window.set_panel_shown(2, False)
                quote = PASSAGES[2][0]
                card = window.notes.card(library.annotations.annotations(doc_id)[2].id)
                window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().value() + 60)
                card.start_edit()
                card.editor.setPlainText(PASSAGES[2][2] + " Check the 2014 annexation coverage.")
                assert quote
                for _ in range(30):
                    app.processEvents()
                target = window.centre
            path = out / f"{name or f'window-{width}x{height}' + ('-dark' if dark else '')}.png"
            target.grab().save(str(path), "PNG")
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
