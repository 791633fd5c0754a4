"""Where the project's data lives, resolved without depending on the working directory."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "ANALYSIS_DATA_DIR"


def project_root() -> Path | None:
    """The checkout holding this package (editable install), or the nearest parent of the cwd with ``data/raw``."""
    package_parent = Path(__file__).resolve().parent.parent
    if (package_parent / "pyproject.toml").is_file() and (package_parent / "data").is_dir():
        return package_parent
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / "data" / "raw").is_dir():
            return folder
    return None


def default_processed_dir() -> Path:
    """$ANALYSIS_DATA_DIR, else ``data/processed`` of the project."""
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV])
    root = project_root()
    return (root / "data" / "processed") if root else Path("data/processed")


def default_raw_dir() -> Path:
    """``data/raw`` of the project (relative to the cwd when the cwd is the project root)."""
    root = project_root()
    if root is None or root == Path.cwd().resolve():
        return Path("data/raw")
    return root / "data" / "raw"


def display_path(path: Path) -> str:
    """``path`` relative to the cwd when inside it, else absolute: how inputs are named in the tables."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()
