"""Quantities in text: value, qualifier ("nearly", "more than") and unit ("unaccompanied children", "days").

Pure text rules; the words come from ``analysis/data/numbers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_data_yaml


@dataclass(frozen=True)
class NumberMention:
    value: float
    qualifier: str | None
    unit: str | None
    start: int
    end: int

    def as_row(self) -> dict:
        """The ``numbers`` struct of the claims table."""
        return {"value": self.value, "qualifier": self.qualifier, "unit": self.unit}


@dataclass(frozen=True)
class _Rules:
    number: re.Pattern[str]
    qualifiers: dict[str, str]
    qualifier_before: re.Pattern[str]
    words: dict[str, float]
    multipliers: dict[str, float]
    unit_signs: dict[str, str]
    currency: dict[str, str]
    stop: frozenset[str]
    max_unit_words: int
    months: frozenset[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_data_yaml("numbers.yaml")
    words = {k: float(v) for k, v in raw["words"].items()}
    multipliers = {k: float(v) for k, v in raw["multipliers"].items()}
    currency = raw["currency_signs"]
    number = re.compile(
        rf"(?P<currency>{_alternation(currency)})?\s?"
        rf"(?:(?P<digits>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
        rf"|\b(?P<word>{_alternation(words)})\b)"
        rf"(?:\s?(?P<multiplier>{_alternation(multipliers)})\b)?",
        re.IGNORECASE,
    )
    qualifiers = raw["qualifiers"]
    return _Rules(
        number=number,
        qualifiers={k.lower(): v for k, v in qualifiers.items()},
        qualifier_before=re.compile(rf"\b(?P<q>{_alternation(qualifiers)})\s+$", re.IGNORECASE),
        words=words,
        multipliers=multipliers,
        unit_signs={k.lower(): v for k, v in raw["unit_signs"].items()},
        currency=currency,
        stop=frozenset(w.lower() for w in raw["unit_stop_words"]),
        max_unit_words=int(raw["max_unit_words"]),
        months=frozenset(raw["months"]),
    )


_WORD_AFTER = re.compile(r"\s*(?P<w>[A-Za-z][A-Za-z'’-]*|%)")


def _unit_after(text: str, position: int, rules: _Rules) -> tuple[str | None, int]:
    """The unit phrase starting at ``position``: a sign ("%", "percent") or up to a few content words."""
    rest = text[position:]
    for sign in sorted(rules.unit_signs, key=len, reverse=True):
        match = re.match(rf"\s?{re.escape(sign)}(?![A-Za-z])", rest, re.IGNORECASE)
        if match:
            return rules.unit_signs[sign], position + match.end()
    words: list[str] = []
    end = position
    while len(words) < rules.max_unit_words:
        match = _WORD_AFTER.match(text, end)
        if not match:
            break
        word = match.group("w")
        lower = word.lower()
        if lower in rules.stop or lower.endswith("ly") or lower in rules.multipliers:
            break
        if words and lower.endswith(("ed", "ing")):
            break  # most likely a verb: "agents arrived", "people living"
        words.append(lower if not word.isupper() else word)
        end = match.end()
        if text[end:end + 1] in ",;:.!?)\"”":
            break
    return (" ".join(words) or None), end


_CODE_BEFORE = re.compile(
    r"(?:[-/#§(\[]|\b(?:[Ss]ections?|[Ss]ec\.|No\.|[Nn]umber|[Aa]rticle|[Cc]hapter|[Tt]itle|[Rr]oute|[Hh]ighway|"
    r"[Ii]nterstate|[Rr]oom|[Pp]art|[Rr]ule|[Ff]orm|H\.R\.|S\.|[Pp]ublic [Ll]aw)\s?)$")
_CODE_AFTER = re.compile(r"^(?:[-/(]|\)|\.\d|[A-Za-z]\b(?!\.))")


def _is_code(text: str, start: int, end: int) -> bool:
    """A reference rather than a quantity: "287(g)", "OR-03", "09/22/17", "section 236", a list marker "1)"."""
    return bool(_CODE_BEFORE.search(text[max(0, start - 16):start]) or _CODE_AFTER.match(text[end:end + 2]))


def _is_date(text: str, start: int, digits: str | None, rules: _Rules) -> bool:
    if digits is None:
        return False
    if _is_code(text, start, start + len(digits)):
        return True
    before = re.search(r"([A-Za-z]+)\.?\s+$", text[:start])
    if before and before.group(1).lower() in rules.months:
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", digits)) or bool(re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)",
                                                                          text[start + len(digits):]))


def parse_numbers(text: str) -> list[NumberMention]:
    """Every quantity in ``text`` with its value, qualifier and unit; dates, years and clock times are skipped."""
    return list(_parse_numbers(text))


@lru_cache(maxsize=4096)
def _parse_numbers(text: str) -> tuple[NumberMention, ...]:
    """``parse_numbers``, memoised: the claims stage parses a sentence up to three times (type, statistic, row)."""
    rules = _rules()
    found = []
    for match in rules.number.finditer(text):
        digits, word = match.group("digits"), match.group("word")
        number_start = match.start("digits") if digits else match.start("word")
        if _is_date(text, number_start, digits, rules):
            continue
        value = float(digits.replace(",", "")) if digits else rules.words[word.lower()]
        multiplier = match.group("multiplier")
        if multiplier:
            value *= rules.multipliers[multiplier.lower()]
        start = match.start("currency") if match.group("currency") else number_start
        qualifier_match = rules.qualifier_before.search(text[max(0, start - 20):start])
        qualifier = rules.qualifiers[qualifier_match.group("q").lower()] if qualifier_match else None
        if qualifier_match:
            start -= len(qualifier_match.group(0))
        if match.group("currency"):
            unit, end = rules.currency[match.group("currency")], match.end()
        else:
            unit, end = _unit_after(text, match.end(), rules)
        if word and unit is None:
            continue  # a bare number word ("the two", "five") is rarely a quantity
        found.append(NumberMention(value, qualifier, unit, start, end))
    return tuple(found)


def is_statistic(numbers: list[NumberMention]) -> bool:
    """True when a quantity is stated: a number with a unit or a qualifier ("nearly 5,000", "70 days", "3.5%")."""
    return any(n.unit or n.qualifier for n in numbers)
