"""Multi-record exports: JSON Lines, JSON and CSV, one article per record."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..article import Article, normalise_text
from ..errors import InputError, RecordError
from .decode import decode_bytes
from .fields import article_fields_from_mapping

_JSON_LIST_KEYS = ("articles", "stories", "results", "data", "items", "records", "documents")


def _article_or_error(
    record: object, source_path: str, number: int, fmt: str, encoding: str, mapping: Mapping[str, str] | None
) -> Article | RecordError:
    if not isinstance(record, Mapping):
        return RecordError(source_path, number, "bad_record", f"record {number} is not an object with named fields")
    try:
        fields = article_fields_from_mapping(record, mapping)
    except InputError as exc:
        return RecordError(source_path, number, exc.kind, f"record {number} {exc.message}")
    text = normalise_text(fields.pop("text") or "")
    if not text.strip():
        return RecordError(source_path, number, "no_text", f"record {number} has empty text")
    return Article(source_path=source_path, text=text, record=number, source_format=fmt, encoding=encoding, **fields)


def read_jsonl(path: Path, source_path: str, data: bytes, mapping: Mapping[str, str] | None = None
               ) -> Iterator[Article | RecordError]:
    """Yield one article per line; a broken line becomes an error naming its line number."""
    text, encoding = decode_bytes(data)
    found_any = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found_any = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(source_path, number, "bad_json", f"line {number} is not valid JSON ({exc.msg})")
            continue
        yield _article_or_error(record, source_path, number, "jsonl", encoding, mapping)
    if not found_any:
        raise InputError("empty", "has no records")


def read_json(path: Path, source_path: str, data: bytes, mapping: Mapping[str, str] | None = None
              ) -> Iterator[Article | RecordError]:
    """Yield the articles of a JSON file: a list of records, an object holding one, or one record."""
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise InputError("empty", "has no records")
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("bad_json", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if isinstance(payload, Mapping):
        nested = next((payload[k] for k in _JSON_LIST_KEYS if isinstance(payload.get(k), list)), None)
        records = nested if nested is not None else [payload]
    elif isinstance(payload, list):
        records = payload
    else:
        raise InputError("bad_json", "holds neither a record nor a list of records")
    if not records:
        raise InputError("empty", "has no records")
    for number, record in enumerate(records, start=1):
        yield _article_or_error(record, source_path, number, "json", encoding, mapping)


def read_csv(path: Path, source_path: str, data: bytes, mapping: Mapping[str, str] | None = None
             ) -> Iterator[Article | RecordError]:
    """Yield one article per CSV row (rows numbered from 1 after the header)."""
    text, encoding = decode_bytes(data)
    if not text.strip():
        raise InputError("empty", "has no rows")
    csv.field_size_limit(1 << 30)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = reader.fieldnames or []
        rows = list(reader)
    except csv.Error as exc:
        raise InputError("bad_csv", f"is not readable CSV ({exc})") from exc
    probe = {name: "x" for name in header}
    try:
        article_fields_from_mapping(probe, mapping)
    except InputError as exc:
        columns = ", ".join(header[:12]) or "none"
        raise InputError("no_text_column", f"has no text column (columns: {columns}); "
                         "name it with --field text=COLUMN") from exc
    if not rows:
        raise InputError("empty", "has a header but no rows")
    for number, row in enumerate(rows, start=1):
        yield _article_or_error(row, source_path, number, "csv", encoding, mapping)
