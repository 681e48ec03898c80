"""Render the corpus view and the corpus report for docs/: the project's own hand-annotated test
articles (tests/data/quotes and the sample), analysed with the installed model, given sources and
dates in turn, with a few tagged passages.

Usage (QT_QPA_PLATFORM=offscreen or a display):
    python docs/corpus_screenshot.py OUT_DIR [dark]
Writes OUT_DIR/corpus-view.png (1366×768) and OUT_DIR/corpus-report.html; never touches the user's
library or settings.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["The Daily Ledger", "Harbour Gazette", "Northern Courier", "Evening Post"]
TAGS = ["Conflict", "Economy", "Human interest", "Official voice"]


def build_library(path: Path):
    """Import, analyse, date and tag the articles (deterministic)."""
    from annotext.application.batch_analysis import analyse_and_store, documents_to_analyse
    from annotext.application.bulk import files_in, import_files
    from annotext.application.document_attributes import set_attributes
    from annotext.application.edits import AddAnnotation, CreateTag
    from annotext.application.library import Library

    library = Library(path, author="maria")
    import_files(library, files_in([ROOT / "tests" / "data" / "quotes", ROOT / "resources" / "xi-putin-summit.txt"]))
    analyse_and_store(library, documents_to_analyse(library))
    documents = sorted(library.documents(), key=lambda d: d.id)
    for index, document in enumerate(documents):
        library.apply(set_attributes(library, document.id, {
            "source": OUTLETS[index % 4], "date": f"2024-{1 + index // 10:02d}-{1 + (index * 3) % 28:02d}"}))
    store = library.annotations
    tag_ids = {}
    for name in TAGS:
        edit = CreateTag(store.new_tag(name))
        library.apply(edit)
        tag_ids[name] = edit.tag.id
    for index, document in enumerate(documents):
        text = library.document(document.id).text
        for match in list(re.finditer(r"[^.\n]*\b(said|told)\b[^.\n]*\.", text))[:3]:
            start = match.start() + (1 if text[match.start()] == " " else 0)
            tag = TAGS[(index + match.start()) % 4]
            library.apply(AddAnnotation(store.new_annotation(document.id, start, match.end(), [tag_ids[tag]],
                                                             "check the framing" if index % 3 == 0 else "")))
    return library


def main(out: Path, dark: bool) -> None:
    """Write the screenshot and the HTML report."""
    import os

    if dark:
        os.environ["ANNOTEXT_THEME"] = "dark"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from annotext.gui.main_window import MainWindow
    from annotext.gui.theme import apply_theme

    apply_theme(app)
    with tempfile.TemporaryDirectory() as folder:
        library = build_library(Path(folder) / "corpus.sqlite")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("author_asked", True)
        window = MainWindow(library, settings, "none")
        window.resize(1366, 768)
        window.show()
        window.corpus.show()
        began = time.time()
        while time.time() - began < 1.0:  # the chart lays itself out again for its final width
            app.processEvents()
        out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out / f"corpus-view{'-dark' if dark else ''}.png"))
        window.corpus.export_report(out / "corpus-report.html")
        window.close()
        library.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), len(sys.argv) > 2 and sys.argv[2] == "dark")
