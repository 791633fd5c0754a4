"""Where an outlet publishes from, as far as an article's URL tells: the country of its country-code domain, and
the town its domain or a local section of its site may name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .resources import load_data_yaml


def _host_and_path(url: str) -> tuple[str, str]:
    """The URL's host (lower case, no closing dot) and path; empty for what is no URL."""
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        return (parts.hostname or "").rstrip(".").lower(), parts.path.lower()
    except ValueError:
        return "", ""


def outlet_country(url: str | None) -> str | None:
    """The ISO 3166-1 code of the country whose top-level domain the URL's host ends in ("https://lfpress.ca/…" →
    "CA", "thisisoxfordshire.co.uk" → "GB"); None for generic domains (.com, .org), vanity ccTLDs (.tv, .io, .ly)
    and anything that is no URL."""
    if not url:
        return None
    host, _ = _host_and_path(url)
    label = host.rsplit(".", 1)[-1]
    if len(label) != 2 or not label.isalpha() or "." not in host:
        return None
    rules = load_data_yaml("outlet_domains.yaml")
    if label in rules["vanity"]:
        return None
    return rules["codes"].get(label, label).upper()


_LOCAL_SECTION = re.compile(r"^([a-z]+(?:[_-][a-z]+){0,2})[_-]news$")
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov"})  # "thisisoxfordshire.co.uk", "dailystar.com.lb"


def outlet_localities(url: str | None) -> tuple[str, ...]:
    """Words of an article's URL that may name the town (or the state) its outlet is from, lower-case and without
    spaces where the domain ran them together: the domain's name without the masthead words at either end
    ("columbuslocalnews.com" → "columbus", "springfieldnewssun.com" → "springfield", "chronicle.augusta.com" →
    "augusta", "wvgazette.com" → "wv"), and a local news section of the site ("…/arlington_news/…" →
    "arlington")."""
    if not url:
        return ()
    host, path = _host_and_path(url)
    labels = [label for label in host.split(".") if label != "www"][:-1]  # without the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()  # a country's second level: "thisisoxfordshire.co.uk"
    words = load_data_yaml("outlet_domains.yaml")["masthead_words"]
    found: list[str] = []
    if labels:
        name = labels[-1].replace("-", "")
        changed = True
        while changed:
            changed = False
            for word in words:
                for trim in (str.removeprefix, str.removesuffix):
                    trimmed = trim(name, word)
                    if trimmed != name and (len(trimmed) >= 4 or len(trimmed) == 2):  # "wvgazette" → "wv"
                        name, changed = trimmed, True
        if name and name not in words:
            found.append(name)
    for segment in path.split("/"):
        match = _LOCAL_SECTION.match(segment)
        if match and match.group(1) not in words:
            found.append(re.sub(r"[_-]", " ", match.group(1)))
    return tuple(dict.fromkeys(found))
