"""What putting local names in the article's town does, mention by mention, on a geoparsing gold file.

Runs the locations stage twice on each article, with and without ``places._in_the_article_s_town``, and sorts
every mention that only the first run places, or places elsewhere (a lone town abroad moved to the article's
town): within 161 km of its gold point, beyond it, on a gold toponym without coordinates, or on no gold toponym at
all (a name the model mistook for a place, or one the corpus left
unannotated). The last list is printed in full, since those are the dots the rule adds to an analyst's map.

    .venv/bin/python scripts/town_fallback_audit.py --gold ../shared/gold/geo/lgl.jsonl [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

ACC_KM = 161.0


def main() -> None:
    from analysis import places
    from analysis.evaluation.locations import haversine_km
    from analysis.nlp import load_nlp
    from analysis.outlet import outlet_country, outlet_localities
    from analysis.segment import segment_paragraphs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()][:args.limit]
    nlp = load_nlp()
    with_town = places._in_the_article_s_town
    counts: collections.Counter = collections.Counter()
    unannotated: list[tuple[str, str, str]] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        url = record.get("url")
        call = (record["id"], doc, segment_paragraphs(record["text"]), outlet_country(url), outlet_localities(url))
        try:
            places._in_the_article_s_town = with_town
            placed = places.location_rows(*call)
            places._in_the_article_s_town = lambda resolved, gazetteer: resolved
            unplaced = places.location_rows(*call)
        finally:
            places._in_the_article_s_town = with_town
        for before, after in zip(unplaced, placed, strict=True):
            if after["lat"] is None or (before["lat"], before["lon"]) == (after["lat"], after["lon"]):
                continue
            how = "placed" if before["lat"] is None else "moved"  # moved: a lone town abroad taken for a local place
            gold = next((t for t in record["toponyms"] if t["start"] < after["end"] and after["start"] < t["end"]),
                        None)
            if gold is None:
                counts[f"{how}, no gold toponym"] += 1
                unannotated.append((record["id"], after["text"], after["within"]))
            elif gold.get("lat") is None:
                counts[f"{how}, gold without coordinates"] += 1
            else:
                km = haversine_km(gold["lat"], gold["lon"], after["lat"], after["lon"])
                counts[f"{how}, {'within' if km <= ACC_KM else 'beyond'} 161 km"] += 1
    print(f"{args.gold.name}: {len(records)} articles; mentions the rule places or moves: {dict(counts) or 'none'}")
    for article, text, town in unannotated:
        print(f"  no gold toponym: {article}: {text!r} in {town}")


if __name__ == "__main__":
    main()
