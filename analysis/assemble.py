"""Assembling each final table from the kept rows of the last run plus this run's staged parts, streaming.

Tables sorted by ``article_id`` are merged: the stored file is read one row group at a time (a few MB each,
:data:`analysis.store.GROUP_BYTES`), and this run's new rows, staged by bucket (first hex digit of the id), are
slotted in by id. Memory holds one stored row group plus one bucket of new rows, however large the store; the
others (inputs, errors) are small and sorted whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .ledger import ARTICLE_KEPT, FoundFiles, IdLookup, in_sorted, path_keys
from .schema import TABLES
from .staging import BUCKETS, Staging, canonical, is_bucketed


def sort_table(name: str, table: pa.Table) -> pa.Table:
    """Rows in the table's declared order (stable, empty values first), as the pandas writer sorted them."""
    if table.num_rows < 2:
        return table
    keys = [(column, "ascending", "at_start") for column in TABLES[name].sort_by]
    return table.take(pc.sort_indices(table, sort_keys=keys))


def _conform(name: str, table: pa.Table) -> pa.Table:
    """An older file's rows with the declared columns: missing (nullable) columns added empty."""
    schema = TABLES[name].arrow
    for field in schema:
        if field.name not in table.column_names:
            table = table.append_column(field.name, pa.nulls(table.num_rows, field.type))
    return canonical(name, table)


def old_rows(out_dir: Path, name: str, columns: list[str] | None = None, conform: bool = True) -> pa.Table | None:
    """Rows of the table written by the last run, or None when there is none."""
    path = out_dir / f"{name}.parquet"
    if not path.exists():
        return None
    table = pq.read_table(path, columns=columns)
    return table if columns or not conform else _conform(name, table)


def _keep(name: str, table: pa.Table | None, keep: pa.Array | np.ndarray) -> list[pa.Table]:
    """The old rows where ``keep`` is true, conformed to the schema after filtering (rows of an older schema are
    only ever kept when the pipeline version, which covers the schema, is unchanged)."""
    if table is None or table.num_rows == 0:
        return []
    return [_conform(name, table.filter(pa.array(keep, pa.bool_())))]


def _combine(name: str, pieces: list[pa.Table]) -> pa.Table:
    pieces = [p for p in pieces if p.num_rows]
    if not pieces:
        return TABLES[name].arrow.empty_table()
    return sort_table(name, pa.concat_tables(pieces))


class _NewRows:
    """This run's staged rows of one table, handed out in article-id order, one bucket in memory at a time."""

    def __init__(self, name: str, staging: Staging) -> None:
        self.name, self.staging = name, staging
        self._buckets = iter(BUCKETS)
        self._pending: pa.Table | None = None  # the rest of the bucket that was read last

    def _next_bucket(self) -> pa.Table | None:
        bucket = next(self._buckets, None)
        if bucket is None:
            return None
        parts = self.staging.read(self.name, bucket)
        return pa.concat_tables(parts) if parts else TABLES[self.name].arrow.empty_table()

    def up_to(self, last_id: str) -> list[pa.Table]:
        """The rows not handed out yet whose ``article_id`` is at most ``last_id``."""
        taken = []
        while True:
            if self._pending is None:
                self._pending = self._next_bucket()
                if self._pending is None:
                    return taken
            ids = self._pending["article_id"]
            within = pc.less_equal(ids, last_id)
            if pc.all(within).as_py() is not False:  # the whole bucket (or an empty one)
                taken.append(self._pending)
                self._pending = None
                continue
            taken.append(self._pending.filter(within))
            self._pending = self._pending.filter(pc.invert(within))
            return taken

    def rest(self) -> Iterator[pa.Table]:
        """The rows not handed out yet, a bucket at a time."""
        if self._pending is not None:
            yield self._pending
            self._pending = None
        while (table := self._next_bucket()) is not None:
            yield table


def _kept_articles(table: pa.Table | None, keep_ids: IdLookup) -> np.ndarray:
    return np.zeros(0, bool) if table is None else keep_ids.contains(table["article_id"])


def table_pieces(out_dir: Path, name: str, staging: Staging, keep_ids: IdLookup) -> Iterator[pa.Table]:
    """Sorted pieces of a derived table (or ``articles``): old rows whose article is kept, with the new rows."""
    if not is_bucketed(name):
        old = old_rows(out_dir, name, conform=False)
        yield _combine(name, _keep(name, old, _kept_articles(old, keep_ids)) + staging.read(name))
        return
    new = _NewRows(name, staging)
    path = out_dir / f"{name}.parquet"
    if path.exists():
        stored = pq.ParquetFile(path)
        for index in range(stored.num_row_groups):
            group = stored.read_row_group(index)
            if group.num_rows == 0:
                continue
            last_id = pc.max(group["article_id"]).as_py()
            yield _combine(name, _keep(name, group, _kept_articles(group, keep_ids)) + new.up_to(last_id))
    for table in new.rest():
        yield _combine(name, [table])


def errors_still_valid(errors: pa.Table, kept_files: FoundFiles) -> np.ndarray:
    """For each stored error row, whether it still holds: its input is kept, and it is no discovery error (those
    are found afresh every run)."""
    discovery = pc.equal(errors["stage"], "discover").to_numpy(zero_copy_only=False)
    return kept_files.contains(errors["source_path"]) & ~discovery


def errors_table(out_dir: Path, staging: Staging, kept_files: FoundFiles) -> pa.Table:
    """Errors of kept inputs (discovery errors are found afresh every run) plus this run's errors."""
    old = old_rows(out_dir, "errors")
    if old is not None:
        old = old.filter(pa.array(errors_still_valid(old, kept_files), pa.bool_()))
    return _combine("errors", ([old] if old is not None else []) + staging.read("errors"))


def new_inputs(staging: Staging, failed_ids: pa.Array) -> list[pa.Table]:
    """This run's input rows; a processed input whose article failed analysis becomes failed."""
    new = staging.read("inputs")
    if not new or not len(failed_ids):
        return new
    fixed = []
    for table in new:
        failing = pc.and_(pc.fill_null(pc.is_in(table["article_id"], value_set=failed_ids), False),
                          pc.equal(table["outcome"], "processed"))
        outcome = pc.if_else(failing, "failed", table["outcome"])
        index = table.schema.get_field_index("outcome")
        fixed.append(table.set_column(index, table.schema.field(index), outcome))
    return fixed


def kept_input_rows(rows: pa.Table, kept_files: FoundFiles, earlier: np.ndarray) -> pa.Table:
    """The rows of the kept files, with their current size and time; an input analysed before this run (whose
    path's key is not in ``earlier``, sorted: its earlier parts) is now "unchanged"."""
    keys = path_keys(rows["source_path"])
    where = kept_files.positions(keys)
    kept = where >= 0
    rows, where, keys = rows.filter(pa.array(kept)).combine_chunks(), where[kept], keys[kept]
    article_kept = pc.is_in(rows["outcome"], value_set=pa.array(ARTICLE_KEPT)).to_numpy(zero_copy_only=False)
    unchanged = article_kept & ~in_sorted(earlier, keys)
    updated = {"outcome": pc.if_else(pa.array(unchanged), "unchanged", rows["outcome"]),
               "file_size": pa.array(kept_files.sizes[where]),
               "file_mtime_ns": pa.array(kept_files.mtimes[where])}
    for name, values in updated.items():
        index = rows.schema.get_field_index(name)
        rows = rows.set_column(index, rows.schema.field(index), values)
    return canonical("inputs", rows)


def inputs_pieces(out_dir: Path, kept_files: FoundFiles, earlier: np.ndarray, new: list[pa.Table]
                  ) -> Iterator[pa.Table]:
    """The ``inputs`` table in order, one stored row group at a time: the kept files' rows (see
    :func:`kept_input_rows`) merged by path with this run's ``new`` rows, which are at most one part's files."""
    fresh = _combine("inputs", new)
    paths = fresh["source_path"]
    taken = 0
    path = out_dir / "inputs.parquet"
    if len(kept_files) and path.exists():
        stored = pq.ParquetFile(path)
        for index in range(stored.num_row_groups):
            group = _conform("inputs", stored.read_row_group(index))
            if group.num_rows == 0:
                continue
            last = pc.max(group["source_path"]).as_py()
            upto = taken + (pc.sum(pc.less_equal(paths.slice(taken), last)).as_py() or 0)
            yield _combine("inputs", [kept_input_rows(group, kept_files, earlier), fresh.slice(taken, upto - taken)])
            taken = upto
    yield fresh.slice(taken)
