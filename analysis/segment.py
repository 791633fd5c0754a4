"""Split an article into paragraphs (one per non-blank line) and give each a kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_data_yaml

PARAGRAPH_KINDS = ("body", "caption", "teaser", "credit", "heading", "byline", "dateline")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as offsets into the article text; ``credit_*`` mark a caption's photo credit."""

    index: int
    start: int
    end: int
    kind: str
    credit_start: int | None = None
    credit_end: int | None = None


@dataclass(frozen=True)
class ParagraphRules:
    credit: tuple[re.Pattern[str], ...]
    byline: tuple[re.Pattern[str], ...]
    byline_max_words: int
    dateline: tuple[re.Pattern[str], ...]
    dateline_max_words: int
    dateline_run_on: re.Pattern[str]
    teaser_prefixes: tuple[str, ...]
    teaser_min_words: int
    teaser_capital_share: float
    caption_credit: re.Pattern[str]
    caption_max_credit_words: int
    heading_max_words: int
    heading_not_ending: tuple[str, ...]


@lru_cache(maxsize=1)
def paragraph_rules() -> ParagraphRules:
    """The paragraph rules from ``data/paragraph_rules.yaml``, compiled once per process."""
    raw = load_data_yaml("paragraph_rules.yaml")

    def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in patterns)

    return ParagraphRules(
        credit=compile_all(raw["credit"]["patterns"]),
        byline=compile_all(raw["byline"]["patterns"]),
        byline_max_words=raw["byline"]["max_words"],
        dateline=compile_all(raw["dateline"]["patterns"]),
        dateline_max_words=raw["dateline"]["max_words"],
        dateline_run_on=re.compile(raw["dateline"]["run_on"]),
        teaser_prefixes=tuple(raw["teaser"]["prefixes"]),
        teaser_min_words=raw["teaser"]["min_words_in_capitals"],
        teaser_capital_share=raw["teaser"]["min_capital_share"],
        caption_credit=re.compile(raw["caption"]["credit_pattern"]),
        caption_max_credit_words=raw["caption"]["max_credit_words"],
        heading_max_words=raw["heading"]["max_words"],
        heading_not_ending=tuple(raw["heading"]["not_ending_with"]),
    )


def _capital_share(line: str) -> float:
    letters = list(filter(str.isalpha, line))
    return sum(map(str.isupper, letters)) / len(letters) if letters else 0.0


def classify_paragraph(line: str, rules: ParagraphRules) -> tuple[str, tuple[int, int] | None]:
    """Return the kind of one stripped paragraph and, for a caption, its credit's offsets within ``line``."""
    n_words = len(line.split())
    if any(p.search(line) for p in rules.credit):
        return "credit", None
    if n_words <= rules.byline_max_words and any(p.search(line) for p in rules.byline):
        return "byline", None
    if n_words <= rules.dateline_max_words and any(p.search(line) for p in rules.dateline):
        return "dateline", None
    upper = line.upper()
    if any(upper.startswith(prefix) for prefix in rules.teaser_prefixes):
        return "teaser", None
    capitals = _capital_share(line)
    if n_words >= rules.teaser_min_words and capitals >= rules.teaser_capital_share:
        return "teaser", None
    caption = rules.caption_credit.search(line)
    if caption and len(caption.group("credit").split()) <= rules.caption_max_credit_words:
        return "caption", caption.span("credit")
    if n_words <= rules.heading_max_words and not line.endswith(rules.heading_not_ending):
        return "heading", None
    return "body", None


def segment_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text``: each non-blank line, numbered by its line number (blank lines count).

    Offsets exclude the line's leading and trailing spaces.
    """
    rules = paragraph_rules()
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            kind, credit = classify_paragraph(stripped, rules)
            credit_span = (start + credit[0], start + credit[1]) if credit else (None, None)
            paragraphs.append(Paragraph(index, start, start + len(stripped), kind, *credit_span))
        offset += len(line) + 1
    return paragraphs
