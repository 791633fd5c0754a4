"""Per-article analysis: from an Article and its spaCy Doc to rows of every derived table.

Each function here is pure, so the same code runs in one process, in a pool, or on Dask workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .analyse_tables import TableRows
from .article import Article
from .entities import entity_rows
from .paragraphs import paragraph_rows
from .parse import parse_articles
from .segment import segment_paragraphs
from .sentences import sentence_rows


def analyse_doc(article: Article, doc: Doc) -> TableRows:
    """Rows of the derived tables for one article, from its parsed Doc."""
    article_id = article.article_id
    paragraphs = segment_paragraphs(article.text)
    sentences = sentence_rows(article_id, doc, paragraphs)
    return {
        "paragraphs": paragraph_rows(article_id, article.text, paragraphs),
        "sentences": sentences,
        "entities": entity_rows(article_id, doc, paragraphs, [s["start"] for s in sentences]),
    }


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
