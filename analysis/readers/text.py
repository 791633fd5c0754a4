"""Plain-text articles, with optional YAML front matter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..article import Article, normalise_text
from ..errors import InputError
from ..resources import load_yaml
from .decode import decode_bytes
from .fields import article_fields_from_mapping

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split ``---``-fenced YAML front matter from the body; no front matter gives ``{}``."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError("front_matter", f"has front matter that is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(meta, dict):
        raise InputError("front_matter", "has front matter that is not a set of 'key: value' lines")
    return meta, text[match.end():]


def read_text(path: Path, source_path: str, data: bytes) -> Iterator[Article]:
    """Yield the one article in a ``.txt`` file."""
    decoded, encoding = decode_bytes(data)
    decoded = normalise_text(decoded)
    meta, body = split_front_matter(decoded)
    body = normalise_text(body)
    if not body.strip():
        raise InputError("empty", "has no text" if not meta else "has front matter but no article text")
    fields = article_fields_from_mapping({str(k): v for k, v in meta.items()}, text_required=False)
    yield Article(source_path=source_path, text=body, source_format="txt", encoding=encoding, **fields)
