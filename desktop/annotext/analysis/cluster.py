"""The same Qt-free analyser on a Dask cluster, for archives too big for one laptop's afternoon
(`annotext cluster-analyze`, optional extra `annotext[cluster]`; docs/scale.md).

Each worker process loads the model once (a worker plugin), texts travel to the workers (so the
input folder need not be shared), and the results come back in input order as the `analyze
--json` objects that `import --with-analysis` loads. Dask is imported only here, only when used.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

PLUGIN_NAME = "annotext-analyser"


def _analyser_plugin(model: str | None):
    """A dask.distributed WorkerPlugin that loads the model once per worker process (the class is
    built here so that distributed is imported only when a cluster is used)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class AnalyserPlugin(WorkerPlugin):
        name = PLUGIN_NAME
        idempotent = True

        def __init__(self, model_name: str | None):
            self.model_name = model_name

        def setup(self, worker) -> None:
            from annotext.analysis.analyser import Analyser
            from annotext.analysis.pipeline import ModelUnavailable

            try:
                worker.annotext_analyser = Analyser.load(self.model_name)
            except ModelUnavailable:
                worker.annotext_analyser = Analyser()

    return AnalyserPlugin(model)


def _analyse_on_worker(text: str) -> dict:
    from distributed import get_worker

    return get_worker().annotext_analyser.analyse(text).to_json(text)


def cluster_client(scheduler: str, workers: int | None = None):
    """A dask.distributed Client: `local` starts a LocalCluster on this machine (process workers,
    one thread each, no dashboard); anything else is a scheduler address such as tcp://host:8786."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("cluster analysis needs the optional extra: pip install 'annotext[cluster]'") from None
    if scheduler == "local":
        from annotext.analysis.batch import default_jobs

        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        return Client(cluster)
    return Client(scheduler)


def analyse_on_cluster(client, items: Iterable[tuple[str, str]], model: str | None = None,
                       window: int = 256, progress: Callable[[int], None] | None = None) -> Iterator[tuple[str, dict]]:
    """(key, analysis JSON) for each (key, text), in input order, with at most `window` texts in
    flight (bounded memory on both sides for any number of files)."""
    from collections import deque

    client.register_plugin(_analyser_plugin(model))
    pending: deque = deque()
    for key, text in items:
        pending.append((key, client.submit(_analyse_on_worker, text, pure=False)))
        if len(pending) >= window:
            done_key, future = pending.popleft()
            yield done_key, future.result()
            future.release()
            if progress:
                progress(1)
    while pending:
        done_key, future = pending.popleft()
        yield done_key, future.result()
        future.release()
        if progress:
            progress(1)
