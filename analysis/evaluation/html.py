"""Main-text extraction from saved HTML pages, scored against extraction gold.

Gold: a ``MANIFEST.jsonl`` listing pages (``<id>.html`` beside it) with their hand-checked main text
(``<id>.gold.txt``); only pages whose ``gold_kind`` is ``full_article_body`` are scored. The measure is
bag-of-words token F1 between the extracted text and the gold text, per page, then averaged.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..readers import read_file


def token_f1(found: str, gold: str) -> float:
    """Bag-of-words F1 between two texts (whitespace tokens)."""
    a, b = Counter(found.split()), Counter(gold.split())
    common = sum((a & b).values())
    return 0.0 if not common else 2 * common / (sum(a.values()) + sum(b.values()))


def evaluate(gold: Path, limit: int | None = None) -> dict:
    """Token F1 of the HTML reader's text on every full-article page of the manifest ``gold``."""
    folder = gold.parent
    manifest = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = [m["id"] for m in manifest if m.get("gold_kind") == "full_article_body"][:limit]
    scores: dict[str, float] = {}
    failed: dict[str, str] = {}
    for page in pages:
        path = folder / f"{page}.html"
        try:
            [article] = list(read_file(path, str(path), path.read_bytes()))
        except InputError as exc:
            failed[page] = exc.message
            scores[page] = 0.0
            continue
        scores[page] = token_f1(article.text, (folder / f"{page}.gold.txt").read_text(encoding="utf-8"))
    ordered = sorted(scores.values())
    return {
        "pages": len(pages),
        "mean_f1": sum(ordered) / len(ordered) if ordered else 0.0,
        "median_f1": ordered[len(ordered) // 2] if ordered else 0.0,
        "below_0.8": sorted(page for page, score in scores.items() if score < 0.8),
        "failed": failed,
    }


def format_report(result: dict) -> str:
    """The figures as printable lines."""
    lines = [f"HTML main text: {result['pages']} pages, token F1 mean {result['mean_f1']:.3f}, "
             f"median {result['median_f1']:.3f}"]
    if result["below_0.8"]:
        lines.append(f"pages below 0.8: {', '.join(result['below_0.8'])}")
    for page, message in result["failed"].items():
        lines.append(f"failed: {page}: {message}")
    return "\n".join(lines)
