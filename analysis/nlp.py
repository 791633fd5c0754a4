"""Loading the spaCy model, with sentence boundaries forced at paragraph breaks."""

from __future__ import annotations

import importlib
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .array_components import use_array_components
from .model import resolve_model_name


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every newline, so no sentence spans two paragraphs.

    Boundaries are set through one array round trip: ``Token.is_sent_start = True`` scans the whole doc on
    every call, which made this quadratic in the number of paragraphs.
    """
    if len(doc) < 2:
        return doc
    values = doc.to_array([IDX, IS_SPACE, SENT_START])
    if not values[:, 1].any():  # a newline is always inside a whitespace token: none, no paragraph break
        return doc
    text = doc.text
    if "\n" not in text:
        return doc
    starts, spaces = values[:, 0], values[:, 1]
    sent_starts = values[:, 2:3].copy()
    position = text.find("\n")
    while position != -1:
        token_index = int(np.searchsorted(starts, position + 1))
        while token_index < len(doc) and spaces[token_index]:
            token_index += 1
        if 0 < token_index < len(doc):
            sent_starts[token_index, 0] = 1
        position = text.find("\n", position + 1)
    doc.from_array([SENT_START], sent_starts)
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy model once per process, with the ``paragraph_breaks`` component before the parser.

    The attribute ruler and the lemmatizer are replaced by array-based stand-ins that set the same annotations
    faster (:mod:`analysis.array_components`).
    """
    module = importlib.import_module(resolve_model_name(name))
    nlp = use_array_components(module.load())
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp
