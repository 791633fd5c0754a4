"""Question-and-answer interviews: each answer is a direct quote of the one interviewed.

An article is read as a Q&A when its headline or lead (its first paragraphs, before the first question) names the one
it interviews in the words of ``data/interview_cues.yaml`` ("Wikinews interviews Tina McKenzie", "Nick Bos tells
Wikinews …") and at least two questions (a body paragraph of its own that ends with "?") are each followed by an
answer. Every body paragraph from a question up to the next question or heading is then an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .parse import doc_text
from .resources import load_data_yaml
from .segment import Paragraph
from .speakers import SPEAKER_LABEL_NAME, SpeakerMention

_WORD = re.compile(r"[\w'’-]+")
_OPENING_MARKS = "\"“‘'«„"
_PRONOUN_BEFORE = re.compile(r"^\s*(?:he|she)(?:\s+(?:was|has\s+been|had\s+been))?\s*$", re.IGNORECASE)
_LABEL = re.compile(SPEAKER_LABEL_NAME + r":\s")
_JOINED_NAME = re.compile(r"\s*(?:and|&)\s+[A-Z]")  # "Mario J. Lucero and Isabel Ruiz": two interviewees


@dataclass(frozen=True)
class InterviewAnswer:
    """One answer paragraph: its index and offsets, and the interviewee as named in the headline or lead."""

    paragraph: int
    start: int
    end: int
    interviewee: SpeakerMention


@dataclass(frozen=True)
class InterviewCues:
    named_after: re.Pattern[str]
    named_before: re.Pattern[str]
    topic_words: frozenset[str]
    lead_paragraphs: int
    intro_max_paragraphs: int
    question_max_words: int
    min_questions: int


def _phrases(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def interview_cues() -> InterviewCues:
    """The interview cues of ``data/interview_cues.yaml``, compiled once per process."""
    raw = load_data_yaml("interview_cues.yaml")
    return InterviewCues(_phrases(raw["named_after"]), _phrases(raw["named_before"]),
                         frozenset(w.lower() for w in raw["topic_words"]), int(raw["lead_paragraphs"]),
                         int(raw["intro_max_paragraphs"]), int(raw["question_max_words"]), int(raw["min_questions"]))


def _is_question(text: str, paragraph: Paragraph, cues: InterviewCues) -> bool:
    words = text[paragraph.start:paragraph.end].strip()
    return (paragraph.kind == "body" and words.endswith("?") and words[:1] not in _OPENING_MARKS
            and len(_WORD.findall(words)) <= cues.question_max_words)


def _answer_paragraphs(text: str, paragraphs: list[Paragraph], cues: InterviewCues
                       ) -> tuple[int | None, list[Paragraph]]:
    """Where the first question starts, and the answer paragraphs (none unless enough questions are answered)."""
    first_question: int | None = None
    answered = 0
    answers: list[Paragraph] = []
    in_answer = answered_this = False
    for number, paragraph in enumerate(paragraphs):
        if _is_question(text, paragraph, cues):
            if first_question is None and number > cues.intro_max_paragraphs:
                return None, []  # questions far down: readers' comments, a live blog
            first_question = paragraph.start if first_question is None else first_question
            in_answer = True
            answered_this = False
            continue
        if paragraph.kind == "heading":
            in_answer = False
        elif paragraph.kind == "body" and in_answer:
            if _LABEL.match(text, paragraph.start):
                return first_question, []  # a labelled transcript: its labels name the speakers
            answers.append(paragraph)
            if not answered_this:
                answered, answered_this = answered + 1, True
    return first_question, answers if answered >= cues.min_questions else []


_NOT_NAMES = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "PRODUCT", "LAW"})
_OBJECT_PRONOUNS = frozenset({"him", "her"})


def _name_at(doc: Doc, token: Token) -> Span | None:
    """The person's name that ``token`` opens: a PERSON entity, or a run of two or more capitalised proper nouns
    the model gave no other label and no article ("Aner Shalev", "Marymegan Daly" tagged a work of art)."""
    if token.ent_type_ == "PERSON":
        return next(e for e in doc.ents if e.start <= token.i < e.end)
    if token.i > 0 and (doc[token.i - 1].lower_ == "the" or doc[token.i - 1].text in _OPENING_MARKS):
        return None  # a byname or a title: "the 'Mets Poet'"
    end = token.i
    while (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
           and doc[end].ent_type_ not in _NOT_NAMES):
        end += 1
    return doc[token.i:end] if end - token.i >= 2 else None


def _named_after(doc: Doc, match: re.Match[str], lead: Span, cues: InterviewCues) -> Span | None:
    """The name the cue's sentence gives after it, before any topic word ("interviews … on …")."""
    cue = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    passed_other = False  # an object already named: "an interview with the Associated Press, Rick Santorum said"
    for token in doc[cue.end:cue[-1].sent.end]:
        if token.idx >= lead.end_char or token.lower_ in cues.topic_words or (token.text == "," and passed_other):
            return None
        passed_other = passed_other or token.ent_type_ in _NOT_NAMES
        if token.lower_ in _OBJECT_PRONOUNS and token.i == cue.end:
            return _most_named(doc, lead)  # "Wikinews interviewed him": the person the lead is about
        name = _name_at(doc, token)
        if name is not None:
            return name
    return None


def _named_before(doc: Doc, text: str, match: re.Match[str], lead: Span) -> Span | None:
    """The name nearest before the cue in its sentence ("Nick Bos tells …"); for a pronoun, the lead's person."""
    cue = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    sentence = cue[0].sent
    if _PRONOUN_BEFORE.match(text[sentence.start_char:match.start()]):
        return _most_named(doc, lead)  # "He was interviewed by …"
    for token in reversed(doc[sentence.start:cue.start]):
        name = _name_at(doc, token)
        if name is not None and (token.i == 0 or _name_at(doc, doc[token.i - 1]) is None):
            return name
    return None


def _most_named(doc: Doc, lead: Span) -> Span | None:
    """The person the lead names most often (by surname; ties: the first named)."""
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= lead.end_char]
    if not persons:
        return None
    counts: dict[str, int] = {}
    for person in persons:
        counts[person[-1].lower_] = counts.get(person[-1].lower_, 0) + 1
    return max(persons, key=lambda p: (counts[p[-1].lower_], -p.start))


def _interviewee(doc: Doc, text: str, lead: Span, cues: InterviewCues) -> SpeakerMention | None:
    """The one interviewed, as first named with an interview cue in the lead; None if none or two of them."""
    end = lead.end_char
    found = [(m.start(), _named_after(doc, m, lead, cues)) for m in cues.named_after.finditer(text, 0, end)]
    found += [(m.start(), _named_before(doc, text, m, lead)) for m in cues.named_before.finditer(text, 0, end)]
    named = [name for _, name in sorted(found, key=lambda pair: pair[0]) if name is not None]
    if not named or _JOINED_NAME.match(text, named[0].end_char):
        return None
    return SpeakerMention(named[0].start_char, named[0].end_char, named[0].root.i)


def interview_answers(doc: Doc, paragraphs: list[Paragraph]) -> list[InterviewAnswer]:
    """The answers of a question-and-answer interview, each with its interviewee; [] for any other article."""
    text = doc_text(doc)
    cues = interview_cues()
    first_question, answers = _answer_paragraphs(text, paragraphs, cues)
    if not answers or first_question is None:
        return []
    lead_end = min(first_question, paragraphs[min(cues.lead_paragraphs, len(paragraphs)) - 1].end)
    lead = doc.char_span(0, lead_end, alignment_mode="contract")
    interviewee = _interviewee(doc, text, lead, cues) if lead is not None else None
    if interviewee is None:
        return []
    return [InterviewAnswer(p.index, p.start, p.end, interviewee) for p in answers]
