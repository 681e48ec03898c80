"""Precision, recall and speaker accuracy of quotation detection on our annotated articles.

Usage: python benchmarks/quote_accuracy.py [DIR...]  (default: tests/data/quotes and the sample)
Prints one line per article, then the totals; exit status 1 if a total is below the target.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from annotext.analysis.analyser import Analyser
from annotext.analysis.evaluation import Score, score_quotes

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.95


def articles(dirs: list[Path]) -> list[tuple[Path, Path]]:
    """(text, gold) pairs found in the given folders."""
    pairs = []
    for folder in dirs:
        for gold in sorted(folder.glob("*.gold.json")):
            text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
            if text.is_file():
                pairs.append((text, gold))
    return pairs


def evaluate(analyser: Analyser, pairs: list[tuple[Path, Path]], verbose: bool = True) -> Score:
    """Score every article and return the total."""
    total = Score()
    for text_path, gold_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["quotes"]
        found = analyser.analyse(text).to_json(text)["quotes"]
        score = score_quotes(found, gold, text_path.stem)
        total.add(score)
        if verbose:
            print(f"{text_path.stem:28} quotes {score.expected:3}  P {score.precision:.3f}  "
                  f"R {score.recall:.3f}  speaker {score.speaker_accuracy:.3f}")
    return total


def main() -> int:
    dirs = [Path(a) for a in sys.argv[1:]] or [ROOT / "tests" / "data" / "quotes", ROOT / "tests" / "data"]
    pairs = articles(dirs)
    total = evaluate(Analyser.load(), pairs)
    print(f"{'TOTAL':28} quotes {total.expected:3}  P {total.precision:.3f}  R {total.recall:.3f}  "
          f"speaker {total.speaker_accuracy:.3f}  ({len(pairs)} articles)")
    for error in total.errors:
        print("  -", error)
    ok = min(total.precision, total.recall, total.speaker_accuracy) >= TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
