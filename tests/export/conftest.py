import pytest

from annotext.application.edits import AddAnnotation, CreateTag
from annotext.application.library import Library

HOSTILE_TAG = "<img src=x onerror=alert(1)>"
HOSTILE_COMMENT = '<script>document.title="PWNED";alert("x")</script> & more'


@pytest.fixture
def hostile():
    """The hostile tag name and comment the annotated library contains."""
    return {"tag": HOSTILE_TAG, "comment": HOSTILE_COMMENT}


@pytest.fixture
def annotated_library(tmp_path, analyser):
    """The sample, analysed, with a small codebook and passages (two overlapping, one hostile)."""
    library = Library(tmp_path / "library.sqlite", author="Ana Lyst")
    doc = library.ensure_sample()
    library.analyse(doc, analyser)
    store = library.annotations
    tags = {}
    for name, colour in (("Bilateral ties", "#f9d56e"), (HOSTILE_TAG, "#8fd3fe")):
        edit = CreateTag(store.new_tag(name, colour=colour, description=f"about {name}"))
        library.apply(edit)
        tags[name] = edit.tag.id
    text = library.document(doc).text

    def add(quote, tag_names, comment=""):
        start = text.index(quote)
        library.apply(AddAnnotation(store.new_annotation(doc, start, start + len(quote),
                                                         [tags[t] for t in tag_names], comment)))

    add("Their relationship has been a constant despite a decade", ["Bilateral ties"], "Framing: continuity")
    add("a decade of increasingly difficult relations", [HOSTILE_TAG], HOSTILE_COMMENT)
    add("Beijing has resisted calls to condemn the invasion", ["Bilateral ties", HOSTILE_TAG])
    yield library, doc
    library.close()


@pytest.fixture(autouse=True)
def _widgets_application(qapp):
    """The PDF export makes a bare QGuiApplication when none exists; in a test session that would
    leave the GUI tests without a QApplication. pytest-qt's is made first, for every export test."""
    yield
