"""Sentiment scores of a piece of text: TextBlob polarity and subjectivity, and VADER compound."""

from __future__ import annotations

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


def score_sentiment(text: str) -> Sentiment:
    """TextBlob's pattern-lexicon scores (no NLTK corpora needed) and VADER's compound score."""
    pattern, vader = _analysers()
    blob = pattern.analyze(text)
    return Sentiment(float(blob.polarity), float(blob.subjectivity), float(vader.polarity_scores(text)["compound"]))
