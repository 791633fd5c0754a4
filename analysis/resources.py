"""Access to the rule and lexicon files shipped in ``analysis/data``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_data_yaml(name: str) -> Any:
    """Parse ``analysis/data/<name>`` (YAML) once per process."""
    with resources.files("analysis").joinpath("data", name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_data_lines(name: str) -> tuple[str, ...]:
    """The lines of ``analysis/data/<name>`` (a word list), without blank lines and ``#`` comments, once per
    process."""
    text = resources.files("analysis").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
