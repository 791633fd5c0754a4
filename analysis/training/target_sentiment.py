"""Train the target-sentiment model on NewsMTSC train and write ``analysis/data/target_sentiment.npz``.

Run ``python -m analysis.training.target_sentiment --gold-dir ../shared/gold/sentiment``. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from ..linear_model import save_linear_model
from ..target_sentiment import LABELS, MODEL_FILE, target_features
from .checkworthiness import read_jsonl
from .sparse import sparse_matrix

N_BITS = 18
C = 0.05


def featurise(rows: list[dict]):
    """Sparse feature matrix of NewsMTSC rows."""
    return sparse_matrix((target_features(r["text"], r["target_start"], r["target_end"]) for r in rows), N_BITS)


def fit(rows: list[dict], c: float = C):
    """A fitted multinomial logistic regression (balanced class weights, for macro-F1)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(featurise(rows), np.array([LABELS.index(r["label"]) for r in rows]))
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold-dir", type=Path, default=Path("../shared/gold/sentiment"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / MODEL_FILE)
    args = parser.parse_args()
    rows = read_jsonl(args.gold_dir / "newsmtsc_train.jsonl")
    model = fit(rows)
    meta = {"trained_on": "NewsMTSC train (Hamborg & Donnay 2021, MIT)", "rows": len(rows), "n_bits": N_BITS,
            "C": C, "script": "python -m analysis.training.target_sentiment"}
    save_linear_model(args.out, list(LABELS), model.coef_, model.intercept_, N_BITS, meta)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
