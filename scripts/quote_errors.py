"""Quote errors on PolNeAR by category: what the quotes stage misses and what it finds that gold does not have.

Matches rows and gold exactly as ``analysis eval quotes`` does (``analysis/evaluation/quotes.py``, not changed
here) and sorts every unmatched gold attribution (false negative) and unmatched row (false positive) of the
*quoted* or *speech* selection into a category: the nearest row or gold is of another kind, its span is too long
or too short (Jaccard < 0.5 around a shared core), the gold spans paragraphs, nothing overlaps at all, and so on.

    .venv/bin/python scripts/quote_errors.py --gold ../shared/polnear/train.jsonl [--limit N] [--every K]
        [--selection quoted|speech] [--cache DIR] [--examples FILE.json]

``--cache`` keeps the spaCy Docs (DocBin) per gold file, so later runs skip the parse (about 30 s for the 840
train articles instead of a few minutes). ``--examples`` writes every error with its texts, for reading, and
every matched row (type ``TP``), so that precision can be counted by cue.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))


def _docs(nlp, texts: list[str], cache: Path | None, gold: Path):
    from spacy.tokens import DocBin

    if cache is None:
        return list(nlp.pipe(texts, batch_size=16))
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    path = cache / f"{gold.stem}-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(path)
    return docs


def _shape(pred: frozenset[int], gold: frozenset[int]) -> str:
    if pred >= gold:
        return "too long"
    if pred <= gold:
        return "too short"
    return "boundary shifted"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (after --every)")
    parser.add_argument("--every", type=int, default=1, help="every K-th article, a spread-out subset")
    parser.add_argument("--selection", choices=("quoted", "speech"), default="quoted")
    parser.add_argument("--cache", type=Path, default=None, help="directory for parsed Docs")
    parser.add_argument("--examples", type=Path, default=None, help="write every error to this JSON file")
    args = parser.parse_args()

    from analysis.cues import cue_lexicon
    from analysis.evaluation.gold import read_jsonl
    from analysis.evaluation.quotes import _jaccard, _Tokens, match
    from analysis.nlp import load_nlp
    from analysis.quotes import quote_rows
    from analysis.segment import segment_paragraphs

    records = read_jsonl(args.gold, None)[:: args.every][: args.limit]
    nlp, lexicon = load_nlp(), cue_lexicon()
    docs = _docs(nlp, [r["text"] for r in records], args.cache, args.gold)
    counts: collections.Counter = collections.Counter()
    totals = collections.Counter()
    examples = []
    for record, doc in zip(records, docs, strict=True):
        text = record["text"]
        rows = quote_rows(record["id"], doc, segment_paragraphs(text))
        tokens = _Tokens(text)
        golds = [a for a in record["attributions"] if a.get("content")]
        if args.selection == "quoted":
            g = [a for a in golds if a["quote_type"] in ("direct", "mixed")]
            p = [r for r in rows if r["kind"] in ("direct", "mixed")]
        else:
            g = [a for a in golds
                 if a["quote_type"] in ("direct", "mixed") or lexicon.is_speech_cue(a.get("cue_text") or "")]
            p = rows
        g_spans = [tokens.span(*a["content"]) for a in g]
        p_spans = [tokens.span(r["start"], r["end"]) for r in p]
        all_gold = [tokens.span(*a["content"]) for a in golds]
        all_rows = [tokens.span(r["start"], r["end"]) for r in rows]
        pairs = match(g_spans, p_spans)
        matched_g, matched_p = {a for a, _ in pairs}, {b for _, b in pairs}
        totals.update(gold=len(g), predicted=len(p), matched=len(pairs))
        for i, attribution in enumerate(g):
            if i in matched_g:
                continue
            scores = [(_jaccard(g_spans[i], s), k) for k, s in enumerate(all_rows)]
            score, k = max(scores, default=(0.0, None))
            s, e = attribution["content"]
            if "\n" in text[s:e]:
                category = "gold spans paragraphs"
            elif not score:
                category = "missed entirely"
            elif rows[k] not in p:
                category = f"nearest row is {rows[k]['kind']}"
            else:
                category = f"nearest row {_shape(all_rows[k], g_spans[i])}"
            counts["FN", category] += 1
            examples.append({"type": "FN", "category": category, "article": record["id"],
                             "kind": attribution["quote_type"], "cue": attribution.get("cue_text"),
                             "gold": text[s:e], "row": rows[k]["text"] if score else None})
        for j, row in enumerate(p):
            if j in matched_p:
                examples.append({"type": "TP", "category": "matched", "article": record["id"], "kind": row["kind"],
                                 "cue": row["cue"], "speaker": row["speaker_mention"], "row": row["text"],
                                 "gold": None})
                continue
            scores = [(_jaccard(p_spans[j], s), k) for k, s in enumerate(all_gold)]
            score, k = max(scores, default=(0.0, None))
            prefix = "continuation row, " if row.get("continues") else ""
            if not score:
                category = "no gold overlap"
            elif golds[k] not in g:
                category = (f"nearest gold is {golds[k]['quote_type']}" if args.selection == "quoted"
                            else "nearest gold has a non-speech cue")
            else:
                category = f"row {_shape(p_spans[j], all_gold[k])}"
            counts["FP", prefix + category] += 1
            examples.append({"type": "FP", "category": prefix + category, "article": record["id"], "kind": row["kind"],
                             "cue": row["cue"], "speaker": row["speaker_mention"], "row": row["text"],
                             "gold": text[slice(*golds[k]["content"])] if score else None,
                             "gold_cue": golds[k].get("cue_text") if score else None})
    tp, n_gold, n_pred = totals["matched"], totals["gold"], totals["predicted"]
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{args.selection}: {len(records)} articles, gold {n_gold}, rows {n_pred}, matched {tp}: "
          f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    for (kind, category), n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1])):
        print(f"{n:6} {kind} {category}")
    if args.examples:
        args.examples.write_text(json.dumps(examples, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
