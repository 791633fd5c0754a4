"""The pipeline version stamped on every article: a change to it reprocesses everything."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from .schema import SCHEMA_VERSION

PACKAGE_VERSION = "0.1.0"


def rules_digest() -> str:
    """First 10 hex digits of the SHA-256 over every rule and lexicon file in ``analysis/data``."""
    digest = hashlib.sha256()
    folder = resources.files("analysis").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:10]


@lru_cache(maxsize=4)
def pipeline_version(model_version: str) -> str:
    """``<package>+s<schema>.r<rules digest>+<model>``."""
    return f"{PACKAGE_VERSION}+s{SCHEMA_VERSION}.r{rules_digest()}+{model_version}"
