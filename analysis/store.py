"""Reading and writing the tables: Parquet files, a DuckDB catalogue of views, atomic replacement."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .paths import default_processed_dir
from .schema import TABLES, to_arrow
from .staging import canonical

DUCKDB_FILE = "analysis.duckdb"
MANIFEST_FILE = "run.json"


class Tables(dict[str, pd.DataFrame]):
    """The tables by name; also reachable as attributes (``tables.quotes``)."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables: {', '.join(self)}") from None


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one rename."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        yield temporary_path
        with open(temporary_path, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary_path, target)
    finally:
        temporary_path.unlink(missing_ok=True)


GROUP_BYTES = 8 << 20  # a row group holds about this many bytes of rows: a commit reads one at a time
ROW_GROUP_ROWS = 64 * 1024  # and at most this many rows


def _row_bytes(table: pa.Table) -> np.ndarray:
    """Each row's approximate size: fixed-width values, string lengths, 16 bytes per list item."""
    sizes = np.zeros(table.num_rows, dtype=np.int64)
    for column in table.columns:
        kind = column.type
        if pa.types.is_string(kind) or pa.types.is_binary(kind):
            sizes += pc.fill_null(pc.binary_length(column), 0).to_numpy()
        elif pa.types.is_list(kind):
            sizes += 16 * pc.fill_null(pc.list_value_length(column), 0).to_numpy()
        else:
            sizes += max(kind.bit_width // 8, 1)
    return sizes


def _group_ends(sizes: np.ndarray) -> list[int]:
    """Where the full row groups of these rows end: each closes at GROUP_BYTES or ROW_GROUP_ROWS, whichever
    comes first; the rows after the last end wait for more."""
    ends: list[int] = []
    total = np.cumsum(sizes)
    start = 0
    while True:
        reached = int(np.searchsorted(total, (total[start - 1] if start else 0) + GROUP_BYTES))
        end = min(reached + 1, start + ROW_GROUP_ROWS)
        if end > len(sizes):
            return ends
        ends.append(end)
        start = end


def write_table(out_dir: Path, name: str, frame: pd.DataFrame) -> Path:
    """Validate ``frame`` against its schema and write ``<out_dir>/<name>.parquet`` atomically."""
    return write_pieces(out_dir, name, [to_arrow(name, frame)])


def write_pieces(out_dir: Path, name: str, pieces: Iterable[pa.Table]) -> Path:
    """Write ``<out_dir>/<name>.parquet`` atomically from Arrow pieces, streaming: one piece in memory at a time.

    Pieces must be validated rows in the final order. Row groups are cut by the rows alone (about
    GROUP_BYTES each), whatever the pieces, so the same rows make the same file however they arrived (in one
    commit or several), and a later commit can read the file one bounded row group at a time.
    """
    target = out_dir / f"{name}.parquet"
    schema = TABLES[name].arrow
    with atomic_path(target) as temporary, pq.ParquetWriter(temporary, schema, compression="zstd") as writer:
        held = schema.empty_table()  # rows short of a full row group, carried to the next piece
        for piece in pieces:
            if not piece.num_rows:
                continue
            held = pa.concat_tables([held, canonical(name, piece)])
            start = 0
            for end in _group_ends(_row_bytes(held)):
                _write_group(writer, held.slice(start, end - start))
                start = end
            held = held.slice(start)
        if held.num_rows:
            _write_group(writer, held)
    return target


def _write_group(writer: pq.ParquetWriter, rows: pa.Table) -> None:
    """One row group, from contiguous columns: Parquet decides when a column's dictionary is too large after each
    Arrow chunk it writes, so rows that arrived in other pieces would otherwise be encoded, and so stored,
    differently."""
    writer.write_table(rows.combine_chunks(), row_group_size=rows.num_rows)


def write_duckdb(out_dir: Path) -> Path:
    """(Re)create ``analysis.duckdb`` with one view per Parquet table, atomically."""
    import duckdb

    target = out_dir / DUCKDB_FILE
    with atomic_path(target) as temporary:
        temporary.unlink()
        with duckdb.connect(str(temporary)) as connection:
            for name in TABLES:
                parquet = (out_dir / f"{name}.parquet").resolve()
                if parquet.exists():
                    quoted = str(parquet).replace("'", "''")
                    connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{quoted}')")
    return target


def write_manifest(out_dir: Path, manifest: dict) -> None:
    """Write the run manifest (``run.json``) atomically."""
    with atomic_path(out_dir / MANIFEST_FILE) as temporary:
        temporary.write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")


def read_manifest(data_dir: Path | str | None = None) -> dict:
    """The manifest of the last run that wrote ``data_dir`` ({} when none)."""
    path = Path(data_dir or default_processed_dir()) / MANIFEST_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def load_table(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One table as a DataFrame (empty, with its columns, when it has not been written yet)."""
    if name not in TABLES:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
    path = Path(data_dir or default_processed_dir()) / f"{name}.parquet"
    if not path.exists():
        return TABLES[name].arrow.empty_table().to_pandas()
    return pd.read_parquet(path)


def load(data_dir: Path | str | None = None) -> Tables:
    """All tables written by ``analysis run`` as DataFrames, by name.

    ``data_dir`` defaults to $ANALYSIS_DATA_DIR, else the project's ``data/processed``.
    """
    folder = Path(data_dir or default_processed_dir())
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} does not exist: run `analysis run` (or `make report`) first")
    return Tables({name: load_table(name, folder) for name in TABLES})
