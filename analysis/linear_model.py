"""Small linear models over hashed features, shipped as ``.npz`` files in ``analysis/data``.

Features are named strings ("w:border", "vader_left") with a value; each name is hashed (CRC-32) into one of
``2 ** n_bits`` columns. Training (scripts/train_*.py) uses scikit-learn; using a model needs only NumPy.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)?|[^\w\s]")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 16)
def _shape(token: str) -> str:
    """A token lower-cased, with digits as 0 and ’ as '; a word of letters only needs the lower-casing."""
    token = token.lower()
    return token if token.isalpha() else _DIGIT.sub("0", token).replace("’", "'")


def tokens(text: str) -> list[str]:
    """Lower-cased word, number and punctuation tokens; digits become 0 so numbers share a shape."""
    return [_shape(t) for t in _TOKEN.findall(text)]


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """``tokens`` with their character offsets."""
    return [(_shape(m.group()), *m.span()) for m in _TOKEN.finditer(text)]


def ngrams(words: list[str], prefix: str, n_max: int = 2) -> list[str]:
    """Feature names of the 1..n_max-grams of ``words``."""
    out = [f"{prefix}{w}" for w in words]
    for n in range(2, n_max + 1):
        out += [f"{prefix}{' '.join(words[i:i + n])}" for i in range(len(words) - n + 1)]
    return out


def feature_index(name: str, n_bits: int) -> int:
    """The hashed column of a feature name."""
    return zlib.crc32(name.encode("utf-8")) & ((1 << n_bits) - 1)


@lru_cache(maxsize=8)
def _column_memo(n_bits: int) -> dict[str, int]:
    """Hashed columns of the feature names seen so far (words and n-grams repeat from sentence to sentence)."""
    return {}


_MEMO_LIMIT = 1 << 21  # names remembered per width: a few hundred MB at most, then new names are hashed each time


def _columns(features: Mapping[str, float] | Iterable[str], n_bits: int) -> tuple[list[int], list[float]]:
    """The hashed columns and their values, in order of first occurrence; colliding names are summed in order."""
    if isinstance(features, Mapping):
        names, values = list(features), [float(value) for value in features.values()]
    else:  # each name counted once per occurrence: whole counts, so adding them up in any order is exact
        counts = Counter(features)
        names, values = list(counts), [float(count) for count in counts.values()]
    memo = _column_memo(n_bits)
    indices = [memo.get(name) for name in names]
    if None in indices:
        mask, crc32 = (1 << n_bits) - 1, zlib.crc32  # feature_index, inlined
        for k, index in enumerate(indices):
            if index is None:
                indices[k] = index = crc32(names[k].encode("utf-8")) & mask
                if len(memo) < _MEMO_LIMIT:
                    memo[names[k]] = index
    if len(set(indices)) == len(indices):
        return indices, values
    vector: dict[int, float] = {}
    for index, value in zip(indices, values, strict=True):
        vector[index] = vector.get(index, 0.0) + value
    return list(vector), list(vector.values())


def hash_features(features: Mapping[str, float] | Iterable[str], n_bits: int) -> dict[int, float]:
    """Hashed sparse vector: a mapping name → value, or an iterable of names (each counted once per occurrence)."""
    return dict(zip(*_columns(features, n_bits), strict=True))


@dataclass(frozen=True)
class LinearModel:
    """Weights (one row per class; one row for a binary model, scoring the positive class) and intercepts."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    n_bits: int
    meta: dict

    def decision(self, features: Mapping[str, float] | Iterable[str]) -> np.ndarray:
        """Raw scores (one per weight row)."""
        columns, values = _columns(features, self.n_bits)
        if not columns:
            return self.bias.copy()
        return self.weights[:, np.array(columns, dtype=np.int64)] @ np.array(values, dtype=np.float64) + self.bias

    def probabilities(self, features: Mapping[str, float] | Iterable[str]) -> dict[str, float]:
        """Class probabilities (logistic for a binary model, softmax otherwise)."""
        scores = self.decision(features)
        if len(scores) == 1:
            p = float(1.0 / (1.0 + np.exp(-scores[0])))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        exp = np.exp(scores - scores.max())
        exp /= exp.sum()
        return {c: float(p) for c, p in zip(self.classes, exp, strict=True)}


def save_linear_model(path: Path, classes: list[str], weights: np.ndarray, bias: np.ndarray, n_bits: int,
                      meta: dict) -> None:
    """Write a model as a compressed ``.npz`` (float16 weights; the metadata as JSON)."""
    np.savez_compressed(path, weights=np.asarray(weights, dtype=np.float16), bias=np.asarray(bias, dtype=np.float64),
                        classes=np.array(classes), n_bits=np.array(n_bits), meta=np.array(json.dumps(meta)))


def read_linear_model(path: Path | str) -> LinearModel:
    """Read a model written by ``save_linear_model``."""
    with np.load(path, allow_pickle=False) as data:
        return LinearModel(
            classes=tuple(str(c) for c in data["classes"]),
            weights=data["weights"].astype(np.float64),
            bias=data["bias"],
            n_bits=int(data["n_bits"]),
            meta=json.loads(str(data["meta"])),
        )


@lru_cache(maxsize=8)
def load_linear_model(name: str) -> LinearModel:
    """The model ``analysis/data/<name>`` (e.g. ``checkworthiness.npz``), read once per process."""
    with resources.as_file(resources.files("analysis").joinpath("data", name)) as path:
        return read_linear_model(path)
