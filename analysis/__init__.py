"""Media-analysis pipeline: raw news articles to tidy tables (see README and docs/data_dictionary.md)."""

from __future__ import annotations

from .store import load, load_table  # noqa: F401
from .version import PACKAGE_VERSION as __version__

__all__ = ["__version__", "load", "load_table"]
