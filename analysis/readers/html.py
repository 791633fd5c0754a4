"""Saved HTML pages: the main article text and its metadata, extracted offline with trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..article import Article, normalise_text
from ..errors import InputError
from .decode import decode_bytes

# Fewer words than this is page furniture (a "Home" link, a cookie notice), not an article.
MIN_ARTICLE_WORDS = 5
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def read_html(path: Path, source_path: str, data: bytes) -> Iterator[Article]:
    """Yield the article of one HTML page; navigation, related links, comments and footers are left out."""
    import lxml.html
    import trafilatura  # heavy import, only when an HTML page is read

    html, encoding = decode_bytes(data)
    if not html.strip():
        raise InputError("empty", "is empty")
    try:
        # huge_tree lifts libxml2's nesting limit of 256, so deeply nested pages still parse
        parser = lxml.html.HTMLParser(huge_tree=True)
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html), parser=parser)
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on hostile markup
        raise InputError("bad_html", f"could not be parsed as HTML ({exc.__class__.__name__})") from exc
    text = normalise_text(document.text or "") if document is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError("no_article", "has no article text that could be extracted from the HTML "
                         "(only navigation or scripts, or markup nested too deeply to parse)")
    yield Article(
        source_path=source_path,
        text=text,
        title=document.title or None,
        outlet=document.sitename or None,
        author=document.author or None,
        published=document.date or None,
        url=document.url or None,
        source_format="html",
        encoding=encoding,
    )
