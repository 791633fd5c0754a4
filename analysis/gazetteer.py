"""The offline gazetteer: places with coordinates, looked up by normalised name.

Data: ``data/gazetteer.tsv.gz`` (built by ``scripts/build_gazetteer.py`` from GeoNames data shipped in PyPI
packages) and the aliases and US state abbreviations of ``data/places_lexicon.yaml``. Loaded once per process.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .resources import load_data_lines, load_data_yaml

_PUNCT = re.compile(r"[.’'`]")
_SPACE = re.compile(r"[\s\-]+")
# Words that news abbreviates inside names ("St. Marc" for Saint-Marc, "Mt. Pleasant", "Ft. Worth"), keyed short
_LONG_WORD = re.compile(r"\b(?:saint|sainte|mount|fort)(?= [a-z0-9])")
_SHORT = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


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


def _short(match: re.Match) -> str:
    return _SHORT[match.group()]


def name_key(name: str) -> str:
    """The lookup key of a name: accents folded, lower case, no periods or apostrophes, single spaces (hyphens too),
    and "Saint", "Sainte", "Mount" and "Fort" before another word as news shortens them ("St. Marc", "Saint-Marc")."""
    folded = name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = _LONG_WORD.sub(_short, _SPACE.sub(" ", _PUNCT.sub("", folded.lower().replace("&", "and"))).strip())
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1 << 16)
def lookup_key(name: str) -> str:
    """``name_key``, memoised for the names looked up in articles (the same words and n-grams come up again)."""
    return name_key(name)


def name_keys(names: list[str]) -> list[str]:
    """``[name_key(name) for name in names]``, computed on the names joined into one string (a few C passes).

    After each name is folded to ASCII, no step of ``name_key`` reaches across the NUL between two names:
    lower-casing ASCII has no context, and neither replacement nor pattern matches a NUL.
    """
    folded = [name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
              for name in names]
    joined = "\0".join(folded)
    if joined.count("\0") != max(len(names) - 1, 0):  # a name holding a NUL: one at a time
        return [name_key(name) for name in names]
    joined = _LONG_WORD.sub(_short, _SPACE.sub(" ", _PUNCT.sub("", joined.lower().replace("&", "and"))))
    keys = [key.strip() for key in joined.split("\0")] if names else []
    return [key[4:] if key.startswith("the ") else key for key in keys]


@lru_cache(maxsize=1)
def demonym_keys() -> frozenset[str]:
    """Name keys of the demonyms and language names of ``data/demonyms.txt`` ("iraqi", "texans", "english"), with
    their plurals."""
    return frozenset(name_key(form) for line in load_data_lines("demonyms.txt")
                     for form in (line, line + "s", line + "es"))


@dataclass(frozen=True)
class Gazetteer:
    """Places by name key, each list sorted by population (largest first)."""

    by_key: Mapping[str, tuple[Place, ...]]
    preferred: dict[str, Place]  # name key -> the reading an alias prefers
    states: dict[str, Place]  # US state name -> place
    state_abbreviations: dict[str, str]  # "Calif." / "CA" -> "California"
    demonyms: frozenset[str]
    countries: dict[str, Place]  # ISO code -> the country
    whole_name_only: frozenset[str] = frozenset()  # alias keys that a longer name is never built on ("america")

    def lookup(self, text: str) -> tuple[Place, ...]:
        """Places the written name may mean (empty when none)."""
        return self.by_key.get(lookup_key(text), ())

    def is_demonym(self, written: str) -> bool:
        """True for a demonym such as "Iraqi" or "Texans"."""
        return lookup_key(written) in self.demonyms

    def state(self, written: str) -> Place | None:
        """The US state a full name or an abbreviation ("Calif.", "CA", "W. Va.") stands for. Initials with full
        stops count only as the lexicon writes them ("S.C."): "M.D." is a degree, "L.A." Los Angeles."""
        written = written.strip()
        name = self.state_abbreviations.get(written)
        if name is None and not _INITIALS.fullmatch(written):
            name = self.state_abbreviations.get(lookup_key(written))
        return self.states.get(name or written)


_CODE = re.compile(r"[A-Z]{2,4}")
_INITIALS = re.compile(r"(?:[A-Z]\.\s?){2,}")  # "M.D.", "L.A.", "S. C."
# generic words that end the GeoNames names of first-level regions, dropped for a shorter name
_REGION_WORDS = frozenset({"sheng", "zizhiqu", "zhuangzu", "huizu", "uygur", "weiwuer", "province", "region",
                           "voivodeship", "oblast", "governorate", "prefecture", "krai", "kray"})


def _row_place(line: str) -> Place:
    """The Place of one gazetteer row."""
    geonameid, name, kind, country, admin1, lat, lon, population, _ = line.split("\t")
    return Place(name, kind, country, admin1, float(lat), float(lon), int(population or 0),
                 int(geonameid) if geonameid else None)


def _row_names(body: list[str]) -> tuple[list[str], list[int]]:
    """Every row's name and alternate names, each with its row."""
    names: list[str] = []
    rows: list[int] = []
    for row, line in enumerate(body):
        first = line.index("\t") + 1
        name = line[first:line.index("\t", first)]
        alternates = line[line.rindex("\t") + 1:]
        if alternates:
            # Alternate names in capitals of up to four letters are airport and other codes ("DAC" for Dhaka,
            # "CBP" for Coimbra) that collide with acronyms in news text; well-known abbreviations of places
            # ("LA", "NYC", "UK") come from the aliases in places_lexicon.yaml instead.
            own = [name, *(a for a in alternates.split("|") if not _CODE.fullmatch(a))]
            names.extend(own)
            rows.extend([row] * len(own))
        else:
            names.append(name)
            rows.append(row)
    return names, rows


class _PlacesByKey(Mapping[str, tuple[Place, ...]]):
    """Name key → its places, the alias's preferred reading first, then by population (largest first).

    Reading the gazetteer takes only each row's name keys; a row's Place is made the first time a key naming it
    is looked up, and kept, so a row is always the same Place object (``is`` and ``id`` work on places).
    """

    def __init__(self, lines: list[str], rows_of: dict[str, int | list[int]]) -> None:
        self._lines = lines
        self._rows_of = rows_of  # key -> its row, or its rows in gazetteer order
        self._fixed: dict[str, list[Place]] = {}  # keys the aliases set
        self._preferred: dict[str, Place] = {}
        self._places: dict[int, Place] = {}
        self._sorted: dict[str, tuple[Place, ...]] = {}

    def place(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            place = self._places.setdefault(row, _row_place(self._lines[row]))  # setdefault: one object per row
        return place

    def unsorted(self, key: str) -> list[Place]:
        """The places of ``key`` in gazetteer order (an alias's as it set them)."""
        if key in self._fixed:
            return self._fixed[key]
        rows = self._rows_of.get(key, ())
        return [self.place(rows)] if type(rows) is int else [self.place(row) for row in rows]

    def set_alias(self, key: str, places: list[Place], preferred: dict[str, Place]) -> None:
        self._fixed[key] = places
        self._preferred = preferred

    def __getitem__(self, key: str) -> tuple[Place, ...]:
        places = self._sorted.get(key)
        if places is None:
            if key not in self:
                raise KeyError(key)
            found = self.unsorted(key)
            preferred = self._preferred.get(key)
            places = (tuple(sorted(found, key=lambda p: (p is not preferred, -p.population))) if len(found) > 1
                      else tuple(found))
            places = self._sorted.setdefault(key, places)
        return places

    def get(self, key: str, default: tuple[Place, ...] | None = None) -> tuple[Place, ...] | None:
        return self[key] if key in self else default  # noqa: SIM401 (this is get)

    def __contains__(self, key: object) -> bool:
        return key in self._rows_of or key in self._fixed

    def __iter__(self) -> Iterator[str]:
        yield from self._rows_of
        yield from (key for key in self._fixed if key not in self._rows_of)

    def __len__(self) -> int:
        return len(self._rows_of) + sum(key not in self._rows_of for key in self._fixed)


def _short_region_key(name: str) -> str | None:
    """The name key of a first-level region without its generic word: "Zhejiang Sheng" -> "zhejiang",
    "Guangxi Zhuangzu Zizhiqu" -> "guangxi", "Podlaskie Voivodeship" -> "podlaskie"."""
    key = name_key(name)
    words = key.split()
    while len(words) > 1 and words[-1] in _REGION_WORDS:
        words.pop()
    short = " ".join(words)
    return short if short != key else None


def _add_short_region_names(body: list[str], rows_of: dict[str, int | list[int]]) -> None:
    """Let each first-level region be found by its short name too, unless a region already has that name."""
    def is_region(row: int) -> bool:
        return body[row].split("\t", 3)[2] == "state"

    for row, line in enumerate(body):
        if "\tstate\t" not in line or not is_region(row):
            continue
        short = _short_region_key(line.split("\t", 2)[1])
        if short is None:
            continue
        rows = rows_of.get(short)
        existing = [] if rows is None else [rows] if type(rows) is int else rows
        if not any(is_region(r) for r in existing):
            rows_of[short] = row if not existing else [*existing, row]


def _add_names_without_prefix(body: list[str], rows_of: dict[str, int | list[int]], rules: list[dict]) -> None:
    """Let a place be found without the leading word news leaves out ("Al Qāmishlī" as "Qamishli", "County of
    Ceredigion" as "Ceredigion"): per rule of ``dropped_prefixes``, in its countries and kinds, when no place has
    the short name already and it has five letters or more."""
    for rule in rules:
        prefixes = tuple(f"{name_key(prefix)} " for prefix in rule["prefixes"])
        kinds, countries = frozenset(rule["kinds"]), frozenset(rule["countries"])
        words = "|".join(re.escape(prefix) for prefix in rule["prefixes"])
        opening = re.compile(rf"\d*\t(?:{words})[\s\-]", re.IGNORECASE)
        added: dict[str, list[int]] = {}
        for row, line in enumerate(body):
            if not opening.match(line):
                continue
            fields = line.split("\t", 4)
            if fields[2] not in kinds or fields[3] not in countries:
                continue
            key = name_key(fields[1])
            prefix = next((p for p in prefixes if key.startswith(p)), None)
            short = key[len(prefix):] if prefix else ""
            if len(short.replace(" ", "")) >= 5 and short not in rows_of:
                added.setdefault(short, []).append(row)
        for short, rows in added.items():
            rows_of[short] = rows[0] if len(rows) == 1 else rows


# a first-level region named by a compass word and a shared name ("Northern Darfur", "South Sumatra")
_SPLIT_REGION = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?|central|upper|lower|(?:north|south)-?(?:east|west)"
                           r"(?:ern)?)\s+(?P<name>.+)$", re.IGNORECASE)
# shared names that are no region's own: "Eastern Cape" and "Western Cape" share no "Cape"
_GENERIC_SHARED_WORDS = _REGION_WORDS | {"district", "aimak", "cape", "river", "highlands"}


def _add_split_regions(by_key: _PlacesByKey, body: list[str], preferred: dict[str, Place]) -> None:
    """A region the gazetteer knows only by its parts, first-level regions of one country named by compass words
    ("Northern Darfur", "Southern Darfur", "Eastern Darfur"): the whole ("Darfur") is a first-level region at the
    mean of its parts' points, when no place has that name already."""
    parts: dict[tuple[str, str], list[Place]] = {}
    for row, line in enumerate(body):
        if "\tstate\t" not in line:
            continue
        place = by_key.place(row)
        match = _SPLIT_REGION.match(place.name) if place.kind == "state" else None
        if match and match.group("name").split()[-1].lower() not in _GENERIC_SHARED_WORDS:
            parts.setdefault((match.group("name"), place.country), []).append(place)
    for (name, country), members in parts.items():
        key = name_key(name)
        others = by_key.unsorted(key)
        if len(members) < 2 or any(p.kind != "city" for p in others):
            continue
        whole = Place(name, "state", country, name, round(sum(p.lat for p in members) / len(members), 4),
                      round(sum(p.lon for p in members) / len(members), 4), sum(p.population for p in members), None)
        by_key.set_alias(key, [whole, *others], preferred)


def _add_world_regions(by_key: _PlacesByKey, regions: dict, countries: dict[str, Place],
                       preferred: dict[str, Place]) -> None:
    """World regions of places_lexicon.yaml ("Middle East", "European Union"), at the mean of their members' points
    (``countries``: the gazetteer's countries by ISO code).

    They are gazetteer places of kind ``continent`` (a region above countries, shown as ``region``); their names
    replace any other place of the same name.
    """
    for name, region in regions.items():
        members = [countries[code] for code in region["members"] if code in countries]
        if not members:
            raise ValueError(f"places_lexicon.yaml: world region {name!r} has no member in the gazetteer")
        place = Place(name, "continent", "", "", round(sum(p.lat for p in members) / len(members), 4),
                      round(sum(p.lon for p in members) / len(members), 4), sum(p.population for p in members), None)
        for written in (name, *region.get("names", ())):
            key = name_key(written)
            preferred[key] = place
            by_key.set_alias(key, [place], preferred)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process (places are made as they are looked up, see ``_PlacesByKey``)."""
    raw = resources.files("analysis").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    body = [line for line in lines if line and not line.startswith("#")][1:]  # without the header
    names, owners = _row_names(body)
    # key -> the row it names, or the rows (each once): mostly one row, kept as an int, which the garbage
    # collector does not track (hundreds of thousands of lists made loading take half as long again)
    rows_of: dict[str, int | list[int]] = {}
    for key, row in zip(name_keys(names), owners, strict=True):
        rows = rows_of.get(key)
        if rows is None:
            rows_of[key] = row
        elif type(rows) is int:
            if rows != row:  # a row's names come together: a key it repeats is the last row added
                rows_of[key] = [rows, row]
        elif rows[-1] != row:
            rows.append(row)
    _add_short_region_names(body, rows_of)
    lexicon = load_data_yaml("places_lexicon.yaml")
    _add_names_without_prefix(body, rows_of, lexicon["dropped_prefixes"])
    by_key = _PlacesByKey(body, rows_of)
    preferred: dict[str, Place] = {}
    states: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    for row, line in enumerate(body):
        if "\tstate\tUS\t" in line:  # every US state's row has this; the Place decides
            place = by_key.place(row)
            if place.kind == "state" and place.country == "US":
                states[place.name] = place
        elif "\tcountry\t" in line:
            place = by_key.place(row)
            if place.kind == "country":
                countries[place.country] = place
    whole_name_only: set[str] = set()
    for written, alias in lexicon["aliases"].items():
        matches = [p for p in by_key.unsorted(name_key(alias["to"])) if p.country == alias["country"]]
        if not matches:
            raise ValueError(f"places_lexicon.yaml: alias {written!r} names {alias['to']!r}, not in the gazetteer")
        best = min(matches, key=lambda p: (p.kind != alias["kind"], -p.population))
        target = replace(best, kind=alias["kind"], name=alias.get("name", best.name))
        others = [p for p in by_key.unsorted(name_key(written)) if p != best] if alias.get("keep_others") else []
        preferred[name_key(written)] = target
        if alias.get("whole_name_only"):
            whole_name_only.add(name_key(written))
        by_key.set_alias(name_key(written), [target, *others], preferred)
    _add_world_regions(by_key, lexicon.get("world_regions") or {}, countries, preferred)
    _add_split_regions(by_key, body, preferred)
    abbreviations: dict[str, str] = {}
    for state, forms in lexicon["us_states"].items():
        for form in forms:
            abbreviations[form] = state
            if "." in form:
                abbreviations[name_key(form)] = state
    return Gazetteer(
        by_key=by_key,
        preferred=preferred,
        states=states,
        state_abbreviations=abbreviations,
        demonyms=demonym_keys(),
        countries=countries,
        whole_name_only=frozenset(whole_name_only),
    )
