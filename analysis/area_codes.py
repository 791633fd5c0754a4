"""Where an article's phone numbers ring: the US states and Canadian provinces of their area codes."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, Place
from .resources import load_data_yaml

# a North American number written in full: "519-661-5670", "(806) 423-1253", "1-304-696-5000", "304.696.5000"
_PHONE_NUMBER = re.compile(r"(?<![\w-])(?:1[-. ])?(?:\((?P<paren>[2-9]\d\d)\) ?|(?P<code>[2-9]\d\d)[-. ])"
                           r"[2-9]\d\d[-. ]\d{4}(?![\w-])")


def area_code_regions(text: str, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """The first-level regions (US states, Canadian provinces) whose area codes open the article's phone numbers,
    once each, in order of first number: "call London police at 519-661-5670" → Ontario. No place mention, but
    context for the article's other places. Toll-free codes (800, 888, …) name no region."""
    codes = load_data_yaml("area_codes.yaml")["codes"]
    found: dict[str, Place] = {}
    for match in _PHONE_NUMBER.finditer(text):
        entry = codes.get(match.group("paren") or match.group("code"))
        if entry is None:
            continue
        country, region = entry
        place = next((p for p in gazetteer.lookup(region) if p.kind == "state" and p.country == country), None)
        if place is not None:
            found.setdefault(region, place)
    return tuple(found.values())
