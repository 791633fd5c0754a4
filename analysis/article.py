"""The Article record that every reader yields and every stage consumes."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property


def normalise_text(text: str) -> str:
    """Return ``text`` with newlines normalised to ``\\n``, a BOM and trailing blank space removed.

    Nothing else changes, so every offset in every table indexes into exactly this string.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removeprefix("\ufeff")
    return text.strip("\n ")


def content_hash(text: str) -> str:
    """SHA-256 of the article text (NFC-normalised, whitespace-collapsed) as hex."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article read from an input file or record.

    ``text`` is the normalised body text; ``article_id`` is derived from it, so the same
    article arriving in two formats gets the same id.
    """

    source_path: str
    text: str
    record: int | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    source_format: str = "txt"
    encoding: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @cached_property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def article_id(self) -> str:
        return self.content_hash[:16]

    @property
    def n_words(self) -> int:
        return len(self.text.split())
