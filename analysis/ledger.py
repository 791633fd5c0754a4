"""A run's account of its input files, kept on disk and in fixed-width arrays instead of Python objects.

A long run lists every input file at each commit, compares the list with the last run's ``inputs`` table and
looks up every new article among those already kept. The files found are written to an Arrow file in the run's
staging folder as the walk finds them, already in order; memory holds, per file, a 16-byte key (a digest of its
``source_path``), its size and its time, about 36 bytes. The last run's ``inputs`` table is read one row group at
a time, and per kept article memory holds its 16-byte id and the row that names its input (docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .inputs import DiscoveryError, InputFile, walk_inputs

FOUND_SCHEMA = pa.schema([("source_path", pa.string()), ("path", pa.string()), ("size", pa.int64()),
                          ("mtime_ns", pa.int64())])
ARTICLE_KEPT = ("processed", "unchanged")  # input outcomes whose article has rows in the stored tables
ID_WIDTH = 16  # characters of an article id (:attr:`analysis.article.Article.article_id`)
KEY_WIDTH = 16  # bytes of a path's key (BLAKE2b digest: two different paths never meet in practice)
BATCH_ROWS = 4096  # files per batch of the found-files file, and turned into InputFile objects at a time
FOUND_FILE = "found.arrow"  # the found-files file, in the run's staging folder


def path_key(source_path: str) -> bytes:
    """The 16-byte key of a ``source_path``."""
    return hashlib.blake2b(source_path.encode("utf-8", "surrogatepass"), digest_size=KEY_WIDTH).digest()


def path_keys(paths: pa.Array | pa.ChunkedArray | Iterable[str]) -> np.ndarray:
    """The keys of ``paths``, as a NumPy array of 16-byte strings."""
    values = paths.to_pylist() if isinstance(paths, pa.Array | pa.ChunkedArray) else paths
    return _keys_array(b"".join(path_key(path) for path in values))


def _keys_array(joined: bytes | bytearray) -> np.ndarray:
    return np.frombuffer(bytes(joined), dtype=f"S{KEY_WIDTH}").copy()


def _search(sorted_keys: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of ``keys``, where it is or would go in ``sorted_keys`` (ascending, not empty; clipped to the last
    place), and whether it is there."""
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return at, sorted_keys[at] == keys


def in_sorted(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """For each of ``keys``, whether it is in ``sorted_keys`` (ascending)."""
    if len(sorted_keys) == 0 or len(keys) == 0:
        return np.zeros(len(keys), bool)
    return _search(sorted_keys, keys)[1]


@dataclass
class _FoundIndex:
    """Every found file's key (sorted, with the file's position), size and time; shared by the sets of them."""

    spill: Path
    sorted_keys: np.ndarray  # S16, ascending
    order: np.ndarray  # int32: the position of the file each sorted key belongs to
    sizes: np.ndarray  # int64, by position
    mtimes: np.ndarray  # int64, by position


class FoundFiles:
    """A set of the input files found on disk, in order of ``source_path``; their paths stay in the found-files
    file, and only fixed-width columns (key, size, time, whether selected) are in memory."""

    def __init__(self, index: _FoundIndex, selected: np.ndarray) -> None:
        self._index = index
        self.selected = selected  # bool per found file
        self._count = int(np.count_nonzero(selected))

    def __len__(self) -> int:
        return self._count

    @property
    def sizes(self) -> np.ndarray:
        """The size of every found file, by position."""
        return self._index.sizes

    @property
    def mtimes(self) -> np.ndarray:
        """The modification time (ns) of every found file, by position."""
        return self._index.mtimes

    def where(self, mask: np.ndarray) -> FoundFiles:
        """The files of this set where ``mask`` (a bool per found file) is true."""
        return FoundFiles(self._index, self.selected & mask)

    def positions(self, keys: np.ndarray) -> np.ndarray:
        """The position of the file of each path key, or -1 where no file of this set has it."""
        index = self._index
        if len(index.sorted_keys) == 0:
            return np.full(len(keys), -1, np.int64)
        at, there = _search(index.sorted_keys, keys)
        where = np.where(there, index.order[at].astype(np.int64), -1)
        hit = where >= 0
        where[hit] = np.where(self.selected[where[hit]], where[hit], -1)  # found, but not in this set
        return where

    def contains(self, source_paths: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """For each path, whether it is a file of this set."""
        return self.positions(path_keys(source_paths)) >= 0

    def sorted_keys(self) -> np.ndarray:
        """The keys of this set's files, ascending."""
        return self._index.sorted_keys[self.selected[self._index.order]]

    def key_flags(self, sorted_keys: np.ndarray) -> np.ndarray:
        """For every found file (by position), whether its key is in ``sorted_keys`` (ascending)."""
        flags = np.zeros(len(self.selected), bool)
        flags[self._index.order] = in_sorted(sorted_keys, self._index.sorted_keys)
        return flags

    def __iter__(self) -> Iterator[InputFile]:
        for _, item in self.items(np.flatnonzero(self.selected)):
            yield item

    def items(self, positions: np.ndarray | list[int]) -> Iterator[tuple[int, InputFile]]:
        """``(position, file)`` for the files at ``positions`` (ascending), read a batch of the found-files
        file at a time."""
        positions = np.asarray(positions, np.int64)
        if len(positions) == 0:
            return
        with pa.OSFile(str(self._index.spill)) as source:
            reader = pa.ipc.open_file(source)
            batch_of = positions // BATCH_ROWS
            for number in np.unique(batch_of):
                batch = reader.get_batch(int(number))
                wanted = positions[batch_of == number]
                picked = batch.take(pa.array(wanted - number * BATCH_ROWS))
                rows = zip(*(picked.column(name).to_pylist() for name in FOUND_SCHEMA.names), strict=True)
                for position, (source_path, path, size, mtime_ns) in zip(wanted.tolist(), rows, strict=True):
                    yield position, InputFile(Path(path), source_path, size, mtime_ns)


def find_inputs(roots: list[Path], folder: Path) -> tuple[FoundFiles, list[DiscoveryError]]:
    """All files under ``roots``, sorted by ``source_path`` (the first of two with the same one kept), written to
    ``folder``/found.arrow as they are found, and the paths that cannot be used at all."""
    spill = folder / FOUND_FILE
    errors: list[DiscoveryError] = []
    keys, sizes, mtimes = bytearray(), array("q"), array("q")
    columns: tuple[list, ...] = ([], [], [], [])
    last: str | None = None
    in_order = True
    with pa.OSFile(str(spill), "wb") as sink, pa.ipc.new_file(sink, FOUND_SCHEMA) as writer:

        def spill_batch() -> None:
            arrays = [pa.array(column, spec.type) for column, spec in zip(columns, FOUND_SCHEMA, strict=True)]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=FOUND_SCHEMA))
            for column in columns:
                column.clear()

        streams = [walk_inputs([root]) for root in roots]
        for item in heapq.merge(*streams, key=lambda found: found.source_path):
            if isinstance(item, DiscoveryError):
                errors.append(item)
                continue
            if last is not None and item.source_path <= last:
                in_order = in_order and item.source_path == last
                if item.source_path == last:
                    continue  # the same file under two roots: the first is kept
            last = item.source_path
            for column, value in zip(columns, (item.source_path, str(item.path), item.size, item.mtime_ns),
                                     strict=True):
                column.append(value)
            keys += path_key(item.source_path)
            sizes.append(item.size)
            mtimes.append(item.mtime_ns)
            if len(columns[0]) >= BATCH_ROWS:
                spill_batch()
        if columns[0] or not keys:
            spill_batch()
    if not in_order:  # never for a walk (its order is the paths'), kept as a safeguard: sort in memory
        return _sorted_again(spill), errors
    return _found(spill, _keys_array(keys), np.frombuffer(sizes, np.int64).copy(),
                  np.frombuffer(mtimes, np.int64).copy()), errors


def _found(spill: Path, keys: np.ndarray, sizes: np.ndarray, mtimes: np.ndarray) -> FoundFiles:
    order = np.argsort(keys, kind="stable").astype(np.int32)
    index = _FoundIndex(spill, keys[order], order, sizes, mtimes)
    return FoundFiles(index, np.ones(len(keys), bool))


def _sorted_again(spill: Path) -> FoundFiles:
    """The found-files file rewritten sorted by ``source_path``, each path once."""
    with pa.OSFile(str(spill)) as source:
        table = pa.ipc.open_file(source).read_all()
    table = first_row_per_file(table).combine_chunks()
    with pa.OSFile(str(spill), "wb") as sink, pa.ipc.new_file(sink, FOUND_SCHEMA) as writer:
        for batch in table.to_batches(BATCH_ROWS) or [pa.RecordBatch.from_pylist([], FOUND_SCHEMA)]:
            writer.write_batch(batch)
    return _found(spill, path_keys(table["source_path"]), table["size"].to_numpy(), table["mtime_ns"].to_numpy())


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

    def __init__(self, ids: pa.Array | pa.ChunkedArray | np.ndarray,
                 values: pa.Array | pa.ChunkedArray | np.ndarray | None = None) -> None:
        keys = ids if isinstance(ids, np.ndarray) else _fixed_width(ids)
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        if values is None or isinstance(values, np.ndarray):
            self._values = None if values is None else values[order]
        else:
            self._values = flat(values).take(pa.array(order))

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
        if at is None or self._values is None:
            return None
        value = self._values[at]
        return value.as_py() if isinstance(value, pa.Scalar) else value.item()

    def contains(self, ids: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """For each of ``ids`` (16 characters each, never empty), whether it is here."""
        return in_sorted(self._keys, _fixed_width(ids))

    def with_ids(self, extra: set[str]) -> IdLookup:
        """These ids and ``extra`` ones, each once (this lookup itself when there are none; else without values)."""
        if not extra:
            return self
        added = _fixed_width(pa.array(sorted(extra), pa.string()))
        return IdLookup(np.unique(np.concatenate([self._keys, added])))

    def ids(self) -> pa.Array:
        """The ids, sorted, as an Arrow string array."""
        return pa.array(self._keys.astype(f"U{ID_WIDTH}"), pa.string())

    def same_ids(self, other: IdLookup) -> bool:
        """True when both hold exactly the same ids."""
        return np.array_equal(np.unique(self._keys), np.unique(other._keys))


class StoredValues:
    """One column of a stored Parquet table, read by row number a row group at a time (the last one kept)."""

    def __init__(self, path: Path, column: str) -> None:
        self._file = pq.ParquetFile(path)
        self.column = column
        self._ends = np.cumsum([self._file.metadata.row_group(g).num_rows
                                for g in range(self._file.num_row_groups)])
        self._group: int | None = None
        self._values: pa.Array | None = None

    def __getitem__(self, row: int) -> object:
        group = int(np.searchsorted(self._ends, row, side="right"))
        if group != self._group:
            self._values = flat(self._file.read_row_group(group, columns=[self.column])[self.column])
            self._group = group
        start = int(self._ends[group - 1]) if group else 0
        return self._values[row - start].as_py()  # type: ignore[index]


class SeenArticles:
    """Which input each article came from: the kept inputs' articles (an :class:`IdLookup` whose values are rows
    of the stored ``inputs`` table, read when a duplicate needs one) plus this part's."""

    def __init__(self, kept: IdLookup, input_key_of_row: Callable[[int], object] | None = None) -> None:
        self.kept = kept
        self._input_key_of_row = input_key_of_row
        self.new: dict[str, str] = {}  # at most one commit's worth of articles

    def get(self, article_id: str) -> str | None:
        """The ``input_key`` that brought ``article_id`` first, or None for an article not seen yet."""
        found = self.new.get(article_id)
        if found is not None:
            return found
        row = self.kept.get(article_id)
        if row is None or self._input_key_of_row is None:
            return None
        return self._input_key_of_row(int(row))  # type: ignore[arg-type,return-value]

    def add(self, article_id: str, key: str) -> None:
        self.new[article_id] = key


@dataclass
class Comparison:
    """The found files measured against the last run: which are kept as they were and which must be read."""

    kept: np.ndarray  # bool per found file: unchanged since the last run, its rows kept
    to_read: np.ndarray  # bool per found file: new, or to be looked at again
    to_hash: list[int]  # positions of known files whose size or time changed: kept only if their bytes did not
    previous_files: int  # how many files the last run's inputs table names
    article_ids: np.ndarray  # S16: the articles of the last run's inputs (processed or unchanged) found again,
    article_positions: np.ndarray  # the position of the found file each came from
    article_rows: np.ndarray  # the row of the stored inputs table that names its input
    _recorded_sha: dict[int, str]  # the SHA-256 recorded for each file of to_hash

    def recorded_sha(self, position: int) -> str | None:
        """The SHA-256 the last run recorded for the file at ``position`` whose stat changed (else None)."""
        return self._recorded_sha.get(position)

    def kept_articles(self, kept: np.ndarray) -> IdLookup:
        """The articles that came from files where ``kept`` is true, with their rows of the stored inputs."""
        keep = kept[self.article_positions]
        return IdLookup(self.article_ids[keep], self.article_rows[keep])


FINGERPRINT = ["source_path", "outcome", "file_size", "file_mtime_ns", "file_sha256", "article_id"]


def compare_with_previous(found: FoundFiles, inputs_path: Path | None) -> Comparison:
    """Classify the found files by the last run's ``inputs`` table (None: no rows to keep), read a row group at a
    time; a file's fingerprint is on its first row, the table being sorted by ``source_path``.

    A file is kept when its size and modification time are as recorded; read again when it is new, when it held
    a duplicate (its original may have gone) or could not be read last time; hashed when only its stat changed.
    """
    n = len(found.selected)
    fingerprinted, same_stat, had_duplicate = np.zeros(n, bool), np.zeros(n, bool), np.zeros(n, bool)
    sha_of: dict[int, str] = {}
    ids: list[np.ndarray] = []
    positions: list[np.ndarray] = []
    rows: list[np.ndarray] = []
    previous_files = 0
    last_path: str | None = None
    offset = 0
    stored = pq.ParquetFile(inputs_path) if inputs_path is not None else None
    for group in range(stored.num_row_groups if stored is not None else 0):
        table = stored.read_row_group(group, columns=FINGERPRINT)  # type: ignore[union-attr]
        count = table.num_rows
        if count == 0:
            continue
        paths = flat(table["source_path"])
        previous = pa.concat_arrays([pa.array([last_path], pa.string()), paths.slice(0, count - 1)])
        first = pc.fill_null(pc.not_equal(paths, previous), True).to_numpy(zero_copy_only=False)
        previous_files += int(np.count_nonzero(first))
        last_path = paths[count - 1].as_py()
        where = found.positions(path_keys(paths))
        at = where >= 0
        outcome = flat(table["outcome"])
        had_duplicate[where[at & pc.equal(outcome, "duplicate").to_numpy(zero_copy_only=False)]] = True
        head = first & at
        sha = flat(table["file_sha256"])
        fingerprinted[where[head]] = pc.is_valid(sha).to_numpy(zero_copy_only=False)[head]
        same = _same_stat(table, found, where)
        same_stat[where[head]] = same[head]
        for row in np.flatnonzero(head & ~same):
            value = sha[int(row)].as_py()
            if value is not None:
                sha_of[int(where[row])] = value
        with_article = at & pc.fill_null(pc.is_in(outcome, value_set=pa.array(ARTICLE_KEPT)), False).to_numpy(
            zero_copy_only=False)
        if with_article.any():
            ids.append(_fixed_width(flat(table["article_id"]).filter(pa.array(with_article))))
            positions.append(where[with_article])
            rows.append(np.flatnonzero(with_article) + offset)
        offset += count
    comparable = fingerprinted & ~had_duplicate
    to_hash = np.flatnonzero(comparable & ~same_stat)
    recorded = {int(position): sha_of[int(position)] for position in to_hash}

    def joined(parts: list[np.ndarray], dtype: str | type) -> np.ndarray:
        return np.concatenate(parts) if parts else np.empty(0, dtype)

    return Comparison(kept=comparable & same_stat, to_read=~comparable, to_hash=to_hash.tolist(),
                      previous_files=previous_files, article_ids=joined(ids, f"S{ID_WIDTH}"),
                      article_positions=joined(positions, np.int64), article_rows=joined(rows, np.int64),
                      _recorded_sha=recorded)


def _same_stat(table: pa.Table, found: FoundFiles, where: np.ndarray) -> np.ndarray:
    """For each stored row, whether its size and time are those of the found file at ``where`` (False where -1)."""
    if len(found.selected) == 0:
        return np.zeros(table.num_rows, bool)
    at = np.maximum(where, 0)
    same = pc.and_(pc.equal(table["file_size"], pa.array(found.sizes[at])),
                   pc.equal(table["file_mtime_ns"], pa.array(found.mtimes[at])))
    return flat(pc.fill_null(same, False)).to_numpy(zero_copy_only=False) & (where >= 0)


def first_row_per_file(inputs: pa.Table) -> pa.Table:
    """The first row of each ``source_path``, in the table's order, sorted by it; a table already sorted is not
    sorted again."""
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
