"""The cyclic collector while documents are analysed: off automatically, run on the GUI thread only
(young generations between batches, one full collection at the end), what outlives an analysis
frozen with the model. A collection on the analysis thread could finalise the window's Qt objects
off their thread; automatic full collections paused the window 80-140 ms."""

import gc
import threading
import weakref

from annotext.gui.analysis_jobs import GuiThreadCollection


class Node:
    pass


def test_collection_runs_on_the_gui_thread_while_windows_are_open(qtbot):
    collection, first, second = GuiThreadCollection(), object(), object()
    threshold = gc.get_threshold()
    collection.hold(first)
    collection.hold(second)  # a second window
    assert gc.get_threshold()[0] == 0  # no automatic collection, on any thread
    gc.enable()  # what loading a spaCy model does (msgpack): still no automatic collection
    assert gc.get_threshold()[0] == 0
    cycle = Node()
    cycle.itself = cycle
    gone = weakref.ref(cycle)
    del cycle
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)  # the GUI thread's timer reclaimed it
    collection.release(first)
    assert gc.get_threshold()[0] == 0  # the other window is still open
    collection.release(second)
    collection.release(second)  # a second release changes nothing
    assert gc.get_threshold() == threshold


def test_what_outlives_an_analysis_is_frozen_and_its_cycles_reclaimed(qtbot):
    collection, holder = GuiThreadCollection(), object()
    collection.hold(holder)
    frozen = gc.get_freeze_count()
    collection.started(holder)
    cycle = Node()
    cycle.itself = cycle
    gone = weakref.ref(cycle)
    del cycle
    collection.collect_young()
    assert gone() is None  # a batch's cycles are reclaimed between batches
    kept = Node()
    collection.ended(holder)
    assert gc.get_freeze_count() > frozen and all(o is not kept for o in gc.get_objects())  # frozen
    collection.release(holder)


def test_no_collection_runs_on_the_analysis_thread(make_window, open_sample):
    threads = set()

    def note(phase, _info):
        if phase == "start":
            threads.add(threading.get_ident())

    gc.callbacks.append(note)
    try:
        window = make_window()
        open_sample(window)
    finally:
        gc.callbacks.remove(note)
    assert threads == {threading.get_ident()}  # the GUI thread collected; the analysis thread never did
