"""Inter-coder agreement on text, computed on characters (the unit MAXQDA and QualCoder use).

Each character of each chosen document is a unit. For one tag, a coder "codes" a character when
any of that coder's passages carrying the tag covers it (overlapping passages of one coder count
once). From these binary codings come percent agreement, Cohen's kappa (two coders) and
Krippendorff's alpha (two or more coders, nominal level, computed by the `krippendorff` package).
"Overall" pools the (character, tag) units of every tag. A segment-level view matches whole
passages instead. docs/team.md states the formulas.

Pure functions over plain dataclasses: no storage, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations


@dataclass(frozen=True, slots=True)
class Coding:
    """One coder's passage in one document, carrying one tag (a passage with two tags is two codings)."""

    doc_id: int
    start: int
    end: int
    tag: str
    coder: str
    passage_id: int | None = None


@dataclass(slots=True)
class TagAgreement:
    """Agreement on one tag (or "overall"): character-level measures and the segment view."""

    tag: str
    units: int  # characters (x tags for "overall")
    coded: dict[str, int]  # characters coded, per coder
    percent: float | None  # share of units on which every pair of coders agrees (mean over pairs)
    kappa: float | None  # Cohen's kappa, two coders only; None when undefined (no variation)
    alpha: float | None  # Krippendorff's alpha (nominal); None when undefined (no variation)
    segments: dict[str, tuple[int, int]] = field(default_factory=dict)  # coder -> (matched, total)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A run of characters where the coders differ on one tag: who coded it and who did not."""

    doc_id: int
    start: int
    end: int
    tag: str
    coded_by: tuple[str, ...]
    not_coded_by: tuple[str, ...]


def coverage(codings: list[Coding], doc_lengths: dict[int, int], tag: str, coder: str):
    """A 0/1 numpy array over the characters of every document (concatenated in doc_lengths order):
    does `coder` code this character with `tag`?"""
    import numpy as np

    offsets, total = {}, 0
    for doc_id, length in doc_lengths.items():
        offsets[doc_id] = total
        total += length
    vector = np.zeros(total, dtype=np.uint8)
    for c in codings:
        if c.tag == tag and c.coder == coder and c.doc_id in offsets:
            start = offsets[c.doc_id] + max(0, c.start)
            end = offsets[c.doc_id] + min(doc_lengths[c.doc_id], c.end)
            if end > start:
                vector[start:end] = 1
    return vector


def _pattern_codes(vectors):
    """Each character's pattern of codes as one integer, one bit per coder (bit i: coder i codes it)."""
    import numpy as np

    code = np.zeros(len(vectors[0]), dtype=np.int64)
    for bit, vector in enumerate(vectors):
        code |= vector.astype(np.int64) << bit
    return code


def _pattern_counts(vectors) -> dict[tuple[int, ...], int]:
    """How many characters show each pattern of codes (one bit per coder)."""
    import numpy as np

    if not len(vectors[0]):
        return {}
    counts = np.bincount(_pattern_codes(vectors), minlength=1 << len(vectors))
    return {tuple((value >> bit) & 1 for bit in range(len(vectors))): int(n)
            for value, n in enumerate(counts) if n}


def percent_agreement(counts: dict[tuple[int, ...], int]) -> float | None:
    """Mean over coder pairs of the share of units the pair codes alike."""
    units = sum(counts.values())
    if not units:
        return None
    coders = len(next(iter(counts)))
    pairs = list(combinations(range(coders), 2))
    agree = sum(n for pattern, n in counts.items() for i, j in pairs if pattern[i] == pattern[j])
    return agree / (units * len(pairs))


def cohens_kappa(counts: dict[tuple[int, ...], int]) -> float | None:
    """Cohen's kappa for two coders on binary units: (p_o - p_e) / (1 - p_e); None if p_e = 1."""
    units = sum(counts.values())
    if not units or len(next(iter(counts))) != 2:
        return None
    observed = sum(n for (a, b), n in counts.items() if a == b) / units
    first = sum(n for (a, _b), n in counts.items() if a) / units
    second = sum(n for (_a, b), n in counts.items() if b) / units
    expected = first * second + (1 - first) * (1 - second)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(counts: dict[tuple[int, ...], int]) -> float | None:
    """Krippendorff's alpha (nominal) from the `krippendorff` package; None when undefined.

    Units with the same pattern are identical for alpha, so each distinct pattern becomes one
    row of value counts repeated as often as it occurs (numpy keeps this cheap).
    """
    import numpy as np
    import krippendorff

    if not counts:
        return None
    rows = np.array([[len(p) - sum(p), sum(p)] for p in counts], dtype=float)
    weights = np.array(list(counts.values()))
    value_counts = np.repeat(rows, weights, axis=0)
    totals = value_counts.sum(axis=0)
    if (totals > 0).sum() < 2:  # only one value anywhere: no variation, alpha undefined
        return None
    return float(krippendorff.alpha(value_counts=value_counts, level_of_measurement="nominal"))


def _segments(codings: list[Coding], coders: list[str], tag: str, threshold: float) -> dict[str, tuple[int, int]]:
    """Per coder: (passages matched by every other coder, passages), a passage being matched when
    another coder's passage with the same tag in the same document covers ≥ `threshold` of it."""
    by_coder = {coder: [c for c in codings if c.tag == tag and c.coder == coder] for coder in coders}
    result = {}
    for coder in coders:
        mine = by_coder[coder]
        matched = 0
        for c in mine:
            length = c.end - c.start
            if length <= 0:
                continue
            if all(any(o.doc_id == c.doc_id and (min(c.end, o.end) - max(c.start, o.start)) / length >= threshold
                       for o in by_coder[other]) for other in coders if other != coder):
                matched += 1
        result[coder] = (matched, len(mine))
    return result


def agreement(codings: list[Coding], doc_lengths: dict[int, int], coders: list[str],
              tags: list[str] | None = None, segment_threshold: float = 0.5) -> list[TagAgreement]:
    """Agreement per tag, then "overall" (all tags pooled), between `coders` on the given documents.

    `tags` defaults to every tag any of the coders used; a tag nobody used is still reported
    (full agreement, kappa and alpha undefined) when asked for explicitly.
    """
    if len(coders) < 2:
        raise ValueError("agreement needs at least two coders")
    if len(set(coders)) != len(coders):
        raise ValueError("each coder may be named once")
    codings = [c for c in codings if c.coder in coders and c.doc_id in doc_lengths]
    if tags is None:
        tags = sorted({c.tag for c in codings})
    results = []
    pooled: dict[tuple[int, ...], int] = {}
    pooled_coded = {coder: 0 for coder in coders}
    pooled_segments = {coder: [0, 0] for coder in coders}
    for tag in tags:
        vectors = [coverage(codings, doc_lengths, tag, coder) for coder in coders]
        counts = _pattern_counts(vectors)
        coded = {coder: int(vectors[i].sum()) for i, coder in enumerate(coders)}
        segments = _segments(codings, coders, tag, segment_threshold)
        results.append(TagAgreement(tag, sum(counts.values()), coded, percent_agreement(counts),
                                    cohens_kappa(counts) if len(coders) == 2 else None,
                                    krippendorff_alpha(counts), segments))
        for pattern, n in counts.items():
            pooled[pattern] = pooled.get(pattern, 0) + n
        for coder in coders:
            pooled_coded[coder] += coded[coder]
            pooled_segments[coder][0] += segments[coder][0]
            pooled_segments[coder][1] += segments[coder][1]
    results.append(TagAgreement("overall", sum(pooled.values()), pooled_coded, percent_agreement(pooled),
                                cohens_kappa(pooled) if len(coders) == 2 else None, krippendorff_alpha(pooled),
                                {coder: (m, t) for coder, (m, t) in pooled_segments.items()}))
    return results


def disagreements(codings: list[Coding], doc_lengths: dict[int, int], coders: list[str],
                  tags: list[str] | None = None) -> list[Disagreement]:
    """Every maximal run of characters where the coders differ on a tag, in document order."""
    import numpy as np

    codings = [c for c in codings if c.coder in coders and c.doc_id in doc_lengths]
    if tags is None:
        tags = sorted({c.tag for c in codings})
    found = []
    for tag in tags:
        vectors = [coverage(codings, doc_lengths, tag, coder) for coder in coders]
        if not vectors or not len(vectors[0]):
            continue
        code = _pattern_codes(vectors)
        offset = 0
        for doc_id, length in doc_lengths.items():
            part = code[offset:offset + length]
            offset += length
            if not length:
                continue
            # run boundaries: where the pattern changes
            edges = np.flatnonzero(np.diff(part)) + 1
            starts = np.concatenate(([0], edges))
            ends = np.concatenate((edges, [length]))
            full = (1 << len(coders)) - 1
            for start, end in zip(starts.tolist(), ends.tolist()):
                value = int(part[start])
                if 0 < value < full:
                    pattern = tuple((value >> bit) & 1 for bit in range(len(coders)))
                    found.append(_disagreement(doc_id, start, end, tag, coders, pattern))
    found.sort(key=lambda d: (d.doc_id, d.start, d.tag))
    return found


def _disagreement(doc_id, start, end, tag, coders, pattern) -> Disagreement:
    return Disagreement(doc_id, start, end, tag,
                        tuple(c for c, bit in zip(coders, pattern) if bit),
                        tuple(c for c, bit in zip(coders, pattern) if not bit))
