"""Shared fixtures: the spaCy model (loaded once), the seed article and its gold, paths to ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "dhs-ice-schools.txt"
SEED_GOLD = SHARED / "seed" / "dhs-ice-schools.gold.json"


def shared_path(*parts: str) -> Path:
    """A path in ../shared; skips the test, saying so, when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests need ../shared beside the project")
    return path


@pytest.fixture(scope="session")
def nlp():
    from analysis.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    from analysis.article import normalise_text

    return normalise_text(shared_path("seed", "dhs-ice-schools.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(shared_path("seed", "dhs-ice-schools.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)
