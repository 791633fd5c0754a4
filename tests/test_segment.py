"""Paragraph kinds and photo credits, checked against the seed article's hand annotation."""

from __future__ import annotations

from analysis.analyse import analyse_articles
from analysis.article import Article
from analysis.segment import parse_form, segment_paragraphs


def test_every_seed_paragraph_gets_its_gold_kind(seed_text, seed_gold):
    found = {p.index: p.kind for p in segment_paragraphs(seed_text)}
    expected = {index: kind for kind, indexes in seed_gold["paragraph_kinds"].items() if kind != "blank"
                for index in indexes}
    assert found == expected


def test_both_photo_credits_are_recorded_without_parentheses(seed_text, seed_gold):
    credits = {p.index: seed_text[p.credit_start:p.credit_end] for p in segment_paragraphs(seed_text)
               if p.credit_start is not None}
    assert credits == {c["paragraph"]: c["text"] for c in seed_gold["photo_credits"]}


def test_paragraph_offsets_index_into_the_text_without_surrounding_spaces():
    text = "Title Of The Story\n\n  By Jane Doe, Reuters  \nThe mayor said the bridge would reopen in May.\n"
    paragraphs = segment_paragraphs(text)
    assert [(p.index, p.kind, text[p.start:p.end]) for p in paragraphs] == [
        (0, "heading", "Title Of The Story"),
        (2, "byline", "By Jane Doe, Reuters"),
        (3, "body", "The mayor said the bridge would reopen in May."),
    ]


def test_body_sentence_ending_in_parenthesised_party_is_not_a_caption():
    text = "The bill was introduced by Senator John Cornyn (R-TX)."
    assert segment_paragraphs(text)[0].kind == "body"


def test_a_caption_with_a_labelled_credit():
    """Wikinews and many sites credit a photo after its caption with a label ("Image: Danny Newman.", "Photo; AP"):
    the paragraph is a caption, the credit its name; a sentence that only says "Photo:" in lower case stays body."""
    text = ("Ants on a cicada in Bolivia. Image: Danny Newman.\n"
            "The owner shows the drink at the bar. (2012). Image; Pacific Standard, provided by the owners.\n"
            "She said the photo was fine. Photo: it was not.")
    paragraphs = segment_paragraphs(text)
    assert [p.kind for p in paragraphs] == ["caption", "caption", "body"]
    assert [text[p.credit_start:p.credit_end] for p in paragraphs[:2]] == [
        "Danny Newman", "Pacific Standard, provided by the owners"]


def test_related_article_kicker_and_standalone_credit():
    text = "READ MORE: Mayor resigns after budget row\n(AP Photo/Evan Vucci)\nPublished March 3, 2025 10:02am EST"
    assert [p.kind for p in segment_paragraphs(text)] == ["teaser", "credit", "dateline"]


def test_a_short_quotation_in_typewriter_marks_is_body_not_a_heading():
    """The New York Times archive closes quotations with two apostrophes; such a paragraph is a quote to read."""
    text = "''I don't think the industry is over,'' she said. ''I think it's just changing.''\nA Short Heading"
    assert [p.kind for p in segment_paragraphs(text)] == ["body", "heading"]


def test_a_line_closing_a_quotation_in_straight_single_marks_is_body_not_a_heading():
    """A headline written as a sentence ("… was an 'intentional act.'") reports a statement: it is read for quotes."""
    text = "Mayor says the blast was an 'intentional act.'\nA Short Heading"
    assert [p.kind for p in segment_paragraphs(text)] == ["body", "heading"]


def test_a_writers_sign_off_is_a_byline_not_a_quotation(nlp):
    """PolNeAR dev (Breitbart): a transcript whose paragraphs each open with a quotation mark ends with
    '"Follow Pam Key on Twitter @pamkeyNEN."', which had been read as a direct quote."""
    from analysis.quotes import quote_rows

    text = ('"PENCE: And that’s why Donald Trump is on his way to the White House.\n\n'
            '"Follow Pam Key on Twitter @pamkeyNEN."')
    paragraphs = segment_paragraphs(text)
    assert [p.kind for p in paragraphs][-1] == "byline"
    assert not any("Pam Key" in r["text"] for r in quote_rows("t", nlp(text), paragraphs))


# A hard-wrapped wire story (written for this test): lines cut near 60 characters, paragraphs opened by an indent.
WRAPPED = (
    "Acme Tools Inc said on Tuesday that it expects its 1988 sales\n"
    "to rise about 20 pct to 45 mln dlrs, helped by new orders from\n"
    "hardware chains in the Midwest and the South.\n"
    "     Chief executive Ann Reyes told analysts at a meeting in\n"
    "Chicago, \"we have never had a stronger order book than we have\n"
    "going into this spring.\"\n"
    "     The company said it would open a second plant in Ohio by\n"
    "the end of the year and hire about 200 workers there.\n"
)


def test_a_hard_wrapped_text_is_read_as_paragraphs_of_lines():
    """Lines cut at a fixed width make one paragraph; an indented line opens the next. A text of one paragraph per
    line (the seed article, the bundled sample) keeps one paragraph per line."""
    paragraphs = segment_paragraphs(WRAPPED)
    assert [(p.index, p.kind) for p in paragraphs] == [(0, "body"), (3, "body"), (6, "body")]
    assert WRAPPED[paragraphs[1].start:paragraphs[1].end].startswith("Chief executive Ann Reyes told")
    assert WRAPPED[paragraphs[1].start:paragraphs[1].end].endswith("going into this spring.\"")
    form = parse_form(WRAPPED)
    assert len(form) == len(WRAPPED) and form.count("\n") == 3  # the breaks between paragraphs stay


def test_a_quotation_over_wrapped_lines_is_one_quote_with_its_speaker(nlp):
    [(article, rows)] = list(analyse_articles([Article("wire.txt", WRAPPED)], nlp))
    said = [q for q in rows["quotes"] if q["kind"] == "direct"]
    assert len(said) == 1 and said[0]["speaker"] == "Ann Reyes"
    assert said[0]["text"].startswith("we have never had a stronger order book")


def test_a_company_s_name_tag_and_ticker_do_not_become_its_speaker(nlp):
    """Reuters-21578 writes "<Spectrum Concepts Inc> said" and "CSR Ltd <CSRA.S> said": the company is the source,
    named without brackets or ticker, not the closing bracket the parser had made the subject."""
    text = ("<Spectrum Tools Inc> said it unveiled a new product on Monday.\n\nAcme Ltd <ACME.S> said it would sell "
            "its steel unit.")
    [(article, rows)] = list(analyse_articles([Article("wire.txt", text)], nlp))
    assert {q["speaker"] for q in rows["quotes"]} == {"Spectrum Tools Inc", "Acme Ltd"}
