"""Find an article's text and metadata in a record by the field names exports commonly use."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from ..errors import InputError
from ..resources import load_data_yaml

ARTICLE_FIELDS = ("text", "title", "outlet", "author", "published", "url")


def field_candidates() -> dict[str, list[str]]:
    """The candidate field names per article field, from ``data/record_fields.yaml``."""
    return load_data_yaml("record_fields.yaml")


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Mapping):  # NewsAPI: "source": {"id": ..., "name": ...}
        value = value.get("name") or value.get("title")
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    if isinstance(value, datetime | date):
        value = value.isoformat()
    if isinstance(value, float) and value != value:  # NaN from a CSV
        return None
    text = str(value).strip()
    return text or None


def parse_field_mapping(pairs: list[str] | None) -> dict[str, str]:
    """Parse ``["text=story_body", ...]`` from the command line into ``{"text": "story_body"}``."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, column = pair.partition("=")
        if not sep or name not in ARTICLE_FIELDS or not column:
            raise ValueError(f"--field {pair!r}: expected FIELD=COLUMN with FIELD one of {', '.join(ARTICLE_FIELDS)}")
        mapping[name] = column
    return mapping


def article_fields_from_mapping(
    record: Mapping[str, object],
    mapping: Mapping[str, str] | None = None,
    text_required: bool = True,
) -> dict[str, str | None]:
    """Pick the article fields out of one record.

    Returns a dict with the keys of ``ARTICLE_FIELDS`` (``text`` only when ``text_required``).
    Raises :class:`InputError` when the text is required and missing.
    """
    by_lower = {str(k).lower(): k for k in record}
    fields: dict[str, str | None] = {}
    for name in ARTICLE_FIELDS:
        if name == "text" and not text_required:
            continue
        names = [mapping[name]] if mapping and name in mapping else field_candidates()[name]
        value = None
        for candidate in names:
            key = by_lower.get(candidate.lower())
            if key is not None:
                value = _as_text(record[key])
                if value:
                    break
        fields[name] = value
    if text_required and not fields["text"]:
        wanted = mapping["text"] if mapping and "text" in mapping else "/".join(field_candidates()["text"][:4])
        raise InputError("no_text", f"has no article text in field '{wanted}' (fetching URLs is out of scope)")
    return fields
