"""The one job runner: handles with progress and cancel, signals of superseded jobs dropped, and the
window's busy state owned by the analysis it shows (open A, then B while A is still analysing)."""

from __future__ import annotations

import threading
import time

import pytest

from annotext.gui.jobs import JobRunner


@pytest.fixture
def runner(qtbot):
    made = JobRunner("test-jobs")
    yield made
    made.shutdown()


def test_a_job_reports_progress_then_its_result(qtbot, runner):
    def work(job):
        for step in range(3):
            job.report((step + 1, 3))
        return "done"

    seen = []
    job = runner.submit(work, progressed=seen.append)
    with qtbot.waitSignal(job.finished, timeout=5_000) as blocker:
        pass
    assert blocker.args == ["done"] and seen == [(1, 3), (2, 3), (3, 3)] and job.progress == (3, 3)
    assert runner.running() == []


def test_failures_are_one_line_and_later_jobs_still_run(qtbot, runner):
    from annotext.importers.errors import ImportFailed

    heard = []
    runner.submit(lambda job: 1 / 0, name="Counting", failed=heard.append)
    runner.submit(lambda job: (_ for _ in ()).throw(ImportFailed("a.txt", "not text")), failed=heard.append)
    runner.submit(lambda job: 42, finished=heard.append)
    qtbot.waitUntil(lambda: len(heard) == 3, timeout=5_000)
    assert heard == ["Counting failed: division by zero",
                     "a.txt: not text",  # an AnnotextError is shown as it is
                     42]


def test_cancel_stops_the_work_and_ends_with_cancelled(qtbot, runner):
    started = threading.Event()

    def work(job):
        started.set()
        while not job.is_cancelled():
            time.sleep(0.005)
        raise RuntimeError("stopped")  # whatever the work raises once cancelled

    job = runner.submit(work)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5_000):
        job.cancel()


def test_a_superseded_job_emits_nothing_more(qtbot, runner):
    release = threading.Event()

    def slow(job):
        while not release.is_set():
            if job.is_cancelled():
                raise RuntimeError("cancelled")
            time.sleep(0.005)
        return "first"

    heard = []
    first = runner.submit(slow, cancelled=lambda: heard.append("first cancelled"),
                          finished=lambda r: heard.append(r), failed=heard.append)
    second = runner.submit(lambda job: "second", supersede=True)
    assert first.is_cancelled() and runner.running() == [second]
    with qtbot.waitSignal(second.finished, timeout=5_000):
        pass
    qtbot.wait(50)
    assert heard == []


def test_work_on_this_thread_gets_the_same_signals(qtbot, runner):
    seen = []
    job = runner.submit(lambda job: threading.current_thread() is threading.main_thread(), on_this_thread=True,
                        finished=seen.append)
    assert seen == [True] and job.progress is None


def test_opening_b_while_a_is_analysed_keeps_stop_for_b(qtbot, make_window, tmp_path):
    """A's cancellation (it was superseded by B) must not hide Stop or the progress while B runs."""
    window = make_window(model_name="none")
    store = []
    for name, body in (("a.txt", "Story A\nAlpha said: “We agree.”\n"), ("b.txt", "Story B\nBeta said: “No.”\n")):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        store.append(window.library.import_file(path))
    first, second = store
    gate = threading.Event()
    real = window.runner._analyse

    def held(text, job, *rest):  # an analysis that runs until the test lets it go (or it is cancelled)
        while not gate.is_set():
            if job.is_cancelled():
                from annotext.analysis.analyser import AnalysisCancelled

                raise AnalysisCancelled()
            time.sleep(0.005)
        return real(text, job, *rest)

    window.runner._analyse = held
    window.open_document(first)
    job_a = window.analysis_job
    assert window.cancel_button.isVisible()
    window.open_document(second)
    job_b = window.analysis_job
    assert job_a.is_cancelled() and not job_b.is_cancelled() and job_b is not job_a
    qtbot.wait(300)  # A's worker has seen the cancel and reported it by now
    assert window.cancel_button.isVisible() and window.progress.isVisible()
    assert window.analysis_job is job_b
    with qtbot.waitSignal(window.analysisApplied, timeout=60_000) as applied:
        gate.set()
    assert applied.args == [second]
    assert not window.cancel_button.isVisible() and window.analysis_job is None
    assert window.library.stored_result(window.library.document(first)) is None
    assert window.library.stored_result(window.library.document(second)) is not None


def test_stop_hides_the_button_only_for_the_analysis_it_stops(qtbot, make_window, tmp_path):
    window = make_window(model_name="none")
    path = tmp_path / "a.txt"
    path.write_text("Story A\nAlpha said: “We agree.”\n", encoding="utf-8")
    doc = window.library.import_file(path)
    window.runner._analyse = lambda text, job, *rest: [time.sleep(0.005) for _ in iter(job.is_cancelled, True)] and None
    window.open_document(doc)
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.analysis_job.cancelled, timeout=5_000):
        window.cancel_analysis()
    assert not window.cancel_button.isVisible() and "stopped" in window.status_label.text()


def test_nothing_a_job_reported_reaches_the_window_after_the_runner_shut_down(qtbot):
    runner = JobRunner("test-shutdown")
    heard, started = [], threading.Event()

    def work(job):
        started.set()
        time.sleep(0.05)
        job.report("almost")
        return "done"

    runner.submit(work, progressed=heard.append, finished=heard.append)
    assert started.wait(5)
    runner.shutdown()  # the window closes while the job ends: its signals are still queued here
    qtbot.wait(100)
    assert heard == []
