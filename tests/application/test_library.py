"""The library facade: import, dedupe, analysis caching (spaCy never re-run on reopen)."""

from annotext.analysis.analyser import Analyser
from annotext.application.library import Library


class CountingAnalyser:
    """Wraps a real analyser and counts how often it actually runs."""

    def __init__(self, inner):
        self.inner, self.runs = inner, 0
        self.model, self.version = inner.model, inner.version

    def analyse(self, text, progress=None):
        self.runs += 1
        return self.inner.analyse(text, progress=progress)


def test_import_is_not_duplicated(library, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\nBody.")
    assert library.import_file(path) == library.import_file(path)
    assert len(library.documents()) == 1


def test_first_start_imports_sample(library):
    doc_id = library.ensure_sample()
    assert library.document(doc_id).title.startswith("Xi, Putin")
    assert library.ensure_sample() is None


def test_analysis_is_reused_after_reopening(tmp_path, analyser):
    path = tmp_path / "lib.sqlite"
    lib = Library(path)
    doc_id = lib.ensure_sample()
    counting = CountingAnalyser(analyser)
    first = lib.analyse(doc_id, counting)
    lib.close()
    lib = Library(path)
    second = lib.analyse(doc_id, counting)
    assert counting.runs == 1
    assert second.entities == first.entities and second.people == first.people
    lib.close()


def test_new_analyser_version_reanalyses(library, analyser):
    doc_id = library.ensure_sample()
    counting = CountingAnalyser(analyser)
    library.analyse(doc_id, counting)
    counting.version = "next"
    library.analyse(doc_id, counting)
    assert counting.runs == 2


def test_without_model_quotes_only_result_is_stored(library):
    doc_id = library.ensure_sample()
    result = library.analyse(doc_id, Analyser())
    assert result.model.name == "none" and result.entities == []
