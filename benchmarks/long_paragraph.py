"""One very long paragraph (no line break at all): analysis time must grow in proportion to its length.

Builds paragraphs of 100,000, 300,000 and 1,000,000 characters by joining the test articles'
paragraphs with spaces, analyses each once with the real model and prints the time per character;
the ratio of the largest to the smallest time per character should stay near 1 (quadratic work
would make it ~10). Also checks every entity's offsets against the text and the peak memory.
Usage: python benchmarks/long_paragraph.py [CHARS...]
"""

from __future__ import annotations

import resource
import sys
import time

from corpus import long_text

from annotext.analysis.analyser import Analyser

TARGET_RATIO = 1.5  # slowest / fastest time per character


def one_paragraph(chars: int) -> str:
    """`chars` characters of article prose on a single line."""
    words = chars // 5 + 1000
    text = long_text(words).replace("\n", " ")
    while len(text) < chars:
        text += " " + text
    cut = text.rfind(" ", 0, chars)
    return text[:cut] + "." + " " * (chars - cut - 1)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 300_000, 1_000_000]
    analyser = Analyser.load()
    analyser.analyse(one_paragraph(20_000))  # warm up
    per_char = []
    print(f"model {analyser.model.label}")
    for size in sizes:
        text = one_paragraph(size)
        began = time.perf_counter()
        result = analyser.analyse(text)
        seconds = time.perf_counter() - began
        assert all(0 <= e.start < e.end <= len(text) for e in result.entities)
        per_char.append(seconds / size)
        print(f"{size:>9,} characters: {seconds:6.1f} s, {seconds / size * 1e6:5.1f} µs per character, "
              f"{len(result.entities):,} entities, {len(result.quotes):,} quotations")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = max(per_char) / min(per_char)
    print(f"time per character, slowest / fastest: {ratio:.2f} (target <= {TARGET_RATIO}; quadratic would be "
          f"~{max(sizes) / min(sizes):.0f})")
    print(f"peak memory: {peak:.0f} MB RSS")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
