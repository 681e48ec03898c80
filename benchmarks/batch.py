"""Corpus throughput with worker processes: articles per second at 1, 2 and N workers, and the
peak memory of each worker (`annotext analyze --jobs N`, the corpus view's "analyse everything").

Usage: python benchmarks/batch.py [--articles 1000] [--workers 1,2,4] [--cluster]
The corpus is generated: paragraphs of the annotated articles in tests/data/quotes recombined with
a fixed seed into news-length articles (about 450 words each), so every run reads the same text.
Prints one line per worker count and the speed-up over one worker. With --cluster, the same articles
also go through `annotext cluster-analyze` on a local Dask cluster (as whole processes, start-up
included), which gives the cost per 1,000 articles quoted in docs/scale.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import random
import threading
import time
from pathlib import Path

from annotext.analysis.batch import analyse_texts, default_jobs

ROOT = Path(__file__).resolve().parents[1]


def corpus(count: int, seed: int = 20261128) -> list[tuple[int, str]]:
    """`count` articles of 8 paragraphs drawn from the annotated test articles."""
    paragraphs = [p.strip() for f in sorted((ROOT / "tests" / "data" / "quotes").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n") if len(p.split()) > 20]
    rng = random.Random(seed)
    return [(i, "Headline Number %d\n\n" % i + "\n\n".join(rng.sample(paragraphs, 8)) + "\n") for i in range(count)]


def _descendants() -> list[int]:
    """Pids of every process below this one (forkserver workers are grandchildren)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    found, frontier = [], [os.getpid()]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def _peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class WorkerMemory(threading.Thread):
    """Samples the peak RSS of every worker process while a run lasts."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peaks: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            for pid in _descendants():
                peak = _peak_rss_mb(pid)
                if peak and peak > 100:  # model-loaded workers, not the forkserver stub
                    self.peaks[pid] = max(peak, self.peaks.get(pid, 0))


def measure(texts: list[tuple[int, str]], workers: int) -> tuple[float, float | None]:
    """(seconds, mean peak RSS per worker in MB) to analyse every text with `workers` processes."""
    memory = WorkerMemory()
    memory.start()
    start = time.perf_counter()
    count = sum(1 for _ in analyse_texts(texts, jobs=workers, window=workers * 8))
    elapsed = time.perf_counter() - start
    memory.done.set()
    memory.join()
    assert count == len(texts)
    if workers == 1:
        peak = _peak_rss_mb(os.getpid())
    else:
        peak = sum(memory.peaks.values()) / len(memory.peaks) if memory.peaks else None
    return elapsed, peak


def measure_cluster(texts: list[tuple[int, str]], workers: int) -> float:
    """Seconds for `annotext cluster-analyze` (local Dask cluster, `workers` processes) on the texts
    written as files, start-up and model loading included."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "articles"
        corpus.mkdir()
        for index, text in texts:
            (corpus / f"{index:05d}.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "annotext", "--db", str(Path(folder) / "unused.sqlite"),
                        "cluster-analyze", str(corpus), str(Path(folder) / "out.jsonl"), "--scheduler", "local",
                        "--workers", str(workers), "--quiet"], check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "desktop")})
        elapsed = time.perf_counter() - start
        lines = (Path(folder) / "out.jsonl").read_text(encoding="utf-8").count("\n")
        assert lines == len(texts), lines
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", default=None, help="comma-separated worker counts (default: 1,2,cores)")
    parser.add_argument("--cluster", action="store_true", help="also time cluster-analyze on a local Dask cluster")
    args = parser.parse_args()
    counts = [int(w) for w in args.workers.split(",")] if args.workers else sorted({1, 2, default_jobs()})
    texts = corpus(args.articles)
    words = sum(len(t.split()) for _i, t in texts)
    print(f"{len(texts)} generated articles, {words} words; {default_jobs()} usable cores")
    baseline = None
    for workers in counts:
        seconds, peak = measure(texts, workers)
        rate = len(texts) / seconds
        baseline = baseline or rate
        memory = f"{peak:.0f} MB peak RSS per worker" if peak else "memory not measured"
        print(f"workers={workers}: {seconds:.1f} s, {rate:.1f} articles/s, {rate / baseline:.2f}x one worker; {memory}")
    if args.cluster:
        workers = max(counts)
        seconds = measure_cluster(texts, workers)
        print(f"cluster-analyze, local Dask cluster of {workers} workers (whole command): {seconds:.1f} s, "
              f"{len(texts) / seconds:.1f} articles/s, {1000 * seconds / len(texts):.0f} s per 1,000 articles "
              f"= {workers * 1000 * seconds / len(texts) / 3600:.2f} worker-hours per 1,000 articles")


if __name__ == "__main__":
    main()
