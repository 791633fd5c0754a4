"""Errors that name the input and the problem in plain words."""

from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """An input file or record that cannot become an article.

    ``kind`` is a short machine-readable label (``empty``, ``binary``, ``encoding``, ``no_text``,
    ``bad_json``, ...); the message says what is wrong in plain words.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class RecordError:
    """A failed record inside a multi-record file (JSONL line, CSV row), reported and skipped."""

    source_path: str
    record: int | None
    kind: str
    message: str
    stage: str = "read"


class ModelNotInstalledError(RuntimeError):
    """No usable spaCy model is installed."""
