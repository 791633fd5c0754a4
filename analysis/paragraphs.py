"""The paragraphs stage: rows for the paragraphs table."""

from __future__ import annotations

from .segment import Paragraph


def paragraph_rows(article_id: str, text: str, paragraphs: list[Paragraph]) -> list[dict]:
    """One row per paragraph, with a caption's photo credit split out."""
    return [
        {
            "article_id": article_id,
            "paragraph": p.index,
            "kind": p.kind,
            "start": p.start,
            "end": p.end,
            "text": text[p.start:p.end],
            "credit": text[p.credit_start:p.credit_end] if p.credit_start is not None else None,
            "credit_start": p.credit_start,
            "credit_end": p.credit_end,
        }
        for p in paragraphs
    ]
