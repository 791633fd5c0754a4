"""Finding input files and fingerprinting them, so unchanged ones can be skipped."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .paths import display_path


@dataclass(frozen=True)
class InputFile:
    """One input file found on disk, with the stat fields used to spot changes."""

    path: Path
    source_path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class DiscoveryError:
    """A path that was named or found but cannot be used at all (missing, a symlink loop, unreadable)."""

    source_path: str
    kind: str
    message: str


def input_key(source_path: str, record: int | None) -> str:
    """``source_path`` for a single-article file, ``source_path#N`` for record N."""
    return source_path if record is None else f"{source_path}#{record}"


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _stat_input(path: Path) -> InputFile | DiscoveryError:
    source_path = display_path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        if path.is_symlink():
            return DiscoveryError(source_path, "bad_link", f"{source_path}: is a broken symbolic link or a link loop")
        return DiscoveryError(source_path, "unreadable", f"{source_path}: cannot be read ({exc.strerror})")
    return InputFile(path, source_path, stat.st_size, stat.st_mtime_ns)


def walk_inputs(roots: list[Path]) -> Iterator[InputFile | DiscoveryError]:
    """Every file under ``roots`` (files or folders), hidden files and folders skipped; each root's files come in
    order of ``source_path`` (a folder's entries by name, a subfolder's as if its name ended in ``/``).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk; a folder that cannot be listed
    is passed over. The same file may come twice when roots overlap; :func:`analysis.ledger.find_inputs` merges
    the roots' streams and keeps each file once.
    """
    for root in roots:
        if root.is_dir():
            yield from _walk_folder(root)
        elif root.exists() or root.is_symlink():
            yield _stat_input(root)
        else:
            yield DiscoveryError(display_path(root), "missing", f"{root}: no such file or folder")


def _walk_folder(folder: Path) -> Iterator[InputFile | DiscoveryError]:
    """The files under ``folder`` in order of their path as a string: one listing held at a time."""
    try:
        with os.scandir(folder) as listing:
            entries = [(entry.name, _is_folder(entry), entry.is_symlink()) for entry in listing
                       if not _is_hidden(entry.name)]
    except OSError:  # as os.walk: a folder that cannot be listed is passed over
        return
    entries.sort(key=lambda entry: entry[0] + "/" if entry[1] else entry[0])
    for name, is_folder, is_link in entries:
        if not is_folder:
            yield _stat_input(folder / name)
        elif not is_link:
            yield from _walk_folder(folder / name)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_bytes(item: InputFile) -> tuple[bytes, str]:
    """The file's bytes and their SHA-256; raises :class:`InputError` when it cannot be read."""
    try:
        data = item.path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("unreadable", "is a folder, not a file") from exc
    except OSError as exc:
        raise InputError("unreadable", f"cannot be read ({exc.strerror or exc.__class__.__name__})") from exc
    return data, hashlib.sha256(data).hexdigest()
