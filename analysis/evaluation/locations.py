"""Evaluating the locations stage on news geoparsing gold (``../shared/gold/geo/*.jsonl``).

Recognition: precision, recall and F1 of predicted place spans against gold toponyms, a prediction matching a
gold toponym it overlaps, one to one. Resolution: acc@161km, the share of matched toponyms (with gold
coordinates) whose predicted coordinates lie within 161 km of the gold ones; a matched mention without
coordinates counts as wrong. Every gold toponym counts, demonyms and names inside other names included; the
figures without the toponyms the stage does not treat as places by design (a people's nouns such as "Iraqis",
languages) are given beside them. A place's adjective ("Iraqi officials") is a mention of the place.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from ..gazetteer import Gazetteer, load_gazetteer
from ..nlp import load_nlp
from ..outlet import outlet_country, outlet_localities
from ..parse import share_text
from ..place_adjectives import place_adjectives
from ..places import location_rows
from ..segment import parse_form, segment_paragraphs
from .gold import read_jsonl

KM = 161.0
NOT_PLACES_BY_DESIGN = ("Demonym", "Language")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of gold toponyms and predictions that overlap, in text order."""
    pairs, used = [], set()
    for g in sorted(gold, key=lambda t: t["start"]):
        for index, p in enumerate(predicted):
            if index not in used and p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(index)
                pairs.append((g, p))
                break
    return pairs


def _figures(n_gold: int, n_pred: int, pairs: list[tuple[dict, dict]]) -> dict:
    tp = len(pairs)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    located = [(g, p) for g, p in pairs if g.get("lat") is not None and g.get("lon") is not None]
    close = sum(1 for g, p in located if p["lat"] is not None
                and haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) <= KM)
    return {"gold": n_gold, "predicted": n_pred, "matched": tp, "precision": precision, "recall": recall, "f1": f1,
            "resolvable": len(located), "within_161km": close,
            "acc_161": close / len(located) if located else 0.0}


def _peoples_noun(written: str, gazetteer: Gazetteer, adjectives: dict[str, tuple[str, str]]) -> bool:
    """A demonym that is no place's adjective: "Iraqis", "Texans" (not "Iraqi")."""
    return gazetteer.is_demonym(written) and written not in adjectives


def evaluate(gold: Path, limit: int | None = None) -> dict:
    """Recognition P/R/F1 and acc@161km of the locations stage on a gold JSONL file."""
    records = read_jsonl(Path(gold), limit)
    nlp = load_nlp()
    gazetteer = load_gazetteer()
    started = time.perf_counter()
    all_pairs, n_gold, n_pred = [], 0, 0
    design_pairs, design_gold, errors = [], 0, []
    adjectives = place_adjectives()
    for record, doc in zip(records, nlp.pipe(parse_form(r["text"]) for r in records), strict=True):
        share_text(doc, record["text"])  # as the pipeline parses and reads them
        url = record.get("url")
        rows = location_rows(record["id"], doc, segment_paragraphs(record["text"]), outlet_country(url),
                             outlet_localities(url))
        toponyms = record["toponyms"]
        pairs = match(toponyms, rows)
        n_gold += len(toponyms)
        n_pred += len(rows)
        all_pairs += pairs
        kept = [t for t in toponyms if t.get("type") not in NOT_PLACES_BY_DESIGN
                and not _peoples_noun(record["text"][t["start"]:t["end"]], gazetteer, adjectives)]
        design_gold += len(kept)
        design_pairs += match(kept, rows)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        errors += [{"id": record["id"], "error": "missed", "text": t.get("name", ""), "start": t["start"],
                    "span": record["text"][t["start"]:t["end"]]} for t in toponyms if id(t) not in matched_gold]
        errors += [{"id": record["id"], "error": "spurious", "span": r["text"], "kind": r["kind"], "start": r["start"]}
                   for r in rows if id(r) not in matched_pred]
        errors += [{"id": record["id"], "error": "far", "span": p["text"], "start": p["start"], "place": p["place"],
                    "kind": p["kind"],
                    "admin1": p["admin1"], "country": p["country"], "gold_admin1": g.get("admin1"),
                    "gold_country": g.get("country"),
                    "km": None if p["lat"] is None else round(haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]))}
                   for g, p in pairs if g.get("lat") is not None
                   and (p["lat"] is None or haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) > KM)]
    result = {
        "gold_file": str(gold),
        "articles": len(records),
        "seconds": round(time.perf_counter() - started, 1),
        **_figures(n_gold, n_pred, all_pairs),
        "without_demonyms": _figures(design_gold, n_pred, design_pairs),
        "errors": errors,
    }
    return result


def format_report(result: dict) -> str:
    """The figures as printable text."""
    lines = [
        f"locations on {result['gold_file']}: {result['articles']} articles, {result['gold']} gold toponyms, "
        f"{result['predicted']} predicted ({result['seconds']} s)",
        f"  recognition  precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}",
        f"  resolution   acc@161km {result['acc_161']:.3f}  ({result['within_161km']} of {result['resolvable']} "
        "matched toponyms with gold coordinates)",
    ]
    other = result["without_demonyms"]
    if other["gold"] != result["gold"]:
        lines.append(f"  without people's-noun and language gold ({other['gold']} toponyms): "
                     f"precision {other['precision']:.3f}  recall {other['recall']:.3f}  F1 {other['f1']:.3f}  "
                     f"acc@161km {other['acc_161']:.3f}")
    return "\n".join(lines)
