"""Running the per-article analysis in this process or in a pool of worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from .article import Article

if TYPE_CHECKING:
    pass

Outcome = "TableRows | str"  # the rows, or the message of the error the article raised


def analyse_chunk(articles: Sequence[Article], model: str | None, batch_size: int = 32) -> list[tuple[str, Outcome]]:
    """Analyse a chunk of articles; the model is loaded once per process. Picklable for pools and Dask."""
    from .analyse import analyse_articles  # spaCy is imported only when there is work to do
    from .nlp import load_nlp

    nlp = load_nlp(model)
    return [
        (article.article_id, rows if not isinstance(rows, Exception) else f"{rows.__class__.__name__}: {rows}")
        for article, rows in analyse_articles(articles, nlp, batch_size=batch_size)
    ]


def _chunks(articles: Sequence[Article], size: int) -> Iterator[Sequence[Article]]:
    for start in range(0, len(articles), size):
        yield articles[start:start + size]


def analyse_local(articles: Sequence[Article], model: str | None, workers: int = 1, chunk_size: int = 64
                  ) -> Iterator[tuple[str, Outcome]]:
    """Yield ``(article_id, rows or error message)`` for every article, in input order."""
    if workers <= 1 or len(articles) <= chunk_size:
        for chunk in _chunks(articles, chunk_size):
            yield from analyse_chunk(chunk, model)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(analyse_chunk, chunk, model) for chunk in _chunks(articles, chunk_size)]
        for future in futures:
            yield from future.result()
