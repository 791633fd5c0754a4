"""The entities stage: spaCy's named-entity mentions with a canonical name."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from .parse import doc_text
from .segment import Paragraph
from .spans import LEADING_THE, TICKER_OPENING, TRAILING_POSSESSIVE, SpanIndex, trim_span

_ACRONYM_DEFINITION = re.compile(
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of|and|for|the|on|&|[A-Z][\w.&'’-]*))*)"
    r"\s+\((?P<acronym>[A-Z][A-Za-z&.]{1,9})\)"
)


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines, as in "Department of Homeland Security (DHS)" → {"DHS": "Department ..."}.

    The long form is trimmed from the left until its capitals spell the acronym.
    """
    return dict(_defined_acronyms(text))


@lru_cache(maxsize=8)
def _defined_acronyms(text: str) -> tuple[tuple[str, str], ...]:
    """``defined_acronyms``, memoised: entities, speakers and claims each read an article's acronyms."""
    found: dict[str, str] = {}
    for match in _ACRONYM_DEFINITION.finditer(text):
        acronym = match.group("acronym").replace(".", "")
        words = match.group("name").split()
        for first in range(len(words)):
            candidate = words[first:]
            initials = "".join(w[0] for w in candidate if w[0].isupper())
            if initials == acronym:
                found.setdefault(acronym, LEADING_THE.sub("", " ".join(candidate)))
                break
    return tuple(found.items())


_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)$")
# a ticker in angle brackets after a company's name, and the brackets around the name (Reuters-21578: "<Sulpetro
# Ltd>", "Plessey Co Plc <PLY.L>")
_TICKER_TAG = re.compile(r"\s*" + TICKER_OPENING + r"(?:>|$)")
_ANGLE = re.compile(r"[<>]")


_LEADING_DASH = re.compile(r"^[-–—―]+\s*")  # a signature's dash the model took into the name: "― Jacklyn Ashley"


def canonical_name(mention: str, acronyms: dict[str, str]) -> str:
    """The mention without a leading dash or 'the', a possessive ending, a closing bracket ("Immigration and
    Customs Enforcement (ICE)", "Ken Calvert (CA-44)") or angle brackets and a ticker in them ("<Sulpetro Ltd>",
    "Plessey Co Plc <PLY.L>"), with a defined acronym expanded."""
    name = TRAILING_POSSESSIVE.sub("", LEADING_THE.sub("", _LEADING_DASH.sub("", mention.strip())))
    name = _TRAILING_BRACKET.sub("", name) or name
    if "<" in name or ">" in name:
        name = " ".join(_ANGLE.sub(" ", _TICKER_TAG.sub("", name)).split()) or name
    return acronyms.get(name, name)


def entity_rows(article_id: str, doc: Doc, paragraphs: list[Paragraph], sentence_starts: list[int]) -> list[dict]:
    """One row per named-entity mention, placed in its paragraph and sentence."""
    text = doc_text(doc)
    acronyms = defined_acronyms(text)
    by_paragraph = SpanIndex([p.start for p in paragraphs], [p.index for p in paragraphs])
    by_sentence = SpanIndex(sentence_starts, range(len(sentence_starts)))
    rows = []
    for ent in doc.ents:
        start, end = trim_span(text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        mention = text[start:end]
        rows.append({
            "article_id": article_id,
            "entity": len(rows),
            "paragraph": by_paragraph.label_at(start),
            "sentence": by_sentence.label_at(start) if sentence_starts else 0,
            "start": start,
            "end": end,
            "text": mention,
            "label": ent.label_,
            "canonical": canonical_name(mention, acronyms),
            "target_sentiment": None,  # filled for PERSON mentions by target_sentiment.person_sentiment_rows
            "target_sentiment_score": None,
        })
    return rows
