"""Sentiment toward a named person, scored against NewsMTSC (macro-F1 over negative/neutral/positive).

Gold rows: ``{"text", "target_start", "target_end", "label"}``. The shipped model is compared with two lexicon
baselines that copy the sentence's score to the target: VADER compound (±0.05) and TextBlob polarity (±0.05).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..sentiment import score_sentiment
from ..target_sentiment import LABELS, score_target


def _label(score: float, threshold: float = 0.05) -> str:
    return "positive" if score > threshold else "negative" if score < -threshold else "neutral"


def macro_f1(gold: list[str], predicted: list[str]) -> dict:
    """Per-class precision, recall, F1 and their macro average over ``LABELS``."""
    per_class = {}
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        n_pred = sum(p == label for p in predicted)
        n_gold = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "gold": n_gold}
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    return {"macro_f1": sum(c["f1"] for c in per_class.values()) / len(LABELS), "accuracy": accuracy,
            "per_class": per_class}


def evaluate(gold: Path, limit: int | None = None) -> dict:
    """Macro-F1 of the target-sentiment model and of the two sentence-lexicon baselines on ``gold``."""
    with gold.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    rows = rows[:limit] if limit else rows
    truth = [r["label"] for r in rows]
    model, vader, blob = [], [], []
    for r in rows:
        model.append(score_target(r["text"], r["target_start"], r["target_end"]).label)
        scores = score_sentiment(r["text"])
        vader.append(_label(scores.vader))
        blob.append(_label(scores.polarity))
    return {"gold": str(gold), "rows": len(rows), "model": macro_f1(truth, model),
            "baseline_vader_sentence": macro_f1(truth, vader), "baseline_textblob_sentence": macro_f1(truth, blob)}


def format_report(result: dict) -> str:
    """The figures as a short text table."""
    lines = [f"Target sentiment on {result['gold']} ({result['rows']} targets)", "",
             f"{'method':<28}{'macro-F1':>9}{'accuracy':>10}{'F1 neg':>8}{'F1 neu':>8}{'F1 pos':>8}"]
    for name, key in (("model (target_sentiment)", "model"), ("sentence VADER copied", "baseline_vader_sentence"),
                      ("sentence TextBlob copied", "baseline_textblob_sentence")):
        r = result[key]
        per = r["per_class"]
        lines.append(f"{name:<28}{r['macro_f1']:>9.3f}{r['accuracy']:>10.3f}{per['negative']['f1']:>8.3f}"
                     f"{per['neutral']['f1']:>8.3f}{per['positive']['f1']:>8.3f}")
    return "\n".join(lines)
