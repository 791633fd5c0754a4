"""Recognising place mentions: spaCy's GPE/LOC/FAC entities, gazetteer matches the model missed, state
abbreviations after a city, and facility names ("HD Cooke Elementary School").

Not places: names inside a photo credit, a place name that starts an organisation's name ("U.S. Immigration and
Customs Enforcement", "Texas DPS"), and demonyms ("Iraqi").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, LEMMA, LENGTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, Place, load_gazetteer, lookup_key, name_key
from .parse import doc_text
from .resources import load_data_lines, load_data_yaml
from .segment import Paragraph
from .spans import LEADING_THE, TRAILING_POSSESSIVE

PLACE_LABELS = ("GPE", "LOC", "FAC")
DATELINE_MARKS = frozenset({"—", "–", "-", "--", "(", ":"})
_DASHES = DATELINE_MARKS - {"(", ":"}
LOCATIVES = frozenset({"in", "near", "from", "outside", "across", "throughout", "around", "to", "at", "into"})
# locatives that mark a place firmly enough for the article's other mentions of the name ("in", not "from" or "to":
# "property stolen from Welch")
STRONG_LOCATIVES = frozenset({"in", "near", "outside", "throughout", "across", "around"})
NAME_LINKS = frozenset({"of", "de", "del", "la", "OF", "DE", "DEL", "LA"})
# words whose "of" names a place: "60 miles southwest of Raleigh", "the northeastern city of Tianjin", "the
# outskirts of Aleppo"
PLACE_OF_HEADS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                            "outskirts", "suburbs", "suburb", "city", "town", "village", "township", "hamlet",
                            "borough", "province", "capital", "downtown"})
MAX_NAME_TOKENS = 4
MIN_UNTAGGED_CITY_POPULATION = 15_000
MIN_RELABEL_POPULATION = 100_000
MIN_LOCAL_BODY_POPULATION = 1_000
PARTY_LETTERS = frozenset({"D", "R", "I", "DFL"})  # "Rep. Wendell Gilliard, D-Charleston": party and home town
SUBNATIONAL_KINDS = ("city", "county", "state")
ORGANISATION_WORDS = 6  # words of an organisation's name after the place name, looked at for a brand word
ORGANISATION_LINKS = frozenset({"of", "and", "&", "for", "'s", "’s", "-", "on"})
CAPITALS_SHARE = 0.8
# a body's name a state opens, after the state: " State Department of Health", " Department of Transportation"
_BODY_AFTER_STATE = re.compile(r"\s+(?:State\s+)?[A-Z][a-z]+\s+(?:of|for)\b")
_STATE_AFTER = re.compile(r"^,\s*(?P<state>[A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.)?(?:\s[A-Z][a-z]+)?)")


@dataclass(frozen=True)
class Mention:
    """A place mention: offsets into the text, and how it was found (ner, gazetteer, state, county, facility)."""

    start: int
    end: int
    source: str
    dateline: bool = False  # a dateline names the city the story was filed from ("NEW YORK (AP) —")
    placed: bool = False  # a firm cue marks it as a place: "in Darfur", "the town of Maameltein", "Mobile, Ala."
    stands_for: str | None = None  # the full name that initials abbreviate: "T&T" for "Trinidad and Tobago"


@dataclass(frozen=True)
class Lexicon:
    facility_heads: dict[str, tuple[tuple[str, ...], ...]]  # last word -> token sequences, longest first
    organisation_heads: frozenset[str]
    brand_heads: frozenset[str]
    public_body_heads: frozenset[str]
    stop_places: frozenset[str]
    way_heads: frozenset[str]
    street_heads: frozenset[str]
    disease_words: frozenset[str]
    company_heads: frozenset[str]
    unplaced_body_heads: frozenset[str]
    local_nouns: frozenset[str]
    office_heads: frozenset[str]
    holiday_words: frozenset[str]
    feature_words: frozenset[str]
    speaking_verbs: frozenset[str]
    street_plurals: frozenset[str]
    organisation_openers: frozenset[str]
    plural_titles: frozenset[str]
    landform_words: frozenset[str]
    landform_openers: frozenset[str]
    airport_heads: frozenset[str]
    personal_titles: frozenset[str]
    landmarks: dict[tuple[str, ...], tuple[str, str]]  # words -> (city, its state or country code)
    landmark_locatives: frozenset[str]
    landmarks_stood_on: frozenset[tuple[str, ...]]  # landmarks "on" places: "on Capitol Hill"
    kin_nouns: frozenset[str]
    vehicle_makes: frozenset[str]
    settlement_words: frozenset[str]
    city_part_heads: frozenset[str]
    numbered_heads: frozenset[str]
    study_nouns: frozenset[str]
    town_endings: tuple[str, ...]
    law_heads: frozenset[str]
    operation_openers: frozenset[str]
    beyond_town_words: frozenset[str]
    public_space_words: frozenset[str]
    event_words: frozenset[str]
    region_heads: frozenset[str]
    adjective_kinds: frozenset[str]  # "Mexican food": a kind of thing, no place (analysis/place_adjectives.py)
    identity_words: frozenset[str]  # "African-American": a people
    adjective_other_senses: dict[str, frozenset[str]]  # adjective -> nouns of another sense ("Indian tribes")
    hyphen_place_words: frozenset[str]  # "Northbrook-based": the name before the hyphen is a place
    school_heads: frozenset[str]  # "Buckland Elementary": a school's name, outside headlines
    facility_body_words: frozenset[str]  # "… School District": a body's name, not the school's
    leader_body_heads: frozenset[str]  # "the Howard Government": a leader's, not a town's
    dedication_heads: frozenset[str]  # "the church of St. Paul": a saint's name, not a town's
    comma_region_countries: frozenset[str]  # "Wainwright, Alta.": countries whose towns are written with a region
    firm_suffixes: frozenset[str]  # "Argo Petroleum Corp": a firm's legal form
    electoral_district_words: frozenset[str]  # "the 9th Congressional District": no place of its own


@lru_cache(maxsize=1)
def places_lexicon() -> Lexicon:
    """Facility and organisation head words from ``data/places_lexicon.yaml``."""
    raw = load_data_yaml("places_lexicon.yaml")
    heads: dict[str, list[tuple[str, ...]]] = {}
    for head in sorted((tuple(h.split()) for h in raw["facility_heads"]), key=len, reverse=True):
        heads.setdefault(head[-1], []).append(head)
    return Lexicon({last: tuple(v) for last, v in heads.items()}, frozenset(raw["organisation_heads"]),
                   frozenset(raw["brand_heads"]),
                   frozenset(raw["public_body_heads"]), frozenset(raw["stop_places"]), frozenset(raw["way_heads"]),
                   frozenset(raw["street_heads"]), frozenset(raw["disease_words"]),
                   frozenset(raw["company_heads"]), frozenset(raw["unplaced_body_heads"]),
                   frozenset(raw["local_nouns"]), frozenset(raw["office_heads"]),
                   frozenset(raw["holiday_words"]), frozenset(raw["feature_words"]),
                   frozenset(raw["speaking_verbs"]), frozenset(raw["street_plurals"]),
                   frozenset(raw["organisation_openers"]), frozenset(raw["plural_titles"]),
                   frozenset(raw["landform_words"]), frozenset(raw["landform_openers"]),
                   frozenset(raw["airport_heads"]), frozenset(raw["personal_titles"]),
                   {tuple(name.split()): (place[0], place[1]) for name, place in raw["landmarks"].items()},
                   frozenset(raw["landmark_locatives"]),
                   frozenset(tuple(name.split()) for name in raw["landmarks_stood_on"]), frozenset(raw["kin_nouns"]),
                   frozenset(raw["vehicle_makes"]), frozenset(raw["settlement_words"]),
                   frozenset(raw["city_part_heads"]), frozenset(raw["numbered_heads"]),
                   frozenset(raw["study_nouns"]), tuple(raw["town_endings"]), frozenset(raw["law_heads"]),
                   frozenset(raw["operation_openers"]), frozenset(raw["beyond_town_words"]),
                   frozenset(raw["public_space_words"]), frozenset(raw["event_words"]),
                   frozenset(raw["region_heads"]), frozenset(raw["adjective_kinds"]),
                   frozenset(raw["identity_words"]),
                   {adjective: frozenset(nouns) for adjective, nouns in raw["adjective_other_senses"].items()},
                   frozenset(raw["hyphen_place_words"]), frozenset(raw["school_heads"]),
                   frozenset(raw["facility_body_words"]), frozenset(raw["leader_body_heads"]),
                   frozenset(raw["dedication_heads"]), frozenset(raw["comma_region_countries"]),
                   frozenset(raw["firm_suffixes"]), frozenset(raw["electoral_district_words"]))


def _dedicated_saint(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """True for a saint's name after a word whose "of" names one ("the church of St. Peter"), or after such a saint
    and "and" ("… of St. Peter and St. Paul")."""
    k = first
    while True:
        if k >= 2 and words[k - 1] == "of":
            return words[k - 2].lower() in lexicon.dedication_heads
        if k < 3 or words[k - 1] not in ("and", "&", ","):
            return False
        earlier = next((j for j in range(k - 2, max(k - 5, -1), -1) if words[j] in _SAINTS), None)
        if earlier is None:
            return False
        k = earlier  # the saint before "and": "St. Peter and" St. Paul


def _studied(words: list[str], index: int) -> bool:
    """Whether the word at ``index`` (before "in") names a field of study's degree or major: "degree", "master's"."""
    nouns = places_lexicon().study_nouns
    return words[index] in nouns or words[index] in ("'s", "’s") and index > 0 and words[index - 1] + "'s" in nouns


_COUNTY_PLURALS = frozenset({"counties", "parishes"})
_COUNTY_SINGULARS = frozenset({"county", "parish"})


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


_HEADLINE_RUN_TOKENS = 3


def _headline_run(entity: Span) -> bool:
    """True for an entity of three or more words in a sentence whose every word is capitalised (a headline), where
    the model often reads a verb and a place into a person's name."""
    if len(entity) < _HEADLINE_RUN_TOKENS:
        return False
    words = [t for t in entity.sent if t.is_alpha]
    return len(words) >= 4 and all(t.text[0].isupper() for t in words if not t.is_stop or t.i == words[0].i)


def _names_site(entity: Span, lexicon: Lexicon) -> bool:
    """True for an entity holding a settlement word, a landform or feature word or the last word of a facility's
    name ("Avondale Estates"), or right before a facility's name ("Lancaster Girls’ Grammar School")."""
    if any(t.text in lexicon.settlement_words or t.text in lexicon.landform_words or t.text in lexicon.facility_heads
           or t.text in lexicon.feature_words for t in entity):
        return True
    doc = entity.doc
    k = entity.end
    if k < len(doc) and doc[k].text in ("'", "’", "'s", "’s"):
        k += 1
    for after in range(k, min(k + 3, len(doc))):
        if not _capitalised(doc[after]):
            return False
        if doc[after].text in lexicon.facility_heads:
            return True
    return False


def _in_caps(text: str, paragraph: Paragraph | None) -> bool:
    """True for a paragraph written in capitals (a headline or teaser)."""
    if paragraph is None:
        return False
    letters = list(filter(str.isalpha, text[paragraph.start:paragraph.end]))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) >= CAPITALS_SHARE


def _subnational(place: Place | None) -> bool:
    return place is not None and place.kind in SUBNATIONAL_KINDS


def _spaced_dash_end(entity: Span) -> int:
    """The index of the first spaced dash in an entity ("Mr Trump - Wisconsin"), or the entity's end; a hyphen in a
    name ("Lin-Manuel") is no such dash."""
    doc = entity.doc
    return next((t.i for t in entity if t.text in _DASHES and t.i > 0 and doc[t.i - 1].whitespace_), entity.end)


def _brand(doc: Doc, end_token: int, lexicon: Lexicon) -> bool:
    """True when the organisation name that goes on after a place name is a brand's: a word of ``brand_heads``
    among its next capitalised words ("New York Daily News", "Ohio State University")."""
    for token in doc[end_token:end_token + ORGANISATION_WORDS]:
        if token.text in lexicon.brand_heads:
            return True
        if not (_capitalised(token) or token.text in ORGANISATION_LINKS):
            break
    return False


def _starts_organisation(doc: Doc, end_token: int, lexicon: Lexicon, place: Place | None = None) -> bool:
    """True when the word right after a place name makes it part of an organisation's name ("Texas DPS",
    "U.S. Immigration and Customs Enforcement"), but not when a city, county or state names a local body that
    serves it or stands there ("Richmond Police Department"): that is a place of the story."""
    if end_token >= len(doc) or not doc[end_token - 1].whitespace_:
        return False
    following = doc[end_token]
    if not _capitalised(following) or following.text not in lexicon.organisation_heads:
        return False
    return not _subnational(place) or _brand(doc, end_token, lexicon) or _compass_division(place)


_DIVISION_HEADS = frozenset({"District", "Province", "Region", "Division"})


def _compass_division(place: Place | None) -> bool:
    """True for a region named only by a compass word and a division's head ("Central District", "Northern
    Province"): many countries have one, so the court or office it opens names no region of the story ("the Seoul
    Central District Court" is not Israel's Central District)."""
    words = place.name.split() if place is not None else []
    return len(words) == 2 and words[0].lower() in COMPASS_WORDS and words[1] in _DIVISION_HEADS


def _names_disease(doc: Doc, end_token: int, lexicon: Lexicon) -> bool:
    """True when a disease word follows the place name ("West Nile virus", "Marburg virus"), or a possessive and a
    day's word ("St. Patrick's Day"): the name is a disease's or a holiday's."""
    if end_token < len(doc) and doc[end_token].text in lexicon.disease_words:
        return True
    if 0 < end_token < len(doc) and doc[end_token - 1].text in _POSSESSIVES:  # the model's "St. Patrick's" + "Day"
        end_token -= 1
    return (end_token + 1 < len(doc) and doc[end_token].text in _POSSESSIVES
            and doc[end_token + 1].text in lexicon.holiday_words)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = LEADING_THE.match(span)
    if lead:
        start += lead.end()
    tail = TRAILING_POSSESSIVE.search(text[start:end])
    if tail:
        end -= len(tail.group())
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


class _Tokens:
    """The texts, offsets and IS_ALPHA flags of a Doc's tokens, read in one array pass.

    Per-token loops that index ``doc[i]`` build a Token object each time; these lists are read once per Doc.
    """

    def __init__(self, doc: Doc) -> None:
        self.text = text = doc_text(doc)
        values = doc.to_array([IDX, LENGTH, IS_ALPHA]).astype(np.int64)
        self.starts: list[int] = values[:, 0].tolist()
        self.ends: list[int] = (values[:, 0] + values[:, 1]).tolist()
        self.words = [text[start:end] for start, end in zip(self.starts, self.ends, strict=True)]
        self.is_alpha: list[bool] = values[:, 2].astype(bool).tolist()

    def span_text(self, first: int, last: int) -> str:
        """``doc[first:last].text``."""
        return self.text[self.starts[first]:self.ends[last - 1]]


_ARTICLES = frozenset({"The", "A", "An"})


def _landmark_spans(words: list[str], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Token ranges of the lexicon's landmarks ("White House", "Kremlin")."""
    firsts = {name[0] for name in lexicon.landmarks}
    found = []
    for index, word in enumerate(words):
        if word in firsts:
            found += [(index, index + len(name)) for name in lexicon.landmarks
                      if tuple(words[index:index + len(name)]) == name]
    return found


def _facility_mentions(doc: Doc, lexicon: Lexicon, tokens: _Tokens | None = None) -> list[tuple[int, int, bool]]:
    """Token ranges of facility names: capitalised words ending in a facility head ("... Elementary School"); and,
    flagged True, the head alone where a word after it makes the whole a body's name ("... School District", "...
    Hospital Association"): no facility, nor a place ("Airport" of "Pasadena Airport Authority")."""
    words = (tokens or _Tokens(doc)).words
    found = []
    index = len(words) - 1
    while index > 0:
        head = next((h for h in lexicon.facility_heads.get(words[index], ())
                     if tuple(words[index + 1 - len(h):index + 1]) == h), None)
        if head is None and _school_head(doc, words, index, lexicon):
            head = (words[index],)
        if head is None:
            index -= 1
            continue
        first_head = index + 1 - len(head)
        if index + 1 < len(words) and (words[index + 1] in lexicon.facility_body_words
                                       or words[index + 1] in lexicon.unplaced_body_heads):
            found.append((first_head, index + 1, True))  # a town opening it is left to the rules for local bodies
            index = first_head - 1
            continue
        left = first_head
        while left > 0 and _facility_word(words, left - 1):
            left -= 1
            if doc[left].is_sent_start:
                break
        opening = doc[left].is_sent_start
        while left < first_head and (words[left] in _ARTICLES or words[left] in _OPENING_WORDS or (
                opening and doc[left].pos_ in _NOT_NAME_POS)):
            left += 1  # "The University of Texas": an article alone before the head names no facility; nor does
            # a sentence's first word ("At St. Paul's Hospital, …"; "Tabled Cold Hill Elementary's request")
        if left < first_head and not " ".join(words[left:index + 1]).isupper():
            found.append((left, index + 1, False))
            index = left - 1
        else:
            index = first_head - 1
    return found[::-1]


def _school_head(doc: Doc, words: list[str], index: int, lexicon: Lexicon) -> bool:
    """True for a school's shortened name's last word ("Buckland Elementary", "Patriot High"): not followed by a
    capitalised word or a hyphen, and in a sentence that has words in lower case or ends with a full stop (not a
    headline: "Stocks Hit Record High")."""
    if words[index] not in lexicon.school_heads or (index + 1 < len(words) and (
            words[index + 1][:1].isupper() or words[index + 1] == "-" and not doc[index].whitespace_)):
        return False  # "Patriot High School" (the head is "School"), "California High-Speed Rail"
    sentence = [t for t in doc[index].sent if not t.is_space]
    return sentence[-1].text == "." or any(t.is_alpha and t.text.islower() and not t.is_stop for t in sentence)


# opening a name: "St. John's", "Mt. Pleasant", and in British style without the full stop ("St George's Chapel")
_NAME_ABBREVIATIONS = frozenset({"St.", "Ste.", "Mt.", "Ft.", "St", "Ste"})
_OPENING_WORDS = frozenset({"At", "In", "On", "From", "To", "For", "By", "With", "And", "But", "Near", "Outside",
                            "Inside", "Since", "After", "Before", "When", "While", "Of"})
_POSSESSIVES = frozenset({"'s", "’s"})
# parts of speech of a sentence's first word that is capitalised only for being first
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "SCONJ", "CCONJ", "PRON", "DET"})


def _facility_word(words: list[str], index: int) -> bool:
    """A word of a facility's name before its head: capitalised, "St." or "Mt.", or a saint's possessive ("St. John's
    Lutheran School"; not a place's: "Toronto's Pearson International Airport" names Toronto and the airport)."""
    word = words[index]
    if word in _POSSESSIVES:
        return index > 1 and words[index - 1][:1].isupper() and words[index - 2] in _NAME_ABBREVIATIONS
    return word[:1].isupper() and (word.isalpha() or word in _NAME_ABBREVIATIONS)


def _street_mentions(doc: Doc, lexicon: Lexicon, tokens: _Tokens) -> list[tuple[int, int]]:
    """Token ranges of street names: one to four capitalised words ending in a street word, with no capitalised
    word after it ("Augusta St.", "North Cooper Street"; not "Highway Patrol" or "Main Street Bank")."""
    words = tokens.words
    found = []
    heads = (k for k, word in enumerate(words) if word in lexicon.street_heads or word + "." in lexicon.street_heads)
    for head in heads:
        # a head may be split from its full stop: "3801 Nebraska Ave., NW" is "Ave" and "." before the comma
        split = words[head] not in lexicon.street_heads
        if split and not (head + 1 < len(words) and words[head + 1] == "." and not doc[head].whitespace_):
            continue
        index = head + 1 if split else head  # the head's last token
        after = words[index + 1] if index + 1 < len(words) else ""
        if after[:1].isupper() or index + 1 < len(words) and not doc[index].whitespace_ and after[:1].isalnum():
            continue
        left = head
        while (left > 0 and head - left < 4 and words[left - 1][:1].isupper()
               and (tokens.is_alpha[left - 1] or words[left - 1].rstrip(".").isalpha())):
            left -= 1
            if doc[left].is_sent_start:
                break
        if doc[left].is_sent_start and words[left] in _OPENING_WORDS:
            left += 1  # "On Wall Street, the Dow …": the sentence's first word is no part of the name
        if left < head and not " ".join(words[left:head + 1]).isupper():
            found.append((left, index + 1))
    return found + _listed_streets(doc, lexicon, tokens)


_STREET_LIST_LINKS = frozenset({",", "and", "&", "or"})


def _listed_streets(doc: Doc, lexicon: Lexicon, tokens: _Tokens) -> list[tuple[int, int]]:
    """Token ranges of street names listed before a plural street word: "Culver and Charter streets", "Clairmont
    and North Druid Hills roads" (each name without the street word)."""
    words = tokens.words
    found = []
    for index in (k for k, w in enumerate(words) if w in lexicon.street_plurals):
        names: list[tuple[int, int]] = []
        end = index
        while True:
            left = end
            while left > 0 and end - left < 3 and words[left - 1][:1].isupper() and (
                    tokens.is_alpha[left - 1] or words[left - 1].rstrip(".").isalpha()):
                left -= 1
            if left == end:
                break
            names.append((left, end))
            if left == 0 or words[left - 1] not in _STREET_LIST_LINKS:
                break
            end = left - 1
            if words[end - 1:end] == [","] and words[end] in ("and", "or"):
                end -= 1  # "A, B, and C streets"
        if len(names) >= 2:
            found.extend(names)
    return found


def find_mentions(doc: Doc, paragraphs: list[Paragraph], gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Place mentions of the doc, in text order, not overlapping."""
    gazetteer = gazetteer or load_gazetteer()
    lexicon = places_lexicon()
    text = doc_text(doc)
    starts = [p.start for p in paragraphs]

    def paragraph_at(offset: int) -> Paragraph | None:
        from bisect import bisect_right

        index = bisect_right(starts, offset) - 1
        return paragraphs[index] if index >= 0 and offset < paragraphs[index].end else None

    def in_credit(start: int) -> bool:
        p = paragraph_at(start)
        credit = p.credit_span if p is not None else None
        return credit is not None and credit[0] <= start < credit[1]

    caps_by_paragraph: dict[int, bool] = {}

    def in_caps_at(offset: int) -> bool:
        paragraph = paragraph_at(offset)
        key = paragraph.index if paragraph else -1
        if key not in caps_by_paragraph:
            caps_by_paragraph[key] = _in_caps(text, paragraph)
        return caps_by_paragraph[key]

    tokens = _Tokens(doc)
    words = tokens.words
    taken = [False] * len(doc)
    for match in _BYLINE_OR_CREDIT.finditer(text):  # a writer's or photographer's name: "BY CHAD KLIMACK"
        group = "name" if match.group("name") else "photographer"
        span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
        if span is not None:
            taken[span.start:span.end] = [True] * len(span)
    mentions: list[Mention] = []
    # words of people's full names ("Jane Ripley"): the same word alone is the person again, not a place
    # (but not a country's name the model folded into a person's after a first word: "Rethinking Egypt"; a
    # first name may be a country's: "Georgia Stevens")
    ents = doc.ents
    # (nor the place before an office that opens the model's person: "Avondale Mayor Ed Rieker")
    # (nor a long "person" the model found in a headline's capitals: "Freemason Bogdanov Joins Sochi Mayor Race")
    # (nor the words after a spaced dash in a "person": "Mr Trump - Wisconsin and Pennsylvania")
    # (nor a "person" that names a settlement, a landform or a facility: "SOS Children's Village Malakal",
    # "Randwick Racecourse"; nor one that opens with a preposition: "Beyond Madinaty, Liverpool have …")
    named = [t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 and not _headline_run(e)
             and not _names_site(e, lexicon) and e[0].pos_ != "ADP"
             for t in doc[_office_at(e, lexicon):_spaced_dash_end(e)]
             if t.i == e.start or not any(p.kind == "country" for p in gazetteer.lookup(t.text)[:1])]
    # (and a town's name that speaks: "“…,” Petrova said", "said Noma")
    named += _speaking_names(doc, gazetteer, lexicon) + _titled_list(words, lexicon) + _kin_names(words, lexicon)
    named += _first_names_before_surname(doc, words)
    # (and a firm's name the article writes with its legal form: "Argo" of "Argo Petroleum Corp" is the firm again)
    named += _firm_names(words, gazetteer, lexicon)
    # and in capitals: a transcript's speaker label ("REP. GUTIERREZ:") is the person, not a town
    person_words = frozenset(named) | frozenset(word.upper() for word in named)
    # surnames of people named with a first name ("Lynda Bennett"): "near Bennett" is beside her, only "in" places
    surnames = frozenset(e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[0].text in first_names())

    # the models named after a vehicle's maker anywhere in the article: "a red Dodge Durango", then "the Durango"
    products = frozenset(words[k + 1] for k, word in enumerate(words[:-1])
                         if word in lexicon.vehicle_makes and words[k + 1][:1].isupper())

    def something_else(first: int, last: int, written: str) -> bool:
        """Whether a name found here is a vehicle, an era, part of a longer name or a numbered part of a road."""
        if first > 0 and (words[first - 1] in lexicon.vehicle_makes or written in _ERAS and doc[first - 1].like_num):
            return True  # a vehicle's model after its maker ("a red Dodge Durango"), an era after a year ("500 BC")
        if written in products or last - first > 1 and words[first] in lexicon.vehicle_makes and not gazetteer.lookup(
                written):
            return True  # a vehicle: "a silver Pontiac Grand Prix", "the Durango" after "a red Dodge Durango"
        if words[first] in _SAINTS and _dedicated_saint(words, first, lexicon):
            return True  # a saint something is dedicated to: "the church of St. Peter and St. Paul"
        if first > 1 and words[first - 1] == "in" and _studied(words, first - 2) and not gazetteer.lookup(written):
            return True  # a field of study: "a degree in History and Literature"
        if last + 2 < len(doc) and words[last] == "of" and words[last + 1] == "the" and words[last + 2][:1].isupper():
            return not _place_cue(doc, first)  # "Queens of the Stone Age" (not "the village of Achguara of the …")
        return last - first == 2 and words[first] in lexicon.numbered_heads and words[first + 1].isdigit()  # "Exit 6"

    def add(first: int, last: int, start: int, end: int, source: str) -> None:
        if end <= start or any(taken[first:last]) or in_credit(start):
            return
        if source not in ("facility", "street") and something_else(first, last, text[start:end]):
            return
        if (source != "facility" and words[first] in _SAINTS and last - first == 2 and words[first + 1] in first_names()
                and last + 1 < len(doc) and words[last] in ("'s", "’s") and tokens.is_alpha[last + 1]):
            # an institution named after a saint: "St. Michael's pupils" (not "St. John's, Newfoundland", nor "St.
            # Petersburg's"), and "Mary" of it is no town either
            taken[first:last] = [True] * (last - first)
            return
        for k in range(first, last):
            taken[k] = True
        dateline = _dateline(doc, first, last, text[start:end], gazetteer)
        placed = dateline or _after_firm_locative(doc, first, last) or _place_cue(doc, first) or _followed_by_state(
            doc, last, gazetteer)
        mentions.append(Mention(start, end, source, dateline, placed))

    # 0. landmarks that stand for a government: a facility after a locative ("at the White House"), else no place
    for first, last in _landmark_spans(words, lexicon):
        if _followed_by_state(doc, last, gazetteer):
            continue  # the town: "White House, Tennessee"
        before = first - 1 if first > 0 and words[first - 1].lower() == "the" else first
        locative = words[before - 1].lower() if before > 0 else ""
        if locative in lexicon.landmark_locatives or (
                locative == "on" and tuple(words[first:last]) in lexicon.landmarks_stood_on):
            span = doc[first:last]
            add(first, last, span.start_char, span.end_char, "landmark")
        for k in range(first, last):
            taken[k] = True

    # 1. facility names (longest spans first, so the place inside a facility's name is not a separate mention)
    for first, last, body in _facility_mentions(doc, lexicon, tokens):
        if body:
            taken[first:last] = [True] * (last - first)
            continue
        span = doc[first:last]
        add(first, last, *_trim(text, span.start_char, span.end_char), "facility")

    # 1b. street names, whatever the model tagged them ("420 Augusta St.", "Warden's Memphis Street home")
    for first, last in _street_mentions(doc, lexicon, tokens):
        span = doc[first:last]
        add(first, last, *_trim(text, span.start_char, span.end_char), "street")

    # 1c. counties named together before "counties": "Barrow, Jackson and Madison counties" (before the model's
    # places, which would read "Clay" or "Douglas" in such a list as a town)
    for first, last in _county_list(doc, taken, tokens):
        written = doc[first:last].text
        if gazetteer.state(written) is not None or any(p.kind == "country" for p in gazetteer.lookup(written)):
            continue  # "Indiana counties": the state's, not Indiana County
        if any(p.kind == "county" for p in gazetteer.lookup(written + " County")):
            span = doc[first:last]
            add(first, last, span.start_char, span.end_char, "county")

    # 2. gazetteer names longer than spaCy's entity ("Washington, D.C.") and spaCy's place entities
    for ent in ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        first, last = ent.start, ent.end
        longer = None
        if first > 0 and not taken[first - 1] and tokens.is_alpha[first - 1] and words[first - 1][:1].isupper():
            earlier = _longest_match(tokens, first - 1, gazetteer, max_tokens=MAX_NAME_TOKENS + 2)
            if earlier and earlier >= last:
                first, longer = first - 1, earlier  # the name's first word, which the model's place lacks: "Edward
                # Island" of "Prince Edward Island"
        if longer is None:
            longer = _longest_match(tokens, first, gazetteer, max_tokens=MAX_NAME_TOKENS + 2)
        if longer and longer > last:
            last = longer
        elif words[first] in _QUADRANTS and last - first > 1:
            # a street address's quadrant is no part of the town after it: "Nebraska Ave., NW Washington, DC"
            after = _longest_match(tokens, first + 1, gazetteer, max_tokens=MAX_NAME_TOKENS + 2)
            if after and after > last:
                first, last = first + 1, after
        while last - first > 1 and words[last - 1] in lexicon.office_heads and words[
                last - 1] not in _PLACE_WORDS and gazetteer.lookup(" ".join(words[first:last - 1])):
            last -= 1  # the place an office serves, not the office: "Suffolk County Sheriff Errol Toulon"
        if last - first > 1 and _city_word_of_body(tokens, first, last, gazetteer):
            last -= 1  # "then Dublin City Manager Jane Brautigam", the model's place "Dublin City"
        if words[last - 1] == "of" and last < len(doc) and _capitalised(doc[last]):
            continue  # the opening of a longer name the model split: "the Village of" Glen Carbon
        while last - first > 1 and doc[last - 1].is_lower and doc[last - 1].is_stop:
            last -= 1  # the model's entity ran into the next words: "City Hall to", "Highway 59 to"
        start, end = _trim(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
        written = text[start:end]
        if not written or gazetteer.is_demonym(written) or not written[:1].isupper():
            continue
        readings = gazetteer.lookup(written)
        if _opened_organisation(doc, first, last, gazetteer, lexicon):
            continue  # "United Way", "non-United Russia candidate"
        if doc[first].text in lexicon.personal_titles:
            continue  # a person the model read as a place: "Ms Raggi"
        if (first > 0 and doc[first - 1].text in lexicon.personal_titles and readings
                and all(p.kind == "city" and p.population < MIN_UNTAGGED_CITY_POPULATION for p in readings)):
            # a person named like a small town, after a title: "South African President Thabo Mbeki" (not a
            # dateline after a headline's last word: "… Taliban Commander Washington, DC –")
            taken[first:last] = [True] * (last - first)
            continue
        if not readings and (words[last - 1] in lexicon.law_heads or words[first] in lexicon.operation_openers):
            taken[first:last] = [True] * (last - first)  # nor is "Monongahela" of the "Wild Monongahela Act" a river
            continue  # a law or an operation the model read as a facility: "the … Framework Act of 2003"
        if not readings and (words[last - 1] in lexicon.event_words or all(
                w in lexicon.electoral_district_words for w in words[first:last])):
            continue  # an event or a period ("the Armenian Genocide", "Women's History Month", "the Station Fire"),
            # or an electoral district named by its number alone ("the 9th Congressional District")
        if not readings and _listed_with_people(doc, first, last):
            continue  # "Ravi Ragbir, Jean Montrevil, Eliseo Jurado, and …": a person the model read as a place
        if not readings and _first_name_opens(words[first:last], gazetteer, lexicon):
            taken[first:last] = [True] * (last - first)  # nor is "Henderson" of "Brooke Henderson" a town
            continue
        if _starts_organisation(doc, last, lexicon, readings[0] if readings else None) or _names_disease(
                doc, last, lexicon) or _names_disease(doc, last - 1, lexicon):
            continue  # "St. Patrick's Day" itself tagged as a place, too
        if _stop_place(written, lexicon) and not (ent.label_ == "GPE" and readings and (_firmly_placed(
                doc, first, last, gazetteer) or _local_noun_after(doc, last))):
            continue
        # a person's name word is a place only where the model tags it as one after a firm locative ("two in Erie"
        # beside the model's person "Erie GM"), and that alone does not make it a place at its other mentions
        person = " " not in written and written in person_words
        if person and not _after_firm_locative(doc, first, last):
            continue
        if _running_acronym(written, in_caps_at(start), readings[0] if readings else None):
            continue  # "DACA recipients": an acronym in running text, even where the model calls it a place
        if _short_acronym(written, readings, gazetteer):
            continue  # "FAO", "CIS": the model's place, a town's name only when read without its capitals
        add(first, last, start, end, "ner_person" if person else "ner")

    # 2b. a name no gazetteer holds after a word that makes it a place, whatever the model tagged it: "the gated
    # suburb of Madinaty", "the village of Nagrig", "eastern Ghouta" (kept without coordinates)
    for i in range(1, len(doc)):
        if taken[i] or not tokens.is_alpha[i] or not words[i][:1].isupper() or (
                words[i - 1] != "of" and words[i - 1] not in COMPASS_ADJECTIVES):
            continue  # (word checks first: this runs at every token)
        if not _place_cue(doc, i) or not _capitalised(doc[i]) or (
                doc[i - 1].lower_ == "of" and not doc[i - 2].text.islower() or doc[i - 2].lower_ == "capital"):
            continue  # not "the 'City of Seekers' tour" or "the capital of Arabic culture"
        last = i + 1
        while last < len(doc) and last - i < 3 and _capitalised(doc[last]) and tokens.is_alpha[last]:
            last += 1
        written = tokens.span_text(i, last)
        if (any(taken[i:last]) or not name_like(written) or gazetteer.lookup(written) or gazetteer.lookup(words[i])
                or last < len(doc) and doc[last].pos_ == "NOUN" and doc[last].text.islower()
                or gazetteer.is_demonym(words[last - 1]) or written in person_words
                or any(w in lexicon.unplaced_body_heads or w in lexicon.organisation_heads for w in words[i:last])):
            continue
        span = doc[i:last]
        add(i, last, span.start_char, span.end_char, "cue")
    # the same name elsewhere in the article, whatever the model tagged it: "the gated suburb of Madinaty", then
    # "the Madinaty academy" and "Beyond Madinaty" (not inside a longer name)
    cue_names = {tuple(text[m.start:m.end].split()) for m in mentions if m.source == "cue"}
    for i in range(len(doc) if cue_names else 0):
        for name in cue_names:
            last = i + len(name)
            if (tuple(words[i:last]) != name or any(taken[i:last])
                    or last < len(doc) and _capitalised(doc[last]) and doc[last].pos_ == "PROPN"
                    or i > 0 and _capitalised(doc[i - 1]) and doc[i - 1].pos_ == "PROPN"):
                continue
            span = doc[i:last]
            add(i, last, span.start_char, span.end_char, "cue")

    # 3. gazetteer names the model missed or mislabelled
    named_places = frozenset(lookup_key(text[m.start:m.end]) for m in mentions if m.source == "ner")
    person_places = frozenset(lookup_key(text[m.start:m.end]) for m in mentions if m.source == "ner_person")
    rejected: list[tuple[int, int, str, bool]] = []
    cued: set[str] = set()
    person_rejected: list[tuple[int, int, str, bool]] = []
    i = 0
    while i < len(doc):
        word = words[i]
        if taken[i] or not word[:1].isupper() or not tokens.is_alpha[i] and word not in gazetteer.by_key and (
                word not in _SAINTS):  # a dotted first word: "U.S.", or "St." of "St. Louis Police"
            i += 1
            continue
        last = _longest_match(tokens, i, gazetteer)
        if last is None or any(taken[i:last]):
            i += 1
            continue
        caps = in_caps_at(tokens.starts[i])
        written = tokens.span_text(i, last)
        if last - i == 1 and doc[i].is_stop and not written.isupper():
            i += 1  # a capitalised pronoun, not an abbreviation: "Follow Us" is no "US"
            continue
        # a person's name word is a place where a state follows it or it opens a dateline ("Greer, South Carolina",
        # beside "Greer Station" tagged as a person), but not a transcript's speaker label ("REP. GUTIERREZ:")
        # (or where the model tagged it as a place after "in" and a local noun follows it here: "in Alexandria" and
        # "Alexandria police", beside the model's person "Alexandria Commonwealth's Attorney"), or where it is the
        # object of a firm locative ("in Riverdale", beside the model's person "Riverdale Luke Oil"; not "in Ravenel
        # cocaine case")
        person = written in person_words and not (_followed_by_state(doc, last, gazetteer) or (
            _after_firm_locative(doc, i, last) and doc[last - 1].dep_ == "pobj"
            and (written not in surnames or words[i - 1] == "in")) or (
            _dateline(doc, i, last, written, gazetteer) and doc[last].text != ":") or (
            lookup_key(written) in person_places and _local_noun_after(doc, last)))
        if not person and _acceptable(doc, i, last, written, caps, gazetteer, lexicon, named_places):
            if last < len(doc) and doc[last].text in lexicon.landform_words:
                last += 1  # "the Rio Grande Valley": the valley, not Rio Grande, Brazil
            span = doc[i:last]
            add(i, last, *_trim(text, span.start_char, span.end_char), "gazetteer")
            if (_strong_locative_before(doc, i) or _place_of(doc, i)
                    or _followed_by_state(doc, last, gazetteer)
                    or _party_home(doc, i, last) or _dateline(doc, i, last, written, gazetteer)):
                cued.add(lookup_key(written))
            i = last
        else:
            (person_rejected if person else rejected).append((i, last, written, caps))
            i += 1
    # one sense per article: a name the model tagged as a place, or that a cue marks as one ("in Alexandria",
    # "Alexandria, La."), is the same place where the model tagged it as something else ("Alexandria" tagged
    # PERSON after "1935 Orchard St.,")
    # (a person's name word only where a cue marks it as a place: "Greer's city limits" after "Greer, South Carolina")
    found_places = named_places | cued
    for i, last, written, caps in rejected + [r for r in person_rejected if lookup_key(r[2]) in cued]:
        if (lookup_key(written) in found_places and not any(taken[i:last])
                and _acceptable(doc, i, last, written, caps, gazetteer, lexicon, found_places)):
            span = doc[i:last]
            add(i, last, *_trim(text, span.start_char, span.end_char), "gazetteer")

    # 3b. a name listed with places of its kind, whatever the model tagged it: "Žilina, Nitra, Prešov and Košice"
    _add_listed(doc, text, tokens, gazetteer, lexicon, rejected, taken, add)

    # 3c. the region after a place and a comma, whatever the model tagged it: "Pandi, Bulacan", "Qatraneh, Karak"
    for after in sorted(set(_mention_ends(mentions, tokens))):
        if after + 1 >= len(doc) or words[after] != "," or taken[after + 1] or not words[after + 1][:1].isupper():
            continue
        last = _longest_match(tokens, after + 1, gazetteer)
        if last is None or any(taken[after + 1:last]):
            continue
        written = tokens.span_text(after + 1, last)
        best = gazetteer.lookup(written)[0]
        if (best.kind in ("country", "state", "county") or best.population >= MIN_UNTAGGED_CITY_POPULATION) and not (
                gazetteer.is_demonym(written) or _stop_place(written, lexicon) or written in person_words
                or written.isupper() and len(written) <= 3 or _starts_organisation(doc, last, lexicon, best)):
            span = doc[after + 1:last]
            add(after + 1, last, *_trim(text, span.start_char, span.end_char), "gazetteer")

    # 5. a state after a city: "Alexandria, La." / "LOUISVILLE, KY"
    for mention in list(mentions):
        match = _STATE_AFTER.match(text[mention.end:mention.end + 20])
        if not match:
            continue
        state = match.group("state")
        for candidate in (state, state.split()[0]):
            if _region_of_towns(candidate, gazetteer) or candidate in gazetteer.state_abbreviations:
                start = mention.end + match.start("state")
                span = doc.char_span(start, start + len(candidate), alignment_mode="expand")
                if span is not None:
                    add(span.start, span.end, start, start + len(candidate), "state")
                break
    # 6. a US state's dotted abbreviation wherever it stands ("in S.C. today", "D-S.C.", "the S.C. Highway Patrol"):
    # two or more letters with full stops are no word ("Mo." and "Ga." are read only after a city, step 5)
    # (found in the text, not by a loop over every token; exactly as the lexicon writes it: "M.D." is a doctor,
    # "L.A." Los Angeles)
    for match in _DOTTED_STATE.finditer(text):
        word = match.group()
        span = doc.char_span(match.start(), match.end()) if word in gazetteer.state_abbreviations else None
        if span is not None and len(span) == 1 and not taken[span.start] and not _starts_organisation(
                doc, span.end, lexicon, gazetteer.state(word)):
            add(span.start, span.end, match.start(), match.end(), "state")
    return sorted(mentions, key=lambda m: m.start)


_DOTTED_STATE = re.compile(r"(?:[A-Z][a-z]?\.){2,}")  # a whole token only (``doc.char_span`` checks)
_LIST_LINKS = frozenset({",", "and", "or", "&"})


def _add_listed(doc: Doc, text: str, tokens: _Tokens, gazetteer: Gazetteer, lexicon: Lexicon,
                rejected: list[tuple[int, int, str, bool]], taken: list[bool], add) -> None:
    """Take each rejected gazetteer name that stands in a list beside a place mention of the same kind (a city
    between cities, a country between countries), joined by a comma, "and" or "or"; until no more are found."""
    kind_at: dict[int, str] = {}  # token index of a mention's first and last token -> the kind of its name

    def kind_of(first: int, last: int) -> str | None:
        if tuple(tokens.words[first:last]) in lexicon.landmarks:
            return None  # "the White House, Lincoln visited": no town White House to list Lincoln beside
        readings = gazetteer.lookup(tokens.span_text(first, last))
        return readings[0].kind if readings else None

    def mention_kind(index: int) -> str | None:
        if index < 0 or index >= len(doc) or not taken[index]:
            return None
        if index not in kind_at:
            first = last = index
            while first > 0 and taken[first - 1] and doc[first - 1].text not in _LIST_LINKS:
                first -= 1
            while last + 1 < len(doc) and taken[last + 1] and doc[last + 1].text not in _LIST_LINKS:
                last += 1
            kind_at[index] = kind_of(first, last + 1) or ""
        return kind_at[index] or None

    pending = [r for r in rejected if not gazetteer.is_demonym(r[2]) and not _stop_place(r[2], lexicon)]
    found = True
    while found:
        found = False
        for entry in list(pending):
            first, last, written, _ = entry
            if any(taken[first:last]):
                pending.remove(entry)
                continue
            kind = kind_of(first, last)
            before = first >= 2 and doc[first - 1].text in _LIST_LINKS and mention_kind(first - 2) == kind
            after = last + 1 < len(doc) and doc[last].text in _LIST_LINKS and mention_kind(last + 1) == kind
            if kind in ("city", "country", "state", "province") and (before or after) and not _starts_organisation(
                    doc, last, lexicon, gazetteer.lookup(written)[0]):
                span = doc[first:last]
                add(first, last, *_trim(text, span.start_char, span.end_char), "gazetteer")
                pending.remove(entry)
                kind_at.clear()
                found = True


def _mention_ends(mentions: list[Mention], tokens: _Tokens) -> list[int]:
    """The token after each mention (mentions end on token ends)."""
    from bisect import bisect_left

    return [bisect_left(tokens.ends, m.end) + 1 for m in mentions if m.source not in ("facility", "landmark")]


def _longest_match(tokens: _Tokens, first: int, gazetteer: Gazetteer, max_tokens: int = MAX_NAME_TOKENS
                   ) -> int | None:
    """End token of the longest gazetteer name starting at ``first``."""
    words = tokens.words
    for n in range(min(max_tokens, len(words) - first), 0, -1):
        if not words[first + n - 1][:1].isupper():  # _capitalised(doc[first + n - 1])
            continue
        if lookup_key(tokens.span_text(first, first + n)) in gazetteer.by_key:
            if n > 1 and _city_word_of_body(tokens, first, first + n, gazetteer):
                return first + n - 1
            return first + n
    return None


def _city_word_of_body(tokens: _Tokens, first: int, last: int, gazetteer: Gazetteer) -> bool:
    """True for a name closed by "City" (or "Town") that opens a local body's name, where the name without it
    reads as no state or country and the longer name's places are among its readings: "Dublin City Council" is
    the council of a Dublin (not Dublin City, Ireland, by that name alone); not "Kansas City Council", "New York
    City Council"."""
    words = tokens.words
    if words[last - 1] not in ("City", "Town") or last >= len(words) or words[last] not in (
            places_lexicon().public_body_heads | places_lexicon().office_heads):
        return False
    shorter = gazetteer.lookup(tokens.span_text(first, last - 1))
    longer = gazetteer.lookup(tokens.span_text(first, last))
    return bool(shorter) and not any(p.kind in ("state", "country", "continent") for p in shorter) and all(
        any(p is q for q in shorter) for p in longer)


def _followed_by_state(doc: Doc, last: int, gazetteer: Gazetteer) -> bool:
    """True for "COLUMBUS, Ohio" and "Alexandria, La.": a name followed by a comma and a US state (not one that
    owns what follows: "said Cory Stevens, Georgia's father")."""
    end = min(last + 6, len(doc))
    following = doc_text(doc)[doc[last].idx:doc[end - 1].idx + len(doc[end - 1])] if end > last else ""
    match = _STATE_AFTER.match(following)
    if not match:
        return False
    # "South Carolina" whole, a sentence's full stop aside ("South Carolina. The"), "La. on" by its first word;
    # not "M.D." read as "M.D"
    words = match.group("state").split()
    prefixes = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    candidates = [c for p in prefixes for c in (p, p[:-1] if p.endswith(".") and "." not in p[:-1] else p)]
    state = next((c for c in candidates if _region_of_towns(c, gazetteer)), None)
    if state is None or following.startswith(("'s", "’s"), match.end()):
        return False
    # not a state that opens a body's name: "said Julie Graham, Washington State Department of Health …"
    after = following[match.start("state") + len(state):]
    return state.endswith(".") or not _BODY_AFTER_STATE.match(after)


def _region_of_towns(written: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is one written after a town and a comma: a US state ("Alexandria, La."), or a province or
    state of a country whose press writes its towns so (``comma_region_countries``: "Wainwright, Alta.",
    "Ingham, Queensland"), but not one that is also a first name ("Pam Ferris, Victoria Hamilton and …")."""
    if gazetteer.state(written) is not None:
        return True
    readings = gazetteer.lookup(written)
    return bool(readings) and readings[0].kind == "state" and (
        readings[0].country in places_lexicon().comma_region_countries) and written not in first_names()


def _dateline(doc: Doc, first: int, last: int, written: str, gazetteer: Gazetteer) -> bool:
    """True for a dateline: a name in capitals opening a sentence, before a dash ("TORRINGTON — The ...") or
    before a comma and a country or state ("DURBAN, South Africa (CNN) -"), or in parentheses before a dash."""
    opens = first == 0 or doc[first].is_sent_start or doc[first - 1].is_punct or doc[first - 1].is_space
    if (not written.isupper() and last < len(doc) and doc[last].text in _DASHES and doc[last - 1].whitespace_
            and doc[last].whitespace_ and (first == 0 or "\n" in doc[first - 1].text)
            and doc[first].ent_type_ in PLACE_LABELS):
        return True  # a release's dateline in running case opening a paragraph, which the model read as a place:
        # "Washington, D.C. – Rep. …" (not a list's "Drama - Featherboy")
    if not (written.isupper() and len(written) > 3 and opens and last < len(doc)):
        return False
    if doc[last].text == ")" and first > 0 and doc[first - 1].text == "(" and last + 1 < len(doc):
        return doc[last + 1].text in DATELINE_MARKS  # "(NEW YORK) — Police officers …"
    return doc[last].text in DATELINE_MARKS or (doc[last].text == "," and _region_at(doc, last + 1, gazetteer))


def _region_at(doc: Doc, first: int, gazetteer: Gazetteer, max_tokens: int = 3) -> bool:
    """True when a country's or a state's name, capitalised, starts at token ``first``."""
    for n in range(min(max_tokens, len(doc) - first), 0, -1):
        span = doc[first:first + n]
        readings = gazetteer.lookup(span.text) if span[-1].text[:1].isupper() else ()
        if readings and readings[0].kind in ("country", "state"):
            return True
    return False


def _local_body(doc: Doc, last: int, written: str, best: Place, lexicon: Lexicon,
                named_places: frozenset[str]) -> bool:
    """Whether a place name opening a longer organisation name is the place of a local body: a city, county or
    state, not in a brand's name, and either before a public body's head ("Danbury Police Department"), or a
    county or state, or a city the article names elsewhere as a place ("the Nashville Film Festival")."""
    if not _subnational(best) or not doc[last - 1].whitespace_ or _brand(doc, last, lexicon):
        return False
    if name_key(written) in named_places:
        return True
    if (last < len(doc) and doc[last].text in lexicon.leader_body_heads and best.kind == "city"
            and not (last + 1 < len(doc) and _capitalised(doc[last + 1]))):
        return False  # a leader's government, not a town's: "The Howard Government" (not "Columbus Government
        # Center")
    if last < len(doc) and doc[last].text in lexicon.public_body_heads:
        return best.kind != "city" or best.population >= MIN_LOCAL_BODY_POPULATION
    return best.kind != "city"


def _titled_list(words: list[str], lexicon: Lexicon) -> list[str]:
    """The names listed after a plural title: "Reps. Schakowsky, Rangel, Holt, Titus, Doggett" (one word each)."""
    names = []
    for index in (i for i, word in enumerate(words) if word in lexicon.plural_titles):
        k = index + 1
        if k < len(words) and words[k] == ".":
            k += 1  # "Reps" "." as the tokenizer splits it
        while k < len(words) and words[k][:1].isupper() and words[k].isalpha():
            names.append(words[k])
            k += 1
            if k < len(words) and words[k] == ",":
                k += 1
            if k < len(words) and words[k] in ("and", "&"):
                k += 1
    return names


def _listed_words(words: list[str], k: int) -> tuple[list[int], int]:
    """The one-word capitalised names listed from ``k`` on ("Malia and Sasha", "Helen, Clarence, Irene"), by index,
    and the index after the list."""
    listed = []
    while k < len(words) and words[k][:1].isupper() and words[k].isalpha():
        listed.append(k)
        k += 1
        if k + 1 < len(words) and words[k] == "," and words[k + 1] in ("and", "&"):
            k += 1
        if k < len(words) and words[k] in (",", "and", "&"):
            k += 1
        else:
            break
    return listed, k


def _kin_names(words: list[str], lexicon: Lexicon) -> list[str]:
    """The names after a kinship noun and a comma: "and wife, Tonya,", "His daughters, Malia and Sasha"."""
    return [words[k] for index, word in enumerate(words[:-2]) if word in lexicon.kin_nouns and words[index + 1] == ","
            for k in _listed_words(words, index + 2)[0]]


def _firm_names(words: list[str], gazetteer: Gazetteer, lexicon: Lexicon) -> list[str]:
    """The first words of firms' names written with a legal form (``firm_suffixes``: "Argo Petroleum Corp", "Sealy
    Inc"), where they read as no state, country or town of ``MIN_RELABEL_POPULATION`` or more ("Texas Instruments
    Inc" leaves Texas a place)."""
    firms = []
    for k, word in enumerate(words):
        if word not in lexicon.firm_suffixes:
            continue
        first = k
        while first > 0 and k - first < 3 and words[first - 1][:1].isupper() and words[first - 1].isalpha():
            first -= 1
        readings = gazetteer.lookup(words[first]) if first < k else ()
        if readings and all(p.kind == "city" and p.population < MIN_RELABEL_POPULATION for p in readings):
            firms.append(words[first])
    return firms


def _first_names_before_surname(doc: Doc, words: list[str]) -> list[str]:
    """First names listed before a person's full name, most of which the model reads as persons: "the deaths of
    Helen, Clarence, Irene, Marie and Randy Kunz" (Helen and Clarence are towns too). ``words``: the doc's words."""
    names = []
    k = 0
    while k < len(doc):
        inside_name = k > 0 and words[k - 1][:1].isupper() and words[k - 1].isalpha()
        if inside_name or not (words[k][:1].isupper() and words[k].isalpha()):
            k += 1
            continue
        listed, after = _listed_words(words, k)
        if len(listed) >= 3 and doc[listed[-1]].ent_type_ == "PERSON" and doc[listed[-1]].ent_iob_ == "B" and (
                listed[-1] + 1 < len(doc) and doc[listed[-1] + 1].ent_iob_ == "I") and sum(
                doc[i].ent_type_ == "PERSON" for i in listed[:-1]) >= 2:
            names += [words[i] for i in listed[:-1]]
        k = max(after, k + 1)
    return names


def _speaking_names(doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> list[str]:
    """One-word names that are the subject of a verb of speaking ("Petrova said", "said Yevgenia Petrova") and
    read only as a town, not a large city, a region or a country: a person's name ("Tbilisi says" and "Tamil Nadu
    said" are places speaking for their governments)."""
    names = []
    lemmas = doc.to_array(LEMMA)
    verbs = np.flatnonzero(np.isin(lemmas, [hash_string(v) for v in lexicon.speaking_verbs]))
    subjects = (child for verb in verbs.tolist() for child in doc[verb].children if child.dep_ == "nsubj")
    for token in subjects:
        if (token.pos_ == "PROPN"
                and all(child.dep_ == "compound" and child.pos_ == "PROPN" for child in token.children)):
            readings = gazetteer.lookup(token.text)
            if (readings and all(p.kind == "city" for p in readings)
                    and (readings[0].population < MIN_RELABEL_POPULATION or token.text in first_names())
                    and lookup_key(token.text) not in gazetteer.preferred):
                names.append(token.text)
    return names


def _opens_entity(doc: Doc, first: int) -> bool:
    """True when the entity at ``first`` starts there, or right after a leading "the"."""
    if doc[first].ent_iob_ == "B":
        return True
    return first > 0 and doc[first - 1].ent_iob_ == "B" and doc[first - 1].lower_ == "the"


def _locative_before(doc: Doc, first: int) -> bool:
    """True after "in", "near", "from" ... or after ", of" or a person's name and "of" ("said Amstutz, of
    Wooster", "Larry Dunaway of Berea")."""
    if first == 0:
        return False
    before = doc[first - 1].lower_
    return before in LOCATIVES or (before == "of" and first > 1 and (
        doc[first - 2].text == "," or doc[first - 2].ent_type_ == "PERSON" or doc[first - 2].lower_ in PLACE_OF_HEADS))


def _strong_locative_before(doc: Doc, first: int) -> bool:
    """True right after a firm locative: "in", "near", "outside", ... (not "from" or "to")."""
    return first > 0 and doc[first - 1].lower_ in STRONG_LOCATIVES


def _after_firm_locative(doc: Doc, first: int, last: int) -> bool:
    """True after "in", "near", ... and not before a possessive ("two in Erie"; not "in Obama's stimulus law")."""
    return _strong_locative_before(doc, first) and not (last < len(doc) and doc[last].text in ("'s", "’s", "'", "’"))


def _firmly_placed(doc: Doc, first: int, last: int, gazetteer: Gazetteer) -> bool:
    """True after a firm locative ("in Concord") or before a state ("Mobile, Ala.")."""
    return _strong_locative_before(doc, first) or _followed_by_state(doc, last, gazetteer)


def _place_of(doc: Doc, first: int) -> bool:
    """True after a word whose "of" names a place ("miles southwest of Raleigh", "the city of Tianjin")."""
    return first > 1 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in PLACE_OF_HEADS


# a byline in capitals ("BY CHAD KLIMACK Advocate Reporter") and a photographer's credit ("(MORRIS LAMONT/Sun
# Media)"): the names are people's, whatever the model tags them
_BYLINE_OR_CREDIT = re.compile(r"\bBY (?P<name>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,2})\b"
                               r"|\((?P<photographer>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,2}) ?/ ?[A-Z][^()]{0,40}\)")
_SAINTS = frozenset({"St.", "St", "Saint", "Ste.", "Sainte"})
_PLACE_WORDS = frozenset({"City", "County", "Town", "Township", "Village"})  # office heads that end a place's name
_QUADRANTS = frozenset({"NW", "NE", "SW", "SE", "N.W.", "N.E.", "S.W.", "S.E."})
# lower-case words before a name that make it a region: "eastern Ghouta", "northwestern Syria"
COMPASS_ADJECTIVES = frozenset({"eastern", "western", "northern", "southern", "northeastern", "northwestern",
                                "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
                                "south-western"})
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "central", "upper", "lower", *COMPASS_ADJECTIVES})


def _place_cue(doc: Doc, first: int) -> bool:
    """True after a word whose "of" names a place ("the town of Maameltein") or a compass adjective in lower case
    ("eastern Ghouta")."""
    return _place_of(doc, first) or (first > 0 and doc[first - 1].text in COMPASS_ADJECTIVES)


def name_like(written: str) -> bool:
    """A name of four letters or more, capitalised, not in capitals ("UNAMID") and not an abbreviation ("Lt")."""
    return len(written) >= 4 and written[:1].isupper() and not written.isupper() and "." not in written


def _party_home(doc: Doc, first: int, last: int) -> bool:
    """True for a legislator's home town after the party letter: "Rep. Wendell Gilliard, D-Charleston,"."""
    return (first > 1 and doc[first - 1].text == "-" and doc[first - 2].text in PARTY_LETTERS
            and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_
            and (first < 3 or doc[first - 3].text in (",", "(")))


def _of_in_name(doc: Doc, first: int, last: int, lexicon: Lexicon) -> bool:
    """True for a place name after "of" (or "of the") that ends an organisation's name the model tagged:
    "the University of Rochester", "the Conference Board of Canada", "Children's Hospital of Manitoba"; not a
    company's ("Bank of America")."""
    k = first - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "of" or not _capitalised(doc[k - 1]) or doc[k - 1].ent_iob_ == "O":
        return False
    if doc[k - 1].text in lexicon.company_heads:
        return False
    return last == len(doc) or doc[last].ent_iob_ != "I"


def _holder_after(doc: Doc, office: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the holder's name starts after office words from ``office`` inside a person entity ending at ``end``
    ("Sheriff Greg Taylor", or "Sheriff" closing the entity, or "Fire" and then "Chief", and "Greg Taylor" the next
    entity): None without a name."""
    k = office
    while k < end and doc[k].text in lexicon.office_heads:
        k += 1
    if k == office:
        return None
    if k < end:
        return k if doc[k].pos_ == "PROPN" else None
    while k < len(doc) and doc[k].text in lexicon.office_heads:
        k += 1  # "Huntsville Fire" and then "Chief Tom Grisham"
    return k if k < len(doc) and doc[k].ent_iob_ == "B" and doc[k].ent_type_ == "PERSON" else None


def _office_at(entity: Span, lexicon: Lexicon) -> int:
    """Where the person's own name starts inside the model's person entity that a place and an office open
    ("Avondale Mayor Ed Rieker" -> "Ed"): the words before are no words of a person's name. The entity's start when
    no office and name follow a first word (not "Cornwall Fire and" Rescue Service)."""
    for token in entity[1:]:
        if token.text in lexicon.office_heads:
            holder = _holder_after(entity.doc, token.i, entity.end, lexicon)
            if holder is not None:
                return holder
    return entity.start


def _office_after(doc: Doc, first: int, last: int, lexicon: Lexicon) -> bool:
    """True for a place that opens the model's entity (a person, or an organisation or title the model made of the
    office) before an office and its holder's name: "Anderson County Sheriff Greg Taylor", "Rock Hill City Manager
    Carey Smith", "Cuyahoga County Executive Armond Budish"."""
    if (doc[first].ent_type_ in PLACE_LABELS or doc[first].ent_iob_ != "B" or last >= len(doc)
            or doc[last].ent_iob_ != "I"):
        return False
    end = next((e.end for e in doc.ents if e.start == first), None)
    holder = None if end is None else _holder_after(doc, last, end, lexicon)
    # in an organisation's entity, the holder is the person named after it, not its own last words ("Box Elder
    # School District is pleased …")
    return holder is not None and (doc[first].ent_type_ == "PERSON" or holder >= end)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common US first names (``data/first_names.txt``, the 1990 US Census lists)."""
    return frozenset(load_data_lines("first_names.txt"))


def _first_name_opens(words: list[str], gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    """True for two or three capitalised words that open with a common first name and hold no place's name, nor
    close with a word of a place, a site, a street or a direction: "Sheryl Gorsuch" and "Helen Kunz", tagged as
    places, are people; "Columbus North" and "Jackson County Central" are not."""
    closing = words[-1]
    return (2 <= len(words) <= 3 and words[0] in first_names() and all(w[:1].isupper() and w.isalpha() for w in words)
            and closing not in lexicon.feature_words and closing not in lexicon.facility_heads
            and closing not in lexicon.way_heads and closing not in lexicon.settlement_words
            and closing not in lexicon.landform_words and closing not in lexicon.organisation_heads
            and closing.lower() not in COMPASS_WORDS
            and not any(gazetteer.lookup(" ".join(words[:n])) for n in range(2, len(words))))


def _listed_with_people(doc: Doc, first: int, last: int) -> bool:
    """True for a name listed by a comma (or "and") right after the model's person and before another:
    "Jean Montrevil, Eliseo Jurado, and Maru Mora-Vilalpando"."""
    before = first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ == "PERSON"
    k = last
    while k < len(doc) and doc[k].text in (",", "and"):
        k += 1
    return before and k > last and k < len(doc) and doc[k].ent_type_ == "PERSON"


def _titled_surname(doc: Doc, first: int, lexicon: Lexicon) -> bool:
    """True for a name after a title and a capitalised first name: "Undersecretary Asa Hutchinson"."""
    if first < 2 or not (doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title and doc[first - 1].is_alpha):
        return False
    title = doc[first - 2].text
    two = doc[first - 3].text + " " + title if first >= 3 else ""
    return title in lexicon.personal_titles or two in lexicon.personal_titles or title in lexicon.office_heads


def _name_goes_on(doc: Doc, last: int, lexicon: Lexicon) -> bool:
    """True when another capitalised name word follows, one that names no kind of place or body ("Teresa Voors",
    not "Boulder City", "Gainesville Public Utilities"), or a lower-case "the" and a capitalised word ("Save the
    Children", not Savé, Benin)."""
    if last >= len(doc):
        return False
    after = doc[last]
    if after.text == "the" and last + 1 < len(doc) and doc[last + 1].is_title:
        return True
    return (after.pos_ == "PROPN" and after.is_title and after.text not in lexicon.public_body_heads
            and after.text not in lexicon.office_heads and after.text not in lexicon.way_heads
            and after.text not in lexicon.facility_heads and after.text not in lexicon.organisation_heads
            and after.text not in lexicon.feature_words)


def _joined_by_hyphen(doc: Doc, last: int) -> Token | None:
    """The word a hyphen joins, with no space either side, to the name that ends before ``last`` ("Denver-area",
    "Off-Road", "Winston-Salem")."""
    if last + 1 < len(doc) and doc[last].text == "-" and not doc[last - 1].whitespace_ and not doc[last].whitespace_:
        return doc[last + 1]
    return None


def _hyphened_word(doc: Doc, last: int) -> str | None:
    """The lower-case word joined by a hyphen to the name that ends before ``last`` ("Denver-area": "area")."""
    word = _joined_by_hyphen(doc, last)
    return word.text if word is not None and word.text.islower() else None


def _local_noun_after(doc: Doc, last: int) -> bool:
    """True before a lower-case noun that a place name modifies ("Berea police", "a Gainesville restaurant"), or
    joined to it by a hyphen ("Denver-area")."""
    if last >= len(doc):
        return False
    local_nouns = places_lexicon().local_nouns
    if doc[last].text == "-":
        return _hyphened_word(doc, last) in local_nouns
    return doc[last].lower_ in local_nouns and doc[last].text.islower()


def _based_after(doc: Doc, last: int, best: Place) -> bool:
    """True for a country, a state or a town of MIN_UNTAGGED_CITY_POPULATION or more joined by a hyphen to "based",
    "born" and the like (``hyphen_place_words``: "Northbrook-based Crate & Barrel"); not a hamlet named after a
    common word ("the Faith-based Initiative" is not in Faith, North Carolina)."""
    return (last < len(doc) and _hyphened_word(doc, last) in places_lexicon().hyphen_place_words
            and (best.kind in ("country", "state") or best.population >= MIN_UNTAGGED_CITY_POPULATION))


def _county_list(doc: Doc, taken: list[bool], tokens: _Tokens | None = None) -> list[tuple[int, int]]:
    """Token ranges of the names in "Barrow, Jackson and Madison counties": each is a county. A list has two names
    or more ("the four metro Athens counties" names the city's counties, not Athens County)."""
    tokens = tokens or _Tokens(doc)
    words, is_alpha = tokens.words, tokens.is_alpha
    found = []
    # only the words "counties" and "parishes" start a list, or "county" before a plural noun ("Hidalgo, Bexar and
    # Starr county sheriffs"): found in the word list, not by a Token per token
    for index in (i for i, word in enumerate(words) if word.lower() in _COUNTY_PLURALS or (
            word in _COUNTY_SINGULARS and i + 1 < len(words) and doc[i + 1].tag_ == "NNS")):
        names: list[tuple[int, int]] = []
        k = index - 1
        while k >= 0:
            end = k + 1
            while k >= 0 and words[k][:1].isupper() and is_alpha[k] and not taken[k]:
                k -= 1
            if k + 1 == end or end - (k + 1) > 3:
                break
            names.append((k + 1, end))
            if k >= 0 and words[k].lower() in (",", "and", "&", "or"):
                k -= 1
                if k >= 0 and words[k].lower() in ("and", "or") and words[k + 1] == ",":
                    k -= 1
                continue
            break
        if len(names) >= 2:
            found.extend(names)
        found.extend(_listed_after_colon(doc, index, taken, tokens))
    return found


_COLON_WINDOW = 10  # words between "counties" and the colon that opens their list


def _listed_after_colon(doc: Doc, index: int, taken: list[bool], tokens: _Tokens) -> list[tuple[int, int]]:
    """Token ranges of the names listed after a colon that closes the clause of "counties" ("the following 17
    south Texas counties have implemented the program: Bell, Bexar, ... and Zavala"): each is a county."""
    words, is_alpha = tokens.words, tokens.is_alpha
    colon = next((k for k in range(index + 1, min(len(words), index + _COLON_WINDOW))
                  if words[k] in (":", ".", ";")), None)
    if colon is None or words[colon] != ":":
        return []
    names: list[tuple[int, int]] = []
    k = colon + 1
    while k < len(words):
        start = k
        while k < len(words) and words[k][:1].isupper() and is_alpha[k] and not taken[k] and k - start < 3:
            k += 1
        if k == start:
            break
        names.append((start, k))
        if k < len(words) and words[k] == ",":
            k += 1
            if k < len(words) and words[k] in ("and", "or"):
                k += 1
        elif k < len(words) and words[k] in ("and", "or"):
            k += 1
        else:
            break
    return names if len(names) >= 2 else []


def _running_acronym(written: str, caps: bool, best: Place | None) -> bool:
    """True for an acronym of 4-5 capitals in running text that is no country's or US state's name ("DACA"; "NAPO",
    the police organisations, is no Napo province of Ecuador); full stops are no letters ("D.C." has two)."""
    return (written.isupper() and 4 <= len(written.replace(".", "")) <= 5 and not caps
            and not (best is not None and (best.kind == "country" or best.kind == "state" and best.country == "US")))


def _short_acronym(written: str, readings: tuple[Place, ...], gazetteer: Gazetteer) -> bool:
    """True for two or three capitals that name no country, state or alias ("US", "EU" are aliases) and that the
    gazetteer knows only as a name in lower case ("BOV" is no "Bov", "CIS" no "Cis")."""
    letters = written.replace(".", "")
    return (written.isupper() and len(letters) <= 3 and lookup_key(written) not in gazetteer.preferred
            and gazetteer.state(written) is None
            and not any(p.kind in ("country", "state", "continent") or p.name.isupper() for p in readings))


def _stop_place(written: str, lexicon: Lexicon) -> bool:
    """True for one word of ``stop_places`` (its full stop aside: "Dir.") or a name it lists whole ("National
    Park"), after a leading "The" ("The Supreme Court": not Supreme, Louisiana)."""
    core = written[4:] if written[:4].lower() == "the " else written
    return core in lexicon.stop_places or " " not in core and (
        core.title() in lexicon.stop_places or core.rstrip(".").title() in lexicon.stop_places)


def _compound_word(doc: Doc, end_token: int, gazetteer: Gazetteer) -> bool:
    """True when the name is the first part of a hyphenated word whose next part is no place: "Off-Road",
    "Off-Highway" (but "Winston-Salem", "Dallas-Fort Worth" are places)."""
    following = _joined_by_hyphen(doc, end_token)
    return following is not None and following.text[:1].isupper() and not gazetteer.lookup(following.text)


def _opened_organisation(doc: Doc, first: int, last: int, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    """True for a name that opens with, or follows, an organisation's first word and is no gazetteer name with it:
    "United Way", "Russia" in "United Russia"; not "United States"."""
    if doc[first].text in lexicon.organisation_openers:
        return not gazetteer.lookup(doc[first:last].text)
    return first > 0 and doc[first - 1].text in lexicon.organisation_openers and not gazetteer.lookup(
        doc[first - 1:last].text)


_ERAS = frozenset({"BC", "B.C.", "AD", "A.D.", "BCE", "CE"})
COUNTY_HEADS = frozenset({"County", "Parish"})  # the words that end a county's name
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _town_shaped(written: str, best: Place, lexicon: Lexicon) -> bool:
    """Whether a one-word name ends as only towns' names do ("Gainesville", "Harrisburg") and names a town of
    ``MIN_UNTAGGED_CITY_POPULATION`` or more."""
    word = written.lower()
    return (" " not in written and best.kind == "city" and best.population >= MIN_UNTAGGED_CITY_POPULATION
            and any(word.endswith(ending) and len(word) >= len(ending) + 3 for ending in lexicon.town_endings))


def _region_of_place(doc: Doc, first: int, best: Place, lexicon: Lexicon) -> bool:
    """True for a country or state after a name link that closes a place the model found: "the 25th District of
    FLORIDA", "the Southern Highlands of New South Wales" (not a body of water's: "the Gulf of Mexico")."""
    return (best.kind in ("country", "state") and doc[first - 2].text not in lexicon.landform_openers
            and (doc[first].ent_type_ in PLACE_LABELS or doc[first - 2].ent_type_ in PLACE_LABELS))


def _acceptable(doc: Doc, first: int, last: int, written: str, caps: bool, gazetteer: Gazetteer,
                lexicon: Lexicon, named_places: frozenset[str]) -> bool:
    """Whether a gazetteer match the model did not tag as a place is a place mention."""
    if gazetteer.is_demonym(written) or _opened_organisation(doc, first, last, gazetteer, lexicon):
        return False
    places = gazetteer.lookup(written)
    best = places[0]
    if _starts_organisation(doc, last, lexicon, best) or _names_disease(doc, last, lexicon):
        return False
    if _stop_place(written, lexicon):
        # a common word is a place only where the model found it as one elsewhere and a local noun follows it
        # ("an Independence teenager" in a story of "Independence police"), or after a word whose "of" names a
        # place ("186 miles southeast of Alliance")
        return _place_of(doc, first) or (
            lookup_key(written) in named_places and _local_noun_after(doc, last) and doc[first].pos_ == "PROPN")
    if _compound_word(doc, last, gazetteer):
        return False
    if last < len(doc) and doc[last].like_num and doc[last].text.isdigit() and len(doc[last].text) <= 2:
        return False  # a room, a route or a team the model left untagged: "in Talla 2", "Apollo 11"
    if _followed_by_state(doc, last, gazetteer) or _dateline(doc, first, last, written, gazetteer):
        return True
    if _party_home(doc, first, last) and _subnational(best):
        return True
    # (a date or a number the model ran on into a state's or country's name blocks nothing: "In January, South
    # Carolina had …")
    blocked = any(doc[k].ent_type_ and doc[k].ent_type_ not in PLACE_LABELS and not (
        doc[k].ent_type_ in _NUMERIC_LABELS and best.kind in ("country", "state")) for k in range(first, last))
    if blocked and _running_acronym(written, caps, best):
        return False  # "DACA recipients": an acronym the model calls an organisation, before a local noun or not
    if blocked and not caps:
        # the model often mislabels a place ("Aleppo" NORP, "Winnipeg" PRODUCT, "Dublin" PERSON): take an entity
        # that is exactly a place name when the article names the same place elsewhere as a place, when a
        # locative word precedes it, or (but for PERSON and ORG) when it is a country, state or large city
        # the whole entity, a leading "the" aside ("the Holy See" tagged ORG)
        entity = _opens_entity(doc, first) and (last == len(doc) or doc[last].ent_iob_ != "I")
        large = best.kind in ("country", "state") or best.population >= MIN_RELABEL_POPULATION
        label = doc[first].ent_type_
        if label == "ORG" and not entity and _opens_entity(doc, first) and _local_body(
                doc, last, written, best, lexicon, named_places):
            return True  # a local body named after its place: "the Ohio Supreme Court", "Alexandria Zoo"
        if (label == "ORG" and not entity and lookup_key(written) in named_places and _subnational(best)
                and not _brand(doc, last, lexicon)):
            return True  # a town the article names as a place, inside a local name: "CTV Winnipeg"
        if label == "ORG" and not entity and _of_in_name(doc, first, last, lexicon) and (
                best.kind in ("country", "state", "county") or best.population >= MIN_UNTAGGED_CITY_POPULATION
                or lookup_key(written) in named_places):
            return True  # the place an organisation is "of": "University of Rochester", "Government of Alberta"
        if label in ("ORG", "FAC") and not entity and _opens_entity(doc, first) and last < len(doc) and doc[
                last].text in ("'s", "’s") and lookup_key(best.name) == lookup_key(written) and (
                    best.kind in ("country", "state", "county")
                    or best.kind == "city" and best.population >= MIN_RELABEL_POPULATION):
            return True  # the place that owns what the model read as one name: "Manitoba's Opposition New Democrats"
        if (label in ("ORG", "FAC") and not entity and _strong_locative_before(doc, first)
                and (last == len(doc) or doc[last].ent_iob_ != "I") and _subnational(best)):
            return True  # the place closing what the model read as one name: "St. John's Lutheran School in Lombard"
        if (entity and label in ("PERSON", "ORG") and large and first >= 2 and doc[first - 1].text == ","
                and doc[first - 2].ent_type_ == "ORG"
                and (last == len(doc) or doc[last].text in (",", ".", ";"))):
            return True  # the town an organisation is in, set off by commas: "the Federal Ministry of …, Abuja, Dr."
        if (label == "PERSON" and best.kind in ("state", "county") and last < len(doc)
                and doc[last].text in lexicon.public_body_heads and doc[first].ent_iob_ == "B"
                and (last + 1 == len(doc) or doc[last + 1].ent_iob_ != "I")):
            return True  # a state's or county's police the model read as a person: "New Brunswick RCMP say …"
        if label == "PERSON" and best.kind == "county" and written.split()[-1] in COUNTY_HEADS:
            return True  # no person is called "… County": "DANIELSVILLE - Madison County commissioners voted …"
        if (label == "PERSON" and best.kind in ("country", "state") and " " in written and _opens_entity(doc, first)
                and last + 1 < len(doc) and doc[last].text in _POSSESSIVES and doc[last + 1].ent_iob_ != "I"):
            return True  # a country's or state's name of two words and its "'s", read as a person: "Sri Lanka's
            # Minister of Posts" (one word may be a first name: "Georgia's")
        if _office_after(doc, first, last, lexicon) and _subnational(best) and (
                lookup_key(written) in named_places or best.kind != "city"
                or best.population >= MIN_LOCAL_BODY_POPULATION):
            return True  # the place an office serves: "Anderson County Sheriff Greg Taylor", "Avondale Mayor …"
        if not entity:
            return False
        # not a person's name before "'s": "in Abbas's detention centers"; nor a firm's, named like a small town,
        # before a name of its own: "the balloons in Macy's Thanksgiving Day Parade" (not Macy, Nebraska; but "at
        # Columbia's Benedict College")
        owner = label in ("PERSON", "ORG") and last < len(doc) and doc[last].text in ("'s", "’s") and (
            label == "PERSON" or last + 1 < len(doc) and _capitalised(doc[last + 1])
            and best.population < MIN_UNTAGGED_CITY_POPULATION)
        if lookup_key(written) in named_places or (_locative_before(doc, first) and not owner) or (
                _local_noun_after(doc, last) and doc[first].pos_ in ("PROPN", "NOUN")) or _based_after(doc, last, best):
            return True
        if label in ("PERSON", "ORG") and not owner and _town_shaped(written, best, lexicon):
            return True  # "Heading into the sky over Gainesville" (tagged PERSON), "Huntsville" tagged ORG
        if (label == "ORG" and not owner and best.kind == "city" and best.population >= MIN_RELABEL_POPULATION
                and doc[last - 1].dep_ == "pobj" and not written.isupper()  # not "help from the FAO" (Al Fāw)
                and best.country in gazetteer.countries
                and lookup_key(gazetteer.countries[best.country].name) in named_places):
            return True  # a large city the model calls an organisation, the object of a preposition, in a story
            # that names its country: "Turkey fired on Qamishli and other towns" (in northeastern Syria)
        return large and (label not in ("PERSON", "ORG") or best.kind in ("country", "state"))
    if caps and any(doc[k].is_stop for k in range(first, last)):
        return False
    if _titled_surname(doc, first, lexicon):
        return False  # "Undersecretary Asa Hutchinson": a surname, not Hutchinson, Kansas
    if first > 1 and doc[first - 1].text in NAME_LINKS and _capitalised(doc[first - 2]) and not _locative_before(
            doc, first) and not _region_of_place(doc, first, best, lexicon):
        return False  # "Tren de Aragua", "Bank of America"; not a person "of" a town: "Jodi Mahler of Bellmore"
    preferred = gazetteer.preferred.get(lookup_key(written))
    alias_of_region = preferred is not None and preferred.kind in ("country", "state")
    if (written.isupper() and best.kind != "country" and not alias_of_region
            and (len(written) <= 3 or (not caps and len(written) <= 5))):
        return False  # "IN", "OR", "ME": codes only count right after a city; "DACA" in running text is an acronym;
        # an alias of a state or country is no code ("in regional NSW")
    if best.kind in ("country", "state", "continent") or lookup_key(written) in gazetteer.preferred:
        return True
    if lookup_key(written) in named_places:
        return True
    if _local_noun_after(doc, last) and all(doc[k].pos_ == "PROPN" for k in range(first, last)):
        return True  # "Roselle police", "a vulnerable Hounslow resident": untagged, but a local noun places it
    if _based_after(doc, last, best):
        return True  # "Northbrook-based", untagged
    if not caps and _name_goes_on(doc, last, lexicon):
        return False  # a first name the model left untagged: "said Teresa Voors", "MPP Dave Levac"
    if (caps or written.isupper() and len(written) > 5) and best.population >= MIN_UNTAGGED_CITY_POPULATION:
        return True  # in a line of capitals, or a town in capitals the model took for a common noun ("A PARANAQUE
        # court on Friday sentenced …")
    if all(doc[k].pos_ == "PROPN" for k in range(first, last)) and best.population >= MIN_UNTAGGED_CITY_POPULATION:
        return not doc[first].is_sent_start or last - first > 1
    return best.kind == "county" and last - first > 1


def _initials(name: str) -> tuple[str, ...]:
    """The initials a country's or state's name of two or more words is written as: "SA", "NZ", "TT" and "T&T"."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return ()
    plain = "".join(w[0] for w in words if w[0].isupper())
    linked = "".join("&" if w == "and" else w[0] for w in words if w[0].isupper() or w == "and")
    return tuple(dict.fromkeys(form for form in (plain, linked) if len(form) >= 2))


def initialisms(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, home_country: str | None = None
                ) -> list[Mention]:
    """Initials of a country or state the article names in full, or of its outlet's country, where they stand
    alone: "T&T" after "Trinidad and Tobago", "SA" in a South African paper. Not beside another capitalised word
    ("Nestlé SA", "NJ Advance Media")."""
    text = doc_text(doc)
    full: dict[str, str] = {}
    names = [text[m.start:m.end] for m in mentions]
    if home_country and home_country in gazetteer.countries:
        names.append(gazetteer.countries[home_country].name)
    for name in names:
        places = gazetteer.lookup(name)
        if places and places[0].kind in ("country", "state"):
            for form in _initials(places[0].name):
                full.setdefault(form, places[0].name)
    if not full:
        return []
    spans = [(m.start, m.end) for m in mentions]
    found = []
    for form, stands_for in full.items():  # found in the text, not by a loop over every token
        for match in re.finditer(rf"(?<![\w&]){re.escape(form)}(?![\w&])", text):
            span = doc.char_span(match.start(), match.end())
            if span is None or len(span) != 1 or any(start < match.end() and match.start() < end
                                                      for start, end in spans):
                continue
            token = span[0]
            if any(0 <= k < len(doc) and doc[k].pos_ == "PROPN" and _capitalised(doc[k])
                   for k in (token.i - 1, token.i + 1)):
                continue  # a word of a longer name: "NJ Advance Media", "Nestlé SA"
            found.append(Mention(match.start(), match.end(), "initials", stands_for=stands_for))
    return sorted(found, key=lambda m: m.start)
