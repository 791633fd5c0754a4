"""Check-worthiness of a sentence: the probability that a fact-checker would pick it.

A logistic regression over hashed word 1-2-grams and a few shape features, trained offline on the CLEF 2019
CheckThat! train part and ClaimBuster (``python -m analysis.training.checkworthiness``) and shipped as
``analysis/data/checkworthiness.npz``.
"""

from __future__ import annotations

from functools import lru_cache

from .linear_model import load_linear_model, ngrams, tokens

MODEL_FILE = "checkworthiness.npz"
_FIRST_PERSON = {"i", "me", "my", "we", "our", "us"}
_HEDGES = {"think", "believe", "feel", "hope", "want", "wish"}


def checkworthiness_features(text: str) -> dict[str, float]:
    """Named features of one sentence: word 1-2-grams plus number, length and person cues."""
    words = tokens(text)
    features: dict[str, float] = {}
    for name in ngrams(words, "w:"):
        features[name] = features.get(name, 0.0) + 1.0
    numbers = [w for w in words if w[0] == "0"]
    n_words = sum(w[0].isalnum() for w in words)
    present = set(words)
    features["n_numbers"] = min(len(numbers), 4) / 4
    features["has_number"] = float(bool(numbers))
    features["has_percent"] = float("%" in present or "percent" in present)
    features["has_money"] = float("$" in present or "dollars" in present or "billion" in present
                                  or "million" in present)
    features["has_year"] = float("0000" in present)
    features[f"len:{min(n_words // 5, 8)}"] = 1.0
    features["first_person"] = float(not _FIRST_PERSON.isdisjoint(present))
    features["hedge"] = float(not _HEDGES.isdisjoint(present))
    features["question"] = float("?" in present)
    return features


@lru_cache(maxsize=4096)
def check_worthiness(text: str) -> float:
    """Probability (0 to 1) that ``text`` is a check-worthy factual claim (memoised: a sentence is scored when it is
    considered as a claim and again for its row)."""
    model = load_linear_model(MODEL_FILE)
    return model.probabilities(checkworthiness_features(text))[model.classes[1]]
