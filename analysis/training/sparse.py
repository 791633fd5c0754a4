"""Turning named-feature dicts into a SciPy sparse matrix for scikit-learn (training only)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np


def sparse_matrix(rows: Iterable[Mapping[str, float]], n_bits: int):
    """CSR matrix of hashed feature rows, as ``LinearModel`` hashes them at run time."""
    from scipy.sparse import csr_matrix

    from ..linear_model import hash_features

    indptr, indices, values = [0], [], []
    for row in rows:
        vector = hash_features(row, n_bits)
        indices.extend(vector.keys())
        values.extend(vector.values())
        indptr.append(len(indices))
    return csr_matrix((np.array(values, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr)),
                      shape=(len(indptr) - 1, 1 << n_bits))
