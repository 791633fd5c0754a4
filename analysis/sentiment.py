"""Sentiment scores of a piece of text: TextBlob polarity and subjectivity, and VADER compound.

The scores are the libraries' (``textblob`` PatternAnalyzer, ``vaderSentiment``), computed by the faster, exact
equivalents in :mod:`analysis.lexicon_sentiment`, and memoised per process by text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon_sentiment


@dataclass(frozen=True)
class Sentiment:
    polarity: float
    subjectivity: float
    vader: float


_CACHED = 4096  # texts whose scores are kept: an article's sentences and more, whatever the article's length


@lru_cache(maxsize=_CACHED)
def pattern_scores(text: str) -> tuple[float, float]:
    """TextBlob's pattern-lexicon (polarity, subjectivity), as ``TextBlob(text).sentiment``; memoised.

    One sentence is scored for the sentences table, for the features of every person it mentions
    (``target_sentiment``), and often again as a quote, a claim or a piece of its article: each text once per process.
    """
    return lexicon_sentiment.pattern_scores(text)


@lru_cache(maxsize=_CACHED)
def vader_compound(text: str) -> float:
    """VADER's compound score, as ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``; memoised."""
    return lexicon_sentiment.vader_compound(text)


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
    polarity, subjectivity = lexicon_sentiment.pattern_scores(text)  # not memoised: one whole text
    pieces = _pieces(text)
    weights = [len(piece.split()) for piece in pieces]
    total = sum(weights)
    compound = (sum(w * vader_compound(p) for p, w in zip(pieces, weights, strict=True)) / total
                if total else 0.0)
    return Sentiment(float(polarity), float(subjectivity), float(compound))


_LONG_TEXT_CHARS = 5_000


def score_sentiment(text: str) -> Sentiment:
    """TextBlob's pattern-lexicon scores (no NLTK corpora needed) and VADER's compound score.

    A text longer than a few paragraphs is scored as a document (see :func:`score_document`).
    """
    if len(text) > _LONG_TEXT_CHARS:
        return score_document(text)
    polarity, subjectivity = pattern_scores(text)
    return Sentiment(float(polarity), float(subjectivity), float(vader_compound(text)))
