"""The quotes stage: direct, mixed and indirect quotes with their cue and speaker.

Quotation marks are paired by a scan over each paragraph (``quote_marks``); cues, speakers and reported
content come from the dependency parse around speech verbs (``cues``); speakers are resolved to one canonical
source per article (``speakers``). A quoted stretch with no cue beside it is a quote only when it continues an
attributed quote; otherwise it is a title or a scare quote and is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .cues import ADDRESSEE_VERBS, NO_SPEAKER_WORDS, Cue, find_cues, linked_subject
from .gazetteer import demonym_keys, name_key
from .interviews import InterviewAnswer, interview_answers
from .parse import doc_text
from .quote_marks import QuotedSpan, quoted_spans, typewriter_marks_as_curly, without_markup
from .segment import Paragraph
from .sentiment import score_sentiment
from .spans import TICKER_OPENING
from .speakers import SPEAKER_LABEL_NAME, SpeakerMention, resolve_speakers

QUOTE_KINDS = ("body", "caption")
_WORD = re.compile(r"\w+")
_ADJACENT_BEFORE = re.compile(r"^[\s,;:—–-]*[\"“”’]?[\s,;:—–-]*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?…][\"“”’)]?)\s*$")
_MIN_CONTINUATION_WORDS = 4
_LEAD_IN = re.compile(r"[.!?…][\"”’)]?\s+((?:[^\s“”\"]+\s+){1,3})$")
_DUPLICATE_OVERLAP = 0.6
_IGNORED_WORDS = frozenset({"that"})
_THAT = re.compile(r"\bthat\b")
_EMBEDDING_THAT = re.compile(r"\bthat\s+$")


def _after_complementiser(doc: Doc | None, text: str, offset: int) -> bool:
    """True when the clause at ``offset`` opens after the conjunction "that" ("was that Trump attacked …"), not
    after the relative pronoun ("a strike that executives said …")."""
    match = _EMBEDDING_THAT.search(text, max(0, offset - 10), offset)
    return bool(match and doc is not None and _token_at(doc, match.start()).tag_ == "IN")


@dataclass
class _Statement:
    fragments: list[tuple[int, int]]
    paragraph: int
    kind: str
    cue: Cue | None
    speaker_from: _Statement | None = None  # the statement whose speaker a continuation takes
    mention: SpeakerMention | None = None
    extra: dict = field(default_factory=dict)


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start] in ",;:—–-" or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in ",;:—–-." or text[end - 1].isspace()):
        end -= 1
    return (start, end) if end > start else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _unquoted_words(text: str, span: tuple[int, int], quoted: list[QuotedSpan]) -> int:
    """Words of ``span`` outside every quoted stretch (ignoring a leading "that")."""
    count, position = 0, span[0]
    for q in sorted(quoted, key=lambda q: q.start):
        if q.start > position:
            count += sum(1 for w in _WORD.findall(text, position, min(q.start, span[1]))
                         if w.lower() not in _IGNORED_WORDS)
        position = max(position, q.end)
    if position < span[1]:
        count += sum(1 for w in _WORD.findall(text, position, span[1]) if w.lower() not in _IGNORED_WORDS)
    return count


_SCARE_SINGLE_WORDS = 4


def _scare_single(text: str, q: QuotedSpan) -> bool:
    """A few words in single marks inside a sentence (‘rebalance’): a scare quote, not quoted speech."""
    return q.single and len(_WORD.findall(text, q.start, q.end)) < _SCARE_SINGLE_WORDS


def _adjacent_quote(text: str, cue: Cue, spans: list[QuotedSpan], used: set[int],
                    statements: list[_Statement] | None = None) -> list[int]:
    """Quoted stretches right beside the cue's clause, in its paragraph: ``“…,” she said`` or ``she said: “…”``;
    not a quoted sentence that goes on from an attributed quote before it (given ``statements``)."""
    found: list[int] = []
    for index, q in enumerate(spans):
        if index in used or q.end > cue.sentence[1] + 2 and q.start > cue.clause[1] + 3:
            continue
        if q.end <= cue.clause[0] and q.end >= cue.sentence[0] - 400:
            between = text[q.end:cue.clause[0]]
            if len(between) <= 4 and _ADJACENT_BEFORE.match(between) and "\n" not in between and not (
                    _closes_with_period(text, q) and _inside_sentence(text, q)) and not (
                    statements is not None and _goes_on_from_quote(text, cue, spans, index, used, statements)):
                found.append(index)
        elif q.start >= cue.clause[1]:
            between = text[cue.clause[1]:q.start]
            if len(between) <= 5 and _ADJACENT_BEFORE.match(between) and "\n" not in between:
                found.append(index)
    return found


def _goes_on_from_quote(text: str, cue: Cue, spans: list[QuotedSpan], index: int, used: set[int],
                        statements: list[_Statement]) -> bool:
    """Whether a quoted sentence before a cue that opens the next sentence goes on from an attributed quote: in
    'He said: "A. "B." He admitted to …' (paragraphs run together) or '“A.” “B.” Rafter failed to show up …', B is
    the rest of A, not what the next sentence reports."""
    if not text[cue.clause[0]].isupper() or not _quoted_words(text, spans[index]).endswith((".", "!", "?", "…")):
        return False
    first = index
    while index > 0:  # back along quotations with no word of the writer's between them
        q, before = spans[index], spans[index - 1]
        if not q.continued and (before.paragraph != q.paragraph or _WORD.search(text, before.end, q.start)):
            break
        index -= 1
        if index in used:
            return True
    head = spans[index]  # the first of them: attributed when a statement's content ends right before it
    return index < first and any(s.paragraph == head.paragraph and s.fragments[-1][1] <= head.start
                                 and not _WORD.search(text, s.fragments[-1][1], head.start) for s in statements)


def _inside_sentence(text: str, q: QuotedSpan) -> bool:
    """Whether words of the writer's open the quotation's sentence ("… at the hearing “Oversight of …”"): the
    quotation ends that sentence, and a cue in the next one does not report it."""
    _, before = _lead_in(text, q)
    stop = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(": "))
    return _WORD.search(before, stop + 1 if stop >= 0 else 0) is not None


# The end of a reported sentence and the opening mark of a quoted one right after it.
_CONTENT_THEN_QUOTE = re.compile(r"[.!?…]?[ \t\xa0]+[\"“„«]")
_SENTENCE_THEN_MARK = re.compile(r"[ \t\xa0]*\.[ \t\xa0]+[\"“„«]")


def _quote_after_cue_sentence(text: str, cue: Cue, spans: list[QuotedSpan], used: set[int]) -> list[int]:
    """``Dianne Bystrom agreed. “Mainstream Republicans are …”``: a cue that ends its sentence with no content of
    its own, and a quoted sentence that opens the next one in the paragraph. Not when the cue's sentence holds a
    quotation itself (“…,” Hooton said after Rubio spoke. “…”: the next quotation goes on from Hooton's)."""
    if any(cue.sentence[0] <= q.start < cue.clause[1] for q in spans):
        return []
    index = next((i for i, q in enumerate(spans) if i not in used and q.start > cue.clause[1]), None)
    if index is None:
        return []
    q = spans[index]
    sentence_like = len(_WORD.findall(text, q.start, q.end)) >= _MIN_CONTINUATION_WORDS and text[q.start].isupper()
    return [index] if sentence_like and _SENTENCE_THEN_MARK.fullmatch(text, cue.clause[1], q.start) else []


def _quoted_words(text: str, q: QuotedSpan) -> str:
    """The quotation's text without closing marks and spaces at its end."""
    return text[q.start:q.end].rstrip("”\"’» \t\xa0")


def _sentence_before_cue(text: str, cue: Cue, q: QuotedSpan) -> bool:
    """A quoted sentence that ends before the cue's own sentence opens: in ``“A,” he wrote. “B.” He added: “C.”``
    B goes on from the quote before, and C alone is what "He added" reports."""
    return (q.end <= cue.clause[0] and cue.sentence[0] >= q.end - 1 and text[cue.clause[0]].isupper()
            and _quoted_words(text, q).endswith((".", "!", "?", "…")))


def _after_own_sentence(text: str, cue: Cue, spans: list[QuotedSpan], adjacent: list[int]) -> list[int]:
    """The quotations beside a cue's clause, less a quoted sentence before it when one follows it too."""
    if not any(spans[i].start >= cue.clause[1] for i in adjacent):
        return adjacent
    return [i for i in adjacent if not _sentence_before_cue(text, cue, spans[i])]


def _closes_with_period(text: str, q: QuotedSpan) -> bool:
    """The quotation's last sentence ends with a full stop inside the marks (“… everywhere.”), not , ? or !."""
    inner = _quoted_words(text, q)
    return inner.endswith((".", "…")) and not inner.endswith(("..", "…"))


_QUOTE_CLOSES_SENTENCE = re.compile(r"[,.!?…]\s*[”\"]?$")
# After a mixed quote's last quotation, a comment of the writer's: ", which …", ", another moment …", "— citing …".
_WRITER_TAIL = re.compile(r"[”\"’]?\s*(?P<mark>[,;—–]|\s-\s)?\s*(?:which|who|whom|where|while|whereas|though|although|"
                          r"even|another|a|an|[a-z]+ing)\b")


def _tail_cut(text: str, end: int, last: QuotedSpan) -> int:
    """The end of a mixed quote: the content's end, or the last quotation's end before a writer's comment or the
    circumstances of the saying ("… as a “crazy system” during a campaign stop", "… “a disgrace” Wednesday")."""
    if end <= last.end:
        return last.end
    match = _WRITER_TAIL.match(text, last.end, end)
    circumstance = _CIRCUMSTANCE_TAIL.match(text, last.end, end) and not _THAT.search(text, last.end, end)
    if match and (match.group("mark") or text[last.end - 1] in ",;") or circumstance:
        return last.end + 1 if last.end < len(text) and text[last.end] in "”\"’»" else last.end
    # Further on, a comment of the writer's set off by a comma ("… at his rally, a swipe at …") or an adverbial
    # clause of the writer's ("… “kept us safe” on Twitter before claiming …"): the content ends before it.
    later = _LATER_TAIL.search(text, last.end, end)
    if later and "“" not in text[last.end:later.start()] and '"' not in text[last.end + 1:later.start()]:
        trimmed = _trim_edges(text, last.end, later.start())
        return trimmed[1] if trimmed else last.end
    return end


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# After a mixed quote's last quotation, the circumstances of the saying: "… “a disgrace” Wednesday", "during …"
_CIRCUMSTANCE_TAIL = re.compile(r"[”\"’]?\s*,?\s*(?:during|amid|when(?! it comes)|while|" + _WEEKDAY
                                + r"|yesterday|today|tonight|(?:last|this) (?:week|month|year|night|morning|weekend)"
                                r"|on " + _WEEKDAY + r")\b")
_LATER_TAIL = re.compile(r"(?:[,;—–]|\s-)\s*(?:which|who|whom|where|while|whereas|though|although|even|another|a|an|"
                         r"[a-z]+ing)\b")


_COORDINATION = re.compile(r"[\s,;]*(?:and|but|while|whereas)?[\s,;]*$")


_COMMA_AND = re.compile(r"[,;][ \t\xa0]*(?:and|but)[ \t\xa0]+$")


def _after_comma_and(text: str, offset: int) -> bool:
    """Whether ", and" or ", but" stands right before ``offset``: a clause there with a cue of its own is a second
    attribution, whatever the parse hung it on ("… said Clinton is honest, and three-quarters said the same of
    Sanders")."""
    return _COMMA_AND.search(text, max(0, offset - 12), offset) is not None


def _cut_at_coordinated(text: str, content: tuple[int, int], starts: list[int]) -> tuple[int, int]:
    """Content stops before a coordinated attribution of its own ("…, and more than 4 in 10 said …")."""
    index = bisect_right(starts, content[0])
    if index < len(starts) and starts[index] < content[1]:
        cut = starts[index]
        match = _COORDINATION.search(text, content[0], cut)
        end = match.start() if match else cut
        trimmed = _trim_edges(text, content[0], end)
        if trimmed and _WORD.search(text, trimmed[0], trimmed[1]):
            return trimmed
    return content


# No sentence end between the halves; a period only in an abbreviation ("in Kenansville, N.C., “but …").
_SPLIT_GAP = re.compile(r"^(?:[^.!?“”\"\n]|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Sr|Jr|St))\.|"
                        r"(?<=\b(?:Gov|Sen|Rep|Gen|Mrs))\.){0,100}[,:]\s*(?:(?:and|but)\s+(?:\w+\s+)?)?[“\"]$")


def _split_after(text: str, cue: Cue, spans: list[QuotedSpan], used: set[int], first: QuotedSpan) -> list[int]:
    """The second half of a split quote after a longer clause: ``“A,” Duncan told the Times in 2012, “B.”``"""
    if first.end > cue.clause[0]:
        return []
    for index, q in enumerate(spans):
        if index in used or q.start <= cue.clause[1]:
            continue
        if q.paragraph == first.paragraph and _SPLIT_GAP.match(text[cue.clause[1]:q.start]):
            return [index]
        break
    return []


_LEADING_CONJUNCTION = re.compile(r"[\s,;]*(?:(?:and|but|so|while)\b)?[\s,;]*")


def _after_earlier(text: str, fragments: list[tuple[int, int]], statements: list[_Statement],
                   first_quote: int) -> list[tuple[int, int]]:
    """A mixed quote's content that takes in an earlier statement of its sentence ("…, they are asked to rank
    their choices, and the group is less likely to be “overrun …,” Hoover said") starts after that statement
    and the conjunction that follows it, when its quotation lies beyond."""
    (start, end), = fragments
    earlier = [f[1] for s in statements for f in s.fragments if start <= f[0] and f[1] <= first_quote]
    if not earlier:
        return fragments
    cut = _LEADING_CONJUNCTION.match(text, max(earlier)).end()
    trimmed = _trim_edges(text, cut, end)
    return [trimmed] if trimmed else fragments


def _around_clause(text: str, fragments: list[tuple[int, int]], clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Fragments with the cue's own clause cut out ("Congress, he said, can …" → "Congress", "can …")."""
    result = []
    for start, end in fragments:
        if start < clause[0] and clause[1] < end:
            result += [p for p in (_trim_edges(text, start, clause[0]), _trim_edges(text, clause[1], end)) if p]
        else:
            result.append((start, end))
    return result


def _statements(text: str, cues: list[Cue], spans: list[QuotedSpan], paragraph_of, doc: Doc | None = None
                ) -> list[_Statement]:
    statements: list[_Statement] = []
    used: set[int] = {i for i, q in enumerate(spans) if _owned_title(text, q)}
    # Content stops before a coordinated attribution: one with a subject of its own (its clause), a conjoined
    # cue verb ("he found Trump “very charming” and called his standing “unheard of”": at the verb), or a cue
    # participle after a comma ("said he would do the same as president, saying that he supports …").
    coordinated = sorted({c.clause[0] for c in cues if c.coordinated or _after_comma_and(text, c.clause[0])}
                         | {c.cue[0] for c in cues if (c.conjoined or c.participle) and not c.coordinated})
    every = sorted(c.clause[0] for c in cues)
    # An attribution opened by "that" is itself reported, never a stop: "The truth, he said, was that Trump
    # attacked …", "said the videos were “inconclusive” and that the footage did not show …".
    reported = {c for c in set(every) | set(coordinated) if _after_complementiser(doc, text, c)}
    titles = [spans[i] for i in sorted(used)]
    for cue in cues:
        content = cue.content
        opening = next((q for q in titles if content is not None and q.start - 1 <= content[0] < q.end + 1), None)
        if opening is not None:  # the show the cue names is no part of what was said ("told CNN’s “New Day,” she …")
            content = _trim_edges(text, opening.end + 1, content[1])
        if content is not None and (coordinated or cue.parenthetical):
            # A parenthetical cue's content is the rest of the sentence: it stops before another cue's clause too.
            starts = ([c for c in every if c > cue.clause[1] and c not in reported]
                      if cue.parenthetical else [c for c in coordinated if c not in reported])
            if cue.parenthetical:
                tail = _cut_at_coordinated(text, (cue.clause[1], content[1]), starts)
                content = (content[0], tail[1])
            else:
                content = _cut_at_coordinated(text, content, starts)
        inside = [i for i, q in enumerate(spans) if i not in used and content and _overlaps((q.start, q.end), content)
                  and q.paragraph == paragraph_of(content[0]) and not _overlaps((q.start, q.end), cue.clause)
                  and not _scare_single(text, q)]
        if content is not None and not inside:
            # A quotation the parse left just outside the content: "said it was “a disgrace”".
            touching = [i for i, q in enumerate(spans) if i not in used and not _scare_single(text, q)
                        and q.paragraph == paragraph_of(content[0]) and q.end <= cue.sentence[1] + 1
                        and 0 <= q.start - content[1] <= 3 and not _overlaps((q.start, q.end), cue.clause)]
            if touching:
                inside = touching[:1]
                content = (content[0], spans[touching[0]].end)
        if cue.naming and not inside:
            # "called", "described" count only with quotation marks: a quotation beside a naming cue with nothing
            # else to name is what it reads ("“…,” the editorial read.")
            inside = [i for i in _adjacent_quote(text, cue, spans, used, statements) if not _title_like(text, spans[i])
                      and len(_WORD.findall(text, spans[i].start, spans[i].end)) >= _MIN_CONTINUATION_WORDS
                      ] if content is None else []
            if not inside:
                continue
        if not inside and content is not None and content[0] >= cue.clause[1]:
            # “What kind of people do I have here?” Trump asked, looking …: the quotation before the clause is
            # what was said, not the participle after it.
            # Not after a quoted sentence that ends with a period: “….” Greene added that …, “….” She noted …
            # start a sentence of their own, and the quotation goes on from the quote before it.
            before = [i for i in _adjacent_quote(text, cue, spans, used, statements) if spans[i].end <= cue.clause[0]]
            if before and _QUOTE_CLOSES_SENTENCE.search(text, max(0, spans[before[-1]].end - 3),
                                                        spans[before[-1]].end + 1) and not _closes_with_period(
                                                            text, spans[before[-1]]):
                inside, content = before, None
        if not inside and (content is None or not _WORD.search(text, content[0], content[1])):
            inside = _after_own_sentence(text, cue, spans, _adjacent_quote(text, cue, spans, used, statements)) or (
                _quote_after_cue_sentence(text, cue, spans, used) if content is None else [])
            if not inside:
                # "Cruz blamed the law on “knuckleheaded politicians.”": the quote is the verb's object.
                # Not past another cue verb, whose quotation it is: "said as much …, arguing that Trump “…”".
                later = min((c.cue[0] for c in cues if c.cue[0] >= cue.cue[1]), default=cue.sentence[1] + 1)
                inside = [i for i, q in enumerate(spans) if i not in used and q.start >= cue.cue[1]
                          and q.end <= cue.sentence[1] + 1 and q.paragraph == paragraph_of(cue.cue[0])
                          and q.start < later and not _title_like(text, q)]
                end = cue.sentence[1]
                if inside and doc is not None:
                    # Only a quotation the verb governs: not one in a later clause ("Asked …, Earnest said …").
                    end = _object_end(doc, text, cue.cue[0], spans[inside[0]]) or (
                        cue.sentence[1] if not _clause_between(doc, cue.cue[1], spans[inside[0]].start) else cue.cue[1])
                    inside = [i for i in inside if spans[i].start < end]
                start = cue.cue[1]
                if inside and doc is not None and _token_at(doc, cue.cue[0]).lemma_ in ADDRESSEE_VERBS:
                    # "told one of his protégés on a regular basis that “terrorism is the answer”": not the addressee
                    that = _THAT.search(text, start, spans[inside[0]].start)
                    start = that.start() if that else start
                content = _trim_edges(text, start, max([end] + [spans[i].end for i in inside]))
                if not inside or content is None:
                    inside, content = [], None
            else:
                content = None
        if inside:
            quoted = [spans[i] for i in inside]
            outside = _unquoted_words(text, content, quoted) if content else 0
            if outside == 0:
                fragments = [(q.start, q.end) for q in quoted]
                kind = "direct"
            else:
                fragments = [(min(content[0], quoted[0].start), _tail_cut(text, content[1], quoted[-1]))]
                kind = "mixed"
            used.update(inside)
            # A split quote: "A," she said, "B." takes the stretch on the other side of the cue too.
            if kind == "direct":
                extras = _adjacent_quote(text, cue, spans, used) or _split_after(text, cue, spans, used, quoted[-1])
            elif fragments[-1][1] <= cue.clause[0]:
                # a mixed quote split by its cue: 'Oz is “smart as hell,” Mosko wrote in an email, and “full of …”'
                extras = _split_after(text, cue, spans, used, quoted[-1])
            else:
                extras = []
            for extra in extras:
                if _title_like(text, spans[extra]) or _sentence_before_cue(text, cue, spans[extra]):
                    # the show the cue names, not the rest of the quote (told “Fox and Friends”), or a quoted
                    # sentence that goes on from the quote before the cue's own sentence
                    continue
                # "“A,” she said, adding, “B.”": B is the quote of the cue between, not the rest of A.
                gap = (cue.clause[1], spans[extra].start) if spans[extra].start > cue.clause[1] else None
                if gap and any(other is not cue and gap[0] <= other.cue[0] < gap[1] for other in cues):
                    continue
                if spans[extra].paragraph == quoted[-1].paragraph:
                    fragments.append((spans[extra].start, spans[extra].end))
                    used.add(extra)
        elif content is not None:
            fragments, kind = [content], "indirect"
        else:
            continue
        if cue.parenthetical:
            fragments = _around_clause(text, fragments, cue.clause)
        if kind == "mixed" and len(fragments) == 1:
            fragments = _after_earlier(text, fragments, statements, quoted[0].start)
        clashing = [s for s in statements if any(_overlaps(f, g) for f in s.fragments for g in fragments)]
        if clashing and all(_names_inside(s, fragments) for s in clashing):
            # a name a naming cue gave inside what a later cue reports whole ("…, called the “Crossroads of
            # America” by the citizens, the GOP leaners … seem enamored with Trump, according to Politico"): the
            # report is the statement, the name part of it
            statements[:] = [s for s in statements if s not in clashing]
            if kind == "indirect":
                kind = "mixed"
        elif clashing:
            continue
        statements.append(_Statement(sorted(fragments), paragraph_of(fragments[0][0]), kind, cue))
    statements.sort(key=lambda s: s.fragments[0][0])
    _add_colon_quotes(text, cues, spans, used, statements, paragraph_of, doc)
    if doc is not None:
        _add_labelled_quotes(doc, text, spans, used, statements)
        _add_dash_quotes(doc, text, spans, used, statements)
        _add_trailing_attributions(doc, text, spans, used, statements)
        _add_governed_quotes(doc, text, spans, used, statements, paragraph_of)
    _add_continuations(text, spans, used, statements, paragraph_of)
    return statements


def _names_inside(statement: _Statement, fragments: list[tuple[int, int]]) -> bool:
    """Whether ``statement`` is a naming cue's quotation ("called the “Crossroads of America”") that lies wholly
    inside one of ``fragments``."""
    cue = statement.cue
    return (cue is not None and cue.naming and statement.kind != "indirect"
            and any(f[0] <= statement.fragments[0][0] and statement.fragments[-1][1] <= f[1] for f in fragments))


def _token_at(doc: Doc, offset: int):
    """The token that holds (or, in whitespace, precedes) the character ``offset``."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    starts = doc.to_array(IDX)  # token offsets, without a Token per token (only in whitespace, rarely)
    index = max(0, min(len(doc) - 1, int(np.searchsorted(starts, offset, side="right")) - 1))
    return doc[index]


def _object_end(doc: Doc, text: str, verb_offset: int, q: QuotedSpan) -> int | None:
    """End of the verb's dependent that holds the quotation ("blasted Clinton as a “disgrace” Wednesday on …" ends
    after "disgrace"): the object and the phrase that holds the quote, not the rest of the sentence."""
    verb = _token_at(doc, verb_offset)
    quote = _token_at(doc, q.start)
    for child in verb.rights:
        if child.left_edge.i <= quote.i <= child.right_edge.i:
            right = child.right_edge
            end = right.idx + len(right)
            return max(end, q.end + 1 if q.end < len(text) and text[q.end] in "”\"’»" else q.end)
    return None


def _clause_between(doc: Doc, start: int, end: int) -> bool:
    """True when the subject of a clause lies between the offsets (a clause that owns what follows)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.idx >= start for t in span)


_TITLE_WORD = re.compile(r"\w+(?:-\w+)*")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "by", "with", "from",
                          "vs", "v", "de", "la", "is", "it", "as", "but", "nor"})


# a sentence's end inside a quotation: a full stop or question mark before a space, not after a title's
# abbreviation ("Rep. Luis Gutierrez Makes Example of Deportation Case")
_SENTENCE_INSIDE = re.compile(r"(?<!\b(?:Mr|Ms|Dr|Sr|Jr|St))(?<!\b(?:Mrs|Rep|Sen|Gov|Gen))(?<!\b[A-Z])[.?]\s")
_TITLE_WITH_ABBREVIATION_WORDS = 4  # "Mr. Trump" in quotation marks is a form of address, not a title


def _title_like(text: str, q: QuotedSpan) -> bool:
    """A quotation in title case with no sentence end ("Meet the Press", "Sharknado 3: Oh Hell No!"): a name."""
    words = _TITLE_WORD.findall(text, q.start, q.end)  # "Top-level Turnover Makes it Harder …": one word each
    if len(words) < 2:
        words = _WORD.findall(text, q.start, q.end)  # but "D-minus" alone is two: no name
    inner = text[q.start:q.end].rstrip(" ,.")
    if not words or _SENTENCE_INSIDE.search(inner) or (
            len(words) < _TITLE_WITH_ABBREVIATION_WORDS and re.search(r"[.?]\s", inner)):
        return False  # a sentence's end, or any full stop in a short quotation
    if inner.isupper() and len(words) > 1:
        return False  # capitals throughout are shouting, not a title's case: "THIS IS NOT OK."
    capitalised = all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)
    return capitalised and not words[0][0].islower()


_OWNER_BEFORE = re.compile(r"\w(?:['’]s|s['’])\s*[“\"]$")


def _owned_title(text: str, q: QuotedSpan) -> bool:
    """A title after an owner's name is the name of a show, a book or a film, never a quote ("told CNN’s “New Day,”",
    "said on Fox News’ “Fox and Friends,”")."""
    return _OWNER_BEFORE.search(text, max(0, q.start - 8), q.start) is not None and _title_like(text, q)


def _add_governed_quotes(doc: Doc, text: str, spans: list[QuotedSpan], used: set[int], statements: list[_Statement],
                         paragraph_of) -> None:
    """A quotation governed by a verb outside the cue lexicon that has a subject, its own or borrowed ("Clinton
    talked up her “50-state strategy”", "…, calling it “…”"), is a quote with that verb as its cue; a quotation in
    title case ("Meet the Press") is a name, not a quote."""
    starts = doc.to_array(IDX).tolist() if len(doc) else []  # token offsets, without a Token per token
    cue_starts = {s.cue.cue[0] for s in statements if s.cue is not None}
    for index, q in enumerate(spans):
        if index in used or len(_WORD.findall(text, q.start, q.end)) < 2 or q.single:
            continue
        token = doc[max(bisect_right(starts, q.start) - 1, 0)]
        verb = token
        for _ in range(6):
            if verb.pos_ in ("VERB",) and verb.i < token.i:
                break
            if verb.head is verb:
                verb = None
                break
            verb = verb.head
        else:
            verb = None
        if verb is None or verb.i >= token.i:
            continue
        if ":" in text[verb.idx + len(verb):q.start]:
            continue  # a label and a colon stand between: "Video excerpts: ENGLISH: “…”" is no object of the verb
        if verb.dep_ in ("acl", "csubj"):
            continue  # a participle of a noun (or read as a clausal subject) is no saying: "People coming … from a
            # “high incidence TB country” will have to …"
        subject = linked_subject(verb)  # its own, or that of the verb it hangs on ("…, calling it “…”")
        if subject is None or subject.i > verb.i or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if subject.lower_ in NO_SPEAKER_WORDS:
            continue  # "… and that this has been happening for “quite a number of years”": no one speaking
        if _title_like(text, q):
            continue
        if verb.idx in cue_starts:
            continue  # a title in the clause of a cue already read ("said on NBC's “Meet the Press”")
        sent = verb.sent
        end = _object_end(doc, text, verb.idx, q) or sent.end_char
        content = _trim_edges(text, verb.idx + len(verb), max(end, q.end))
        if content is None or paragraph_of(content[0]) != q.paragraph:
            continue
        last = max((other for other in spans if other.start >= q.start and other.end <= content[1]),
                   key=lambda other: other.end, default=q)
        fragment = (content[0], _tail_cut(text, content[1], last))
        if any(_overlaps(f, fragment) for s in statements for f in s.fragments):
            continue
        left, right = subject.left_edge, subject
        speaker = (left.idx, right.idx + len(right))
        cue = Cue((verb.idx, verb.idx + len(verb)), "other", speaker, subject.i, content,
                  (min(speaker[0], verb.idx), max(speaker[1], verb.idx + len(verb))),
                  (sent.start_char, sent.end_char))
        inside = [i for i, other in enumerate(spans) if i not in used and _overlaps((other.start, other.end), content)]
        used.update(inside)
        if _unquoted_words(text, content, [spans[i] for i in inside]) == 0:
            statements.append(_Statement([(q.start, q.end)], q.paragraph, "direct", cue))
        else:
            statements.append(_Statement([fragment], q.paragraph, "mixed", cue))
    statements.sort(key=lambda s: s.fragments[0][0])


# “…” ― Sonya Herridge (same line) or a quotation paragraph followed by "- Bernie Sanders." on its own line.
_DASH_NAME = re.compile(r"(?P<dash>[―—–]|--?(?=\s))\s*(?P<name>[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,5})"
                        r"(?:,[^\n“”\"]{0,80})?[\s.\xa0]*$")
_AFTER_QUOTE = re.compile(r"[”\"’»]?[ \t\xa0]*")


def _add_dash_quotes(doc: Doc, text: str, spans: list[QuotedSpan], used: set[int], statements: list[_Statement]
                     ) -> None:
    """A quotation signed with a dash and a name, on its line or the next: ``“…” ― Sonya Herridge``."""
    for index, q in enumerate(spans):
        if index in used or not q.closed or len(_WORD.findall(text, q.start, q.end)) < _MIN_CONTINUATION_WORDS:
            continue
        line_end = text.find("\n", q.end)
        line_end = len(text) if line_end == -1 else line_end
        rest_start = _AFTER_QUOTE.match(text, q.end).end()
        match = _DASH_NAME.match(text[:line_end], rest_start)
        if match is None and not text[rest_start:line_end].strip():
            next_start = line_end
            while next_start < len(text) and text[next_start].isspace():
                next_start += 1
            next_end = text.find("\n", next_start)
            next_end = len(text) if next_end == -1 else next_end
            match = _DASH_NAME.match(text[:next_end], next_start)
        if match is None or any(_overlaps(f, (q.start, q.end)) for s in statements for f in s.fragments):
            continue
        name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        if name is None or not any(t.pos_ == "PROPN" for t in name):
            continue
        speaker = (match.start("name"), match.end("name"))
        dash = (match.start("dash"), match.end("dash"))
        head = next((t for t in reversed(name) if not t.is_punct), name[-1])  # not the full stop: "― Carla Sanchez."
        cue = Cue(dash, "neutral", speaker, head.i, (q.start, q.end), (dash[0], speaker[1]),
                  (q.start, q.end))
        statements.append(_Statement([(q.start, q.end)], q.paragraph, "direct", cue))
        used.add(index)
    statements.sort(key=lambda s: s.fragments[0][0])


# What may stand between a quotation's closing mark and the clause that reports it, and where that clause ends:
# at the sentence's end, or at a comma before the quote's second half ("“A,” Hollande retaliated, “B.”").
_TRAILING_CLAUSE = re.compile(r"[”\"»]?[ \t\xa0]*(?P<clause>[^.!?;:“”\"\n]{2,80}?)[ \t\xa0]*"
                              r"(?:[.!?](?=\s|$)|,[ \t\xa0]*[“\"])")
_TRAILING_CLAUSE_WORDS = 8  # "an angry Hollande retaliated", "exhorted Clinton's introducer, actress …"
_NOT_REPORTING = frozenset({"be", "have", "do", "get", "become", "seem"})


def _opens_its_sentence(text: str, q: QuotedSpan) -> bool:
    """Whether nothing of the writer's stands before the quotation in its sentence."""
    before = text[:max(q.start - 1, 0)].rstrip(" \t\xa0")
    return not before or before[-1] in ".!?”\"\n"


def _reporting_clause(doc: Doc, start: int, end: int) -> tuple[Token, Token] | None:
    """The verb and the subject's head of a short clause "Hannity pressed", "an angry Hollande retaliated" or, with
    the verb first, "reacted Trump"; None unless the clause is just that (a subject, a finite verb and adjuncts)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not 2 <= sum(not t.is_punct for t in span) <= _TRAILING_CLAUSE_WORDS:
        return None
    verbs = [t for t in span if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP")]
    if len(verbs) != 1 or verbs[0].lemma_ in _NOT_REPORTING:
        return None
    verb = verbs[0]
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and span.start <= c.i < verb.i), None)
    if subject is None and verb.i == span.start:  # the verb first: "reacted Trump", "came shouts from the crowd"
        rest = doc[verb.i + 1:span.end]
        subject = rest.root if len(rest) and rest.root.pos_ in ("PROPN", "NOUN") else None
    if subject is None or subject.lower_ in NO_SPEAKER_WORDS or not (
            subject.pos_ in ("PROPN", "NOUN", "PRON") or subject.is_title):  # "Trump", tagged a verb
        return None
    return verb, subject


def _add_trailing_attributions(doc: Doc, text: str, spans: list[QuotedSpan], used: set[int],
                               statements: list[_Statement]) -> None:
    """A quotation that opens its sentence and closes on a comma, a question or an exclamation mark, followed by a
    clause of a speaker and a verb outside the cue lexicon and nothing more, is a direct quote with that verb as its
    cue: the frame marks the attribution whatever the verb ("“France will always be France,” an angry Hollande
    retaliated.", "“What sport is he talking about?” reacted Trump.")."""
    for index, q in enumerate(spans):
        if index in used or q.single or not q.closed or len(_WORD.findall(text, q.start, q.end)) < 2:
            continue
        inner = text[q.start:q.end].rstrip()
        if not inner or inner[-1] not in ",?!" or not _opens_its_sentence(text, q) or _title_like(text, q):
            continue
        match = _TRAILING_CLAUSE.match(text, q.end)
        if match is None:
            continue
        found = _reporting_clause(doc, match.start("clause"), match.end("clause"))
        if found is None or any(_overlaps(f, (q.start, q.end)) for s in statements for f in s.fragments):
            continue
        verb, subject = found
        words = [t for t in subject.subtree if not t.is_punct] or [subject]
        speaker = (words[0].idx, words[-1].idx + len(words[-1]))
        # with its particle, or "back" read as an adverb ("Trump shot back")
        cue_tokens = [verb, *(c for c in verb.children if c.dep_ == "prt" or c.i == verb.i + 1 and c.lower_ == "back")]
        cue_span = (cue_tokens[0].idx, max(t.idx + len(t) for t in cue_tokens))
        clause = (min(speaker[0], cue_span[0]), max(speaker[1], cue_span[1]))
        cue = Cue(cue_span, "other", speaker, subject.i, (q.start, q.end), clause, (q.start, clause[1]))
        statements.append(_Statement([(q.start, q.end)], q.paragraph, "direct", cue))
        used.add(index)
    statements.sort(key=lambda s: s.fragments[0][0])


def _lead_in(text: str, q: QuotedSpan) -> tuple[int, str]:
    """Where the quotation's paragraph starts, and its words before the quotation's opening mark."""
    para_start = text.rfind("\n", 0, q.start) + 1
    return para_start, text[para_start:q.start - 1]


# a transcript's speaker label opening a quoted paragraph: "“WALLACE: If I may, sir, …"
_QUOTED_LABEL = re.compile(SPEAKER_LABEL_NAME + r":\s+(?=\S)")


def _add_labelled_quotes(doc: Doc, text: str, spans: list[QuotedSpan], used: set[int],
                         statements: list[_Statement]) -> None:
    """A quoted paragraph of a transcript that opens with its speaker's label (``"PENCE: Well, look, …``): the
    label is the speaker, the colon the cue and the rest the direct quote, not a continuation of the quote before."""
    for index, q in enumerate(spans):
        if index in used or _lead_in(text, q)[1].strip():
            continue
        match = _QUOTED_LABEL.match(text, q.start, q.end)
        if match is None or any(_overlaps(f, (q.start, q.end)) for s in statements for f in s.fragments):
            continue
        content = _trim_edges(text, match.end(), q.end)
        if content is None or not _WORD.search(text, *content):
            continue
        speaker = (match.start("name"), match.end("name"))
        colon = (match.end("name"), match.end("name") + 1)
        cue = Cue(colon, "neutral", speaker, _token_at(doc, speaker[1] - 1).i, content, (speaker[0], colon[1]),
                  (q.start, q.end))
        statements.append(_Statement([content], q.paragraph, "direct", cue))
        used.add(index)
    statements.sort(key=lambda s: s.fragments[0][0])


_COLON_BEFORE = re.compile(r":\s*[\"“”„«‘]?$")


_DASH = re.compile(r"\s-|[–—―]")  # a dash, not a hyphen


def _words_between(doc: Doc, start: int, end: int) -> bool:
    """Whether any word (not punctuation or space) stands among the tokens ``start`` to ``end`` (exclusive)."""
    return any(not (t.is_punct or t.is_space) for t in doc[start:end])


def _colon_verb_cue(doc: Doc, colon: int, spans: list[QuotedSpan]) -> Cue | None:
    """For "Clinton released the following statement:": the sentence's main verb and its subject as the cue."""
    token = _token_at(doc, colon)
    sent = token.sent
    if token.text != ":" or any(sent.start_char <= o.start < colon for o in spans):
        return None
    verb = sent.root
    if verb.idx > colon:
        # the parse made the quotation the main clause and the clause before the colon hang on it ("Trump went even
        # further: “…”"): that clause's verb, when its words run up to the colon with no dash between (not a
        # heading's verb before a name's label: "… were there all along - More from Blumenthal and Cohen: “…”")
        verb = next((t for t in sent if t.idx < colon and t.pos_ in ("VERB", "AUX") and t.head.idx > colon
                     and not _words_between(doc, t.right_edge.i + 1, token.i)
                     and not _DASH.search(doc_text(doc), t.idx, colon)), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = linked_subject(verb)
    if subject is None or subject.i > verb.i or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    left = subject.left_edge
    speaker = (left.idx, subject.idx + len(subject))
    return Cue((verb.idx, verb.idx + len(verb)), "other", speaker, subject.i, None,
               (min(speaker[0], verb.idx), max(speaker[1], verb.idx + len(verb))), (sent.start_char, sent.end_char))


_NOT_SPEAKERS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW",
                           "LANGUAGE"})


def _colon_name_cue(doc: Doc, text: str, colon: int) -> Cue | None:
    """For a speaker's name as a label ("Clinton: “…”", "Rep. Trey Gowdy (R-S.C.): “…”", "- Michael P. McDonald:
    “…”"): the name right before the colon, a party and state in parentheses aside, is the speaker; the colon is
    the cue. Not a place, a date or a title ("WASHINGTON:", "Headline:")."""
    end = colon  # read by characters: the tokenizer may fuse "S.C.):"I" into one token
    while end > 0 and text[end - 1] in " \t\xa0":
        end -= 1
    if end > 0 and text[end - 1] == ")":
        opening = text.rfind("(", max(0, end - 16), end)
        if opening <= 0:
            return None
        end = opening
        while end > 0 and text[end - 1] in " \t\xa0":
            end -= 1
    if end <= 0:
        return None
    head = _token_at(doc, end - 1)
    if head.idx + len(head) > end:  # fused with the mark ("Clinton:"We"): a capitalised word after a name
        word = text[head.idx:end]
        if not (word[:1].isupper() and word.isalpha() and head.i > 0 and doc[head.i - 1].pos_ == "PROPN"):
            return None
    elif head.idx + len(head) != end or head.pos_ != "PROPN":
        return None
    if head.ent_type_ in _NOT_SPEAKERS:
        return None
    start = head.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ in ("and", "&")
                         and start > 1 and doc[start - 2].pos_ == "PROPN"):
        start -= 1  # "Frank Newport and Jim Harter"
    if doc[start].ent_type_ in _NOT_SPEAKERS or (start == head.i and name_key(head.text) in demonym_keys()):
        return None  # not a place, a date, nor a language's label ("ENGLISH: “…” SPANISH: “…”"; "Rep. English:" is)
    owner = start  # past an owner's name: "DNAinfo's Eddie Small", "The Wall Street Journal's Jennifer Smith"
    while owner > 0 and start - owner < 6 and (doc[owner - 1].pos_ in ("PROPN", "DET", "PART")
                                                or doc[owner - 1].text in ("'s", "’s", "'", "’")):
        owner -= 1
    before = doc[owner - 1] if owner > 0 else None
    if before is not None and before.pos_ == "ADP" and before.lower_ != "from":
        return None  # not a byline or a channel: "…,' by Times' Michael Paulson:", "later that month on CNN:"
    speaker = (doc[start].idx, min(end, head.idx + len(head)))
    sent = head.sent
    return Cue((colon, colon + 1), "neutral", speaker, head.i, None, (speaker[0], colon + 1),
               (sent.start_char, max(sent.end_char, colon + 1)))


def _add_colon_quotes(text: str, cues: list[Cue], spans: list[QuotedSpan], used: set[int],
                      statements: list[_Statement], paragraph_of, doc: Doc | None = None) -> None:
    """A quotation introduced by a colon ("…, she responded:" then the quote, in the same or the next paragraph)
    takes the cue whose clause ends at the colon, else the last cue of the sentence the colon ends, else that
    sentence's main verb when it has a subject ("Clinton released the following statement:")."""
    for index, q in enumerate(spans):
        if index in used or q.continued:
            continue
        lead = text[max(0, q.start - 6):q.start]
        if not _COLON_BEFORE.search(lead.replace("\n", " ")):
            continue
        colon = text.rfind(":", 0, q.start)
        if len(_WORD.findall(text, q.start, q.end)) < _MIN_CONTINUATION_WORDS:
            continue
        if _language_label(text, colon):
            continue
        owner = [c for c in cues if c.clause[1] <= colon and not text[c.clause[1]:colon].strip()
                 and paragraph_of(c.cue[0]) in (q.paragraph, paragraph_of(colon))]
        if not owner:
            # "He told his Democratic audience, to rowdy applause:": the last cue of the sentence the colon ends.
            owner = [c for c in cues if c.cue[1] <= colon <= c.sentence[1] and paragraph_of(c.cue[0]) ==
                     paragraph_of(colon) and not any(c.cue[1] <= o.start < colon for o in spans)]
        if not owner and doc is not None:
            # not a title: a headline's "Kasich: We Are Going To Go All The Way To Cleveland", a source's
            # "(see: “Rep. Luis Gutierrez Makes Example of Deportation Case,” CNN …)"
            verb_cue = None if _title_like(text, q) else _colon_verb_cue(doc, colon, spans) or (
                _colon_name_cue(doc, text, colon) if paragraph_of(colon) == q.paragraph else None)
            owner = [verb_cue] if verb_cue is not None else []
        if not owner:
            continue
        if any(_overlaps(f, (q.start, q.end)) for s in statements for f in s.fragments):
            continue
        # the last cue with a speaker: "… Lynch, who told Congress when asked last month about the inquiry: “…”" is
        # the answer of the one who told, not of the passive "asked" with no one asking
        spoken = [c for c in owner if c.speaker is not None]
        statements.append(_Statement([(q.start, q.end)], q.paragraph, "direct", (spoken or owner)[-1]))
        used.add(index)
    statements.sort(key=lambda s: s.fragments[0][0])


_LABEL_BEFORE_COLON = re.compile(r"(?:(?P<before>[^\s:]+)\s+)?(?P<word>[A-Za-z]+)\s*$")


def _language_label(text: str, colon: int) -> bool:
    """True when the word before ``colon`` is a language's label, which names the language of the quotation after
    it, not who speaks: "Video excerpts: ENGLISH: “…”" (but "Rep. English:" is a person)."""
    label = _LABEL_BEFORE_COLON.search(text, max(0, colon - 40), colon)
    return (label is not None and name_key(label.group("word")) in demonym_keys()
            and not (label.group("before") or "")[:1].isupper())


_CLOSING_COLON = re.compile(r"\s*:\s*$")
_OPENING_MARKS = frozenset("“\"'‘„«")


def _add_colon_paragraphs(text: str, cues: list[Cue], statements: list[_Statement],
                          quotable: list[Paragraph]) -> None:
    """"The governor added:" closing its paragraph, and a paragraph without quotation marks after it (a block quote
    whose marks the page set as indentation): that paragraph is what the cue reports, as reported speech."""
    starts = [p.start for p in quotable]
    spoken = {id(s.cue) for s in statements if s.cue is not None}
    for cue in cues:
        if id(cue) in spoken or cue.naming:
            continue
        line_end = text.find("\n", cue.clause[1])
        if line_end == -1 or not _CLOSING_COLON.fullmatch(text, cue.clause[1], line_end):
            continue
        index = bisect_right(starts, line_end)
        if index >= len(quotable) or text[line_end:quotable[index].start].strip():
            continue
        paragraph = quotable[index]
        content = _trim_edges(text, paragraph.start, paragraph.end)
        if content is None or text[content[0]] in _OPENING_MARKS or not _WORD.search(text, *content):
            continue
        if any(_overlaps(f, content) for s in statements for f in s.fragments):
            continue
        statements.append(_Statement([content], paragraph.index, "indirect", cue))
    statements.sort(key=lambda s: s.fragments[0][0])


_STAGE_DIRECTION = re.compile(r"\s*\([^()]*\)[.\s]*")  # a transcript's "(CROSSTALK.)", "(LAUGHTER)"


def _add_continuations(text: str, spans: list[QuotedSpan], used: set[int], statements: list[_Statement],
                       paragraph_of) -> None:
    """Quoted sentences with no cue of their own that follow an attributed quote take its speaker.

    In the same paragraph they join the statement as another fragment (as PolNeAR annotates them); in a
    following paragraph (a quote running over paragraphs, or a paragraph that is one quote) they are a row of
    their own with an empty cue.
    """
    for index, q in enumerate(spans):
        if index in used or _STAGE_DIRECTION.fullmatch(text, q.start, q.end):
            continue
        para_start, before = _lead_in(text, q)
        lead_end = para_start + len(before.rstrip())
        if before.rstrip().endswith(":") and _language_label(text, lead_end - 1):
            continue
        ends_sentence = _SENTENCE_END.search(before) is not None
        sentence_like = q.continued or (ends_sentence
                                        and len(_WORD.findall(text, q.start, q.end)) >= _MIN_CONTINUATION_WORDS)
        if not sentence_like and ends_sentence and _right_after_cue(statements, q):
            sentence_like = True  # "“They sue,” he said. “Everybody sues, right?”": short, but right after the cue
        # "“…,” he said outside the building. But “Donald Trump’s candidacy is strengthened …”": a sentence
        # opened by a few words of the writer's and then quoted goes on from the quote before it too.
        lead = None if sentence_like else _LEAD_IN.search(before)
        if not sentence_like and (lead is None or len(_WORD.findall(text, q.start, q.end)) < 2):
            continue
        previous = [s for s in statements if s.fragments[-1][1] <= q.start]
        if not previous:
            continue
        last = max(previous, key=lambda s: s.fragments[-1][1])
        head = _quoted_head(text, previous, last, q)
        if head is None and lead is not None and last.paragraph == q.paragraph and last.kind == "direct":
            head = last
        if lead is not None:
            if head is not None:
                head.fragments.append((para_start + lead.start(1), q.end))
                used.add(index)
            continue
        if head is not None:
            head.fragments.append((q.start, q.end))
            used.add(index)
        elif last.paragraph == q.paragraph and last.kind == "direct":
            last.fragments.append((q.start, q.end))
            used.add(index)
        elif q.paragraph > last.paragraph and (q.continued or (before.strip() == "" and
                                                                q.paragraph - last.paragraph <= 2
                                                                and last.kind == "direct")):
            if any(s.paragraph == q.paragraph and s.fragments[0][0] < q.start for s in statements):
                continue
            statements.append(_Statement([(q.start, q.end)], q.paragraph, "direct", None,
                                         speaker_from=last))
            used.add(index)
    statements.sort(key=lambda s: s.fragments[0][0])


def _right_after_cue(statements: list[_Statement], q: QuotedSpan) -> bool:
    """True when ``q`` opens the sentence right after a direct quote's own cue sentence (“A,” he said. “B”)."""
    previous = [s for s in statements if s.fragments[-1][1] <= q.start]
    if not previous:
        return False
    last = max(previous, key=lambda s: s.fragments[-1][1])
    cue = last.cue
    return (last.paragraph == q.paragraph and last.kind == "direct" and cue is not None
            and cue.clause[0] >= last.fragments[-1][1] and cue.sentence[1] <= q.start <= cue.sentence[1] + 3)


def _quoted_head(text: str, previous: list[_Statement], last: _Statement, q: QuotedSpan) -> _Statement | None:
    """The quote a quoted sentence in the same paragraph goes on from: the last direct or mixed statement there,
    past indirect ones read inside the sentence of its cue ("“A,” Trump assured Jones, after Jones assured Trump
    that …. “B.”"). PolNeAR spans such a quote from its first fragment to the last."""
    same = [s for s in previous if s.paragraph == q.paragraph]
    quoted = [s for s in same if s.kind in ("direct", "mixed") and s.cue is not None]
    if not quoted:
        if last in same and last.kind == "indirect" and last.cue is not None and (
                last.cue.clause[0] >= last.fragments[-1][1]
                or _CONTENT_THEN_QUOTE.fullmatch(text, last.fragments[-1][1], q.start)):
            # "…, she said. “B”" or "He argues that his client was never encouraging violence. “The government
            # is alleging …”": the quoted sentence right after the reported one goes on with it
            last.kind = "mixed"
            return last
        return None
    head = max(quoted, key=lambda s: s.fragments[-1][1])
    if (last in same and last is not head and last.kind == "indirect" and last.cue is not None
            and last.cue.sentence[0] >= head.fragments[-1][1] and not last.cue.parenthetical):
        # "“A.” Greene added that …. “B.”": B goes on from the statement of its own sentence before it
        last.kind = "mixed"
        return last
    if head is last:
        return head if head.kind == "mixed" else None
    sentence = head.cue.sentence
    later = [s for s in same if s.fragments[-1][1] > head.fragments[-1][1]]
    if all(s.kind == "indirect" and s.cue is not None and sentence[0] <= s.cue.cue[0] < sentence[1] for s in later):
        return head
    return None


def _word_set(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def quote_rows(article_id: str, doc: Doc, paragraphs: list[Paragraph]) -> list[dict]:
    """One row per quote (schema ``quotes``): kind, content span, cue, speaker mention and canonical speaker."""
    original = doc_text(doc)
    text = typewriter_marks_as_curly(original)  # the same offsets; marks read the same whatever their style
    quotable = [p for p in paragraphs if p.kind in QUOTE_KINDS]
    if not quotable:
        return []
    by_start = {p.index: p for p in paragraphs}
    starts = [p.start for p in paragraphs]

    def paragraph_of(offset: int) -> int:
        return paragraphs[max(bisect_right(starts, offset) - 1, 0)].index

    spans = quoted_spans(text, paragraphs, QUOTE_KINDS)
    ranges = without_markup(text, [(p.start, p.end) for p in quotable])  # no cue inside "<tweet …>"
    cues = find_cues(doc, ranges, [(q.start, q.end) for q in spans], text)
    statements = _statements(text, cues, spans, paragraph_of, doc)
    _add_colon_paragraphs(text, cues, statements, quotable)
    # Keep every fragment within the paragraph of the first (clipped to it: a no-break space may end a content).
    for s in statements:
        para = by_start[s.paragraph]
        s.fragments = [(max(a, para.start), min(b + (original[b - 1:b + 1] == "''"), para.end))
                       for a, b in s.fragments if a < para.end and b > para.start]  # (a typewriter mark whole)
    statements = [s for s in statements if s.fragments]
    for s in statements:  # a mixed quote keeps the closing mark of its quoted words: 'she “never saw it coming.”'
        s.fragments = [_with_closing_mark(text, a, b) for a, b in s.fragments]
    statements = _with_interview_answers(statements, interview_answers(doc, paragraphs))
    mentions = [_speaker_mention(doc, original, s) for s in statements]
    mention_spans = [(m.start, m.end) if m is not None else None for m in mentions]
    resolved = resolve_speakers(doc, mentions)
    rows: list[dict] = []
    for number, (s, speaker, mention) in enumerate(zip(statements, resolved, mention_spans, strict=True)):
        start, end = s.fragments[0][0], s.fragments[-1][1]
        content = _joined(original, s.fragments)
        scores = score_sentiment(content)
        cue = s.cue
        para = by_start[s.paragraph]
        rows.append({
            "quote_id": f"{article_id}-q{number + 1}",
            "article_id": article_id,
            "paragraph": s.paragraph,
            "kind": s.kind,
            "start": start,
            "end": end,
            "text": content,
            "fragments": [{"start": a, "end": b} for a, b in s.fragments],
            "speaker_mention": original[mention[0]:mention[1]] if mention else None,
            "speaker_start": mention[0] if mention else None,
            "speaker_end": mention[1] if mention else None,
            "speaker": speaker.canonical if speaker else None,
            "speaker_type": speaker.type if speaker else None,
            "cue": original[cue.cue[0]:cue.cue[1]] if cue else None,
            "cue_start": cue.cue[0] if cue else None,
            "cue_end": cue.cue[1] if cue else None,
            "cue_tone": cue.tone if cue else None,
            "in_caption": para.kind == "caption",
            "duplicate_of": None,
            "continues": None,
            "polarity": scores.polarity,
            "subjectivity": scores.subjectivity,
            "vader": scores.vader,
        })
    _inherit_speakers(rows, statements)
    _mark_caption_duplicates(rows)
    return rows


def _speaker_mention(doc: Doc, text: str, statement: _Statement) -> SpeakerMention | None:
    """Who a statement's speaker is as written: the interviewee named for an interview answer, else the cue's speaker
    (its edges trimmed), else nobody (a continuation takes its speaker later)."""
    if statement.mention is not None:
        return statement.mention
    if statement.cue is None or statement.cue.speaker is None:
        return None
    start, end = _mention_edges(doc, text, statement.cue.speaker)
    return SpeakerMention(start, end, statement.cue.head)


def _with_interview_answers(statements: list[_Statement], answers: list[InterviewAnswer]) -> list[_Statement]:
    """A Q&A interview's answers as direct quotes of the interviewee, in place of the quotes read inside them
    (quotes within a quotation are not extracted)."""
    if not answers:
        return statements
    answered = {a.paragraph for a in answers}
    kept = [s for s in statements if s.paragraph not in answered]
    kept += [_Statement([(a.start, a.end)], a.paragraph, "direct", None, mention=a.interviewee) for a in answers]
    return sorted(kept, key=lambda s: s.fragments[0][0])


def _with_closing_mark(text: str, start: int, end: int) -> tuple[int, int]:
    """A fragment whose quotation opens inside it and closes right after it, extended by the closing mark."""
    if end < len(text) and text[end] == "”" and text.count("“", start, end) > text.count("”", start, end):
        return start, end + 1
    return start, end


# a sentence's end right before the next fragment's opening mark ("” DHS said. “"; not "” said Sen. Smith, “")
_SENTENCE_BETWEEN = re.compile(r"[.!?][\"”’']*\s+[\"“‘'«„]?\s*$")


_MENTION_EDGE = re.compile(r"[\s,;:<>]+")  # and a name tag's brackets ("<Spectrum Concepts Inc>")
_TRAILING_TICKER = re.compile(r"\s*" + TICKER_OPENING + r">?$")


def _mention_edges(doc: Doc, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A speaker mention without the spaces and commas at its edges ("Loretta E. Lynch,  " before "who told"), nor
    the full stop of its sentence ("… said Sanders."; an abbreviation's stays, one token with it: "Biden Jr.")."""
    start, end = span
    ticker = _TRAILING_TICKER.search(text, start, end)
    if ticker is not None and ticker.start() > start:
        end = ticker.start()  # "Acme Ltd <ACME.S>", the ticker blanked for the parser
    while start < end and _MENTION_EDGE.fullmatch(text[start]):
        start += 1
    while end > start and _MENTION_EDGE.fullmatch(text[end - 1]):
        end -= 1
    if end - start > 1 and text[end - 1] == "." and _token_at(doc, end - 1).text == ".":
        end -= 1
        while end > start and _MENTION_EDGE.fullmatch(text[end - 1]):
            end -= 1
    return (start, end) if start < end else span


def _joined(text: str, fragments: list[tuple[int, int]]) -> str:
    """What was said, its fragments joined by a space: "“A,” she said, “b.”" is "A, b."; where the words between
    end a sentence ("“A,” DHS said. “B.”"), the comma that closed A for the attribution is its full stop again: "A.
    B."."""
    parts = [text[a:b] for a, b in fragments]
    for k in range(len(parts) - 1):
        if parts[k].endswith(",") and _SENTENCE_BETWEEN.search(text[fragments[k][1]:fragments[k + 1][0]]):
            parts[k] = parts[k][:-1] + "."
    return " ".join(parts)


def _inherit_speakers(rows: list[dict], statements: list[_Statement]) -> None:
    """A continuation quote takes the speaker of the quote it continues."""
    for row, statement in zip(rows, statements, strict=True):
        if statement.speaker_from is None:
            continue
        index = next((i for i, s in enumerate(statements) if s is statement.speaker_from), None)
        if index is None:
            continue
        origin = rows[index]
        row["continues"] = origin["quote_id"]
        if row["speaker"] is None:
            for key in ("speaker_mention", "speaker_start", "speaker_end", "speaker", "speaker_type"):
                row[key] = origin[key]


def _mark_caption_duplicates(rows: list[dict]) -> None:
    """Point a caption quote at the body quote it repeats (word overlap), so it is counted once."""
    body = [(r, _word_set(r["text"])) for r in rows if not r["in_caption"]]
    for row in rows:
        if not row["in_caption"]:
            continue
        words = _word_set(row["text"])
        best, best_score = None, 0.0
        for other, other_words in body:
            union = words | other_words
            score = len(words & other_words) / len(union) if union else 0.0
            if score > best_score:
                best, best_score = other, score
        if best is not None and best_score >= _DUPLICATE_OVERLAP:
            row["duplicate_of"] = best["quote_id"]
