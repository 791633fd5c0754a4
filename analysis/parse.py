"""The spaCy pass: batched with ``nlp.pipe``; long texts parsed in pieces and joined, offsets intact."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .article import Article
from .segment import parse_form

_TEXT_KEY = "analysis.doc_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds the string from every token on each ``Doc.text``.

    Kept in ``doc.user_data`` (a Doc's text never changes), so every stage that reads it shares one copy.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def share_text(doc: Doc, text: str) -> None:
    """Let :func:`doc_text` return ``text``, the string ``doc`` was parsed from (so its text), without a join.

    spaCy's tokenizer keeps every character, so a Doc's text is the string it was made from; the lengths are
    checked, and on a mismatch ``doc_text`` joins the tokens as before.
    """
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if length == len(text):
        doc.user_data[_TEXT_KEY] = text


# Texts longer than this are parsed in pieces of about this size, cut after a newline or a space.
PIECE_CHARS = 100_000


def split_for_parsing(text: str, piece_chars: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``piece_chars`` whose concatenation is ``text``.

    Cuts fall after the last newline in a piece, else after the last space, else hard at the limit.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > piece_chars:
        window = text[start:start + piece_chars]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or piece_chars
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_long(text: str, nlp: Language, batch_size: int = 8) -> Doc:
    """Parse a long text piece by piece and join the Docs; ``doc.text == text``."""
    docs = list(nlp.pipe(split_for_parsing(text), batch_size=batch_size))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:  # never expected: pieces concatenate to the text exactly
        raise ValueError("joined pieces do not reproduce the text")
    return joined


def parse_articles(articles: Iterable[Article], nlp: Language, batch_size: int = 32
                   ) -> Iterator[tuple[Article, Doc | Exception]]:
    """Yield each article with its Doc (or the exception parsing raised), in input order."""
    batch: list[Article] = []

    def flush() -> Iterator[tuple[Article, Doc | Exception]]:
        try:
            docs = list(nlp.pipe((parse_form(a.text) for a in batch), batch_size=batch_size))
        except Exception:  # find the article at fault; the others still get parsed
            for article in batch:
                try:
                    yield article, nlp(parse_form(article.text))
                except Exception as exc:
                    yield article, exc
        else:
            yield from zip(batch, docs, strict=True)
        batch.clear()

    for article in articles:
        if len(article.text) <= PIECE_CHARS:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from flush()
            continue
        yield from flush()
        try:
            yield article, parse_long(parse_form(article.text), nlp)
        except Exception as exc:
            yield article, exc
    yield from flush()
