"""Sentiment toward a named person in a sentence: how the text treats the target, not how the sentence sounds.

A multinomial logistic regression trained offline on NewsMTSC train (``python -m analysis.training.target_sentiment``)
and shipped as ``analysis/data/target_sentiment.npz``. Its features: word 1-2-grams of the sentence, words in a
window left and right of the target (marked by side), VADER/TextBlob scores of the sentence, of each side and of the
window around the target, and VADER lexicon valences weighted by their distance from the target.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon_sentiment
from .linear_model import load_linear_model, ngrams, token_spans
from .sentiment import pattern_scores, vader_compound

MODEL_FILE = "target_sentiment.npz"
LABELS = ("negative", "neutral", "positive")
WINDOW = 6


@dataclass(frozen=True)
class TargetSentiment:
    label: str
    score: float
    probabilities: dict[str, float]


def _compound(text: str, memoised: bool = True) -> float:
    """VADER compound of ``text`` (0 for blank text); the sentence's and the window's are memoised, being shared."""
    if not text.strip():
        return 0.0
    return float(vader_compound(text) if memoised else lexicon_sentiment.vader_compound(text))


@dataclass(frozen=True)
class _Tokens:
    """A sentence's ``token_spans``, their words, offsets and VADER valences, read once for every person in it."""

    spans: tuple[tuple[str, int, int], ...]
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    valences: tuple[tuple[int, float], ...]  # (token index, valence) of the tokens in VADER's lexicon


@lru_cache(maxsize=256)
def _sentence_tokens(sentence: str) -> _Tokens:
    spans = tuple(token_spans(sentence))
    lexicon = lexicon_sentiment.vader_lexicon()
    words = tuple(w for w, _, _ in spans)
    return _Tokens(spans, words, tuple(s for _, s, _ in spans), tuple(e for _, _, e in spans),
                   tuple((i, lexicon[w]) for i, w in enumerate(words) if w in lexicon))


def target_features(sentence: str, target_start: int, target_end: int) -> dict[str, float]:
    """Named features of the target ``sentence[target_start:target_end]`` in its sentence."""
    tokens = _sentence_tokens(sentence)
    spans, all_words = tokens.spans, tokens.words
    # the tokens overlapping the target (offsets increase): from the first ending after its start to the last
    # starting before its end
    lo, hi = bisect_right(tokens.ends, target_start), bisect_left(tokens.starts, target_end)
    first, last = (lo, hi - 1) if lo < hi else (len(spans), len(spans) - 1)
    words = [*all_words[:first], "<t>", *all_words[last + 1:]]
    left = list(all_words[max(0, first - WINDOW):first])
    right = list(all_words[last + 1:last + 1 + WINDOW])
    # counted as ``features[name] = features.get(name, 0.0) + 1.0`` would, in the order of first occurrence
    features: dict[str, float] = {name: float(count) for name, count in Counter(
        [*ngrams(words, "s:"), *[f"l:{w}" for w in left], *[f"r:{w}" for w in right]]).items()}
    features["l1:" + (left[-1] if left else "<s>")] = 1.0
    features["r1:" + (right[0] if right else "</s>")] = 1.0
    features["r2:" + " ".join(right[:2])] = 1.0
    left_text = sentence[:target_start]
    right_text = sentence[target_end:]
    window_start = spans[max(0, first - WINDOW)][1] if spans and first < len(spans) else 0
    window_end = spans[min(len(spans) - 1, last + WINDOW)][2] if spans else len(sentence)
    window = sentence[window_start:window_end]
    scores = {
        "vader_sentence": _compound(sentence),
        "vader_left": _compound(left_text, memoised=False),
        "vader_right": _compound(right_text, memoised=False),
        "vader_window": _compound(window),
        "blob_sentence": float(pattern_scores(sentence)[0]),  # = TextBlob(text).sentiment.polarity
        "blob_window": float(pattern_scores(window)[0]),
    }
    near_pos = near_neg = 0.0
    for i, valence in tokens.valences:
        if first <= i <= last:
            continue
        distance = first - i if i < first else i - last
        weight = valence / (4.0 * (1.0 + distance / 3.0))
        if weight > 0:
            near_pos += weight
        else:
            near_neg -= weight
    scores["lex_near_pos"] = min(near_pos, 2.0)
    scores["lex_near_neg"] = min(near_neg, 2.0)
    for name, value in scores.items():
        features[name] = value
        features[f"{name}:{'+' if value > 0.05 else '-' if value < -0.05 else '0'}"] = 1.0
    features["quoted"] = float(any(q in sentence for q in "\"“”"))
    return features


def score_target(sentence: str, target_start: int, target_end: int) -> TargetSentiment:
    """Label, score (P(positive) − P(negative), −1 to 1) and class probabilities for the target."""
    probabilities = dict(_probabilities(sentence, target_start, target_end))
    label = max(probabilities, key=probabilities.__getitem__)
    return TargetSentiment(label, probabilities["positive"] - probabilities["negative"], probabilities)


@lru_cache(maxsize=1024)
def _probabilities(sentence: str, target_start: int, target_end: int) -> tuple[tuple[str, float], ...]:
    """The model's class probabilities for the target, memoised (press releases repeat their boilerplate)."""
    model = load_linear_model(MODEL_FILE)
    return tuple(model.probabilities(target_features(sentence, target_start, target_end)).items())


def target_sentiment(sentence_text: str, target_start: int, target_end: int) -> str:
    """negative, neutral or positive: how the sentence treats ``sentence_text[target_start:target_end]``."""
    return score_target(sentence_text, target_start, target_end).label


def person_sentiment_rows(entities: list[dict], sentences: list[dict]) -> list[dict]:
    """Entity rows with ``target_sentiment`` and ``target_sentiment_score`` set for PERSON mentions (None otherwise).

    ``entities`` and ``sentences`` are rows of the entities and sentences tables of one article; the mention is
    scored within its sentence. Returns new row dicts; the inputs are not changed.
    """
    by_number = {s["sentence"]: s for s in sentences}
    rows = []
    for entity in entities:
        row = {**entity, "target_sentiment": None, "target_sentiment_score": None}
        sentence = by_number.get(entity.get("sentence"))
        if entity.get("label") == "PERSON" and sentence is not None:
            start = max(entity["start"], sentence["start"]) - sentence["start"]
            end = min(entity["end"], sentence["end"]) - sentence["start"]
            if end > start:
                scored = score_target(sentence["text"], start, end)
                row["target_sentiment"], row["target_sentiment_score"] = scored.label, scored.score
        rows.append(row)
    return rows
