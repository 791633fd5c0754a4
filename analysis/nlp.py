"""Loading the spaCy model, with sentence boundaries forced at paragraph breaks, after reference marks and before
datelines run on from a title."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from .array_components import use_array_components
from .model import resolve_model_name
from .resources import load_data_yaml
from .segment import paragraph_rules


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


# A numbered reference mark ("[1]", "[12]"), as press releases and letters cite their sources: "... in Hillsboro,
# Oregon.[1] Isidro Andrade-Tafolla ...", "... engulfed in flames.[2]The crash ...", "citizenship,[7]a felony".
REFERENCE_MARK = r"\[\d{1,3}\]"
_REFERENCE_TOKEN = re.compile(rf"^{REFERENCE_MARK}$")
_SENTENCE_END = frozenset({".", "!", "?"})


def with_reference_marks(nlp: Language) -> Language:
    """Make the tokenizer split a reference mark off the word and punctuation before it and the word after it
    ("Oregon.[1]" had been one token "Oregon.[1", which hid both the place and the sentence's end), and a quotation
    mark glued between punctuation and a word off both (``GLUED_QUOTE_MARKS``)."""
    defaults = nlp.Defaults
    nlp.tokenizer.suffix_search = compile_suffix_regex([*defaults.suffixes, REFERENCE_MARK]).search
    nlp.tokenizer.infix_finditer = compile_infix_regex([
        *defaults.infixes,
        rf"(?<=[.!?,;:]){REFERENCE_MARK}(?=[A-Za-z])",  # the mark between punctuation and the next word
        rf"(?<=[A-Za-z0-9])(?=[.!?,;:]{REFERENCE_MARK}[A-Za-z])",  # the punctuation before such a mark
        *GLUED_QUOTE_MARKS,
    ]).finditer
    return nlp


# A quotation mark between punctuation and a word with no space on either side, as pages that lost their spaces
# write them: "Ryan said,“Look, …", "… paranoia,”Clinton said", "… audiences,"Katie Packer". The tokenizer had
# kept "said,“Look" as one token, which hid the cue and its quotation.
GLUED_QUOTE_MARKS = (
    r"(?<=[A-Za-z0-9])(?=[.!?,;:][“”\"][A-Za-z])",  # the word before the punctuation
    r"(?<=[.!?,;:])[“”\"](?=[A-Za-z])",  # the mark, a token of its own
)


def with_token_norms(nlp: Language) -> Language:
    """Give the characters of ``data/token_norms.yaml`` the norm of the character they stand for, so that the
    tagger and parser read a horizontal bar as the dash it is."""
    for character, norm in load_data_yaml("token_norms.yaml").items():
        nlp.vocab[character].norm_ = norm
    return nlp


@Language.component("reference_marks")
def reference_marks(doc: Doc) -> Doc:
    """End a sentence with the reference mark after its full stop, and start the next after the mark: the parser
    had opened the next sentence with the mark ("[8] Prosecutors noted …", an organisation to the tagger)."""
    if "]" not in doc.text:
        return doc
    for token in doc[1:-1]:
        if _REFERENCE_TOKEN.match(token.text) and doc[token.i - 1].text in _SENTENCE_END:
            token.is_sent_start = False
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("run_on_datelines")
def run_on_datelines(doc: Doc) -> Doc:
    """Start a sentence at a dateline run on from a title on the same line ("… southwest border WASHINGTON, DC –
    Today, …"; ``dateline.run_on`` in paragraph_rules.yaml): the title had opened the body's first sentence."""
    text = doc.text
    if " –" not in text and " -" not in text and " —" not in text:
        return doc
    for match in paragraph_rules().dateline_run_on.finditer(text):
        span = doc.char_span(match.start("dateline"), match.end("dateline"), alignment_mode="expand")
        if span is not None and span.start > 0:
            span[0].is_sent_start = True
    return doc


@Language.component("reference_mark_entities")
def reference_mark_entities(doc: Doc) -> Doc:
    """Drop the entities the tagger made of reference marks alone ("[1]" an organisation, "[10]" a place), which
    descriptions such as "the office" would otherwise resolve to."""
    if "]" in doc.text:
        ents = [ent for ent in doc.ents if not _REFERENCE_TOKEN.match(ent.text)]
        if len(ents) < len(doc.ents):
            doc.ents = ents
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy model once per process, with the ``paragraph_breaks``, ``reference_marks`` and
    ``run_on_datelines`` components before the parser, ``reference_mark_entities`` after the entity recognizer,
    a tokenizer that splits reference marks off (:func:`with_reference_marks`) and dash norms
    (:func:`with_token_norms`).

    The attribute ruler and the lemmatizer are replaced by array-based stand-ins that set the same annotations
    faster (:mod:`analysis.array_components`).
    """
    module = importlib.import_module(resolve_model_name(name))
    nlp = with_token_norms(with_reference_marks(use_array_components(module.load())))
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("reference_marks", before="parser")
    nlp.add_pipe("run_on_datelines", before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("reference_mark_entities", after="ner")
    nlp.max_length = 2_000_000
    return nlp
