"""How much of the run the locations stage takes, against the spaCy pass, on a geoparsing gold corpus.

Reads ``../shared/gold/geo/<corpus>.jsonl`` (says so and exits when ../shared is absent). Times, per article, the
spaCy pass (``nlp.pipe``), paragraph segmentation plus the locations stage (``location_rows``), and reports the
stage's share. The gazetteer is loaded once before timing, as it is once per worker process in a run.

    .venv/bin/python benchmarks/locations_share.py --corpus gwn_dev --limit 68
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.gazetteer import load_gazetteer  # noqa: E402
from analysis.nlp import load_nlp  # noqa: E402
from analysis.places import location_rows  # noqa: E402
from analysis.segment import segment_paragraphs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="lgl", help="lgl, trnews, geovirus or gwn_dev")
    parser.add_argument("--limit", type=int, default=200, help="articles to time")
    args = parser.parse_args()
    path = ROOT.parent / "shared" / "gold" / "geo" / f"{args.corpus}.jsonl"
    if not path.exists():
        print(f"{path} is absent: this benchmark needs ../shared beside the project")
        return 0
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.limit), handle, strict=False)]

    nlp = load_nlp()
    started = time.perf_counter()
    load_gazetteer()
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    mentions = 0
    for text, doc in zip(texts, docs, strict=True):
        mentions += len(location_rows("bench", doc, segment_paragraphs(text)))
    stage_seconds = time.perf_counter() - started

    words = sum(len(t.split()) for t in texts)
    total = spacy_seconds + stage_seconds
    print(f"{len(texts)} articles ({words} words) of {args.corpus}; {mentions} place mentions")
    print(f"gazetteer load (once per process): {load_seconds:.2f} s")
    print(f"spaCy pass:       {spacy_seconds:7.2f} s  ({1000 * spacy_seconds / len(texts):.1f} ms/article)")
    print(f"locations stage:  {stage_seconds:7.2f} s  ({1000 * stage_seconds / len(texts):.1f} ms/article)")
    print(f"locations share of spaCy + locations: {stage_seconds / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
