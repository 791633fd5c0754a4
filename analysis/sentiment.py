"""Sentiment scores of a piece of text: TextBlob polarity and subjectivity, and VADER compound."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Sentiment:
    polarity: float
    subjectivity: float
    vader: float


@lru_cache(maxsize=1)
def _analysers() -> tuple[Any, Any]:
    """TextBlob's pattern analyser (what ``TextBlob(text).sentiment`` uses) and VADER, loaded once per process.

    Imported here, not at module level: TextBlob pulls in NLTK, which costs a second at start-up.
    """
    from textblob.en.sentiments import PatternAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return PatternAnalyzer(), SentimentIntensityAnalyzer()


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_MAX_PIECE_WORDS = 100


def _pieces(text: str) -> list[str]:
    """Sentence-sized pieces of ``text`` (at most ``_MAX_PIECE_WORDS`` words each)."""
    pieces = []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        pieces.extend(" ".join(words[i:i + _MAX_PIECE_WORDS]) for i in range(0, len(words), _MAX_PIECE_WORDS))
    return pieces


def score_document(text: str) -> Sentiment:
    """Scores of a whole article: TextBlob over the text, VADER averaged over its sentences weighted by words.

    VADER is meant for sentences (its compound score saturates on long texts, and its negation check is quadratic
    in the length of what it is given), so a document's score is the word-weighted mean of its sentences'.
    """
    pattern, vader = _analysers()
    blob = pattern.analyze(text)
    pieces = _pieces(text)
    weights = [len(piece.split()) for piece in pieces]
    total = sum(weights)
    compound = (sum(w * vader.polarity_scores(p)["compound"] for p, w in zip(pieces, weights, strict=True)) / total
                if total else 0.0)
    return Sentiment(float(blob.polarity), float(blob.subjectivity), float(compound))


_LONG_TEXT_CHARS = 5_000


def score_sentiment(text: str) -> Sentiment:
    """TextBlob's pattern-lexicon scores (no NLTK corpora needed) and VADER's compound score.

    A text longer than a few paragraphs is scored as a document (see :func:`score_document`).
    """
    if len(text) > _LONG_TEXT_CHARS:
        return score_document(text)
    pattern, vader = _analysers()
    blob = pattern.analyze(text)
    return Sentiment(float(blob.polarity), float(blob.subjectivity), float(vader.polarity_scores(text)["compound"]))
