"""Many texts on every core: a pool of worker processes, each loading the model once.

spaCy's own `n_process` forks a pipeline per call and gives back Docs; Annotext needs its own
per-text assembly (people, quotes, speakers) after the model, so a process pool that runs the whole
`Analyser.analyse` per text is both simpler and faster here. Results come back in input order, as
plain AnalysisResults (no spaCy objects leave the workers). See benchmarks/batch.py for figures.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Hashable, Iterable, Iterator

from annotext.core.results import AnalysisResult

_WORKER_ANALYSER = None  # one per worker process, loaded by _load


def default_jobs() -> int:
    """The number of cores this process may use (respects CPU affinity and cgroup-limited sets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# Each worker is one core's worth of work: its numerical libraries must not start threads of their own,
# or N workers on N cores fight over them (measured: two workers slower than one).
_THREAD_LIMITS = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextmanager
def _one_thread_per_worker():
    """Worker processes started inside inherit one-thread limits (read when numpy loads there);
    this process's own settings are put back afterwards."""
    saved = {key: os.environ.get(key) for key in _THREAD_LIMITS}
    os.environ.update(_THREAD_LIMITS)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _load(model: str | None) -> None:
    global _WORKER_ANALYSER
    from annotext.analysis.analyser import Analyser
    from annotext.analysis.pipeline import ModelUnavailable

    try:
        _WORKER_ANALYSER = Analyser.load(model)
    except ModelUnavailable:
        _WORKER_ANALYSER = Analyser()


def _analyse(text: str) -> AnalysisResult:
    return _WORKER_ANALYSER.analyse(text)


def analyse_texts(items: Iterable[tuple[Hashable, str]], *, model: str | None = None, jobs: int = 1,
                  analyser=None, cancelled: Callable[[], bool] | None = None,
                  window: int | None = None) -> Iterator[tuple[Hashable, AnalysisResult]]:
    """(key, result) for each (key, text), in input order.

    jobs = 1 analyses in this process (with `analyser` if given); more start that many worker
    processes ("forkserver": safe beside threads, such as a GUI's). At most `window` texts are in
    flight, so a corpus of any size streams through bounded memory. `cancelled` is checked between
    texts; on cancel the pool stops and nothing further is yielded.
    """
    if jobs <= 1:
        if analyser is None:
            _load(model)
            analyser = _WORKER_ANALYSER
        for key, text in items:
            if cancelled and cancelled():
                return
            yield key, analyser.analyse(text)
        return
    context = multiprocessing.get_context("forkserver")
    window = window or jobs * 4
    pending: deque[tuple[Hashable, Future]] = deque()
    with _one_thread_per_worker(), \
            ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_load, initargs=(model,)) as pool:
        try:
            for key, text in items:
                if cancelled and cancelled():
                    break
                pending.append((key, pool.submit(_analyse, text)))
                if len(pending) >= window:
                    done_key, future = pending.popleft()
                    yield done_key, future.result()
            while pending and not (cancelled and cancelled()):
                done_key, future = pending.popleft()
                yield done_key, future.result()
        finally:
            for _key, future in pending:
                future.cancel()
