"""Write analysis/data/place_adjectives.tsv: the adjective news refers to a place by ("Iraqi officials"), and the
place, as the gazetteer names it.

Sources: countryinfo 1.0.1 (MIT) country demonyms, each mapped to its country by ISO code (where two countries
share one, "Dominican", "Congolese", the more populous), plus the hand-written REGION_ADJECTIVES below for
continents, regions and states that countryinfo lacks. Needs countryinfo installed (build time only):

    .venv/bin/pip install countryinfo==1.0.1 && .venv/bin/python scripts/build_place_adjectives.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.gazetteer import load_gazetteer  # noqa: E402
from scripts.build_gazetteer import countryinfo_files, demonyms_of  # noqa: E402

OUT = ROOT / "analysis" / "data" / "place_adjectives.tsv"
DISSOLVED = {"CS", "AN"}  # Serbia and Montenegro, the Netherlands Antilles: their demonyms name today's countries
REGION_ADJECTIVES = {  # hand-written: adjective -> the place's name in the gazetteer
    "African": "Africa", "Asian": "Asia", "European": "Europe", "Central American": "Central America",
    "South American": "South America", "North American": "North America", "Latin American": "Latin America",
    "Middle Eastern": "Middle East", "Scottish": "Scotland", "Welsh": "Wales", "English": "England",
    "Northern Irish": "Northern Ireland", "Tibetan": "Tibet", "Chechen": "Chechnya",
    "Sicilian": "Sicily", "Bavarian": "Bavaria", "Texan": "Texas", "Californian": "California",
    "Floridian": "Florida", "Hawaiian": "Hawaii", "Alaskan": "Alaska", "Korean": "South Korea",
    "South Korean": "South Korea", "North Korean": "North Korea", "South African": "South Africa",
    "Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates", "Palestinian": "Palestinian Territory",
    "Israeli": "Israel",
    "Iraqi": "Iraq", "Afghan": "Afghanistan", "Argentine": "Argentina", "Bosnian": "Bosnia and Herzegovina",
    "Kosovar": "Kosovo", "Catalan": "Catalonia", "Crimean": "Crimea",
    "Uzbek": "Uzbekistan", "Kazakh": "Kazakhstan", "Kyrgyz": "Kyrgyzstan", "Tajik": "Tajikistan",
    "Slovenian": "Slovenia", "Icelandic": "Iceland", "Azeri": "Azerbaijan", "Ontarian": "Ontario",
    "Albertan": "Alberta",
}


def countryinfo_adjectives() -> dict[str, str]:
    """Demonym -> ISO alpha-2 code, from countryinfo's country files; the more populous country keeps a shared one."""
    best: dict[str, tuple[int, str]] = {}
    for iso, data in countryinfo_files():
        for demonym in demonyms_of(data):
            if iso not in DISSOLVED and not demonym.endswith(("s", "er")):  # not "Icelander"
                population = int(data.get("population") or 0)
                if demonym not in best or population > best[demonym][0]:
                    best[demonym] = (population, iso)
    return {demonym: iso for demonym, (_, iso) in best.items()}


def main() -> None:
    gazetteer = load_gazetteer()
    rows: dict[str, tuple[str, str]] = {}
    for adjective, iso in countryinfo_adjectives().items():
        if iso in gazetteer.countries and adjective != gazetteer.countries[iso].name:  # "Djibouti"
            rows[adjective] = (gazetteer.countries[iso].name, "country")
    for adjective, name in REGION_ADJECTIVES.items():
        # the region, not a town of its name ("Palestine", Texas)
        place = next((p for p in gazetteer.lookup(name) if p.kind != "city"), None)
        if place is None:
            print(f"not in the gazetteer, left out: {adjective} -> {name}", file=sys.stderr)
        else:
            rows[adjective] = (place.name, place.kind)
    OUT.write_text(
        "# adjective<TAB>place<TAB>kind: the adjective news refers to a place by (\"Iraqi officials\"), and the\n"
        "# place's name and kind in the gazetteer. Written by scripts/build_place_adjectives.py from countryinfo\n"
        "# 1.0.1 (MIT) country demonyms and its hand-written REGION_ADJECTIVES.\n"
        + "".join(f"{adjective}\t{place}\t{kind}\n" for adjective, (place, kind) in sorted(rows.items())),
        encoding="utf-8")
    print(f"{len(rows)} adjectives -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
