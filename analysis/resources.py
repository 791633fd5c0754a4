"""Access to the rule and lexicon files shipped in ``analysis/data``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import IO, Any

import yaml

_BOOL_TAG = "tag:yaml.org,2002:bool"


class _WordsStayWords(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2's booleans: only true and false, so that "on", "no", "yes" and "off" in a
    word list stay words ("NO", Norway's code; "on", a locative)."""


_WordsStayWords.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordsStayWords.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(stream: str | IO[str]) -> Any:
    """Parse YAML safely, with only true and false as booleans (YAML 1.2), not "on", "no", "yes" or "off"."""
    return yaml.load(stream, Loader=_WordsStayWords)  # noqa: S506 - a SafeLoader subclass


@cache
def load_data_yaml(name: str) -> Any:
    """Parse ``analysis/data/<name>`` (YAML) once per process."""
    with resources.files("analysis").joinpath("data", name).open(encoding="utf-8") as handle:
        return load_yaml(handle)


@cache
def load_data_lines(name: str) -> tuple[str, ...]:
    """The lines of ``analysis/data/<name>`` (a word list), without blank lines and ``#`` comments, once per
    process."""
    text = resources.files("analysis").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
