"""Locating a character offset within the paragraphs or sentences of an article."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# A leading article and a trailing possessive, which names carry in text but not in their canonical form.
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# a company's ticker in angle brackets, Reuters-21578's way ("Plessey Co Plc <PLY.L>"), without its closing bracket
TICKER_OPENING = r"<[A-Z0-9][A-Z0-9.]{0,11}"


class SpanIndex:
    """Maps a character offset to the index of the span (paragraph, sentence) containing it."""

    def __init__(self, starts: Sequence[int], labels: Sequence[int]) -> None:
        self._starts = list(starts)
        self._labels = list(labels)

    def label_at(self, offset: int) -> int:
        """The label of the last span starting at or before ``offset`` (the first span for earlier offsets)."""
        position = bisect_right(self._starts, offset) - 1
        return self._labels[max(position, 0)]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
