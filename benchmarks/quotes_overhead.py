"""How much the quotes and speakers stages add to the spaCy pass, on the PolNeAR dev texts.

Usage: .venv/bin/python benchmarks/quotes_overhead.py [--limit N] [--repeat R]

Reads ../shared/polnear/dev.jsonl (research data, never copied into the project) and prints the time of the
spaCy pass alone, the time of quote + speaker extraction on the parsed Docs (sentiment of each quote included;
paragraph segmentation timed apart, as it is an earlier stage), and their ratio. The target is at most 10%.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
GOLD = PROJECT.parent / "shared" / "polnear" / "dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs of the extraction")
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"{GOLD} is absent: this benchmark needs ../shared beside the project", file=sys.stderr)
        return 2

    from analysis.nlp import load_nlp
    from analysis.quotes import quote_rows
    from analysis.segment import segment_paragraphs
    from analysis.speakers import source_rows

    with GOLD.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()][: args.limit]
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm up

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    paragraphs = [segment_paragraphs(text) for text in texts]
    segment_seconds = time.perf_counter() - started

    quote_row_count = 0
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        quote_row_count = 0
        for number, (doc, paras) in enumerate(zip(docs, paragraphs, strict=True)):
            rows = quote_rows(f"a{number}", doc, paras)
            source_rows(f"a{number}", rows)
            quote_row_count += len(rows)
        best = min(best, time.perf_counter() - started)

    print(f"articles: {len(texts)}, characters: {sum(map(len, texts)):,}, quotes: {quote_row_count}")
    print(f"spaCy pass:                 {spacy_seconds:8.2f} s")
    print(f"paragraph segmentation:     {segment_seconds:8.2f} s (earlier stage, for reference)")
    print(f"quotes + speakers (best of {args.repeat}): {best:8.2f} s")
    print(f"overhead: {100 * best / spacy_seconds:.1f}% of the spaCy pass (target ≤ 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
