"""Precision, recall and speaker accuracy of quotation detection, and recall and non-persons of the
people index, on our annotated articles.

Usage: python benchmarks/quote_accuracy.py [DIR...]  (default: tests/data/quotes and the sample)
Prints one line per article and the totals of each set (the development articles, and each blind-* set written
without running the analyser), then the overall totals; exit status 1 if a total misses its target.
Quotations of kind "scare" are not scored; people are scored where the gold file has a "people" list.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from annotext.analysis.analyser import Analyser
from annotext.analysis.evaluation import PeopleScore, Score, score_people, score_quotes

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.97
NON_PERSONS_PER_ARTICLE = 0.25


def articles(dirs: list[Path]) -> list[tuple[Path, Path]]:
    """(text, gold) pairs found in the given folders."""
    pairs = []
    for folder in dirs:
        for gold in sorted(folder.glob("*.gold.json")):
            text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
            if text.is_file():
                pairs.append((text, gold))
    return pairs


def evaluate(analyser: Analyser, pairs: list[tuple[Path, Path]], verbose: bool = True) -> tuple[Score, PeopleScore, int]:
    """Score every article; returns the quotation total, the people total and how many articles had people."""
    total, people_total, with_people = Score(), PeopleScore(), 0
    for text_path, gold_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found = analyser.analyse(text).to_json(text)
        score = score_quotes(found["quotes"], gold["quotes"], text_path.stem)
        total.add(score)
        people_note = ""
        if "people" in gold:
            people = score_people(found["people"], gold["people"], text_path.stem)
            people_total.add(people)
            with_people += 1
            people_note = f"  people {people.found}/{people.expected} non-persons {people.not_people}"
        if verbose:
            print(f"{text_path.stem:28} quotes {score.expected:3}  P {score.precision:.3f}  "
                  f"R {score.recall:.3f}  speaker {score.speaker_accuracy:.3f}{people_note}")
    return total, people_total, with_people


def set_name(text_path: Path) -> str:
    """The set an article belongs to: "blind", "blind2", … (written without running the analyser), or "development"."""
    prefix = text_path.stem.split("-", 1)[0]
    return prefix if prefix.startswith("blind") else "development"


def report(label: str, total: Score, people: PeopleScore, with_people: int, articles: int) -> None:
    """The totals of one set of articles."""
    print(f"{label:28} quotes {total.expected:3}  P {total.precision:.3f}  R {total.recall:.3f}  "
          f"speaker {total.speaker_accuracy:.3f}  ({articles} articles)")
    if with_people:
        print(f"{'  people':28} recall {people.recall:.3f} ({people.found}/{people.expected})  non-persons "
              f"{people.not_people} in {with_people} articles ({people.not_people / with_people:.2f} per article)")


def main() -> int:
    dirs = [Path(a) for a in sys.argv[1:]] or [ROOT / "tests" / "data" / "quotes", ROOT / "tests" / "data"]
    pairs = articles(dirs)
    analyser = Analyser.load()
    sets: dict[str, list[tuple[Path, Path]]] = {}
    for pair in pairs:
        sets.setdefault(set_name(pair[0]), []).append(pair)
    total, people, with_people = Score(), PeopleScore(), 0
    for name in sorted(sets):
        print(f"# {name}")
        set_total, set_people, set_with_people = evaluate(analyser, sets[name])
        report(f"TOTAL {name}", set_total, set_people, set_with_people, len(sets[name]))
        total.add(set_total)
        people.add(set_people)
        with_people += set_with_people
    report("TOTAL", total, people, with_people, len(pairs))
    for error in total.errors + people.errors:
        print("  -", error)
    ok = min(total.precision, total.recall, total.speaker_accuracy) >= TARGET
    if with_people:
        ok = ok and people.recall >= TARGET and people.not_people <= NON_PERSONS_PER_ARTICLE * with_people
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
