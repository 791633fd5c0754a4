"""Where an outlet publishes from, as far as an article's URL tells: the country of its country-code domain."""

from __future__ import annotations

from urllib.parse import urlsplit

from .resources import load_data_yaml


def outlet_country(url: str | None) -> str | None:
    """The ISO 3166-1 code of the country whose top-level domain the URL's host ends in ("https://lfpress.ca/…" →
    "CA", "thisisoxfordshire.co.uk" → "GB"); None for generic domains (.com, .org), vanity ccTLDs (.tv, .io, .ly)
    and anything that is no URL."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    label = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(label) != 2 or not label.isalpha() or "." not in host:
        return None
    rules = load_data_yaml("outlet_domains.yaml")
    if label in rules["vanity"]:
        return None
    return rules["codes"].get(label, label).upper()
