"""Train the check-worthiness model and measure it by leave-debates-out cross-validation.

Run ``python -m analysis.training.checkworthiness --gold-dir ../shared/gold/claims`` to write
``analysis/data/checkworthiness.npz``. Needs scikit-learn (training only).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..checkworthiness import MODEL_FILE, checkworthiness_features
from ..linear_model import save_linear_model
from .sparse import sparse_matrix

N_BITS = 18
C = 0.5
CLAIMBUSTER_WEIGHT = 0.5
N_FOLDS = 5


def read_jsonl(path: Path) -> list[dict]:
    """Records of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def features(texts: list[str]):
    """Hashed feature matrix of sentences."""
    return sparse_matrix((checkworthiness_features(t) for t in texts), N_BITS)


def fit_matrix(x, labels: list[int], weights: list[float]):
    """A scikit-learn logistic regression fitted on a feature matrix."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
    model.fit(x, np.array(labels), sample_weight=np.array(weights))
    return model


def fit(texts: list[str], labels: list[int], weights: list[float]):
    """A fitted scikit-learn logistic regression over the hashed features."""
    return fit_matrix(features(texts), labels, weights)


def average_precision(labels: list[int], scores: list[float]) -> float:
    """Average precision of a ranking (CLEF CheckThat! definition: mean precision at each relevant rank)."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    ranked = np.asarray(labels)[order]
    if ranked.sum() == 0:
        return 0.0
    hits = np.cumsum(ranked)
    return float((hits / np.arange(1, len(ranked) + 1))[ranked == 1].mean())


def cross_validate(clef: list[dict], claimbuster: list[dict], n_folds: int = N_FOLDS,
                   limit: int | None = None) -> dict:
    """Leave-debates-out cross-validation: every debate is scored by a model that never saw it.

    ClaimBuster sentences identical to a held-out debate sentence are left out of that fold's training.
    ``limit`` keeps only the first ``limit`` debates (in file order) for a quick run.
    """
    from scipy.sparse import vstack

    by_debate: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(clef):
        by_debate[row["source"]].append(index)
    debates = list(by_debate)[:limit] if limit else list(by_debate)
    used = [i for d in debates for i in by_debate[d]]
    x_clef = features([clef[i]["text"] for i in used])
    row_of = {i: n for n, i in enumerate(used)}
    x_extra = features([r["text"] for r in claimbuster]) if claimbuster else None
    folds = [debates[i::n_folds] for i in range(min(n_folds, len(debates)))]
    per_debate: dict[str, dict] = {}
    for held_out in folds:
        test_texts = {clef[i]["text"] for d in held_out for i in by_debate[d]}
        train = [i for d in debates if d not in held_out for i in by_debate[d]]
        extra = [n for n, r in enumerate(claimbuster) if r["text"] not in test_texts]
        parts = [x_clef[[row_of[i] for i in train]]] + ([x_extra[extra]] if extra else [])
        model = fit_matrix(vstack(parts).tocsr(),
                           [clef[i]["label"] for i in train] + [claimbuster[n]["label"] for n in extra],
                           [1.0] * len(train) + [CLAIMBUSTER_WEIGHT] * len(extra))
        for debate in held_out:
            rows = by_debate[debate]
            scores = model.predict_proba(x_clef[[row_of[i] for i in rows]])[:, 1]
            labels = [clef[i]["label"] for i in rows]
            top = np.argsort(-scores, kind="stable")
            per_debate[debate] = {
                "sentences": len(rows),
                "positives": int(sum(labels)),
                "average_precision": average_precision(labels, list(scores)),
                "precision_at_5": float(np.asarray(labels)[top[:5]].mean()),
                "precision_at_10": float(np.asarray(labels)[top[:10]].mean()),
            }
    scored = [v for v in per_debate.values() if v["positives"]]
    return {
        "folds": len(folds),
        "debates": len(per_debate),
        "map": float(np.mean([v["average_precision"] for v in scored])) if scored else 0.0,
        "mean_precision_at_5": float(np.mean([v["precision_at_5"] for v in scored])) if scored else 0.0,
        "mean_precision_at_10": float(np.mean([v["precision_at_10"] for v in scored])) if scored else 0.0,
        "per_debate": per_debate,
    }


def train_and_save(gold_dir: Path, out: Path) -> None:
    """Fit on the whole CLEF train part plus ClaimBuster and write the shipped model."""
    clef = read_jsonl(gold_dir / "clef2019_train.jsonl")
    claimbuster = read_jsonl(gold_dir / "claimbuster_2.5xncs.jsonl")
    model = fit([r["text"] for r in clef] + [r["text"] for r in claimbuster],
                [r["label"] for r in clef] + [r["label"] for r in claimbuster],
                [1.0] * len(clef) + [CLAIMBUSTER_WEIGHT] * len(claimbuster))
    meta = {"trained_on": ["CLEF 2019 CheckThat! task 1 train part", "ClaimBuster 2.5xNCS"],
            "sentences": len(clef) + len(claimbuster), "n_bits": N_BITS, "C": C,
            "claimbuster_weight": CLAIMBUSTER_WEIGHT, "script": "python -m analysis.training.checkworthiness"}
    save_linear_model(out, ["0", "1"], model.coef_, model.intercept_, N_BITS, meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold-dir", type=Path, default=Path("../shared/gold/claims"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / MODEL_FILE)
    parser.add_argument("--cv", action="store_true", help="print leave-debates-out figures instead of training")
    args = parser.parse_args()
    if args.cv:
        result = cross_validate(read_jsonl(args.gold_dir / "clef2019_train.jsonl"),
                                read_jsonl(args.gold_dir / "claimbuster_2.5xncs.jsonl"))
        print(json.dumps({k: v for k, v in result.items() if k != "per_debate"}, indent=2))
    else:
        train_and_save(args.gold_dir, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
