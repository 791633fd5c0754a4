"""Question-and-answer interviews: the answers are quotes of the one interviewed, the questions are not quotes."""

from __future__ import annotations

import json

from analysis.quotes import quote_rows
from analysis.segment import segment_paragraphs
from tests.conftest import shared_path

INTERVIEW = """The Harbour Gazette interviews marine biologist Dana Whitfield about the reef survey

Dana Whitfield has spent a decade counting fish on the northern reefs. She spoke to the Gazette last week.

How did the survey begin?

We started with two divers and a borrowed boat. I wanted to know whether the reef was recovering.

The council later paid for a second boat, and the work got faster.

What did you find?

The coral is growing back on the eastern side. My colleague Tom Reyes says the western side needs another five years.

Will you go back next year?

Yes, if the funding holds.
"""


def _rows(nlp, text: str) -> list[dict]:
    return quote_rows("t", nlp(text), segment_paragraphs(text))


def _paragraph_text(text: str, row: dict) -> str:
    return text[row["start"]:row["end"]]


def test_each_answer_is_a_direct_quote_of_the_interviewee(nlp):
    """Every paragraph between a question and the next is the interviewee's answer, named from the headline; the
    questions are no quotes, and what the interviewee reports inside an answer is no quote of its own."""
    rows = _rows(nlp, INTERVIEW)
    answers = [r for r in rows if r["speaker"] == "Dana Whitfield"]
    assert [_paragraph_text(INTERVIEW, r)[:20] for r in answers] == [
        "We started with two ", "The council later pa", "The coral is growing", "Yes, if the funding "]
    assert all(r["kind"] == "direct" and r["cue"] is None and r["speaker_type"] == "person" for r in answers)
    assert all(r["speaker_mention"] == "Dana Whitfield" for r in answers)
    assert not any(r["text"].endswith("?") for r in rows)
    assert len(rows) == len(answers)  # no "I wanted to know …" or "Tom Reyes says …" row inside an answer


def test_an_interviewee_named_in_the_lead(nlp):
    """A headline that names no one: the lead's "spoke with" names the interviewee."""
    text = INTERVIEW.replace("interviews marine biologist Dana Whitfield about", "on").replace(
        "She spoke to the Gazette last week.", "The Gazette spoke with Dana Whitfield last week.")
    speakers = {r["speaker"] for r in _rows(nlp, text)}
    assert speakers == {"Dana Whitfield"}


def test_answers_need_one_interviewee_named(nlp):
    """Answers are credited to the one person an interview cue names, not to one of two people interviewed together,
    nor to anyone when no cue names the interviewee."""
    assert {r["speaker"] for r in _rows(nlp, INTERVIEW) if r["cue"] is None} == {"Dana Whitfield"}
    together = INTERVIEW.replace("Dana Whitfield about", "Dana Whitfield and Tom Reyes about")
    assert not any(r["cue"] is None and r["speaker"] for r in _rows(nlp, together))
    unnamed = INTERVIEW.replace("interviews marine biologist Dana Whitfield about", "on")
    assert not any(r["cue"] is None and r["speaker"] for r in _rows(nlp, unnamed))


def test_questions_in_a_news_story_make_no_interview(nlp):
    """A report that asks questions and answers them in its own words is no Q&A, even when it mentions an
    interview; under a headline that names an interviewee, the same paragraphs are answers."""
    story = ("Mayor Ann Cole told reporters in an interview that the budget was balanced.\n\n"
             "Is it?\n\n"
             "The council's own figures show a gap of $4 million.\n\n"
             "Who pays for it?\n\n"
             "Taxpayers will, in the end.\n")
    assert not any(r["cue"] is None and r["speaker"] for r in _rows(nlp, story))
    interview = "The Gazette interviews Mayor Ann Cole\n\n" + story.split("\n\n", 1)[1]
    assert [r["speaker"] for r in _rows(nlp, interview) if r["cue"] is None] == ["Ann Cole", "Ann Cole"]


def test_the_cue_and_the_questions_come_early(nlp):
    """The interviewee is named in the first paragraphs and the questions start soon after: a cue further down (a
    live blog's "answered") or questions after a long article (readers' comments under an op-ed) make no Q&A."""
    news = [f"Paragraph {n} of the council story reports on the budget vote." for n in range(1, 6)]
    qa = ["Is the budget balanced?", "It is, for this year.", "What about next year?", "We will see."]
    early = "\n\n".join(["Ann Cole answered questions from readers.", *news[:2], *qa]) + "\n"
    assert [r["speaker"] for r in _rows(nlp, early) if r["cue"] is None] == ["Ann Cole", "Ann Cole"]
    late_cue = "\n\n".join([*news, "Ann Cole answered questions from readers.", *qa]) + "\n"
    assert not any(r["cue"] is None and r["speaker"] for r in _rows(nlp, late_cue))
    late_questions = "\n\n".join(["The Gazette interviews Ann Cole", *news, *news, *news, *qa]) + "\n"
    assert not any(r["cue"] is None and r["speaker"] for r in _rows(nlp, late_questions))


def test_the_interview_evaluation_counts_answer_paragraphs(tmp_path, nlp):
    """`analysis eval interviews` reads the texts beside the gold of speaker turns and counts each answer paragraph
    quoted with its speaker; the interviewer is the one whose turns end with "?"."""
    from analysis.evaluation.interviews import evaluate

    answer = INTERVIEW.index("We started")
    turns = [{"speaker": "Gazette", "start": INTERVIEW.index("How did"), "end": answer - 2},
             {"speaker": "DanaWhitfield", "start": answer, "end": INTERVIEW.index("What did") - 2},
             {"speaker": "Gazette", "start": INTERVIEW.index("What did"), "end": INTERVIEW.index("The coral") - 2}]
    (tmp_path / "talks.jsonl").write_text(json.dumps({"id": "d1", "text": INTERVIEW}) + "\n", encoding="utf-8")
    gold = tmp_path / "talks_gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "speaker_turns": turns}) + "\n", encoding="utf-8")
    result = evaluate(gold)
    assert (result["answer_paragraphs"], result["right_speaker"], result["rows_in_questions"]) == (2, 2, 0)


def test_wikinews_interviews_credit_their_interviewees():
    """On GUM's 19 Wikinews interviews (hand-labelled speaker turns), most answer paragraphs are quoted with the
    right speaker and most quotes inside answers are the interviewee's (before Q&As were read: none, and 7 %)."""
    from analysis.evaluation.interviews import evaluate

    result = evaluate(shared_path("corpora", "text", "wikinews_gum_interviews_gold.jsonl"))
    assert result["failed"] == []
    assert result["recall"] >= 0.4
    assert result["row_accuracy"] >= 0.7
