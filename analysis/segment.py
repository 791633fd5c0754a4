"""Split an article into paragraphs (one per non-blank line, or a run of lines in hard-wrapped text) and give each a
kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_data_yaml
from .spans import TICKER_OPENING

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

    @property
    def credit_span(self) -> tuple[int, int] | None:
        """Offsets of the photo credit it holds: the whole paragraph for a credit line, else a caption's credit."""
        if self.kind == "credit":
            return self.start, self.end
        if self.credit_start is not None and self.credit_end is not None:
            return self.credit_start, self.credit_end
        return None


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
    caption_credit: tuple[re.Pattern[str], ...]
    caption_max_credit_words: int
    heading_max_words: int
    heading_not_ending: tuple[str, ...]
    wrapped_min_lines: int
    wrapped_max_width: int
    wrapped_full_share: float
    wrapped_full_line: float
    wrapped_open_share: float
    sentence_ends: tuple[str, ...]


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
        caption_credit=tuple(re.compile(p) for p in raw["caption"]["credit_patterns"]),
        caption_max_credit_words=raw["caption"]["max_credit_words"],
        heading_max_words=raw["heading"]["max_words"],
        heading_not_ending=tuple(raw["heading"]["not_ending_with"]),
        wrapped_min_lines=raw["wrapped"]["min_lines"],
        wrapped_max_width=raw["wrapped"]["max_width"],
        wrapped_full_share=raw["wrapped"]["full_share"],
        wrapped_full_line=raw["wrapped"]["full_line"],
        wrapped_open_share=raw["wrapped"]["open_share"],
        sentence_ends=tuple(raw["wrapped"]["sentence_ends"]),
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
    for pattern in rules.caption_credit:
        caption = pattern.search(line)
        if caption and len(caption.group("credit").split()) <= rules.caption_max_credit_words:
            return "caption", caption.span("credit")
    if n_words <= rules.heading_max_words and not line.endswith(rules.heading_not_ending):
        return "heading", None
    return "body", None


def wrap_width(lines: list[str], rules: ParagraphRules) -> int | None:
    """The width at which a hard-wrapped text was cut, or None for a text of one paragraph per line."""
    kept = [line.rstrip() for line in lines if line.strip()]
    if len(kept) < rules.wrapped_min_lines:
        return None
    lengths = sorted(len(line) for line in kept)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > rules.wrapped_max_width:
        return None
    full = sum(1 for n in lengths if n >= rules.wrapped_full_share * width) / len(kept)
    open_ = sum(1 for line in kept if not line.endswith(rules.sentence_ends)) / len(kept)
    return width if full >= rules.wrapped_full_share and open_ >= rules.wrapped_open_share else None


def _blocks(lines: list[str], rules: ParagraphRules) -> list[list[int]]:
    """The line numbers of each paragraph: one non-blank line each, or, in a hard-wrapped text, runs of lines."""
    width = wrap_width(lines, rules)
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        previous = lines[index - 1] if index else ""
        goes_on = (width is not None and blocks and blocks[-1][-1] == index - 1
                   and not line[:1].isspace()
                   and not (previous.rstrip().endswith(rules.sentence_ends)
                            and len(previous.rstrip()) < rules.wrapped_full_line * width))
        if goes_on:
            blocks[-1].append(index)
        else:
            blocks.append([index])
    return blocks


# Reuters-21578 marks a company's name and its ticker in angle brackets ("<Spectrum Concepts Inc> said", "CSR Ltd
# <CSRA.S> said"); the parser made the closing bracket a sentence's subject. No other text in ../shared has them.
_TICKER = re.compile(TICKER_OPENING + ">")
_NAME_TAG = re.compile(r"<(?=[A-Z])[A-Za-z0-9.&'’ ,\n-]{1,80}>")  # a wrapped line may break inside it


def _without_name_tags(text: str) -> str:
    """``text`` with a ticker in angle brackets blanked and the brackets around a name as spaces (same length)."""
    if "<" not in text:
        return text
    text = _TICKER.sub(lambda m: " " * len(m.group()), text)
    return _NAME_TAG.sub(lambda m: " " + m.group()[1:-1] + " ", text)


def parse_form(text: str) -> str:
    """``text`` as the parser should read it, the same length so every offset holds: a ticker or a name in angle
    brackets read without them (``_without_name_tags``) and, in a hard-wrapped text, each line break inside a
    paragraph a space."""
    lines = text.split("\n")
    joined = [index for block in _blocks(lines, paragraph_rules()) for index in block[1:]]  # as segment_paragraphs
    text = _without_name_tags(text)
    if not joined:
        return text
    chars = list(text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for index in joined:
        chars[starts[index] - 1] = " "  # the line break before this line
    return "".join(chars)


def segment_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text``: each non-blank line, numbered by its line number (blank lines count); in a
    hard-wrapped text (``wrap_width``), each run of lines a paragraph, numbered by its first line.

    Offsets exclude the paragraph's leading and trailing spaces.
    """
    rules = paragraph_rules()
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    paragraphs: list[Paragraph] = []
    for block in _blocks(lines, rules):
        first, last = lines[block[0]], lines[block[-1]]
        start = starts[block[0]] + (len(first) - len(first.lstrip()))
        end = starts[block[-1]] + len(last.rstrip())
        kind, credit = classify_paragraph(" ".join(lines[i].strip() for i in block), rules)
        credit_span = (None, None)
        if credit and len(block) == 1:
            credit_span = (start + credit[0], start + credit[1])
        elif credit:
            kind = "body"  # a caption's credit is read in one line only
        paragraphs.append(Paragraph(block[0], start, end, kind, *credit_span))
    return paragraphs
