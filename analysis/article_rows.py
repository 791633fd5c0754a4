"""The ``articles``-table row of an article (used by workers, so it imports nothing heavy)."""

from __future__ import annotations

import pandas as pd
from dateutil import parser as date_parser

from .article import Article
from .sentiment import score_document


def parse_published(raw: str | None) -> pd.Timestamp | None:
    """The publication time in UTC, or None when absent or unreadable."""
    if not raw:
        return None
    try:
        parsed = date_parser.parse(raw)
    except (ValueError, OverflowError):
        return None
    stamp = pd.Timestamp(parsed)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def article_row(article: Article, version: str, n_paragraphs: int) -> dict:
    """The articles-table row of one article, with the whole text's sentiment scores."""
    scores = score_document(article.text)
    return {
        "article_id": article.article_id,
        "source_path": article.source_path,
        "record": article.record,
        "source_format": article.source_format,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": parse_published(article.published),
        "published_raw": article.published,
        "url": article.url,
        "text": article.text,
        "n_words": article.n_words,
        "n_paragraphs": n_paragraphs,
        "polarity": scores.polarity,
        "subjectivity": scores.subjectivity,
        "vader": scores.vader,
        "content_hash": article.content_hash,
        "pipeline_version": version,
    }
