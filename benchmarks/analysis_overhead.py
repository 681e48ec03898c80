"""Analysis overhead: our entities + people + quotes vs the bare spaCy pipeline on the same text.

Both runs use the same model, the same paragraphs and nlp.pipe with the same batch size, so the
ratio isolates what Annotext adds (entity cleaning, people index, quotes and speakers).
Target (docs/architecture.md, "Performance targets"): ratio <= 1.15.  Usage: python benchmarks/analysis_overhead.py [WORDS]
"""

from __future__ import annotations

import sys
import time

from corpus import long_text

from annotext.analysis.analyser import Analyser
from annotext.analysis.pieces import BATCH_SIZE
from annotext.analysis.normalise import prepare_text
from annotext.core.document import paragraphs


def bare_pipeline(nlp, text: str) -> float:
    prepared = prepare_text(text)
    pieces = [prepared[s:e] for s, e in paragraphs(prepared)]
    start = time.perf_counter()
    for _doc in nlp.pipe(pieces, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def ours(analyser: Analyser, text: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = analyser.analyse(text)
    return time.perf_counter() - start, len(result.quotes)


def main() -> int:
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    text = long_text(words)
    analyser = Analyser.load()
    bare_pipeline(analyser.nlp, text[:20_000])  # warm up caches
    bare, full = [], []
    for _ in range(2):  # alternate to share the machine's noise
        bare.append(bare_pipeline(analyser.nlp, text))
        seconds, quotes = ours(analyser, text)
        full.append(seconds)
    b, f = min(bare), min(full)
    print(f"text: {len(text.split())} words, {quotes} quotations, model {analyser.model.label}")
    print(f"bare spaCy pipeline : {b:.2f} s ({len(text.split()) / b:,.0f} words/s)")
    print(f"annotext analysis   : {f:.2f} s")
    print(f"ratio               : {f / b:.3f}  (target <= 1.15)")
    return 0 if f / b <= 1.15 else 1


if __name__ == "__main__":
    sys.exit(main())
