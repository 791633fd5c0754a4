"""Sentiment toward a named person: the shipped model, the entities-stage helper and the evaluation."""

from __future__ import annotations

import pytest

from analysis.target_sentiment import LABELS, person_sentiment_rows, score_target, target_sentiment
from tests.conftest import shared_path


def _score(sentence: str, target: str):
    start = sentence.index(target)
    return score_target(sentence, start, start + len(target))


def test_model_loads_and_orders_clear_examples():
    negative = _score("Critics slammed Trump for his disastrous, dishonest handling of the crisis.", "Trump")
    neutral = _score("Cruz spoke to reporters in Iowa on Tuesday.", "Cruz")
    positive = _score("Obama was widely praised for his courageous and inspiring leadership.", "Obama")
    assert (negative.label, neutral.label, positive.label) == ("negative", "neutral", "positive")
    assert negative.score < neutral.score < positive.score
    assert abs(sum(positive.probabilities.values()) - 1.0) < 1e-6
    assert set(positive.probabilities) == set(LABELS)


def test_target_matters_not_only_the_sentence():
    sentence = "Warren praised the bill, while critics attacked Cruz as a dishonest opportunist."
    warren = target_sentiment(sentence, 0, len("Warren"))
    start = sentence.index("Cruz")
    cruz = score_target(sentence, start, start + 4)
    assert cruz.label == "negative"
    assert warren != "negative" or cruz.score < _score(sentence, "Warren").score


def test_person_sentiment_rows_on_the_seed(seed_doc, seed_text):
    from analysis.entities import entity_rows
    from analysis.schema import TABLES
    from analysis.segment import segment_paragraphs
    from analysis.sentences import sentence_rows

    paragraphs = segment_paragraphs(seed_text)
    sentences = sentence_rows("seed", seed_doc, paragraphs)
    entities = entity_rows("seed", seed_doc, paragraphs, [s["start"] for s in sentences])
    rows = person_sentiment_rows(entities, sentences)
    assert len(rows) == len(entities)
    assert all(set(r) == set(TABLES["entities"].column_names) for r in rows)
    people = [r for r in rows if r["label"] == "PERSON"]
    assert people, "the seed article names people (Trump, Noem, Kennedy)"
    for row in rows:
        if row["label"] == "PERSON":
            assert row["target_sentiment"] in LABELS and -1.0 <= row["target_sentiment_score"] <= 1.0
        else:
            assert row["target_sentiment"] is None and row["target_sentiment_score"] is None


def test_sentiment_evaluation_on_a_slice():
    from analysis.evaluation.sentiment import evaluate, format_report

    result = evaluate(shared_path("gold", "sentiment", "newsmtsc_dev_rw.jsonl"), limit=60)
    assert result["rows"] == 60
    assert 0.0 < result["model"]["macro_f1"] <= 1.0
    assert "macro-F1" in format_report(result)


@pytest.mark.parametrize("name", ["newsmtsc_dev_rw.jsonl"])
def test_model_beats_the_lexicon_baseline_on_dev(name):
    from analysis.evaluation.sentiment import evaluate

    result = evaluate(shared_path("gold", "sentiment", name), limit=None)
    assert result["model"]["macro_f1"] >= 0.60
    assert result["model"]["macro_f1"] > result["baseline_vader_sentence"]["macro_f1"] + 0.05
