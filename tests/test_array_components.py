"""The array stand-ins for the attribute ruler and the lemmatizer annotate exactly as the model as shipped."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from analysis.array_components import ArrayAttributeRuler, ArrayLemmatizer, use_array_components
from analysis.model import resolve_model_name
from tests.conftest import PROJECT

# the rare rules of en_core_web_sm's attribute ruler: two-token patterns, regular expressions, DEP tests, spaces
RULE_CASES = [
    "Y'all gonna let's go, c'mon. I ain't got ta do it. Y all know it. There is a dog; there were two.",
    "I said you saw it, and it saw me. Give it to you and I. But he did, and it does; what did they have?",
    "The bill, which passed, was signed.\n\n  \t Next paragraph\n\nThat is that. Do it. Have you?",
    "", " ", "\n", "OK",
]


@pytest.fixture(scope="module")
def pipelines():
    module = importlib.import_module(resolve_model_name(None))
    return module.load(), use_array_components(module.load())


def _texts() -> list[str]:
    sample = PROJECT / "data" / "raw"
    texts = [p.read_text(encoding="utf-8") for p in sorted((sample / "congress").glob("*.txt"))[:15]]
    return [*texts, (sample / "seed" / "dhs-ice-schools.txt").read_text(encoding="utf-8"), *RULE_CASES]


def test_the_stand_ins_replace_the_rule_components(pipelines):
    stock, fast = pipelines
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), ArrayLemmatizer)


def test_every_token_is_annotated_as_by_the_shipped_model(pipelines):
    stock, fast = pipelines
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    texts = _texts()
    for text, expected, got in zip(texts, stock.pipe(texts), fast.pipe(texts), strict=True):
        assert np.array_equal(expected.to_array(attrs), got.to_array(attrs)), text[:60]
        assert [(t.lemma_, t.pos_, str(t.morph), t.dep_) for t in expected] == \
            [(t.lemma_, t.pos_, str(t.morph), t.dep_) for t in got], text[:60]
        for name in ("TAG", "POS", "MORPH", "LEMMA", "DEP"):
            assert expected.has_annotation(name) == got.has_annotation(name)


def test_the_rare_rules_do_fire(pipelines):
    _, fast = pipelines
    doc = fast("I ain't gonna do it. Y all know it.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["y"] == "you"
    assert doc[0].morph.get("Case") == ["Nom"]  # "I" as a subject
