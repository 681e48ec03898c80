"""Round trips of documents and analyses through SQLite."""

from annotext.core.document import Document
from annotext.core.results import AnalysisResult, ModelInfo, Person
from annotext.core.spans import Span
from annotext.storage.database import open_database
from annotext.storage.repository import Repository


def _result(sha):
    return AnalysisResult(
        text_sha256=sha, model=ModelInfo("en_test", "1.0"), analyser_version="1",
        entities=[Span(0, 5, "entity", "PERSON", {"person": "Alice Smith"}), Span(10, 14, "entity", "GPE")],
        quotes=[Span(20, 30, "quote", "QUOTE", {"speaker": "Alice Smith", "cue": "said"})],
        people=[Person("Alice Smith", ["Smith"], 2, 1, 3)],
    )


def test_document_round_trip(tmp_path):
    repo = Repository(open_database(tmp_path / "l.sqlite")[0])
    doc = Document("Title 😀", "Text with emoji 😀\nand lines", "/x.txt", {"author": "me"})
    doc_id = repo.add_document(doc)
    back = repo.document(doc_id)
    assert (back.title, back.text, back.source, back.metadata) == (doc.title, doc.text, doc.source, doc.metadata)
    assert repo.find_document(sha256=doc.sha256, source="/x.txt") == doc_id
    assert repo.find_document(sha256=doc.sha256, source="/y.txt") is None
    assert repo.document(999) is None


def test_analysis_round_trip_and_cache_key(tmp_path):
    repo = Repository(open_database(tmp_path / "l.sqlite")[0])
    doc = Document("t", "x" * 40)
    doc_id = repo.add_document(doc)
    result = _result(doc.sha256)
    repo.save_analysis(doc_id, result)
    repo.save_analysis(doc_id, result)  # same key replaces, never duplicates
    back = repo.load_analysis(doc_id, doc.sha256, ModelInfo("en_test", "1.0"), "1")
    assert back.entities == result.entities and back.quotes == result.quotes
    assert back.entities[0].attrs == {"person": "Alice Smith"}
    assert back.people == result.people
    assert repo.load_analysis(doc_id, doc.sha256, ModelInfo("en_test", "2.0"), "1") is None
    assert repo.load_analysis(doc_id, doc.sha256, ModelInfo("en_test", "1.0"), "2") is None
    assert repo.load_analysis(doc_id, "other-sha", ModelInfo("en_test", "1.0"), "1") is None
    assert repo.load_analysis(doc_id, doc.sha256, None, "1") is not None
    assert repo.db.execute("select count(*) from analyses").fetchone()[0] == 1


def test_span_reads_use_the_covering_index(tmp_path):
    db = open_database(tmp_path / "l.sqlite")[0]
    plan = " ".join(str(r) for r in db.execute(
        'explain query plan select start, "end", kind, label, attrs from spans where analysis_id = ? order by start, "end"', [1]))
    assert "COVERING INDEX" in plan
