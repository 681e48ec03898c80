"""Saving one annotation (INSERT with tags, committed with synchronous=FULL), as the GUI does it.

Prints p50/p95/p99 over N saves into a library that already holds the sample and a few thousand
annotations. Targets (docs/architecture.md, "Performance targets"): p50 <= 5 ms, p99 <= 20 ms.  Usage: annotation_save.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from annotext.application.edits import AddAnnotation, CreateTag
from annotext.application.library import Library


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        library = Library(Path(folder) / "bench.sqlite")
        doc = library.ensure_sample()
        store = library.annotations
        tag = CreateTag(store.new_tag("Claims"))
        library.apply(tag)
        length = len(library.document(doc).text)
        timings = []
        for i in range(count):
            start = (i * 37) % (length - 60)
            edit = AddAnnotation(store.new_annotation(doc, start, start + 40, [tag.tag.id], f"comment {i}"))
            began = time.perf_counter()
            library.apply(edit)
            timings.append((time.perf_counter() - began) * 1000)
        library.close()
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(f"annotation saves: {count}, p50 {p50:.2f} ms, p95 {p95:.2f} ms, p99 {p99:.2f} ms, max {timings[-1]:.2f} ms")
    print(f"targets: p50 <= 5 ms ({p50 / 5:.2f}x of budget), p99 <= 20 ms ({p99 / 20:.2f}x of budget)")
    return 0 if p50 <= 5 and p99 <= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
