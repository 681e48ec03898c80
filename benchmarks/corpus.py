"""Builds long test texts from the articles shipped with the tests (no download, deterministic)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "tests" / "data" / "quotes").glob("*.txt")) + [ROOT / "resources" / "xi-putin-summit.txt"]


def long_text(words: int) -> str:
    """Article paragraphs repeated in a fixed order until the text has about `words` words."""
    paragraphs = []
    for path in SOURCES:
        paragraphs.extend(p for p in path.read_text(encoding="utf-8").split("\n") if p.strip())
    out, count, index = [], 0, 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n".join(out) + "\n"
