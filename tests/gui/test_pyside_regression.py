"""Guard against PySide6 6.12.0's none_dealloc crash (a reference to None dropped per void call).

Runs in a subprocess so that an abort is reported as a failure rather than killing pytest.
"""

import subprocess
import sys

SCRIPT = r"""
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from annotext.core.spans import Span
from annotext.gui.reader import ReaderView

app = QApplication([])
reader = ReaderView()
text = "\n".join(f"Paragraph {i} mentions Alice Smith and Acme Corp in Paris." for i in range(2500))
reader.show_text(text)
spans = []
for i in range(2500):
    base = text.index(f"Paragraph {i} ")
    for word, label in (("Alice Smith", "PERSON"), ("Acme Corp", "ORG"), ("Paris", "GPE")):
        start = text.index(word, base)
        spans.append(Span(start, start + len(word), "entity", label))
    spans.append(Span(base, base + 9, "entity", "CARDINAL"))
    start = text.index("in Paris", base)
    spans.append(Span(start, start + 8, "quote", "QUOTE"))
    spans.append(Span(base + 10, base + 14, "entity", "DATE"))
    spans.append(Span(base + 15, base + 23, "entity", "NORP"))
    spans.append(Span(base + 1, base + 3, "entity", "LOC"))
assert len(spans) == 20000
def settle():
    while reader.highlights_pending():  # long documents are highlighted in chunks, one per loop turn
        app.processEvents()

reader.set_spans(spans)            # ~60,000 void calls (setPosition x2 + mergeCharFormat per span)
settle()
for label in ("PERSON", "ORG", "GPE"):
    reader.set_label_visible(label, False)
    settle()
    reader.set_label_visible(label, True)
    settle()
from PySide6.QtGui import QTextCursor
cursor = QTextCursor(reader.document())
cursor.setPosition(text.index("Alice Smith", text.index("Paragraph 2400 ")) + 1)
assert cursor.charFormat().background().color().name() == "#aa9cfc", "chunked highlighting did not finish"
print("ok", len(spans))
"""


def test_twenty_thousand_highlights_do_not_abort():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok 20000"
