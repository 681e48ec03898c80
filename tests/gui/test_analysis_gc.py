"""The cyclic collector while a document is analysed: young generations only, between batches, and
what outlives the analysis frozen with the model (full collections paused the window 80-140 ms)."""

import gc
import weakref

import pytest

from annotext.gui.analysis_jobs import young_collections_only


class Node:
    pass


def test_only_young_collections_run_during_an_analysis_and_its_survivors_are_frozen():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with young_collections_only() as collect:
        assert not gc.isenabled()  # no automatic (possibly full) collection meanwhile
        cycle = Node()
        cycle.itself = cycle
        gone = weakref.ref(cycle)
        del cycle
        collect()
        assert gone() is None  # a batch's cycles are still reclaimed between batches
        kept = Node()
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen and all(o is not kept for o in gc.get_objects())  # frozen
    assert isinstance(kept, Node)


def test_the_collector_is_back_when_an_analysis_fails():
    with pytest.raises(RuntimeError), young_collections_only():
        raise RuntimeError("model failure")
    assert gc.isenabled()
