"""Media-analysis pipeline: raw news articles to tidy tables (see README and docs/data_dictionary.md).

``load``, ``load_table`` and ``__version__`` are imported on first use, so that importing the package (as the
command line does) does not load pyarrow before the command has chosen Arrow's allocator (:mod:`analysis.memory`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .store import load, load_table
    from .version import PACKAGE_VERSION as __version__

__all__ = ["__version__", "load", "load_table"]


def __getattr__(name: str) -> object:
    if name in ("load", "load_table"):
        from . import store

        return getattr(store, name)
    if name == "__version__":
        from .version import PACKAGE_VERSION

        return PACKAGE_VERSION
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
