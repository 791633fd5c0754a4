"""Speaker mentions as written: where a mention stops (relative clauses), on news-like sentences."""

from __future__ import annotations

import pytest

from analysis.quotes import quote_rows
from analysis.segment import segment_paragraphs


def _only_row(nlp, text: str) -> dict:
    rows = quote_rows("t", nlp(text), segment_paragraphs(text))
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(("text", "mention"), [
    # the relative clause holds the cue verb: the mention is its antecedent, not "…, which"
    ("The president kept up a stream of tweets, which said the election was being rigged against him.",
     "a stream of tweets"),
    ("The story was first published by the AP, which first reported that the emails had been deleted.", "the AP"),
    # parsed as an adverbial clause, the relative pronoun is the verb's subject: its antecedent speaks
    ("The figures came from the Chicago Police Department which reported 2,521 shooting incidents in the city "
     "this year.", "the Chicago Police Department"),
    ("The decision angered the families of the victims, many of whom say the law leaves them without recourse.",
     "the families of the victims"),
    # a relative clause set off by commas inside the subject is cut at its comma
    ("Michael Mulgrew, president of the United Federation of Teachers, which represents city educators, said the "
     "plan was flawed.", "Michael Mulgrew, president of the United Federation of Teachers"),
    ("In October, Mr. Paulson, who made billions of dollars on a bet against subprime mortgages, told investors "
     "that the fund would recover.", "Mr. Paulson"),
])
def test_speaker_mention_stops_before_a_relative_clause(nlp, text, mention):
    row = _only_row(nlp, text)
    assert row["speaker_mention"] == mention
    assert not row["speaker"].lower().endswith((" which", " who", " that", " of"))
    assert text[row["speaker_start"]:row["speaker_end"]] == mention


@pytest.mark.parametrize(("text", "mention"), [
    ("The mayor is a lawyer who said the budget was too small.", "The mayor"),
    # HuffPost's editor's note (PolNeAR, 17 articles): the speaker had been "rampant xenophobe, racist, … birther"
    ("Editor's note: John Smith regularly incites violence and is a serial liar, bigot and bully who has "
     "repeatedly pledged to ban all tourists from the city.", "John Smith"),
    # a name after the copula, or a subject that is no one, keeps the noun the clause hangs on
    ("The wild card is Smith, who has said he will run.", "Smith"),
    ("This is a man who said he would never lie.", "a man"),
])
def test_who_after_what_someone_is_stands_for_that_someone(nlp, text, mention):
    assert _only_row(nlp, text)["speaker_mention"] == mention


def test_the_one_thanked_by_name_is_no_speaker(nlp):
    """A bundled testimony opens "Chairwoman Sanchez, Ranking Member Cannon, … thank you for …": the parse made the
    two addressed the subject, and Sanchez a source of the article. A subject that thanks keeps its speaker."""
    assert _only_row(nlp, "Chairman Smith, Ranking Member Jones, thank you for the chance to testify today.")[
        "speaker"] is None
    assert _only_row(nlp, "Smith, 58, thanked the crowd for coming.")["speaker"] == "Smith"


def test_a_restrictive_clause_that_does_not_hold_the_cue_stays(nlp):
    text = "A 2014 study that appeared in the British Medical Journal found that the drug reduced deaths."
    row = _only_row(nlp, text)
    assert row["speaker_mention"] == "A 2014 study that appeared in the British Medical Journal"


def test_a_mention_closes_its_bracket_and_the_speaker_drops_it(nlp):
    """Bundled releases: "Rep. Luis V. Gutierrez (D-IL) announced" had the mention "… (D-IL" and "Immigration and
    Customs Enforcement (ICE) said" the speaker "Immigration and Customs Enforcement (ICE"."""
    row = _only_row(nlp, "Rep. Luis V. Gutierrez (D-IL) announced today that he would bring a father to the speech.")
    assert row["speaker_mention"] == "Rep. Luis V. Gutierrez (D-IL)" and row["speaker"] == "Luis V. Gutierrez"
    row = _only_row(nlp, "Immigration and Customs Enforcement (ICE) said it would review the case.")
    assert row["speaker_mention"] == "Immigration and Customs Enforcement (ICE)"
    assert row["speaker"] == "Immigration and Customs Enforcement" and row["speaker_type"] == "government"


@pytest.mark.parametrize(("text", "mention", "speaker"), [
    # a release's dateline the parse made the subject: the speaker is after the dash
    ("Washington, DC – Congressman Tim Ryan (D-OH) announced his intention to leave his guest seat vacant.",
     "Congressman Tim Ryan (D-OH)", "Tim Ryan"),
    ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey said Hillary Clinton should be prosecuted.",
     "Former Attorney General Michael Mukasey", "Michael Mukasey"),
    # a dash-set aside after the subject is no part of it
    ("Every significant legal expert -- including the former Republican Chairman of the House Judiciary Committee "
     "-- agrees that the President can act.", "Every significant legal expert", "Every significant legal expert"),
])
def test_a_mention_never_spans_a_dash(nlp, text, mention, speaker):
    row = _only_row(nlp, text)
    assert row["speaker_mention"] == mention and row["speaker"] == speaker


def test_the_subject_after_an_aside_closed_by_a_dash_is_a_party_description(nlp):
    """PolNeAR train: "In the letter - addressed to …, Channing D. Phillips - the Utah Republican asks": the speaker
    is the Utah Republican, the chairman named before, not the letter's addressee nor the party."""
    text = ("House Oversight Committee Chairman Jason Chaffetz on Tuesday requested another investigation. In the "
            "letter - addressed to the U.S. attorney for the District of Columbia, Channing D. Phillips - the Utah "
            "Republican asks for an investigation to determine whether \"Secretary Clinton or her employees violated "
            "statutes that prohibit destruction of records.\"")
    rows = quote_rows("t", nlp(text), segment_paragraphs(text))
    row = next(r for r in rows if r["cue"].startswith("asks"))
    assert row["speaker_mention"] == "the Utah Republican" and row["speaker"] == "Jason Chaffetz"


def test_a_speaker_after_a_quotation_is_the_whole_name_its_title_opens(nlp):
    """For a second cue that the parse left without a subject ("…, not even needing to mention …"), the speaker is
    the name between the quotation and the cue, whole: "Mr. Harlan", not the title "Mr." alone."""
    text = "“We will win this again,” Mr. Harlan said, not even needing to mention the rival he had beaten twice."
    rows = quote_rows("t", nlp(text), segment_paragraphs(text))
    mentioned = next(r for r in rows if r["cue"] == "mention")
    assert (mentioned["speaker_mention"], mentioned["speaker"], mentioned["speaker_type"]) == (
        "Mr. Harlan", "Harlan", "person")


def test_a_date_is_no_speaker(nlp):
    """Where the parse leaves a cue's subject to be guessed, a date beside it is not the speaker: the person the
    clause describes says it ("…, tweeted on Friday to say …"), and "which" after "in March" is what the sentence's
    verb acted on."""
    text = ("Ann Cole, who is running for the state senate, tweeted on Friday to say she had never backed the tax. "
            "The council released its audit in March, which showed the deficit had doubled.")
    rows = quote_rows("t", nlp(text), segment_paragraphs(text))
    speakers = {r["cue"]: r["speaker"] for r in rows}
    assert speakers == {"say": "Ann Cole", "showed": "its audit"}
