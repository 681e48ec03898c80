"""Scoring quotation detection and attribution against reference annotations (*.gold.json).

Used by the tests and by benchmarks/quote_accuracy.py. A gold quote marked "optional" (scare quotes,
framings) neither counts as missed when absent nor as spurious when found; a found quotation of kind
"scare" is not scored (a real quotation marked scare counts as missed). People lists are scored
for recall and for entries that are not people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " ,.;:!?"


def normalise_quote(text: str) -> str:
    """Compare quotations by their words: whitespace collapsed, edge punctuation dropped."""
    return _SPACE.sub(" ", text).strip().strip(_EDGE_PUNCT).strip()


def normalise_speaker(name: str | None) -> str | None:
    """Speakers compare case-insensitively, without a leading article ("The report" == "the report")."""
    if not name:
        return None
    name = _SPACE.sub(" ", name).strip().lower()
    for article in ("the ", "a ", "an "):
        if name.startswith(article):
            return name[len(article):]
    return name


def same_speaker(found: str | None, expected: str | None) -> bool:
    """Equal after normalising; a named organisation also matches its described form
    ("Shelter" ~ "Housing charity Shelter"), but a person's name must be the canonical full name."""
    found, expected = normalise_speaker(found), normalise_speaker(expected)
    if found == expected:
        return True
    if not found or not expected or len(found.split()) != 1 or not expected.endswith(" " + found):
        return False
    return found[:1].isalpha() and len(expected.split()) > 2


@dataclass
class Score:
    """Counts for one or more articles; precision/recall/speaker accuracy derived from them."""

    found: int = 0
    spurious: int = 0
    expected: int = 0
    matched: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of reported (non-optional) quotations that are real."""
        return 1.0 if self.found == 0 else (self.found - self.spurious) / self.found

    @property
    def recall(self) -> float:
        """Share of reference quotations that were found."""
        return 1.0 if self.expected == 0 else self.matched / self.expected

    @property
    def speaker_accuracy(self) -> float:
        """Share of found reference quotations attributed to the right speaker."""
        return 1.0 if self.matched == 0 else self.speaker_right / self.matched

    def add(self, other: "Score") -> None:
        """Accumulate another article's counts."""
        self.found += other.found
        self.spurious += other.spurious
        self.expected += other.expected
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.errors.extend(other.errors)


def score_quotes(found: list[dict], gold: list[dict], name: str = "") -> Score:
    """Compare `analyze --json` quotes with gold quotes of the same article."""
    score = Score()
    remaining = list(gold)
    for quote in found:
        if quote.get("kind") == "scare":
            continue  # marked as not speech: neither a found quotation nor a spurious one
        key = normalise_quote(quote["text"])
        match = next((g for g in remaining if normalise_quote(g["quote"]) == key), None)
        if match is None:
            score.found += 1
            score.spurious += 1
            score.errors.append(f"{name}: spurious quote “{quote['text'][:60]}”")
            continue
        remaining.remove(match)
        if match.get("optional"):
            continue
        score.found += 1
        score.expected += 1
        score.matched += 1
        if same_speaker(quote.get("speaker"), match.get("speaker")):
            score.speaker_right += 1
        else:
            score.errors.append(f"{name}: “{key[:50]}” attributed to {quote.get('speaker')!r},"
                                f" expected {match.get('speaker')!r}")
    for missing in remaining:
        if not missing.get("optional"):
            score.expected += 1
            score.errors.append(f"{name}: missed “{missing['quote'][:60]}”")
    return score


@dataclass
class PeopleScore:
    """People index against a gold list: how many real people were found, how many entries are not people."""

    expected: int = 0
    found: int = 0
    not_people: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of gold people present in the index (by canonical name or an alias)."""
        return 1.0 if self.expected == 0 else self.found / self.expected

    def add(self, other: "PeopleScore") -> None:
        """Accumulate another article's counts."""
        self.expected += other.expected
        self.found += other.found
        self.not_people += other.not_people
        self.errors.extend(other.errors)


def score_people(found: list[dict], gold: list[dict] | dict, name: str = "") -> PeopleScore:
    """Compare `analyze --json` people with gold people ({"name", "aliases"}). A gold person is found
    when an index entry's name is the canonical name or one of its aliases; an index entry matching
    no gold person (by name or alias) counts as a non-person."""
    if isinstance(gold, dict):  # {"canonical": [aliases]} as in the sample's reference file
        gold = [{"name": key, "aliases": value} for key, value in gold.items()]
    score = PeopleScore(expected=len(gold))
    forms = [{normalise_speaker(p["name"])} | {normalise_speaker(a) for a in p.get("aliases", [])} for p in gold]
    matched: set[int] = set()
    for person in found:
        names = {normalise_speaker(person["name"])} | {normalise_speaker(a) for a in person.get("aliases", [])}
        hit = next((i for i, f in enumerate(forms) if normalise_speaker(person["name"]) in f), None)
        if hit is None:
            hit = next((i for i, f in enumerate(forms) if names & f), None)
        if hit is None:
            score.not_people += 1
            score.errors.append(f"{name}: not a person in the index: {person['name']!r}")
        else:
            matched.add(hit)
    score.found = len(matched)
    for index, person in enumerate(gold):
        if index not in matched:
            score.errors.append(f"{name}: person missing from the index: {person['name']!r}")
    return score
