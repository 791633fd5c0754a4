"""Sentiment scores of a piece of text: TextBlob polarity and subjectivity, and VADER compound."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@dataclass(frozen=True)
class Sentiment:
    polarity: float
    subjectivity: float
    vader: float


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def score_sentiment(text: str) -> Sentiment:
    """TextBlob's pattern-lexicon scores (no NLTK corpora needed) and VADER's compound score."""
    blob = TextBlob(text).sentiment
    return Sentiment(float(blob.polarity), float(blob.subjectivity), float(_vader().polarity_scores(text)["compound"]))
