"""The sentences stage: spaCy's sentences, placed in their paragraphs and scored for sentiment."""

from __future__ import annotations

from spacy.tokens import Doc

from .parse import doc_text
from .segment import Paragraph
from .sentiment import score_sentiment
from .spans import SpanIndex, trim_span


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the doc's sentences, trimmed of whitespace; whitespace-only sentences dropped."""
    text = doc_text(doc)  # Doc.text joins every token: doc_text joins it once per Doc
    spans = []
    for sent in doc.sents:
        start, end = trim_span(text, sent.start_char, sent.end_char)
        if end > start:
            spans.append((start, end))
    return spans


def sentence_rows(article_id: str, doc: Doc, paragraphs: list[Paragraph]) -> list[dict]:
    """One row per sentence with its paragraph, the paragraph's kind and sentiment scores."""
    text = doc_text(doc)
    by_start = SpanIndex([p.start for p in paragraphs], range(len(paragraphs)))
    rows = []
    for number, (start, end) in enumerate(sentence_spans(doc)):
        paragraph = paragraphs[by_start.label_at(start)]
        sentence_text = text[start:end]
        scores = score_sentiment(sentence_text)
        rows.append({
            "article_id": article_id,
            "sentence": number,
            "paragraph": paragraph.index,
            "paragraph_kind": paragraph.kind,
            "start": start,
            "end": end,
            "text": sentence_text,
            "polarity": scores.polarity,
            "subjectivity": scores.subjectivity,
            "vader": scores.vader,
        })
    return rows
