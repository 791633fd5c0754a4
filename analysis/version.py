"""The pipeline version stamped on every article: a change to it reprocesses everything.

It combines the package version, a digest of the table schemas, a digest of the code and rule files that make
the tables, and the spaCy model's version, so any change that could change a row invalidates the old rows.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .schema import SCHEMA_VERSION, TABLES

PACKAGE_VERSION = "0.1.0"

# Parts of the package that never change a table row: presentation, evaluation and training code.
_NOT_PIPELINE = {"cli.py", "report.py", "charts.py", "explore.py", "corpus_names.py", "evaluation", "training",
                 "report"}


def schema_digest() -> str:
    """First 8 hex digits of the SHA-256 over every table's column names, types and nullability."""
    described = [(t.name, [(c.name, str(c.type), c.nullable) for c in t.columns]) for t in TABLES.values()]
    return hashlib.sha256(repr(described).encode()).hexdigest()[:8]


def code_and_rules_digest() -> str:
    """First 10 hex digits of the SHA-256 over the pipeline's Python modules and its rule and lexicon files."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = [p for p in package.rglob("*") if p.is_file() and p.suffix != ".pyc"
             and not _NOT_PIPELINE & set(p.relative_to(package).parts) and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


@lru_cache(maxsize=4)
def pipeline_version(model_version: str) -> str:
    """``<package>+s<schema version>.<schema digest>.c<code and rules digest>+<model>``."""
    return f"{PACKAGE_VERSION}+s{SCHEMA_VERSION}.{schema_digest()}.c{code_and_rules_digest()}+{model_version}"
