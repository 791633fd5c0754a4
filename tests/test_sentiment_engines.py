"""The faster sentiment code gives the libraries' scores exactly, and the lazily read gazetteer the eager one's."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.lexicon_sentiment import pattern_scores, vader_compound
from analysis.sentiment import _pieces
from tests.conftest import PROJECT

EDGE_CASES = [
    "", " ", "!!!", "Not bad at all", "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "At least it isn't a horrible book.",
    "The book was only kind of good.", "never so good", "without doubt great", "no no good", "not very good",
    "not a good movie (!) ", "I'm not really not good", "It's really not bad!!", "the shit is the bomb",
    "kind of good, sort of bad", "at least good", "very least good", "He isn't happy. She wasn't sad.",
    "e.g. U.S. Mr. good etc. ...great... ?!", "“Great,” he said. ‘Bad’ she said", "\n\nHeading\n\nGood day",
    "'s 'd n't 'll GOOD Good good", "<3 ♥ :-D :( :'( XD 8-)", "cut the mustard", "bad ass badass yeah right",
    "no or nor bad", "I don't not like it", "hardly good; barely bad", "😁😁good😁 bad", "GOOD BAD",
    "good!!!!!! bad????", "terribly nice", "a o . O b", "\"Fine\" and \"good\"", "(D-Calif.) said it is great.",
]


def _sample_texts() -> list[str]:
    texts = []
    for path in sorted((PROJECT / "data" / "raw" / "congress").glob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8")
        texts += [line for line in text.splitlines() if line.strip()] + _pieces(text)
        words = text.split(" ")
        texts += [" ".join(words[k:k + 9]) for k in range(0, min(len(words), 600), 5)]
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return EDGE_CASES + _sample_texts()


def test_pattern_scores_are_textblobs(texts):
    from textblob import TextBlob
    from textblob.en.sentiments import PatternAnalyzer

    analyser = PatternAnalyzer()
    for text in texts:
        expected = analyser.analyze(text)
        assert pattern_scores(text) == (expected.polarity, expected.subjectivity), text
        assert pattern_scores(text)[0] == TextBlob(text).sentiment.polarity, text


def test_vader_compound_is_vaders(texts):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    for text in texts:
        assert vader_compound(text) == analyser.polarity_scores(text)["compound"], text


def test_scoring_does_not_import_nltk():
    code = ("import sys; from analysis.sentiment import score_sentiment; score_sentiment('Not bad at all!'); "
            "print('nltk' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_name_keys_are_name_key():
    from analysis.gazetteer import name_key, name_keys

    names = ["  the  Saint-Louis ", "St. Paul", "Ünïcode & Co", "İstanbul", "ﬁve", "a\t-\nb", "The", "the ", "",
             "x-", "-x", "O’Hare", "Washington, D.C.", "a\x00b", "\u2028a\u2029", "Σίσυφος", "Hà Nội"]
    assert name_keys(names) == [name_key(n) for n in names]
    assert name_keys([n for n in names if "\x00" not in n]) == [name_key(n) for n in names if "\x00" not in n]
    assert name_keys([]) == []


def test_gazetteer_places_are_made_once_per_row():
    from analysis.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    paris = gazetteer.lookup("Paris")
    assert paris and paris[0].country == "FR"
    assert gazetteer.lookup("paris") is paris  # one tuple per key
    texas = [p for p in paris if p.admin1 == "Texas"]
    assert texas and any(p is texas[0] for p in gazetteer.by_key["paris"])
    assert gazetteer.states["Texas"] is gazetteer.lookup("Texas")[0]
    assert "no such place zz" not in gazetteer.by_key and gazetteer.lookup("no such place zz") == ()
    assert gazetteer.by_key.get("no such place zz") is None
    with pytest.raises(KeyError):
        gazetteer.by_key["no such place zz"]
    us = gazetteer.lookup("U.S.")
    assert us[0] is gazetteer.preferred["us"] and us[0].kind == "country"
