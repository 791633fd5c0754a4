"""Speech cues in a parsed Doc: the cue verb or phrase, its speaker mention and its content, from the parse."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import numpy as np
from spacy.attrs import LEMMA
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .parse import doc_text
from .resources import load_data_yaml

_SUBJECTS = ("nsubj",)
_BORROWED_SUBJECTS = ("nsubj", "nsubjpass")
_CONTENT_DEPS = ("ccomp",)
_EDGE_PUNCT = " \t\n,;:—–-"
# Clause parts that belong to the cue, not to the content: "also said", "said on Monday in a statement".
# The tokens where a verb such as "saying" or "added" borrows its subject from the verb it hangs on.
_BORROWS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "prep", "dep", "advmod", "acomp")


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, str]
    phrasal: dict[tuple[str, str], str]
    phrases: tuple[str, ...]
    naming: frozenset[str]
    finders: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    media: frozenset[str] = frozenset()
    addressed: frozenset[str] = frozenset()
    other_senses: dict[str, frozenset[str]] = field(default_factory=dict)
    other_sense_particles: frozenset[str] = frozenset()
    directives: frozenset[str] = frozenset()
    prepositional: dict[str, frozenset[str]] = field(default_factory=dict)
    topic_prepositions: dict[str, frozenset[str]] = field(default_factory=dict)
    passive_reports: frozenset[str] = frozenset()
    anonymity_requests: frozenset[str] = frozenset()
    discourse_markers: frozenset[str] = frozenset()
    raising_passives: frozenset[str] = frozenset()
    speaker_adjectives: frozenset[str] = frozenset()

    @cached_property
    def known_verbs(self) -> frozenset[str]:
        """Every verb lemma the lexicon holds: cue, prepositional and phrasal verbs."""
        return frozenset(self.verbs.keys() | self.prepositional.keys() | {verb for verb, _ in self.phrasal})

    def tone(self, lemma: str) -> str | None:
        """``neutral`` or ``loaded`` for a cue verb lemma; None when it is no speech verb."""
        return self.verbs.get(lemma)

    def is_speech_cue(self, cue: str) -> bool:
        """True when a cue as written ("has said", "according to", "fired back at") holds a speech verb."""
        words = [w.strip(".,:;\"“”").lower() for w in cue.split()]
        text = " ".join(words)
        if any(p in text for p in self.phrases):
            return True
        lemmas = [_verb_lemma(w, self) for w in words]
        if any((lemma, word) in self.phrasal or word in self.prepositional.get(lemma, ())
               for lemma, word in zip(lemmas, words[1:], strict=False)):
            return True
        return any(lemma in self.verbs for lemma in lemmas)


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
              "spoken": "speak", "swore": "swear", "sworn": "swear", "found": "find", "shown": "show",
              "shot": "shoot", "hit": "hit", "fired": "fire", "ran": "run"}


def _verb_lemma(word: str, lexicon: CueLexicon) -> str:
    """A rough lemma of an inflected verb form, checked against the lexicon (for gold cue strings)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    known = lexicon.known_verbs
    if word in known:
        return word
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("s", "")):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in known:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:  # "slammed"
                return stem[:-1]
    return word


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue lexicon from ``data/cue_verbs.yaml``, once per process."""
    raw = load_data_yaml("cue_verbs.yaml")
    verbs: dict[str, str] = {}
    phrasal: dict[tuple[str, str], str] = {}
    for tone in ("neutral", "loaded"):
        for entry in raw[tone]:
            parts = entry.split()
            if len(parts) == 1:
                verbs.setdefault(parts[0], tone)
            else:
                phrasal.setdefault((parts[0], parts[1]), tone)
    return CueLexicon(verbs, phrasal, tuple(raw["phrases"]), frozenset(raw["naming"]), frozenset(raw["finders"]),
                     frozenset(raw["nouns"]), frozenset(raw["media"]), frozenset(raw["addressed"]),
                     {verb: frozenset(objects) for verb, objects in raw["other_senses"].items()},
                     frozenset(raw["other_sense_particles"]), frozenset(raw["directives"]),
                     {verb: frozenset(words) for verb, words in raw["prepositional"].items()},
                     {verb: frozenset(words) for verb, words in raw["topic_prepositions"].items()},
                     frozenset(raw["passive_reports"]), frozenset(raw["anonymity_requests"]),
                     frozenset(raw["discourse_markers"]), frozenset(raw["raising_passives"]),
                     frozenset(raw["speaker_adjectives"]))


@lru_cache(maxsize=1)
def _cue_lemma_hashes() -> np.ndarray:
    """String-store hashes of every lemma ``find_cues`` looks at: cue verbs, phrasal and naming verbs, "accord"."""
    lexicon = cue_lexicon()
    lemmas = {*lexicon.known_verbs, *lexicon.naming, *lexicon.nouns, "accord"}
    return np.array(sorted(hash_string(lemma) for lemma in lemmas), dtype=np.uint64)


@dataclass(frozen=True)
class Cue:
    """One speech cue: offsets of the cue words, of the speaker mention and of the content (None if unknown).

    ``head`` is the speaker mention's head token index; ``clause`` the span of speaker plus cue.
    """

    cue: tuple[int, int]
    tone: str
    speaker: tuple[int, int] | None
    head: int | None
    content: tuple[int, int] | None
    clause: tuple[int, int]
    sentence: tuple[int, int]
    naming: bool = False
    coordinated: bool = False  # the cue verb is coordinated with another verb ("…, and most said …")
    conjoined: bool = False  # the cue verb is a conjunct, with or without a subject ("… and called it “…”")
    participle: bool = False  # a participle set off by a comma, an attribution of its own ("…, saying that …")

    @property
    def parenthetical(self) -> bool:
        """The cue's clause stands inside its content: "Congress, he said, can still pass …"."""
        return self.content is not None and self.content[0] < self.clause[0] and self.clause[1] < self.content[1]


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


_CLOSING = frozenset({"”", '"', "’", "'", "''"})
_OPENING = frozenset({"“", '"', "‘", "«", "„"})
_GAP_SPEAKER_MAX = 12
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Verbs whose direct object is the person addressed, not what was said.
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "urge", "advise", "warn", "assure", "caution", "answer",
                              "quote"})
# Verbs of urging, whose object may be what is urged rather than the one urged ("urged restraint").
_URGING_VERBS = frozenset({"urge"})
# Verbs whose object is the person or thing judged: the content is the object and what it is judged for
# ("praised Fields for pursuing charges", "accused Clinton of pushing to indict him").
_JUDGING_VERBS = frozenset({"blame", "praise", "thank", "accuse", "attack", "criticize", "criticise", "mock", "slam",
                            "blast", "hail", "laud", "applaud", "scold", "chide", "admonish", "taunt", "rip",
                            "lambaste", "lambast", "condemn", "denounce", "fault", "credit", "commend"})
# Verbs that report speech only with a reported clause or a quotation, not with an object or an infinitive
# ("the poll found that …" but not "find it hard"; "“…,” he continued" but not "continue to struggle").
_CLAUSE_ONLY = frozenset({"find", "continue", "add", "describe", "speak", "maintain", "explain"})
# Of those, verbs whose object is what was said too ("described himself as a religious Catholic").
_OBJECT_TOO = frozenset({"describe", "explain"})
_OBJECT_MODIFIERS = frozenset({"prep", "acl", "xcomp"})
_FINITE_TAGS = ("VBD", "VBZ", "VBP")
_THAT_OPENS = ("mark", "advmod")  # "that" opening a reported clause, as the parser reads it (not a relative's subject)
# Verbs of asking, whose "if" or "whether" clause is what was asked.
_QUESTION_VERBS = frozenset({"ask", "wonder", "question", "inquire", "query"})
# Prepositions whose object is what was said ("complained about …", "spoke out against …"); a verb's own ones
# ("spoke of …", "commented on …") are the lexicon's `topic_prepositions`.
_TOPIC_PREPOSITIONS = frozenset({"about", "against"})
# prepositions that open the circumstances of the saying, not a part of what was said ("praises Obama after a
# meeting"); "in" and "on" only before a medium of `cue_verbs.yaml` ("claimed victory in a tweet")
_CIRCUMSTANCE_PREPOSITIONS = frozenset({"after", "before", "during", "amid", "following", "since", "until", "at",
                                        "through", "via"})
# where a poll puts the one it shows, right after the object: "shows Clinton ahead by 3.7 points"
_STANDINGS = frozenset({"ahead", "behind", "up", "down", "even", "tied", "level"})
_JUDGED_FOR = frozenset({"for", "of", "as", "over", "with", "about", "on"})


def _inside(offset: int, quoted: list[tuple[int, int]]) -> bool:
    index = bisect_right(quoted, (offset, 1 << 62)) - 1
    return index >= 0 and quoted[index][0] <= offset < quoted[index][1]


def _gap_subject(verb: Token) -> Token | None:
    """For ``“…,” Ramos, 58, told AFP``, which the parser may not link: the noun between the quote and the cue."""
    sent_start = verb.sent.start
    nouns: list[Token] = []
    for i in range(verb.i - 1, max(sent_start, verb.i - _GAP_SPEAKER_MAX) - 1, -1):
        token = verb.doc[i]
        if token.text in _CLOSING or token.text in ("“", "‘"):
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            nouns.append(token)
    else:
        return _adjacent_noun(verb)
    if not nouns:
        return _inverted_subject(verb)
    names = [t for t in nouns if t.pos_ in ("PROPN", "PRON")]
    found = (names or nouns)[-1]
    if found.ent_type_ in _WHEN_LABELS:  # a date is no speaker: "endorsed Sanders’ approach Saturday, saying"
        found = _described_by_participle(verb) or found
    while found.dep_ == "compound" and found.head.pos_ == "PROPN" and found.i < found.head.i < verb.i:
        found = found.head  # the name a title or first name opens: "Mr." in "Mr. Obama" (not "CPS" in "CPS records")
    return found


_WHEN_LABELS = frozenset({"DATE", "TIME"})


def _described_by_participle(verb: Token) -> Token | None:
    """The name a participle clause describes, where the parse hung the cue on it ("Donald Trump, …, tweeted on
    Friday to say …", parsed as a clause modifying "Trump"): the person or body the clause is an ``acl`` of."""
    current = verb
    for _ in range(3):
        if current.dep_ == "acl" and current.head.ent_type_ in ("PERSON", "ORG"):
            return current.head
        if current.dep_ not in ("advcl", "xcomp", "acl", "conj") or current.head is current:
            return None
        current = current.head
    return None


def _adjacent_noun(verb: Token) -> Token | None:
    """A noun right before the verb (adverbs, a closing comma or a parenthesis such as "(R-Wis.)" aside) that the
    parser failed to make its subject; else, for ``“…,” added Gowdy.``, the name right after the verb."""
    doc, i, start = verb.doc, verb.i - 1, verb.sent.start
    while i >= start and doc[i].pos_ in ("ADV", "AUX", "PART", "SPACE"):
        i -= 1
    if i >= start and doc[i].text == ")":
        opening = next((j for j in range(i - 1, max(start, i - 8) - 1, -1) if doc[j].text == "("), None)
        if opening is not None:
            i = opening - 1
    if i > start and doc[i].text == "," and doc[i - 1].pos_ == "PROPN":  # "her adviser, Jake Sullivan, said"
        i -= 1
    described = _described_by_participle(verb) if i >= start and doc[i].ent_type_ in _WHEN_LABELS else None
    if described is not None:
        return described  # a date is no speaker: "… tweeted on Friday to say …"
    if i >= start and doc[i].pos_ in ("PROPN", "NOUN", "PRON", "NUM") and doc[i].dep_ != "dobj":
        return doc[i]  # "About 4 in 10 say …" too
    if i >= start and doc[i].text == ",":
        found = _appositive_subject(verb, i)
        if found is not None:
            return found
    return _inverted_subject(verb)


_APPOSITIVE_REACH = 30


def _appositive_subject(verb: Token, comma: int) -> Token | None:
    """``Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said …``, parsed without a
    subject: the nearest person or organisation name before the comma, with no quotation or clause break between."""
    doc = verb.doc
    for i in range(comma - 1, max(verb.sent.start, comma - _APPOSITIVE_REACH) - 1, -1):
        token = doc[i]
        if token.text in _CLOSING or token.text in _OPENING or token.text in (";", ":"):
            return None
        if token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG"):
            return _described_name(token, max(verb.sent.start, comma - _APPOSITIVE_REACH), comma)
    return None


def _described_name(name: Token, first: int, comma: int) -> Token:
    """The name a nearer name describes, where the nearer one is part of an appositive description ("Trump, the
    2016 GOP presidential frontrunner …, said": GOP describes Trump); else the name itself."""
    found = name
    for ancestor in name.ancestors:
        if not first <= ancestor.i < comma or any(
                t.text in _CLOSING or t.text in _OPENING for t in name.doc[min(ancestor.i, name.i):name.i]):
            break  # not past a quotation mark: the description is the writer's, after the quotation
        if ancestor.pos_ == "PROPN" and ancestor.ent_type_ in ("PERSON", "ORG"):
            found = ancestor
    return found


def _inverted_subject(verb: Token) -> Token | None:
    """``“…,” added Gowdy.``: a quotation closes just before the verb and a name follows it to the clause's end;
    or ``Said Ellis: “…”`` at the start of a sentence."""
    doc, before = verb.doc, verb.i - 1
    while before >= verb.sent.start and doc[before].is_space:
        before -= 1
    opening = before < verb.sent.start
    if not opening and not (doc[before].text in _CLOSING or doc[before].text == ","):
        return None
    names = []
    for token in doc[verb.i + 1:verb.sent.end]:
        if token.pos_ != "PROPN" and not (not names and not opening and _untagged_name(token)):
            break
        names.append(token)
    if opening and (not names or names[-1].i + 1 >= len(doc) or doc[names[-1].i + 1].text not in (":", ",")):
        return None
    if not names and not opening:
        return _inverted_noun_phrase(verb)
    return names[-1] if names else None


def _untagged_name(token: Token) -> bool:
    """A capitalised word the tagger missed as a name, closed by punctuation: ``“…,” said Skelly, explaining …``."""
    following = token.i + 1
    return (token.is_title and token.is_alpha and not token.is_stop and following < len(token.doc)
            and token.doc[following].is_punct)


_NOUN_PHRASE_LEAD = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN"})


def _inverted_noun_phrase(verb: Token) -> Token | None:
    """``“How big is that wall?” asked the boy, …``: the noun phrase right after the verb, which the parser may read
    as its object, is who spoke; its head noun, when the phrase ("one woman in the crowd") runs to a comma or the
    clause's end."""
    for token in verb.doc[verb.i + 1:verb.sent.end]:
        if token.pos_ not in _NOUN_PHRASE_LEAD and token.dep_ != "amod":  # "said retired neurosurgeon …"
            return None
        if _subject_of_aside_participle(token, verb):
            return token  # "“…,” said retired neurosurgeon Ben Carson, asked about …"
        if token.pos_ in ("NOUN", "PROPN") and (token.head.i == verb.i and token.dep_ in ("nsubj", "dobj") or (
                token.dep_ == "nsubj" and token.head.dep_ == "ccomp" and token.head.head.i == verb.i)):
            # "“…,” said the woman, who … did not want to be quoted": the parser made her the subject of a clause
            ends = (token.i + 1, token.right_edge.i + 1)  # the head noun, or its phrase, then a comma or "in …"
            closed = any(i >= verb.sent.end or verb.doc[i].pos_ in ("PUNCT", "ADP") for i in ends)
            return token if closed else None
    return None


def _subject_of_aside_participle(token: Token, verb: Token) -> bool:
    """True for a noun the parse made the subject of a participle after a comma that hangs on ``verb``, where it is
    the verb's own inverted subject: "said retired neurosurgeon Ben Carson, asked about his claims"."""
    participle = token.head
    return (token.dep_ == "nsubj" and token.pos_ in ("NOUN", "PROPN") and participle.head.i == verb.i
            and participle.tag_ in ("VBN", "VBG", "VBD") and participle.i > token.i + 1
            and verb.doc[participle.i - 1].text == "," and all(
                t.head.i == token.i for t in verb.doc[token.i + 1:participle.i]))


def _relativiser_only(doc: Doc, start: int, end: int) -> bool:
    """True when the words from ``start`` to ``end`` are a relative pronoun alone ("which", "who")."""
    tokens = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in tokens if not t.is_punct and not t.is_space] if tokens is not None else []
    return len(words) == 1 and words[0].tag_ in _RELATIVISER_TAGS


def _comment_cut(doc: Doc, content: tuple[int, int], quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A content without the writer's relative clause that closes it after a comma ("… to Ted Cruz, for whom he
    was scheduled to co-host a fundraiser", "… Clinton’s email use, which an FBI investigation said was …"): the
    clause explains a name to the reader; the speaker did not say it. Likewise a contrasting clause of the writer's
    ("…, even as speculation was brewing", "…, while emphasizing …"). Kept when it holds a quotation."""
    tokens = doc.char_span(content[0], content[1], alignment_mode="expand")
    if tokens is None:
        return content
    for token in tokens:
        if token.dep_ == "appos" and token.left_edge.i > tokens.start and doc[token.left_edge.i - 1].text == "," \
                and token.head.pos_ == "PROPN" and token.pos_ == "NOUN" \
                and not any(child.dep_ in ("cc", "conj") for child in token.children):
            clause_end = token.right_edge.idx + len(token.right_edge)
            if clause_end >= content[1] - 1 and not _holds_quote((token.left_edge.idx, clause_end), quoted):
                return _trim(doc_text(doc), content[0], doc[token.left_edge.i - 1].idx)
        if token.dep_ not in ("relcl", "advcl") or token.left_edge.i <= tokens.start:
            continue
        first = token.left_edge
        comma = doc[first.i - 1]
        if comma.text != ",":
            continue
        opening = doc[first.i:min(token.i, first.i + 3)]
        if token.dep_ == "relcl" and not any(t.tag_ in _RELATIVISER_TAGS or t.lower_ in _RELATIVE_ADVERBS
                                             for t in opening):
            continue
        if token.dep_ == "advcl" and not (first.lower_ in _WRITER_SUBORDINATORS or (
                first.lower_ == "even" and doc[first.i + 1].lower_ in ("as", "though", "if"))):
            continue
        clause_end = token.right_edge.idx + len(token.right_edge)
        if clause_end >= content[1] - 1 and not _holds_quote((first.idx, clause_end), quoted):
            return _trim(doc_text(doc), content[0], comma.idx)
    return content


def _participle_cut(clause: Token, end: int) -> int:
    """End of a reported clause before a trailing ", prompting …" participle: the writer's comment, not the speech."""
    for child in clause.children:
        if (child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > clause.i and child.i > 0
                and clause.doc[child.i - 1].text == "," and child.right_edge.idx + len(child.right_edge) >= end - 1):
            return clause.doc[child.i - 1].idx
    return end


def _past_dash_aside(verb: Token, end: int) -> int:
    """End of a reported clause that the parse cut at an aside between dashes ("pledged to ban all cars — two
    million vehicles — from entering the city", the aside and the rest hung on a word before the cue): the end
    of the words after the aside, to the sentence's end; else ``end``."""
    doc, sentence = verb.doc, verb.sent
    first = next((t for t in doc[verb.i + 1:sentence.end] if t.idx >= end), None)
    if first is None or not _dash(first) or verb.is_ancestor(first):
        return end
    second = next((t for t in doc[first.i + 1:sentence.end] if _dash(t)), None)
    if second is None or any(t.text in _CLOSING or t.text in _OPENING for t in doc[first.i:sentence.end]):
        return end
    words = [t for t in doc[second.i + 1:sentence.end] if not t.is_punct]
    if not words or verb.is_ancestor(words[0]) or any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in words):
        return end  # not a clause of its own after the aside ("–and has been indicted– his dealings are …")
    return words[-1].idx + len(words[-1])


def _subject(verb: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """The subject of a cue verb, borrowed from the verb it hangs on for "saying", "and added"."""
    found = linked_subject(verb)
    if found is not None and not _inside(found.idx, quoted):
        return found
    found = _gap_subject(verb)
    if found is not None and found.dep_ == "appos" and _describes_speaker(found.head, found, verb):
        return found.head  # "“…,” the nominee, Donald Trump, tweeted": the description the name stands beside
    return found


def _describes_speaker(description: Token, name: Token, verb: Token) -> bool:
    """Whether a common noun that a name before a cue stands in apposition to describes the speaker ("the nominee,
    Donald Trump, tweeted"): in the cue's sentence, with no quotation mark or verb between them, and not the object
    of a preposition or verb nor the subject of a verb of its own ("From Bosch, the carmaker's chief …", "As scores
    of farmers went into hiding, a senior official …")."""
    return (description.pos_ == "NOUN" and verb.sent.start <= description.i < name.i
            and description.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "conj")
            and not any(t.text in _CLOSING or t.text in _OPENING or t.pos_ in ("VERB", "AUX")
                        for t in verb.doc[description.i:name.i]))


def linked_subject(verb: Token) -> Token | None:
    """The verb's ``nsubj``, else the subject (active or passive) of the verb it hangs on ("…, saying", "and
    added", "began by saying", "After saying …, she was whisked off", "aside from saying"), up to five steps."""
    current = verb
    for _ in range(5):
        medium = _medium_of(current)
        if medium is not None:  # "issued a statement calling …", "in a tweet saying …", "his ad urging …"
            owner = next((c for c in medium.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
            holder = medium.head if medium.dep_ == "dobj" else medium.head.head
            if medium.dep_ not in ("dobj", "pobj") or holder.pos_ not in ("VERB", "AUX"):
                return None
            current = holder
            continue
        deps = _SUBJECTS if current is verb else _BORROWED_SUBJECTS
        subjects = [c for c in current.children if c.dep_ in deps and c.lower_.rstrip(".") not in _NAME_SUFFIXES]
        if subjects:
            child = min(subjects, key=lambda c: (c.pos_ == "VERB", abs(c.i - current.i)))
            if child.tag_ in ("WP", "WDT") or (child.right_edge.tag_ in ("WP", "WDT")
                                               and child.right_edge.i - child.i <= 2):  # "who said", "many of whom say"
                if current.dep_ == "relcl":
                    return _person_for_who(child, _before_the_date(current.head))
                return _antecedent(child) or child  # a relative clause parsed as an adverbial one
            return _aside_name(child, verb) if current is verb else child
        if current.dep_ == "acomp" and current.lower_ not in cue_lexicon().speaker_adjectives:
            return None  # "is difficult to predict", "were able to move freely": the subject says nothing
        if current.dep_ in _BORROWS_SUBJECT and current.head is not current:
            current = current.head
        else:
            return None
    return None


def _aside_name(subject: Token, verb: Token) -> Token:
    """The name right before an aside's verb, where the parse made the words before its comma the subject and the
    name their apposition ("To understand the real Dred Scott, Chief Justice Roberts said, one should …")."""
    if verb.dep_ != "parataxis":
        return subject
    name = next((c for c in subject.children if c.dep_ == "appos" and c.i == verb.i - 1 and c.pos_ == "PROPN"
                 and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ","), None)
    return name or subject


def _medium_of(verb: Token) -> Token | None:
    """The statement, tweet or letter whose words a participle tells ("a statement calling the test …"), also
    where the parser hung the participle on the verb, with a subject of its own ("sent a letter to Secretary
    Burwell demanding to know …": Burwell demands nothing)."""
    if verb.tag_ != "VBG" or verb.head.i >= verb.i:
        return None
    media = cue_lexicon().media
    if verb.dep_ == "acl":
        return verb.head if verb.head.lemma_.lower() in media else None
    if verb.dep_ == "advcl" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                     and c.lemma_.lower() in media), None)
    return None


# words that never name a speaker, though the parse makes them a cue verb's subject ("This is …", "which said")
NO_SPEAKER_WORDS = frozenset({"this", "that", "these", "those", "there", "which", "what"})


def _person_for_who(relativiser: Token, noun: Token) -> Token:
    """The noun "who" stands for: not a place the parse attached the clause to, but the noun that place hangs on
    ("a U.S. citizen from the Chicago area who said" is the citizen)."""
    if (relativiser.lower_ in ("who", "whom") and noun.dep_ == "pobj" and noun.ent_type_ != "PERSON"
            and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in noun.subtree)
            and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN")):
        noun = noun.head.head
        if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
            return noun.head  # "Roberto Aguirre, a U.S. citizen from the Chicago area who said"
    if (relativiser.lower_ in ("who", "whom") and noun.dep_ == "appos" and noun.ent_type_ in ("GPE", "LOC")
            and noun.head.ent_type_ == "PERSON"):
        return noun.head  # a legislator's home after the name: "Rep. Joaquin Castro, D-San Antonio, who condemned"
    predicate = noun
    while predicate.dep_ == "conj" and predicate.head is not predicate:
        predicate = predicate.head
    copula = predicate.head
    if (relativiser.lower_ in ("who", "whom") and predicate.dep_ == "attr" and predicate.pos_ == "NOUN"
            and copula.lemma_ == "be" and copula.i < predicate.left_edge.i
            and not any(t.is_punct for t in noun.doc[copula.i + 1:predicate.left_edge.i])):
        # what someone is said to be: "Smith is a lawyer who said …", "Smith … and is a serial liar, bigot and bully
        # who has pledged …" is Smith (not "This is a man who …", nor "The wild card is Trump, who …")
        holder = copula.head if copula.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "expl") for c in copula.children) else copula
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in NO_SPEAKER_WORDS and subject.lower_ != "it":
            return subject
    return noun


def _before_the_date(noun: Token) -> Token:
    """For a relative clause the parse hung on a date ("released her medical records in July, which showed …"): the
    object of the verb the date's preposition hangs on, which the clause is about."""
    if noun.ent_type_ not in _WHEN_LABELS or noun.dep_ != "pobj":
        return noun
    verb = noun.head.head
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i), noun)


def _antecedent(relativiser: Token) -> Token | None:
    """The noun a relative pronoun stands for when the parse did not attach its clause to it: the noun right before
    it, past a comma or dash ("the Chicago Police Department which reported", "victims, many of whom say")."""
    doc, i = relativiser.doc, relativiser.i - 1
    while i >= relativiser.sent.start and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i >= relativiser.sent.start and doc[i].pos_ in ("NOUN", "PROPN") and doc[i].ent_type_ not in ("DATE", "TIME"):
        return doc[i]
    return None


def _dash(token: Token) -> bool:
    """A dash between words: "–", "—", "--", or a hyphen with spaces around it."""
    return token.text in ("–", "—", "―", "--") or (
        token.text == "-" and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_))


def _past_dash(subject: Token) -> Token:
    """The speaker after a dateline the parse made the subject: "Washington, DC – Congressman Ryan (D-OH)
    announced" is Ryan, not Washington ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey"): the
    last word of the first person or organisation after the dash; and the words after a dash that closes an aside
    the subject stands in: the subject's apposition after it."""
    doc = subject.doc
    dash = next((t for t in doc[subject.i + 1:subject.right_edge.i + 1] if _dash(t)), None)
    if dash is None:
        return subject
    before = doc[subject.left_edge.i:dash.i]
    bracketed = {t.i for t in before if any(b.text == "(" for b in before if b.i < t.i)
                 and any(b.text == ")" for b in before if b.i > t.i)}
    dateline = doc[dash.i - 1].ent_type_ == "GPE" or (  # "CLEVELAND, July 19 (UPI) —", "New York (AFP) —"
        any(t.ent_type_ == "GPE" for t in before)
        and all(t.ent_type_ in ("GPE", "DATE") or t.is_punct or t.like_num or t.i in bracketed
                or t.is_upper and t.is_alpha for t in before))  # "HANOI, Vietnam (AP) —": the town in capitals
    # or the subject closes an aside opened by a dash before it: "In the letter - addressed to …, Channing D.
    # Phillips - the Utah Republican asks"
    aside = sum(_dash(t) for t in doc[subject.sent.start:subject.left_edge.i]) % 2 == 1
    if not (dateline or aside):
        return subject
    apposition = next((c for c in subject.rights if c.i > dash.i and c.dep_ == "appos"), None)
    if aside and apposition is not None:
        return apposition
    for token in doc[dash.i + 1:subject.right_edge.i + 1]:
        if token.ent_type_ in ("PERSON", "ORG"):
            last = token.i
            while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
                last += 1
            return doc[last]
    return subject


def _mention_span(head: Token, verb: Token) -> tuple[int, int]:
    """The speaker mention: the subject's subtree on its side of the verb, within the quote's gap."""
    tokens = [t for t in head.subtree if t.i < verb.i] if head.i < verb.i else list(head.subtree)
    if head.i < verb.i:
        tokens = [t for t in tokens if t.i <= head.i or not t.is_punct or t.i < verb.i - 1]
        before = [t for t in tokens if t.i < head.i and (t.text in _CLOSING or t.text in ("“", "‘")
                                                          or _dash(t))]
        if before:  # never reach back into the quotation, nor across a dash ("not true – media reports ...")
            tokens = [t for t in tokens if t.i > before[-1].i]
        after = [t for t in tokens if t.i > head.i and _dash(t)]
        if after:  # nor on past one: "Every significant legal expert -- including the former Chairman … --"
            tokens = [t for t in tokens if t.i < after[0].i]
    if head.i > verb.i:  # "said Daryl Kimball, executive director of ..." ends at the sentence's end
        tokens = [t for t in tokens if t.i > verb.i]
    cut = _relative_cut(head, verb, tokens)
    if cut is not None:
        tokens = [t for t in tokens if t.i < cut] or [head]
    tokens = [t for t in tokens if not t.is_punct or tokens[0].i < t.i < tokens[-1].i] or [head]
    if len(tokens) > 2 and tokens[0].lower_ == "to" and tokens[0].pos_ == "PART" and tokens[1].pos_ == "VERB" and (
            tokens[1].i < head.i):
        # a headline run into the text ("… Administration's Failure to Act U.S. Senators from Iowa … are
        # demanding"): no name opens with an infinitive
        tokens = tokens[2:]
    doc, last = head.doc, tokens[-1].i
    if head.i < verb.i:  # "“…,” Tulsa police Chief Chuck Jordan said": words the parse hung inside the quotation
        first = k = tokens[0].i
        while k > 0 and first - k < 3 and doc[k - 1].is_alpha:
            k -= 1
        if k < first and k > 1 and doc[k - 1].text in _CLOSING and doc[k - 2].text == "," and doc[k].text[:1].isupper():
            tokens = [doc[j] for j in range(k, first)] + tokens
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].lower_.rstrip(".") in _NAME_SUFFIXES:
        tokens.append(doc[last + 2])  # "Robert F. Kennedy, Jr."
    elif last + 1 < len(doc) and doc[last + 1].text == ")" and sum(
            t.text == "(" for t in tokens) > sum(t.text == ")" for t in tokens):
        tokens.append(doc[last + 1])  # "Rep. Luis V. Gutierrez (D-IL)", its bracket closed
    return _span(tokens)


_WRITER_SUBORDINATORS = frozenset({"while", "whereas", "although", "though"})
_RELATIVISER_TAGS = frozenset({"WDT", "WP", "WP$"})
_RELATIVE_ADVERBS = frozenset({"where"})  # ", where 18 electoral votes are up for grabs"
_CLAUSE_MARKS = frozenset({",", "—", "–", "-", "--", "(", ";"})


def _relative_cut(head: Token, verb: Token, tokens: list[Token]) -> int | None:
    """Where a speaker mention stops before a relative clause: the index of the relativiser of a clause that holds
    the cue verb ("the AP, which first reported", "new emissions rules that promise"), or of one set off by a
    comma or dash ("Michael Mulgrew, president of the union, which represents …"); None to keep the mention."""
    for token in tokens:
        if token.i <= head.i or token.tag_ not in _RELATIVISER_TAGS:
            continue
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        start = token
        while clause is not None and start.head.i not in (clause.i, start.i):
            start = start.head  # "many of whom": the clause's phrase that holds the relativiser
        start_i = min(start.left_edge.i, token.i)
        if start_i <= head.i:
            continue
        holds_verb = clause is not None and clause.left_edge.i <= verb.i <= clause.right_edge.i
        if holds_verb or token.doc[start_i - 1].text in _CLAUSE_MARKS:
            return start_i
    return None


def _passive_participle(verb: Token) -> bool:
    """A past participle set before or beside a clause, with no auxiliary: "When asked about the crisis, Cruz
    said …", "Asked by a reporter whether …", "Urged by her aides to quit, she …"."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


_PLURAL_PRONOUNS = frozenset({"we", "they", "i", "you"})
_WH_OPENERS = frozenset({"which", "what", "who", "whose", "how"})


def _misread_verb(token: Token, subject: Token) -> bool:
    """Whether a cue read as a verb in the third person singular is a plural noun the model took for a verb: its
    subject cannot agree with it ("We are alarmed by … and reports our offices have received"), or it follows the
    object of a preposition as the head of an adverbial clause with no subject of its own ("the number of gun shows
    ICE surveilled")."""
    if token.tag_ != "VBZ":
        return False
    if subject.lower_ in _PLURAL_PRONOUNS:  # not plural-looking nouns: "Sanders says"
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (token.dep_ == "advcl" and before is not None and before.dep_ == "pobj" and before.pos_ == "NOUN"
            and not any(c.dep_ in ("nsubj", "mark") for c in token.children))


def _asked_about(subject: Token) -> bool:
    """Whether the cue's subject is what a question asks for ("Which law enforcement agencies agreed to scan
    license plates?"): the sentence reports nobody's words."""
    opener = subject.left_edge
    return opener.lower_ in _WH_OPENERS and opener.tag_ in ("WDT", "WP", "WP$", "WRB") and subject.sent.text.rstrip(
        " \"”’)").endswith("?")


def _infinitive(verb: Token) -> bool:
    """True for a verb with its own "to" ("to explain", "to close the border")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """The object of a passive verb's "by" ("was told by officials", "was first reported by the AP")."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _impersonal_infinitive(verb: Token) -> bool:
    """An infinitive cue after an adjective whose subject is "it" or no one: "Is it fair to say that …", "It's safe
    to say …", "it is important to note that …". What follows is said, but by no one the sentence names. Not "He was
    quick to point out that …", "difficult for Trump to attack them", "eager to show that …"."""
    if not _infinitive(verb) or any(c.dep_ == "nsubj" for c in verb.children):
        return False  # "difficult for Trump to attack them": Trump would be the one attacking
    head = verb.head
    if head.pos_ == "ADJ":
        holder = head.head if head.dep_ in ("acomp", "oprd") else head
    elif head.pos_ in ("VERB", "AUX") and any(c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < verb.i
                                             for c in head.children):
        holder = head
    else:
        return False
    subjects = [c.lower_ for c in holder.children if c.dep_ in ("nsubj", "expl")]
    return bool(subjects) and all(s == "it" for s in subjects)  # not "eager to show …", whose subject is elsewhere


def _reported_by(verb: Token) -> tuple[Token | None, tuple[int, int] | None] | None:
    """The agent of a passive report and its mention ("by the AP"), both None without one; None for a negated
    report with no agent ("The claim that the bridge would close was never confirmed": nobody said it)."""
    agent = _agent(verb)
    if agent is None and any(c.dep_ == "neg" for c in verb.children):
        return None
    return agent, (_mention_span(agent, verb) if agent is not None else None)


def _raised_report(verb: Token, tone: str, text: str) -> Cue | None:
    """A passive of ``raising_passives`` before an infinitive ("Priebus was said to be “furious”"): the subject and
    the infinitive are what was said (the cue's clause inside them), the agent of "by", if any, the speaker."""
    lexicon = cue_lexicon()
    if verb.tag_ != "VBN" or verb.lemma_ not in lexicon.raising_passives or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and _infinitive(c)), None)
    if (subject is None or infinitive is None or infinitive.lemma_ in lexicon.known_verbs
            or infinitive.lemma_ in lexicon.naming):
        return None  # "Obama is reported to have called the Saudis “free riders”": Obama is the one who spoke
    content = _trim(text, _subtree_span(subject)[0], _subtree_span(infinitive)[1])
    if content is None:
        return None
    reported = _reported_by(verb)
    if reported is None:
        return None
    agent, speaker = reported
    cue = (verb.idx, verb.idx + len(verb))
    # the clause is "were said", "is reported by aides": cut out of what was said
    parts = [_subtree_span(c) for c in verb.children if c.dep_ in ("aux", "auxpass", "agent", "neg", "advmod")
             and subject.i < c.i < infinitive.i] + [cue]
    clause = (min(start for start, _ in parts), max(end for _, end in parts))
    return Cue(cue, tone, speaker, agent.i if agent is not None else None, content, clause,
               _whole_sentence(verb, text))


def _verb_cue(token: Token, tone: str, naming: bool, text: str, quoted: list[tuple[int, int]]) -> Cue | None:
    if token.is_title and not token.is_sent_start and token.dep_ in ("acl", "relcl") and _infinitive(token):
        return None  # a heading's capitalised infinitive reports nothing: "Items to Note: WAGM-8 (August 2016)"
    if token.dep_ == "acl" and token.head.pos_ == "NOUN" and _infinitive(token):
        return None  # an infinitive that tells what a noun is for reports nothing: "your attempt to explain …"
    passive = None if naming else (_passive_report(token, tone, text, quoted) or _raised_report(token, tone, text))
    if passive is not None:
        return passive
    subject = _subject(token, quoted)
    if (subject is None or _misread_verb(token, subject) or _asked_about(subject) or _other_sense(token)
            or _anonymity_request(token) or _patient_only(token)):
        return None
    subject = _past_dash(subject)
    cue_tokens = [token] + [c for c in token.children if c.dep_ == "prt" or _object_particle(c)]
    cue_tokens.sort(key=lambda t: t.i)
    sentence = _whole_sentence(token, text)
    speaker = _mention_span(subject, token)
    clause_start = min(speaker[0], cue_tokens[0].idx)
    as_mark = _as_mark(token)
    if as_mark is not None and as_mark.idx >= clause_start:
        as_mark = None
    if as_mark is not None:  # "Hawaii, as one of Mr. Obama's advisers pointed out, normally …": "as" opens the aside
        clause_start = as_mark.idx
    clause_end = max(speaker[1], cue_tokens[-1].idx + len(cue_tokens[-1]))
    content: tuple[int, int] | None = None
    if naming:
        objects = [c for c in token.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")]
        if objects:
            content = _trim(text, min(_subtree_span(c)[0] for c in objects),
                            max(_subtree_span(c)[1] for c in objects))
    else:
        clauses = [c for c in token.children if c.dep_ in _CONTENT_DEPS and c.i != subject.i]
        adverbial_start: int | None = None
        if not clauses:  # "said legalizing it could …", "pledged to repeal …"
            clauses = [c for c in token.children if c.dep_ == "xcomp" and c.i > token.i]
            if token.lemma_ not in _CLAUSE_ONLY:  # "continue to struggle" reports nothing, nor what goes on it
                clauses += _infinitive_conjuncts(token, clauses)
        if not clauses:  # "said in one of a series of messages that the truck …", the clause parsed as relative
            clauses = _that_clause_in_adjunct(token)
        if not clauses and token.lemma_ in _QUESTION_VERBS:  # "asked Clinton if she believed …", parsed as advcl
            clauses = [c for c in token.children if c.dep_ == "advcl" and c.i > token.i
                       and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)]
            clauses = clauses or _question_after_addressee(token)
        if not clauses:  # "said after the convention he would not accept …", the clause parsed as an adverbial
            clauses = [c for c in token.children if c.dep_ == "advcl" and c.i > token.i and _reported_adverbial(c)]
            adverbial_start = min((_reported_start(c) for c in clauses), default=None)
        if clauses:  # "said X, but that Y": a second reported clause coordinated with the verb
            clauses += [c for c in token.children if c.dep_ == "conj" and c.i > token.i
                        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        before = [c for c in clauses if c.i < token.i]
        if before and len(before) < len(clauses) and not any(_holds_quote(_subtree_span(c), quoted) for c in before):
            # "… isn't rattled — in fact, she said it “humanizes” her": the clause after the cue is what was said
            # (not when the clause before is a quotation: "“…,” Cruz said, …")
            clauses = [c for c in clauses if c.i > token.i]
        if clauses:
            start = min(_subtree_span(c)[0] for c in clauses)
            if adverbial_start is not None:  # not the adjunct the parser hung on the clause ("after the convention")
                start = max(start, adverbial_start)
            end = _past_dash_aside(token, max(_participle_cut(c, _subtree_span(c)[1]) for c in clauses))
            if start < clause_start and _relativiser_only(token.doc, start, clause_start):
                content = _trim(text, start, end)  # "which critics said was discriminatory": the whole clause
            elif start < clause_start:
                content = _trim(text, start, min(end, clause_start))
            elif start >= cue_tokens[-1].idx:
                content = _trim(text, start, end)
        else:
            # an aside's own adjuncts are part of its clause ("The plan, officials said on Monday, would …")
            aside_end = _adjuncts_end(token, clause_end)
            content = _unclaused_content(token, subject, text, sentence, clause_start, aside_end, quoted)
            if content is not None and (content[0] >= aside_end or content[0] < clause_start < aside_end < content[1]):
                clause_end = aside_end
            if content is None and as_mark is not None:  # "As Dell said last week in Tel Aviv, “…”": its adjuncts
                clause_end = _own_adjuncts_end(token, clause_end)
        if clauses and token.lemma_ in _CLAUSE_ONLY and all(c.dep_ == "xcomp" for c in clauses):
            if any(c.lemma_ in cue_lexicon().known_verbs for c in clauses):
                return None  # "continued to call for …": the verb it goes on with is the cue
            content = None  # "continue to struggle", "find him guilty"
        if clauses and token.lemma_ in _CLAUSE_ONLY and any(
                g.dep_ in ("nsubj", "nsubjpass") and g.lower_.endswith(("self", "selves"))
                for c in clauses for g in c.children):
            content = None  # "found himself embroiled in controversy"
    if content is not None and not naming:
        content = _comment_cut(token.doc, _after_leading_adjuncts(token, content), quoted)
    if content is not None and not _holds_quote(content, quoted) and _circumstantial(token.doc, content):
        content = None  # "… 11 times before he died", "gasping facedown on a sidewalk": when or where, not what
    if content is not None and speaker[0] <= content[0] and content[1] <= speaker[1]:
        content = None  # the inverted subject, parsed as the object: "“Meh,” wrote a Trump supporter …"
    cue = _span(cue_tokens)
    if content is not None and cue[1] <= content[0] and content[1] <= speaker[0]:
        # "Asked whether Clinton “has the integrity …,” 54 percent said no": the subject borrowed from the verb
        # after the content is no part of the cue's clause, which would otherwise span the quotation
        clause_start, clause_end = cue
    coordinated = token.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in token.children)
    conjoined = token.dep_ == "conj"
    participle = token.tag_ == "VBG" and token.i > 0 and token.doc[token.i - 1].text == "," and content is not None
    head: int | None = subject.i
    if token.lemma_ in cue_lexicon().addressed and (_passive_participle(token) or any(
            c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in token.children)):
        # the subject of a passive cue is the one told or asked, not the speaker: "Amer was told that …", "Asked
        # whether he would run, Smith said …"; the speaker is the agent where there is one ("was told by officials
        # that …", "Asked by a reporter whether …")
        agent = _agent(token)
        speaker, head = (_mention_span(agent, token), agent.i) if agent is not None else (None, None)
    elif _addressed_by_name(token, subject):
        speaker, head = None, None  # "Chairman Smith, Ranking Member Jones, thank you for …": the one thanked
    elif _impersonal_infinitive(token):
        speaker, head = None, None  # "It is fair to say that …": "it" says nothing (PolNeAR: no source)
    return Cue(cue, tone, speaker, head, content, (clause_start, clause_end),
               sentence, naming, coordinated, conjoined, participle)


def _other_sense(verb: Token) -> bool:
    """True for a cue verb whose object gives it a sense other than saying: "posted bail", "posted a 17 percent
    increase", "271 pledged delegates" (the parse's verb)."""
    senses = cue_lexicon().other_senses.get(verb.lemma_, frozenset())
    return any(c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in senses for c in verb.children)


def _patient_only(verb: Token) -> bool:
    """True for a passive cue verb whose subject is only what was acted on, with no agent to say anything: "300
    homes were threatened" (not the one told or asked of ``addressed``, whose passive keeps its own reading, nor
    "was quoted as saying", "was declared the winner", "it is said")."""
    return (any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in verb.children)
            and verb.lemma_ not in cue_lexicon().addressed and verb.lemma_ != "say" and _agent(verb) is None
            and not any(c.dep_ in ("ccomp", "xcomp", "oprd", "prep", "dobj", "attr", "dative") for c in verb.children))


def _anonymity_request(verb: Token) -> bool:
    """True for "asked not to be named", "requested not to be identified": a source's terms, not a statement."""
    return any(c.dep_ == "xcomp" and c.lemma_ in cue_lexicon().anonymity_requests
               and any(g.dep_ == "auxpass" for g in c.children) and any(g.dep_ == "neg" for g in c.children)
               for c in verb.children)


def _addressed_by_name(verb: Token, subject: Token) -> bool:
    """True where the parse made the one addressed the subject of a "thank you" that opens a speech or a reply
    ("Chairwoman Sanchez, Ranking Member Cannon, thank you for …", "Senator, thank you"): a name set off by a
    comma right before a verb in its bare form whose object is "you"."""
    return (verb.tag_ in ("VB", "VBP") and subject.i < verb.i and subject.right_edge.i in (verb.i - 2, verb.i - 1)
            and verb.doc[verb.i - 1].text == "," and not any(c.dep_ in ("aux", "neg") for c in verb.children)
            and any(c.dep_ == "dobj" and c.lower_ == "you" for c in verb.children))


def _passive_report(verb: Token, tone: str, text: str, quoted: list[tuple[int, int]]) -> Cue | None:
    """A passive cue whose subject is what was reported ("The meeting was first reported by the AP", "The price
    was not disclosed"): the subject is the content, the agent (if any) the speaker. Only for the lexicon's
    ``passive_reports`` (not "was told", "was charged"), not for a pronoun subject nor with a clause of its own."""
    if verb.tag_ != "VBN" or verb.lemma_ not in cue_lexicon().passive_reports:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
            c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children):
        return None
    if verb.dep_ in ("relcl", "acl", "advcl") or "according to" in verb.sent.text.lower():
        return None  # "On May 18, the day the deal was announced, the club was paid $29,715, according to …"
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or _inside(subject.idx, quoted):
        return None
    content = _trim(text, *_subtree_span(subject))
    if content is None:
        return None
    reported = _reported_by(verb)
    if reported is None:
        return None
    agent, speaker = reported
    cue = (verb.idx, verb.idx + len(verb))
    ends = [cue[1]] + ([speaker[1]] if speaker else [])
    return Cue(cue, tone, speaker, agent.i if agent is not None else None, content, (content[0], max(ends)),
               _whole_sentence(verb, text), False, False, False, False)


def _object_particle(token: Token) -> bool:
    """True for an object that is part of the cue phrase, not what was said: "it" in "As one voter put it, …"."""
    return token.dep_ == "dobj" and token.lower_ == "it" and (token.head.lemma_, "it") in cue_lexicon().phrasal


def _prep_object(prep: Token) -> Token | None:
    """The object of a preposition: a noun ("about the merger") or a clause ("about how he would …")."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _cue_preposition(verb: Token, words: frozenset[str]) -> Token | None:
    """The preposition with which a verb reports ("called for an inquiry"), or the "for" of a "for … to" clause
    the parser hung on it ("calling for the United States to step up …")."""
    if not words:
        return None
    return next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in words), None) or next(
        (g for c in verb.rights if c.dep_ == "advcl" for g in c.children
         if g.dep_ == "mark" and g.lower_ in words and g.i < c.i), None)


def _prepositional_cue(verb: Token, prep: Token, text: str, quoted: list[tuple[int, int]]) -> Cue | None:
    """A cue verb that reports with its preposition ("called for an inquiry", "called on Congress to act"): what was
    said is the preposition's object and the infinitive or clause after it; the cue is the verb and preposition."""
    if prep.dep_ == "mark":  # the "for" of a "for … to" clause: the clause after it
        obj, start = prep.head, prep.idx + len(prep)
    else:
        obj = _prep_object(prep)
        start = _subtree_span(obj)[0] if obj is not None else 0
    cue = _verb_cue(verb, "neutral", False, text, quoted) if obj is not None else None
    if cue is None:
        return None
    ends = [_subtree_span(obj)[1]] + [_subtree_span(c)[1] for c in verb.rights if c.i > prep.i and (
        c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(g.tag_ == "TO" for g in c.children))]
    content = _trim(text, start, max(ends))
    if content is None:
        return None
    content = _comment_cut(verb.doc, content, quoted)
    return replace(cue, cue=(cue.cue[0], prep.idx + len(prep)), content=content)


def _infinitive_conjuncts(verb: Token, infinitives: list[Token]) -> list[Token]:
    """Bare verbs the parser coordinated with the cue verb that go on its infinitive ("agreed to share a single
    currency and rely on one another": "rely" is no past tense like "agreed"), unless they have a subject of
    their own."""
    if not infinitives or not any(c.tag_ == "TO" for c in infinitives[0].children):
        return []
    return [c for c in verb.children if c.dep_ == "conj" and c.i > infinitives[0].i and c.tag_ in ("VB", "VBP")
            and c.tag_ != verb.tag_ and not any(g.dep_ in _BORROWED_SUBJECTS for g in c.children)]


def _that_first(clause: Token) -> Token | None:
    """The "that" that opens a clause, whatever the parser made of it."""
    first = next(t for t in clause.subtree if not t.is_punct or t.i == clause.i)
    return first if first.lower_ == "that" and first.head.i == clause.i and first.dep_ in _THAT_OPENS else None


def _question_after_addressee(verb: Token) -> list[Token]:
    """The "if" or "whether" clause right after the one asked, wherever the parser hung it ("when I asked Bernie
    Sanders if he would ever endorse Hillary Clinton, he looked …": on "looked")."""
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    after = addressee.right_edge.i + 1 if addressee is not None else verb.i + 1
    if after >= len(verb.doc) or verb.doc[after].lower_ not in ("if", "whether"):
        return []
    mark = verb.doc[after]
    return [mark.head] if mark.dep_ == "mark" and mark.head.i > mark.i else []


def _reported_adverbial(clause: Token) -> bool:
    """A clause with a subject of its own and a finite verb that the parser read as adverbial, though nothing
    but "that" introduces it ("he would not accept …", "that Machado was …"): a reported clause, not when,
    why or how ("when he left", "leaving early")."""
    children = list(clause.children)
    finite = clause.tag_ in _FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in (*_FINITE_TAGS, "MD") for c in children)
    that = _that_first(clause)
    return (finite and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children)
            and not any((that is None or c.i != that.i) and (c.dep_ == "mark" or c.tag_ in ("WDT", "WP", "WRB"))
                        for c in children))


def _reported_start(clause: Token) -> int:
    """Where such a clause starts: at its "that", else at its subject, not at an adjunct of the cue the parser
    hung on it ("said after the convention he would …")."""
    that = _that_first(clause)
    if that is not None:
        return that.idx
    return next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")).left_edge.idx


def _after_leading_adjuncts(verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """A content that opens with the cue's own adjuncts before its "that" starts at the "that" ("tweeted in the
    early morning hours that …", "continues to insist, most recently in an interview, that …")."""
    tokens = verb.doc.char_span(content[0], content[1], alignment_mode="expand")
    if tokens is None:
        return content
    that = next((t for t in tokens if t.lower_ == "that"), None)
    if that is None or that.i == tokens.start or that.dep_ not in _THAT_OPENS:
        return content
    adjuncts = {t.i for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod") and c.i > verb.i
                for t in c.subtree}
    if that.i in adjuncts or not all(t.i in adjuncts or t.is_punct for t in verb.doc[tokens.start:that.i]):
        return content
    return that.idx, content[1]


def _that_clause_in_adjunct(verb: Token) -> list[Token]:
    """A "that" clause the parser hung on a noun of the verb's prepositional adjunct or object ("said in a
    statement that …", "told a meeting of leaders that few people …", read as a relative clause of "statement" or
    "meeting"): the clause, when "that" is its subordinator, not its subject."""
    for child in verb.rights:
        if child.dep_ not in ("prep", "dobj", "dative"):
            continue
        for token in child.subtree:
            if token.dep_ == "relcl" and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < token.i
                                             for g in token.children):
                return [token]
    return []


def _finding(verb: Token, subject: Token, obj: Token) -> bool:
    """"A recent CNN survey found 90 percent support for …": a study's finding is its object (not "find it hard")."""
    return (verb.lemma_ == "find" and subject.lemma_.lower() in cue_lexicon().finders
            and obj.pos_ in ("NOUN", "PROPN", "NUM")
            and not any(c.dep_ in ("oprd", "acomp", "xcomp") for c in verb.children))


_QUESTION_MARKS = frozenset({"if", "whether"})


def _outer_words(tokens: Span) -> list[Token]:
    """The words of a span that hang on a word outside it (punctuation and conjunctions aside): how the span joins
    its sentence."""
    return [t for t in tokens if not (tokens.start <= t.head.i < tokens.end) and t.dep_ not in ("punct", "cc")]


def _circumstantial(doc: Doc, content: tuple[int, int]) -> bool:
    """True for a content that only says when, where or how: its words hang on the rest of the sentence as an
    adverbial clause or phrase ("before he died", "facedown on a sidewalk"), not an "if"/"whether" question."""
    tokens = doc.char_span(content[0], content[1], alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    heads = _outer_words(tokens)
    if not heads or any(g.lower_ in _QUESTION_MARKS for t in heads for g in t.children):
        return False
    if len(tokens) == 1 and tokens[0].lower_ == "so":
        return False  # "said so": the adverb stands for what was said
    return all(t.dep_ in ("advmod", "npadvmod") or (t.dep_ == "advcl" and not _reported_adverbial(t)) for t in heads)


def _circumstance(prep: Token, quoted: list[tuple[int, int]]) -> bool:
    """True for a phrase of the saying's circumstances hung on the cue verb ("praises Obama after a meeting",
    "thanked supporters at a rally"), not for an amount ("Rubio in third at 11 percent") or a quotation."""
    if _holds_quote(_subtree_span(prep), quoted):
        return False
    if prep.lower_ in ("in", "on"):  # the medium: "claimed victory in a tweet", "… on Twitter"
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        # or the terms of the saying: "confirmed the meeting on the condition of anonymity"
        media = cue_lexicon().media  # by lemma or as written ("social media", whose lemma is "medium")
        return obj is not None and (obj.lemma_.lower() in media or obj.lower_ in media
                                    or prep.lower_ == "on" and obj.lemma_.lower() in ("condition", "basis"))
    if prep.lower_ not in _CIRCUMSTANCE_PREPOSITIONS:
        return False
    return not any(t.like_num or t.tag_ == "$" for t in prep.subtree)


def _unclaused_content(token: Token, subject: Token, text: str, sentence: tuple[int, int], clause_start: int,
                       clause_end: int,
                       quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Content for a cue verb without a reported clause: its object, else the text beside its clause, else the
    object of a topic preposition ("complained about …")."""
    lemma = token.lemma_
    if lemma in cue_lexicon().directives:
        return None  # "encouraging violence": no saying without what the one told is to do
    objects = [c for c in token.children if c.dep_ == "dobj" and c.i > token.i and not _object_particle(c)]
    if objects and (lemma not in ADDRESSEE_VERBS or _urged_thing(token, objects[0])):
        if lemma in _CLAUSE_ONLY and lemma not in _OBJECT_TOO and not _finding(token, subject, objects[0]):
            return None  # "add 5 million jobs", "find it hard", "continue the fight"
        # "announced his resignation", "praised Fields for pursuing charges in the case"
        start, end = _subtree_span(objects[0])
        if len(objects) > 1 and any(c.dep_ == "case" for c in objects[0].children):
            end = _subtree_span(objects[-1])[1]  # an owner parsed as an object of its own: "condemned ICE’s … order"
        # the circumstances the parse hung on the object itself ("claimed victory in a tweet", "his critique … at
        # Saturday's debate"): the content ends before them
        trailing = [c for c in objects[0].rights if c.dep_ == "prep"]
        if trailing and trailing[-1].right_edge.i == objects[0].right_edge.i and _circumstance(trailing[-1], quoted):
            kept = _trim(text, start, trailing[-1].idx)
            end = kept[1] if kept else end
        # what the object is judged for, or called: "praised Fields for …", "dismissed it as a sign of …"
        judged = _JUDGED_FOR if lemma in _JUDGING_VERBS else ("as",)
        standing: Token | None = None
        for sibling in token.rights:
            if sibling.i > objects[0].i and sibling.dep_ == "prep" and sibling.lower_ in judged:
                end = max(end, _subtree_span(sibling)[1])
            elif sibling.dep_ in ("conj", "dobj") and sibling is not objects[0] and _coordinated_object(
                    token, objects[0], sibling, end):
                # a second object the parse made a second verb, or a second object of the verb: "mentioned
                # refinancing student loans and forcing universities to spend more", "condemned the launch as
                # "provocative" and a "grave threat" to …"
                end = max(end, _subtree_span(sibling)[1])
            elif (sibling.dep_ == "advmod" and sibling.lower_ in _STANDINGS
                  and sibling.left_edge.i == objects[0].right_edge.i + 1):
                # where a poll puts the one it shows: "shows Clinton likewise ahead by 3.7 percentage points"
                standing = sibling
                end = max(end, _subtree_span(sibling)[1])
            elif standing is not None and sibling.dep_ in ("dobj", "npadvmod") and sibling.idx <= end + 2:
                end = max(end, _subtree_span(sibling)[1])  # "… her ahead 3 points"
            elif sibling.dep_ == "advcl" and sibling.left_edge.i == objects[0].right_edge.i + 1 and (
                    _infinitive(sibling)
                    or sibling.left_edge.dep_ == "mark" and sibling.left_edge.lower_ in judged
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in sibling.children)):
                # the object's own infinitive or "as" the parse hung on the verb: "praised the efforts of
                # Secretary Kerry to find a political solution", "described the country as beset by …" (not an
                # "as" with a subject of its own: "condemned the launch as Pyongyang fired three missiles")
                end = max(end, _subtree_span(sibling)[1])
            elif (sibling.i > objects[0].i and sibling.dep_ in _OBJECT_MODIFIERS and sibling.idx <= end + 2
                  and sibling.ent_type_ not in ("DATE", "TIME") and not _circumstance(sibling, quoted)
                  and not any(g.ent_type_ in ("DATE", "TIME") for g in sibling.children)):
                # a modifier of the object the parse hung on the verb: "announced a concert in support of …"
                end = max(end, _subtree_span(sibling)[1])
        return _trim(text, start, end)
    answer = next((c for c in token.rights if c.dep_ == "intj" and c.i == token.i + 1), None)
    if answer is None:  # "Clinton said so on Tuesday": "so" stands for what was said (not "so far", "so that")
        answer = next((c for c in token.rights if c.lower_ == "so" and c.dep_ == "advmod" and c.i == token.i + 1
                       and not c.n_rights and (c.i + 1 == len(c.doc) or c.nbor().pos_ in ("PUNCT", "ADP", "CCONJ"))),
                      None)
    if answer is not None and lemma not in _CLAUSE_ONLY:
        return _subtree_span(answer)  # "40 percent said no"
    content = _outside_clause(text, sentence, clause_start, clause_end, token)
    if (content is not None and lemma in _CLAUSE_ONLY and not _holds_quote(content, quoted) and not _aside(token)
            and not (subject.pos_ == "PRON" or subject.ent_type_ in ("PERSON", "ORG"))):
        content = None  # "the borrowing continued": no speaker, no speech
    if content is None:
        # "complained about the dour tone", "spoke out against …"
        for child in token.rights:
            if child.dep_ == "prep" and (child.lower_ in _TOPIC_PREPOSITIONS
                                         or child.lower_ in cue_lexicon().topic_prepositions.get(lemma, ())):
                obj = _prep_object(child)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):  # not "declined to comment on Tuesday"
                    return _trim(text, *_subtree_span(obj))
        if lemma in _QUESTION_VERBS:
            return _question_topic(token, text)
    return content


_QUESTION_TOPICS = frozenset({"about", "on", "regarding", "over"})


def _urged_thing(verb: Token, obj: Token) -> bool:
    """True for the object of a verb of urging that is what was urged, not the one urged: a singular common noun,
    no name or pronoun, with no infinitive or clause after it ("urges retaliation on Russia", "urged restraint");
    not "advise" ("advising the campaign", PolNeAR train: 1 of 6)."""
    return (verb.lemma_ in _URGING_VERBS and obj.pos_ == "NOUN" and not obj.ent_type_ and obj.tag_ != "NNS"
            and not any(c.dep_ in ("xcomp", "ccomp", "dative") for c in verb.children))


def _coordinated_object(verb: Token, obj: Token, conj: Token, end: int) -> bool:
    """True for a conjunct of the verb right after its object (or after what the content holds so far, up to
    ``end``: "condemned the vote as "reckless" and a "grave threat" to …"), joined by "and"/"or" alone, that is no
    second verb of the same subject: a noun, or a gerund beside a verb that is none."""
    last = max((t.i for t in verb.doc[obj.right_edge.i:conj.left_edge.i] if t.idx + len(t) <= end),
               default=obj.right_edge.i)
    between = verb.doc[last + 1:conj.left_edge.i]
    return (conj.i > obj.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
            and len(between) > 0 and all(t.dep_ in ("cc", "punct") for t in between)
            and any(t.lower_ in ("and", "or") for t in between)
            and (conj.pos_ in ("NOUN", "PROPN") or conj.tag_ == "VBG" and verb.tag_ != "VBG"))


def _question_topic(verb: Token, text: str) -> tuple[int, int] | None:
    """What a question was about when the parser hung "about" on the one asked or on an adjunct ("asked the GOP
    frontrunner about the Twitter kerfuffle", "When asked at the business conference about the merger"); a question
    asked is itself what was asked ("Asked a direct question about this")."""
    holders = []
    for child in verb.rights:
        if child.dep_ in ("dobj", "dative"):
            if child.lemma_ == "question" and any(c.dep_ in ("acl", "appos") or (
                    c.dep_ == "prep" and c.lower_ in _QUESTION_TOPICS) for c in child.rights):
                return _trim(text, *_subtree_span(child))  # not "asking questions" alone
            holders.append(child)
        elif child.dep_ == "prep":
            holders += [g for g in child.children if g.dep_ == "pobj"]
    for holder in holders:
        prep = next((c for c in holder.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
        obj = _prep_object(prep) if prep is not None else None
        if obj is not None:
            return _trim(text, *_subtree_span(obj))
    return None


_QUOTED_STATEMENT_WORDS = 6
_ADVERBIAL_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "mark", "agent"})
_SENTENCE_CLOSE = re.compile(r"[.!?…][\"”’')\]]*\s*$")


def _whole_sentence(token: Token, text: str) -> tuple[int, int]:
    """The token's sentence, joined to the sentences before it that the parser split off mid-sentence ("… with a
    “good” job" | ", he said."): a sentence that opens with a comma or a small word after no sentence end."""
    doc, sent = token.doc, token.sent
    start = sent.start
    for _ in range(3):
        first = doc[start]
        if start == 0 or not (first.text in (",", ";", "—", "–") or first.is_lower):
            break
        previous = doc[start - 1].sent
        gap = text[previous.start_char:first.idx]
        if "\n" in gap.rstrip() or "\n" in text[doc[start - 1].idx:first.idx] or _SENTENCE_CLOSE.search(gap):
            break
        start = previous.start
    return doc[start].idx, sent.end_char


_ADJUNCT_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative"})
_ADJUNCT_REACH = 8
_LEAD_WORD_TAGS = frozenset({"CCONJ", "SCONJ", "ADV", "INTJ", "PUNCT"})


def _aside(verb: Token) -> bool:
    """True for a cue verb the parse hung as an aside on the sentence's verb, its subject set off by a comma: "The
    plan, he said, is …" (parataxis, or a complement of a verb after it), or opened by "as" inside the clause it
    splits: "Texas, as the governor noted, has …"."""
    as_mark = _as_mark(verb)
    if as_mark is not None and verb.head.left_edge.i > verb.sent.start:
        as_mark = None  # "…, given that, as The Times reported, he has …": the words before it are no part of the
        # clause the aside splits
    if not (verb.dep_ == "parataxis" or (verb.dep_ in ("ccomp", "advcl") and verb.head.i > verb.i
                                         and (verb.dep_ == "ccomp" or as_mark is not None))):
        return False
    # the subject nearest the verb: the parse may hang the sentence's own subject on the aside too ("Texas, the
    # governor noted, has …")
    subject = max((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), key=lambda c: c.i, default=None)
    if subject is None:
        return False
    opener = as_mark if as_mark is not None else _aside_name(subject, verb).left_edge
    return opener.i > 0 and verb.doc[opener.i - 1].text == ","


def _as_mark(verb: Token) -> Token | None:
    """The "as" that opens an aside before its subject: "Hawaii, as one of the advisers pointed out, …"."""
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i), None)


def _adjuncts_end(verb: Token, clause_end: int) -> int:
    """The end of a parenthetical cue verb's own adjuncts between its clause and the next comma ("officials said on
    Monday,", "he told me on Friday,"), else ``clause_end``."""
    return _own_adjuncts_end(verb, clause_end) if _aside(verb) else clause_end


def _own_adjuncts_end(verb: Token, clause_end: int) -> int:
    """The end of the verb's own adjuncts between ``clause_end`` and the next comma, else ``clause_end``."""
    end = clause_end
    for token in verb.doc[verb.i + 1:min(verb.sent.end, verb.i + _ADJUNCT_REACH + 1)]:
        if token.idx < clause_end:
            continue
        if token.text == ",":
            return end
        branch = token
        while branch.head.i != verb.i and branch.head.i != branch.i:
            branch = branch.head
        if branch.head.i != verb.i or not (branch.dep_ in _ADJUNCT_DEPS or (
                branch.dep_ == "dobj" and verb.lemma_ in ADDRESSEE_VERBS)):
            return clause_end
        end = token.idx + len(token)
    return clause_end


def _lead_word_only(verb: Token, before: tuple[int, int]) -> bool:
    """True for a single word before the cue that opens the sentence rather than naming its subject: "But, Mr. Ryan
    said, …" (not "Obama, the aide said, …", where the cue is parsed as an aside)."""
    span = verb.doc.char_span(*before, alignment_mode="expand")
    return (not _aside(verb) or span is None or len(span) != 1 or span[0].pos_ in _LEAD_WORD_TAGS)


def _outside_clause(text: str, sentence: tuple[int, int], clause_start: int, clause_end: int, verb: Token
                    ) -> tuple[int, int] | None:
    """Content for a cue parsed without a clause: the rest of the sentence beside "…, she said" or "she said: …"."""
    before = _trim(text, sentence[0], clause_start)
    if before and len(text[before[0]:before[1]].split()) < 2 and _lead_word_only(verb, before):
        before = None  # "But, Mr. Ryan said, …"
    after = _trim(text, clause_end, sentence[1])
    if after and text[clause_end:after[0]].strip() in (":", ",", ""):
        gap = text[clause_end:after[0]]
        if ":" in gap or ("," in gap and (before is None or text[after[0]] in _OPENING)):
            return after  # "she said: …", "But, Ryan said, …", "Asked …, Priebus said, “Probably.”"
    if (before and after and verb.dep_ != "ROOT" and text[before[1]:clause_start].strip() == ","
            and text[clause_end:after[0]].strip() == "," and text[after[0]] not in _OPENING
            and (not _depends_on(verb, after[0]) or _content_conjunct(verb, after[0]))):
        # "This campaign, he says, is different": the content is the sentence around the cue (``Cue.parenthetical``).
        return before[0], after[1]
    if before and text[before[1]:clause_start].strip() in (",", "—", "–", "-") and (
            after is None or len(text[after[0]:after[1]].split()) <= 6) and not _adverbial(verb.doc, before):
        return before
    return None


_DATELINE = re.compile(r"[A-Z][A-Z.]+(?:[ ,]+[A-Z][\w.]*)*\s*[-—―–]\s")


def _adverbial(doc: Doc, span: tuple[int, int]) -> bool:
    """True for words before a cue that are no statement: a dateline ("PORTLAND, Maine - On Friday, …"), a phrase
    opened by a preposition or subordinator ("In a statement released after …", "As he left, …"), or no verb."""
    if _DATELINE.match(doc_text(doc), span[0]):
        return True
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or not len(tokens):
        return False
    if tokens[0].pos_ in ("ADP", "SCONJ") and tokens[0].lower_ not in ("that",):
        return True
    if len(tokens) >= _QUOTED_STATEMENT_WORDS and any(t.is_quote for t in tokens):
        return False  # "The rejection of the treaty signals “the beginning of the end” for the EU, said …"
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return True
    # "Two weeks after Justice Scalia died, …", "And when she saw …, all she could do was shout": the words hang on
    # the cue's clause as an adverbial clause or phrase, not as a statement of their own
    words = _outer_words(tokens)
    return (bool(words) and all(t.dep_ in _ADVERBIAL_DEPS for t in words)
            and not any(t.head.i == t.i for t in tokens))  # the sentence's main verb makes a statement


def _holds_quote(content: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    return any(q[0] < content[1] and content[0] < q[1] for q in quoted)


def _depends_on(verb: Token, offset: int) -> bool:
    """True when the token at ``offset`` hangs on ``verb`` ("…, she said, on Monday"): the verb's own adjunct."""
    doc = verb.doc
    for token in doc[verb.i + 1:verb.sent.end]:
        if token.idx >= offset:
            return verb.left_edge.i <= token.i <= verb.right_edge.i and any(a.i == verb.i for a in token.ancestors)
    return False


def _content_conjunct(verb: Token, offset: int) -> bool:
    """True where the parse hung the rest of an aside's sentence on the aside's verb as a conjunct: "He had no
    known political affiliations, the airline added, and had passed all background checks." The conjunct goes on
    with the statement, not with the one who made it, unless it is a verb of saying ("…, she said, and added …")."""
    conjunct = next((c for c in verb.rights if c.dep_ == "conj"), None)
    opener = next((t for t in verb.doc[verb.i + 1:verb.sent.end] if t.idx >= offset), None)
    return (_aside(verb) and conjunct is not None and opener is not None and opener.dep_ == "cc"
            and opener.head.i == verb.i and opener.i < conjunct.i
            and conjunct.lemma_ not in cue_lexicon().known_verbs)


def _imperative(sentence: Span) -> bool:
    """True for a sentence whose root is a bare verb without a subject: "Please number your responses …"."""
    root = sentence.root
    return root.tag_ == "VB" and not any(c.dep_ in _SUBJECTS for c in root.children)


_NEXT_CLAUSE = re.compile(r"\s*[,;]\s*(?:and|but|yet|while|whereas)\b")


def _according_cue(token: Token, text: str) -> Cue | None:
    if _imperative(token.sent):
        return None  # "Please number your responses according to their corresponding questions": an instruction
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        to = token.doc[token.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    sent = token.sent
    # the phrase is "according to" and its object, up to the comma after it when it opens the sentence (the
    # parser may make "According" the root: "According to a poll out Thursday, the senator …")
    phrase_start, phrase_end = token.idx, _subtree_span(to)[1]
    if token.i == token.sent.start:
        comma = next((t for t in token.doc[to.i + 1:token.sent.end] if t.text == ","), None)
        if comma is not None:
            phrase_end = max(phrase_end, comma.idx)
    speaker = _subtree_span(pobj) if pobj is not None else None
    before = _trim(text, sent.start_char, phrase_start)
    after = _trim(text, phrase_end, sent.end_char)
    sides = [s for s in (before, after) if s]
    content = max(sides, key=lambda s: s[1] - s[0]) if sides else None
    if (before and after and _NEXT_CLAUSE.match(text, phrase_end) and text[before[1]:phrase_start].strip() != ","
            and len(text[before[0]:before[1]].split()) >= 3):
        content = before  # "Clinton leads by 271 delegates according to a count by the AP, but Sanders has …"
    if (before and after and text[before[1]:phrase_start].strip() == ","
            and text[phrase_end:after[0]].strip() == ","):
        # "Only one person was killed, according to the police, and there were …": the sentence around it
        # (``Cue.parenthetical``: the phrase is cut out of the fragments)
        content = (before[0], after[1])
    cue = (token.idx, to.idx + len(to))
    return Cue(cue, "neutral", speaker, pobj.i if pobj is not None else None, content, (phrase_start, phrase_end),
               (sent.start_char, sent.end_char))


_NOUN_CONTENT_PREPOSITIONS = frozenset({"on", "about", "against", "of"})


def _noun_cue(token: Token, text: str, quoted: list[tuple[int, int]]) -> Cue | None:
    """A speech noun with its owner as the source: "Trump's claim that he …", "her promise to …", "his attacks on
    the nomination process". The content is the noun's clause ("that …", "to …"), else the object of "on",
    "about", "against" or "of"; the owner must be a name or a pronoun."""
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
    if owner is None:
        return None
    content = None
    clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp") and c.i > token.i
                   and (any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) or c.tag_ == "VB")), None)
    if clause is not None:
        content = _trim(text, *_subtree_span(clause))
    else:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.i > token.i
                     and c.lower_ in _NOUN_CONTENT_PREPOSITIONS), None)
        obj = _prep_object(prep) if prep is not None else None
        if obj is not None:
            content = _trim(text, *_subtree_span(obj))
    if content is None or _inside(content[0], quoted) and not _holds_quote(content, quoted):
        return None
    speaker = _subtree_span(owner)
    sent = token.sent
    cue = (token.idx, token.idx + len(token))
    tone = cue_lexicon().verbs.get(token.lemma_, "neutral")  # "attacks" is as loaded as "attacked"
    return Cue(cue, tone, speaker, owner.i, content, (min(speaker[0], cue[0]), cue[1]),
               (sent.start_char, sent.end_char))


_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 200
_HEADLINE_WORD = re.compile(r"[\w’'.-]+")
_HEADLINE_NOUNS = frozenset({"state", "report"})  # "Swing States To Avoid …", "Report Is Presented"


def _headline_verb(word: str, lexicon: CueLexicon) -> str | None:
    """The lexicon lemma of a headline's capitalised verb in its bare or third-person form ("Rip", "Vows", "Slams",
    "Denies"), else None (not "Slammed", "Slamming")."""
    lower = word.lower()
    lemma = _verb_lemma(lower, lexicon)
    forms = (lemma, f"{lemma}s", f"{lemma}es", f"{lemma[:-1]}ies")
    return lemma if lemma in lexicon.verbs and lower in forms else None


def _headline_cues(doc: Doc, text: str, allowed: list[tuple[int, int]], found: list[Cue],
                   quoted: list[tuple[int, int]]) -> list[Cue]:
    """Cues of a headline in title case, which the parser reads as one long name ("Black Lawmakers Rip Donald Trump
    As A ‘Disgusting Fraud.’", "Sanders Vows To Eliminate Tax Breaks …"): the first capitalised word after a name
    that is a cue verb's form splits the line into speaker and what was said. Only lines with no cue of their own."""
    lexicon = cue_lexicon()
    result: list[Cue] = []
    for start, end in allowed:
        if end - start > _HEADLINE_MAX_CHARS:
            continue
        words = [w for w in _HEADLINE_WORD.finditer(text[start:end]) if w.group()[0].isalpha()]
        if not 3 <= len(words) <= _HEADLINE_MAX_WORDS or any(
                start <= c.cue[0] < end and c.content is not None for c in found):
            continue
        if not all(w.group()[0].isupper() for w in words if len(w.group()) > 3):
            continue
        for number, word in enumerate(words[1:], start=1):
            lemma = _headline_verb(word.group(), lexicon)
            cue_start = start + word.start()
            if lemma is None or _inside(cue_start, quoted):
                continue
            after = words[number + 1].group().lower() if number + 1 < len(words) else ""
            if after in ("on", "of") or lemma in _HEADLINE_NOUNS or lemma == word.group().lower() and not (
                    words[number - 1].group().endswith("s") and len(words[number - 1].group()) > 3):
                continue  # a noun ("Attacks On …"); a bare verb only after a plural ("Lawmakers Rip")
            cue = (cue_start, start + word.end())
            content = _trim(text, cue[1], end - 1 if text[end - 1] == "." else end)  # without the headline's stop
            comma = text.rfind(",", start, cue_start)  # "Railing Against Trump, Sanders Vows …"
            speaker = _trim(text, comma + 1 if comma >= 0 else start, cue_start)
            if content is None or speaker is None:
                break
            span = doc.char_span(speaker[0], speaker[1], alignment_mode="expand")
            head = span.root.i if span is not None else None
            result.append(Cue(cue, lexicon.verbs[lemma], speaker, head, content, (speaker[0], cue[1]), (start, end)))
            break
    return result


def _heads_clause(token: Token) -> bool:
    """True for a word the tagger read as a noun that has a subject and a clausal complement, as a verb has: "Trump
    claims that he should be the exception" ("claims" NNS)."""
    children = list(token.children)
    return any(c.dep_ == "nsubj" for c in children) and any(c.dep_ == "ccomp" for c in children)


def _adverb_particle(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a particle of another sense stands right after ``verb`` as an adverb the parse did not hang on it
    ("is ripping apart American families": "apart" read as a modifier of "families")."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.pos_ == "ADV" and after.lower_ in lexicon.other_sense_particles


_MARKER_BOUNDS = frozenset({",", ";", "—", "–", "--"})
_MARKER_OPENERS = frozenset({"but", "and", "still", "yet", "so", "now", "well", "or"})


def _in_discourse_marker(token: Token, markers: frozenset[str]) -> bool:
    """True for a cue word inside a set phrase of ``markers`` ("That said, …", "…, so to speak, …"): the words
    from the comma before it (or the sentence's start, past a leading conjunction) to the comma after it (or the
    sentence's end), one of them set off by a comma."""
    sentence, doc = token.sent, token.doc
    start = next((j + 1 for j in range(token.i - 1, sentence.start - 1, -1) if doc[j].text in _MARKER_BOUNDS),
                 sentence.start)
    end = next((j for j in range(token.i + 1, sentence.end) if doc[j].text in _MARKER_BOUNDS), sentence.end)
    set_off = (start > sentence.start and doc[start - 1].text == ",") or (end < sentence.end and doc[end].text == ",")
    words = [t.lower_ for t in doc[start:end] if not t.is_punct]
    while words and words[0] in _MARKER_OPENERS:
        words = words[1:]
    return set_off and " ".join(words) in markers


def find_cues(doc: Doc, allowed: list[tuple[int, int]], quoted: list[tuple[int, int]] | None = None,
              text: str | None = None) -> list[Cue]:
    """Speech cues whose cue word stands inside one of the ``allowed`` character ranges (sorted, disjoint).

    ``quoted`` (sorted character ranges of quotations) keeps cues and subjects inside quotations out.
    """
    quoted = quoted or []
    lexicon = cue_lexicon()
    text = doc_text(doc) if text is None else text
    verbs, phrasal, naming = lexicon.verbs, lexicon.phrasal, lexicon.naming
    phrasal_verbs = {v for v, _ in phrasal}
    cues: list[Cue] = []
    range_index = 0
    # only tokens whose lemma may be a cue are looked at (a Token object per token is what a loop over doc costs)
    for index in np.flatnonzero(np.isin(doc.to_array(LEMMA), _cue_lemma_hashes())).tolist():
        token = doc[index]
        lemma = token.lemma_
        is_according = lemma == "accord" and token.lower_ == "according"
        if (not is_according and lemma not in verbs and lemma not in phrasal_verbs and lemma not in naming
                and lemma not in lexicon.nouns and lemma not in lexicon.prepositional):
            continue
        while range_index < len(allowed) and allowed[range_index][1] <= token.idx:
            range_index += 1
        if range_index >= len(allowed) or token.idx < allowed[range_index][0] or _inside(token.idx, quoted):
            continue
        if _in_discourse_marker(token, lexicon.discourse_markers):
            continue  # "That said, …", "Needless to say, …", "Truth be told, …": no one says anything
        misread = token.pos_ == "NOUN" and lemma in verbs and _heads_clause(token)
        if is_according:
            cue = _according_cue(token, text)
        elif token.pos_ == "NOUN" and lemma in lexicon.nouns and not misread:
            cue = _noun_cue(token, text, quoted)
        elif token.pos_ not in ("VERB", "AUX") and not misread:
            continue
        else:
            tone = verbs.get(lemma)
            if any(_object_particle(c) for c in token.children):
                # "As one voter put it, “…”": "it" is the phrase's particle, not what was said; with a place or
                # a recipient ("put it on the table", "put it to a vote") it is no cue
                if not any(c.dep_ == "dative" or c.dep_ == "prep" and not any(
                        g.lower_ in lexicon.media for g in c.children) for c in token.children):
                    cue = _verb_cue(token, phrasal[(lemma, "it")], False, text, quoted)
                    if cue is not None:
                        cues.append(cue)
                continue
            particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
            if particle and (lemma, particle) in phrasal:
                tone = phrasal[(lemma, particle)]
            elif (particle in lexicon.other_sense_particles or _adverb_particle(token, lexicon)) and not any(
                    c.dep_ == "ccomp" for c in token.children):
                # "write off the costs", "showed off the renovations", "ripping apart families"; not "wrote down
                # that …"
                tone = None
            cue = None
            prep = _cue_preposition(token, lexicon.prepositional.get(lemma, frozenset()))
            if prep is not None:
                cue = _prepositional_cue(token, prep, text, quoted)
            elif tone is not None:
                cue = _verb_cue(token, tone, False, text, quoted)
            elif lemma in naming:
                cue = _verb_cue(token, "neutral", True, text, quoted)
        if cue is not None:
            cues.append(cue)
    cues.extend(_headline_cues(doc, text, allowed, cues, quoted))
    return sorted(cues, key=lambda c: c.cue[0])
