"""Quote rules on news-like paragraphs: what a cue after a quoted sentence takes, continuations, describing verbs."""

from __future__ import annotations

from analysis.cues import cue_lexicon
from analysis.quotes import quote_rows
from analysis.readers import read_file
from analysis.segment import segment_paragraphs
from tests.conftest import PROJECT


def _rows(nlp, text: str) -> list[dict]:
    return quote_rows("t", nlp(text), segment_paragraphs(text))


def _row(nlp, text: str, cue: str) -> dict:
    """The first quote of ``text`` with this cue."""
    return next(r for r in _rows(nlp, text) if r["cue"] == cue)


def _texts_by_cue(nlp, text: str) -> dict[str, str]:
    """What each cue of ``text`` reports (the last quote of a cue written twice)."""
    return {r["cue"]: r["text"] for r in _rows(nlp, text)}


def _fragments(row: dict, text: str) -> list[str]:
    return [text[f["start"]:f["end"]] for f in row["fragments"]]


def test_a_cue_after_a_quoted_sentence_keeps_its_own_content(nlp):
    """“….” She noted …: the quotation goes on from the quote before it, the new sentence is its own statement."""
    text = ("“I completely disagree with the assertion that there is any disadvantage,” she said. “We feel good "
            "about the areas we’re going to and the time we’re able to spend in all areas of the state.” She noted a "
            "planned rally on Saturday in Sioux City.")
    rows = _rows(nlp, text)
    said = next(r for r in rows if r["cue"] == "said")
    assert said["kind"] == "direct" and len(said["fragments"]) == 2
    assert _fragments(said, text)[1].startswith("We feel good")
    noted = next(r for r in rows if r["cue"] == "noted")
    assert noted["kind"] == "indirect" and noted["text"].startswith("a planned rally")


def test_a_quotation_after_an_indirect_statement_makes_it_mixed(nlp):
    text = ("“She has two opportunities now to set expectations for a rate hike,” said Megan Greene, chief economist "
            "at Manulife. Greene added that the Fed very much wants to get out of the way before the election. “They "
            "don’t like to talk about it, but I think they will be moving for political reasons.”")
    rows = _rows(nlp, text)
    added = next(r for r in rows if r["cue"] == "added")
    assert added["kind"] == "mixed"
    assert added["text"].startswith("that the Fed") and added["text"].endswith("political reasons.")
    assert next(r for r in rows if r["cue"] == "said")["kind"] == "direct"


def test_describe_reports_its_object_and_as_phrase(nlp):
    text = "Mr. Guerrero described himself as a religious Catholic who had voted for Republicans all his life."
    (row,) = _rows(nlp, text)
    assert row["kind"] == "indirect" and row["cue"] == "described"
    assert row["text"].startswith("himself as a religious Catholic")


def test_an_object_keeps_the_modifier_the_parse_hung_on_the_verb(nlp):
    text = "The singer announced a benefit concert in support of presidential candidate Bernie Sanders on Monday."
    (row,) = _rows(nlp, text)
    assert row["text"] == "a benefit concert in support of presidential candidate Bernie Sanders"


def test_asked_if_reports_the_question(nlp):
    text = "Reporters asked Clinton if she believed Putin wanted Trump to win the White House."
    (row,) = _rows(nlp, text)
    assert row["cue"] == "asked" and row["kind"] == "indirect"
    assert row["text"] == "if she believed Putin wanted Trump to win the White House"


def test_a_dateline_or_fronted_phrase_is_no_content(nlp):
    text = ("PORTLAND, Maine - On Friday morning, the third day of his New England swing, Trump told reporters.\n\n"
            "In a statement released shortly after the senator suspended his campaign, the chairman said.")
    assert _rows(nlp, text) == []


def test_the_words_before_a_cue_after_a_comma_are_its_content(nlp):
    text = "The economy is stronger than it was four years ago, the governor said on Tuesday."
    (row,) = _rows(nlp, text)
    assert row["kind"] == "indirect" and row["text"] == "The economy is stronger than it was four years ago"


def test_finding_oneself_is_not_speech(nlp):
    text = "The senator found himself embroiled in a controversy over his travel expenses."
    assert _rows(nlp, text) == []


def test_split_quote_joined_by_but(nlp):
    text = ("“You know, I love Larry,” he said, but “when it comes to energy issues, Larry has a history of "
            "representing fossil fuel industries.”")
    (row,) = _rows(nlp, text)
    assert row["kind"] == "direct" and len(row["fragments"]) == 2
    assert _fragments(row, text)[1].startswith("when it comes")


def test_a_short_quoted_sentence_right_after_the_cue_continues_the_quote(nlp):
    text = "“They sue,” he said. “Everybody sues, right?”"
    (row,) = _rows(nlp, text)
    assert [f.strip("”") for f in _fragments(row, text)] == ["They sue,", "Everybody sues, right?"]


def test_a_mixed_quote_ends_before_a_later_comment_of_the_writer(nlp):
    text = ("Trump took a heckler in stride, saying the person would “not get beat up” at his rally, a swipe at the "
            "recent disturbances at some of his events.")
    row = next(r for r in _rows(nlp, text) if r["kind"] == "mixed")
    assert row["text"] == "the person would “not get beat up” at his rally"


def test_according_to_inside_a_sentence_reports_the_sentence_around_it(nlp):
    text = ("Only one person was killed by a gun last year in Japan, according to the National Police Agency, and "
            "there were only eight incidents of a gun being fired.")
    (row,) = _rows(nlp, text)
    assert row["cue"] == "according to" and row["speaker"] == "National Police Agency"
    assert row["text"] == text.rstrip(".").replace(", according to the National Police Agency,", "")
    assert [f.split()[0] for f in _fragments(row, text)] == ["Only", "and"]


def test_according_to_without_a_comma_before_it_reports_the_clause_it_closes(nlp):
    """"X leads by 90 pledged delegates according to a count by the AP, but Y has vowed …": the count is the source
    of the lead, not of the vow; and "pledged delegates" is no pledge."""
    text = ("Going into the last contests, the governor leads the mayor by 90 pledged delegates according to a count "
            "by a local paper, but the mayor has vowed to fight on until the convention.")
    rows = _rows(nlp, text)
    according = next(r for r in rows if r["cue"] == "according to")
    assert according["text"].endswith("the governor leads the mayor by 90 pledged delegates")
    assert "pledged" not in {r["cue"] for r in rows}
    assert next(r for r in rows if r["cue"] == "vowed")["text"] == "to fight on until the convention"


def test_a_quotation_between_a_participle_and_its_borrowed_subject_is_its_content(nlp):
    text = "Asked whether Clinton “has the integrity to serve effectively as president,” 54 percent said no."
    rows = _rows(nlp, text)
    asked = next(r for r in rows if r["cue"] == "Asked")
    assert asked["kind"] == "mixed" and asked["text"].startswith("whether Clinton “has the integrity")
    said = next(r for r in rows if r["cue"] == "said")
    assert said["kind"] == "indirect" and said["text"] == "no"


def test_a_noun_phrase_after_an_inverted_cue_is_the_speaker(nlp):
    """“…?” asked the boy: the parser reads the speaker as the verb's object; it is who spoke, not what was said."""
    text = ("“How big is that wall?” asked the boy, who was wearing a campaign hat, as the audience laughed.\n\n"
            "“Are you kidding?” asked one woman in the crowd.")
    rows = _rows(nlp, text)
    asked = [r for r in rows if r["cue"] == "asked"]
    assert [(r["kind"], r["text"], r["speaker_mention"]) for r in asked] == [
        ("direct", "How big is that wall?", "the boy"), ("direct", "Are you kidding?", "one woman")]


def test_a_quoted_sentence_after_a_cue_sentence_without_content_is_its_quote(nlp):
    """“X agreed. “…”": the cue ends its sentence, the quotation that opens the next one is what was said; not when
    the cue sits inside another quote's attribution (“…,” Hooton said after Rubio spoke. “…”)."""
    text = ("The county's emergency manager agreed. \"We have never seen water this high on the river, and we "
            "are asking everyone to leave.\"\n\n"
            "\"We are ready for the storm,\" Hooton said after the governor spoke. \"Every shelter in the county "
            "is open tonight.\"")
    rows = _rows(nlp, text)
    agreed = next(r for r in rows if r["cue"] == "agreed")
    assert agreed["kind"] == "direct" and agreed["text"].startswith("We have never seen")
    said = next(r for r in rows if r["cue"] == "said")
    assert said["speaker_mention"] == "Hooton" and _fragments(said, text)[-1].startswith("Every shelter")


def test_what_a_sign_or_an_editorial_reads_is_quoted_only_in_quotation_marks(nlp):
    """"read" names what a sign, letter or editorial says, with quotation marks; "read the report" is no quote."""
    text = ("Outside the hall one sign read “Farmers for Fair Trade.”\n\n"
            "“The council has failed this city,” reads an editorial in the Gazette.\n\n"
            "She read the report on the plane.")
    rows = _rows(nlp, text)
    assert [(r["kind"], r["text"].strip("”,. ")) for r in rows if r["cue"] in ("read", "reads")] == [
        ("direct", "Farmers for Fair Trade"), ("direct", "The council has failed this city")]


def test_a_quoted_sentence_before_a_new_cue_sentence_goes_on_from_the_quote_before(nlp):
    """PolNeAR train (a blog post quoted in the New York Times): in “A,” he wrote. “B.” He added: “C.” B is the rest
    of what he wrote, not the first half of what he added."""
    text = ("“Let's make one thing clear right upfront,” he wrote. “If you get offended by ANYTHING in this post, "
            "that's your fault, all yours.” He added: “This latest brew ha ha is beyond hilarious. I didn't post "
            "that ugly picture.”")
    rows = _rows(nlp, text)
    wrote = next(r for r in rows if r["cue"] == "wrote")
    assert [f[:6] for f in _fragments(wrote, text)] == ["Let's ", "If you"]
    added = next(r for r in rows if r["cue"] == "added")
    assert _fragments(added, text) == [text[text.index("This latest"):text.rindex(".”") + 1]]


def test_an_adverbial_clause_before_the_cue_is_no_statement(nlp):
    """Words that only say when or how (an adverbial clause hung on the cue's clause) are not what was said."""
    text = ("Three weeks after the senator died, Justice Ellen Park broke a long silence by asking questions from the "
            "bench.")
    assert not any(r["text"].startswith("Three weeks") for r in _rows(nlp, text))
    text = ("And when she saw the governor talking about the plant on the news, all she could do was shout “Yes!” at "
            "the TV.")
    rows = _rows(nlp, text)
    assert [(r["kind"], r["text"]) for r in rows] == [("direct", "Yes!")]


def test_a_name_the_tagger_missed_after_an_inverted_cue_is_the_speaker(nlp):
    text = ("“Having access to the party’s voter file and two people who understand it is valuable,” said Skelly, "
            "explaining he worked closely with the data staff.")
    said = _row(nlp, text, "said")
    assert said["kind"] == "direct" and said["speaker_mention"] == "Skelly"
    assert said["text"].startswith("Having access")


def test_the_writers_relative_clause_closing_a_statement_is_not_said(nlp):
    text = ("The mayor said she is willing to be interviewed by the state police, which is conducting its own "
            "inquiry into the contract.")
    said = _row(nlp, text, "said")
    assert said["text"] == "she is willing to be interviewed by the state police"


def test_a_cue_inside_a_relative_clause_reports_the_whole_clause(nlp):
    text = "The district pointed to the bathroom policy, which critics said was unfair to transgender students."
    said = _row(nlp, text, "said")
    assert said["speaker_mention"] == "critics"
    assert said["text"] == "which was unfair to transgender students"  # without the attribution inside it


def test_a_statement_stops_before_a_cue_participle_after_a_comma(nlp):
    text = ("She said her father has been an advocate for workers in his company and would do the same as governor, "
            "saying that he supports paid leave and would change state law to make child care affordable.")
    rows = _rows(nlp, text)
    said = next(r for r in rows if r["cue"] == "said")
    assert said["text"].endswith("would do the same as governor")
    saying = next(r for r in rows if r["cue"] == "saying")
    assert saying["text"].startswith("that he supports paid leave")


def test_a_contrasting_clause_of_the_writers_closes_no_statement(nlp):
    text = ("He told reporters that he did not know whether the governor would endorse him, even as speculation was "
            "growing in the capital.")
    told = _row(nlp, text, "told")
    assert told["text"] == "that he did not know whether the governor would endorse him"
    text = ("Most council members said they would reluctantly support the budget, while emphasizing it is not an "
            "endorsement of the mayor.")
    rows = _rows(nlp, text)
    assert next(r for r in rows if r["cue"] == "said")["text"] == "they would reluctantly support the budget"
    assert next(r for r in rows if r["cue"] == "emphasizing")["text"] == "it is not an endorsement of the mayor"


def test_a_surveys_finding_is_its_object(nlp):
    rows = _rows(nlp, "A recent survey found 90 percent support for background checks.")
    assert [(r["cue"], r["text"]) for r in rows] == [("found", "90 percent support for background checks")]
    assert not _rows(nlp, "The candidate found a seat near the stage.")


def test_a_quoted_transcript_names_each_speaker_by_its_label(nlp):
    """A partial transcript whose paragraphs each open with a quotation mark and a speaker's label in capitals."""
    text = ("On Sunday's broadcast, Gov. Mike Pence said the tweet was only meant to mock the other campaign.\n\n"
            "Partial transcript as follows:\n\n"
            "\"WALLACE: If I may, sir, because we have got limited time. Will she be there?\n\n"
            "\"PENCE: She will not be attending the debate tomorrow night.\n\n"
            "\"(CROSSTALK.)\n\n"
            "\"WALLACE: Governor, I do not want to interrupt, but I want to try to get to one more question.")
    rows = [r for r in _rows(nlp, text) if r["cue"] != "said"]
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Wallace", ":"), ("Mike Pence", ":"), ("Wallace", ":")]
    assert rows[0]["text"].startswith("If I may") and rows[1]["text"].startswith("She will not")
    assert all(r["kind"] == "direct" for r in rows)


def test_a_mixed_quote_split_by_its_cue_takes_both_halves(nlp):
    text = ("Her record means “she must be doing something right,” the analyst says, “but I don’t know if I would "
            "vote for her.”")
    says = _row(nlp, text, "says")
    assert says["kind"] == "mixed" and len(says["fragments"]) == 2
    assert _fragments(says, text)[1].startswith("but I don’t know")


def test_a_paragraph_after_a_cue_that_closes_with_a_colon_is_what_it_reports(nlp):
    """A block quote whose marks the page set as indentation: "The governor added:" then the words, unmarked."""
    text = ("“She’s a disgrace,” the governor said on a radio show.\n\nThe governor added:\n\n"
            "It’s typical of the senator. She knows nothing about what happened in the state.\n\n"
            "The senator’s campaign did not respond.")
    added = _row(nlp, text, "added")
    assert added["kind"] == "indirect" and added["speaker_mention"] == "The governor"
    assert added["text"] == "It’s typical of the senator. She knows nothing about what happened in the state"


def test_a_speech_noun_with_an_owner_reports_its_clause_or_object(nlp):
    """"her claim that …", "his attacks on …": the owner is the source (a noun cue needs one)."""
    rows = _rows(nlp, "Officials rejected her claim that she never sent classified material.")
    claim = next(r for r in rows if r["cue"] == "claim")
    assert claim["speaker_mention"] == "her" and claim["text"] == "that she never sent classified material"
    rows = _rows(nlp, "The senator renewed his attacks on the nomination process at a rally on Friday.")
    assert [(r["cue"], r["text"]) for r in rows] == [("attacks", "the nomination process")]
    assert not _rows(nlp, "The claim that the bridge would close was never confirmed.")


def test_a_languages_label_before_a_quotation_is_no_speaker(nlp):
    """The bundled Gutierrez release (public domain): "Video excerpts: ENGLISH: “I created this toolkit …”". The
    label names the language; nobody in the text says the words ("Video" and "Link" are no speakers either).
    "Rep. English:" is a person."""
    path = PROJECT / "data" / "raw" / "congress_releases.csv"
    text = next(a.text for a in read_file(path, str(path), path.read_bytes()) if "Video excerpts: ENGLISH" in a.text)
    toolkit = [r for r in _rows(nlp, text) if "I created this toolkit" in r["text"]]
    assert toolkit == []
    text = "Rep. Phil English spoke first. Rep. English: “We have to fix this system before the summer recess.”"
    assert [r["speaker"] for r in _rows(nlp, text)] == ["Phil English"]


def test_the_circumstances_of_the_saying_are_not_what_was_said(nlp):
    """A phrase hung on the cue verb after its object that says when or where ("at a rally", "before …") is no part
    of the content; an amount is ("at 11 percent")."""
    assert _row(nlp, "The senator thanked supporters at a victory rally in his home state of Vermont.",
                "thanked")["text"] == "supporters"
    poll = _row(nlp, "A new poll showed Rubio in third at 11 percent.", "showed")
    assert poll["text"] == "Rubio in third at 11 percent"
    rows = _rows(nlp, "Sanders criticized the front-runner on foreign policy before also ripping his rival.")
    assert [(r["cue"], r["text"]) for r in rows] == [("criticized", "the front-runner on foreign policy"),
                                                    ("ripping", "his rival")]


def test_the_medium_of_a_saying_is_not_what_was_said(nlp):
    assert _row(nlp, "The mayor claimed victory in a tweet on Sunday night.", "claimed")["text"] == "victory"


def test_a_content_that_only_says_how_or_when_is_none(nlp):
    """"He complained, not wanting to alienate activists": the participle says why, not what he complained of."""
    assert not any(r["cue"] == "complained" for r in _rows(nlp, "He complained, not wanting to alienate activists."))


def test_an_aside_with_its_own_adjuncts_keeps_the_whole_sentence(nlp):
    """"The difference now, he told me on Friday, is …": the cue's own "me on Friday" belongs to the aside, and
    the content is the sentence around it."""
    text = ("The difference now, he told me on Friday, is that he is the anchor of a straight news program, which "
            "makes him seem kinder to Mr. Trump.")
    row = _row(nlp, text, "told")
    assert row["kind"] == "indirect" and row["speaker_mention"] == "he"
    assert _fragments(row, text) == ["The difference now", "is that he is the anchor of a straight news program"]


def test_a_one_word_subject_before_an_aside_is_content(nlp):
    """"Compaq, she predicted, would …": the noun is what the sentence is about; "But, he said, …" stays out."""
    text = "Compaq, she predicted, would come to them. But, Mr. Ryan said, the plan is dead."
    predicted = _row(nlp, text, "predicted")
    assert _fragments(predicted, text)[0] == "Compaq"
    said = _row(nlp, text, "said")
    assert _fragments(said, text) == ["the plan is dead."]


def test_an_aside_reaches_over_a_cue_inside_its_that_clause(nlp):
    """"The truth, the senator said then, was that Trump had attacked …": the reported clause is part of what the
    senator said, not a new attribution."""
    text = ("The truth, the senator said then, was that Trump had personally attacked his wife, Heidi, and his "
            "father, Rafael.")
    said = _row(nlp, text, "said")
    assert _fragments(said, text)[-1].endswith("his father, Rafael")


def test_an_aside_after_an_opening_adverb_reports_the_rest(nlp):
    """"Instead, Trump told CNN, his policy would …": the addressee belongs to the aside, the rest is what he said."""
    text = ("Donald Trump said Wednesday night that he doesn’t necessarily want to kill the families of terrorists."
            "\n\nInstead, Trump told CNN, his policy would merely be “to go after them” if he wins the White House.")
    row = _row(nlp, text, "told")
    assert row["kind"] == "mixed" and row["speaker_mention"] == "Trump"
    assert row["text"].startswith("his policy would merely be")


def test_an_inverted_speaker_the_parse_gave_to_a_participle(nlp):
    """"“…,” said retired neurosurgeon Ben Carson, asked about …": Carson said the quotation."""
    text = ("\"I'm not going to say it is a mistake, so forget about it,\" said retired neurosurgeon Ben Carson, asked "
            "about his claims that he had received a scholarship offer.")
    row = _row(nlp, text, "said")
    assert row["kind"] == "direct" and row["speaker_mention"].endswith("Ben Carson")
    assert row["text"].startswith("I'm not going to say it is a mistake")


def test_attribute_values_of_a_markup_tag_are_no_quotes(nlp):
    """A text export that kept an embedded tweet's tag: ``<tweet author="JebBush" timestamp="1449075600">`` holds
    no quotation; the quote after it is still found."""
    text = ('Candidates tweeted their reactions.\n\n<tweet pic="" author="realDonaldTrump" timestamp="1449075600" '
            'tweet_id="672152791717158917">California shooting looks very bad. This is when our police are so '
            'appreciated!</tweet>.\n\n<tweet pic="" author="JebBush" timestamp="1449075600" '
            'tweet_id="672153025243426816">Praying for the victims.</tweet>.\n\nLater Trump said "it was great."')
    rows = _rows(nlp, text)
    assert not any("JebBush" in r["text"] or "1449075600" in r["text"] for r in rows)
    assert any(r["kind"] == "direct" and r["text"].startswith("it was great") for r in rows)


def test_a_cue_verb_the_tagger_read_as_a_noun_still_reports(nlp):
    """"But Trump claims that he should be the exception": the tagger reads "claims" as a plural noun, though it
    has a subject and a clause as a verb has (PolNeAR dev)."""
    row = _row(nlp, "But Trump claims that he should be the exception.", "claims")
    assert row["kind"] == "indirect" and row["speaker_mention"] == "Trump"
    assert row["text"] == "that he should be the exception"


def test_a_that_clause_the_parse_hung_on_the_object_is_what_was_told(nlp):
    """"he told a meeting of Pacific Island leaders that few people understood …": the clause was parsed as a
    relative clause of "meeting" (PolNeAR dev)."""
    text = ("In Honolulu last week, he told a meeting of Pacific Island leaders that few people understood the stakes "
            "of climate change.")
    row = _row(nlp, text, "told")
    assert row["text"] == "that few people understood the stakes of climate change"


def test_words_the_parse_hung_inside_a_quotation_stay_with_the_speaker(nlp):
    """"“…,” Tulsa police Chief Chuck Jordan said Monday": the parse hung "Tulsa" on the quoted clause, which made
    the quote mixed with the speaker's first word in its content (PolNeAR dev)."""
    text = ("“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief Chuck "
            "Jordan said Monday.")
    row = _row(nlp, text, "said")
    assert row["kind"] == "direct" and row["speaker_mention"] == "Tulsa police Chief Chuck Jordan"
    assert row["text"].endswith("justice in this case,")


def test_a_mixed_quote_ends_before_the_circumstances_of_the_saying(nlp):
    """PolNeAR dev: "criticized the Affordable Care Act as a “crazy system” during a campaign stop", "blasted
    Clinton as a “disgrace” Wednesday on …", "likened the rules to "burning the Constitution" - a charge …": the
    content ends with the quotation; "when it comes to" still belongs to it."""
    text = ("Bill Clinton criticized the Affordable Care Act as a “crazy system” during a campaign stop in Flint. "
            "Ingraham blasted Clinton as a “disgrace” Wednesday on her show. Republicans likened the rules to "
            "\"burning the Constitution\" - a charge that might have stung. Sanders said that he had not done his "
            "''homework'' when it comes to Wall Street reform.")
    assert _row(nlp, text, "criticized")["text"] == "the Affordable Care Act as a “crazy system”"
    assert _row(nlp, text, "blasted")["text"] == "Clinton as a “disgrace”"
    assert _row(nlp, text, "likened")["text"] == "the rules to \"burning the Constitution\""
    said = _row(nlp, text, "said")["text"]
    assert said == "that he had not done his ''homework'' when it comes to Wall Street reform"


def test_an_instruction_is_no_attribution(nlp):
    """A bundled congressional letter: "Please number your responses according to their corresponding questions"
    had been a quote of "their corresponding questions"; "according to the police" still attributes."""
    text = ("Please number your responses according to their corresponding questions. Only one person was killed, "
            "according to the police.")
    rows = _rows(nlp, text)
    assert [r["speaker_mention"] for r in rows] == ["the police"]


def test_a_title_and_a_clause_of_no_one_are_no_quotes(nlp):
    """A bundled release: an article "entitled, “Top-level Turnover Makes it Harder for DHS …,”" had its title as a
    direct quote, and "this has been happening for “quite a number of years”" a quote of "this"."""
    text = ("Further, a recent Washington Post article entitled, “Top-level Turnover Makes it Harder for DHS to Stay "
            "on Top of Evolving Threats,” makes clear that Department of Homeland Security (DHS) employees in "
            "particular experience “abysmal morale” and that this has been happening for “quite a number of years.”")
    rows = _rows(nlp, text)
    assert not any(r["text"].startswith("Top-level") or r["speaker_mention"] == "this" for r in rows)


def test_an_as_aside_reports_the_sentence_around_it(nlp):
    """"The economy is strong, as Trump said on Monday" and "Yet, as Mr. Bown observed, …": "as" opens the cue's
    aside, so the rest of the sentence is what was said (PolNeAR dev and train)."""
    row = _row(nlp, "The economy is strong, as Trump said on Monday.", "said")
    assert row["kind"] == "indirect" and row["text"] == "The economy is strong"
    row = _row(nlp, "Yet, as Mr. Bown observed, in the early days the tariffs would be easy to impose.", "observed")
    assert row["speaker_mention"] == "Mr. Bown" and row["text"].endswith("would be easy to impose.")


def test_the_writer_s_appositive_after_a_name_closes_no_reported_speech(nlp):
    """PolNeAR train: the description after a name at the end of reported speech ("…, the founder of …") is the
    writer's note to the reader, like a relative clause; a list after a name stays ("Trump, Ben Carson, and …")."""
    text = ("The company announced it was changing its estimate of net worth for Elizabeth Holmes, the founder of the "
            "embattled blood-testing company Theranos.")
    assert _row(nlp, text, "announced")["text"] == "it was changing its estimate of net worth for Elizabeth Holmes"
    text = "He said he and Trump differ on Israel, the Iranian nuclear deal and the Supreme Court."
    assert _row(nlp, text, "said")["text"].endswith("the Supreme Court")


def test_what_a_speaker_spoke_or_warned_of_is_what_was_said(nlp):
    """PolNeAR dev (read from ../shared, not copied): "Mrs. Obama spoke of her early brainstorming discussions with
    the museum's director" reports what she said, as "complained about …" does; "accused of" does not."""
    import json

    from tests.conftest import shared_path

    with shared_path("polnear", "dev.jsonl").open(encoding="utf-8") as handle:
        text = next(r["text"] for r in map(json.loads, handle) if r["id"].startswith("nyt_2016-09-25_obama-says"))
    spoken = [r for r in _rows(nlp, text) if r["cue"] == "spoke"]
    assert any(r["text"].startswith("her early brainstorming discussions") for r in spoken)
    rows = _rows(nlp, "He warned of a ferocious battle ahead. The driver was accused of speeding.")
    assert [(r["cue"], r["text"]) for r in rows] == [("warned", "a ferocious battle ahead")]


def test_a_quotation_that_ends_the_writer_s_sentence_is_not_the_next_cue_s(nlp):
    """A bundled release (public domain): "… today at the hearing “Oversight of United States Immigration and Customs
    Enforcement.” Agency director Sarah Saldaña testified at the hearing." The hearing's title ends the writer's
    sentence; it had been Saldaña's direct quote. A quoted sentence of its own before a cue still is one."""
    import json

    line = (PROJECT / "data" / "raw" / "congress_releases.jsonl").read_text(encoding="utf-8").splitlines()[7]
    rows = _rows(nlp, json.loads(line)["text"])
    assert not any(r["text"].startswith("Oversight of United States") for r in rows)
    row = _rows(nlp, "“We need answers now,” Smith said. “We need them today.” Smith agreed.")[0]
    assert row["kind"] == "direct" and row["speaker"] == "Smith"


def test_posting_bail_is_no_statement(nlp):
    """Bundled releases: "Mejia posted bail" and "posted bond" were indirect quotes of Mejia; "post" in its other
    sense (`other_senses` in cue_verbs.yaml) reports nothing, while a posted message still does."""
    for name in ("cong_joni_ernst_00747.txt", "cong_joni_ernst_00809.txt"):
        path = PROJECT / "data" / "raw" / "congress" / name
        [article] = read_file(path, str(path), path.read_bytes())
        text = article.text
        assert "Mejia subsequently posted bond" in text or "Mejia posted bail" in text
        assert not [r for r in _rows(nlp, text) if r["cue"] == "posted"]
    row = _row(nlp, "The senator posted a message on Twitter that the bill would pass.", "posted")
    assert "the bill would pass" in row["text"]
    assert not _rows(nlp, "The financier wrote a $500,000 check to a super PAC supporting John Faso.")


def test_a_particle_of_another_sense_makes_a_cue_verb_no_cue(nlp):
    """A bundled release: "The U.S. is shooting ourselves in the foot at great cost, ripping apart American
    families" had made "apart American families" a statement of the U.S.; PolNeAR train: "write off the costs",
    "showed off some of the renovations" (`other_sense_particles` in cue_verbs.yaml)."""
    path = PROJECT / "data" / "raw" / "congress_releases.jsonl"
    [text] = [a.text for a in read_file(path, str(path), path.read_bytes()) if "ripping apart American" in a.text]
    assert not [r for r in _rows(nlp, text) if r["cue"].startswith("rip")]
    assert not _rows(nlp, "He showed off some of the renovations.")
    # with a reported clause the verb still reports
    assert _row(nlp, "She wrote down that the deal was dead.", "wrote down")["text"] == "that the deal was dead"


def test_the_medium_of_a_saying_is_no_part_of_what_was_said(nlp):
    """PolNeAR dev: "denounced the annexation in an on-air diatribe" took the diatribe into what was denounced; a
    diatribe, a tirade, remarks or an essay are media of the saying (`media` in cue_verbs.yaml), as a tweet was."""
    assert _row(nlp, "The senator denounced the merger in an on-air diatribe.", "denounced")["text"] == "the merger"
    assert _row(nlp, "The mayor criticized the budget in an essay.", "criticized")["text"] == "the budget"


def test_the_terms_of_a_saying_are_no_part_of_what_was_said(nlp):
    """PolNeAR train: "confirmed the meeting on the condition of anonymity" took the terms in."""
    row = _row(nlp, "A White House official confirmed the meeting on the condition of anonymity.", "confirmed")
    assert row["text"] == "the meeting"


def test_a_reported_clause_after_an_adjunct_is_what_was_said(nlp):
    """PolNeAR dev: "said after the convention he would not accept …" was parsed as an adverbial clause of "said"
    and read as no statement; a clause with its own subject and no subordinator is what was said, while "when"
    or "before" still makes it a circumstance."""
    row = _row(nlp, "The governor said after the meeting she would not sign the budget if it passed.", "said")
    assert row["text"] == "she would not sign the budget if it passed"
    assert not _rows(nlp, "He spoke for an hour before he left the room.")


def test_a_verb_coordinated_with_an_infinitive_is_part_of_what_was_promised(nlp):
    """PolNeAR dev and train: "agreed to share a single currency and rely on one another …" and "pledged to enact
    judicial reform, fix …" had ended at the first verb, as the parser joined the second to the cue verb."""
    text = ("The talks stalled years after the two nations agreed to share a single port and rely on one another "
            "for customs checks.")
    assert _row(nlp, text, "agreed")["text"].endswith("rely on one another for customs checks")
    # a verb with a subject of its own is another statement's, not the infinitive's
    row = _row(nlp, "The mayor promised to cut taxes and the council rejected the plan.", "promised")
    assert row["text"] == "to cut taxes"


def test_a_horizontal_bar_is_read_as_a_dash(nlp):
    """PolNeAR dev (HuffPost writes "―", U+2015): the bar was tagged a noun or a verb, and the writer's comment
    after it was read into what was said ("promising to lift … ― probably not what Graham had in mind" had
    reported only "what Graham had in mind"). It now has the norm of a dash (`data/token_norms.yaml`)."""
    doc = nlp("She told the crowd she would fight for them ― a promise she has made before.")
    assert next(t for t in doc if t.text == "―").pos_ == "PUNCT"
    assert _row(nlp, doc.text, "told")["text"] == "she would fight for them"


def test_what_was_said_starts_at_its_that(nlp):
    """PolNeAR dev: "continues to insist, most recently in a Labor Day interview with ABC News, that he …" took
    the cue's own adjuncts into what was said, or, where the parser read the "that" clause as adverbial, found
    nothing said at all."""
    for text in ("The Democratic nominee continues to insist, most recently in a Sunday interview with CBS News, that"
                 " she really wants to publish her speeches but cannot because they are private.",
                 "The Republican candidate continues to insist, most recently in a Fourth of July interview with NBC"
                 " News, that he truly wants to release his records but can't because he is under review."):
        assert _row(nlp, text, "insist")["text"].startswith("that ")


def test_said_so_reports_so(nlp):
    """PolNeAR train: "says so", "would say so" are statements whose content is "so" (it had been read as an
    adverb of manner, a circumstance); "so far" and "so that" are not what was said."""
    assert _row(nlp, "Clinton said so on Tuesday.", "said")["text"] == "so"
    assert not _rows(nlp, "He said so that everyone could hear.")


def test_a_statement_saying_is_its_issuers_statement(nlp):
    """PolNeAR train and dev: "issued a statement saying that …", "released a statement calling the test “…”" had no
    speaker, as the participle hangs on the statement; the speaker is whoever issued it, or owns it."""
    row = _row(nlp, "The council issued a statement saying that the test was a violation.", "saying")
    assert (row["speaker"], row["text"]) == ("council", "that the test was a violation")
    row = _row(nlp, 'The White House released a statement calling the vote "a disgrace."', "calling")
    assert row["speaker"] == "White House" and row["kind"] == "mixed"
    row = _row(nlp, "In a tweet saying the vote was rigged, the senator attacked the judge.", "saying")
    assert row["speaker_mention"] == "the senator"


def test_a_show_after_its_owners_name_is_no_quote(nlp):
    """PolNeAR train: "told CNN’s “New Day,” she believed …", "admitted on ABC’s “This Week,” that …" had made the
    show's name a direct quote, or a part of what was said."""
    for show in ("New Day", "State of the Union"):
        text = f"The senator told CNN’s “{show},” she believed the bill was dead."
        assert [(r["kind"], r["text"]) for r in _rows(nlp, text)] == [("indirect", "she believed the bill was dead")]


def test_a_letter_sent_to_someone_demanding_is_its_senders_demand(nlp):
    """A bundled release: "the Iowa and Nebraska Senators sent a letter to … Secretary Sylvia Burwell demanding to
    know who was monitoring …" had made Burwell, to whom the letter went, the one demanding (the parser gave the
    participle her as its subject)."""
    path = PROJECT / "data" / "raw" / "congress" / "cong_joni_ernst_00747.txt"
    [article] = read_file(path, str(path), path.read_bytes())
    row = _row(nlp, article.text, "demanding")
    assert "Burwell" not in row["speaker"] and row["speaker_mention"].endswith("Senators")


def test_a_source_named_after_a_colon_is_no_quote(nlp):
    """A bundled release: "(For additional background, see: “Rep. Luis Gutierrez Makes Example of Deportation Case,”
    CNN …)" had made the segment's title a direct quote; a title after a colon is a name, and the abbreviation
    "Rep." is no sentence's end inside it."""
    text = ('The congressman attended two hearings (see: "Rep. Ann Smith Makes Example of Deportation Case," CNN '
            "interview, 3/12/12).")
    assert not _rows(nlp, text)


def test_capitals_throughout_are_shouted_not_a_title(nlp):
    """PolNeAR dev: "… walked onto the stage, chanting “U-S-A! U-S-A!”" in a paragraph opened by a stray mark had
    been read as a title; "Mr. Trump" in quotation marks is still no title."""
    text = '"The senator walked onto the stage, chanting “U-S-A! U-S-A!”'
    assert _row(nlp, text, "chanting")["text"] == "U-S-A! U-S-A!"
    assert _row(nlp, "The governor now refers to the candidate as “Mr. Trump.”", "refers")["kind"] == "mixed"


def test_an_owner_parsed_as_an_object_keeps_what_it_owns(nlp):
    """A bundled release: "Congressman Ryan condemned ICE’s newly issued deportation order for Amer" had reported
    only "ICE’s": the parser made the owner one object and the order another."""
    text = "In early January, Congressman Ryan condemned ICE’s newly issued deportation order for the family."
    assert _row(nlp, text, "condemned")["text"] == "ICE’s newly issued deportation order for the family"


def test_an_aside_with_a_common_noun_subject_reports(nlp):
    """PolNeAR dev: "These employees, Stumpf explained earlier in the committee hearing, were “well-paid,” …": an
    aside of "explain" or "add" reported only when its subject was a name or a pronoun (so that "the borrowing
    continued" reports nothing); set off by commas, it reports whatever its subject."""
    row = _row(nlp, "These workers, the chief explained earlier in the hearing, were well paid.", "explained")
    assert row["text"].endswith("were well paid") and row["speaker"] == "chief"
    assert not _rows(nlp, "The borrowing continued through the spring.")


def test_encouraging_someone_to_act_is_a_directive_saying(nlp):
    """PolNeAR dev: "…, encouraging his supporters to visit polling locations … to make sure everything is “on the
    up and up.”" had been a mixed quote whose cue was "make"; "encourage" reports what the one told is to do, and
    nothing with a bare object ("encourage savings": `directives` in cue_verbs.yaml)."""
    text = ("The governor is questioning the count, encouraging his supporters to visit polling places to make sure "
            "everything is “on the up and up.”")
    row = _row(nlp, text, "encouraging")
    assert row["kind"] == "mixed" and row["text"].startswith("to visit polling places")
    assert _row(nlp, "Residents were encouraged by the mayor to stay home.", "encouraged")["speaker"] == "mayor"
    assert not _rows(nlp, "Loose rules encourage borrowing and risk-taking.")


def test_calling_for_or_on_reports_what_is_called_for(nlp):
    """PolNeAR train: "call for" and "call on" are 134 of the cues outside the lexicon ("is calling for the United
    States to step up military efforts …", "called on Sanders and Donald Trump to do the same"); bundled releases
    "called on President Donald Trump to ensure …". "call" alone still only names ("called her “a disgrace”")."""
    row = _row(nlp, "The mayor called for an independent inquiry into the shooting.", "called for")
    assert (row["speaker"], row["text"]) == ("mayor", "an independent inquiry into the shooting")
    row = _row(nlp, "The senator is calling for the state to step up its efforts against the flood.", "calling for")
    assert row["text"] == "the state to step up its efforts against the flood"
    row = _row(nlp, "The governor called on Congress to pass the bill before the recess.", "called on")
    assert row["text"] == "Congress to pass the bill before the recess"
    assert _row(nlp, "The senator called the plan “a disgrace.”", "called")["kind"] == "mixed"
    assert cue_lexicon().is_speech_cue("has called for") and not cue_lexicon().is_speech_cue("called")


def test_a_second_clause_opened_by_that_is_still_what_was_said(nlp):
    """PolNeAR dev: "… said the videos were “inconclusive” and that the footage … did not show whether …" had ended
    at "and that": a cue verb inside a reported clause opened by "that" ("show", "add") is no new attribution."""
    text = ("The sheriff said the recordings were “inconclusive” and that the footage the family released did not "
            "show whether the man was armed.")
    assert _row(nlp, text, "said")["text"].endswith("did not show whether the man was armed")
    text = ("Analysts agreed that the plan would raise taxes on large firms but that it would add so many rules that "
            "it would mostly help accountants.")
    assert _row(nlp, text, "agreed")["text"].endswith("it would mostly help accountants")


def test_the_one_asked_is_not_the_speaker_of_the_question(nlp):
    """PolNeAR train: "When asked about New Hampshire’s opioid crisis, Ted Cruz said …" had made Cruz the one who
    asked (the participle borrowed the subject of "said"). What was asked stays a quote, as PolNeAR has it, with no
    speaker unless the asker is named."""
    rows = _rows(nlp, "When asked about the opioid crisis, the senator said he knows its toll firsthand.")
    asked = next(r for r in rows if r["cue"] == "asked")
    assert asked["speaker"] is None and asked["text"] == "the opioid crisis"
    assert _row(nlp, "When asked about the opioid crisis, the senator said he knows its toll.", "said")["speaker"] == (
        "senator")
    row = _row(nlp, "Asked by a reporter whether he would run again, the mayor said no.", "Asked")
    assert row["speaker"] == "reporter"


def test_what_a_question_was_about_is_what_was_asked(nlp):
    """PolNeAR train: "Chuck Todd asked the GOP frontrunner about the Twitter kerfuffle", "When asked at the business
    conference about the merger, she …" (the parser hung "about" on the one asked or on the adjunct) and "when I
    asked Bernie Sanders if he would ever endorse Hillary Clinton, he looked …" (the "if" clause hung on "looked")
    had reported nothing."""
    row = _row(nlp, "The host asked the senator about the budget fight.", "asked")
    assert (row["speaker"], row["text"]) == ("host", "the budget fight")
    assert _row(nlp, "When asked at the conference about the merger, she defended it.", "asked")["text"] == "the merger"
    row = _row(nlp, "When I asked the mayor if he would run again, he looked away.", "asked")
    assert row["text"] == "if he would run again"


def test_a_split_quote_s_text_is_what_was_said_without_its_attribution(nlp):
    """Issue 3's table gives `text` as the content without the attribution: "“A,” Senator Fischer said. “B.”" had
    kept "said Senator Fischer" inside the text (a bundled release); the comma that closed A for the attribution is
    its full stop again."""
    text = "“Her family deserves justice,” said Senator Fischer. “Unfortunately, they may never see it.”"
    row = _row(nlp, text, "said")
    assert row["text"] == "Her family deserves justice. Unfortunately, they may never see it."
    row = _row(nlp, "“We must act,” she said, “before the deadline passes.”", "said")
    assert row["text"] == "We must act, before the deadline passes."
    row = _row(nlp, "“We must act,” said Sen. Smith, “before the deadline passes.”", "said")
    assert row["text"] == "We must act, before the deadline passes."  # "Sen." ends no sentence


def test_an_inverted_speaker_the_parse_made_the_subject_of_the_next_clause(nlp):
    """PolNeAR train: "“…,” said the woman, who like many … did not want to be quoted": the parser read "like" as a
    verb and made the woman the subject of "want"; the quotation had no row at all."""
    text = ('"Somebody walked in and said we ought to close the place down if they keep coming," said the clerk, '
            "who like most people on the street did not want to be named because of fears for her job.")
    row = _row(nlp, text, "said")
    assert (row["kind"], row["speaker_mention"]) == ("direct", "the clerk")
    assert row["text"].startswith("Somebody walked in")


def test_a_name_in_a_long_description_of_the_speaker_is_not_the_speaker(nlp):
    """PolNeAR train: "“…,” Trump, the 2016 GOP presidential frontrunner … after winning the New Hampshire primaries,
    said": the subject was taken from the description ("GOP"), far from the quotation, which had no row."""
    text = ("“He is a very smart man, a very smart man,” Smith, the 2020 GOP nominee for governor and current "
            "front-runner in North Carolina by a wide margin after winning the Iowa caucuses, said when a reporter "
            "asked him.")
    row = _row(nlp, text, "said")
    assert (row["kind"], row["speaker"]) == ("direct", "Smith")


def test_as_someone_put_it_attributes_the_quotation(nlp):
    """PolNeAR annotates "As X put it, “…”" and "X put it bluntly: “…”" (16 times in train and dev): "it" is part of
    the cue, not what was said; "put it on the table" reports nothing."""
    row = _row(nlp, "As one voter put it on Twitter, “We are tired of waiting.”", "put it")
    assert (row["kind"], row["speaker"], row["text"]) == ("direct", "voter", "We are tired of waiting.")
    row = _row(nlp, "As one analyst put it, the party is in trouble.", "put it")
    assert (row["kind"], row["text"]) == ("indirect", "the party is in trouble.")
    assert _rows(nlp, "The mayor put it on the table. The council put it to a vote.") == []


def test_the_adjuncts_of_an_as_aside_stand_between_it_and_its_quotation(nlp):
    """PolNeAR train: "As Michael Dell said last week in Tel Aviv, “…”": the quotation after the aside's own
    adjuncts had no row."""
    row = _row(nlp, "As the chief executive said last week in Berlin, “Our plants will stay open.”", "said")
    assert (row["kind"], row["speaker"], row["text"]) == ("direct", "chief executive", "Our plants will stay open.")


def test_a_quotation_mark_glued_to_the_words_around_it_still_opens_a_quote(nlp):
    """PolNeAR train: "Ryan said,“Look, …”" (a page that lost its spaces): the tokenizer kept "said,“Look" as one
    word, so neither the cue nor the quotation was found."""
    text = "The speaker said,“Look, those images have no place in a campaign. Candidates should know that.”"
    row = _row(nlp, text, "said")
    assert (row["kind"], row["text"]) == ("direct", "Look, those images have no place in a campaign. Candidates "
                                                     "should know that.")
    text = "“We will not back down,”Smith said on Monday."
    assert _row(nlp, text, "said")["speaker"] == "Smith"


def test_a_question_about_who_did_something_reports_nobody(nlp):
    """A bundled letter's numbered questions: "Which law enforcement agencies agreed to scan license plates …?" had
    been a quote of the agencies. A statement beside it still is one."""
    text = ("5. Which police departments agreed to share their camera records at the request of the agency? "
            "The sheriff says the county will keep its own records.")
    rows = _rows(nlp, text)
    assert [r["cue"] for r in rows] == ["says"]
    assert rows[0]["text"] == "the county will keep its own records"


def test_a_plural_noun_read_as_a_verb_after_we_is_no_cue(nlp):
    """A bundled letter: "We are alarmed by … findings … and reports our offices have received regarding
    conditions" had been the letter's writers reporting, the noun "reports" read as a verb whose subject is "We"."""
    text = ("We are troubled by the gaps between the audit of the county jail and reports our staff have received "
            "about conditions at the state prison. The warden says the prison is safe.")
    rows = _rows(nlp, text)
    assert [r["cue"] for r in rows] == ["says"]


def test_a_plural_noun_read_as_a_verb_after_a_preposition_is_no_cue(nlp):
    """A bundled release: "… including the number of gun shows ICE surveilled and how many license plates were
    recorded" had been a report by the chairman named at the start, "shows" read as a verb."""
    text = ("In the letter, Chairman Goodlatte requests that Director Saldaña provide detailed information about "
            "ICE’s questionable use of license plate readers, including the number of gun shows ICE surveilled and "
            "how many license plates were recorded.")
    assert "shows" not in [r["cue"] for r in _rows(nlp, text)]


def test_a_title_quoted_inside_a_transcript_turn_does_not_end_the_turn(nlp):
    """Transcripts open each turn with a straight mark they never close; a curly-quoted title inside the turn is
    part of what the speaker said (PolNeAR dev, a Sunday-show transcript)."""
    text = ('Partial transcript as follows:\n\n"HOST: Will the governor be at the debate tomorrow night?\n\n'
            '"GOVERNOR: Well, look, my opponent seems to think this is an episode of “Shark Tank.” But this is a '
            'serious business, and voters have an important choice to make.')
    turn = next(r for r in _rows(nlp, text) if r["text"].startswith("Well, look"))
    assert turn["kind"] == "direct"
    assert turn["text"].endswith("an important choice to make")


def test_what_a_verb_comments_on_or_agrees_with_is_what_was_said(nlp):
    """PolNeAR annotates "has not commented on the reason …" and "agreed with the analysis" as attributions whose
    content is the preposition's object; "responded to requests for comment" reports nothing."""
    text = ("The mayor has also commented on the closing of the county hospital. Two council members agreed with "
            "the budget analysis. The governor's office did not respond to requests for comment.")
    rows = {r["cue"]: r for r in _rows(nlp, text)}
    assert rows["commented"]["text"] == "the closing of the county hospital"
    assert rows["agreed"]["text"] == "the budget analysis"
    assert "respond" not in rows


def test_a_passive_report_s_subject_is_what_was_reported_and_its_agent_the_speaker(nlp):
    """PolNeAR annotates "The meeting was first reported by …" with the subject as content; a passive whose
    subject is a person ("was charged with") or a soldier ("troops are posted") reports nothing, nor one that
    nobody did ("was never confirmed")."""
    text = ("The closed-door meeting was first reported by the Tribune on Friday. The purchase price was disclosed "
            "in a filing. Two aides were charged with obstruction. Most of the troops are posted outside the "
            "capital. The claim that the bridge would close was never confirmed.")
    rows = _rows(nlp, text)
    reported = next(r for r in rows if r["cue"] == "reported")
    assert (reported["text"], reported["speaker"]) == ("The closed-door meeting", "Tribune")
    disclosed = next(r for r in rows if r["cue"] == "disclosed")
    assert disclosed["text"] == "The purchase price" and disclosed["speaker"] is None
    assert not any(r["cue"] in ("charged", "posted", "confirmed") for r in rows)


def test_a_writer_s_where_clause_after_a_comma_is_no_part_of_what_was_said(nlp):
    """", where 18 electoral votes are up for grabs" explains the place to the reader (PolNeAR dev)."""
    row = _row(nlp, "New polls show a tight race in the state, where 29 electoral votes are up for grabs.", "show")
    assert row["text"] == "a tight race in the state"


def test_an_object_s_own_infinitive_or_as_phrase_is_part_of_what_was_said(nlp):
    """The parser hangs "to …" and "as …" on the verb; they modify its object (PolNeAR train: "decried Trump's
    repeated calls to ban all Muslims …", "described the country as beset by …"). An "as" with a subject of its
    own is when it was said."""
    text = ("The mayor decried the governor's repeated calls to close the border crossing. She described the city "
            "as battered by years of cuts. He condemned the launch as the missiles fell into the sea.")
    rows = _texts_by_cue(nlp, text)
    assert rows["decried"] == "the governor's repeated calls to close the border crossing"
    assert rows["described"] == "the city as battered by years of cuts"
    assert rows["condemned"] == "the launch"


def test_a_second_object_the_parse_made_a_second_verb_is_part_of_what_was_said(nlp):
    """PolNeAR dev: "has mentioned refinancing student loans and forcing universities to spend more …" had ended at
    "student loans"; a second verb of the same subject ("announced … and left") is not what was said."""
    text = ("Senator Jones has mentioned refinancing car loans and forcing lenders to spend more from their profits "
            "to help drivers. The mayor announced his resignation and left the building.")
    rows = _texts_by_cue(nlp, text)
    assert rows["mentioned"].endswith("forcing lenders to spend more from their profits to help drivers")
    assert rows["announced"] == "his resignation"


def test_a_second_object_after_what_the_first_is_called_is_part_of_what_was_said(nlp):
    """PolNeAR dev: "condemned Friday's test as "provocative and destabilizing" and a "grave threat" to …" had ended
    at the first quotation, whether the parse makes "threat" a second object or a conjunct of the verb."""
    endings = {'Officials condemned Friday\'s launch as "provocative and destabilizing" and a "grave threat" to '
               'regional stability.': 'and a "grave threat" to regional stability',
               'The council condemned the vote as "reckless and cynical" and a "grave threat" to public health.':
               'and a "grave threat" to public health'}
    for text, ending in endings.items():
        assert _row(nlp, text, "condemned")["text"].endswith(ending)


def test_where_a_poll_puts_a_candidate_is_part_of_what_it_shows(nlp):
    """PolNeAR dev: "shows Clinton likewise ahead by 3.7 percentage points" had been "Clinton" alone."""
    row = _row(nlp, "A Marist poll shows Smith likewise ahead by 4.2 percentage points.", "shows")
    assert row["text"] == "Smith likewise ahead by 4.2 percentage points"


def test_what_a_speaker_explains_or_urges_is_its_object(nlp):
    """PolNeAR: "explains America's historical treatment of black people", "urges retaliation on Russia"; the one
    urged is no content ("urged voters to turn out": what they are to do is)."""
    text = ("The documentary explains the county's long history of flooding. A senator urges retaliation against "
            "the hackers. The mayor urged voters to turn out early.")
    rows = _texts_by_cue(nlp, text)
    assert rows["explains"] == "the county's long history of flooding"
    assert rows["urges"] == "retaliation against the hackers"
    assert rows["urged"] == "to turn out early"
    # an infinitive that tells what a noun is for: a bundled letter asks for "(2) your attempt to explain that
    # determination", which had been a quote by "2) your attempt to"
    letter = "We request (1) the agency's records on the case and (2) your attempt to explain that determination."
    assert not any(r["cue"] == "explain" for r in _rows(nlp, letter))


def test_a_headline_in_title_case_reports_with_its_capitalised_verb(nlp):
    """PolNeAR titles such as "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’" and "Railing Against
    Trump, Sanders Vows To Eliminate Tax Breaks …" parse as one long name; a noun that looks like a verb ("Attacks
    On …") is no cue."""
    text = ("Senate Democrats Slam Governor’s Budget As A ‘Reckless Gamble.’\n\nFacing Flood Losses, Mayor Vows To "
            "Rebuild Library By Spring.\n\nNew Attacks On Tourists Prompt Travel Warnings.\n\nThe mayor spoke on "
            "Tuesday.")
    rows = {r["cue"]: r for r in _rows(nlp, text)}
    assert (rows["Slam"]["speaker_mention"], rows["Slam"]["text"]) == (
        "Senate Democrats", "Governor’s Budget As A ‘Reckless Gamble.’")
    assert (rows["Vows"]["speaker_mention"], rows["Vows"]["text"]) == ("Mayor", "To Rebuild Library By Spring")
    assert "Attacks" not in rows


def test_a_gerund_after_aside_from_borrows_the_subject_of_the_clause_it_hangs_on(nlp):
    """PolNeAR has a governor who will not discuss appointees "aside from saying" what he wants: the chain from
    "saying" up to the one who refuses runs through "aside" and takes five steps."""
    row = _row(nlp, "The governor refuses to name possible candidates, aside from saying he wants a younger bench.",
               "saying")
    assert (row["speaker_mention"], row["text"]) == ("The governor", "he wants a younger bench")


def test_an_aside_s_speaker_is_the_name_before_its_verb_not_the_words_before_the_comma(nlp):
    """PolNeAR has a chief justice's words around "…, Chief Justice Roberts said, …", where the parse made the
    words before the comma the subject and the justice their apposition."""
    row = _row(nlp, "To know the real Abraham Lincoln, Professor James Hart said, one should read his letters.", "said")
    assert row["speaker_mention"] == "Professor James Hart"
    assert row["text"] == "To know the real Abraham Lincoln one should read his letters"


def test_the_verb_a_speaker_continues_with_is_the_cue(nlp):
    """PolNeAR: protesters "continued to call for more information about …, looping the streets … while chanting,
    "…"": "call for" reports its object, not "continued" the rest of the sentence; "continue to struggle" reports
    nothing."""
    text = ('Dozens of nurses continued to call for an inquiry into the closure of the ward, marching past City Hall '
            '- where the council met - while chanting, "Save our beds." The hospital continues to struggle.')
    rows = _texts_by_cue(nlp, text)
    assert rows.get("call for") == "an inquiry into the closure of the ward"
    assert "continued" not in rows and "continues" not in rows


def test_a_quotation_past_another_cue_verb_is_that_verb_s(nlp):
    """PolNeAR: "said as much in an interview …, arguing that Trump “lashed out …”" and "laughed and said, “…”": the
    quotation is what the later verb governs, not the object of the first one."""
    rows = _rows(nlp, "The mayor said as much in an interview on Friday, arguing that the plan “would bankrupt the "
                      "city within a decade.” The senator laughed and said, “We will see about that.”")
    assert [(r["cue"], r["kind"], r["text"]) for r in rows] == [
        ("arguing", "mixed", "that the plan “would bankrupt the city within a decade.”"),
        ("said", "direct", "We will see about that.")]


def test_a_quoted_sentence_followed_by_speaker_and_any_verb_is_a_direct_quote(nlp):
    """“…,” an angry mayor retaliated. / “…?” reacted the governor.: the frame marks the attribution whatever the
    verb (PolNeAR train: "retaliated", "pressed", "reacted", "shot back" had no quote at all). A quotation that is the
    subject of its sentence ("“Make America Great Again” resonated …") stays no quote."""
    text = ("The council met on Monday.\n\n“Make America Great Again” resonated with the crowd.\n\n“This city will "
            "always be this city,” an angry mayor retaliated. “It never gives up.”\n\n“What budget is he talking "
            "about?” reacted the governor.\n\n“We will win this vote,” the senator shot back.")
    rows = _rows(nlp, text)
    assert [(r["cue"], r["speaker_mention"], r["kind"], r["text"]) for r in rows] == [
        ("retaliated", "an angry mayor", "direct", "This city will always be this city. It never gives up."),
        ("reacted", "the governor", "direct", "What budget is he talking about?"),
        ("shot back", "the senator", "direct", "We will win this vote,")]


def test_a_colon_quote_takes_the_clause_before_it_and_the_cue_with_a_speaker(nlp):
    """PolNeAR: "Trump went even further: “…”" (the parse made the quotation the main clause) was no quote; "Lynch,
    who told Congress when asked last month about …: “…”" was the passive "asked", with no speaker, so that "She
    added" went to the last woman quoted before. The mention has no trailing comma."""
    text = ("The board met on Monday.\n\nIn an interview later that day, the governor went even further: “If he runs "
            "and loses, it is the end of his career.”\n\nAny decision to charge someone would involve Attorney General "
            "Loretta Lynch, who told Congress when asked last month about the inquiry: “That matter is being handled "
            "by career agents. They follow the evidence.”\n\nShe added, “We will review all the facts.”")
    rows = {r["cue"]: r for r in _rows(nlp, text) if r["kind"] == "direct"}
    assert (rows["went"]["speaker_mention"], rows["went"]["text"]) == (
        "the governor", "If he runs and loses, it is the end of his career.")
    assert (rows["told"]["speaker_mention"], rows["told"]["speaker"]) == ("Attorney General Loretta Lynch",
                                                                          "Loretta Lynch")
    assert rows["added"]["speaker"] == "Loretta Lynch"


def test_a_speaker_mention_ends_before_its_sentence_s_full_stop(nlp):
    """PolNeAR: "“…” ― Carla Sanchez." had made "Carla Sanchez." a source of its own, apart from "Carla Sanchez";
    an abbreviation keeps its full stop."""
    text = ("Voters spoke on Monday.\n\n“We will win this election and we will win it big.” ― Carla Sanchez.\n\n"
            "“I am still not sure who to vote for this year,” said Joseph R. Biden Jr.\n\nMore came later.")
    assert [(r["speaker_mention"], r["speaker"]) for r in _rows(nlp, text)] == [
        ("Carla Sanchez", "Carla Sanchez"), ("Joseph R. Biden Jr.", "Joseph R. Biden Jr.")]


def test_a_name_given_inside_what_a_later_cue_reports_is_part_of_that_report(nlp):
    """PolNeAR: "…, called the “Crossroads of America” by the citizens, the GOP leaners … seem enamored with Trump,
    according to Politico" had been one quote, of the nickname, whose speaker was the run of words before "called";
    Politico's report was lost."""
    text = ("The voters met on Monday.\n\nIn the county, home to the state university, with its seat in a town "
            "called the “Crossroads of the Nation” by its citizens, the voters seem enamored with the senator, "
            "according to Politico.")
    assert [(r["cue"], r["speaker"], r["speaker_type"], r["kind"]) for r in _rows(nlp, text)] == [
        ("according to", "Politico", "media", "mixed")]


def test_a_second_attribution_after_comma_and_is_its_own_statement(nlp):
    """PolNeAR: "… said Clinton is honest and trustworthy, and three-quarters said the same of Sanders" had been one
    statement of the first speaker running into the second's, which the parse hung on the first "said"."""
    text = ("The poll came out on Monday.\n\nSix in 10 Virginia Democratic primary voters said Clinton is honest and "
            "trustworthy, and three-quarters said the same of Sanders.")
    assert [(r["speaker_mention"], r["text"]) for r in _rows(nlp, text)] == [
        ("Six in 10 Virginia Democratic primary voters", "Clinton is honest and trustworthy"),
        ("three-quarters", "the same of Sanders")]


def test_an_aside_whose_sentence_goes_on_after_and_reports_both_halves(nlp):
    """"X, the airline added, and had passed all checks": the parse hangs the second half on the aside's verb, but it
    goes on with the statement; a second verb of saying there is the speaker's own ("…, Smith said, and vowed …")."""
    text = "The pilot had no known political ties, the airline added, and had passed all background security checks."
    row = _row(nlp, text, "added")
    assert row["kind"] == "indirect" and row["speaker_mention"] == "the airline"
    assert _fragments(row, text) == ["The pilot had no known political ties",
                                     "and had passed all background security checks"]
    text = "The mayor often gave the council her notes on pending bills, Daniels says, and she felt free to argue."
    assert _fragments(_row(nlp, text, "says"), text)[-1] == "and she felt free to argue"


def test_asking_not_to_be_named_is_no_statement(nlp):
    """"An official, who asked not to be identified, said …": the request is the source's terms; the statement
    after it is the quote. Asking to be named something is still a request reported."""
    text = ("An official, who asked not to be identified because he was not authorized to speak publicly, said the "
            "talks had stalled. She asked to be named chair of the panel.")
    rows = _rows(nlp, text)
    assert [(r["cue"], r["text"]) for r in rows] == [("said", "the talks had stalled"),
                                                    ("asked", "to be named chair of the panel")]


def test_a_passive_cue_verb_without_an_agent_says_nothing(nlp):
    """"300 homes were threatened": the homes say nothing, and the quotation after that sentence is what "he said";
    "The full text of the letter can be found here" does not take the quotation before it either."""
    text = ("Fire spreads\n\nCapt. Daniel Berlant, a fire department spokesman, said 300 homes were threatened. "
            "“It’s moving fast,” he said.")
    rows = _rows(nlp, text)
    assert [(r["cue"], r["speaker_mention"], r["text"]) for r in rows] == [
        ("said", "Daniel Berlant, a fire department spokesman", "300 homes were threatened"),
        ("said", "he", "It’s moving fast,")]
    assert _row(nlp, "He was quoted as saying the fire was out.", "saying")["text"] == "the fire was out"


def test_set_phrases_with_a_verb_of_saying_report_nothing(nlp):
    """"That said, …", "Needless to say, …", "Truth be told, …" link or hedge a sentence: no one said anything,
    and the statement after them keeps its own speaker and cue."""
    text = ("That said, the sheriff says the county jail “is already over capacity.” Needless to say, the budget "
            "was cut. But having said that, the mayor argued the plan could still work. Truth be told, nobody "
            "came. The bill was, so to speak, dead on arrival.")
    rows = _rows(nlp, text)
    assert [(r["cue"], r["speaker_mention"]) for r in rows] == [("says", "the sheriff"), ("argued", "the mayor")]
    assert rows[0]["kind"] == "mixed" and rows[1]["text"] == "the plan could still work"
    # the same words with a speaker of their own are a statement
    assert _row(nlp, "Having said that he would resign, Smith left the room.", "said")["speaker_mention"] == "Smith"


def test_it_in_a_hedge_is_nobody(nlp):
    """"Is it fair to say that …", "It is important to note that …": what follows is reported, by no one the
    sentence names; "it" is no speaker (it had resolved to an event named before). A subject of the infinitive's own
    ("difficult for Trump to attack them") or of the sentence ("He was quick to point out …") still speaks."""
    text = ("The tournament ended in Madrid on Sunday. Is it fair to say that the event was neither as bad as the "
            "sceptics thought? It is important to note that the court has ruled. It will be difficult for Trump to "
            "attack them. He was quick to point out that the bill had passed.")
    rows = {r["cue"]: r for r in _rows(nlp, text)}
    assert rows["say"]["speaker_mention"] is None and rows["say"]["speaker"] is None
    assert rows["say"]["text"].startswith("that the event was neither")
    assert rows["note"]["speaker_mention"] is None
    assert rows["attack"]["speaker_mention"] == "Trump"


def test_said_to_reports_its_subject_by_no_one(nlp):
    """"Priebus was said to be “furious”": the one spoken of and the infinitive are what was said, by no one named
    (the parse had made Priebus, or an earlier name, the speaker); the agent of "by" speaks. Before a verb of
    saying the subject is the one who spoke: "Obama is reported to have called the Saudis “free riders”"."""
    text = ("Both Hemsworth and Pine were said to have run into contractual issues in 2018. The senator is reported "
            "by aides to be furious. Obama is reported to have called the Saudis “free riders” who rely on U.S. aid.")
    rows = _rows(nlp, text)
    said = _row(nlp, text, "said")
    assert said["speaker_mention"] is None
    assert _fragments(said, text) == ["Both Hemsworth and Pine", "to have run into contractual issues in 2018"]
    assert _row(nlp, text, "reported")["speaker_mention"] == "aides"
    assert [r["speaker_mention"] for r in rows if "Saudis" in r["text"]] == ["Obama"]


def test_a_quoted_term_in_a_participle_phrase_is_no_quote(nlp):
    """A quotation inside a participle phrase of a noun ("Workers coming … from a “low wage region” will need …")
    is a term, not what the workers said; a verb with a subject of its own still quotes ("Clinton talked up her
    “50-state strategy”")."""
    text = ("Workers coming to the city from a \"low wage region\" will need a permit. Clinton talked up her "
            "\"50-state strategy\" on Monday.")
    assert [(r["cue"], r["speaker_mention"]) for r in _rows(nlp, text)] == [("talked", "Clinton")]


def test_a_quotation_whose_paragraphs_were_run_together_is_one_quote(nlp):
    """Text exports that join a quote's paragraphs keep the mark that opened each one ('said: "A. "B."'): B is the
    rest of the quote, not the writer's sentence, and its "I" is no new speaker."""
    text = ('Council leader Ann Hale said: "We will study the report closely. "I would point out that the library '
            'stays open all winter."')
    rows = _rows(nlp, text)
    assert [(r["cue"], r["speaker"]) for r in rows] == [("said", "Ann Hale")]
    assert rows[0]["text"] == ("We will study the report closely. I would point out that the library stays open "
                               "all winter.")


def test_a_misplaced_closing_mark_still_closes_the_quote(nlp):
    """A closing mark written after a space, with no mark later in the paragraph to close a quote it would open,
    closes the quote: the writer's sentence after it is not quoted."""
    text = 'The coach said: "We played well today. "The team meets again on Sunday to train for the final.'
    rows = _rows(nlp, text)
    assert [r["text"] for r in rows if r["kind"] == "direct"] == ["We played well today."]


def test_a_cue_in_the_next_sentence_does_not_claim_a_quote_that_goes_on(nlp):
    """The second paragraph of a quote, closed by a full stop, goes on from the first: the sentence after it
    reports something else ("She admitted to …"), not the quoted sentence."""
    text = ('The mayor said: "We cannot keep cutting the library.\n\n"The reading rooms are full every afternoon." '
            'She admitted to a "real worry" about the budget next year.')
    rows = _rows(nlp, text)
    reading = next(r for r in rows if r["text"].startswith("The reading rooms"))
    assert reading["speaker_mention"] == "The mayor"
    assert all("reading rooms" not in r["text"] for r in rows if r["cue"] == "admitted")


def test_social_media_and_a_web_page_are_the_medium_not_what_was_said(nlp):
    """"ripped the chairwoman on social media" reports the chairwoman; "touted the endorsement on its Facebook page"
    the endorsement: social media, a page and a website are where it was said, as a tweet is."""
    assert _row(nlp, "The senator ripped the chairwoman on social media.", "ripped")["text"] == "the chairwoman"
    assert _row(nlp, "The campaign touted the endorsement on its Facebook page.", "touted")["text"] == "the endorsement"


def test_a_description_and_name_before_a_cue_the_parse_hung_on_the_description_are_the_speaker(nlp):
    """“…!” the nominee, Jane Doe, tweeted Sunday: the parse reads "tweeted" as a clause on "nominee", yet the quote
    is hers, and the mention is the whole description with the name beside it."""
    text = ('"Is the mayor going to explain the budget? He should resign today!" the nominee, Jane Doe, tweeted '
            "Sunday after the vote.")
    (row,) = _rows(nlp, text)
    assert row["kind"] == "direct" and row["cue"] == "tweeted"
    assert row["speaker_mention"] == "the nominee, Jane Doe" and row["speaker"] == "Jane Doe"
    assert row["text"].startswith("Is the mayor going")


def test_an_aside_between_dashes_does_not_end_what_is_reported(nlp):
    """The parse hangs the aside and the words after it on a noun before the cue; what was pledged runs on past the
    aside, but not into a clause of its own after it."""
    text = ("Editor’s note: The mayor is a serial liar who has repeatedly pledged to ban all cars — 2 million vehicles "
            "of an entire region — from entering the city.")
    assert _row(nlp, text, "pledged")["text"].endswith("— from entering the city")
    text = ("Because of his ties to a coach who players say abused them–and has now been charged–his links to several "
            "charities are being examined.")
    assert _row(nlp, text, "say")["text"].endswith("abused them")


def test_the_subject_of_an_adjective_a_cue_completes_is_its_speaker(nlp):
    """"quick to point out that …", "more likely to say …": the subject says it; not the subject of "difficult to
    predict" (what is predicted), "able to show" or "worth noting", adjectives not in ``speaker_adjectives``."""
    row = _row(nlp, "Police officers are quick to point out that none of the stolen cars are made here.", "point out")
    assert row["speaker_mention"] == "Police officers" and row["text"] == "that none of the stolen cars are made here"
    row = _row(nlp, "Young voters were more likely to say they preferred the mayor.", "say")
    assert row["speaker_mention"] == "Young voters" and row["text"] == "they preferred the mayor"
    text = "The effects are difficult to predict, many economists say, because there is little precedent for it."
    assert [(r["cue"], r["speaker_mention"]) for r in _rows(nlp, text)] == [("say", "many economists")]
    assert _rows(nlp, "It's worth noting there is little love lost between the banks and the mayor.") == []
    assert _rows(nlp, "The win was not enough to claim the nomination.") == []
    assert _rows(nlp, "The banks were able to show proof of their solvency.") == []


def test_a_name_in_apposition_to_an_adjunct_s_noun_speaks_alone(nlp):
    """The parse may set the speaker's name beside the noun of an adjunct before it ("from Siemens, the firm's chief
    executive …", "to Mr Smith's comments, Ieuan Jones …"): that noun is no description of the speaker."""
    text = ('When asked if BMW would be seeking money from Siemens, the firm\'s chief executive Klaus Meyer said: "we '
            'will first fix the fault before talking about who pays".')
    assert _row(nlp, text, "said")["speaker_mention"] == "the firm's chief executive Klaus Meyer"
    text = ("In response to Mr Smith's comments, Ieuan Jones, leader of the Green group in the assembly, said: \"It is "
            'apparent that this plan was just moving the chairs around."')
    assert _row(nlp, text, "said")["speaker_mention"] == "Ieuan Jones, leader of the Green group in the assembly"


def test_an_aside_that_splits_a_sentence_reports_the_sentence_around_it(nlp):
    """"Texas, the aide said, …" (the parse hangs "Texas" on the aside's verb too) and "Texas, as the governor noted,
    …" report the whole sentence, its subject included; an aside after "given that" splits no clause of its own."""
    text = "Texas, the aide said, will not attend the summit."
    assert _row(nlp, text, "said")["text"] == "Texas will not attend the summit"
    text = "Texas, as the governor noted, has not had a storm this bad in decades."
    assert _row(nlp, text, "noted")["text"] == "Texas has not had a storm this bad in decades"
    text = ("Then again, at this point there are questions about how much advice the chairman himself was giving to "
            "the mayor when he was running the paper, given that, as the Herald reported on Saturday, he has already "
            "emerged as an influential adviser.")
    assert _rows(nlp, text) == []
