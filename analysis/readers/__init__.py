"""Readers chosen by file type; each yields :class:`~analysis.article.Article` records."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path

from ..article import Article
from ..errors import InputError, RecordError
from .html import read_html
from .records import read_csv, read_json, read_jsonl
from .text import read_text

# Longer than this is not one article (a concatenated dump, a log): the input fails with a clear message.
MAX_ARTICLE_CHARS = 2_000_000

Reader = Callable[[Path, str, bytes], Iterator[Article | RecordError]]

READERS_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}


def is_supported(path: Path) -> bool:
    """True when ``path`` has a file type a reader handles."""
    return path.suffix.lower() in READERS_BY_SUFFIX


def read_file(
    path: Path, source_path: str, data: bytes, mapping: Mapping[str, str] | None = None
) -> Iterator[Article | RecordError]:
    """Yield the articles (and failed records) of one input file's bytes.

    Raises :class:`InputError` when the file as a whole cannot be read.
    """
    fmt = READERS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise InputError("unsupported", f"has an unsupported file type '{path.suffix or '(none)'}'; "
                         f"supported: {', '.join(sorted(READERS_BY_SUFFIX))}")
    if not data.strip():
        raise InputError("empty", "is empty")
    readers: dict[str, Reader] = {
        "txt": read_text,
        "html": read_html,
        "jsonl": partial(read_jsonl, mapping=mapping),
        "json": partial(read_json, mapping=mapping),
        "csv": partial(read_csv, mapping=mapping),
    }
    for entry in readers[fmt](path, source_path, data):
        if isinstance(entry, Article) and len(entry.text) > MAX_ARTICLE_CHARS:
            message = (f"has {len(entry.text):,} characters of text, more than the {MAX_ARTICLE_CHARS:,} that one "
                       "article may have; split it into articles")
            if entry.record is None:
                raise InputError("too_long", message)
            entry = RecordError(source_path, entry.record, "too_long", f"record {entry.record} {message}")
        yield entry


__all__ = ["READERS_BY_SUFFIX", "is_supported", "read_file"]
