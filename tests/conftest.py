"""Shared fixtures: the spaCy model (loaded once), the seed article and its gold, paths to ../shared."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "dhs-ice-schools.txt"
SEED_GOLD = SHARED / "seed" / "dhs-ice-schools.gold.json"


def sample_corpus(raw: Path, text_files: int, jsonl_records: int) -> Path:
    """Fill ``raw`` with the seed article, the first Congress releases of the sample as text files, and a
    JSON Lines file of the first sample records: a small real corpus for pipeline tests."""
    sample = PROJECT / "data" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared_path("seed", "dhs-ice-schools.txt"), raw / "seed.txt")
    for path in sorted((sample / "congress").glob("*.txt"))[:text_files]:
        shutil.copyfile(path, raw / path.name)
    lines = (sample / "congress_releases.jsonl").read_text(encoding="utf-8").splitlines()[:jsonl_records]
    (raw / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return raw


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
