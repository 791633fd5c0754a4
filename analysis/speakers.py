"""Speakers: resolving each speaker mention to one canonical source per article, and the sources table.

A mention resolves, in this order, as: a pronoun (to the last person or organisation before it); a named entity
(people by surname to their fullest name in the article, organisations by defined acronym and short form);
a spokesperson for a named body (to the body); anonymous sourcing ("a senior official", "sources"); a definite
description ("the agency", "the spokeswoman") to the last source of its class; anything else as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from .cues import cue_lexicon
from .entities import canonical_name, defined_acronyms
from .gazetteer import Place, load_gazetteer
from .parse import doc_text
from .resources import load_data_lines, load_data_yaml

SOURCE_TYPES = ("person", "organization", "government", "media", "anonymous", "unknown")
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "my"})
_STATEMENT_NOUNS = frozenset({"statement", "remark", "remarks", "testimony", "speech", "comment", "comments"})
_FIRST_PERSON = frozenset({"i", "my"})  # the writer or a transcript's speaker, never the one addressed as "you"
_PRONOUN_GENDER = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F"}
_GROUP_PRONOUNS = frozenset({"it", "its", "they", "their", "we", "our", "them"})
_PLURAL_PRONOUNS = _GROUP_PRONOUNS - {"it", "its"}  # also a group of people's
PRONOUN_REACH_SENTENCES = 2  # "they" or "it" falls back on a body named at most this many sentences before
# "you" in reported speech is the person addressed (a letter's recipient, an interviewee): the one person a letter's
# salutation before it names ("Dear Acting Director Homan:"), else recorded as the addressee, not as a source "you".
_ADDRESSEE_PRONOUNS = frozenset({"you"})
_FOLLOWING = re.compile(r"\bfollowing\b", re.IGNORECASE)
# a statement's heading, before the name of who gives it: "Statement of Congressman Darrell Issa"
_STATEMENT_HEADING = re.compile(r"\b(?:Statement|Testimony|Remarks)\s+(?:of|by)\s+(?=[A-Z])")
# a letter's sign-off, before the name of who signs it
_SIGN_OFF = re.compile(r"\b(?:Sincerely|Respectfully|Regards)(?: yours)?[,.]?\s+(?=[A-Z])")
NAME_AFTER_CHARS = 40  # how far after a sign-off or a statement's heading its names are read (a second name this
# close after a sign-off is a second signer)
_SALUTATION = re.compile(r"\bDear\s+(?P<name>[A-Z][\w.’'-]*(?:\s+(?:and\s+)?[A-Z][\w.’'-]*){0,7})\s*[:,;]")
# a transcript's speaker label opening a paragraph or sentence: "REP. GUTIERREZ: I want to thank ..."
# the name of a transcript's speaker label, in capitals, before its colon ("REP. GUTIERREZ", "WALLACE")
SPEAKER_LABEL_NAME = r"(?P<name>(?:[A-Z][A-Z.’'-]*\s+){0,3}[A-Z][A-Z’'-]{2,})"
_SPEAKER_LABEL = re.compile(r"(?:^|(?<=[.!?”\n])\s*)" + SPEAKER_LABEL_NAME + r":\s", re.MULTILINE)
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those|another|one|two|three|several|some|many|other)\s+",
                          re.IGNORECASE)
# words that open a surname, so that "de Blasio" alone is no full name beside "Bill de Blasio"
_SURNAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "le", "la",
                                "al", "el", "bin", "ibn", "dos", "das"})
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
_WORDS = re.compile(r"[\w.&]+")
_FOLLOWING_SUFFIX = re.compile(r",?\s(?:Jr|Sr|II|III|IV)\b\.?")
_TITLED_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\w'’-]+)")  # "Mr Schneiders", "Ms. Caird"
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")  # the word right before a name: "Ms. ", "Congresswoman "


@dataclass(frozen=True)
class SpeakerMention:
    """A speaker as written: character offsets and the index of its head token (if known)."""

    start: int
    end: int
    head: int | None = None


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical source name and type."""

    canonical: str
    type: str


@dataclass(frozen=True)
class _Lexicons:
    anonymous_heads: frozenset[str]
    anonymous_markers: frozenset[str]
    type_words: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]
    descriptions: dict[str, str]
    person_nouns: frozenset[str]
    spokes: frozenset[str]
    offices: dict[str, str]
    sole_offices: frozenset[str]
    professions: frozenset[str]
    body_heads: frozenset[str]
    person_roles: frozenset[str]
    titles: re.Pattern[str]  # a title or role opening a person's name: "Secretary ", "Sen. ", "Democratic Whip "
    gendered_titles: dict[str, str]  # "ms" -> "F", "congressman" -> "M"
    first_name_genders: dict[str, str]  # "Janet" -> "F"
    outlets: frozenset[str]  # news outlets known by one word: "politico"
    portfolios: frozenset[str]  # what an office is of: "foreign" in "foreign secretary"
    other_offices: frozenset[str]  # words that make an office another: "shadow chancellor", "vice president"


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    types = load_data_yaml("source_types.yaml")
    descriptions = load_data_yaml("speaker_descriptions.yaml")
    type_words = []
    for kind in ("media", "government", "organization"):
        words = [w.lower() for w in types[kind]["words"] + types[kind].get("outlets", [])]
        type_words.append((kind, frozenset(w for w in words if " " not in w), tuple(w for w in words if " " in w)))
    return _Lexicons(
        frozenset(types["anonymous"]["heads"]), frozenset(types["anonymous"]["markers"]), tuple(type_words),
        {noun: cls for cls in ("person", "media", "government", "organization") for noun in descriptions[cls]},
        frozenset(descriptions["person"]), frozenset(descriptions["spokes"]),
        {k.lower(): v for k, v in descriptions["offices"].items()}, frozenset(descriptions["sole_offices"]),
        frozenset(descriptions["professions"]), frozenset(descriptions["body_heads"]),
        frozenset(descriptions["person"] + descriptions["person_roles"]),
        _title_pattern(descriptions["titles"]),
        {title.lower(): sex for sex, titles in descriptions["gendered_titles"].items() for title in titles},
        dict(line.split("\t") for line in load_data_lines("first_name_genders.tsv")),
        frozenset(w.lower() for w in types["media"]["outlets"]),
        frozenset(descriptions["office_qualifiers"]["portfolios"]),
        frozenset(descriptions["office_qualifiers"]["other_offices"]),
    )


def _title_pattern(titles: dict) -> re.Pattern[str]:
    """One pattern for the titles of ``speaker_descriptions.yaml``: an abbreviation with or without its full stop,
    or a title word, then a space."""
    abbreviations = "|".join(map(re.escape, titles["abbreviations"]))
    words = "|".join(map(re.escape, sorted(titles["words"], key=len, reverse=True)))
    return re.compile(rf"^(?:(?:{abbreviations})\.?|{words})\s+")


def type_of_name(name: str, default: str = "unknown") -> str:
    """media, government or organization from the words of a name or description, else ``default``."""
    lowered = name.lower()
    words = set(_WORDS.findall(lowered))
    for kind, singles, phrases in _lexicons().type_words:
        if words & singles or any(p in lowered for p in phrases):
            return kind
    return default


def person_name(name: str) -> str:
    """A person's name without a leading title or role ("Secretary Noem" → "Noem")."""
    previous = None
    while previous != name:
        previous, name = name, _lexicons().titles.sub("", name)
    return name.strip()


def _one_person(a: str, b: str) -> bool:
    """Whether two full names with one surname name one person: the same first name and suffix, and middle names
    that agree or are left out ("Donald Trump", "Donald J. Trump"; not "George W. Bush" and "George H.W. Bush", nor
    "Donald Trump Jr.")."""
    suffix_a, suffix_b = _SUFFIX.search(a), _SUFFIX.search(b)
    if (suffix_a.group().strip(" ,.").lower() if suffix_a else "") != (
            suffix_b.group().strip(" ,.").lower() if suffix_b else ""):
        return False
    words_a = [word.lower() for word in _name_words(a)]
    words_b = [word.lower() for word in _name_words(b)]
    if words_a[0] != words_b[0] or words_a[-1] != words_b[-1]:
        return False
    middle_a, middle_b = words_a[1:-1], words_b[1:-1]
    return not middle_a or not middle_b or middle_a == middle_b


def _fuller_name(a: str, b: str) -> bool:
    """Whether ``a`` is the better written of two names of one person: the longer, never one in capitals alone."""
    if a.isupper() != b.isupper():
        return b.isupper()
    return len(a) > len(b)


def _name_words(name: str) -> list[str]:
    """The words of a person's name without its suffix ("Jr.") and commas."""
    return _SUFFIX.sub("", name).replace(",", " ").split()


def _surname(name: str) -> str:
    parts = _name_words(name)
    return parts[-1].lower() if parts else ""


@dataclass
class _Entity:
    start: int
    end: int
    label: str
    name: str


@dataclass(frozen=True)
class _Read:
    """A speaker mention as resolving reads it."""

    mention: SpeakerMention
    text: str
    head: Token | None
    head_word: str  # the head's lower case, or the last word's where the mention has no head
    words: frozenset[str]  # its words in lower case
    inside: list[_Entity]  # the entities within it
    lemma: str  # the head's lemma in lower case, or head_word
    plural: bool  # a plural head
    body_kind: str | None  # the kind of body the head names ("agency": government), or "person"; None without a head


class _Resolver:
    """Resolution state for one article: its entities, names and the sources seen so far."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = _lexicons()
        acronyms = defined_acronyms(self.text)
        self.acronyms = acronyms
        self.entities: list[_Entity] = []
        text = self.text
        # surnames the article gives people elsewhere: of the model's people, and after "Mr", "Mrs", "Ms", "Miss", "Dr"
        surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"} | {
            m.group(1).lower() for m in _TITLED_SURNAME.finditer(text)}
        for ent in doc.ents:
            if ent.label_ in _NAME_LABELS:
                suffix = _FOLLOWING_SUFFIX.match(text, ent.end_char) if ent.label_ == "PERSON" else None
                name = canonical_name(ent.text + (suffix.group() if suffix else ""), acronyms)
                label = ent.label_
                if (label == "ORG" and self.untagged_person(name) and name.split()[-1].lower() in surnames
                        and not set(name.split()) & _NAME_LINKS):
                    # a person the model read as a body, whom the article names as a person elsewhere: "The
                    # Wilderness Society's Lyndon Schneiders" beside "Mr Schneiders" (not "Joy Division", "Royal Mail")
                    label = "PERSON"
                if label == "PERSON":
                    name = person_name(name)
                if name:
                    self.entities.append(_Entity(ent.start_char, ent.end_char, label, name))
        self.entity_starts = [e.start for e in self.entities]
        self.sentence_starts = [sentence.start_char for sentence in doc.sents]
        self.people: dict[str, str] = {}
        # every full name per surname, with where it is first written: two Cuellars in one release are two people;
        # full names with the same first name are one ("Donald Trump", "Donald J. Trump": the longest is written)
        self.namesakes: dict[str, dict[str, int]] = {}
        self.same_person: dict[str, str] = {}
        for e in self.entities:
            if e.label == "PERSON":
                key = _surname(e.name)
                if len(e.name) > len(self.people.get(key, "")):
                    self.people[key] = e.name
                if len(e.name.split()) > 1 and e.name.split()[0].lower() not in _SURNAME_PARTICLES:
                    names = self.namesakes.setdefault(key, {})
                    variants = [n for n in names if _one_person(n, e.name)]
                    if len(variants) != 1:
                        names.setdefault(e.name, e.start)  # none, or several people it could be ("George Bush")
                    elif _fuller_name(e.name, variants[0]):
                        variant = variants[0]
                        names[e.name] = names.pop(variant)
                        self.same_person.update({old: e.name for old, new in self.same_person.items()
                                                 if new == variant} | {variant: e.name})
                    elif e.name != variants[0]:
                        self.same_person[e.name] = variants[0]
        self.genders = self._genders()
        # the sexes the titles before each bare surname tell: "Mrs. Obama" and "Mr. Obama" are two people
        self.titled_sexes: dict[str, set[str]] = {}
        for e in self.entities:
            sex = self.title_before(e.start)[1] if e.label == "PERSON" and " " not in e.name else None
            if sex:
                self.titled_sexes.setdefault(_surname(e.name), set()).add(sex)
        self.orgs = sorted({e.name for e in self.entities if e.label in ("ORG", "FAC")} | set(acronyms.values()),
                           key=len, reverse=True)
        self.history: list[tuple[int, Speaker]] = []
        self.groups: set[Speaker] = set()  # sources named by a plural ("the lawmakers"): never "he" or "she"
        self.role_only: set[Speaker] = set()  # people named by a role or kin word alone: never a pronoun's referent
        self.addressees: frozenset[Speaker] = frozenset()
        self.spoken_for: dict[str, Speaker] = {}  # the body each spokesperson noun spoke for last ("spokesman": …)
        # speaker labels of a transcript whose name is a person of the article or has a title ("REP. GUTIERREZ:")
        self.labels: list[tuple[int, str]] = []
        for match in _SPEAKER_LABEL.finditer(text):
            label = match.group("name").title()
            name = person_name(label)
            if name and (name != label or _surname(name) in self.people):
                self.labels.append((match.end(), name))
        # the offices each person is introduced with ("Senator Dianne Feinstein", "Sen. Feinstein"): (start, office,
        # person), for "the senator" later on
        self.offices: list[tuple[int, str, Speaker, str | None]] = []
        for e in self.entities:
            if e.label == "PERSON":
                for office, qualifier in self.qualified_offices(e.start, e.end):
                    self.offices.append((e.start, office, self.person(e.name, e.start, e.end), qualifier))
        # who gives "the following statement" (or remarks, testimony): the "I" of the text after it
        self.statement_givers = self._statement_givers()
        # who signs a letter alone ("Sincerely, Bob Goodlatte Chairman"): the "I" of the letter before it
        self.signers = self._signers()

    # -- names -------------------------------------------------------------------------------------------------
    def _statement_givers(self) -> list[tuple[int, Speaker]]:
        """(end, person) for each "X delivered the following statement" ("released the following remarks", …): the
        person named in the subject of the verb whose object is that statement, and where the sentence ends; and
        for each heading "Statement of X" ("Testimony by", "Remarks of"): X, and where the name ends."""
        givers = []
        for match in _FOLLOWING.finditer(self.text):  # the text is searched: a loop over every token costs more
            span = self.doc.char_span(match.start(), match.end())
            token = span[0] if span is not None and len(span) == 1 else None
            if token is None or token.head.lemma_.lower() not in _STATEMENT_NOUNS:
                continue
            verb = token.head.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or token.head.dep_ != "dobj":
                continue
            giver = self.person_in(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
            if giver is not None:
                givers.append((token.sent.end_char, giver))
        for match in _STATEMENT_HEADING.finditer(self.text):  # "Statement of Congressman Darrell Issa"
            # the first surname of a person of the article among the next words (the model often reads such a
            # heading as one organisation: "Darrell Issa House Committee")
            words = _WORDS.findall(self.text, match.end(), match.end() + NAME_AFTER_CHARS)[:5]
            surname = next((w.lower() for w in words if w.lower() in self.people), None)
            if surname:
                givers.append((match.end(), self.person(self.people[surname])))
        return sorted(givers, key=lambda giver: giver[0])

    def _signers(self) -> list[tuple[int, Speaker]]:
        """(start, person) for each sign-off that one person signs ("Sincerely, Bob Goodlatte Chairman"; not a letter
        several sign, nor the names of a reference list after the sign-off)."""
        signers = []
        for match in _SIGN_OFF.finditer(self.text):
            end = match.end() + NAME_AFTER_CHARS
            references = self.text.find("[", match.end(), end)
            end = references if references != -1 else end
            people = [e for e in self.entities[bisect_right(self.entity_starts, match.end() - 1):]
                      if e.start < end and e.label == "PERSON"]
            if len(people) == 1:
                signers.append((match.start(), self.person(people[0].name, people[0].start, people[0].end)))
        return signers

    def _genders(self) -> dict[str, str]:
        """"F" or "M" for each person whose sex a title before one of their mentions ("Ms. Torres") or, failing
        one, their first name tells; a title before a bare surname that two people named in full share tells
        nothing ("Mr. Trump" beside Donald and Melania Trump)."""
        genders: dict[str, str] = {}
        for e in self.entities:
            if e.label != "PERSON" or " " not in e.name and len(self.namesakes.get(_surname(e.name), {})) > 1:
                continue
            canonical = e.name if " " in e.name else self.people.get(_surname(e.name), e.name)
            titled = self.title_before(e.start)[1]
            named = self.lex.first_name_genders.get(canonical.split()[0]) if " " in canonical else None
            if titled and named and titled != named:
                continue  # "Mrs. Clinton" in a story that names only Bill Clinton in full is someone else
            sex = titled or named
            if sex and (titled or canonical not in genders):
                genders[canonical] = sex
        return genders

    def title_before(self, start: int) -> tuple[str | None, str | None]:
        """The word right before a name ("Mrs.", "Congressman") and the sex it tells ("F", "M"), if it tells one."""
        title = _TITLE_BEFORE.search(self.text, max(0, start - 20), start)
        sex = self.lex.gendered_titles.get(title.group(1).lower()) if title else None
        return (title.group().strip(), sex) if sex else (None, None)

    def _title_words(self, start: int, end: int) -> list[str]:
        """The words of the title written just before or in a name, in lower case."""
        return [w.lower().strip(",") for w in
                self.text[max(0, start - 40):start].split()[-3:] + self.text[start:end].split()[:-1]]

    def offices_at(self, start: int, end: int) -> list[str]:
        """The offices in the title written just before or in a name ("Sen. Feinstein", "Webb County Sheriff X")."""
        return [office for word in self._title_words(start, end) if (office := self.lex.offices.get(word))]

    def qualified_offices(self, start: int, end: int) -> list[tuple[str, str | None]]:
        """The offices in the title written just before or in a name, each with the word that qualifies it ("Home
        Secretary Charles Clarke": secretary, home), if any."""
        words = self._title_words(start, end)
        found = [(i, office) for i, word in enumerate(words) if (office := self.lex.offices.get(word))]
        if not found:
            return []
        after = _PLACE_AFTER_NAME.match(self.text, end)  # "Sen. Joni Ernst, R-Iowa", "Gov. John Kasich of Ohio"
        home = (_place_word(after.group("state"), states_only=True) or _place_word(after.group("place"))
                if after else None)
        return [(office, _qualifier(words, i) or home) for i, office in found]

    def person(self, name: str, start: int | None = None, end: int | None = None) -> Speaker:
        """The person a name refers to: the fullest name with its surname, or, when two people share the surname,
        the one the title before the mention names ("Rep. Cuellar"), or the one of the sex it tells ("Mrs. Clinton"),
        else the one quoted last, else the one written last before it."""
        name = self.same_person.get(name, name)
        key = _surname(name)
        namesakes = self.namesakes.get(key, {})
        if start is None or len(namesakes) < 2 or name in namesakes:
            if name in namesakes:
                return Speaker(name, "person")
            sole = next(iter(namesakes)) if len(namesakes) == 1 else None  # the one full name of this surname
            fullest = sole or self.people.get(key, name)
            if (len(fullest.split()) < len(name.split()) <= 4 and name.endswith(f" {fullest}") and _is_proper_name(name)
                    and name.split()[0] not in _NAME_LINKS):  # not "for Birkenhead" of "the Labour MP for Birkenhead"
                # fuller than any name the model tagged: "Cecile Richards" beside a tagged "Richards"; the surname
                # alone names her from here on
                fullest = self.people[key] = name
            title, sex = self.title_before(start) if start is not None else (None, None)
            if sex and (fullest != name and self.genders.get(fullest) not in (None, sex) or (
                    fullest == name and len(self.titled_sexes.get(key, ())) > 1)):
                # "Mr. Clinton" in a story that names only Hillary Clinton in full is someone else of that name, and
                # so are "Mrs. Obama" and "Mr. Obama" in one that names neither in full
                return Speaker(f"{title} {name}", "person")
            return Speaker(fullest, "person")
        offices = set(self.offices_at(start, end if end is not None else start))
        titled = [p.canonical for _, office, p, _ in self.offices if office in offices and p.canonical in namesakes]
        if titled:
            return Speaker(titled[-1], "person")
        sex = self.title_before(start)[1]
        of_that_sex = [full for full in namesakes if sex and self.genders.get(full) == sex]
        if len(of_that_sex) == 1:  # "Mrs. Clinton" beside Hillary and Bill Clinton
            return Speaker(of_that_sex[0], "person")
        quoted = [speaker for at, speaker in self.history if at < start and speaker.canonical in namesakes]
        if quoted:
            return quoted[-1]
        before = [full for full, at in namesakes.items() if at < start]
        return Speaker(max(before, key=namesakes.__getitem__) if before else self.people.get(key, name), "person")

    def known_surname(self, name: str) -> bool:
        """Whether a one-word name is the surname of a person the article names in full (whatever its label)."""
        return len(name.split()) == 1 and _surname(name) in self.people

    def titled_surname(self, name: str, start: int | None) -> str | None:
        """The surname a name the model read as a body ends with, when the rest of it is the tail of a title
        ("General Schneiderman" after "Attorney") and the article names that person in full."""
        words = name.split()
        if len(words) < 2 or not self.known_surname(words[-1]):
            return None
        before = self.text[max(0, start - 20):start].split()[-1:] if start is not None else []
        if words[-1] in (person_name(name), person_name(" ".join(before + words))):
            return words[-1]
        return None

    def after_personal_title(self, name: str, start: int | None) -> bool:
        """Whether a name the model read as a body or a place is a person's, after a title that tells a sex ("Mr
        Hague", "Ms Caird"): a surname or a two-word name no place or body bears."""
        words = name.split()
        if words[0][:1].isupper() and words[0].rstrip(".").lower() in self.lex.gendered_titles:
            words = words[1:]  # the title inside the name: not a place so named ("Prince Edward Island")
            if load_gazetteer().lookup(name):
                return False
        else:  # a title before the name, capitalised: a surname ("Mr" before "Katwala")
            title = self.title_before(start)[0] if start is not None and len(words) == 1 else None
            if not title or not title[0].isupper():
                return False
        return 0 < len(words) <= 2 and _is_proper_name(" ".join(words)) and type_of_name(name, "") == ""

    def outlet_not_person(self, name: str) -> bool:
        """Whether a one-word name is a news outlet's ("Politico", "Reuters"; `source_types.yaml`) that no person
        the article names in full bears as a surname (Michael Bloomberg's "Bloomberg")."""
        return name.lower() in self.lex.outlets and " " not in self.people.get(_surname(name), "")

    def untagged_person(self, name: str) -> bool:
        """Whether a name no entity covers reads as a person's: two to four capitalised words that open with a
        common first name, no word of a body's type among them ("Karen Bobadilla", not "Karen Smith Foundation")."""
        words = name.split()
        return (2 <= len(words) <= 4 and words[0] in self.lex.first_name_genders and _is_proper_name(name)
                and type_of_name(name, "") == "")

    def organisation(self, name: str, label: str, start: int | None = None) -> Speaker:
        name = self.acronyms.get(name, name)
        if label in ("ORG", "GPE") and self.known_surname(name) and not self.outlet_not_person(name):
            return self.person(name, start)  # the small model sometimes labels a surname as ORG or GPE
        titled = self.titled_surname(name, start) if label == "ORG" else None
        if titled is not None:
            return self.person(titled, start)
        titled_person = self.after_personal_title(name, start)
        words = name.lower().split()
        quoted = [s for _, s in reversed(self.history)]
        # a place speaks for itself, not for a body named after it: "Vietnam … has accused Beijing" is not the
        # "Diplomatic Academy of Vietnam", "Cleveland" not the "Cleveland Police Patrolmen's Association"
        longer_names = [] if label == "GPE" and _names_a_place(name) else quoted + self.orgs
        for longer in longer_names:
            longer_name = longer.canonical if isinstance(longer, Speaker) else longer
            longer_words = longer_name.lower().split()
            if len(longer_words) > len(words) and _contains(longer_words, words) and _is_proper_name(longer_name):
                if isinstance(longer, Speaker) and not titled_person:
                    return longer  # a source quoted before, of its own type
                name = longer_name
                break
        if titled_person:
            return self.person(name, start)
        # a place the gazetteer knows speaks for its government; a name the model took for a place is a body
        # ("… according to Quantcast")
        default = "government" if label == "GPE" and load_gazetteer().lookup(name) else "organization"
        return Speaker(name, type_of_name(name, default))

    def addressee(self, position: int) -> Speaker:
        """Who "you" is at ``position``: the person the last salutation before it names, when it names one."""
        salutations = [m for m in _SALUTATION.finditer(self.text, 0, position)]
        if salutations:
            name = person_name(salutations[-1].group("name"))
            if name and " and " not in f" {name} " and not name.endswith("s"):
                addressee = self.person(name)
                self.addressees |= {addressee}
                return addressee
        return Speaker("the addressee", "unknown")

    def from_entity(self, entity: _Entity) -> Speaker:
        if entity.label == "PERSON" and (entity.name.split()[-1].lower() in self.lex.body_heads
                                         or self.outlet_not_person(entity.name)):
            # "Border Patrol", "Politico reported": labelled PERSON by the small model
            return self.organisation(entity.name, "ORG")
        if entity.label == "PERSON":
            return self.person(entity.name, entity.start, entity.end)
        if entity.label == "NORP" and self.known_surname(entity.name):
            return self.person(entity.name, entity.start)  # "said Pocan", labelled NORP by the small model
        if entity.label == "NORP":
            return Speaker(entity.name, "organization")
        return self.organisation(entity.name, entity.label, entity.start)

    # -- context -----------------------------------------------------------------------------------------------
    def entities_in(self, start: int, end: int) -> list[_Entity]:
        first = bisect_right(self.entity_starts, start - 1)
        result = []
        for e in self.entities[first:]:
            if e.start >= end:
                break
            if e.end <= end:
                result.append(e)
        return result

    def person_in(self, start: int, end: int) -> Speaker | None:
        """The first person the model names between ``start`` and ``end``."""
        entity = next((e for e in self.entities_in(start, end) if e.label == "PERSON"), None)
        return self.person(entity.name, entity.start, entity.end) if entity is not None else None

    def person_at(self, token: Token) -> Speaker | None:
        """The person the model names with this token ("Huma Abedin" in "longtime Hillary Clinton aide Huma
        Abedin", not the first person named in the phrase)."""
        index = bisect_right(self.entity_starts, token.idx) - 1
        entity = self.entities[index] if index >= 0 else None
        if entity is None or entity.label != "PERSON" or token.idx >= entity.end:
            return None
        return self.person(entity.name, entity.start, entity.end)

    def last_before(self, position: int, kinds: Iterable[str], noun: str | None = None,
                    excluded: frozenset[Speaker] = frozenset(), sex: str | None = None,
                    since: int = 0, plural: bool = False, entities: bool = True) -> Speaker | None:
        """The latest source (or, failing one, named entity from ``since`` on) of the given types before
        ``position``, or with ``plural`` ("they") of any group of people; with ``sex`` ("F" or "M", from "she" or
        "he"), never a person known to be of the other."""
        kinds = set(kinds)
        candidates = [(p, s) for p, s in self.history
                      if p < position and (s.type in kinds or plural and s.type == "person" and s in self.groups)
                      and s not in excluded and s not in self.role_only
                      and not (s in self.groups and not plural) and not (sex and self.other_sex(s, sex))]
        if noun:
            named = [s for _, s in candidates if noun in s.canonical.lower()]
            if named:
                return named[-1]
        labels = {"PERSON"} if kinds == {"person"} else {"ORG", "GPE", "FAC"}
        before = self.entities[:bisect_right(self.entity_starts, position - 1)]
        if noun and entities and labels != {"PERSON"}:
            # "The court found …": a body named with the noun ("the Texas Fifteenth Court of Appeals") after the
            # last source of the kind
            last = candidates[-1][0] if candidates else since
            named_with = next((e for e in reversed(before) if e.start >= last and e.label in labels
                               and e.end <= position and _name_head(e.name) == noun), None)
            if named_with is not None:
                return self.from_entity(named_with)
        if candidates or not entities:
            return candidates[-1][1] if candidates else None
        for e in reversed(before):
            if e.start < since:
                break
            if e.label in labels and e.end <= position and not self.modifies_a_noun(e):
                found = self.from_entity(e)
                # "she" is never a man the article names, "he" never an outlet the model took for a person
                if not self.other_sex(found, sex) and (found.type == "person" or labels != {"PERSON"}):
                    return found
        return None

    def author_of(self, head: Token, inside: list[_Entity]) -> Speaker | None:
        """The body or person that made a document the mention names ("The report, released Thursday by the
        Government Accountability Office", "A Pew Research Center survey", "a CNN poll"): an organisation or a
        person named as its modifier or after "by" or "from"."""
        lexicon = cue_lexicon()
        if head.lemma_.lower() not in lexicon.media | _DOCUMENTS:
            return None
        for entity in inside:
            if entity.label not in ("ORG", "PERSON") or (
                    entity.label == "PERSON" and " " not in entity.name
                    and " " not in self.people.get(_surname(entity.name), "")):
                continue  # not a lone word the model took for a name ("Exit polls")
            span = self.doc.char_span(entity.start, entity.end)
            if span is None:
                continue
            root, chain = span.root, []
            while root.i != head.i and root.head.i != root.i:
                chain.append(root)
                root = root.head
            if root.i != head.i:
                continue
            links = [t for t in chain if t.dep_ not in ("compound", "poss", "pobj", "nmod")]
            if all(t.dep_ in ("compound", "poss", "nmod") for t in chain) or (
                    chain[0].dep_ == "pobj" and chain[0].head.lower_ in ("by", "from")
                    and all(t.dep_ in ("prep", "agent", "acl") for t in links)):
                found = self.from_entity(entity)
                return Speaker(found.canonical.rstrip("/-"), found.type)  # "University of Texas/Texas Tribune"
        # a maker's name the model left untagged, written before the document: "A Pew Research Center survey"
        run = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if run and not inside:
            words = [t for c in run for t in c.subtree if t.i < head.i]
            if words and all(t.pos_ == "PROPN" for t in words) and words[-1].i == head.i - 1 and len(words) >= 2:
                name = self.text[words[0].idx:words[-1].idx + len(words[-1])]
                return Speaker(name, type_of_name(name, "organization"))
        return None

    def national_body(self, entity: _Entity) -> Speaker | None:
        """The body a nationality or a country's name qualifies ("the Mexican government", "Canada's embassy"):
        that whole name, not the nationality."""
        span = self.doc.char_span(entity.start, entity.end)
        if span is None or not _national(span.root):
            return None
        body = span.root.head
        kind = self.lex.descriptions.get(body.lemma_.lower())
        if kind in (None, "person"):
            return None
        return Speaker(canonical_name(self.text[entity.start:body.idx + len(body)], {}), kind)

    def modifies_a_noun(self, entity: _Entity) -> bool:
        """Whether a place's name only qualifies a noun ("U.S. citizen children"): no one "they" or "it" names."""
        span = self.doc.char_span(entity.start, entity.end)
        return (entity.label == "GPE" and span is not None and span.root.dep_ in ("compound", "amod", "nmod")
                and span.root.head.pos_ == "NOUN")

    def other_sex(self, speaker: Speaker, sex: str | None) -> bool:
        """Whether ``speaker`` is a person known to be of the other sex than ``sex``."""
        if not sex or speaker.type != "person":
            return False
        # a full name the model did not tag takes the sex a title told of its surname ("Mr. Prasad")
        known = self.genders.get(speaker.canonical) or self.genders.get(speaker.canonical.split()[-1])
        return known is not None and known != sex

    # -- one mention -------------------------------------------------------------------------------------------
    def resolve(self, mention: SpeakerMention) -> Speaker:
        """The source a speaker mention refers to. Tried in order: a pronoun's referent, a transcript's speaker
        label, a name in or beside the mention, a spokesperson's body, a document's maker, the entity of a mention
        without a head, an anonymous source, a body's own name or description; last, the mention's own words."""
        read = self.read(mention)
        found = next((found for step in (self._by_pronoun, self._by_label, self._by_name, self._by_spokesperson,
                                         self._by_author, self._by_headless_entity, self._by_anonymity, self._by_body)
                      if (found := step(read)) is not None), None) or self._by_words(read)
        spokes = read.words & self.lex.spokes  # "A spokesman for …", "Andrew Hogg, spokesman for …"
        if spokes and found.canonical != canonical_name(_DETERMINERS.sub("", read.text), {}):  # past its own words
            for noun in spokes:
                self.spoken_for[noun] = found
        return found

    def read(self, mention: SpeakerMention) -> _Read:
        """What resolving reads off a mention: its text, head, words and the entities inside it."""
        text = self.text[mention.start:mention.end]
        head = self.doc[mention.head] if mention.head is not None else None
        head_word = head.lower_ if head is not None else text.split()[-1].lower()
        lemma = head.lemma_.lower() if head is not None else head_word
        return _Read(mention, text, head, head_word, frozenset(text.lower().split()),
                     self.entities_in(mention.start, mention.end),
                     lemma, head is not None and head.tag_ in ("NNS", "NNPS"),
                     self.lex.descriptions.get(lemma) if head is not None else None)

    def _by_pronoun(self, read: _Read) -> Speaker | None:
        """The referent of a pronoun ("he", "they", "I", "we", "you"), or None for another mention."""
        mention, text, head_word = read.mention, read.text, read.head_word
        if head_word in _ADDRESSEE_PRONOUNS:
            return self.addressee(mention.start)
        if head_word in _FIRST_PERSON and self.labels and self.labels[0][0] <= mention.start:
            # in a transcript, "I" is whoever the last speaker label before it names
            label_end, name = [label for label in self.labels if label[0] <= mention.start][-1]
            return self.person(name, label_end)
        if head_word in _FIRST_PERSON and self.statement_givers and self.statement_givers[0][0] <= mention.start:
            # "Rep. Lamar Smith … delivered the following statement … Agency director Sarah Saldaña testified at the
            # hearing. … I wrote the law": the statement's "I" is who gives it, not the last person named
            return [giver for end, giver in self.statement_givers if end <= mention.start][-1]
        if head_word in _FIRST_PERSON and self.signers:
            signer = next((person for start, person in self.signers if start > mention.start), None)
            if signer is not None and _SALUTATION.search(self.text, 0, mention.start):
                # "Dear Secretary Johnson: … I urge you to …  Sincerely, Bob Goodlatte": the letter's "I" signs it
                return signer
        if head_word in ("we", "our") and _SALUTATION.search(self.text, 0, mention.start):
            # "Dear Sheriff Toulon and Sheriff Fludd, We write …": the letter's writers, never its addressees nor
            # the last body named before
            return Speaker("the letter's writers", "person")
        if head_word in _PERSON_PRONOUNS or head_word in _GROUP_PRONOUNS:
            kinds = ("person",) if head_word in _PERSON_PRONOUNS else (
                "organization", "government", "media", "anonymous")
            # a body the article named sentences before ("Several groups … Here's what they're saying", the U.S.
            # Border Patrol three sentences back) is no referent of "they" or "it" unless it is already a source
            sentence = bisect_right(self.sentence_starts, mention.start) - 1
            # "I" is never the one the writer addresses as "you"
            found = self.last_before(mention.start, kinds,
                                     excluded=self.addressees if head_word in _FIRST_PERSON else frozenset(),
                                     sex=_PRONOUN_GENDER.get(head_word),
                                     since=self.sentence_starts[max(0, sentence - PRONOUN_REACH_SENTENCES)]
                                     if head_word in _GROUP_PRONOUNS else 0, plural=head_word in _PLURAL_PRONOUNS)
            if found is None and head_word in _PERSON_PRONOUNS:
                found = Speaker(text, "person")  # unresolved, "he" or "I" is still a person
                self.role_only.add(found)  # but no referent of a later pronoun
            return found or Speaker(text, "unknown")
        return None

    def _by_label(self, read: _Read) -> Speaker | None:
        """A transcript's speaker label ("WALLACE:", "REP. GUTIERREZ:"): the person, named as written."""
        mention, text = read.mention, read.text
        if text.isupper() and len(text) > 2 and self.text[mention.end:mention.end + 1] == ":":
            # a transcript's speaker label ("WALLACE:", "REP. GUTIERREZ:"): a person, named as written in capitals
            name = person_name(text.title())
            found = self.person(name, mention.start, mention.end)
            return Speaker(name, "person") if found.canonical.isupper() else found
        return None

    def _by_name(self, read: _Read) -> Speaker | None:
        """A person set beside a description, a person described by party, or the entity at the mention's head."""
        mention, text, head, inside = read.mention, read.text, read.head, read.inside
        beside = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                       and c.idx < mention.end), None) if head is not None and not head.ent_type_ and (
            head.tag_ not in ("NNS", "NNPS") and self.lex.descriptions.get(head.lemma_.lower()) in (None, "person")
        ) else None  # not "the group Mosul Eye", nor "The Democratic candidates, Hillary Clinton and …"
        if beside is not None:
            # "Florida’s Republican attorney general, Pam Bondi": the person a description is set beside
            person = self.person_at(beside)
            if person is not None:
                return person
        if (head is not None and head.ent_type_ == "NORP" and head.tag_ not in ("NNS", "NNPS")
                and self.lex.descriptions.get(head.lower_) == "person"):
            # "the Utah Republican", "the New York Democrat": a person described by party, not the party
            described = self.description(mention, text, "person", head.lower_)
            if described:
                return described
        if head is not None:
            at_head = [e for e in inside if e.start <= head.idx < e.end]
            if at_head and at_head[0].label == "ORG" and any(
                    c.dep_ == "appos" and c.lemma_.lower() in self.lex.person_roles for c in head.children):
                # a person the model read as a body, described as one: "Alejandro Caceres, an immigration organizer"
                return self.person(at_head[0].name, at_head[0].start, at_head[0].end)
            if at_head and at_head[0].label == "ORG" and head.tag_ in ("NNS", "NNPS") and "person" in (
                    self.lex.descriptions.get(head.lower_), self.lex.descriptions.get(head.lower_.removesuffix("s"))):
                group = Speaker(at_head[0].name, "person")  # "Nebraska Senators", tagged ORG: people, not a body
                self.groups.add(group)
                return group
            if at_head and at_head[0].label == "NORP" and read.plural and not self.known_surname(at_head[0].name):
                # a party or group the model tagged without the capitalised words before it: "The Liberal
                # Democrats" (tagged "Democrats"), "Senate Republicans"
                first = head
                while first.i > 0 and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).idx >= mention.start:
                    first = first.nbor(-1)
                whole = canonical_name(self.text[first.idx:at_head[0].end], {})
                if whole != at_head[0].name and whole.endswith(f" {at_head[0].name}") and _is_proper_name(whole):
                    return Speaker(whole, type_of_name(whole, "organization"))
            if (at_head and at_head[0].label == "ORG" and head.idx + len(head) == at_head[0].end and not read.plural
                    and self.lex.descriptions.get(read.lemma) == "person"):
                return None  # an office the model tagged as a body, "The Conservative Party Co-Chairman": a person
            if at_head:
                return self.from_entity(at_head[0])
            if (head.pos_ == "PROPN" and self.known_surname(head.text)
                    and self.text[head.idx + len(head):mention.end].startswith(",")
                    and not any(e.label == "PERSON" for e in inside)):
                # a surname the model left untagged, before an aside that names a place: "Sessions, speaking in
                # Miami"
                return self.person(head.text, mention.start, mention.end)
        return None

    def _by_spokesperson(self, read: _Read) -> Speaker | None:
        """The body a spokesperson speaks for: one named in the mention, an office holder, or one described before;
        "the spokesman" is the one named before ("A spokesman for the Home Office"), so speaks for the same."""
        mention, text, head, head_word, inside, lemma = (read.mention, read.text, read.head, read.head_word,
                                                         read.inside, read.lemma)
        if (lemma in self.spoken_for and not inside and text.lower().startswith("the ")
                and head is not None and not any(c.dep_ in ("poss", "compound") for c in head.lefts)):
            return self.spoken_for[lemma]
        if head_word in self.lex.spokes or lemma in self.lex.spokes:
            bodies = [e for e in inside if e.label in ("ORG", "GPE", "FAC", "NORP")]
            if bodies:
                body = self.national_body(bodies[0])
                return body if body is not None else self.from_entity(bodies[0])
            principal = next((c for c in head.lefts if c.dep_ == "poss" and c.lemma_.lower() in self.lex.offices),
                             None) if head is not None else None
            if principal is not None:  # "The governor's spokesman" speaks for the governor, not for the last body
                holders = self.holders(mention.start, self.lex.offices[principal.lemma_.lower()])
                return holders[-1] if holders else Speaker(
                    canonical_name(_DETERMINERS.sub("", text), {}), "government")
            described = self.description(mention, text, "organization")
            if described:
                return described
            owner = next((c for c in head.lefts if c.dep_ == "compound" and not any(c.children)
                          and self.lex.descriptions.get(c.lemma_.lower()) not in (None, "person")),
                         None) if head is not None else None
            if owner is not None:  # "a department statement": the department quoted before
                noun = owner.lemma_.lower()
                found = self.last_before(mention.start, (self.lex.descriptions[noun],), noun, entities=False)
                if found is not None and noun in found.canonical.lower():
                    return found
        return None

    def _by_author(self, read: _Read) -> Speaker | None:
        """The maker of a report, poll or survey that speaks ("The report, released Thursday by the GAO")."""
        return self.author_of(read.head, read.inside) if read.head is not None else None

    def _by_headless_entity(self, read: _Read) -> Speaker | None:
        """The first entity of a mention without a head, unless it marks anonymity."""
        if read.inside and not (read.words & self.lex.anonymous_markers) and read.head is None:
            return self.from_entity(read.inside[0])
        return None

    def _by_anonymity(self, read: _Read) -> Speaker | None:
        """An anonymous source ("a senior official", "sources"), with the body it speaks for where named."""
        text, head, head_word, words, inside, lemma = (read.text, read.head, read.head_word, read.words, read.inside,
                                                       read.lemma)
        if head_word in self.lex.anonymous_heads or words & self.lex.anonymous_markers:
            noun = lemma if lemma in self.lex.anonymous_heads else "source"
            if noun in ("people", "person"):
                noun = "source"
            body = self.affiliation(inside, text, head)
            return Speaker(f"anonymous {noun} ({body})" if body else f"anonymous {noun}", "anonymous")
        return None

    def _names_its_body(self, read: _Read) -> bool:
        """Whether a body noun's mention names its body ("the Clinton campaign", "The mayor's office", "the
        government in Beijing") rather than describing one named before."""
        head = read.head
        return read.body_kind not in (None, "person") and (any(
            c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" or _national(c)
            or c.dep_ == "poss" and self.lex.descriptions.get(c.lemma_.lower()) == "person"  # "The mayor's office"
            for c in head.lefts) or any(
            c.dep_ == "prep" and c.lower_ in ("in", "of") and any(g.ent_type_ == "GPE" for g in c.children)
            for c in head.rights))  # "the government in Beijing"

    def _by_body(self, read: _Read) -> Speaker | None:
        """A body by the name its mention sets off or gives, or the body or group of people a description refers to."""
        mention, text, head, inside, lemma, plural = (read.mention, read.text, read.head, read.inside, read.lemma,
                                                      read.plural)
        # a body's own name ("The Douglas County Attorney's Office", "the Clinton campaign", "the Obama
        # administration") is no description of one named before
        body_kind = read.body_kind
        if body_kind not in (None, "person"):
            set_off = next((e for c in head.subtree if _set_off_name(c, head) and c.idx < mention.end
                            for e in inside if e.start <= c.idx < e.end), None)
            if set_off is not None:  # "The union representing Acme workers, the United Auto Workers": that body
                return Speaker(set_off.name, type_of_name(set_off.name, body_kind))
            own = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                        and c.left_edge.i == head.i + 1 and c.idx < mention.end), None)
            if own is not None:  # "the Israeli newspaper Haaretz", "the activist group Mosul Eye": the name it gives
                end = min(own.right_edge.idx + len(own.right_edge), mention.end)
                name = canonical_name(self.text[own.left_edge.idx:end], {})
                return Speaker(name, type_of_name(name, body_kind))
            after = head.doc[head.i + 1].idx if head.i + 1 < len(head.doc) else None
            given = next((e for e in inside if e.start == after and e.label == "ORG"), None)
            if given is not None:  # "the group People for the Ethical Treatment of Animals", "People" a noun
                return Speaker(given.name, type_of_name(given.name, body_kind))
        named = self._names_its_body(read)
        if lemma in self.lex.descriptions and not named and not (
                plural and self.lex.descriptions[lemma] == "person"):
            # "the lawmakers", "the officers": a group of people is not the last person named
            described = self.description(mention, text, self.lex.descriptions[lemma], lemma)
            if described:
                return described
        return None

    def _by_words(self, read: _Read) -> Speaker:
        """The source the mention's own words name: a person by name or role, a group, an organisation, else a
        speaker typed by its words."""
        mention, text, head, inside, lemma, plural = (read.mention, read.text, read.head, read.inside, read.lemma,
                                                      read.plural)
        named = self._names_its_body(read)
        name = canonical_name(_DETERMINERS.sub("", text), {})  # without a closing bracket: "… Enforcement (ICE)"
        untitled = person_name(name)
        if untitled != name and _surname(untitled) in self.people:  # "Sheriff Cuellar", not an entity to the model
            return self.person(untitled, mention.start, mention.end)
        # what a title opens is a name, not "and the Liberal Democrats" after "Labour", nor "Party" after "Conservative"
        if (head is not None and head.pos_ == "PROPN" and not head.ent_type_ and untitled != name
                and untitled[:1].isupper() and _is_proper_name(untitled)
                and type_of_name(untitled.split()[-1], "") == ""):
            return self.person(untitled, mention.start, mention.end)  # "Democratic Whip Steny Hoyer", untagged
        if plural and "person" in (self.lex.descriptions.get(lemma), self.lex.descriptions.get(
                lemma.removesuffix("s"))):  # a proper plural keeps its "s" as lemma: "Senators"
            # a group of people: "the Senators" are the last group named by that noun ("U.S. Senators from Iowa
            # and Nebraska"); a group named with the places or bodies it comes from is that group, not the first
            # of those
            if text.lower() == f"the {head.lower_}":
                earlier = [s for p, s in self.history if p < mention.start and s.type == "person"
                           and head.lower_ in s.canonical.lower().split()]
                if earlier:
                    return earlier[-1]
            if inside or head.pos_ == "PROPN":
                group = Speaker(name, type_of_name(name, "person"))
                self.groups.add(group)  # never "he" or "she"
                return group
        if head is not None and head.text[:1].isupper() and not head.ent_type_ and not inside:
            role = next((t for t in reversed(list(head.lefts)) if t.lemma_.lower() in self.lex.person_roles
                         and t.pos_ == "NOUN" and t.i > 0), None)
            role_name = self.text[role.idx + len(role):mention.end].strip() if role is not None else ""
            if 2 <= len(role_name.split()) <= 4 and _is_proper_name(role_name):
                # an untagged name after a person's role ("Conservative author Dinesh D’Souza") names its surname
                # from here on, with the sex its first name tells
                self.people.setdefault(_surname(role_name), role_name)
                sex = self.lex.first_name_genders.get(role_name.split()[0])
                if sex:
                    self.genders.setdefault(role_name, sex)
                return self.person(role_name, mention.start, mention.end)
        if (head is not None and head.pos_ == "PROPN" and not head.ent_type_ and head.i > 0
                and head.doc[head.i - 1].idx >= mention.start and self.title_before(head.idx)[1]):
            # an untagged name after a title that tells a sex, whatever else the mention holds: "Liberal Democrat
            # peer Lord Carlile" is the peer, not the party the model tagged
            return self.person(head.text, head.idx, head.idx + len(head))
        if head is not None and head.pos_ == "PROPN" and not inside and self.untagged_person(name):
            return self.person(name, mention.start, mention.end)  # "― Karen Bobadilla.", a signature the model missed
        if head is not None and head.pos_ == "PROPN" and (head.text[:1].isupper() or inside):
            # a name whose modifier alone the model tagged ("Douglas County" in "The Douglas County Attorney's
            # Office") is the whole name; a lower-case head with no entity is no name ("the shadow chancellor")
            person = next((e for e in reversed(inside) if e.label == "PERSON"), None)
            if person is not None and self.lex.descriptions.get(read.lemma) == "person":
                # the person after an office the model read as a name: "Chairman of the Environmental Audit
                # Committee Peter Ainsworth MP"
                return self.person(person.name, person.start, person.end)
            return self.organisation(name, "ORG", mention.start) if not inside or named else self.from_entity(
                inside[0])
        if len(text.split()) == 1 and text[:1].isupper() and self.known_surname(text):
            return self.person(text, mention.start, mention.end)  # a surname the model read as a noun: "Trump later"
        # a person noun's own words type it: "Residents interviewed by the Associated Press" are no medium
        person_head = head is not None and lemma in self.lex.person_roles and mention.start <= head.idx < mention.end
        owner = next((c for c in head.lefts if c.dep_ == "poss"), None) if person_head else None
        start = owner.right_edge.idx + len(owner.right_edge) if owner is not None else mention.start
        typed = self.text[start:head.idx + len(head)] if person_head else name  # not "The union's" lawyer
        kind = type_of_name(typed, "person" if lemma in self.lex.person_roles else "unknown")  # person nouns too
        speaker = Speaker(name, kind)
        if kind == "person" and plural:
            self.groups.add(speaker)  # "executives who run news organizations": whom "they" may refer back to
        elif kind == "person" and lemma not in self.lex.person_nouns:
            self.role_only.add(speaker)  # "a neighbor", "his wife": a person, but no one "he" or "I" refers back to
        return speaker

    def affiliation(self, inside: list[_Entity], text: str, head: Token | None) -> str | None:
        """The body unnamed sources speak for, where their mention names one ("ICE officials", "Afghan officials",
        "Border Patrol officials"): an entity in it, a defined acronym, else capitalised names before its noun."""
        bodies = [self.from_entity(e).canonical for e in inside if e.label in ("ORG", "GPE", "NORP")]
        bodies += [self.acronyms[word] for word in text.split() if word in self.acronyms]
        if bodies:
            return bodies[0]
        words = [t for c in (head.lefts if head is not None else ()) if c.dep_ == "compound" for t in c.subtree]
        if words and all(t.text[:1].isupper() and t.is_alpha for t in words) and (
                any(t.pos_ == "PROPN" for t in words) or any(t.is_upper and len(t) > 1 for t in words)):
            return self.text[words[0].idx:words[-1].idx + len(words[-1])]
        return None

    def description(self, mention: SpeakerMention, text: str, cls: str, noun: str | None = None) -> Speaker | None:
        """A definite description ("the agency") as the last source of its class before it."""
        if not text.lower().startswith(("the ", "this ", "that ", "its ", "his ", "her ", "their ")):
            return None
        if cls == "person" and noun in self.lex.offices:
            return self.office_holder(mention.start, self.lex.offices[noun], text)
        if cls == "person":
            found = self.last_before(mention.start, ("person",), noun)
            if (found is not None and noun in self.lex.professions and noun not in found.canonical.lower()
                    and "former" not in text.lower() and any(person == found for _, _, person, _ in self.offices)):
                return None  # "the prosecutor" is not the senator named last
            return found
        owner = text.split()[0].lower()
        if owner in ("his", "her") and noun is not None:
            # "His office said": a body of that kind quoted before, else the office of the person "his" is
            found = self.last_before(mention.start, (cls,), noun, entities=False)
            if found is not None and noun not in found.canonical.lower():
                found = None  # "her campaign" is no poll quoted before
            person = self.last_before(mention.start, ("person",), sex=_PRONOUN_GENDER[owner])
            if found is None and person is not None:
                return Speaker(f"{person.canonical}'s {noun}", cls)
            if found is not None:
                return found
        return (self.last_before(mention.start, (cls,), noun)
                or self.last_before(mention.start, ("organization", "government", "media"), noun))


    def holders(self, position: int, office: str, qualifier: str | None = None) -> list[Speaker]:
        """The people introduced with ``office`` before ``position``, in text order; with a ``qualifier`` ("the
        foreign secretary"), those introduced with it ("Florida Sen. Marco Rubio" for "the Florida senator") if any,
        else not those introduced with another ("Home Secretary Charles Clarke"); nor, without the same qualifier,
        those who hold another office of that name ("shadow chancellor Oliver Letwin")."""
        held = [(person, qualified) for start, held, person, qualified in self.offices
                if held == office and start < position]
        same = [person for person, qualified in held if qualifier is not None and qualified == qualifier]
        return same or [person for person, qualified in held if qualified == qualifier or (
            qualifier is None and qualified not in self.lex.other_offices
            or qualified is None and qualifier not in self.lex.other_offices)]

    def office_holder(self, position: int, office: str, text: str) -> Speaker | None:
        """Who "the senator" is: the last person introduced with that office before ``position``; with none, the
        last person named, except for an office one person holds ("the President") or one of a body the mention
        names ("the chairman of the Conservative Party"), which stays as written."""
        named = self.person_set_before(position, position + len(text)) or self.person_closing(
            position, position + len(text))
        if named is not None:  # "said R. Gil Kerlikowske, the … commissioner, who", "The director …, Ina Kirsch"
            return named
        words = _DETERMINERS.sub("", text).lower().split()
        at = next((i for i, word in enumerate(words) if self.lex.offices.get(word) == office), None)
        qualifier = _qualifier(words, at) if at is not None else None
        holders = self.holders(position, office, qualifier)
        if holders:
            return holders[-1]
        # nor anyone introduced with another office of that name: "the foreign secretary" is no "Home Secretary …"
        others = frozenset(person for _, held, person, qualified in self.offices
                           if held == office and qualifier is not None and qualified not in (None, qualifier))
        if office in self.lex.sole_offices:
            return Speaker(_DETERMINERS.sub("", text), "person")
        if any(e.label == "ORG" and (len(e.name.split()) > 1 or e.name.isupper())
               for e in self.entities_in(position, position + len(text))):
            # "The chairman of the Conservative Party", no one introduced so: that office, not the last person
            # named (but "the former secretary of State" may well be)
            role = Speaker(_DETERMINERS.sub("", text), "person")
            self.role_only.add(role)
            return role
        return self.last_before(position, ("person",), office, excluded=others)

    def person_set_before(self, start: int, end: int) -> Speaker | None:
        """The person a description is set after, as the parse has it or between commas: "Alfonso Aguilar, the
        executive director of …" (not "Echoing … Condoleezza Rice, the prime minister said")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "appos":
            return self.person_at(span.root.head)
        # set off by commas on both sides, whatever the parse: "Deborah Tamargo, the chairwoman of …, recalled"
        entity = next((e for e in reversed(self.entities[:bisect_right(self.entity_starts, start - 1)])
                       if e.end <= start), None)
        if (entity is None or entity.label != "PERSON" or self.text[entity.end:start].strip() != ","
                or not self.text[end:end + 2].lstrip().startswith(",")):
            return None
        return self.person(entity.name, entity.start, entity.end)

    def person_closing(self, start: int, end: int) -> Speaker | None:
        """The person named at the end of a description: "The director of the European Centre, Ina Kirsch", "the
        minister for civil aviation Praful Patel" (not "the director behind JFK, Platoon and …")."""
        entity = next((e for e in reversed(self.entities_in(start, end)) if e.label == "PERSON"), None)
        if entity is None or self.text[entity.end:end].strip(" ,") not in ("", "QC", "Jr."):
            return None
        return self.person(entity.name, entity.start, entity.end)


def _qualifier(words: list[str], index: int) -> str | None:
    """The word before the office at ``words[index]`` that says which office it is: a portfolio ("foreign" in
    "foreign secretary", "Home Secretary"), a word that makes it another office ("shadow", "deputy") or a place
    ("the Ohio governor"); not a party, nor a word of praise or time ("GOP Sen.", "the longtime senator")."""
    word = words[index - 1] if index > 0 else ""
    lexicons = _lexicons()
    if word in lexicons.portfolios or word in lexicons.other_offices:
        return word
    return _place_word(word) if word.isalpha() else None


# the state or town a person's office serves, written after the name: ", R-Iowa", " (D-Calif.)", " of Ohio"
_PLACE_AFTER_NAME = re.compile(r"(?:,\s*\(?|\s+\()[RDI]-(?P<state>[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?)|\s+of\s+"
                               r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w.])")


def _place_word(name: str | None, states_only: bool = False) -> str | None:
    """The last word of the place ``name`` names, in lower case ("New Jersey" → "jersey"), if it names one
    (``_names_a_place``), or with ``states_only`` a state or a country ("Mo." → "missouri", where the gazetteer
    knows the abbreviation)."""
    if not name:
        return None
    places = load_gazetteer().lookup(name)
    if not places or not (_speaking_place(places) if not states_only else places[0].kind in ("state", "country")):
        return None
    return places[0].name.split()[-1].lower()


_NAME_LINKS = frozenset({"of", "and", "for", "on", "the", "&", "in", "de", "du", "la"})
# documents whose maker is their source: "a report by the GAO", "a Pew Research Center analysis"
_DOCUMENTS = frozenset({"report", "analysis", "review", "assessment", "estimate", "projection", "audit", "poll",
                        "survey", "study", "research", "investigation", "inquiry", "probe"})


def _set_off_name(token: Token, head: Token) -> bool:
    """Whether ``token`` heads an organisation's name set off by a comma after a singular body noun, in its phrase
    but not in a relative clause of it ("The union representing Acme workers, the United Auto Workers"; not a
    place's qualifier: "Local news outlets in Washington, D.C.")."""
    if token.dep_ != "appos" or token.ent_type_ != "ORG" or token.i <= head.i or head.tag_ in ("NNS", "NNPS"):
        return False
    if token.left_edge.i == 0 or token.doc[token.left_edge.i - 1].text != ",":
        return False
    chain = [a for a in token.ancestors if a.i != head.i and head.i < a.i]
    return not any(a.dep_ == "relcl" for a in chain) and any(a.i == head.i for a in token.ancestors)


def _national(token: Token) -> bool:
    """Whether a token is a nationality or a country's name that qualifies a noun: "French" in "the French
    government", "Mexico" in "the Mexico government" or "Mexico's embassy"."""
    return (token.ent_type_ in ("NORP", "GPE") and token.dep_ in ("amod", "compound", "poss")
            and token.head.pos_ == "NOUN" and token.head.i > token.i)


def _is_proper_name(name: str) -> bool:
    """True for a name ("U.S. Immigration and Customs Enforcement"), not a description that holds one ("two
    plainclothes Immigration and Customs Enforcement (ICE) officers")."""
    return all(w[:1].isupper() or w in _NAME_LINKS or not w[:1].isalpha() for w in name.split())


_HEAD_LINKS = ("of", "on", "for", "to")


def _name_head(name: str) -> str | None:
    """The noun a body's name of two words or more is named as ("court" in "Texas Fifteenth Court of Appeals",
    "department" in "Labor Department", "committee" in "Committee to Protect Journalists"), lowercased."""
    words = name.lower().split()
    if len(words) < 2:
        return None  # "State", "Government": a capitalised noun, no name
    link = next((i for i, word in enumerate(words) if word in _HEAD_LINKS), None)
    return words[link - 1] if link else words[-1]


PLACE_SPEAKER_POPULATION = 15_000  # a town this large, tagged GPE, is the place, not a body named after it


def _names_a_place(name: str) -> bool:
    """Whether ``name`` is a country, a state or province, or a town of PLACE_SPEAKER_POPULATION or more."""
    return _speaking_place(load_gazetteer().lookup(name))


def _speaking_place(places: Iterable[Place]) -> bool:
    """Whether one of a name's gazetteer readings is a country, a state or province, or a town of
    PLACE_SPEAKER_POPULATION or more."""
    return any(place.kind in ("country", "state") or place.kind == "city" and place.population >=
               PLACE_SPEAKER_POPULATION for place in places)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def resolve_speakers(doc: Doc, mentions: list[SpeakerMention | None]) -> list[Speaker | None]:
    """Canonical source and type for each mention (None stays None); mentions come in text order."""
    if not any(mentions):
        return [None] * len(mentions)
    resolver = _Resolver(doc)
    result: list[Speaker | None] = []
    for mention in mentions:
        if mention is None:
            result.append(None)
            continue
        speaker = resolver.resolve(mention)
        resolver.history.append((mention.start, speaker))
        head = doc[mention.head] if mention.head is not None else None
        if head is not None and head.tag_ == "NNS" and not head.ent_type_ and (
                head.text[:1].islower() or head.is_sent_start) and not resolver.known_surname(head.text):
            resolver.groups.add(speaker)  # "the lawmakers wrote", "Analysts said" (not "Sanders said", tagged NNS)
        result.append(speaker)
    return result


def source_rows(article_id: str, quote_rows: list[dict]) -> list[dict]:
    """One row per canonical source of an article (schema ``sources``), from its quote rows."""
    sources: dict[str, dict] = {}
    for row in quote_rows:
        name = row.get("speaker")
        if not name:
            continue
        entry = sources.setdefault(name, {
            "article_id": article_id, "source": name, "source_type": row.get("speaker_type") or "unknown",
            "aliases": [], "n_quotes": 0, "first_paragraph": row["paragraph"], "_polarity": [], "_vader": [],
        })
        mention = row.get("speaker_mention")
        if mention and mention not in entry["aliases"]:
            entry["aliases"].append(mention)
        entry["first_paragraph"] = min(entry["first_paragraph"], row["paragraph"])
        if row.get("duplicate_of"):
            continue
        entry["n_quotes"] += 1
        if row.get("polarity") is not None:
            entry["_polarity"].append(row["polarity"])
        if row.get("vader") is not None:
            entry["_vader"].append(row["vader"])
    rows = []
    for entry in sources.values():
        polarity, vader = entry.pop("_polarity"), entry.pop("_vader")
        entry["mean_polarity"] = sum(polarity) / len(polarity) if polarity else None
        entry["mean_vader"] = sum(vader) / len(vader) if vader else None
        rows.append(entry)
    rows.sort(key=lambda r: (r["first_paragraph"], r["source"]))
    return rows
