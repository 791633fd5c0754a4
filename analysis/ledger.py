"""A run's account of its input files, held in Arrow columns instead of a Python object per file.

A long run lists every input file at each commit, compares the list with the last run's ``inputs`` table and
looks up every new article among those already kept. Held as Python objects (paths, dicts, sets, a pandas frame)
that cost about 3 KB per input file, so the main process grew by tens of MB per 10,000 files; here it is a few
hundred bytes per file in Arrow buffers and fixed-width NumPy arrays (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .inputs import DiscoveryError, InputFile, walk_inputs

FOUND_SCHEMA = pa.schema([("source_path", pa.string()), ("path", pa.string()), ("size", pa.int64()),
                          ("mtime_ns", pa.int64())])
ARTICLE_KEPT = ("processed", "unchanged")  # input outcomes whose article has rows in the stored tables
ID_WIDTH = 16  # characters of an article id (:attr:`analysis.article.Article.article_id`)
BATCH_ROWS = 4096  # files turned into InputFile objects at a time


class FoundFiles:
    """Input files found on disk, sorted by ``source_path``, as Arrow columns (:data:`FOUND_SCHEMA`)."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table
        self.source_paths = flat(table["source_path"])

    def __len__(self) -> int:
        return self.table.num_rows

    def __iter__(self) -> Iterator[InputFile]:
        for batch in self.table.to_batches(BATCH_ROWS):
            rows = zip(*(batch.column(name).to_pylist() for name in FOUND_SCHEMA.names), strict=True)
            for source_path, path, size, mtime_ns in rows:
                yield InputFile(Path(path), source_path, size, mtime_ns)

    def item(self, position: int) -> InputFile:
        """The file at ``position``."""
        source_path, path, size, mtime_ns = (self.table[name][position].as_py() for name in FOUND_SCHEMA.names)
        return InputFile(Path(path), source_path, size, mtime_ns)

    def where(self, mask: pa.Array | np.ndarray) -> FoundFiles:
        """The files where ``mask`` is true, in order."""
        return FoundFiles(self.table.filter(pa.array(mask, pa.bool_())))


def find_inputs(roots: list[Path]) -> tuple[FoundFiles, list[DiscoveryError]]:
    """All files under ``roots``, sorted by ``source_path`` (the first of two with the same one kept), and the
    paths that cannot be used at all; gathered in Arrow batches, never as one Python object per file."""
    batches: list[pa.RecordBatch] = []
    columns: tuple[list, ...] = ([], [], [], [])
    errors: list[DiscoveryError] = []

    def spill() -> None:
        arrays = [pa.array(column, spec.type) for column, spec in zip(columns, FOUND_SCHEMA, strict=True)]
        batches.append(pa.RecordBatch.from_arrays(arrays, schema=FOUND_SCHEMA))
        for column in columns:
            column.clear()

    for item in walk_inputs(roots):
        if isinstance(item, DiscoveryError):
            errors.append(item)
            continue
        for column, value in zip(columns, (item.source_path, str(item.path), item.size, item.mtime_ns), strict=True):
            column.append(value)
        if len(columns[0]) >= BATCH_ROWS:
            spill()
    spill()
    table = pa.Table.from_batches(batches, FOUND_SCHEMA)
    return FoundFiles(first_row_per_file(table).combine_chunks()), errors


def _fixed_width(ids: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Article ids as a NumPy array of 16-byte strings (no Python object per id)."""
    ids = flat(ids)
    if len(ids) == 0:
        return np.empty(0, dtype=f"S{ID_WIDTH}")
    lengths = pc.binary_length(ids)
    if ids.null_count or pc.min(lengths).as_py() != ID_WIDTH or pc.max(lengths).as_py() != ID_WIDTH:
        raise ValueError(f"article ids are {ID_WIDTH} characters each, never empty")
    fixed = pc.cast(pc.cast(ids, pa.binary()), pa.binary(ID_WIDTH))
    return np.frombuffer(fixed.buffers()[1], dtype=f"S{ID_WIDTH}", count=len(fixed),
                         offset=fixed.offset * ID_WIDTH).copy()


class IdLookup:
    """Article ids (each with an optional value), looked up by binary search over a sorted fixed-width array."""

    def __init__(self, ids: pa.Array | pa.ChunkedArray, values: pa.Array | pa.ChunkedArray | None = None) -> None:
        keys = _fixed_width(ids)
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._values = None if values is None else flat(values).take(pa.array(order))

    def _position(self, article_id: str) -> int | None:
        key = article_id.encode()
        if len(key) != ID_WIDTH:
            return None
        at = int(np.searchsorted(self._keys, key))
        return at if at < len(self._keys) and self._keys[at] == key else None

    def __contains__(self, article_id: str) -> bool:
        return self._position(article_id) is not None

    def get(self, article_id: str) -> object | None:
        """The value stored with ``article_id``, or None when it is not there."""
        at = self._position(article_id)
        return None if at is None or self._values is None else self._values[at].as_py()

    def ids(self, extra: set[str] | None = None) -> pa.Array:
        """The ids, with ``extra`` ones, sorted and each once, as an Arrow string array."""
        ids = pa.array(self._keys.astype(f"U{ID_WIDTH}"), pa.string())
        if extra:
            ids = pc.unique(pa.concat_arrays([ids, pa.array(sorted(extra), pa.string())]))
            ids = ids.take(pc.sort_indices(ids))
        return ids

    def same_ids(self, other: IdLookup) -> bool:
        """True when both hold exactly the same ids."""
        return np.array_equal(np.unique(self._keys), np.unique(other._keys))


class SeenArticles:
    """Which input each article came from: the kept inputs' articles (an :class:`IdLookup`) plus this part's."""

    def __init__(self, kept: IdLookup) -> None:
        self.kept = kept
        self.new: dict[str, str] = {}  # at most one commit's worth of articles

    def get(self, article_id: str) -> str | None:
        """The ``input_key`` that brought ``article_id`` first, or None for an article not seen yet."""
        found = self.new.get(article_id)
        return found if found is not None else self.kept.get(article_id)  # type: ignore[return-value]

    def add(self, article_id: str, key: str) -> None:
        self.new[article_id] = key


@dataclass
class Comparison:
    """The found files measured against the last run: which are kept as they were and which must be read."""

    kept: pa.Array  # bool per found file: unchanged since the last run, its rows kept
    to_read: pa.Array  # bool per found file: new, or to be looked at again
    to_hash: list[int]  # positions of known files whose size or time changed: kept only if their bytes did not
    previous_files: int  # how many files the last run's inputs table names
    _where: pa.Array  # per found file: its row among the last run's fingerprints (null for a new file)
    _sha: pa.Array  # the SHA-256 of each of those rows

    def recorded_sha(self, position: int) -> str | None:
        """The SHA-256 the last run recorded for the found file at ``position`` (None for a new file)."""
        row = self._where[position].as_py()
        return None if row is None else self._sha[row].as_py()


FINGERPRINT = ["source_path", "outcome", "file_size", "file_mtime_ns", "file_sha256"]


def compare_with_previous(found: FoundFiles, previous: pa.Table) -> Comparison:
    """Classify the found files by the last run's ``inputs`` table (its first row per file holds the fingerprint).

    A file is kept when its size and modification time are as recorded; read again when it is new, when it held
    a duplicate (its original may have gone) or could not be read last time; hashed when only its stat changed.
    """
    n = len(found)
    if previous.num_rows == 0:
        return Comparison(pa.array(np.zeros(n, bool)), pa.array(np.ones(n, bool)), [], 0, pa.nulls(n, pa.int32()),
                          pa.array([], pa.string()))
    rows = previous.select(FINGERPRINT)
    first = first_row_per_file(rows)
    duplicates = rows.filter(pc.equal(rows["outcome"], "duplicate"))["source_path"]
    had_duplicate = pc.is_in(first["source_path"], value_set=flat(duplicates))
    where = pc.index_in(found.source_paths, value_set=flat(first["source_path"]))
    fingerprinted = pc.and_(pc.invert(had_duplicate), pc.is_valid(first["file_sha256"]))

    def recorded(values: pa.ChunkedArray | pa.Array) -> pa.Array:
        return pc.array_take(flat(values), where)

    comparable = pc.fill_null(recorded(fingerprinted), False)
    same_stat = pc.and_(pc.fill_null(pc.equal(recorded(first["file_size"]), found.table["size"]), False),
                        pc.fill_null(pc.equal(recorded(first["file_mtime_ns"]), found.table["mtime_ns"]), False))
    to_hash = flat(pc.and_(comparable, pc.invert(same_stat))).to_numpy(zero_copy_only=False)
    return Comparison(kept=flat(pc.and_(comparable, same_stat)), to_read=flat(pc.invert(comparable)),
                      to_hash=np.flatnonzero(to_hash).tolist(), previous_files=first.num_rows, _where=flat(where),
                      _sha=flat(first["file_sha256"]))


def first_row_per_file(inputs: pa.Table) -> pa.Table:
    """The first row of each ``source_path``, in the table's order (a file's fingerprint is on every row of it),
    sorted by it; a table already sorted (a stored one, a folder's walk) is not sorted again."""
    if inputs.num_rows < 2:
        return inputs
    paths = flat(inputs["source_path"])
    ordered = inputs
    if not pc.all(pc.less_equal(paths.slice(0, len(paths) - 1), paths.slice(1))).as_py():
        ordered = inputs.append_column("_order", pa.array(np.arange(inputs.num_rows)))
        ordered = ordered.sort_by([("source_path", "ascending"), ("_order", "ascending")]).drop_columns(["_order"])
        paths = flat(ordered["source_path"])
    first = pc.not_equal(paths.slice(1), paths.slice(0, len(paths) - 1))
    if pc.all(first).as_py():
        return ordered
    return ordered.filter(pa.concat_arrays([pa.array([True]), first]))


def flat(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One contiguous array (a chunked one's chunks combined), for look-ups, takes and comparisons; a single chunk
    is taken as it is, since combining copies."""
    if not isinstance(values, pa.ChunkedArray):
        return values
    return values.chunk(0) if values.num_chunks == 1 else values.combine_chunks()
