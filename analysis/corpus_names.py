"""One name per source across a corpus: "Luis V. Gutierrez" and "Luis V. Gutiérrez", "ICE" and "U.S. Immigration
and Customs Enforcement" counted as one source in charts of who is quoted.

The quotes and sources tables name each source as its own article does (the speakers stage sees one article at a
time). Across articles, names are joined when they agree after folding accents, case, punctuation, a leading
"the" or "U.S." and, for people, middle initials and "Jr."; and an acronym is joined to the body whose alias it is
in some article ("ICE" for "U.S. Immigration and Customs Enforcement"), unless articles disagree on what it
stands for. Each group is shown under its most quoted spelling, a full name before an acronym.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd

_LEADING = re.compile(r"^(?:the|u\.?s\.?|united states)\s+")
_PUNCTUATION = re.compile(r"[.,;:()\"“”]")
_PERSON_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ACRONYM = re.compile(r"^(?:the\s+)?([A-Z][A-Z&]{1,9})$")
_MERGED_TYPES = frozenset({"person", "organization", "government", "media"})


def name_key(name: str, source_type: str) -> str | None:
    """The form two spellings of one source share; None for sources that are never joined (anonymous, unknown)."""
    if source_type not in _MERGED_TYPES:
        return None
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = _LEADING.sub("", " ".join(folded.lower().replace("’", "'").split()))
    words = _PUNCTUATION.sub(" ", folded).split()
    if source_type == "person":
        words = [w for w in words if len(w) > 1 and w not in _PERSON_SUFFIXES] or words
        return "person:" + " ".join(words)
    return "body:" + " ".join(words)


class _Groups:
    """Union-find over source names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def corpus_names(sources: pd.DataFrame) -> dict[str, str]:
    """Each ``source`` of a sources table → the one name the corpus shows it under."""
    groups = _Groups()
    by_key: dict[str, str] = {}
    quotes: Counter[str] = Counter()
    types: dict[str, str] = {}
    for name, kind, n_quotes in zip(sources["source"], sources["source_type"], sources["n_quotes"], strict=True):
        groups.find(name)
        quotes[name] += int(n_quotes)
        types.setdefault(name, kind)
        key = name_key(name, kind)
        if key is not None:
            groups.join(name, by_key.setdefault(key, name))
    # acronyms: "ICE" is an alias of "U.S. Immigration and Customs Enforcement" in some article
    meanings: dict[str, set[str]] = defaultdict(set)
    for name, kind, aliases in zip(sources["source"], sources["source_type"], sources["aliases"], strict=True):
        if kind in _MERGED_TYPES - {"person"} and aliases is not None:
            for alias in aliases:
                match = _ACRONYM.match(alias.strip())
                if match and match.group(1) != name:
                    meanings[match.group(1)].add(groups.find(name))
    for acronym, bodies in meanings.items():
        if acronym in types and types[acronym] in _MERGED_TYPES - {"person"} and len(bodies) == 1:
            groups.join(acronym, next(iter(bodies)))
    members: dict[str, list[str]] = defaultdict(list)
    for name in quotes:
        members[groups.find(name)].append(name)
    shown: dict[str, str] = {}
    for names in members.values():
        best = max(names, key=lambda n: (not _ACRONYM.match(n), quotes[n], len(n), n))
        shown.update(dict.fromkeys(names, best))
    return shown


def corpus_speakers(quotes: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The quotes' ``speaker`` under its corpus-wide name (unattributed quotes stay empty)."""
    names = corpus_names(sources)
    return quotes["speaker"].map(lambda s: names.get(s, s) if isinstance(s, str) else s)
