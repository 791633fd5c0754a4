"""The benchmark corpus: the first N Congress press releases of ../shared, laid out as one .txt file each."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpora" / "bulk" / "congress_press_releases.jsonl.gz"
FILES_PER_FOLDER = 500


def records(n: int, source: Path = BULK) -> list[dict]:
    """The first ``n`` records with text (id, title, date, url, member, text)."""
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle if line.strip())
        return list(itertools.islice((r for r in rows if (r.get("text") or "").strip()), n))


def write_corpus(n: int, folder: Path, source: Path = BULK, chars: int | None = None, copies: int = 1) -> Path:
    """Write N articles as ``<folder>/raw/<k>/<id>.txt`` with YAML front matter (reused when already complete).

    One file per article is the hard case for an incremental rerun: every file is discovered and stat'ed.
    With ``chars``, each text is cut to its first ``chars`` characters (at a word boundary): many files, little
    text, for measuring what grows with the number of files rather than with the words. With ``copies`` above 1,
    the N articles are written that many times, each later copy ending in a line that names it, so that every file
    is a distinct article: a corpus larger than the bulk file, for seeing whether memory keeps growing past it.
    """
    raw = folder / "raw"
    done = folder / "corpus.done"
    stamp = (str(n) if chars is None else f"{n} cut to {chars}") + ("" if copies == 1 else f", {copies} copies")
    if done.exists() and done.read_text() == stamp:
        return raw
    rows = records(n, source)
    for number, (copy, row) in enumerate((copy, row) for copy in range(copies) for row in rows):
        sub = raw / f"{number // FILES_PER_FOLDER:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        meta = {"title": row.get("title"), "outlet": f"US Congress press release: {row.get('member') or ''}".strip(),
                "published": row.get("date"), "url": row.get("url")}
        front = yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False)
        text = row["text"]
        if chars is not None and len(text) > chars:
            text = text[:chars].rsplit(" ", 1)[0]
        if copy:
            text += f"\n(Copy {copy + 1} of this release.)"
        (sub / f"{number:06d}.txt").write_text(f"---\n{front}---\n{text}\n", encoding="utf-8")
    done.write_text(stamp)
    return raw
