"""Showing an analysis in stages: one step per event-loop turn, a step's deferred work waited for."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from annotext.gui.staged import run_in_turns


class Painter(QObject):
    done = Signal()


def test_steps_run_one_turn_each_and_wait_for_the_work_a_step_leaves(qtbot):
    painter, log = Painter(), []
    steps = [lambda: log.append("spans") or painter.done, lambda: log.append("people"),
             lambda: log.append("quotes"), lambda: log.append("applied")]
    run_in_turns(steps, lambda: True)
    assert log == ["spans"]  # the first step at once, the rest later
    for _ in range(5):
        QApplication.processEvents()
    assert log == ["spans"]  # still painting: the panels wait
    painter.done.emit()
    QApplication.processEvents()
    assert log == ["spans", "people"]  # one step per turn
    qtbot.waitUntil(lambda: log[-1] == "applied", timeout=1000)
    assert log == ["spans", "people", "quotes", "applied"]
    painter.done.emit()  # the wait is over: a later painting does not run anything again
    QApplication.processEvents()
    assert len(log) == 4


def test_steps_stop_when_another_result_replaces_the_one_shown(qtbot):
    log, wanted = [], [True]
    run_in_turns([lambda: log.append(1), lambda: log.append(2), lambda: log.append(3)], lambda: wanted[0])
    QApplication.processEvents()
    wanted[0] = False
    for _ in range(5):
        QApplication.processEvents()
    assert log == [1, 2]
