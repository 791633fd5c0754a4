"""Names of the tables derived per article (importable without spaCy)."""

from __future__ import annotations

TableRows = dict[str, list[dict]]
DERIVED_TABLES = ("paragraphs", "sentences", "entities", "quotes", "sources", "locations", "claims")
