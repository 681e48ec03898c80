"""The W3C JSON export against the W3C Web Annotation test suite's own JSON Schemas (vendored in
tests/data/w3c-annotation): every "must" of the annotation, page and collection manifests, and the
"should" features Annotext claims (last, partOf, format and language, creators with ids, generator)."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from annotext.application.correction_edits import quote_edit
from annotext.application.edits import set_comment
from annotext.export.run import export

SUITE = Path(__file__).resolve().parents[1] / "data" / "w3c-annotation"
CLAIMED_SHOULDS = {
    "collections/5.1-collectionLastImplemented.json",
    "collections/pages/5.2-pagePartOfImplemented.json",
    "annotations/bodiesTargets/3.2.1-bodySingleFormat.json",
    "annotations/bodiesTargets/3.2.1-bodySingleLanguage.json",
    "annotations/bodiesTargets/3.2.1-targSingleFormat.json",
    "annotations/bodiesTargets/3.2.1-targSingleLanguage.json",
    "annotations/bodiesTargets/3.3.1-bodySingleCreator.json",
    "annotations/bodiesTargets/3.3.1-bodyCreated.json",
    "annotations/3.3.2-annotationCreatorAgentIdImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json",
    "annotations/3.3.2-annotationGeneratorAgentIdImplemented.json",
    "annotations/3.3.2-annotationGeneratorAgentTypeImplemented.json",
    "annotations/3.3.2-annotationGeneratorAgentNicknameImplemented.json",
    "annotations/bodiesTargets/3.3.2-bodyCreatorAgentIdImplemented.json",
}


@pytest.fixture(scope="module")
def registry():
    definitions = [json.loads(p.read_text(encoding="utf-8")) for p in (SUITE / "definitions").glob("*.json")]
    return Registry().with_resources(
        [(d["id"], Resource.from_contents(d, default_specification=DRAFT4)) for d in definitions])


def _passes(entry, instance, registry) -> bool:
    """One assertion of a manifest, as the suite's runner reads it: a schema file or inline schema
    whose expectedResult is valid or invalid, or a group combined with compareWith and/or."""
    if isinstance(entry, str):
        entry = json.loads((SUITE / entry).read_text(encoding="utf-8"))
    if "compareWith" in entry or ("assertions" in entry and "$schema" not in entry):
        results = [_passes(a, instance, registry) for a in entry["assertions"]]
        return any(results) if entry.get("compareWith", "and") == "or" else all(results)
    valid = Draft4Validator(entry, registry=registry).is_valid(instance)
    return valid == (entry.get("expectedResult", "valid") == "valid")


def _manifest(name: str) -> list:
    return json.loads((SUITE / name).read_text(encoding="utf-8"))["assertions"]


def _kind(entry) -> str:
    if isinstance(entry, str):
        entry = json.loads((SUITE / entry).read_text(encoding="utf-8"))
    return entry.get("assertionType", "must")


@pytest.fixture
def exported(annotated_library, tmp_path):
    """The sample's passages and its automatic layer, with a speaker corrected (an analyst as the
    creator) and a scare quote (a classifying annotation without a speaker)."""
    library, doc = annotated_library
    first = library.annotations.annotations(doc)[0]
    library.apply(set_comment(first, "A comment\nover two lines"))
    one, two = [q for q in library.stored_result(library.document(doc)).quotes if q.attrs.get("kind") != "scare"][:2]
    library.apply(quote_edit(library, doc, one.start, one.end, speaker="Xi Jinping"))
    library.apply(quote_edit(library, doc, two.start, two.end, kind="scare"))
    path = export(library.report_items([doc]), library.annotations.tags(), "json", tmp_path / "w3c.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_must_of_the_w3c_suite_holds(exported, registry):
    annotations = [{"@context": exported["@context"], **item} for item in exported["first"]["items"]]
    checks = [("annotations/annotationMusts.test", annotation) for annotation in annotations]
    checks += [("collections/collectionMusts.test", exported), ("collections/pages/pageMusts.test", exported)]
    failures, count = [], 0
    for manifest, instance in checks:
        for entry in _manifest(manifest):
            count += 1
            if not _passes(entry, instance, registry):
                failures.append((manifest, entry if isinstance(entry, str) else entry.get("title")))
    assert not failures, failures
    assert count == len(annotations) * len(_manifest("annotations/annotationMusts.test")) + 10 + 15
    creators = {(a["motivation"], a["creator"]["type"]) for a in annotations}
    assert {("identifying", "Software"), ("identifying", "Person"), ("classifying", "Person"),
            ("tagging", "Person"), ("commenting", "Person")} <= creators


def test_the_should_features_annotext_claims_hold(exported, registry):
    annotations = [{"@context": exported["@context"], **item} for item in exported["first"]["items"]]
    manifests = {"annotations/annotationOptionals.test": annotations,
                 "annotations/annotationsAgentOptionals.test": annotations,
                 "collections/collectionOptionals.test": [exported],
                 "collections/pages/pageOptionals.test": [exported]}
    seen = set()
    for manifest, instances in manifests.items():
        for entry in _manifest(manifest):
            if isinstance(entry, str) and entry in CLAIMED_SHOULDS:
                seen.add(entry)
                for instance in instances:
                    assert _passes(entry, instance, registry), (entry, instance.get("id"))
    assert seen == CLAIMED_SHOULDS
    assert all(_kind(name) in ("should", "may") for name in CLAIMED_SHOULDS)


def test_the_suite_catches_a_broken_annotation(exported, registry):
    """The runner is real: an annotation without a target fails a must."""
    broken = {"@context": exported["@context"], **exported["first"]["items"][0]}
    del broken["target"]
    assert not all(_passes(entry, broken, registry) for entry in _manifest("annotations/annotationMusts.test"))


@pytest.mark.parametrize("source, iri, name", [
    ("{tmp}/private/folder/article.txt", "urn:annotext:document:{sha}", "article.txt"),
    ("https://user:secret@example.org/news/story?id=7#top", "https://example.org/news/story?id=7", None),
])
def test_targets_never_name_the_analysts_folders(annotated_library, tmp_path, registry, source, iri, name):
    """A local file is the stable IRI of its text plus its file name alone; a web page is its URL
    without credentials. Nothing of the local folders is in the export, and it stays valid."""
    library, doc = annotated_library
    items = library.report_items([doc])
    document = items[0][0]
    document.source = source.format(tmp=tmp_path)
    raw = export(items, library.annotations.tags(), "json", tmp_path / "out" / "w3c.json").read_text(encoding="utf-8")
    assert str(tmp_path) not in raw and "private" not in raw and "file:" not in raw and "secret" not in raw
    annotations = [{"@context": json.loads(raw)["@context"], **item} for item in json.loads(raw)["first"]["items"]]
    sources = {json.dumps(a["target"]["source"], sort_keys=True) for a in annotations}
    assert len(sources) == 1  # every annotation of the document names it the same way
    (target_source,) = [json.loads(s) for s in sources]
    assert target_source["id"] == iri.format(sha=document.sha256)
    assert target_source.get("name") == name and target_source["label"] == document.title
    for annotation in annotations[:3] + annotations[-3:]:
        assert all(_passes(entry, annotation, registry) for entry in _manifest("annotations/annotationMusts.test"))
