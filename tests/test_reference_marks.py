"""Numbered reference marks ("Oregon.[1] Isidro …"), as letters and press releases cite their sources."""

from __future__ import annotations

import re

from analysis.places import location_rows
from analysis.quotes import quote_rows
from analysis.readers import read_file
from analysis.segment import segment_paragraphs
from tests.conftest import PROJECT

MARK = re.compile(r"\[\d+\]")


def _release(name: str) -> str:
    path = PROJECT / "data" / "raw" / "congress" / name
    [article] = read_file(path, str(path), path.read_bytes())
    return article.text


def test_a_reference_mark_ends_its_sentence_and_hides_no_place(nlp):
    """A bundled letter: "… in Hillsboro, Oregon.[1] Isidro Andrade-Tafolla, a longtime Washington County
    employee, was approached …" had been one sentence, with "Oregon.[1" one token: Oregon was no place, and the
    speaker of "asked" was "Oregon.[1] Isidro Andrade-Tafolla, …"."""
    text = _release("cong_zoe_lofgren_00049.txt")
    doc = nlp(text)
    sentences = [s.text for s in doc.sents]
    assert any(s.endswith("Hillsboro, Oregon.[1]") for s in sentences)
    assert any(s.startswith("Isidro Andrade-Tafolla") for s in sentences)
    assert not [e.text for e in doc.ents if MARK.fullmatch(e.text)]
    places = [(r["text"], r["kind"]) for r in location_rows("t", doc, segment_paragraphs(text))]
    assert ("Oregon", "state") in places
    mentions = [r["speaker_mention"] or "" for r in quote_rows("t", doc, segment_paragraphs(text))]
    assert mentions and not [m for m in mentions if MARK.search(m)]


def test_a_mark_between_a_full_stop_and_the_next_word_still_splits_them(nlp):
    doc = nlp("The van was engulfed in flames.[2]The crash killed one man.[3] Prosecutors noted it.")
    assert [s.text for s in doc.sents] == ["The van was engulfed in flames.[2]", "The crash killed one man.[3]",
                                           "Prosecutors noted it."]
    assert "flames" in [t.text for t in doc]
