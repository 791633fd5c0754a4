"""Array-based stand-ins for two of the model's rule components, with exactly the same annotations.

spaCy's ``attribute_ruler`` runs a ``Matcher`` and then sets each match's attributes through a Span and a Token
per token; its ``lemmatizer`` sets every lemma through a Token in a Python loop. Together they took a fifth of
``en_core_web_sm``'s time on press releases. These stand-ins read the same rules and tables from the loaded
components, evaluate the patterns on ``Doc.to_array`` columns and write the results back with one
``Doc.from_array``; lemmas are computed once per (word, part of speech, morphology), through the model's own
lemmatizer. ``tests/test_array_components.py`` checks that every token attribute equals the stock pipeline's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

_PATTERN_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SET_COLUMNS = (POS, MORPH, LEMMA, TAG)  # the attributes written with one from_array; DEP is set per token


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one mask per predicate per doc
class _Predicate:
    """One attribute test of one pattern token: equality, IN, NOT_IN or REGEX, on a to_array column."""

    column: int
    op: str  # "==", "IN", "NOT_IN", "REGEX"
    values: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    regex: re.Pattern | None = None


@dataclass(frozen=True)
class _Rule:
    tokens: tuple[tuple[_Predicate, ...], ...]  # one tuple of predicates per pattern token
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value) in the order the component sets them
    index: int  # the token of the match that gets the attributes


class ArrayAttributeRuler:
    """``AttributeRuler`` semantics (all matches found first, then applied in rule order) on arrays."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: list[_Rule] = []
        self.lookup_column: int | None = None
        self.lookup: dict[int, dict[int, int]] = {}
        self._regex_memo: dict[tuple[str, int], bool] = {}

    def compile_from(self, ruler: AttributeRuler) -> None:
        """Take the patterns, attributes and target indices of a loaded ``AttributeRuler``."""
        strings = self.vocab.strings
        self.rules = []
        for entry, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True):
            for pattern in entry["patterns"]:
                tokens = tuple(tuple(self._predicate(name, value) for name, value in spec.items())
                               for spec in pattern)
                self.rules.append(_Rule(tokens, tuple((int(k), int(strings.add(v) if isinstance(v, str) else v))
                                                      for k, v in attrs.items()), index))
        self._compile_lookup()
        unknown = {a for rule in self.rules for a, _ in rule.attrs} - {*_SET_COLUMNS, DEP}
        if unknown:
            raise ValueError(f"the attribute ruler sets attributes this stand-in does not handle: {sorted(unknown)}")

    def _compile_lookup(self) -> None:
        """The leading rules that each test one column for one value (the tag map: {"TAG": "NN"} → POS, MORPH)
        become one table per value, applied with a few array operations instead of a mask per rule."""
        self.lookup_column = None
        self.lookup = {}  # column value → {attribute: value}, later rules winning
        count = 0
        for rule in self.rules:
            single = len(rule.tokens) == 1 and len(rule.tokens[0]) == 1 and rule.tokens[0][0].op == "=="
            if not single or rule.index not in (0, -1) or any(a == DEP for a, _ in rule.attrs):
                break
            predicate = rule.tokens[0][0]
            if self.lookup_column is None:
                self.lookup_column = predicate.column
            if predicate.column != self.lookup_column:
                break
            self.lookup.setdefault(int(predicate.values[0]), {}).update(rule.attrs)
            count += 1
        self.rules = self.rules[count:]

    def _apply_lookup(self, column: np.ndarray, out: np.ndarray, slot: dict[int, int]) -> None:
        values, inverse = np.unique(column, return_inverse=True)
        tables = [self.lookup.get(value) for value in values.tolist()]
        for attr, k in slot.items():
            known = np.array([t is not None and attr in t for t in tables], dtype=bool)
            if known.any():
                mapped = np.array([t[attr] if t is not None and attr in t else 0 for t in tables], dtype=np.uint64)
                hit = known[inverse]
                out[hit, k] = mapped[inverse][hit]

    def _predicate(self, name: str, value: object) -> _Predicate:
        if name not in _PATTERN_COLUMNS:
            raise ValueError(f"the attribute ruler tests {name}, which this stand-in does not handle")
        column = _PATTERN_COLUMNS[name]
        if isinstance(value, bool):
            return _Predicate(column, "==", np.array([int(value)], np.uint64))
        if isinstance(value, str):
            return _Predicate(column, "==", np.array([self.vocab.strings.add(value)], np.uint64))
        if isinstance(value, dict) and len(value) == 1:
            (op, argument), = value.items()
            if op in ("IN", "NOT_IN"):
                return _Predicate(column, op, np.array([self.vocab.strings.add(v) for v in argument], np.uint64))
            if op == "REGEX":
                return _Predicate(column, op, regex=re.compile(argument))
        raise ValueError(f"the attribute ruler has a pattern this stand-in does not handle: {name}={value!r}")

    def _mask(self, predicate: _Predicate, columns: dict[int, np.ndarray]) -> np.ndarray:
        column = columns[predicate.column]
        if predicate.op == "==":
            return column == predicate.values[0]
        if predicate.op == "IN":
            return np.isin(column, predicate.values)
        if predicate.op == "NOT_IN":
            return ~np.isin(column, predicate.values)
        # REGEX, as the Matcher tests it: re.search on the attribute's string, memoised per string
        assert predicate.regex is not None
        strings, memo = self.vocab.strings, self._regex_memo
        matching = []
        for value in np.unique(column).tolist():
            key = (predicate.regex.pattern, value)
            if key not in memo:
                memo[key] = predicate.regex.search(strings[value]) is not None
            if memo[key]:
                matching.append(value)
        return np.isin(column, np.array(matching, np.uint64))

    @staticmethod
    def _possible(rule: _Rule, present: dict[int, frozenset[int]]) -> bool:
        """False when an equality or IN test of the rule names no value the doc has: the rule cannot match."""
        for predicates in rule.tokens:
            for predicate in predicates:
                if predicate.op in ("==", "IN") and present[predicate.column].isdisjoint(predicate.values.tolist()):
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        names = list(_PATTERN_COLUMNS.values())
        values = doc.to_array(names)
        columns = {name: values[:, i] for i, name in enumerate(names)}
        out = doc.to_array(list(_SET_COLUMNS))
        slot = {attr: i for i, attr in enumerate(_SET_COLUMNS)}
        deps: list[tuple[int, int]] = []
        masks: dict[_Predicate, np.ndarray] = {}
        present = {name: frozenset(np.unique(column).tolist()) for name, column in columns.items()}
        targets_by_rule = []
        for rule in self.rules:  # every match is found before any attribute is set, as the Matcher does
            length = len(rule.tokens)
            if length > n or not self._possible(rule, present):
                targets_by_rule.append(None)
                continue
            hit = np.ones(n - length + 1, dtype=bool)
            for k, predicates in enumerate(rule.tokens):
                for predicate in predicates:
                    if predicate not in masks:
                        masks[predicate] = self._mask(predicate, columns)
                    hit &= masks[predicate][k:k + n - length + 1]
            offset = rule.index if rule.index >= 0 else length + rule.index
            targets_by_rule.append(np.flatnonzero(hit) + offset)
        if self.lookup_column is not None:  # the tag map first, as its rules come first
            self._apply_lookup(columns[self.lookup_column], out, slot)
        for rule, targets in zip(self.rules, targets_by_rule, strict=True):
            if targets is None or not len(targets):
                continue
            for attr, value in rule.attrs:  # later rules overwrite earlier ones, as in the component
                if attr == DEP:
                    deps.extend((int(t), value) for t in targets)
                else:
                    out[targets, slot[attr]] = value
        doc.from_array(list(_SET_COLUMNS), out)
        for token_index, value in deps:
            doc[token_index].dep = value
        return doc


class ArrayLemmatizer:
    """The model's rule lemmatizer, applied once per distinct (word, POS, morphology) and written as an array."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lemmatizer: Lemmatizer | None = None
        self._memo: dict[tuple[int, int, int], int] = {}

    def wrap(self, lemmatizer: Lemmatizer) -> None:
        """Lemmatise with ``lemmatizer`` (its tables, mode and cache)."""
        if lemmatizer.overwrite:
            raise ValueError("the lemmatizer overwrites lemmas; this stand-in only fills missing ones")
        # The rule mode asks ``form in index`` of each candidate lemma, and each part of speech's index is a list
        # (57,528 nouns): a scan per candidate, 160 µs per new word. Only membership is asked of it, so a set
        # gives the same lemmas.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):
            if isinstance(words, list):
                index[pos] = frozenset(words)
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        assert self.lemmatizer is not None, "ArrayLemmatizer.wrap was not called"
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        missing = np.flatnonzero(values[:, 3] == 0)  # the attribute ruler's lemmas are kept, as overwrite=False
        if not len(missing):
            return doc
        memo, strings, lemmatize = self._memo, self.vocab.strings, self.lemmatizer.lemmatize
        lemmas = values[:, 3].copy()
        for index, key in zip(missing.tolist(), map(tuple, values[missing, :3].tolist()), strict=True):
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(lemmatize(doc[index])[0])
            lemmas[index] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("array_attribute_ruler")
def make_array_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    """An empty ``ArrayAttributeRuler``; ``compile_from`` gives it a loaded ruler's patterns."""
    return ArrayAttributeRuler(nlp.vocab)


@Language.factory("array_lemmatizer")
def make_array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    """An ``ArrayLemmatizer``; ``wrap`` gives it the model's lemmatizer."""
    return ArrayLemmatizer(nlp.vocab)


def use_array_components(nlp: Language) -> Language:
    """Replace ``attribute_ruler`` and ``lemmatizer`` (when present) by their array stand-ins, in place."""
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        ruler = nlp.get_pipe("attribute_ruler")
        nlp.replace_pipe("attribute_ruler", "array_attribute_ruler")
        nlp.get_pipe("attribute_ruler").compile_from(ruler)
    if "lemmatizer" in nlp.pipe_names and isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer):
        lemmatizer = nlp.get_pipe("lemmatizer")
        nlp.replace_pipe("lemmatizer", "array_lemmatizer")
        nlp.get_pipe("lemmatizer").wrap(lemmatizer)
    return nlp
