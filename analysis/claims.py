"""The claims stage: every attributed statement, every disputed claim, and the article's own check-worthy sentences.

Rows follow the ``claims`` schema. Patterns and cue words are in ``analysis/data/claim_patterns.yaml``; numbers
come from ``analysis/numbers.py`` and check-worthiness from ``analysis/checkworthiness.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .checkworthiness import check_worthiness
from .entities import canonical_name, defined_acronyms
from .numbers import is_statistic, parse_numbers
from .parse import doc_text
from .resources import load_data_yaml
from .segment import Paragraph
from .sentences import sentence_spans
from .spans import SpanIndex, trim_span

CLAIM_TYPES = ("statistic", "denial", "accusation", "promise", "reported", "assertion")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_TRAILING = ".,;:!?\"”’ \u00a0"


@dataclass(frozen=True)
class ClaimPatterns:
    type_order: tuple[str, ...]
    types: dict[str, tuple[re.Pattern[str], ...]]
    reported_cues: frozenset[str]
    reported_speaker_types: frozenset[str]
    deny: re.Pattern[str]
    respond: re.Pattern[str]
    claim_noun: re.Pattern[str]
    enumerator: re.Pattern[str]
    claim_source: re.Pattern[str]
    generic_subjects: frozenset[str]
    own_kinds: frozenset[str]
    min_check_worthiness: float
    min_words: int


@lru_cache(maxsize=1)
def claim_patterns() -> ClaimPatterns:
    """The patterns of ``data/claim_patterns.yaml``, compiled once per process."""
    raw = load_data_yaml("claim_patterns.yaml")
    dispute = raw["dispute"]

    def either(patterns: list[str]) -> str:
        return "|".join(f"(?:{p})" for p in patterns)

    return ClaimPatterns(
        type_order=tuple(raw["type_order"]),
        types={k: tuple(re.compile(p, re.IGNORECASE) for p in v or ()) for k, v in raw["types"].items()},
        reported_cues=frozenset(c.lower() for c in raw["reported_cues"]),
        reported_speaker_types=frozenset(raw["reported_speaker_types"]),
        deny=re.compile(rf"\b(?:{either(dispute['deny'])})\b", re.IGNORECASE),
        respond=re.compile(rf"\b(?:{either(dispute['respond'])})\b", re.IGNORECASE),
        claim_noun=re.compile(rf"(?:\s+\S+){{0,5}}?\s+(?P<noun>{either(dispute['claim_nouns'])})\b", re.IGNORECASE),
        enumerator=re.compile(rf"\b(?:{either(dispute['enumerators'])})\s+that\s+", re.IGNORECASE),
        claim_source=re.compile(dispute["claim_source"], re.IGNORECASE),
        generic_subjects=frozenset(raw["generic_subjects"]),
        own_kinds=frozenset(raw["own_claims"]["paragraph_kinds"]),
        min_check_worthiness=float(raw["own_claims"]["min_check_worthiness"]),
        min_words=int(raw["own_claims"]["min_words"]),
    )


def classify_claim(text: str, cue: str | None = None, speaker_type: str | None = None) -> str:
    """The claim type of ``text``: denial, statistic, accusation, promise, reported or assertion.

    A quote reported by the media (its cue or its speaker's type) is "reported" unless it is a denial.
    """
    patterns = claim_patterns()
    reported_source = (cue or "").lower() in patterns.reported_cues or speaker_type in patterns.reported_speaker_types
    for claim_type in patterns.type_order:
        if claim_type == "statistic":
            matched = is_statistic(parse_numbers(text))
        else:
            matched = any(p.search(text) for p in patterns.types.get(claim_type, ()))
        if claim_type == "denial" and matched:
            return "denial"
        if reported_source:
            continue
        if matched:
            return claim_type
    return "reported" if reported_source else "assertion"


@dataclass(frozen=True)
class Dispute:
    """A rebuttal ("DHS pushed back against claims that X") and the claim it rebuts (X)."""

    cue_start: int
    content_start: int
    content_end: int
    rebutter: str | None
    claim_source: str | None
    is_denial: bool


def _resolve(phrase: str, acronyms: dict[str, str], known: list[str], last: str | None) -> str | None:
    """Canonical source for a subject phrase; generic subjects ("the agency") take the last named source."""
    name = canonical_name(_PARENTHESES.sub("", phrase), acronyms).strip(" ,")
    words = name.lower().split()
    if not words or words[-1] in claim_patterns().generic_subjects:
        return last
    for source in known:
        if name == source or name in source or source in name:
            return source
    return name


def _subject_phrase(doc: Doc, offset: int) -> str | None:
    """The nominal subject of the verb at character ``offset`` (or of the verb it hangs from)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    for verb in (token, token.head, token.head.head):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return doc_text(doc)[child.left_edge.idx:child.right_edge.idx + len(child.right_edge)]
    return None


def find_disputes(doc: Doc, sentences: list[tuple[int, int]], quotes: list[dict]) -> list[Dispute]:
    """Rebuttals in the given sentences, each with the rebutted claim's span, its source and the rebutter."""
    patterns = claim_patterns()
    text = doc_text(doc)
    acronyms = defined_acronyms(text)
    known = [q["speaker"] for q in quotes if q.get("speaker")]
    disputes: list[Dispute] = []
    for start, end in sentences:
        sentence = text[start:end]
        for cue_pattern, is_denial in ((patterns.deny, True), (patterns.respond, False)):
            for cue in cue_pattern.finditer(sentence):
                noun = patterns.claim_noun.match(sentence, cue.end())
                if not noun:
                    continue
                after = noun.end()
                marker = patterns.enumerator.search(sentence, after) or re.compile(r"\s+that\s+").match(sentence, after)
                if not marker:
                    continue
                content_start, content_end = trim_span(text, start + marker.end(), end)
                while content_end > content_start and text[content_end - 1] in _TRAILING:
                    content_end -= 1
                if content_end <= content_start:
                    continue
                by = patterns.claim_source.search(sentence, after, marker.start())
                earlier = [q["speaker"] for q in quotes if q.get("speaker") and q["start"] < start + cue.start()]
                last = disputes[-1].rebutter if disputes else (earlier[-1] if earlier else (known or [None])[0])
                subject = _subject_phrase(doc, start + cue.start())
                rebutter = _resolve(subject, acronyms, known, last) if subject else last
                source = _resolve(by.group("source"), acronyms, known, None) if by else None
                disputes.append(Dispute(start + cue.start(), content_start, content_end, rebutter, source, is_denial))
            if disputes and disputes[-1].cue_start >= start:
                break  # one dispute per sentence: a denial cue wins over a response cue
    return disputes


def _row(text: str, start: int, end: int, **fields) -> dict:
    claim_text = text[start:end]
    return {"start": start, "end": end, "text": claim_text,
            "numbers": [n.as_row() for n in parse_numbers(claim_text)], **fields}


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def claim_rows(article_id: str, doc: Doc, paragraphs: list[Paragraph], quotes: list[dict]) -> list[dict]:
    """One row per claim: each quote, each rebuttal and rebutted claim, and the article's own check-worthy sentences.

    ``quotes`` are rows of the quotes table (``quote_id``, ``start``, ``end``, ``speaker``, ``speaker_type``, ``cue``).
    """
    patterns = claim_patterns()
    text = doc_text(doc)
    by_paragraph = SpanIndex([p.start for p in paragraphs], range(len(paragraphs)))
    sentences = sentence_spans(doc)
    by_sentence = SpanIndex([s for s, _ in sentences], range(len(sentences)))
    own_sentences = [(s, e) for s, e in sentences
                     if paragraphs and paragraphs[by_paragraph.label_at(s)].kind in patterns.own_kinds]

    rows = []
    for quote in quotes:
        quote_text = text[quote["start"]:quote["end"]]
        rows.append(_row(text, quote["start"], quote["end"], claimant=quote.get("speaker") or None,
                         claim_type=classify_claim(quote_text, quote.get("cue"), quote.get("speaker_type")),
                         quote_id=quote["quote_id"], disputed_by=None))
    quote_spans = [(q["start"], q["end"]) for q in quotes]
    taken = list(quote_spans)
    for dispute in find_disputes(doc, own_sentences, quotes):
        if _overlaps(dispute.content_start, dispute.content_end, quote_spans):
            continue
        if dispute.is_denial:
            rows.append(_row(text, dispute.cue_start, dispute.content_end, claimant=dispute.rebutter,
                             claim_type="denial", quote_id=None, disputed_by=None))
        rows.append(_row(text, dispute.content_start, dispute.content_end, claimant=dispute.claim_source,
                         claim_type="reported", quote_id=None, disputed_by=dispute.rebutter))
        taken.append((dispute.cue_start, dispute.content_end))

    reported = patterns.types.get("reported", ())
    for start, end in own_sentences:
        sentence = text[start:end]
        if _overlaps(start, end, taken) or len(sentence.split()) < patterns.min_words:
            continue
        score = check_worthiness(sentence)
        is_reported = any(p.search(sentence) for p in reported)
        if is_reported or is_statistic(parse_numbers(sentence)) or score >= patterns.min_check_worthiness:
            rows.append(_row(text, start, end, claimant=None, quote_id=None, disputed_by=None,
                             claim_type="reported" if is_reported else classify_claim(sentence)))

    rows.sort(key=lambda r: (r["start"], r["end"]))
    for number, row in enumerate(rows, 1):
        row.update({
            "claim_id": f"{article_id}-c{number}",
            "article_id": article_id,
            "paragraph": paragraphs[by_paragraph.label_at(row["start"])].index if paragraphs else 0,
            "sentence": by_sentence.label_at(row["start"]) if sentences else None,
            "check_worthiness": check_worthiness(row["text"]),
        })
    return rows
