"""Agreement figures checked against hand computations and an independent implementation of
Krippendorff's alpha (coincidence matrix, written here from Krippendorff 2011, "Computing
Krippendorff's Alpha-Reliability"), never against the module's own output."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from annotext.core.agreement import Coding, agreement, cohens_kappa, disagreements, krippendorff_alpha


def reference_alpha(units: list[list[int | None]]) -> float:
    """Nominal alpha by the book: pairable values per unit, coincidences o_ck, then 1 - D_o/D_e."""
    coincidences: Counter = Counter()
    for values in units:
        present = [v for v in values if v is not None]
        m = len(present)
        if m < 2:
            continue
        for i, c in enumerate(present):
            for j, k in enumerate(present):
                if i != j:
                    coincidences[(c, k)] += 1 / (m - 1)
    n_c: Counter = Counter()
    for (c, _k), weight in coincidences.items():
        n_c[c] += weight
    n = sum(n_c.values())
    observed = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n - 1)
    return 1 - observed / expected


def by_hand(counts_a: list[int], counts_b: list[int]) -> tuple[float, float]:
    """(percent, kappa) for two coders' 0/1 vectors."""
    n = len(counts_a)
    observed = sum(a == b for a, b in zip(counts_a, counts_b)) / n
    pa, pb = sum(counts_a) / n, sum(counts_b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return observed, (observed - expected) / (1 - expected)


def test_partial_overlap_matches_hand_computation():
    codings = [Coding(1, 0, 10, "A", "ann"), Coding(1, 5, 15, "A", "bob")]
    [tag, overall] = agreement(codings, {1: 40}, ["ann", "bob"])
    a = [1] * 10 + [0] * 30
    b = [0] * 5 + [1] * 10 + [0] * 25
    percent, kappa = by_hand(a, b)
    assert tag.percent == pytest.approx(0.75) == pytest.approx(percent)
    assert tag.kappa == pytest.approx(1 / 3) == pytest.approx(kappa)
    # Hand: o11 = 10, o00 = 50, o01 = o10 = 10; D_o = 20/80, D_e = 2*60*20/(80*79): alpha = 41/120
    assert tag.alpha == pytest.approx(41 / 120)
    assert tag.alpha == pytest.approx(reference_alpha([[x, y] for x, y in zip(a, b)]))
    assert tag.coded == {"ann": 10, "bob": 10}
    assert overall.units == 40 and overall.alpha == pytest.approx(tag.alpha)


def test_perfect_agreement():
    codings = [Coding(1, 3, 9, "A", "ann"), Coding(1, 3, 9, "A", "bob")]
    [tag, _overall] = agreement(codings, {1: 20}, ["ann", "bob"])
    assert tag.percent == 1.0 and tag.kappa == pytest.approx(1.0) and tag.alpha == pytest.approx(1.0)
    assert tag.segments == {"ann": (1, 1), "bob": (1, 1)}
    assert disagreements(codings, {1: 20}, ["ann", "bob"]) == []


def test_no_overlap_is_worse_than_chance():
    codings = [Coding(1, 0, 10, "A", "ann"), Coding(1, 10, 20, "A", "bob")]
    [tag, _overall] = agreement(codings, {1: 40}, ["ann", "bob"])
    a = [1] * 10 + [0] * 30
    b = [0] * 10 + [1] * 10 + [0] * 20
    percent, kappa = by_hand(a, b)
    assert tag.percent == pytest.approx(percent) == pytest.approx(0.5)
    assert tag.kappa == pytest.approx(kappa) and tag.kappa < 0
    assert tag.alpha == pytest.approx(reference_alpha([[x, y] for x, y in zip(a, b)])) and tag.alpha < 0
    assert tag.segments == {"ann": (0, 1), "bob": (0, 1)}


def test_one_coder_silent_gives_kappa_zero():
    codings = [Coding(1, 0, 10, "A", "ann")]
    [tag, _overall] = agreement(codings, {1: 40}, ["ann", "bob"])
    assert tag.percent == pytest.approx(0.75)
    assert tag.kappa == pytest.approx(0.0)
    assert tag.alpha == pytest.approx(reference_alpha([[1, 0]] * 10 + [[0, 0]] * 30))
    assert tag.coded == {"ann": 10, "bob": 0}
    assert tag.segments == {"ann": (0, 1), "bob": (0, 0)}


def test_nobody_coded_a_requested_tag_is_undefined_not_perfect():
    [tag, _overall] = agreement([], {1: 40}, ["ann", "bob"], tags=["A"])
    assert tag.percent == 1.0 and tag.kappa is None and tag.alpha is None


def test_overlapping_passages_of_one_coder_count_once():
    single = [Coding(1, 0, 20, "A", "ann"), Coding(1, 0, 20, "A", "bob")]
    split = [Coding(1, 0, 15, "A", "ann"), Coding(1, 5, 20, "A", "ann"), Coding(1, 0, 20, "A", "bob")]
    assert agreement(split, {1: 50}, ["ann", "bob"])[0].alpha == pytest.approx(
        agreement(single, {1: 50}, ["ann", "bob"])[0].alpha)
    assert agreement(split, {1: 50}, ["ann", "bob"])[0].coded["ann"] == 20


def test_three_coders_against_the_reference_on_random_codings():
    rng = random.Random(7)
    coders = ["ann", "bob", "cy"]
    lengths = {1: 300, 2: 180}
    codings = []
    for coder in coders:
        for _ in range(12):
            doc = rng.choice([1, 2])
            start = rng.randrange(lengths[doc] - 1)
            codings.append(Coding(doc, start, min(lengths[doc], start + rng.randrange(1, 40)),
                                  rng.choice(["A", "B"]), coder))
    results = {r.tag: r for r in agreement(codings, lengths, coders)}
    for tag in ["A", "B"]:
        units = []
        for doc, length in lengths.items():
            for position in range(length):
                units.append([int(any(c.doc_id == doc and c.tag == tag and c.coder == coder
                                      and c.start <= position < c.end for c in codings)) for coder in coders])
        assert results[tag].alpha == pytest.approx(reference_alpha(units))
        pairs = [(0, 1), (0, 2), (1, 2)]
        expected_percent = sum(u[i] == u[j] for u in units for i, j in pairs) / (len(units) * 3)
        assert results[tag].percent == pytest.approx(expected_percent)
        assert results[tag].kappa is None  # Cohen's kappa is for two coders
    pooled = [[int(any(c.doc_id == doc and c.tag == tag and c.coder == coder and c.start <= p < c.end
                       for c in codings)) for coder in coders]
              for tag in ["A", "B"] for doc, length in lengths.items() for p in range(length)]
    assert results["overall"].alpha == pytest.approx(reference_alpha(pooled))


def test_segment_threshold():
    codings = [Coding(1, 0, 10, "A", "ann"), Coding(1, 6, 30, "A", "bob")]
    strict = agreement(codings, {1: 40}, ["ann", "bob"], segment_threshold=0.5)[0]
    loose = agreement(codings, {1: 40}, ["ann", "bob"], segment_threshold=0.3)[0]
    assert strict.segments == {"ann": (0, 1), "bob": (0, 1)}  # 4/10 and 4/24 covered
    assert loose.segments == {"ann": (1, 1), "bob": (0, 1)}


def test_disagreement_runs():
    codings = [Coding(1, 0, 10, "A", "ann"), Coding(1, 5, 15, "A", "bob"), Coding(2, 2, 4, "B", "bob")]
    found = disagreements(codings, {1: 40, 2: 10}, ["ann", "bob"])
    assert [(d.doc_id, d.start, d.end, d.tag, d.coded_by) for d in found] == [
        (1, 0, 5, "A", ("ann",)), (1, 10, 15, "A", ("bob",)), (2, 2, 4, "B", ("bob",))]


def test_kappa_and_alpha_undefined_without_variation():
    assert cohens_kappa({(0, 0): 10}) is None
    assert krippendorff_alpha({(1, 1): 10}) is None


def test_coders_are_checked():
    with pytest.raises(ValueError):
        agreement([], {1: 10}, ["ann"])
    with pytest.raises(ValueError):
        agreement([], {1: 10}, ["ann", "ann"])
