"""Quoted stretches of text: pairing quotation marks within paragraphs, never failing on odd ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .segment import Paragraph

_MARKS = re.compile(r"[\"“”„«»‘’]")
# A markup tag left in a text export ("<tweet author="…">", "<a href="…">"): its attribute values are no quotes.
_MARKUP_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
# A paragraph that opens with a quotation mark (after spaces): the sign of a quote running on from the last one.
_OPENS_WITH_MARK = re.compile(r"\s*[\"“„«‘]")


@dataclass(frozen=True)
class QuotedSpan:
    """Text between quotation marks within one paragraph: ``start``/``end`` exclude the marks.

    ``closed`` is False when no closing mark was found in the paragraph; ``runs_on`` is True when the
    quote goes on into the next paragraph (which opens with a mark); ``continued`` when it goes on from the last.
    """

    start: int
    end: int
    paragraph: int
    closed: bool
    runs_on: bool = False
    continued: bool = False
    single: bool = False


# Typewriter double quotes: two apostrophes (''…'', the New York Times archive style) or two backticks (``…'').
_TYPEWRITER_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:''|``)(?=[^\s'])")
_TYPEWRITER_CLOSING = re.compile(r"(?<=[^\s'])''(?=[\s,.;:!?)\]—–-]|$)")
# A single quotation closing with the double one (''I would use the word 'old-school,''' said Gregory W. Slayton).
_TYPEWRITER_CLOSING_BOTH = re.compile(r"(?<=\S)'''(?=[\s,.;:!?)\]—–-]|$)")


def typewriter_marks_as_curly(text: str) -> str:
    """``text`` with typewriter double quotes written as curly ones, the same length, so offsets hold.

    An opening pair of apostrophes or backticks before a word becomes a space and ``“``; a closing pair after a
    word becomes ``”`` and a space (three apostrophes, a single quotation closing with the double one, ``’”`` and a
    space); any other pair of apostrophes is left alone. Every other character is unchanged.
    """
    if "''" not in text and "``" not in text:
        return text
    text = _TYPEWRITER_OPENING.sub(" “", text)
    text = _TYPEWRITER_CLOSING_BOTH.sub("’” ", text)
    return _TYPEWRITER_CLOSING.sub("” ", text)


def _markup_tags(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the markup tags in ``text[start:end]`` (none without a "<")."""
    return [m.span() for m in _MARKUP_TAG.finditer(text, start, end)] if "<" in text[start:end] else []


def without_markup(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character ``ranges`` with any markup tag cut out of them (sorted, disjoint in, sorted, disjoint out)."""
    result: list[tuple[int, int]] = []
    for start, end in ranges:
        for tag_start, tag_end in _markup_tags(text, start, end):
            if tag_start > start:
                result.append((start, tag_start))
            start = tag_end
        if end > start:
            result.append((start, end))
    return result


_RUN_ON_BEFORE = re.compile(r"[.!?][’')\]]?\s+$")  # a sentence's end and a space right before a mark
# the speaker's name in capitals that opens a transcript's turn: "PENCE: ", "SEN. CRUZ: "
_SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.'’ -]{1,40}: ")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _paragraph_run_on(text: str, pos: int, end: int) -> bool:
    """A straight mark after a sentence's end that opens the next sentence of a quotation whose paragraphs were run
    together ('He said: "We will study it. "I would point out …"'): it opens, and a later mark closes (past the
    marks that open further sentences so)."""
    while _opens_run_on_sentence(text, pos):
        pos = text.find('"', pos + 1, end)
        if pos < 0:
            return False
        if not text[pos - 1].isspace() and not text[pos + 1:pos + 2].isalnum():
            return True
    return False


def _opens_run_on_sentence(text: str, pos: int) -> bool:
    return (text[pos] == '"' and text[pos + 1:pos + 2].isalnum()
            and _RUN_ON_BEFORE.search(text, max(pos - 8, 0), pos) is not None)


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(inner start, inner end, closed) of each top-level quoted stretch of ``text[start:end]``.

    A stretch in single marks is told apart by the mark before its start (``‘``).
    """
    spans: list[tuple[int, int, bool]] = []
    double_open: int | None = None
    single_open: int | None = None
    nested = False  # inside a curly quotation within a paragraph-long one opened by a straight mark
    tags = _markup_tags(text, start, end)
    for match in _MARKS.finditer(text, start, end):
        mark, pos = match.group(), match.start()
        if tags and any(tag_start < pos < tag_end for tag_start, tag_end in tags):
            continue
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        if nested and mark in _CLOSE_DOUBLE:
            nested = False  # the inner quotation closes; the paragraph's own goes on
            continue
        if (double_open == start and text[start] == '"' and mark == "“" and before.isspace()
                and "”" in text[pos + 1:end] and _SPEAKER_LABEL.match(text, start + 1)):
            # a transcript's turn opens with a straight mark it never closes and quotes a title inside ('"PENCE:
            # Well, … an episode of “Shark Tank.” But this is America'): the title is no new quotation
            nested = True
            continue
        if mark in _OPEN_DOUBLE or mark in _CLOSE_DOUBLE or mark == '"':
            # Decide whether this double mark opens or closes, tolerating marks of the wrong shape.
            if double_open is None:
                looks_closing = mark != "“" and not _is_word(after) and not before.isspace() and pos > start
                if looks_closing and mark not in _OPEN_DOUBLE:
                    continue  # a stray closing mark: ignore it, keep reading
                double_open, single_open = pos, None
            else:
                looks_opening = mark in _OPEN_DOUBLE and before.isspace() and not after.isspace()
                if (looks_opening and mark != text[double_open]) or _paragraph_run_on(text, pos, end):
                    # An opening mark while one is open: the earlier quote never closed.
                    spans.append((double_open + 1, pos, False))
                    double_open = pos
                    continue
                spans.append((double_open + 1, pos, True))
                double_open = None
        elif double_open is None:  # single marks count only outside double quotes
            if mark == "‘" and not _is_word(before) and not after.isspace():
                single_open = pos
            elif mark == "’" and single_open is not None and not _is_word(after):
                spans.append((single_open + 1, pos, True))
                single_open = None
    if double_open is not None:
        spans.append((double_open + 1, end, False))
    return [(s, e, closed) for s, e, closed in spans if e > s]


def quoted_spans(text: str, paragraphs: list[Paragraph], kinds: tuple[str, ...] = ("body", "caption")
                 ) -> list[QuotedSpan]:
    """Quoted stretches in the paragraphs of the given kinds, in text order.

    A quote left open at the end of a paragraph runs on when the next paragraph opens with a quotation mark
    (the multi-paragraph convention); otherwise it ends with its paragraph. Unbalanced marks never raise.
    """
    result: list[QuotedSpan] = []
    chosen = [p for p in paragraphs if p.kind in kinds]
    carried = False
    for number, para in enumerate(chosen):
        following = chosen[number + 1] if number + 1 < len(chosen) else None
        spans = _scan_paragraph(text, para.start, para.end)
        for index, (start, end, closed) in enumerate(spans):
            while end > start and text[end - 1].isspace():
                end -= 1
            last = index == len(spans) - 1
            runs_on = (not closed and last and following is not None
                       and _OPENS_WITH_MARK.match(text, following.start) is not None)
            continued = carried and index == 0 and start == para.start + 1
            single = text[start - 1] == "‘"
            result.append(QuotedSpan(start, end, para.index, closed, runs_on, continued, single))
        carried = bool(spans) and not spans[-1][2]
    return result
