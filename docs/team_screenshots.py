"""Render the team-work pictures of docs/team.md: two coders of the sample merged, compared in the
reader (one margin lane each) and in the Coder agreement dialog. Usage: python docs/team_screenshots.py OUT_DIR
(offscreen or on a display; never touches the user's library or settings)."""
import os, sys, tempfile, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from annotext.application.library import Library
from annotext.application.edits import AddAnnotation, CreateTag
from annotext.application.merge import merge_project
from annotext.storage.foreign_library import read_library
from annotext.gui.main_window import MainWindow
from annotext.gui.team_dialogs import AgreementDialog
app = QApplication([])
folder = Path(tempfile.mkdtemp())
def coder(name, picks):
    lib = Library(folder / f"{name}.sqlite", author=name)
    doc = lib.ensure_sample()
    text = lib.document(doc).text
    for tag in ("Claims", "Evidence"):
        lib.apply(CreateTag(lib.annotations.new_tag(tag)))
    for phrase, tag in picks:
        s = text.index(phrase)
        lib.apply(AddAnnotation(lib.annotations.new_annotation(doc, s, s + len(phrase), [lib.annotations.tag_named(tag).id])))
    lib.close()
coder("Ana", [("The two presidents share a strong personal bond", "Claims"), ("Beijing has resisted calls to condemn", "Evidence"), ("a decade of increasingly difficult relations", "Evidence")])
coder("Ben", [("presidents share a strong personal bond, with Xi", "Claims"), ("Beijing has resisted calls to condemn", "Evidence"), ("Ten years after toasting a budding friendship", "Claims")])
lib = Library(folder / "team.sqlite", author="Ana")
for n in ("Ana", "Ben"):
    merge_project(lib, read_library(folder / f"{n}.sqlite"))
s = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat); s.setValue("author", "Ana")
w = MainWindow(lib, s, "none"); w.resize(1024, 640); w.show()
w.open_document(lib.documents()[0].id)
for _ in range(50): app.processEvents(); time.sleep(0.02)
panel = w.annotating.panel
panel.select_coder_view(("compare", "Ana", "Ben"))
w.tabs.setCurrentWidget(panel) if hasattr(w, "tabs") else None
for _ in range(30): app.processEvents(); time.sleep(0.02)
w.grab().save(sys.argv[1] + "/team-compare.png")
d = AgreementDialog(w); d.show(); d.compute()
for _ in range(30): app.processEvents(); time.sleep(0.02)
d.grab().save(sys.argv[1] + "/team-agreement.png")
d.close(); w.close(); lib.close()
