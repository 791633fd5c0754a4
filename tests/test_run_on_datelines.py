"""A dateline run on from a title on the same line, as press releases saved to text have it."""

from __future__ import annotations

from analysis.quotes import quote_rows
from analysis.readers import read_file
from analysis.segment import segment_paragraphs
from tests.conftest import PROJECT


def _release_with(needle: str) -> str:
    path = PROJECT / "data" / "raw" / "congress_releases.jsonl"
    [text] = [a.text for a in read_file(path, str(path), path.read_bytes()) if needle in a.text]
    return text


def test_a_run_on_dateline_starts_the_body_s_first_sentence(nlp):
    """A bundled release's subtitle ran into "WASHINGTON, DC – Today, U.S. Representative Norma J. Torres …": the
    title and the first sentence were one, and what Torres "questions" ended in "… southwest border WASHINGTON, DC"."""
    text = _release_with("southwest border WASHINGTON, DC")
    doc = nlp(text)
    assert any(s.text.startswith("WASHINGTON, DC – Today, U.S. Representative Norma J. Torres") for s in doc.sents)
    row = next(r for r in quote_rows("t", doc, segment_paragraphs(text)) if r["cue"] == "questions")
    assert row["text"].endswith("the nation’s southwest border")


def test_a_place_after_a_preposition_is_no_dateline(nlp):
    """PolNeAR train: "… a forest preserve in Belize and a restaurant in Roanoke, Va. - a "philanthropub" …"."""
    doc = nlp('They bought a forest preserve in Belize and a restaurant in Roanoke, Va. - a "philanthropub" that '
              "was new.")
    assert len(list(doc.sents)) == 1
