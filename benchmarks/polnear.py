"""Quotation spans and speakers on the PolNeAR corpus (Political News Attribution Relations).

Usage: python benchmarks/polnear.py PATH [train|dev]
PATH is a copy of github.com/networkdynamics/PolNeAR (a clone or a plain checkout). PolNeAR has no
licence: nothing of it is ever copied into this repository, and without PATH this prints why it
skipped and exits 0. The test split is refused: it is kept for independent checks.

Scoring (the same as the reference scorer used for issue 12):
- gold: every quotation-mark span of a paragraph (“ opens, ” closes, ASCII " alternates; an open
  quote at paragraph end counts when it runs over three words) whose content overlaps an annotated
  attribution by >= 50 %; other quote-mark spans are unattributed (titles, scare quotes);
- a predicted quotation matches a gold span when they overlap by >= 50 % of the gold and >= 30 %
  of the prediction; predictions without a quote mark (indirect speech) or of kind "scare" are
  not scored;
- mention-ok: the speaker mention shares a content word with the gold source; name-ok: the
  resolved speaker shares a content word with the gold source or, for a pronoun source, with the
  nearest earlier named source (a proxy for the antecedent).
"""

from __future__ import annotations

import collections
import re
import sys
import time
from pathlib import Path

PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them", "you"}
STOP = {"the", "a", "an", "of", "for", "and", "to", "in", "at", "on", "said", "says", "mr", "mrs", "ms", "dr",
        "sen", "rep", "gov"}


def gold_quote_spans(text: str) -> list[tuple[int, int]]:
    """Quote-mark spans per paragraph, orientation-aware."""
    spans, position = [], 0
    for paragraph in text.split("\n"):
        open_at = None
        for i, ch in enumerate(paragraph):
            if ch == "“" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif ch in "”\"" and open_at is not None:
                spans.append((position + open_at, position + i + 1))
                open_at = None
        if open_at is not None and len(paragraph[open_at:].split()) > 3:
            spans.append((position + open_at, position + len(paragraph)))
        position += len(paragraph) + 1
    return spans


def parse_annotations(source: str) -> list[dict]:
    """Attributions of one brat .ann file: content ranges, source text and positions."""
    spans, events = {}, []
    for line in source.splitlines():
        if line.startswith("T"):
            tid, rest, surface = (line.split("\t") + ["", ""])[:3]
            kind, ranges = rest.split(" ", 1)
            spans[tid] = (kind, [tuple(map(int, r.split())) for r in ranges.split(";")], surface)
        elif line.startswith("E"):
            events.append(dict(kv.split(":", 1) for kv in line.split("\t")[1].split()))
    attributions = []
    for event in events:
        roles = collections.defaultdict(list)
        for key, value in event.items():
            roles[re.sub(r"\d+$", "", key)].append(value)
        content = [r for tid in roles.get("Content", []) if tid in spans for r in spans[tid][1]]
        sources = [t for t in roles.get("Source", []) if t in spans]
        if content:
            attributions.append(dict(content=content, source=" ".join(spans[t][2] for t in sources),
                                     srcpos=min((spans[t][1][0][0] for t in sources), default=None)))
    return attributions


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP}


def shares_word(found: str, gold: str) -> bool:
    return bool(content_words(found) & content_words(gold))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_of(text: str, attributions: list[dict]) -> tuple[list[dict], list[tuple[int, int]]]:
    """Attributed quote-mark spans (with source and pronoun antecedent proxy) and unattributed ones."""
    gold, unattributed = [], []
    for start, end in gold_quote_spans(text):
        inner = (start + 1, end - 1)
        best, covered = None, 0
        for attribution in attributions:
            amount = sum(overlap(inner, r) for r in attribution["content"])
            if amount > covered:
                best, covered = attribution, amount
        if best and covered >= 0.5 * max(1, inner[1] - inner[0]):
            antecedent = ""
            if best["source"].strip().lower() in PRONOUNS:
                earlier = [a for a in attributions if a["srcpos"] is not None and a["srcpos"] < (best["srcpos"] or 0)
                           and a["source"].strip().lower() not in PRONOUNS and re.search(r"[A-Z]", a["source"])]
                if earlier:
                    antecedent = max(earlier, key=lambda a: a["srcpos"])["source"]
            gold.append(dict(span=(start, end), source=best["source"], ante=antecedent,
                             words=len(text[start:end].split())))
        else:
            unattributed.append((start, end))
    return gold, unattributed


def score_article(text: str, quotes: list[dict], gold: list[dict], unattributed: list, counts: collections.Counter) -> None:
    """Add one article's counts (`quotes` as in `analyze --json`)."""
    counts["gold"] += len(gold)
    counts["gold_src"] += sum(bool(g["source"]) for g in gold)
    used: set[int] = set()
    for quote in quotes:
        if quote.get("kind") == "scare":
            continue
        span = (quote["start"], quote["end"])
        if not re.search("[“”\"]", text[span[0]:span[1]]):
            counts["pred_indirect"] += 1
            continue
        counts["pred"] += 1
        mention = text[quote["speaker_start"]:quote["speaker_end"]] if quote.get("speaker_start") is not None \
            else (quote.get("speaker") or "")
        resolved = quote.get("speaker") or ""
        candidates = [(overlap(span, g["span"]), i) for i, g in enumerate(gold) if i not in used]
        amount, index = max(candidates, default=(0, None))
        if index is not None and amount >= 0.5 * (gold[index]["span"][1] - gold[index]["span"][0]) \
                and amount >= 0.3 * (span[1] - span[0]):
            used.add(index)
            g = gold[index]
            counts["tp"] += 1
            if not g["source"]:
                continue
            counts["with_src"] += 1
            counts["mention_ok"] += shares_word(mention, g["source"])
            if g["source"].strip().lower() in PRONOUNS:
                counts["pron_gold"] += 1
                right = bool(g["ante"]) and shares_word(resolved, g["ante"])
                counts["pron_with_ante"] += bool(g["ante"])
                counts["pron_resolved_ok"] += right
                counts["name_ok"] += right
            else:
                counts["name_ok"] += shares_word(resolved, g["source"])
        elif any(overlap(span, u) >= 0.5 * (u[1] - u[0]) for u in unattributed):
            counts["fp_unattributed_quote"] += 1
        else:
            counts["fp_other"] += 1


def articles(root: Path, split: str) -> list[tuple[str, str, str]]:
    """(name, text, annotations) for each article of the split, one annotator each (the first id)."""
    texts = sorted((root / "data" / split / "text").glob("*.txt"))
    annotations: dict[str, Path] = {}
    for path in sorted((root / "data" / split / "attributions").glob("*.ann")):
        annotations.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", path.name), path)
    found = []
    for path in texts:
        if path.stem in annotations:
            found.append((path.stem, path.read_text(encoding="utf-8"),
                          annotations[path.stem].read_text(encoding="utf-8")))
    return found


def main() -> int:
    if len(sys.argv) < 2 or not (Path(sys.argv[1]) / "data").is_dir():
        print("polnear: skipped — give the path of a PolNeAR copy (github.com/networkdynamics/PolNeAR): "
              "python benchmarks/polnear.py PATH [train|dev]")
        return 0
    split = sys.argv[2] if len(sys.argv) > 2 else "dev"
    if split not in ("train", "dev"):
        print("polnear: use train or dev; the test split is kept for independent checks")
        return 2
    from annotext.analysis.analyser import Analyser

    analyser = Analyser.load()
    counts: collections.Counter = collections.Counter()
    started = time.perf_counter()
    docs = articles(Path(sys.argv[1]), split)
    for name, text, annotation in docs:
        try:
            gold, unattributed = gold_of(text, parse_annotations(annotation))
        except ValueError:
            print(f"polnear: skipped {name}: its annotation file is malformed")
            continue
        result = analyser.analyse(text).to_json(text)
        score_article(result["text"], result["quotes"], gold, unattributed, counts)
    seconds = time.perf_counter() - started
    precision = 100 * counts["tp"] / max(1, counts["pred"])
    recall = 100 * counts["tp"] / max(1, counts["gold"])
    print(f"{split}: {len(docs)} articles, {counts['gold']} attributed quote-mark spans")
    print(f"P {precision:.1f}  R {recall:.1f}  | mention-ok {100 * counts['mention_ok'] / max(1, counts['with_src']):.1f} %"
          f"  name-ok {100 * counts['name_ok'] / max(1, counts['with_src']):.1f} % of {counts['with_src']} matched"
          f"  | pronoun sources resolved {counts['pron_resolved_ok']}/{counts['pron_with_ante']}"
          f"  | false positives: unattributed quote marks {counts['fp_unattributed_quote']}, other {counts['fp_other']}"
          f"  ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
