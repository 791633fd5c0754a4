"""One name per source across articles, for charts of who is quoted."""

from __future__ import annotations

import pandas as pd

from analysis.corpus_names import corpus_names, corpus_speakers, name_key


def _sources(rows: list[tuple[str, str, str, list[str], int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "source", "source_type", "aliases", "n_quotes"])


# as the sample's releases name them (public domain): one person, one agency, one patrol, several spellings
SAMPLE = _sources([
    ("a1", "Luis V. Gutierrez", "person", ["Rep. Luis V. Gutierrez (D-IL"], 6),
    ("a2", "Luis V. Gutiérrez", "person", ["Rep. Gutiérrez", "He"], 4),
    ("a3", "U.S. Immigration and Customs Enforcement", "government", ["ICE", "the agency"], 4),
    ("a4", "ICE", "government", ["ICE"], 8),
    ("a5", "Immigration and Customs Enforcement", "government", ["Immigration and Customs Enforcement (ICE"], 3),
    ("a6", "United States Border Patrol", "government", ["The Border Patrol"], 2),
    ("a7", "U.S. Border Patrol", "government", ["U.S. Border Patrol"], 3),
    ("a8", "Donald S. Beyer Jr.", "person", ["Rep. Beyer"], 2),
    ("a9", "Donald Beyer", "person", ["Beyer"], 1),
    ("a1", "anonymous official", "anonymous", ["a senior official"], 2),
    ("a2", "anonymous official", "anonymous", ["officials"], 1),
    ("a3", "Henry Cuellar", "person", ["Rep. Cuellar"], 3),
    ("a4", "Martin Cuellar", "person", ["Sheriff Cuellar"], 1),
])


def test_spellings_of_one_source_share_one_name():
    names = corpus_names(SAMPLE)
    assert names["Luis V. Gutiérrez"] == names["Luis V. Gutierrez"]
    assert names["United States Border Patrol"] == names["U.S. Border Patrol"]
    assert names["Donald Beyer"] == names["Donald S. Beyer Jr."]


def test_an_acronym_joins_the_body_it_stands_for_under_the_full_name():
    names = corpus_names(SAMPLE)
    assert {names[n] for n in ("ICE", "Immigration and Customs Enforcement",
                               "U.S. Immigration and Customs Enforcement")} == {
        "U.S. Immigration and Customs Enforcement"}


def test_different_people_and_generic_sources_stay_apart():
    names = corpus_names(SAMPLE)
    assert names["Henry Cuellar"] != names["Martin Cuellar"]
    assert names["anonymous official"] == "anonymous official"
    assert name_key("a senior official", "anonymous") is None


def test_an_acronym_two_bodies_claim_is_left_alone():
    sources = _sources([
        ("a1", "Immigration and Customs Enforcement", "government", ["ICE"], 2),
        ("a2", "Institute of Civil Engineers", "organization", ["ICE"], 1),
        ("a3", "ICE", "government", ["ICE"], 5),
    ])
    names = corpus_names(sources)
    assert names["ICE"] == "ICE"
    assert names["Institute of Civil Engineers"] != names["Immigration and Customs Enforcement"]


def test_share_of_voice_counts_one_source_once():
    quotes = pd.DataFrame({"speaker": ["ICE", "U.S. Immigration and Customs Enforcement", "Luis V. Gutiérrez",
                                       "Luis V. Gutierrez", None]})
    counts = corpus_speakers(quotes, SAMPLE).value_counts()
    assert counts["U.S. Immigration and Customs Enforcement"] == 2 and counts.sum() == 4
