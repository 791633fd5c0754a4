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
    street_after: re.Pattern[str]


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
        street_after=re.compile(
            rf"\s+(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s+(?i:{_alternation(raw['street_suffixes'])})\b"),
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


# Where numbers are identifiers, not quantities: web addresses, e-mail addresses and telephone numbers.
_REFERENCES = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_ZIP_BEFORE = re.compile(r"(?:\b[A-Z]{2}|D\.C\.),?\s+$")


def _is_address(text: str, start: int, digits: str, rules: _Rules) -> bool:
    """A street number ("500 12th St"), a zip code ("D.C. 20024"), an ordinal ("12th") or a code with a leading
    zero ("031017")."""
    end = start + len(digits)
    if _ORDINAL_AFTER.match(text, end) or (len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()):
        return True
    if rules.street_after.match(text, end):
        return True
    return bool(re.fullmatch(r"\d{5}", digits) and _ZIP_BEFORE.search(text[max(0, start - 8):start]))


def _not_a_quantity(text: str, start: int, digits: str | None, rules: _Rules) -> bool:
    if digits is None:
        return False
    if _is_code(text, start, start + len(digits)) or _is_address(text, start, digits, rules):
        return True
    before = re.search(r"([A-Za-z]+)\.?\s+$", text[:start])
    if before and before.group(1).lower() in rules.months:
        return True
    return bool(re.fullmatch(r"(?:19|20)\d\d", digits)) or bool(re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d)",
                                                                          text[start + len(digits):]))


def parse_numbers(text: str) -> list[NumberMention]:
    """Every quantity in ``text`` with its value, qualifier and unit.

    Dates, years, clock times, addresses and numbers inside web or e-mail addresses and telephone numbers are skipped.
    """
    return list(_parse_numbers(text))


@lru_cache(maxsize=4096)
def _parse_numbers(text: str) -> tuple[NumberMention, ...]:
    """``parse_numbers``, memoised: the claims stage parses a sentence up to three times (type, statistic, row)."""
    rules = _rules()
    references = [m.span() for m in _REFERENCES.finditer(text)]
    found = []
    for match in rules.number.finditer(text):
        if any(start <= match.start() < end for start, end in references):
            continue
        digits, word = match.group("digits"), match.group("word")
        number_start = match.start("digits") if digits else match.start("word")
        if _not_a_quantity(text, number_start, digits, rules):
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
