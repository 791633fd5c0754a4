"""Check-worthiness ranking, scored as the CLEF 2019 CheckThat! task 1 scores it: mean average precision per debate.

On the CLEF train part (rows carry their debate in ``source``) the figure is honest: leave-debates-out
cross-validation, each debate ranked by a model trained without it (plus ClaimBuster, read from the same folder when
present, minus any sentence of the held-out debates). Retraining needs scikit-learn. On a file without debates
(ClaimBuster) the shipped model ranks all rows as one list; that figure is in-sample and only a smoke test.
"""

from __future__ import annotations

from pathlib import Path

from ..checkworthiness import check_worthiness
from ..training.checkworthiness import N_FOLDS, average_precision, cross_validate
from .gold import read_jsonl

CLAIMBUSTER_FILE = "claimbuster_2.5xncs.jsonl"


def evaluate(gold: Path, limit: int | None = None) -> dict:
    """MAP per debate over held-out debates (``limit``: only the first N debates), or in-sample AP without debates."""
    rows = read_jsonl(gold)
    if rows and "line" in rows[0] and "source" in rows[0]:
        extra_path = gold.parent / CLAIMBUSTER_FILE
        extra = read_jsonl(extra_path) if extra_path.exists() and extra_path != gold else []
        result = cross_validate(rows, extra, n_folds=N_FOLDS, limit=limit)
        return {"gold": str(gold), "mode": "leave-debates-out", "claimbuster_rows": len(extra), **result}
    rows = rows[:limit] if limit else rows
    scores = [check_worthiness(r["text"]) for r in rows]
    labels = [int(r["label"]) for r in rows]
    return {"gold": str(gold), "mode": "shipped model, in-sample", "sentences": len(rows),
            "positives": sum(labels), "average_precision": average_precision(labels, scores)}


def format_report(result: dict) -> str:
    """The figures as text: MAP and per-debate average precision."""
    if result["mode"] != "leave-debates-out":
        return (f"Check-worthiness on {result['gold']} ({result['mode']}): {result['sentences']} sentences, "
                f"{result['positives']} check-worthy, average precision {result['average_precision']:.3f}")
    lines = [f"Check-worthiness on {result['gold']}: leave-debates-out, {result['folds']} folds, "
             f"{result['debates']} debates (+{result['claimbuster_rows']} ClaimBuster rows in training)", "",
             f"MAP {result['map']:.3f}   mean P@5 {result['mean_precision_at_5']:.3f}   "
             f"mean P@10 {result['mean_precision_at_10']:.3f}   (CLEF 2019 best primary run, test: MAP 0.166)", "",
             f"{'debate':<28}{'sentences':>10}{'positives':>10}{'AP':>8}{'P@5':>7}{'P@10':>7}"]
    for name, d in sorted(result["per_debate"].items()):
        lines.append(f"{name:<28}{d['sentences']:>10}{d['positives']:>10}{d['average_precision']:>8.3f}"
                     f"{d['precision_at_5']:>7.3f}{d['precision_at_10']:>7.3f}")
    return "\n".join(lines)
