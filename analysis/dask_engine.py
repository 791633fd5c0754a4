"""The Dask engine: the same per-article chunks as the local engine, run on a Dask distributed cluster.

Without a scheduler address a ``LocalCluster`` of ``workers`` single-threaded processes is started (and stopped
afterwards). Chunks are submitted lazily with a bounded number in flight and collected in input order, so the
client's memory stays flat and the tables equal the local engine's. Workers return validated Arrow tables;
the client spills them into the run's staging folder as Parquet parts partitioned by article-id bucket.
See docs/scaling.md for real clusters.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from .article import Article
from .engine import BATCH_SIZE, CHUNK_SIZE, ChunkResult, analyse_chunk, chunked


def _client(scheduler: str | None, workers: int):  # -> (Client, LocalCluster | None)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("the dask engine needs dask and distributed: pip install 'dask[distributed]'") from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def analyse_dask(articles: Iterable[Article], model: str | None, version: str, *, scheduler: str | None = None,
                 workers: int = 1, chunk_size: int = CHUNK_SIZE, stage_timings: bool = False
                 ) -> Iterator[ChunkResult]:
    """Yield a :class:`ChunkResult` per chunk, in input order, computed on the cluster."""
    client, cluster = _client(scheduler, workers)
    try:
        slots = sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()) or workers
        in_flight = deque()
        for chunk in chunked(articles, chunk_size):
            in_flight.append(client.submit(analyse_chunk, chunk, model, version, BATCH_SIZE, stage_timings,
                                           pure=False))
            if len(in_flight) >= 2 * max(slots, 1):
                yield _collect(in_flight.popleft())
        while in_flight:
            yield _collect(in_flight.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(future) -> ChunkResult:
    result = future.result()
    future.release()
    return result
