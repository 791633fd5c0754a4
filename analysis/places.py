"""The locations stage: every place an article mentions, resolved offline to a gazetteer place.

Recognition is in ``analysis.toponyms``; this module picks, for each mention, the gazetteer reading that the
article's context supports best, and places facilities within the city named near them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc

from .area_codes import area_code_regions
from .gazetteer import Gazetteer, Place, load_gazetteer, lookup_key
from .parse import doc_text
from .place_adjectives import adjective_mentions, adjective_place
from .resources import load_data_yaml
from .segment import Paragraph
from .toponyms import (
    COUNTY_HEADS,
    MIN_UNTAGGED_CITY_POPULATION,
    PARTY_LETTERS,
    Mention,
    find_mentions,
    initialisms,
    name_like,
    places_lexicon,
)

OUTLET_TOWN_POPULATION = 5_000  # a town the outlet's URL may name counts from this size
OUTLET_TOWN_BONUS = 3.0  # for a reading near such a town: a local paper writes of its own area
MINOR_REGION_POPULATION = 1_000_000  # a state or province smaller than this yields to a larger town of its name,
# and, abroad, to a town by the outlet's town
NAMESAKE_CITY = 500_000  # a state named like a city this large is no outlet's state ("washingtonpost.com")
SMALL_TOWN_POPULATION = 150_000  # a town under this, read from a bare name, needs its country in the story
KIND_PRIOR = {"country": 3.0, "continent": 3.0, "state": 2.5, "province": 1.0, "county": 1.0, "city": 0.0}
POPULATION_WEIGHT = 1.5  # log10(population) weight: a city of millions is not outweighed by one state mention
PREFERRED_BONUS = 6.0
NEARBY_BONUS = 2.0
NEARBY_KM = 150.0
CO_LOCATED_BONUS = 1.5
COUNTY_HOLDS_BONUS = 4.0  # a town in a county the article names ("Palestine" beside "Anderson County", Texas),
# unless the name is a state's ("Kansas" stays the state beside a county holding a town called Kansas)
COUNTY_HOLDS_KM = 60.0
CO_LOCATED_TOP = 12
QUALIFIER_BONUS = 10.0
CONTEXT_STATE_BONUS = 4.0
HAMLET_POPULATION = 5_000  # a town this small wins no state context over a namesake NAMESAKE_RATIO times larger
NAMESAKE_RATIO = 100
CONTEXT_COUNTRY_BONUS = 2.0
EXACT_NAME_BONUS = 2.0
COUNTY_WORD_BONUS = 3.0
# a city of a million people or more in a country the story names, its own name written in full, against a hamlet
# of its name in a state the story names ("San Diego" in a Texas border release, "Manhattan" in an Illinois one)
METROPOLIS_POPULATION = 1_000_000
METROPOLIS_BONUS = 1.5
RESOLVE_PASSES = 4  # at most; a reading chosen in one pass is context for the next ("Georgia" then "Albany")
# gazetteer kind -> the kinds of the locations table (a province is an ISO 3166-2 region GeoNames lacks)
OUTPUT_KIND = {"continent": "region", "province": "state"}
TOWN_OF_THE_ARTICLE_MENTIONS = 2  # a town named this often is the article's, where a local name nothing places lies
FACILITY_WINDOW = 120  # characters between a facility and the place that holds it
# "Paris, Texas", "Paris's", "Fulton County located in Illinois"
_QUALIFIER = re.compile(r"^(?:['’]s)?(?:,\s*|,?\s+(?:located|situated)\s+in\s+)"
                        r"(?P<name>[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*){0,3})")
# the words between a facility and the place that holds it: "in", "at", ..., after an acronym in brackets too
# ("Northwest Detention Center (NWDC) in Tacoma")
_WITHIN_AFTER = re.compile(r"^(?:\s*\([^()]{1,40}\))?(?:\s+and\s+[^.;:!?]*?)?\s*(?:,|in|at|near|outside|of)\s+"
                           r"(?:the\s+)?(?:city\s+of\s+)?$")
_COUNTY_WORDS = ("county", "parish", "borough")
_GENERIC_WORDS = frozenset({"city", "town", "township", "village", "borough", "county", "parish", "province",
                            "region", "state", "district", "metro", "greater", "downtown", "central", "north",
                            "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "upper",
                            "lower", "inner", "outer", "of", "the", "n", "s", "e", "w", "metropolitan", "area",
                            "midtown", "uptown"})


@dataclass(frozen=True)
class Resolved:
    mention: Mention
    text: str
    place: Place | None
    kind: str
    within: str | None = None


def _qualifier(text: str, mention: Mention, gazetteer: Gazetteer, readings: tuple[Place, ...] = ()
               ) -> Place | None:
    """The state or country written right after a place ("Paris, Texas", "Alexandria, La."); of a US state and a
    country of one name, the one that holds a reading of the place ("TBILISI, Georgia" is the country)."""
    match = _QUALIFIER.match(text[mention.end:mention.end + 40])
    if not match:
        return None
    words = match.group("name").split()
    for n in range(len(words), 0, -1):
        written = " ".join(words[:n]).rstrip(",")
        state = gazetteer.state(written)
        if state is None and written.endswith("."):  # a full stop, not an abbreviation: "Atlanta, Georgia."
            state = gazetteer.state(written[:-1])
        country = next((p for p in gazetteer.lookup(written.rstrip(".")) if p.kind == "country"), None)
        if country is not None and any(p.kind == "country" for p in readings):
            return None  # a list of countries, not a place and its country: "China, Japan, and the United Kingdom"
        if state is not None and country is not None and not any(
                p.country == "US" and p.admin1 == state.name for p in readings) and any(
                p.country == country.country for p in readings):
            return country
        if state is not None:
            return state
        if country is not None:
            return country
        region = next((p for p in gazetteer.lookup(written) if p.kind == "state" and any(
            r.country == p.country and r.admin1 == p.admin1 for r in readings)), None)
        if region is not None:
            return region  # a province written in full that holds a reading: "Kingston, Ontario", "Perth, Scotland"
    return None


_LISTED_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?P<next>[A-Z]\w*(?:\s[A-Z]\w*)*)")
_POSSESSIVE = re.compile(r"['’]s\b")


def _holds(region: Place, place: Place) -> bool:
    return place.country == region.country and (region.kind == "country" or place.admin1 == region.admin1)


def _place_key(place: Place) -> tuple[str, str, str]:
    return place.name, place.kind, place.country


def _unlisted_in(text: str, mention: Mention, written: str, gazetteer: Gazetteer, readings: tuple[Place, ...],
                 qualifier: Place | None) -> Place | None:
    """The state, province or country written after a town none of whose readings lies there ("Stroud, Ontario",
    where the gazetteer has Stroud in England, Oklahoma and New South Wales only; "Fort Detrick, Maryland"): a place
    the gazetteer lacks, within that region. None for a name that reads as a region or a country itself, for a
    region that only opens a longer name ("Harvard, Ohio State", "Dalian, U.S. Secretary of State …") or owns what
    follows ("New York's Kennedy Airport"), and in a list of places ("Florida, Indianapolis, New York's …", "Moscow,
    Kiev, Minsk and Riga"; "Stroud, Ontario, Canada" is no list)."""
    if mention.source in ("facility", "landmark", "street") or gazetteer.state(written) is not None or any(
            p.kind not in ("city", "county") for p in readings) or text[:mention.start].rstrip().endswith(","):
        return None
    match = _QUALIFIER.match(text[mention.end:mention.end + 40])
    if match is None or _POSSESSIVE.match(text, mention.end + match.end("name")):
        return None
    name = match.group("name").rstrip(",")
    region = qualifier
    if region is None and name.lower() not in _COMPASS_WORDS:
        regions = [p for p in gazetteer.lookup(name.rstrip(".")) if p.kind == "state"]  # a province or region
        region = regions[0] if len(regions) == 1 else None
    if region is None or region.kind not in ("country", "state") or any(_holds(region, p) for p in readings):
        return None
    whole = {_place_key(p) for p in (gazetteer.state(name), gazetteer.state(name.rstrip("."))) if p is not None}
    whole |= {_place_key(p) for p in gazetteer.lookup(name.rstrip(".")) if p.kind in ("country", "state")}
    if _place_key(region) not in whole:
        return None
    listed = _LISTED_AFTER.match(text, mention.end + match.end("name"))
    if listed and not any(p.kind == "country" and p.country == region.country
                          for p in gazetteer.lookup(listed.group("next"))):
        return None
    return region


_CAPITALISED_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")
_QUALIFIED_BEFORE = re.compile(r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)*), $")
STATE_NEIGHBOUR_CHARS = 40  # another state's name this close makes a city-or-state name the state
CITY_PART_KM = 30.0  # "Queens, New York": a place this close to the city is part of it, and "New York" is the city


STATE_WORDS_BEFORE_CHARS = 60  # how far before a name its title-and-name words are looked for


@lru_cache(maxsize=1)
def _state_word_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The words after and before a city-or-state name that make it the state (`state_words` in the lexicon)."""
    words = load_data_yaml("places_lexicon.yaml")["state_words"]
    after = "|".join(re.escape(w) for w in sorted(words["after"], key=len, reverse=True))
    before = "|".join(re.escape(w) for w in sorted(words["before"], key=len, reverse=True))
    titles = "|".join(re.escape(w) for w in sorted(words["titled_before"], key=len, reverse=True))
    return (re.compile(rf"(?:'s|’s)?\s+(?:{after})(?!\w)"),
            re.compile(rf"(?:\b(?:{before})|(?<![\w.])(?:{titles})\s+(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:of|from))\s+$"))


def _state_words(text: str, mention: Mention) -> bool:
    """True where the words around a name say it is the state: "New York state", "Washington Gov. Jay Inslee",
    "New York's attorney general", "upstate New York", "the governor of New York", "Gov. Kathy Hochul of New
    York"."""
    after, before = _state_word_patterns()
    return bool(after.match(text, mention.end)
                or before.search(text[max(0, mention.start - STATE_WORDS_BEFORE_CHARS):mention.start]))


def _state_sense(text: str, mention: Mention, written: str, gazetteer: Gazetteer) -> Place | None:
    """The state, for a name that also reads as a town ("New York", "Washington", "Wyoming"), where the words around
    it name the state, another state is named right beside it ("Missouri, New York, North Carolina", "one case in
    Ohio. New York has …", "West Virginia and Wyoming": not Wyoming, Michigan), or, for a name the gazetteer reads
    first as a city, it qualifies a town outside the city ("Buffalo, New York", not "Queens, New York")."""
    state = gazetteer.states.get(written)
    if state is None:
        return None
    city = gazetteer.preferred.get(lookup_key(written))
    if _state_words(text, mention):
        return state
    qualified = _QUALIFIED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if city is not None and qualified is not None:
        towns = [p for p in gazetteer.lookup(qualified.group("name")) if p.kind in ("city", "county")]
        if towns and not any(p.admin1 == state.name and _km(p, city) <= CITY_PART_KM for p in towns):
            return state
    around = (text[max(0, mention.start - STATE_NEIGHBOUR_CHARS):mention.start],
              text[mention.end:mention.end + STATE_NEIGHBOUR_CHARS])
    names = {m.group() for side in around for m in _CAPITALISED_NAME.finditer(side)}
    if any(name != written and name in gazetteer.states and name not in written for name in names):
        return state
    return None


def _state_senses(text: str, mentions: list[Mention], written: list[str], options: list[tuple[Place, ...]],
                  gazetteer: Gazetteer) -> list[tuple[Place, ...]]:
    """The options with a city-or-state name ("New York") narrowed to the state where ``_state_sense`` finds it so;
    where the words around one mention name the state and no dateline names the city, at every mention ("New
    York state governor …", then "in New York since April"), but not one that opens a local body's name ("the New
    York Police Department" is the city's)."""
    senses = [None if m.dateline or not o else _state_sense(text, m, w, gazetteer)
              for m, w, o in zip(mentions, written, options, strict=True)]
    dateline = {lookup_key(w) for m, w in zip(mentions, written, strict=True) if m.dateline}
    worded = {lookup_key(w): sense for m, w, sense in zip(mentions, written, senses, strict=True)
              if sense is not None and _state_words(text, m) and lookup_key(w) not in dateline}
    bodies = places_lexicon().public_body_heads

    def opens_body(mention: Mention) -> bool:
        following = text[mention.end:mention.end + 30].split()[:1]
        return not following or following[0] in bodies

    return [(sense,) if sense is not None else
            (worded[lookup_key(w)],) if o and not m.dateline and lookup_key(w) in worded and not opens_body(m) else o
            for m, w, o, sense in zip(mentions, written, options, senses, strict=True)]


_PARTY_BEFORE = re.compile(r"(?:^|[\s(,])(?:" + "|".join(sorted(PARTY_LETTERS)) + ")-$")


def _party_state(text: str, mention: Mention, written: str, gazetteer: Gazetteer) -> Place | None:
    """The US state a name or code stands for right after a party letter ("(D-WA)", "R-Texas"), else None."""
    if not _PARTY_BEFORE.search(text, max(0, mention.start - 5), mention.start):
        return None
    return gazetteer.state(written)


def _landmark(mention: Mention, written: str, gazetteer: Gazetteer) -> Resolved:
    """A landmark of the lexicon as a facility within its city ("at the White House": Washington, D.C.)."""
    city, where = places_lexicon().landmarks[tuple(written.split())]
    place = next((p for p in gazetteer.lookup(city) if p.kind == "city" and where in (p.admin1, p.country)), None)
    return Resolved(mention, written, place, "facility", place.name if place else None)


def _candidates(written: str, mention: Mention, gazetteer: Gazetteer, town_named: bool = False) -> tuple[Place, ...]:
    """The gazetteer's readings of a name; only its towns (where it has any) for a name the article calls a town."""
    if mention.stands_for:  # "T&T": Trinidad and Tobago, named in full in the article
        return gazetteer.lookup(mention.stands_for)[:1]
    if mention.source == "adjective":  # "Iraqi officials": Iraq
        place = adjective_place(written, gazetteer)
        return (place,) if place else ()
    if mention.dateline:  # "NEW YORK (AP) —": the city the story was filed from, not the state
        key = lookup_key(written)
        preferred = gazetteer.preferred.get(key)
        if preferred is not None and preferred.kind == "city":
            return (preferred,)  # "WASHINGTON —": Washington, D.C.
        cities = tuple(p for p in gazetteer.lookup(written) if p.kind == "city")
        named = tuple(p for p in cities if lookup_key(p.name) == key)
        if named or cities:  # a city of that very name, else one known by it ("New York City")
            return named or cities
    state = gazetteer.state(written)
    if state is not None and (mention.source == "state" or "." in written or written.isupper()):
        # another country's region of the same abbreviation stays a reading ("WA": Western Australia)
        return (state, *(p for p in gazetteer.lookup(written) if p.kind == "state" and p is not state))
    if mention.source == "state":
        return ()
    if mention.source == "street":
        return ()  # a street named after a place is not at that place ("Culver and Charter streets")
    if mention.source == "county":
        return tuple(p for p in gazetteer.lookup(written + " County") if p.kind == "county")
    if _city_part(written):
        return ()  # "the North Side" of the story's town, not Oildale, California
    opening = _TOWN_OF.match(written)
    if opening is not None:
        # "the City of Richmond" is a town called Richmond, any of them: not only Virginia's independent city,
        # the one county-equivalent whose gazetteer name is written so
        towns = tuple(p for p in gazetteer.lookup(opening.group("name")) if p.kind == "city")
        if towns:
            return towns
    places = gazetteer.lookup(written)
    if not places and written.endswith(("'s", "’s")):
        places = gazetteer.lookup(written[:-2])
    if not places and " " in written:
        places = _inner_name(written, gazetteer)
    if _region_name(written):  # "Nyanza Province" is a region, not the town of Nyanza, Rwanda, its head word aside;
        # "Zaire province" (Angola's) is no country either
        places = _region_readings(places)
    key = lookup_key(written)
    if any(p.kind == "country" and lookup_key(p.name) == key for p in places):
        # "Mexico" is the country, not Mexico City, however near the story's towns
        places = tuple(p for p in places if p.kind != "city" or lookup_key(p.name) == key)
    if town_named:  # "the City of Turkey", "the town of Paris": a town, where the name has a town's reading
        places = tuple(p for p in places if p.kind == "city") or places
    return places


_TOWN_OF = re.compile(r"(?:City|Town|Village|Township|Borough) of (?P<name>.+)")
_TOWN_OF_BEFORE = re.compile(r"\b(?:city|town|village|township|borough) of $", re.IGNORECASE)


def _town_named(text: str, mention: Mention, written: str) -> str | None:
    """The key of a name the article calls a town at this mention ("the city of Puebla", "the City of Turkey")."""
    opening = _TOWN_OF.match(written)
    if opening is not None:
        return lookup_key(opening.group("name"))
    if _TOWN_OF_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return lookup_key(written)
    return None


def _city_part(written: str) -> bool:
    """Whether a name is a compass word and a word for a part of a town ("North Side", "West End")."""
    words = written.lower().replace("-", " ").split()
    return len(words) == 2 and words[0] in _REGION_WORDS and words[1] in places_lexicon().city_part_heads


def _inner_name(written: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The places a longer name is built on: "Northeast Georgia", "Sichuan province", "Far North Queensland"."""
    words = written.split()
    if words[-1] in places_lexicon().way_heads:
        return ()  # a street or hall named after a place is not at that place ("Washington Drive", "City Hall")
    stop = places_lexicon().stop_places
    body = _names_no_place(written, gazetteer)  # "Latin America Task Force": a body named after a world region
    suffixes = [words[len(words) - n:] for n in range(len(words) - 1, 0, -1)]
    parts = suffixes + [words[:n] for n in range(len(words) - 1, 0, -1)]
    for number, part in enumerate(parts):
        common = all(w.title() in stop or w.lower() in ("far", "the") for w in part) and not (
            len(part) > 1 and part[-1] in COUNTY_HEADS)  # "Orange County" is a county, "North Central" none
        if not part[0][:1].isupper() or common or _city_part(" ".join(part)):
            continue
        # a one-word city only beside generic words ("Fargo city", "South Arlington", "City of Montreal"), not
        # inside another name ("Paris Hilton")
        if lookup_key(" ".join(part)) in gazetteer.whole_name_only:
            continue  # "Central America", "Latin America" are not in the United States
        rest = " ".join(words).replace(" ".join(part), " ", 1).split()
        generic = all(w.lower().strip(".,") in _GENERIC_WORDS for w in rest) or [w.lower() for w in rest] == [
            "old", "town"]  # "Old Town Manassas", "Old Town Alexandria": the town's historic centre
        if [w.lower() for w in rest] == ["state"]:  # "New York State" is the state, not New York City
            states = tuple(p for p in gazetteer.lookup(" ".join(part)) if p.kind == "state")
            if states:
                return states
        # a town that ends the name after words of its own is not the place ("Zion National Park" is not the town
        # National Park, New Jersey; but "Port of Los Angeles" is in Los Angeles)
        named_before = number < len(suffixes) and not generic and rest[-1].lower() not in ("of", "de")
        # (nor is a closing word a place by another name: "Fire Island" is not "Island", Iceland in Icelandic)
        places = tuple(p for p in gazetteer.lookup(" ".join(part))
                       if (p.kind not in ("city", "province") or (len(part) > 1 and not named_before) or generic)
                       and not (body and p.kind == "continent")
                       and not (named_before and lookup_key(p.name) != lookup_key(" ".join(part))
                                and gazetteer.preferred.get(lookup_key(" ".join(part))) is not p))
        if places:
            return places
    return ()


CITY_REGION_SHARE = 0.3  # a region named like a city that holds this share of its people is that city


def _without_city_regions(places: tuple[Place, ...]) -> tuple[Place, ...]:
    """The readings without a first-level region that is, in effect, the city of the same name in it: "Moscow",
    "Tokyo", "Beijing", "Istanbul" are the cities, not the federal city, prefecture or province around them, whose
    derived point can lie far from the city (Tokyo's islands). Regions that are much more than their city stay
    ("Quebec", "Sao Paulo")."""
    if len(places) < 2:
        return places
    cities = {(lookup_key(p.name), p.country): p.population for p in places if p.kind == "city"}
    return tuple(p for p in places if not (
        p.kind in ("state", "province") and (lookup_key(p.name), p.country) in cities
        and cities[(lookup_key(p.name), p.country)] >= CITY_REGION_SHARE * p.population))


def _km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _score(place: Place, written: str, qualifier: Place | None, states: Counter, countries: Counter,
           gazetteer: Gazetteer, nearby: tuple[Place, ...] = (), near: dict[int, bool] | None = None) -> float:
    """The score of one reading of a name; ``near`` memoises, for one ``nearby``, whether a place lies near one."""
    score = POPULATION_WEIGHT * math.log10(place.population + 10) + KIND_PRIOR.get(place.kind, 0.0)
    key = lookup_key(written)
    if gazetteer.preferred.get(key) is place:
        score += PREFERRED_BONUS
    if lookup_key(place.name) == key or lookup_key(place.name).startswith(key + " "):
        score += EXACT_NAME_BONUS
    if place.kind == "county" and key.endswith(_COUNTY_WORDS):
        score += COUNTY_WORD_BONUS
    if qualifier is not None:
        same = place.country == qualifier.country if qualifier.kind == "country" else (
            place.country == qualifier.country and place.admin1 == qualifier.admin1)
        score += QUALIFIER_BONUS if same else -QUALIFIER_BONUS
    if place.admin1 and states[(place.country, place.admin1)]:
        score += CONTEXT_STATE_BONUS
    if place.kind in ("city", "county"):
        close = near.get(id(place)) if near is not None else None
        if close is None:
            close = any(_km(place, other) <= NEARBY_KM for other in nearby if other is not place)
            if near is not None:
                near[id(place)] = close
        if close:
            score += NEARBY_BONUS
            if place.kind == "city" and gazetteer.state(written) is None and any(
                    other.kind == "county" and other.admin1 == place.admin1 and other.country == place.country
                    and _km(place, other) <= COUNTY_HOLDS_KM for other in nearby):
                score += COUNTY_HOLDS_BONUS  # the town lies in a county the article names
    if countries[place.country]:
        score += CONTEXT_COUNTRY_BONUS
    return score


def _hamlet_penalty(place: Place, states: Counter, readings: tuple[Place, ...]) -> float:
    """Takes back the state context of a hamlet (under ``HAMLET_POPULATION``) whose namesake in its country is
    ``NAMESAKE_RATIO`` times larger: one mention of Dallas does not make "Santa Clara" the Texas hamlet of 725
    people rather than the Californian city. A qualifier, a county, nearby towns or the outlet's town still can."""
    if place.kind != "city" or place.population >= HAMLET_POPULATION or not (
            place.admin1 and states[(place.country, place.admin1)]):
        return 0.0
    biggest = max((p.population for p in readings if p.kind == "city" and p.country == place.country), default=0)
    return CONTEXT_STATE_BONUS if place.population * NAMESAKE_RATIO < biggest else 0.0


def _minor_region_penalty(place: Place, written: str, readings: tuple[Place, ...]) -> float:
    """Takes back the kind prior of a region of under MINOR_REGION_POPULATION that a town of the name as written
    outnumbers: a bare "Portland" is no parish of Jamaica (22,000 people) before Portland, Oregon."""
    if place.kind not in ("state", "province") or place.population >= MINOR_REGION_POPULATION:
        return 0.0
    key = lookup_key(written)
    if any(other.kind == "city" and other.population > place.population and lookup_key(other.name) == key
           for other in readings):
        return KIND_PRIOR[place.kind]
    return 0.0


def _metropolis_bonus(place: Place, written: str, countries: Counter, readings: tuple[Place, ...]) -> float:
    """METROPOLIS_BONUS for a metropolis of the story's countries written by its own name, unless the name also
    reads as a state or country of the metropolis's own country ("Puebla", "Mexico"), which the bonus would otherwise
    outweigh; a province abroad ("Santiago" in the Dominican Republic, for Chile's capital) is weighed by its own
    country's context."""
    if (place.kind == "city" and place.population >= METROPOLIS_POPULATION and countries[place.country]
            and place.name.lower() == written.lower()
            and not any(other.kind in ("state", "country") and other.country == place.country for other in readings)):
        return METROPOLIS_BONUS
    return 0.0


def _context(places: list[Place | None], qualifiers: list[Place | None], home_country: str | None = None
             ) -> tuple[Counter, Counter]:
    """US states and countries the article's places lie in; the outlet's country (``home_country``) counts once."""
    states: Counter = Counter()
    countries: Counter = Counter()
    for place in [*places, *qualifiers]:
        if place is None:
            continue
        if place.admin1:
            states[(place.country, place.admin1)] += 1
        if place.country:
            countries[place.country] += 1
    if home_country:
        countries[home_country] += 1
    return states, countries


def _co_located(written: list[str], options: list[tuple[Place, ...]]) -> dict[int, int]:
    """For each candidate place (by id), how many other names of the article have a reading near it.

    "Paris" beside "Henry County": Paris, Tennessee lies in Henry County, Tennessee, and so each supports the other.
    Only names whose readings are all cities or counties take part, each with its CO_LOCATED_TOP most populous
    readings of exactly that name; the towns of a name that is also a country's lend support to counties only. A
    town and a county of the same state within COUNTY_HOLDS_KM (the county that holds the town: "Richmond" and
    "Madison County", Kentucky) support each other once more.
    """
    keys: dict[str, list[Place]] = {}
    givers: set[int] = set()  # readings that speak for the counties of other names but take no support themselves
    for name, readings in zip(written, options, strict=True):
        # a province (population unknown) is no reading co-location weighs: "Laguna" stays among its towns
        places = tuple(p for p in readings if p.kind != "province")
        local = [p for p in places if p.kind in ("city", "county")
                 and lookup_key(p.name) == lookup_key(name)][:CO_LOCATED_TOP]
        if not local or lookup_key(name) in keys:
            continue
        if any(p.kind not in ("city", "county") for p in places):
            # "Mexico", "New York", "Lebanon": a country or state reading is not decided by nearby towns; the towns
            # of a country's name still speak for the counties of other names ("Lebanon" for Boone County,
            # Indiana), those of a state's name for none ("Montana and Wyoming" beside "Monroe County")
            if not any(p.kind == "country" for p in places):
                continue
            givers.update(id(p) for p in local)
        keys[lookup_key(name)] = local
    if len(keys) < 2:
        return {}
    # a name and its county ("DeKalb" and "DeKalb County") are one name: their readings do not support each other
    base = {key: _without_county_word(name) for name in written if (key := lookup_key(name)) in keys}
    base_index: dict[str, int] = {}
    owners = [base_index.setdefault(base[key], len(base_index)) for key, places in keys.items() for _ in places]
    flat = [p for places in keys.values() for p in places]
    lat = np.radians([p.lat for p in flat])
    lon = np.radians([p.lon for p in flat])
    h = (np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
         + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2)
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    owner = np.array(owners)
    other_name = owner[:, None] != owner[None, :]
    near = (km <= NEARBY_KM) & other_name
    # the towns of a name that is also a country's ("Lebanon") speak only for counties ("Boone County")
    giving = np.array([id(p) in givers for p in flat])
    counties = np.array([p.kind == "county" for p in flat])
    near &= ~(giving[None, :] & ~counties[:, None])
    support = {}
    for i, place in enumerate(flat):
        others = len(set(owner[near[i]].tolist()))
        if others and id(place) not in givers:
            support[id(place)] = others
    # a town and a county of another name that holds it ("Richmond" and "Madison County", Kentucky) count twice
    holds = (km <= COUNTY_HOLDS_KM) & other_name
    kinds = np.array([p.kind for p in flat])
    states = np.array([f"{p.country}/{p.admin1}" for p in flat])
    holds &= states[:, None] == states[None, :]
    holds &= ((kinds[:, None] == "city") & (kinds[None, :] == "county")) | (
        (kinds[:, None] == "county") & (kinds[None, :] == "city"))
    for i in np.flatnonzero(holds.any(axis=1)).tolist():
        if id(flat[i]) not in givers:
            support[id(flat[i])] = support.get(id(flat[i]), 0) + 1
    return support


def resolve(text: str, mentions: list[Mention], gazetteer: Gazetteer, home_country: str | None = None,
            named_states: tuple[Place, ...] = (), outlet_towns: tuple[str, ...] = ()) -> list[Resolved]:
    """The gazetteer reading of every non-facility mention, chosen with the article's context; ``home_country``,
    the country the outlet publishes from (``analysis.outlet.outlet_country``), and ``named_states``, US states
    that open the names of local bodies (``states_in_names``), count as places of it; ``outlet_towns``, the town
    names the article's URL may hold (``analysis.outlet.outlet_localities``), favour the readings near the town
    they stand for (``OUTLET_TOWN_BONUS``)."""
    written = [text[m.start:m.end] for m in mentions]
    groups = _name_groups(written)
    # a name the article calls a town at one mention is a town at every mention ("returns to Turkey", "the city
    # of Turkey")
    called_towns = [_town_named(text, m, w) for m, w in zip(mentions, written, strict=True)]
    town_keys = set(called_towns)
    options = [() if m.source in ("facility", "landmark") else _without_city_regions(_candidates(
        w, m, gazetteer, called is not None or lookup_key(w) in town_keys))
        for m, w, called in zip(mentions, written, called_towns, strict=True)]
    # a state's code after a party letter is the US state: "Sen. Patty Murray (D-WA)" (not Western Australia)
    options = [(state,) if (state := _party_state(text, m, w, gazetteer)) is not None else o
               for m, w, o in zip(mentions, written, options, strict=True)]
    options = _with_named_counties(written, options, gazetteer)
    options = _without_landform_regions(written, options)
    options = _state_senses(text, mentions, written, options, gazetteer)
    # a name before "province" keeps its region readings, where it has any ("Zaire province" in Angola)
    options = [(_region_readings(o) or o) if _region_word_after(text, m.end) else o
               for m, o in zip(mentions, options, strict=True)]
    compass_parts = _compass_parts(written, options, groups)
    options = [() if i in compass_parts else o for i, o in enumerate(options)]
    qualifiers = [_qualifier(text, m, gazetteer, o) for m, o in zip(mentions, options, strict=True)]
    # a place the gazetteer lacks in the region written after it is placed within that region, and its readings
    # elsewhere are no context ("Stroud, Ontario" is not Stroud, England)
    unlisted = {k: region for k, (m, w, o, q) in enumerate(zip(mentions, written, options, qualifiers, strict=True))
                if (region := _unlisted_in(text, m, w, gazetteer, o, q)) is not None}
    had_readings = [bool(o) for o in options]
    options = [() if k in unlisted else o for k, o in enumerate(options)]
    counties = _counties_facilities_name(written, mentions, gazetteer)
    support = _co_located([*written, *(c for c, _ in counties)], [*options, *(o for _, o in counties)])
    towns = _outlet_towns(outlet_towns, options, groups, gazetteer)
    near_outlet = _near_outlet_towns(options, towns)
    options = _without_regions_abroad(options, near_outlet, towns)
    # first pass: places that are unambiguous or qualified; second pass: everything, in their context
    chosen: list[Place | None] = [
        (o[0] if len(o) == 1 or q is not None else None) if o else None
        for o, q in zip(options, qualifiers, strict=True)
    ]
    for _ in range(RESOLVE_PASSES):
        base_states, base_countries = _context([*chosen, *named_states], qualifiers, home_country)
        nearby = tuple({id(p): p for p in chosen if p is not None and p.kind in ("city", "county")}.values())
        near: dict[int, bool] = {}  # a name mentioned again has the same readings: each is measured once per pass
        picked: list[Place | None] = []
        for index, (places, qualifier) in enumerate(zip(options, qualifiers, strict=True)):
            if not places:
                picked.append(None)
                continue
            # neither a mention nor the other mentions of the same name count as its context: "London" said eight
            # times is no evidence for London, England
            same = [chosen[j] for j in groups[lookup_key(written[index])] if chosen[j] is not None]
            states, countries = base_states, base_countries
            if same:
                states = states.copy()
                countries = countries.copy()
                for own in same:
                    states[(own.country, own.admin1)] -= 1
                    countries[own.country] -= 1
            picked.append(max(places, key=lambda p, w=written[index], q=qualifier, s=states, c=countries, o=places:
                              _score(p, w, q, s, c, gazetteer, nearby, near)
                              + CO_LOCATED_BONUS * min(support.get(id(p), 0), 2)
                              + (OUTLET_TOWN_BONUS if id(p) in near_outlet else 0.0)
                              + _metropolis_bonus(p, w, c, o)
                              - _hamlet_penalty(p, s, o)
                              - _minor_region_penalty(p, w, o)))
        if all(a is b for a, b in zip(picked, chosen, strict=True)):
            break  # no reading changed: the context is settled
        chosen = picked
    chosen = _one_reading_per_name(written, options, qualifiers, chosen, groups, gazetteer)
    chosen = _short_forms(written, options, qualifiers, chosen)
    chosen = _country_named_towns(written, options, qualifiers, chosen)
    chosen = _landforms_at_home(written, chosen, qualifiers, home_country)
    chosen = _generic_regions_at_home(chosen, qualifiers, home_country)
    chosen = _public_spaces_at_home(written, chosen, qualifiers, home_country, named_states)
    # a name a firm cue (a dateline among them) marks as a place at one mention is that place at its other
    # mentions too ("an informal settlement in Khayelitsha", then "moved back to Khayelitsha")
    cued = {lookup_key(w) for m, w in zip(mentions, written, strict=True) if m.placed}
    chosen = _small_towns_at_home(text, written, mentions, chosen, qualifiers, home_country, cued, near_outlet)
    chosen = _readings_at_home(written, options, chosen, qualifiers, home_country, near_outlet)
    chosen = _inner_readings_at_home(written, chosen, qualifiers, home_country, gazetteer, near_outlet)
    chosen, parts = _parts_of_towns(text, mentions, chosen)
    for i, j in compass_parts.items():  # "a North Richmond neighborhood" beside "Richmond police": part of it
        if chosen[j] is not None:  # a town the later checks dropped leaves its part unplaced
            chosen[i] = chosen[j]
            parts.add(i)
    foreign = _foreign_part(text, mentions, chosen)
    return [
        _landmark(m, w, gazetteer) if m.source == "landmark" else
        Resolved(m, w, unlisted[k], "other", unlisted[k].name) if k in unlisted else
        Resolved(m, w, p, "other", p.name) if k in parts else
        Resolved(m, w, p, "facility" if m.source == "facility" else OUTPUT_KIND.get(p.kind, p.kind) if p else "other")
        for k, (m, w, p) in enumerate(zip(mentions, written, chosen, strict=True)) if k not in foreign
        # a one-word name the model tagged that no gazetteer knows is more often a person than a place, unless a
        # firm cue marks it as one ("stationed in Darfur", "the town of Maameltein")
        if p is not None or (k in unlisted and had_readings[k]) or m.source in ("facility", "street", "landmark") or (
            (" " in w.strip() or lookup_key(w) in cued and name_like(w)) and not _names_no_place(w, gazetteer))
    ]


_LEADING_COUNTY = re.compile(r"^((?:[A-Z][\w.'’-]*\s+){1,3}(?:County|Parish))\s+[A-Z]")


def _counties_facilities_name(written: list[str], mentions: list[Mention], gazetteer: Gazetteer
                              ) -> list[tuple[str, tuple[Place, ...]]]:
    """The counties that open facilities' names, with their readings ("Henderson County Jail"): the facility lies
    in that county, so the county is a place of the article's context like one named alone."""
    found = []
    for mention, name in zip(mentions, written, strict=True):
        match = _LEADING_COUNTY.match(name) if mention.source == "facility" else None
        if match:
            readings = tuple(p for p in gazetteer.lookup(match.group(1)) if p.kind == "county")
            if readings:
                found.append((match.group(1), readings))
    return found


def _name_groups(written: list[str]) -> dict[str, list[int]]:
    """The indices of the mentions of each name, by name key."""
    groups: dict[str, list[int]] = {}
    for index, name in enumerate(written):
        groups.setdefault(lookup_key(name), []).append(index)
    return groups


def _outlet_towns(names: tuple[str, ...], options: list[tuple[Place, ...]], groups: dict[str, list[int]],
                  gazetteer: Gazetteer) -> list[Place]:
    """The town each of the URL's town names stands for: of its readings of OUTLET_TOWN_POPULATION or more (the
    CO_LOCATED_TOP most populous), one in a state the article names first, then the one near the most of the
    article's other names, else the most populous; the name spaced where the domain ran it together ("kansascity" →
    "kansas city"). For a name the article writes itself ("richmondregister.com") or one that also reads as a state
    or a country ("palestineherald.com"), only a town more of the article's other names lie near than any other town
    of the name ("Palestine" beside "Anderson County", Texas): otherwise such a name says nothing of which town it
    is. ``options`` are the readings of the article's mentions, ``groups`` its names (``_name_groups``)."""
    found: list[Place] = []
    # the states the article names: "Kentucky" written beside "Madison County" settles which Richmond
    named = {(p.country, p.admin1) for key, indices in groups.items() for index in indices for p in options[index]
             if p.kind == "state" and lookup_key(p.name) == key}
    for name in names:
        readings: tuple[Place, ...] = ()
        for spaced in _spaced(name):
            readings = gazetteer.lookup(spaced)
            if readings:
                break
        key = lookup_key(spaced)
        towns = [p for p in readings if p.kind == "city" and p.population >= OUTLET_TOWN_POPULATION][:CO_LOCATED_TOP]
        if not towns:
            continue
        others = [places for index, places in enumerate(options) if index not in groups.get(key, ())]
        support = {id(town): sum(any(p.kind in ("city", "county") and _km(p, town) <= NEARBY_KM for p in places)
                                 for places in others) for town in towns}
        best = max(towns, key=lambda town: ((town.country, town.admin1) in named, support[id(town)], town.population))
        if not (key in groups or any(p.kind in ("state", "country", "province") for p in readings)):
            found.append(best)
        elif support[id(best)] and sorted(support.values())[-2:] != [support[id(best)]] * 2:
            found.append(best)  # supported, and better than any other town of the name
    return found


def _spaced(name: str) -> list[str]:
    """A URL's run-together name as written and with one space at each inner place ("kansascity" → "kansas city")."""
    return [name, *(f"{name[:i]} {name[i:]}" for i in range(3, len(name) - 2))]


def outlet_states(names: tuple[str, ...], gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The US states the URL's names stand for ("masslive.com" → "mass", "wvgazette.com" → "wv", "nj.com"), which
    count once as places of the article, as a state opening a local body's name does. Not a state whose name (or
    the URL's word for it) also reads as a country or a metropolis ("georgia", "washington", "latimes.com" → "la")."""
    found = []
    for name in names:
        state = next((s for n in _spaced(name) for s in (gazetteer.state(n.upper() if len(n) == 2 else n.title()),)
                      if s), None)
        if state is not None and not any(p.kind == "country" or p.kind == "city" and p.population >= NAMESAKE_CITY
                                         for p in (*gazetteer.lookup(state.name), *gazetteer.lookup(name))):
            found.append(state)
    return tuple(found)


def _near_outlet_towns(options: list[tuple[Place, ...]], towns: list[Place]) -> set[int]:
    """The readings (by id) of towns (of OUTLET_TOWN_POPULATION or more) and counties within NEARBY_KM of a town the
    outlet's URL may name: a local paper's "Dublin" is the Dublin beside its Columbus. Not for a name that also
    reads as a state or a country ("Washington", "Kansas"), which no town nearby decides, unless as a minor region
    abroad ("Berea", a district of Lesotho)."""
    if not towns:
        return set()
    return {id(p) for readings in options if all(r.kind in ("city", "county") or _minor_region_abroad(r, towns)
                                                 for r in readings)
            for p in readings if (p.kind == "county" or p.kind == "city" and p.population >= OUTLET_TOWN_POPULATION)
            and any(_km(p, town) <= NEARBY_KM for town in towns if town is not p)}


def _minor_region_abroad(place: Place, towns: list[Place]) -> bool:
    """True for a state or province of under MINOR_REGION_POPULATION outside the countries of the outlet's towns."""
    return (place.kind in ("state", "province") and place.population < MINOR_REGION_POPULATION
            and all(place.country != town.country for town in towns))


def _without_regions_abroad(options: list[tuple[Place, ...]], near_outlet: set[int], towns: list[Place]
                            ) -> list[tuple[Place, ...]]:
    """A name that reads as a town near the outlet's town and as a minor region abroad (under
    MINOR_REGION_POPULATION) is the town: the Richmond Register's "Berea" is Berea, Kentucky, not the district of
    Lesotho; a Mansfield paper's "Ontario" is still the province."""
    return [tuple(p for p in readings if not _minor_region_abroad(p, towns))
            if any(id(p) in near_outlet for p in readings) else readings for readings in options]


_IN_BETWEEN = re.compile(r"\s+in\s+(?:downtown\s+|central\s+)?")


_COMPASS_PREFIXES = frozenset({"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"})


def _compass_parts(written: list[str], options: list[tuple[Place, ...]], groups: dict[str, list[int]]
                   ) -> dict[int, int]:
    """Mentions of a compass word and a town the article also names alone ("a North Richmond residential
    neighborhood" beside "Richmond police"), each with the index of that town's mention: a part of the town, which
    takes its reading (not a North Richmond in California that would draw "Richmond" there). Not a state's or a
    country's name ("West Virginia", "South Africa"). ``groups``: the article's names (``_name_groups``)."""
    parts = {}
    for index, (name, readings) in enumerate(zip(written, options, strict=True)):
        words = name.split()
        if len(words) < 2 or words[0] not in _COMPASS_PREFIXES or any(
                p.kind in ("state", "country", "province", "continent") for p in readings):
            continue
        town = groups.get(lookup_key(" ".join(words[1:])), [None])[0]
        if town is not None and options[town]:
            parts[index] = town
    return parts


def _parts_of_towns(text: str, mentions: list[Mention], chosen: list[Place | None]
                    ) -> tuple[list[Place | None], set[int]]:
    """A name read as a town far from the town named right after it with "in" is a part of that town (a park, a
    neighbourhood): "east of Hampton Park in Charleston" is no Hampton Park in Victoria; a metropolis is no town's
    part. Such a mention takes the town's place; the indices of those mentions come back with the readings."""
    chosen = list(chosen)
    parts = set()
    for k in range(len(mentions) - 1):
        part, town = chosen[k], chosen[k + 1]
        if (part is not None and town is not None and part.kind == "city" and town.kind == "city"
                and part.population < METROPOLIS_POPULATION  # "the mayor of Berlin in Vienna": two cities
                and mentions[k].source != "facility" and _km(part, town) > CITY_PART_KM
                and _IN_BETWEEN.fullmatch(text, mentions[k].end, mentions[k + 1].start)):
            chosen[k] = town
            parts.add(k)
    return chosen, parts


def _only_at_home(chosen: list[Place | None], marked: list[int], qualifiers: list, home_country: str | None
                  ) -> list[Place | None]:
    """The readings with each ``marked`` one dropped unless its country is among those the article's other places
    (or its outlet) lie in."""
    if not marked:
        return chosen
    _, countries = _context([p if i not in marked else None for i, p in enumerate(chosen)], qualifiers, home_country)
    return [None if i in marked and p is not None and countries[p.country] <= 0 else p for i, p in enumerate(chosen)]


def _public_spaces_at_home(written: list[str], chosen: list[Place | None], qualifiers: list,
                           home_country: str | None, named_states: tuple[Place, ...]) -> list[Place | None]:
    """A name of a public space ("Washington Square", ``public_space_words``) read as a town of under
    MIN_UNTAGGED_CITY_POPULATION only in a state the article's other places name: a New Orleans story's "Washington
    Square" is its own square, not Washington Square, Pennsylvania. One named after someone ("St. Peter's Square")
    is never such a town."""
    words = places_lexicon().public_space_words
    spaces = [i for i, name in enumerate(written) if chosen[i] is not None and chosen[i].kind == "city"
              and name.split()[-1] in words]
    chosen = [None if i in spaces and _named_after_someone(name) else p
              for i, (name, p) in enumerate(zip(written, chosen, strict=True))]
    marked = [i for i in spaces if chosen[i] is not None and chosen[i].population < MIN_UNTAGGED_CITY_POPULATION]
    if not marked:
        return chosen
    states, _ = _context([*(p if i not in marked else None for i, p in enumerate(chosen)), *named_states],
                         qualifiers, home_country)
    return [None if i in marked and states[(p.country, p.admin1)] <= 0 else p for i, p in enumerate(chosen)]


def _named_after_someone(name: str) -> bool:
    """Whether the word before a name's last word is a possessive ("St. Peter's Square")."""
    words = name.split()
    return len(words) > 1 and words[-2].endswith(("'s", "’s"))


def _region_name(written: str) -> bool:
    """Whether a name ends in a region's head word (``region_heads``: "Nyanza Province", "Kyiv Oblast")."""
    return written.split()[-1].capitalize() in places_lexicon().region_heads


_WORD_AFTER = re.compile(r"\s+(\w+)")


def _region_word_after(text: str, end: int) -> bool:
    """Whether a region's head word (``region_heads``) follows a name, in any case ("Zaire province")."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).capitalize() in places_lexicon().region_heads


def _region_readings(readings: tuple[Place, ...]) -> tuple[Place, ...]:
    """The readings of a name written as a region's ("Nyanza Province", "Zaire province"): neither its towns nor a
    country (not the country once called Zaire)."""
    return tuple(p for p in readings if p.kind not in ("city", "country"))


def _beyond_a_town(written: str, words: list[str]) -> bool:
    """Whether a name (of these words) is a natural feature's, or one beyond any town or an event's
    (``beyond_town_words``, ``event_words``): "Hudson River", "Aleutian Islands", "the Great Recession"."""
    lexicon = places_lexicon()
    return _landform_name(written) or any(w in lexicon.beyond_town_words or w in lexicon.event_words for w in words)


def _landform_name(written: str) -> bool:
    """Whether a name is a natural feature's by its words: "Mississippi River", "Lake Michigan", "Gulf of Mexico"."""
    lexicon = places_lexicon()
    words = written.split()
    return bool(words) and (words[-1] in lexicon.landform_words or words[0] in lexicon.landform_openers)


def _without_landform_regions(written: list[str], options: list[tuple[Place, ...]]) -> list[tuple[Place, ...]]:
    """The readings without a state, province or country that a natural feature is named after: "Mississippi
    River", "Lake Michigan", "Gulf of Mexico" are neither that region nor at its point, and are no context for the
    article's other names (Lake Michigan's Michigan made "St. Louis" the Michigan village)."""
    return [tuple(p for p in places if p.kind in ("city", "county") or lookup_key(p.name) == lookup_key(name))
            if places and _landform_name(name) else places for name, places in zip(written, options, strict=True)]


def _landforms_at_home(written: list[str], chosen: list[Place | None], qualifiers: list, home_country: str | None
                       ) -> list[Place | None]:
    """A river or valley named after a town ("Las Vegas Valley", "Rio Grande Valley") takes that town's point only
    in a country the article's other places (or its outlet) name; elsewhere it stays unplaced, not put at a namesake
    abroad (Rio Grande, Brazil, in a Texas release)."""
    landforms = places_lexicon().landform_words
    marked = [i for i, name in enumerate(written) if chosen[i] is not None and name.split()[-1] in landforms
              and lookup_key(chosen[i].name) != lookup_key(name)]
    return _only_at_home(chosen, marked, qualifiers, home_country)


_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                            "northeast", "northwest", "southeast", "southwest"})
_REGION_WORDS = _COMPASS_WORDS | {"centre", "center", "far", "coast", "upper", "lower", "north-east", "north-west",
                                  "south-east", "south-west", "region"}


def _generic_regions_at_home(chosen: list[Place | None], qualifiers: list, home_country: str | None
                             ) -> list[Place | None]:
    """A first-level region named by compass and generic words only ("West Coast" of New Zealand, "Far North" of
    Cameroon, "Central" of Ghana) only in a country the article's other places (or its outlet) name: in a US story
    "the West Coast" is no region of New Zealand."""
    marked = [i for i, p in enumerate(chosen) if p is not None and p.kind == "state"
              and all(w in _REGION_WORDS for w in p.name.lower().replace("-", " ").split())]
    return _only_at_home(chosen, marked, qualifiers, home_country)


def _loose_small_town(place: Place | None, qualifier: Place | None, near_outlet: set[int]) -> bool:
    """A reading as a town under SMALL_TOWN_POPULATION that no qualifier ("Clare, Mich.") and no town the outlet's
    URL names (``near_outlet``) vouches for: one the later checks may drop or replace."""
    return (place is not None and place.kind == "city" and place.population < SMALL_TOWN_POPULATION
            and qualifier is None and id(place) not in near_outlet)


def _small_towns_at_home(text: str, written: list[str], mentions: list[Mention], chosen: list[Place | None],
                         qualifiers: list, home_country: str | None, cued: set[str], near_outlet: set[int]
                         ) -> list[Place | None]:
    """A one-word name read as a small town abroad, with no cue that makes it a place ("in", "Tal, India") at any
    of its mentions (``cued``, by name key: "in Charleston", then "Charleston police"), only in a country the
    article's other places (or its outlet) name, where they name any: "Kopan, Tal." in a US release's citation is
    no town in India. Not the place an organisation is "of" ("the University of Hartford"), nor a town beside the
    one the outlet's URL names (``near_outlet``)."""
    marked = [i for i, (m, p) in enumerate(zip(mentions, chosen, strict=True))
              if _loose_small_town(p, qualifiers[i], near_outlet) and " " not in written[i].strip()
              and lookup_key(written[i]) not in cued
              and not text[max(0, m.start - 4):m.start].endswith("of ")]  # "the University of Hartford"
    if not marked:
        return chosen
    kept = list(chosen)
    for i in marked:
        # the countries of the article's other names (small towns among them) and of its outlet
        countries = _countries_of_others(i, written, chosen, qualifiers, home_country)
        if +countries and countries[chosen[i].country] <= 0:
            kept[i] = None  # the story is elsewhere: no evidence for this town abroad
    return kept


def _readings_at_home(written: list[str], options: list[tuple[Place, ...]], chosen: list[Place | None],
                      qualifiers: list, home_country: str | None, near_outlet: set[int]) -> list[Place | None]:
    """A name read as a small town abroad (under SMALL_TOWN_POPULATION) that also names a place in the outlet's
    country is that place: "Clare" in an Irish paper is County Clare, not Clare, Michigan (3,000 people); so is
    one that names a place in a country the story's other places name, where the town's is not among them
    ("Normanton in West Yorkshire" in a story about Britain is the English town, not Normanton, Queensland). Not
    where a qualifier places it ("Clare, Mich.") or the outlet's own town is near it."""
    kept = list(chosen)
    for i, (place, qualifier) in enumerate(zip(chosen, qualifiers, strict=True)):
        if not _loose_small_town(place, qualifier, near_outlet) or place.country == home_country:
            continue
        at_home = [p for p in options[i] if p.country == home_country] if home_country else []
        if not at_home:
            # the countries the story names by other than small towns (one of which may be misread itself)
            countries = _countries_of_others(i, written, chosen, qualifiers, None, lambda j: not _loose_small_town(
                chosen[j], qualifiers[j], near_outlet))
            if countries[place.country] <= 0:
                at_home = [p for p in options[i] if countries[p.country] > 0 and p.kind == place.kind]
        if at_home:
            kept[i] = max(at_home, key=lambda p: p.population)
    return kept


def _inner_readings_at_home(written: list[str], chosen: list[Place | None], qualifiers: list,
                            home_country: str | None, gazetteer: Gazetteer, near_outlet: set[int]
                            ) -> list[Place | None]:
    """A longer name the gazetteer lacks, read through a small town's name inside it ("West Kasai" through Kasai),
    only in a country the article's other places (or its outlet) name, where they name any: the DRC's province of
    West Kasai is not Kasai, Japan (42,700 people), as ``_small_towns_at_home`` asks of a bare name."""
    kept = list(chosen)
    for i, (place, qualifier) in enumerate(zip(chosen, qualifiers, strict=True)):
        if (not _loose_small_town(place, qualifier, near_outlet) or " " not in written[i].strip()
                or gazetteer.lookup(written[i])):
            continue
        countries = _countries_of_others(i, written, chosen, qualifiers, home_country)
        if +countries and countries[place.country] <= 0:
            kept[i] = None
    return kept


def _countries_of_others(i: int, written: list[str], chosen: list[Place | None], qualifiers: list,
                         home_country: str | None, counted=lambda j: True) -> Counter:
    """The countries that the article's names other than the i-th (and those of its name), its qualifiers and its
    outlet (``home_country``) place; ``counted`` picks which other names count."""
    others = [p for j, p in enumerate(chosen) if lookup_key(written[j]) != lookup_key(written[i]) and counted(j)]
    _, countries = _context(others, [q for j, q in enumerate(qualifiers) if j != i], home_country)
    return countries


_COUNTY_SUFFIX = re.compile(r"\s+(?:County|Parish)$")


def _without_county_word(name: str) -> str:
    """The name key of a name without its closing "County" or "Parish" ("DeKalb County" -> "dekalb")."""
    return lookup_key(_COUNTY_SUFFIX.sub("", name))


def _with_named_counties(written: list[str], options: list[tuple[Place, ...]], gazetteer: Gazetteer
                         ) -> list[tuple[Place, ...]]:
    """A bare name whose county the article names ("DeKalb" beside "DeKalb County") may be that county: the
    county's readings join the name's own, so that the article's context chooses among them all."""
    suffixes = {_without_county_word(w): w[match.start():].strip()
                for w in written if (match := _COUNTY_SUFFIX.search(w))}
    if not suffixes:
        return options
    out = []
    for name, places in zip(written, options, strict=True):
        suffix = suffixes.get(lookup_key(name))
        if suffix and places and all(p.kind in ("city", "county") for p in places):
            places = places + tuple(p for p in gazetteer.lookup(f"{name} {suffix}")
                                    if p.kind == "county" and p not in places)
        out.append(places)
    return out


def _one_reading_per_name(written: list[str], options: list[tuple[Place, ...]], qualifiers: list[Place | None],
                          chosen: list[Place | None], groups: dict[str, list[int]], gazetteer: Gazetteer
                          ) -> list[Place | None]:
    """Readings settled by what the article writes elsewhere about the same name: a name qualified once ("New
    Haven, Conn.") is that place at its other mentions; a bare name whose county the article names ("Barrow" beside
    "Barrow County", "DeKalb" beside "DeKalb County") is that county, when the name has no state, country or alias
    reading of its own."""
    chosen = list(chosen)
    for members in groups.values():
        qualified = next((chosen[k] for k in members if qualifiers[k] is not None and chosen[k] is not None), None)
        if qualified is None:
            continue
        for k in members:
            if (chosen[k] is not None and chosen[k] is not qualified and qualified in options[k]
                    and qualifiers[k] is None):  # not "Cambridge, England" after "Cambridge, Massachusetts"
                chosen[k] = qualified
    counties = {_without_county_word(w): p for w, p in zip(written, chosen, strict=True)
                if p is not None and p.kind == "county" and _COUNTY_SUFFIX.search(w)}
    if not counties:
        return chosen
    for k, name in enumerate(written):
        county = counties.get(lookup_key(name))
        if (county is not None and chosen[k] is not None and chosen[k].kind == "city" and qualifiers[k] is None
                and lookup_key(name) not in gazetteer.preferred
                and all(p.kind in ("city", "county") for p in options[k])):
            chosen[k] = county
    return chosen


def _short_forms(written: list[str], options: list[tuple[Place, ...]], qualifiers: list[Place | None],
                 chosen: list[Place | None]) -> list[Place | None]:
    """A one-word name that opens the name of a town the article placed before it is that town, written short
    ("Avondale Estates", then "Avondale"), where the name reads only as towns and nothing qualifies it."""
    kept = list(chosen)
    longer: dict[str, Place] = {}
    for index, (name, place) in enumerate(zip(written, chosen, strict=True)):
        words = name.split()
        if place is not None and place.kind == "city" and len(words) > 1 and qualifiers[index] is None:
            longer.setdefault(lookup_key(words[0]), place)
        elif (len(words) == 1 and qualifiers[index] is None and options[index]
              and all(p.kind == "city" for p in options[index]) and lookup_key(name) in longer):
            kept[index] = longer[lookup_key(name)]
    return kept


NEIGHBOUR_TOWN_KM = 30.0  # a town this close to a country's namesake town makes the name that town


def _country_named_towns(written: list[str], options: list[tuple[Place, ...]], qualifiers: list[Place | None],
                         chosen: list[Place | None]) -> list[Place | None]:
    """A country's name is a town of that name where the article places another town within NEIGHBOUR_TOWN_KM of
    it and nothing in the country ("Lebanon" beside Myerstown is Lebanon, Pennsylvania, 10 km away)."""
    kept = list(chosen)
    for index, (name, place) in enumerate(zip(written, chosen, strict=True)):
        if place is None or place.kind != "country" or qualifiers[index] is not None:
            continue
        key = lookup_key(name)
        others = [p for w, p in zip(written, chosen, strict=True) if p is not None and lookup_key(w) != key]
        if any(p.country == place.country for p in others):
            continue
        towns = [t for t in options[index] if t.kind == "city" and lookup_key(t.name) == key and any(
            p.kind == "city" and p.country == t.country and _km(p, t) <= NEIGHBOUR_TOWN_KM for p in others)]
        if towns:
            kept[index] = max(towns, key=lambda t: t.population)
    return kept


_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?")


def _foreign_part(text: str, mentions: list[Mention], chosen: list[Place | None]) -> set[int]:
    """Mentions named as a part of the next one ("X of Y") whose reading lies in another country than Y's: the
    reading is a namesake, not the part ("the Southern District of California" is not Israel's Southern
    District)."""
    out = set()
    for k in range(len(mentions) - 1):
        part, whole = chosen[k], chosen[k + 1]
        if (part is not None and whole is not None and part.kind not in ("country", "continent")
                and part.country != whole.country
                and _OF_BETWEEN.fullmatch(text, mentions[k].end, mentions[k + 1].start)):
            out.add(k)
    return out


def _names_no_place(written: str, gazetteer: Gazetteer) -> bool:
    """True for a name the gazetteer lacks that ends like an organisation's or a people's, not a place's:
    "Obama Administration", "Hispanic Federation", "Latin America Task Force", "Pacific Islander"."""
    words = written.split()
    heads = places_lexicon().unplaced_body_heads
    return any(tail in heads or gazetteer.is_demonym(tail) for tail in (words[-1], " ".join(words[-2:])))


def _sentence_bounds(doc: Doc) -> list[int]:
    return [s.start_char for s in doc.sents]


NAMED_ABROAD_POPULATION = 100_000  # a facility may be named after a town this large in a country the story names not


def _named_in(name: str, gazetteer: Gazetteer, resolved: list[Resolved]) -> Place | None:
    """The city or county a facility is named after ("Decatur High School"), in the article's context; or the US
    state, when the article is about that state."""
    words = name.split()
    if words[0] in ("St.", "Ste.", "St", "Saint") and any(w.endswith(("'s", "’s")) for w in words[1:3]):
        return None  # a saint's name ("St. John's Lutheran School", "St. Paul's Hospital"), not St. John's, Canada
    places = [r.place for r in resolved if r.place is not None and r.kind != "facility"]
    # a town the article names alone is the one its facilities are named after ("Springfield", Ohio, then
    # "Springfield City Schools", not the Massachusetts city the gazetteer also calls "Springfield City")
    own = _opening_town(words, _placed_towns(resolved))
    if own is not None:
        return own
    for n in (2, 1):  # "Washington State University", "New Mexico State University": the state's, not a town's
        state = gazetteer.states.get(" ".join(words[:n])) if len(words) > n + 1 and words[n] == "State" else None
        if state is not None and state.country == "US":
            return state
    states, countries = _context(places, [])
    stop = places_lexicon().stop_places
    for n in range(min(3, len(words) - 1), 0, -1):
        written = " ".join(words[:n])
        if n == 1 and written in stop:
            return None  # "Northwest Detention Center" is in no town called Northwest
        state = gazetteer.states.get(written)
        if state is not None and states[(state.country, state.name)]:
            return state  # "Virginia Commonwealth University Medical Center" in a story about Virginia
        # a namesake smaller than a town taken untagged only in a state or country the article names ("Harvard
        # University" is not in Harvard, Illinois, a town of 9,000)
        # nor a town of under NAMED_ABROAD_POPULATION abroad from every place the article names ("Carnegie Library"
        # in New Orleans is in no Carnegie, Victoria)
        options = [p for p in gazetteer.lookup(written) if p.kind in ("city", "county") and (
            p.population >= MIN_UNTAGGED_CITY_POPULATION
            or (states[(p.country, p.admin1)] if p.country == "US" else countries[p.country]))
            and (countries[p.country] or not countries or p.population >= NAMED_ABROAD_POPULATION)]
        if options:
            nearby = tuple(p for p in places if p.kind in ("city", "county"))
            return max(options, key=lambda p: _score(p, written, None, states, countries, gazetteer, nearby))
    return None


AIRPORT_CITY_POPULATION = 100_000  # an airport named after a city this large serves that city


def _airport_city(item: Resolved, gazetteer: Gazetteer, resolved: list[Resolved]) -> Place | None:
    """The city an airport is named after ("Long Beach Airport", "Vancouver International Airport"), where it has
    100,000 people or more: such an airport serves it, whatever place the sentence named before it."""
    if item.text.split()[-1] not in places_lexicon().airport_heads:
        return None
    city = _named_in(item.text, gazetteer, resolved)
    return city if city is not None and city.kind == "city" and city.population >= AIRPORT_CITY_POPULATION else None


def place_facilities(text: str, resolved: list[Resolved], sentence_starts: list[int],
                     gazetteer: Gazetteer, paragraph_starts: list[int] | None = None) -> list[Resolved]:
    """Give each facility the place that holds it: the place named right after it ("... School in Los Angeles"),
    else the nearest place before it in the same sentence, else (for a school known by its short name) the town
    named last before it in its paragraph (``paragraph_starts``), else a place its own name starts with."""
    out = []
    way_heads = places_lexicon().way_heads
    brands = places_lexicon().brand_heads - _LOCAL_BRANDS  # "Texas Roadhouse" may be in any state
    for index, item in enumerate(resolved):
        street = item.kind == "other" and item.place is None and (
            item.mention.source == "street" or item.text.split()[-1] in way_heads)
        if (item.kind != "facility" and not street) or item.mention.source == "landmark":
            out.append(item)
            continue
        sentence = bisect_right(sentence_starts, item.mention.start) - 1
        sentence_end = sentence_starts[sentence + 1] if sentence + 1 < len(sentence_starts) else len(text)
        sentence_start = sentence_starts[sentence] if sentence >= 0 else 0
        holder = None
        for later in resolved[index + 1:]:
            if later.mention.start >= sentence_end or later.mention.start - item.mention.end > FACILITY_WINDOW:
                break
            if later.place is None:
                continue
            if _WITHIN_AFTER.match(text[item.mention.end:later.mention.start]):
                holder = later
            break
        own_city = _airport_city(item, gazetteer, resolved) if holder is None and not street else None
        if own_city is not None:  # "a Delta police officer … at Vancouver International Airport": Vancouver's
            out.append(Resolved(item.mention, item.text, own_city, "facility", own_city.name))
            continue
        if holder is None:
            for position in range(index - 1, -1, -1):
                earlier = resolved[position]
                if earlier.mention.end <= sentence_start:
                    break
                if earlier.place is not None and earlier.kind in (("city", "county") if street else
                                                                  ("city", "county", "state")):
                    town = resolved[position - 1] if position else None
                    holder = _town_the_state_qualifies(text, town, earlier) or earlier
                    break
            words = item.text.split()
            short_school = not street and words[-1] in places_lexicon().school_heads
            if holder is None and short_school:
                holder = _town_earlier_in_paragraph(out, item, paragraph_starts or [0])  # "… in Haymarket.
                # Schools: Patriot High"
            named_state = None if street or any(w in brands for w in words) else _opening_state(words, gazetteer)
            if holder is not None and named_state is not None and (
                    holder.place.country, holder.place.admin1) != (named_state.country, named_state.name):
                holder = None  # "... Barton Jones of Waco, were treated at the (University of) Kentucky Medical
                # Center": a town of another state named before it does not hold it
        if street:  # a street lies in the town or county named with it, never in one it is named after
            if holder is not None and holder.kind not in ("city", "county"):
                holder = None
            if holder is None:  # else the town the article last named before it ("... Arlington ... Cooper Street")
                holder = next((r for r in reversed(out) if r.place is not None and r.kind in ("city", "county")
                               and not r.within), None)
            out.append(Resolved(item.mention, item.text, holder.place if holder else None, "other",
                                holder.place.name if holder else None))
            continue
        if holder is not None:
            place = holder.place
        elif short_school:  # "Washington Elementary" is after a president, not in the capital, unless the story
            place = _opening_town(words, _placed_towns(resolved))  # names a town of its name ("Altadena")
        else:
            place = _named_in(item.text, gazetteer, resolved)
        out.append(Resolved(item.mention, item.text, place, "facility", place.name if place else None))
    return _one_place_per_facility(out)


def _town_earlier_in_paragraph(earlier: list[Resolved], item: Resolved, paragraph_starts: list[int]
                               ) -> Resolved | None:
    """The town or county named last before ``item`` in its paragraph, not as a part of another place nor as the
    dateline a release was issued from: where a school known by its short name ("Patriot High") lies when its own
    sentence names no place."""
    paragraph_start = paragraph_starts[max(0, bisect_right(paragraph_starts, item.mention.start) - 1)]
    return next((r for r in reversed(earlier) if r.mention.start >= paragraph_start and r.place is not None
                 and r.kind in ("city", "county") and not r.within and not r.mention.dateline), None)


def _town_the_state_qualifies(text: str, town: Resolved | None, state: Resolved) -> Resolved | None:
    """The town (the mention right before the state) that a state qualifies ("Parkland, Florida"), which holds a
    facility named after the pair rather than the state itself; None when the state stands alone."""
    if state.kind != "state":
        return None
    if (town is not None and town.place is not None and town.kind in ("city", "county")
            and town.place.admin1 == state.place.admin1 and town.place.country == state.place.country
            and re.fullmatch(r",\s*", text[town.mention.end:state.mention.start])):
        return town
    return None


_LOCAL_BRANDS = frozenset({"University", "College", "Tech", "Institute"})


def states_in_names(doc: Doc, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """US states whose full name opens an organisation's or a facility's name in the article ("the Indiana Department
    of Workforce Development", "Kansas State University"), once each: no place mention, but context for the
    article's other places. Not a newspaper's or a company's name ("New York Times", `brand_heads`). Also the state
    of a county or parish, of one state only, that opens a local body's name ("Rapides Parish Fire District 2")."""
    lexicon = places_lexicon()
    brands = lexicon.brand_heads - _LOCAL_BRANDS
    found: dict[str, Place] = {}
    firsts = {name.split()[0] for name in gazetteer.states}
    for ent in doc.ents:
        words = [t.text for t in ent if t.lower_ != "the"]
        # a county or parish of one state only that opens a local body's name ("Rapides Parish Fire District 2")
        for n in (2, 3):
            if len(words) > n and words[n - 1] in COUNTY_HEADS and words[n] in lexicon.public_body_heads:
                counties = [p for p in gazetteer.lookup(" ".join(words[:n])) if p.kind == "county"]
                if len({p.admin1 for p in counties}) == 1 and counties[0].country == "US":
                    found.setdefault(counties[0].admin1, gazetteer.states.get(counties[0].admin1) or counties[0])
                break
        if ent.label_ not in ("ORG", "FAC") or (ent[0].text not in firsts and (len(ent) < 2 or ent[1].text not in
                                                                              firsts)):
            continue
        if len(words) < 2 or any(w in brands for w in words) or words[-1] in lexicon.way_heads or words[
                -1] in lexicon.street_heads:
            continue  # nor a street named after a state ("Washington Drive")
        state = _opening_state(words, gazetteer)
        if state is not None:
            found.setdefault(state.name, state)
    return tuple(found.values())


def _opening_state(words: list[str], gazetteer: Gazetteer) -> Place | None:
    """The US state whose full name opens a name of more words ("Indiana Department of ..."), after a compass word
    too ("Northeast Texas Community College", "Eastern Kentucky University"); Georgia only after a compass word
    ("Northeast Georgia Medical Center"), since alone it may be the country."""
    compass = words[0].lower() in _COMPASS_WORDS
    named = words[1:] if compass else words
    for n in (2, 1):
        state = gazetteer.states.get(" ".join(named[:n])) if len(named) > n else None
        if state is not None:
            return state if compass or not any(p.kind == "country" for p in gazetteer.lookup(state.name)) else None
    return None


def _one_place_per_facility(resolved: list[Resolved]) -> list[Resolved]:
    """A facility placed at one mention lies there at the article's other mentions of it that found no place
    ("the Northwest Detention Center (NWDC) in Tacoma", then "the Northwest Detention Center" alone)."""
    placed = {}
    for item in resolved:
        if item.kind == "facility" and item.place is not None:
            placed.setdefault(lookup_key(item.text), item)
    return [replace(item, place=placed[key].place, within=placed[key].within)
            if item.kind == "facility" and item.place is None and (key := lookup_key(item.text)) in placed else item
            for item in resolved]


def _in_the_town_it_opens_with(resolved: list[Resolved]) -> list[Resolved]:
    """A longer name nothing places whose first words are a town or county the article places by that name lies
    there ("Hammond Marina" in a story that names Hammond, Indiana; "Glendale Galleria" beside Glendale,
    California), as a facility named after its town does."""
    towns = _placed_towns(resolved)
    placed = []
    for item in resolved:
        words = item.text.split()
        # not a river or a region named after the town ("Hudson River", "Nyanza Province"), nor a name beyond it
        eligible = (item.place is None and item.kind == "other" and len(words) > 1
                    and not _region_name(item.text) and not _beyond_a_town(item.text, words))
        town = _opening_town(words, towns) if eligible else None
        placed.append(replace(item, place=town, within=town.name) if town is not None else item)
    return placed


def _placed_towns(resolved: list[Resolved]) -> dict[str, Place]:
    """The towns and counties the article places by name (not as a part of another place), by the name's key."""
    return {lookup_key(r.text): r.place for r in resolved
            if r.place is not None and r.kind in ("city", "county") and not r.within}


def _opening_town(words: list[str], towns: dict[str, Place]) -> Place | None:
    """The town of ``towns`` that the first three, two or one of a longer name's words name ("Hammond Marina")."""
    return next((towns[key] for n in range(min(3, len(words) - 1), 0, -1)
                 if (key := lookup_key(" ".join(words[:n]))) in towns), None)


def _in_the_article_s_town(resolved: list[Resolved], gazetteer: Gazetteer) -> list[Resolved]:
    """A local name that the gazetteer lacks and nothing near it places, but that a firm cue marks as a place at one
    of its mentions ("in Khayelitsha"), lies in the town the article names most (at least
    TOWN_OF_THE_ARTICLE_MENTIONS times; the first named on a tie) of the country the article names most:
    "Khayelitsha" in a story about Cape Town, "Ghouta" in one about Damascus. Without the cue, names the
    model mistook for places ("Ayn Rand") would be put on the map. Not a name of a natural feature, a compass
    region, anything beyond a town (``beyond_town_words``) or an event (``event_words``: "in the Great Recession"),
    with a demonym ("Russian Empire"), or with another place's name in it ("Augusta Herald", "Historic Dublin").
    Nor a facility: a school or a university is as often one a person attended elsewhere ("a graduate of Harvard
    University"). A lone small town abroad, or in another US state than the article's town
    (``_lone_town_elsewhere``), is taken for such a local name."""
    countries = Counter(r.place.country for r in resolved if r.place is not None and not r.within)
    if not countries:
        return resolved
    country = countries.most_common(1)[0][0]  # not a town abroad: "Liverpool", the club, in a story about Cairo
    cities = [r.place for r in resolved if r.place is not None and r.kind == "city" and not r.within
              and r.place.country == country]
    towns = Counter(place.geonameid for place in cities)
    if not towns or max(towns.values()) < TOWN_OF_THE_ARTICLE_MENTIONS:
        return resolved
    town = next(place for place in cities if towns[place.geonameid] == max(towns.values()))
    cued = {lookup_key(r.text) for r in resolved if r.mention.placed}
    return [replace(item, place=town, kind="other", within=town.name)
            if lookup_key(item.text) in cued
            and (item.place is None and item.kind == "other" or _lone_town_elsewhere(item, resolved, town))
            and _local_name(item.text, town, gazetteer) else item
            for item in resolved]


def _lone_town_elsewhere(item: Resolved, resolved: list[Resolved], town: Place) -> bool:
    """A town under SMALL_TOWN_POPULATION in another country than the article's town, or, in the US, in another
    state, where none of the article's other names lie: a local place the gazetteer lacks, read as a namesake
    elsewhere ("Delft", a Cape Town township, as the Dutch city; "Rehab", a Cairo suburb, as a village in Jordan;
    "Orient", near Columbus, Ohio, as Orient, New York)."""
    place = item.place
    if place is None or item.kind != "city" or place.population >= SMALL_TOWN_POPULATION:
        return False
    by_state = place.country == town.country
    if by_state and (place.country != "US" or place.admin1 == town.admin1):
        return False
    key = lookup_key(item.text)
    return not any(r.place is not None and r.place.country == place.country
                   and (not by_state or r.place.admin1 == place.admin1) and lookup_key(r.text) != key
                   for r in resolved)


ANOTHER_PLACE_POPULATION = 100_000  # a word of a local name that names a city this large names where it is


def _local_name(written: str, town: Place, gazetteer: Gazetteer) -> bool:
    """Whether a name nothing places may lie in the article's town (see ``_in_the_article_s_town``)."""
    words = written.replace("-", " ").split()
    if _beyond_a_town(written, words):
        return False
    for word in words:
        if word.lower() in _REGION_WORDS or gazetteer.is_demonym(word):
            return False
        # a word of a longer name that names a place of its own ("Augusta Herald"); a one-word name is the very
        # name being placed ("Delft", a township, whatever the Dutch city's size)
        if len(words) > 1 and lookup_key(word) != lookup_key(town.name) and any(
                p.kind in ("country", "state") or (p.kind == "city" and p.population >= ANOTHER_PLACE_POPULATION)
                for p in gazetteer.lookup(word)):
            return False
    return True


def location_rows(article_id: str, doc: Doc, paragraphs: list[Paragraph], home_country: str | None = None,
                  outlet_towns: tuple[str, ...] = ()) -> list[dict]:
    """One row per place mention (schema ``locations``), resolved offline with the article's context and, when
    known, the country its outlet publishes from (``home_country``, an ISO code) and the town names its URL holds
    (``outlet_towns``, from ``analysis.outlet.outlet_localities``)."""
    gazetteer = load_gazetteer()
    text = doc_text(doc)
    mentions = find_mentions(doc, paragraphs, gazetteer)
    mentions = mentions + initialisms(doc, mentions, gazetteer, home_country)
    mentions = sorted(mentions + adjective_mentions(doc, paragraphs, mentions), key=lambda m: m.start)
    # states named in local bodies' names and those the article's phone numbers ring in count once each
    named_states = tuple({id(p): p for p in (*states_in_names(doc, gazetteer), *area_code_regions(text, gazetteer),
                                             *outlet_states(outlet_towns, gazetteer))}.values())
    starts = [p.start for p in paragraphs]
    resolved = _in_the_article_s_town(_in_the_town_it_opens_with(place_facilities(
        text, resolve(text, mentions, gazetteer, home_country, named_states, outlet_towns), _sentence_bounds(doc),
        gazetteer, starts)), gazetteer)
    rows = []
    for item in resolved:
        index = bisect_right(starts, item.mention.start) - 1
        paragraph = paragraphs[index] if index >= 0 else None
        place = item.place
        rows.append({
            "article_id": article_id,
            "location": len(rows),
            "paragraph": paragraph.index if paragraph else 0,
            "start": item.mention.start,
            "end": item.mention.end,
            "text": item.text,
            "place": item.text if item.kind == "facility" or item.within else (place.name if place else item.text),
            "kind": item.kind,
            "country": place.country or None if place else None,
            "admin1": place.admin1 or None if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "geonameid": place.geonameid if place and item.kind != "facility" and not item.within else None,
            "within": item.within,
            "in_teaser": bool(paragraph and paragraph.kind == "teaser"),
            "form": "adjective" if item.mention.source == "adjective" else "name",
        })
    return rows
