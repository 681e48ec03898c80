"""Library full-text search: p50/p95 of `Library.search` over 10,000 documents (docs/architecture.md, "Performance targets": p50 <= 20 ms).

Documents are built from the shipped test articles, shuffled per document so that every one differs;
inserted in one transaction (that part is setup, not measured). Usage: search.py [DOCS] [QUERIES]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from corpus import SOURCES

from annotext.core.document import Document
from annotext.application.library import Library

QUERIES = ["Putin", "climate fund", "Beijing summit", "waiting lists", "analyst said", "neutrality",
           "school budget", "quarterly loss", "referee", "Brazil diet", "Xi Jinping", "transit plan",
           "mould", "emergency loan", "compensation", "pro-Russia", "shut*", "invest*"]


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng = random.Random(7)
    paragraphs = [p for path in SOURCES for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "search.sqlite")
        began = time.perf_counter()
        with library.db.atomic():
            for i in range(count):
                body = "\n".join(rng.sample(paragraphs, 8))
                library.repo.add_document(Document(title=f"Document {i}: {body[:50]}", text=body, source=f"bench:{i}"))
        setup = time.perf_counter() - began
        timings, hits = [], 0
        for i in range(rounds):
            query = QUERIES[i % len(QUERIES)]
            started = time.perf_counter()
            hits += len(library.search(query))
            timings.append((time.perf_counter() - started) * 1000)
        library.close()
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
    print(f"{count} documents indexed in {setup:.1f} s; {rounds} searches, {hits} hits")
    print(f"search latency: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms "
          f"(target p50 <= 20 ms: {p50 / 20:.2f}x of budget)")
    return 0 if p50 <= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
