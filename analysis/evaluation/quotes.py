"""Quote extraction measured against attribution gold in the PolNeAR JSONL format.

Method (as the issue sets it): predicted quotes and gold attributions are matched one to one, greedily by
descending token Jaccard, a pair counting when the Jaccard of their word tokens is at least 0.5. A predicted
quote's span is its ``start``/``end``; a gold attribution's span is its ``content`` (first to last content
fragment). "Quoted" compares gold direct + mixed with predicted direct + mixed; "speech" adds the gold indirect
attributions whose cue holds a speech verb (``data/cue_verbs.yaml``) and compares them with every predicted quote.
A speaker is right when the mention or the canonical speaker shares a content word with the gold source span
(all words, when the gold source has no content word, as with "she").
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language

from ..cues import cue_lexicon
from ..nlp import load_nlp
from ..parse import share_text
from ..quotes import quote_rows
from ..segment import parse_form, segment_paragraphs
from .gold import read_jsonl

JACCARD = 0.5
# Quotation marks written as two apostrophes or backticks (the New York Times archive in PolNeAR).
TYPEWRITER_MARKS = re.compile(r"(?:^|\s)(?:''|``)\w")
KINDS = ("direct", "mixed", "indirect")
_WORD = re.compile(r"\w+")
_STOP = frozenset({
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "by", "with", "from", "as", "is",
    "was", "be", "that", "this", "these", "those", "his", "her", "its", "their", "our", "he", "she", "it",
    "they", "we", "i", "you", "him", "them", "us", "me", "who", "which", "what", "mr", "mrs", "ms", "dr",
    "said", "says", "according",
})


class _Tokens:
    """Word tokens of a text by position, to turn a character span into a set of token indices."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _WORD.finditer(text)]

    def span(self, start: int, end: int) -> frozenset[int]:
        from bisect import bisect_left
        return frozenset(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def match(gold: list[frozenset[int]], predicted: list[frozenset[int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs with Jaccard ≥ 0.5, best pairs first."""
    pairs = []
    for g, gs in enumerate(gold):
        for p, ps in enumerate(predicted):
            if gs & ps:
                score = _jaccard(gs, ps)
                if score >= JACCARD:
                    pairs.append((score, g, p))
    pairs.sort(reverse=True)
    used_g, used_p, result = set(), set(), []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            result.append((g, p))
    return result


def _content_words(text: str) -> set[str]:
    words = {w.lower() for w in _WORD.findall(text)}
    return words - _STOP


def speaker_right(gold_source: str, mention: str | None, speaker: str | None) -> bool:
    """True when the predicted mention or canonical speaker shares a content word with the gold source."""
    gold_words = _content_words(gold_source) or {w.lower() for w in _WORD.findall(gold_source)}
    predicted = {w.lower() for w in _WORD.findall(f"{mention or ''} {speaker or ''}")}
    return bool(gold_words & predicted)


def _prf(tp: int, n_gold: int, n_pred: int) -> dict:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "gold": n_gold, "predicted": n_pred, "precision": precision, "recall": recall, "f1": f1}


def merge_continuations(rows: list[dict]) -> list[dict]:
    """Rows with each continuation quote folded into the quote it continues (one span over its paragraphs)."""
    by_id = {r["quote_id"]: dict(r) for r in rows}
    kept = []
    for row in rows:
        if row.get("continues") and row["continues"] in by_id:
            head = by_id[row["continues"]]
            while head.get("continues") and head["continues"] in by_id:
                head = by_id[head["continues"]]
            head["end"] = max(head["end"], row["end"])
        else:
            kept.append(by_id[row["quote_id"]])
    return kept


def quote_rows_by_text(nlp: Language, pairs: list[tuple[str, str]]) -> Iterator[tuple[str, list[dict] | str]]:
    """Each (id, text) parsed as the pipeline parses it, with its quote rows, or in their place the error message
    when the quotes stage raises (for the caller to count; never fatal to an evaluation)."""
    texts = [parse_form(text) for _, text in pairs]
    for (key, text), doc in zip(pairs, nlp.pipe(texts, batch_size=16), strict=True):
        share_text(doc, text)
        try:
            yield text, quote_rows(key, doc, segment_paragraphs(text))
        except Exception as exc:  # counted and reported by the caller
            yield text, f"{type(exc).__name__}: {exc}"


def evaluate(gold: Path, limit: int | None = None, merged: bool = False) -> dict:
    """Run the quotes stage on every gold article and score it; see the module docstring for the method.

    With ``merged``, continuation quotes in later paragraphs are folded into the quote they continue first
    (a diagnostic: PolNeAR annotates a multi-paragraph quote as one span; our rows stay within a paragraph).
    """
    records = read_jsonl(gold, limit)
    nlp = load_nlp()
    lexicon = cue_lexicon()
    groups = {k: [0, 0, 0] for k in (*KINDS, "quoted", "speech")}
    without_typewriter = {k: [0, 0, 0] for k in ("quoted", "speech")}
    typewriter_articles = 0
    speaker = {"quoted": [0, 0], "speech": [0, 0]}
    failed: list[dict] = []
    errors: list[dict] = []
    started = time.perf_counter()
    parsed = quote_rows_by_text(nlp, [(r["id"], r["text"]) for r in records])
    for record, (text, rows) in zip(records, parsed, strict=True):
        if isinstance(rows, str):
            failed.append({"id": record["id"], "error": rows})
            continue
        if merged:
            rows = merge_continuations(rows)
        tokens = _Tokens(text)
        attributions = [a for a in record["attributions"] if a.get("content")]
        gold_spans = [tokens.span(*a["content"]) for a in attributions]
        pred_spans = [tokens.span(r["start"], r["end"]) for r in rows]
        for kind in KINDS:
            g = [i for i, a in enumerate(attributions) if a["quote_type"] == kind]
            p = [i for i, r in enumerate(rows) if r["kind"] == kind]
            pairs = match([gold_spans[i] for i in g], [pred_spans[i] for i in p])
            counts = groups[kind]
            counts[0] += len(pairs)
            counts[1] += len(g)
            counts[2] += len(p)
        selections = {
            "quoted": ([i for i, a in enumerate(attributions) if a["quote_type"] in ("direct", "mixed")],
                       [i for i, r in enumerate(rows) if r["kind"] in ("direct", "mixed")]),
            "speech": ([i for i, a in enumerate(attributions) if a["quote_type"] in ("direct", "mixed")
                        or lexicon.is_speech_cue(a.get("cue_text") or "")], list(range(len(rows)))),
        }
        typewriter = TYPEWRITER_MARKS.search(text) is not None
        typewriter_articles += typewriter
        for name, (g, p) in selections.items():
            pairs = match([gold_spans[i] for i in g], [pred_spans[i] for i in p])
            for counts in [groups[name]] if typewriter else [groups[name], without_typewriter[name]]:
                counts[0] += len(pairs)
                counts[1] += len(g)
                counts[2] += len(p)
            for gi, pi in pairs:
                attribution, row = attributions[g[gi]], rows[p[pi]]
                if attribution.get("source_text"):
                    right = speaker_right(attribution["source_text"], row["speaker_mention"], row["speaker"])
                    speaker[name][0] += right
                    speaker[name][1] += 1
                    if name == "speech" and not right and len(errors) < 2000:
                        errors.append({"id": record["id"], "gold": attribution["source_text"],
                                       "mention": row["speaker_mention"], "speaker": row["speaker"]})
    return {
        "gold_file": str(gold),
        "merged_continuations": merged,
        "articles": len(records),
        "articles_failed": len(failed),
        "failures": failed,
        "seconds": round(time.perf_counter() - started, 1),
        "scores": {name: _prf(*counts) for name, counts in groups.items()},
        "typewriter_articles": typewriter_articles,
        "scores_without_typewriter_articles": {name: _prf(*c) for name, c in without_typewriter.items()},
        "speaker_accuracy": {name: (right / total if total else 0.0) for name, (right, total) in speaker.items()},
        "speaker_pairs": {name: total for name, (_, total) in speaker.items()},
        "speaker_errors": errors,
    }


def format_report(result: dict) -> str:
    """The figures as a small plain-text table."""
    lines = [f"Quotes against {result['gold_file']}: {result['articles']} articles, "
             f"{result['articles_failed']} failed, {result['seconds']} s"
             + (" (continuations merged)" if result.get("merged_continuations") else ""),
             f"{'kind':<10}{'gold':>7}{'pred':>7}{'tp':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, s in result["scores"].items():
        lines.append(f"{name:<10}{s['gold']:>7}{s['predicted']:>7}{s['tp']:>7}"
                     f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    if result.get("typewriter_articles"):
        rest = result["scores_without_typewriter_articles"]
        lines.append(f"without the {result['typewriter_articles']} articles that write quotation marks as '' "
                     f"(their gold types every quote indirect): quoted F1 {rest['quoted']['f1']:.3f}, "
                     f"speech F1 {rest['speech']['f1']:.3f}")
    for name, accuracy in result["speaker_accuracy"].items():
        lines.append(f"speaker accuracy ({name} matches, n={result['speaker_pairs'][name]}): {accuracy:.3f}")
    for failure in result["failures"][:20]:
        lines.append(f"failed: {failure['id']}: {failure['error']}")
    return "\n".join(lines)
