"""Generated news articles with their analyses, whose every count is known by construction.

Used by the corpus tests and by benchmarks/corpus.py. Each article is real-looking prose (a
headline, a lead, quotations with "said" cues, an organisation's statement); its AnalysisResult is
built alongside the text, with exact offsets, so the corpus numbers can be checked without spaCy.
Some articles name a person by surname only ("Okafor said"), so cross-document grouping is needed
to count them as one.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from annotext.core.document import Document, text_sha256
from annotext.core.results import ENTITY, QUOTE, AnalysisResult, ModelInfo, Person
from annotext.core.spans import Span

PEOPLE = [("Amara Okafor", "finance minister"), ("Lena Brandt", "opposition leader"),
          ("Tomás Herrera", "union spokesman"), ("Priya Natarajan", "central bank governor"),
          ("Gideon Walsh", "harbour master"), ("Mei Lin Chow", "economist at the University of Leeds"),
          ("Rafael Duarte", "mayor"), ("Ingrid Solberg", "climate envoy")]
ORGS = ["the Ministry of Finance", "the Port Authority", "the Farmers' Union"]
SOURCES = ["The Daily Ledger", "Harbour Gazette", "Northern Courier"]
TOPICS = ["the budget", "the harbour dues", "the milk price", "the bank merger", "the flood defences"]
QUOTES = [
    "We will not raise taxes on working families this year",
    "This plan is a gift to the banks and nothing more",
    "Our members have waited long enough for a fair deal",
    "Inflation is falling but the job is not done",
    "The harbour cannot stay open on these terms",
    "Every serious forecast says the same thing",
    "We expect the council to keep its promise",
    "Nobody voted for this and nobody asked for it",
]
MODEL = ModelInfo("generated", "1")


@dataclass
class Article:
    """One generated article: the document, its analysis and what the corpus must count."""

    document: Document
    result: AnalysisResult
    speakers: Counter = field(default_factory=Counter)  # corpus name -> quotations
    words: Counter = field(default_factory=Counter)  # corpus name -> quoted words
    mentions: Counter = field(default_factory=Counter)  # corpus name -> mentions


class _Writer:
    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[Span] = []
        self.quotes: list[Span] = []

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def mention(self, form: str, canonical: str, label: str = "PERSON") -> tuple[int, int]:
        start, end = self.add(form)
        self.entities.append(Span(start, end, ENTITY, label, {"person": canonical} if label == "PERSON" else {}))
        return start, end

    def quote(self, content: str) -> int:
        start, end = self.add(f"“{content}”")
        self.quotes.append(Span(start, end, QUOTE, "QUOTE", {"content": content, "speaker": None}))
        return len(self.quotes) - 1


def article(index: int, rng: random.Random, start_date: date = date(2024, 1, 1), days: int = 120,
            pool: list[tuple[str, str]] = PEOPLE) -> Article:
    """Article number `index`: two or three speakers from `pool`, an organisation statement on odd articles."""
    w = _Writer()
    topic = rng.choice(TOPICS)
    cast = rng.sample(pool, rng.choice((2, 3)))
    surname_only = index % 5 == 0  # these articles never give the full name of their first speaker
    expected = Article(None, None)  # type: ignore[arg-type]
    people: dict[str, Person] = {}

    def name_of(full: str) -> str:
        return full.split()[-1] if surname_only and full == cast[0][0] else full

    w.add(f"Row over {topic} deepens\n")
    lead_name = name_of(cast[0][0])
    w.add("The dispute over ")
    w.add(f"{topic} grew on Tuesday as ")
    w.mention(lead_name, lead_name)
    w.add(f", the {cast[0][1]}, faced questions from reporters.\n")
    for full, role in cast:
        canonical = name_of(full)
        person = people.setdefault(canonical, Person(canonical, [] if canonical == full.split()[-1] else [full.split()[-1]]))
        for _ in range(rng.choice((1, 2))):
            content = rng.choice(QUOTES)
            q = w.quote(content)
            w.add(", said ")
            s, e = w.mention(canonical, canonical)
            w.quotes[q].attrs.update(speaker=canonical, speaker_start=s, speaker_end=e, cue="said")
            w.add(f", the {role}.\n")
            expected.speakers[full] += 1
            expected.words[full] += len(content.split())
            person.quotes += 1
            person.quoted_words += len(content.split())
        if canonical != full.split()[-1]:
            w.add("Asked again, ")
            w.mention(full.split()[-1], canonical)
            w.add(" declined to comment further.\n")
    for canonical, person in people.items():
        person.mentions = sum(1 for e in w.entities if e.attrs.get("person") == canonical)
        full = next(f for f, _ in cast if name_of(f) == canonical)
        expected.mentions[full] += person.mentions
    if index % 2:
        org = rng.choice(ORGS)
        content = rng.choice(QUOTES)
        q = w.quote(content)
        w.add(", ")
        s, e = w.mention(org, org, label="ORG")
        w.quotes[q].attrs.update(speaker=org, speaker_start=s, speaker_end=e, cue="said")
        w.add(" said in a statement.\n")
        expected.speakers[org] += 1
        expected.words[org] += len(content.split())
        expected.mentions[org] += 1
    w.add("The talks continue next week.\n")
    text = "".join(w.parts)
    published = start_date + timedelta(days=index % days)
    metadata = {"date": published.isoformat(), "sitename": SOURCES[index % len(SOURCES)],
                "author": f"Staff reporter {index % 7}"}
    document = Document(f"Row over {topic} deepens ({index})", text, f"generated://{index}", metadata)
    result = AnalysisResult(text_sha256(text), MODEL, "generated-1", sorted(w.entities, key=lambda s: s.start),
                            w.quotes, sorted(people.values(), key=lambda p: -p.mentions))
    expected.document, expected.result = document, result
    return expected


def people_pool(size: int, seed: int = 5) -> list[tuple[str, str]]:
    """`size` distinct people (first name x surname, unique surnames) for large generated corpora."""
    rng = random.Random(seed)
    firsts = ["Amara", "Lena", "Tomás", "Priya", "Gideon", "Mei", "Rafael", "Ingrid", "Kwame", "Sofia", "Yusuf",
              "Hannah", "Diego", "Aiko", "Olga", "Samir", "Claire", "Mateo", "Nia", "Pavel"]
    stems = ["Okaf", "Brand", "Herr", "Natar", "Wals", "Chow", "Duart", "Solb", "Mensa", "Rossi", "Demir", "Kowal",
             "Lind", "Tanak", "Petr", "Haddad", "Moreau", "Silv", "Adey", "Novak"]
    endings = ["or", "ton", "era", "ajan", "h", "ley", "e", "erg", "ah", "i", "el", "ski", "qvist", "a", "ov", "in",
               "eau", "ers", "emi", "ak"]
    surnames = sorted({stem + ending for stem in stems for ending in endings})
    rng.shuffle(surnames)
    roles = ["minister", "spokesperson", "analyst", "mayor", "professor", "union leader", "chief executive"]
    return [(f"{rng.choice(firsts)} {surnames[i % len(surnames)]}{'' if i < len(surnames) else f'-{i // len(surnames)}'}",
             rng.choice(roles)) for i in range(size)]


def articles(count: int, seed: int = 17, **kwargs) -> list[Article]:
    """`count` articles, deterministic for a seed."""
    rng = random.Random(seed)
    return [article(i, rng, **kwargs) for i in range(count)]


def totals(items: list[Article]) -> tuple[Counter, Counter, Counter, Counter]:
    """(quotations, quoted words, mentions, documents) per corpus name over `items`."""
    speakers, words, mentions, documents = Counter(), Counter(), Counter(), Counter()
    for item in items:
        speakers.update(item.speakers)
        words.update(item.words)
        mentions.update(item.mentions)
        documents.update(set(item.mentions) | set(item.speakers))
    return speakers, words, mentions, documents


def build_library(path, count: int = 40, author: str = "tester"):
    """A library at `path` holding `count` generated articles, each with its stored analysis;
    returns (library, articles) with each article's document id filled in."""
    from annotext.application.library import Library

    library = Library(path, author=author)
    items = articles(count)
    for item in items:
        item.document.id = library.add_document(item.document)
        library.store_analysis(item.document.id, item.result)
    return library, items
