"""Running the per-article analysis: in this process, in a pool of worker processes, or on Dask (dask_engine).

The unit of work is a chunk of articles. A worker parses it with ``nlp.pipe`` (model cached per process),
runs every stage and returns the rows as validated Arrow tables, which pickle compactly and are spilled to
Parquet parts by the caller. Chunks are consumed lazily, with a bounded number in flight, so memory does not
grow with the corpus; results come back in input order.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyarrow as pa

from .analyse_tables import DERIVED_TABLES
from .article import Article
from .article_rows import article_row
from .memory import heap_for_analysis

CHUNK_SIZE = 64  # articles per task: large enough for nlp.pipe batching, small enough to balance workers
CHUNK_CHARS = 250_000  # and at most this much text per task (but at least one article): spaCy's peak memory
BATCH_SIZE = 64  # nlp.pipe batch size
YOUNG_COLLECTION_EVERY = 50_000  # allocations between the collector's young passes while a chunk is analysed


@dataclass
class ChunkResult:
    """What one chunk produced: rows per table, the articles that failed, and where the time went."""

    tables: dict[str, pa.Table]
    failures: list[tuple[str, int | None, str, str]]  # source_path, record, article_id, message
    analysed: int = 0
    n_words: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@contextmanager
def _long_lived_heap() -> Iterator[None]:
    """Keep the garbage collector from walking the model and the gazetteer again and again.

    Analysing allocates millions of short-lived objects; with the default threshold (700) the collector runs a
    young pass every few hundred and a full pass, over every long-lived object, every few chunks. Here young
    passes run every ``YOUNG_COLLECTION_EVERY`` allocations, and after the process's first chunk what it has
    loaded is frozen (``gc.freeze``: never collected, never walked again). The thresholds are restored after.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(max(YOUNG_COLLECTION_EVERY, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not gc.get_freeze_count():
            gc.freeze()


def analyse_chunk(articles: Sequence[Article], model: str | None, version: str,
                  batch_size: int = BATCH_SIZE, stage_timings: bool = False) -> ChunkResult:
    """Analyse a chunk of articles into Arrow tables; the model is loaded once per process.

    Picklable, so the same function runs in a process pool and on Dask workers. With ``stage_timings`` the
    seconds of each stage of ``analyse_doc`` are reported too, as ``stage:<name>`` in ``seconds``.
    """
    with _long_lived_heap():
        return _analyse_chunk(articles, model, version, batch_size, stage_timings)


def _analyse_chunk(articles: Sequence[Article], model: str | None, version: str, batch_size: int,
                   stage_timings: bool) -> ChunkResult:
    from .analyse import analyse_doc  # spaCy is imported only when there is work to do
    from .nlp import load_nlp
    from .parse import parse_articles
    from .staging import rows_to_arrow

    nlp = load_nlp(model)
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *DERIVED_TABLES)}
    failures: list[tuple[str, int | None, str, str]] = []
    spacy_seconds = stage_seconds = 0.0
    n_words = 0
    per_stage: dict[str, float] | None = {} if stage_timings else None
    parsed = parse_articles(articles, nlp, batch_size=batch_size)
    while True:
        started = time.perf_counter()
        item = next(parsed, None)
        middle = time.perf_counter()
        spacy_seconds += middle - started
        if item is None:
            break
        article, doc = item
        try:
            if isinstance(doc, Exception):
                raise doc
            derived = analyse_doc(article, doc, per_stage)
        except Exception as exc:  # one bad article must not cost the run; reported as an error row
            failures.append((article.source_path, article.record, article.article_id,
                             f"{exc.__class__.__name__}: {exc}"))
            continue
        finally:
            stage_seconds += time.perf_counter() - middle
        rows["articles"].append(article_row(article, version, len(derived["paragraphs"])))
        n_words += rows["articles"][-1]["n_words"]
        for name in DERIVED_TABLES:
            rows[name].extend(derived[name])
    started = time.perf_counter()
    tables = {name: rows_to_arrow(name, table_rows) for name, table_rows in rows.items() if table_rows}
    seconds = {"spacy": spacy_seconds, "stages": stage_seconds, "tables": time.perf_counter() - started}
    seconds.update({f"stage:{name}": value for name, value in (per_stage or {}).items()})
    return ChunkResult(tables, failures, analysed=len(rows["articles"]), n_words=n_words, seconds=seconds)


def chunked(articles: Iterable[Article], size: int = CHUNK_SIZE, chars: int = CHUNK_CHARS
            ) -> Iterator[list[Article]]:
    """Consecutive chunks of at most ``size`` articles and ``chars`` characters, drawn lazily from ``articles``.

    The character bound keeps a batch of long articles from raising spaCy's peak memory; the chunks depend only
    on the input order, never on the engine.
    """
    chunk: list[Article] = []
    length = 0
    for article in articles:
        if chunk and (len(chunk) >= size or length + len(article.text) > chars):
            yield chunk
            chunk, length = [], 0
        chunk.append(article)
        length += len(article.text)
    if chunk:
        yield chunk


def _one_blas_thread() -> None:
    """Pool initializer: one BLAS thread per worker process, as Dask's nanny does, so workers do not oversubscribe."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: without it BLAS keeps its default
        return
    threadpool_limits(1)


def analyse_local(articles: Iterable[Article], model: str | None, version: str, workers: int = 1,
                  chunk_size: int = CHUNK_SIZE, stage_timings: bool = False) -> Iterator[ChunkResult]:
    """Yield a :class:`ChunkResult` per chunk, in input order; ``workers`` > 1 uses a process pool."""
    chunks = chunked(articles, chunk_size)
    if workers <= 1:
        with heap_for_analysis():  # this process parses: spaCy's arrays of several MB stay in the heap
            for chunk in chunks:
                yield analyse_chunk(chunk, model, version, stage_timings=stage_timings)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_one_blas_thread) as pool:
        in_flight: deque[Future[ChunkResult]] = deque()
        for chunk in chunks:
            in_flight.append(pool.submit(analyse_chunk, chunk, model, version, BATCH_SIZE, stage_timings))
            if len(in_flight) >= 2 * workers:  # bounded: the input is read only as fast as it is analysed
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
