"""Who speaks in question-and-answer interviews, measured against hand-labelled speaker turns.

Gold: JSON Lines with ``id`` and ``speaker_turns`` (``speaker``, ``start``, ``end``), in the format of
``../shared/corpora/text/wikinews_gum_interviews_gold.jsonl`` (GUM's Wikinews interviews); the texts are the
records of the same name without ``_gold`` beside it. In each document the interviewer is the speaker whose turns
most often end with "?" (ties: the one who says less); every paragraph of every other speaker's turns is an
answer paragraph. An answer paragraph is *quoted* when a quote row covers at least half of it, and *rightly* so
when that row's mention or canonical speaker shares a word with the gold speaker's name ("NickBos": Nick, Bos).
Quote rows inside the interviewer's turns are counted apart: questions are not quotes.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from ..nlp import load_nlp
from .gold import read_jsonl
from .quotes import quote_rows_by_text

_NAME_PART = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")
_WORD = re.compile(r"\w+")
_LINE = re.compile(r"[^\n]+")


def texts_beside(gold: Path) -> Path:
    """The file of texts that a gold file of speaker turns annotates."""
    return gold.with_name(gold.name.replace("_gold", ""))


def interviewer(text: str, turns: list[dict]) -> str:
    """The speaker whose turns most often end with a question mark (ties: the one who says less)."""
    tally: dict[str, list[int]] = {}
    for turn in turns:
        counts = tally.setdefault(turn["speaker"], [0, 0, 0])
        words = text[turn["start"]:turn["end"]].rstrip()
        counts[0] += 1
        counts[1] += words.endswith("?")
        counts[2] += len(words)
    return max(tally, key=lambda name: (tally[name][1] / tally[name][0], -tally[name][2]))


def name_words(name: str) -> set[str]:
    """The words of a speaker name, CamelCase split: "NickBos" → {"nick", "bos"}."""
    return {part.lower() for part in _NAME_PART.findall(name) if len(part) > 1}


def _half_within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether at least half of the span ``inner`` lies inside the span ``outer``."""
    overlap = min(inner[1], outer[1]) - max(inner[0], outer[0])
    return overlap * 2 >= inner[1] - inner[0]


def _span(item: dict) -> tuple[int, int]:
    return item["start"], item["end"]


def _right_speaker(row: dict, speaker: str) -> bool:
    said = {w.lower() for w in _WORD.findall(f"{row.get('speaker_mention') or ''} {row.get('speaker') or ''}")}
    return bool(said & name_words(speaker))


def _paragraphs(text: str, turn: dict) -> list[tuple[int, int]]:
    return [(turn["start"] + m.start(), turn["start"] + m.end())
            for m in _LINE.finditer(text[turn["start"]:turn["end"]]) if m.group().strip()]


def evaluate(gold: Path, limit: int | None = None) -> dict:
    """Run the quotes stage on every annotated interview and score its answers; see the module docstring."""
    records = read_jsonl(gold, limit)
    source = texts_beside(gold)
    if not source.exists():
        raise FileNotFoundError(f"the texts of {gold} are not beside it: {source} does not exist")
    texts = {r["id"]: r["text"] for r in read_jsonl(source)}
    missing = [r["id"] for r in records if r["id"] not in texts]
    if missing:
        raise ValueError(f"{source} lacks the texts of {', '.join(missing[:5])}")
    nlp = load_nlp()
    counts = {"answer_paragraphs": 0, "quoted": 0, "right_speaker": 0, "rows_in_answers": 0,
              "rows_in_answers_right": 0, "rows_in_questions": 0}
    documents: list[dict] = []
    failed: list[dict] = []
    started = time.perf_counter()
    parsed = quote_rows_by_text(nlp, [(r["id"], texts[r["id"]]) for r in records])
    for record, (text, rows) in zip(records, parsed, strict=True):
        if isinstance(rows, str):
            failed.append({"id": record["id"], "error": rows})
            continue
        turns = record["speaker_turns"]
        if not turns:
            continue
        asking = interviewer(text, turns)
        tally = dict.fromkeys(counts, 0)
        for turn in turns:
            inside = [r for r in rows if _half_within(_span(r), _span(turn))]
            if turn["speaker"] == asking:
                tally["rows_in_questions"] += len(inside)
                continue
            tally["rows_in_answers"] += len(inside)
            tally["rows_in_answers_right"] += sum(_right_speaker(r, turn["speaker"]) for r in inside)
            for start, end in _paragraphs(text, turn):
                covering = [r for r in rows if _half_within((start, end), _span(r))]
                tally["answer_paragraphs"] += 1
                tally["quoted"] += bool(covering)
                tally["right_speaker"] += any(_right_speaker(r, turn["speaker"]) for r in covering)
        for key, value in tally.items():
            counts[key] += value
        documents.append({"id": record["id"], "interviewer": asking, **tally})
    paragraphs = counts["answer_paragraphs"]
    return {
        "gold_file": str(gold),
        "documents": len(records),
        "failed": failed,
        "seconds": round(time.perf_counter() - started, 1),
        **counts,
        "recall": counts["right_speaker"] / paragraphs if paragraphs else 0.0,
        "row_accuracy": (counts["rows_in_answers_right"] / counts["rows_in_answers"]
                         if counts["rows_in_answers"] else 0.0),
        "by_document": documents,
    }


def format_report(result: dict) -> str:
    """The figures as printable lines."""
    lines = [f"Interviews against {result['gold_file']}: {result['documents']} documents, "
             f"{len(result['failed'])} failed, {result['seconds']} s",
             f"answer paragraphs {result['answer_paragraphs']}: quoted {result['quoted']}, with the right speaker "
             f"{result['right_speaker']} (recall {result['recall']:.3f})",
             f"quote rows inside answers {result['rows_in_answers']}: right speaker "
             f"{result['rows_in_answers_right']} ({result['row_accuracy']:.3f}); "
             f"quote rows inside questions {result['rows_in_questions']}"]
    lines += [f"failed: {f['id']}: {f['error']}" for f in result["failed"]]
    return "\n".join(lines)
