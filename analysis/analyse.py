"""Per-article analysis: from an Article and its spaCy Doc to rows of every derived table.

Each function here is pure, so the same code runs in one process, in a pool, or on Dask workers.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .analyse_tables import TableRows
from .article import Article
from .claims import claim_rows
from .entities import entity_rows
from .outlet import outlet_country, outlet_localities
from .paragraphs import paragraph_rows
from .parse import parse_articles, share_text
from .places import location_rows
from .quotes import quote_rows
from .segment import segment_paragraphs
from .sentences import sentence_rows
from .speakers import source_rows
from .target_sentiment import person_sentiment_rows


def analyse_doc(article: Article, doc: Doc, timings: dict[str, float] | None = None) -> TableRows:
    """Rows of the derived tables for one article, from its parsed Doc.

    With ``timings``, the seconds spent in each stage are added to it (for the benchmarks).
    """
    clock = _StageClock(timings)
    article_id, text = article.article_id, article.text
    share_text(doc, text)  # the stages read the text through parse.doc_text: no Doc.text join per stage
    with clock("segment"):
        paragraphs = segment_paragraphs(text)
    with clock("sentiment"):
        sentences = sentence_rows(article_id, doc, paragraphs)
    with clock("entities"):
        entities = entity_rows(article_id, doc, paragraphs, [s["start"] for s in sentences])
    with clock("sentiment"):
        entities = person_sentiment_rows(entities, sentences)
    with clock("quotes"):
        quotes = quote_rows(article_id, doc, paragraphs)
        sources = source_rows(article_id, quotes)
    with clock("locations"):
        locations = location_rows(article_id, doc, paragraphs, outlet_country(article.url),
                                  outlet_localities(article.url))
    with clock("claims"):
        claims = claim_rows(article_id, doc, paragraphs, quotes)
    return {
        "paragraphs": paragraph_rows(article_id, text, paragraphs),
        "sentences": sentences,
        "entities": entities,
        "quotes": quotes,
        "sources": sources,
        "locations": locations,
        "claims": claims,
    }


class _StageClock:
    """Adds the time spent in a ``with clock(stage):`` block to ``timings[stage]``; free when ``timings`` is None."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.stage = ""
        self.started = 0.0

    def __call__(self, stage: str) -> _StageClock:
        self.stage = stage
        return self

    def __enter__(self) -> None:
        if self.timings is not None:
            self.started = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        if self.timings is not None:
            self.timings[self.stage] = self.timings.get(self.stage, 0.0) + time.perf_counter() - self.started


def analyse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 32
                     ) -> Iterator[tuple[Article, TableRows | Exception]]:
    """Parse articles in batches and yield each with its rows, or the exception it raised."""
    for article, doc in parse_articles(articles, nlp, batch_size=batch_size):
        if isinstance(doc, Exception):
            yield article, doc
            continue
        try:
            yield article, analyse_doc(article, doc)
        except Exception as exc:  # one bad article must not cost the run; reported as an error row
            yield article, exc
