"""Places an article refers to by their adjective: "Iraqi officials", "the French engineer", "Russian and Chinese
diplomats". The adjectives and their places are data (``data/place_adjectives.tsv``).

Only an adjective that modifies a noun counts, alone or in a hyphenated compound ("the Syrian-Turkish border",
"the Russian-backed offensive"). None of these is a mention: a people's noun ("Iraqis", "the French"); a language
("speaks French", "English speakers"); a kind of thing ("Mexican food", "Asian carp"); an identity
("Mexican-American", "Asian American"); another sense ("Indian tribes"); a first name ("Rep. French Hill"); an
adjective that opens an organisation's, a brand's or a work's name ("the American Red Cross", "the Irish Times",
"the Mexican Army"). The nouns and names of these rules are data (``data/places_lexicon.yaml``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .gazetteer import Gazetteer, Place
from .resources import load_data_lines
from .segment import Paragraph
from .toponyms import ORGANISATION_WORDS, PLACE_OF_HEADS, Lexicon, Mention, places_lexicon

# entity labels whose names an adjective may open without naming the place ("the Russian Orthodox Church")
_NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP", "LOC", "GPE", "PERSON"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_HYPHENS = ("-", "–")
MAX_ADJECTIVE_WORDS = 3  # "Papua New Guinean"


@lru_cache(maxsize=1)
def place_adjectives() -> dict[str, tuple[str, str]]:
    """Adjective -> (the place's gazetteer name, its kind): "Iraqi" -> ("Iraq", "country")."""
    rows = (line.split("\t") for line in load_data_lines("place_adjectives.tsv"))
    return {adjective: (place, kind) for adjective, place, kind in rows}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first words of the adjectives ("South" of "South Korean"), to pass over other tokens quickly."""
    return frozenset(adjective.split()[0] for adjective in place_adjectives())


def adjective_place(written: str, gazetteer: Gazetteer) -> Place | None:
    """The place an adjective refers to ("Iraqi": Iraq), or None."""
    entry = place_adjectives().get(written)
    if entry is None:
        return None
    name, kind = entry
    return next((p for p in gazetteer.lookup(name) if p.name == name and p.kind == kind), None)


def _modified_noun(token: Token) -> Token | None:
    """The noun after it that the token modifies, itself or as a later conjunct ("Russian and Chinese officials")."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    head = token.head
    return head if token.dep_ in _MODIFIER_DEPS and head.i > token.i and head.pos_ in ("NOUN", "PROPN") else None


def _compound(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """The token bounds of the hyphenated compound the words ``first:last`` stand in ("Syrian-Turkish",
    "Russian-backed"); the words' own bounds when they stand alone."""
    while first > 1 and doc[first - 1].text in _HYPHENS and not doc[first - 2].whitespace_ and not doc[
            first - 1].whitespace_:
        first -= 2
    while last + 1 < len(doc) and not doc[last - 1].whitespace_ and doc[last].text in _HYPHENS and not doc[
            last].whitespace_:
        last += 2
    return first, last


def _opens_a_name(doc: Doc, last: int, lexicon: Lexicon) -> bool:
    """Whether capitalised words after the adjective make a name with it: an organisation's ("Mexican Army",
    "Egyptian Premier League"), a brand's ("Irish Times"), an event's or a style's ("Greek Revival"), a law's."""
    heads = (lexicon.organisation_heads | lexicon.brand_heads | lexicon.company_heads | lexicon.event_words
             | lexicon.law_heads)
    for token in doc[last:last + ORGANISATION_WORDS]:
        if not token.text[:1].isupper():
            return False
        if token.text in heads or token.text in lexicon.facility_heads:
            return True
    return False


def _inside_a_name(doc: Doc, first: int, last: int) -> bool:
    """Whether the adjective stands in an entity with another capitalised word: an organisation's, a work's or a
    place's name ("American Red Cross", "French Quarter", "African American")."""
    entity_words = [t for t in doc[first:last] if t.ent_type_ in _NAME_LABELS]
    if not entity_words:
        return False
    entity = next(e for e in doc.ents if e.start <= entity_words[0].i < e.end)
    return any(t.text[:1].isupper() and not (first <= t.i < last) and t.lower_ != "the" for t in entity)


def _identity(doc: Doc, first: int, last: int, start: int, end: int, identities: frozenset[str]) -> bool:
    """Whether the adjective at ``first:last`` (in the compound ``start:end``) is part of an identity: a hyphenated
    or two-word one ("African-American", "Asian American"), either word."""
    if end - start > last - first and doc[end - 1].text in identities:
        return True
    if last < len(doc) and doc[last].text in identities:
        return True  # "Asian" of "Asian American"
    return (doc[first:last].text in identities and first > 0
            and doc[first - 1].text in place_adjectives())  # "American" of "Asian American"


def _refers_to_place(doc: Doc, first: int, last: int, lexicon: Lexicon) -> bool:
    """Whether the adjective at ``first:last`` refers to its place: it modifies a noun (alone or in a hyphenated
    compound), and names no kind of thing, identity, label, other sense or name."""
    start, end = _compound(doc, first, last)
    noun = _modified_noun(doc[end - 1])
    if noun is None or noun.lower_ in lexicon.adjective_kinds:
        return False  # "the French", "Mexican food"
    if noun.i == end and noun.ent_type_ == "PERSON":
        return False  # a first name: "Rep. French Hill"
    if _identity(doc, first, last, start, end, lexicon.identity_words):
        return False  # "African-American", "Asian American"
    if (doc[last - 1].ent_type_ == "LANGUAGE" and noun.lower_ not in PLACE_OF_HEADS) or (
            first > 0 and last < len(doc) and doc[first - 1].text == "(" and doc[last].text.startswith(")")):
        return False  # a language: "English speakers", "Toolkit (Spanish):"; not "the southern English city of …"
    following = {noun.text, doc[last].text} if last < len(doc) else {noun.text}
    if following & lexicon.adjective_other_senses.get(doc[first:last].text, frozenset()):
        return False  # "Indian tribes"
    return not _inside_a_name(doc, first, last) and not _opens_a_name(doc, end, lexicon)


def adjective_mentions(doc: Doc, paragraphs: list[Paragraph], mentions: list[Mention]) -> list[Mention]:
    """Place adjectives that refer to their place, outside other mentions and credits, in text order."""
    adjectives = place_adjectives()
    lexicon = places_lexicon()
    taken = [False] * len(doc)
    credits = [p.credit_span for p in paragraphs if p.credit_span is not None]
    for start, end in [(m.start, m.end) for m in mentions] + credits:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            taken[span.start:span.end] = [True] * len(span)
    found = []
    words = [token.text for token in doc]
    i = 0
    while i < len(doc):
        if words[i] not in _first_words():
            i += 1
            continue
        for size in range(min(MAX_ADJECTIVE_WORDS, len(doc) - i), 0, -1):
            last = i + size
            if " ".join(words[i:last]) not in adjectives or any(taken[i:last]) or doc[i:last].text not in adjectives:
                continue
            if _refers_to_place(doc, i, last, lexicon):
                found.append(Mention(doc[i].idx, doc[last - 1].idx + len(doc[last - 1]), "adjective"))
            i = last - 1
            break
        i += 1
    return found
