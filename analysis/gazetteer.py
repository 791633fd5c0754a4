"""The offline gazetteer: places with coordinates, looked up by normalised name.

Data: ``data/gazetteer.tsv.gz`` (built by ``scripts/build_gazetteer.py`` from GeoNames data shipped in PyPI
packages) and the aliases and US state abbreviations of ``data/places_lexicon.yaml``. Loaded once per process.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .resources import load_data_yaml

_PUNCT = re.compile(r"[.’'`]")
_SPACE = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    geonameid: int | None


def name_key(name: str) -> str:
    """The lookup key of a name: accents folded, lower case, no periods or apostrophes, single spaces."""
    folded = name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    folded = folded.lower().replace("saint ", "st ").replace("&", "and")
    key = _SPACE.sub(" ", _PUNCT.sub("", folded)).strip()
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Gazetteer:
    """Places by name key, each list sorted by population (largest first)."""

    by_key: dict[str, tuple[Place, ...]]
    preferred: dict[str, Place]  # name key -> the reading an alias prefers
    states: dict[str, Place]  # US state name -> place
    state_abbreviations: dict[str, str]  # "Calif." / "CA" -> "California"
    demonyms: frozenset[str]

    def lookup(self, text: str) -> tuple[Place, ...]:
        """Places the written name may mean (empty when none)."""
        return self.by_key.get(name_key(text), ())

    def is_demonym(self, written: str) -> bool:
        """True for a demonym such as "Iraqi" or "Texans"."""
        return name_key(written) in self.demonyms

    def state(self, written: str) -> Place | None:
        """The US state a full name or an abbreviation ("Calif.", "CA", "W. Va.") stands for."""
        name = self.state_abbreviations.get(written.strip()) or self.state_abbreviations.get(name_key(written))
        return self.states.get(name or written.strip())


_CODE = re.compile(r"[A-Z]{2,4}")
# generic words that end the GeoNames names of first-level regions, dropped for a shorter name
_REGION_WORDS = frozenset({"sheng", "zizhiqu", "zhuangzu", "huizu", "uygur", "weiwuer", "province", "region",
                           "voivodeship", "oblast", "governorate", "prefecture", "krai", "kray"})


def _read_places() -> tuple[list[Place], list[tuple[str, Place]]]:
    """Places and their (name key, place) entries."""
    raw = resources.files("analysis").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    body = [line for line in lines if line and not line.startswith("#")]
    places, entries = [], []
    for line in body[1:]:
        geonameid, name, kind, country, admin1, lat, lon, population, alternates = line.split("\t")
        place = Place(name, kind, country, admin1, float(lat), float(lon), int(population or 0),
                      int(geonameid) if geonameid else None)
        places.append(place)
        keys = {name_key(name)}
        if alternates:
            # Alternate names in capitals of up to four letters are airport and other codes ("DAC" for Dhaka,
            # "CBP" for Coimbra) that collide with acronyms in news text; well-known abbreviations of places
            # ("LA", "NYC", "UK") come from the aliases in places_lexicon.yaml instead.
            keys.update(name_key(a) for a in alternates.split("|") if not _CODE.fullmatch(a))
        entries.extend((key, place) for key in keys)
    return places, entries


def _short_region_name(place: Place) -> str | None:
    """The name key of a first-level region without its generic word: "Zhejiang Sheng" -> "zhejiang",
    "Guangxi Zhuangzu Zizhiqu" -> "guangxi", "Podlaskie Voivodeship" -> "podlaskie"."""
    if place.kind != "state":
        return None
    words = name_key(place.name).split()
    while len(words) > 1 and words[-1] in _REGION_WORDS:
        words.pop()
    short = " ".join(words)
    return short if short != name_key(place.name) else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process."""
    places, entries = _read_places()
    by_key: dict[str, list[Place]] = {}
    for key, place in entries:
        by_key.setdefault(key, []).append(place)
    for place in places:
        short = _short_region_name(place)
        if short and not any(p.kind == "state" for p in by_key.get(short, ())):
            by_key.setdefault(short, []).append(place)
    lexicon = load_data_yaml("places_lexicon.yaml")
    preferred: dict[str, Place] = {}
    states = {p.name: p for p in places if p.kind == "state" and p.country == "US"}
    for written, alias in lexicon["aliases"].items():
        matches = [p for p in by_key.get(name_key(alias["to"]), ()) if p.country == alias["country"]]
        if not matches:
            raise ValueError(f"places_lexicon.yaml: alias {written!r} names {alias['to']!r}, not in the gazetteer")
        best = min(matches, key=lambda p: (p.kind != alias["kind"], -p.population))
        target = replace(best, kind=alias["kind"], name=alias.get("name", best.name))
        others = [p for p in by_key.get(name_key(written), ()) if p != best] if alias.get("keep_others") else []
        preferred[name_key(written)] = target
        by_key[name_key(written)] = [target, *others]
    abbreviations: dict[str, str] = {}
    for state, forms in lexicon["us_states"].items():
        for form in forms:
            abbreviations[form] = state
            if "." in form:
                abbreviations[name_key(form)] = state
    demonyms = set()
    text = resources.files("analysis").joinpath("data", "demonyms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            demonyms.update(name_key(form) for form in (line, line + "s", line + "es"))
    return Gazetteer(
        by_key={k: tuple(sorted(v, key=lambda p, k=k: (p is not preferred.get(k), -p.population)))
                if len(v) > 1 else tuple(v) for k, v in by_key.items()},
        preferred=preferred,
        states=states,
        state_abbreviations=abbreviations,
        demonyms=frozenset(demonyms),
    )
