"""A run's staging folder: new rows spilled to Parquet parts as they arrive, so memory stays bounded.

Parts live in ``<out>/.staging-<id>/<table>/b<bucket>-<n>.parquet``. Tables sorted by ``article_id`` are
partitioned into 16 buckets by the first hex digit of the id, so each final table can be assembled one bucket
at a time (see :mod:`analysis.assemble`). The folder is removed when the run ends, and a stale one (left by a
killed run) at the start of the next.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .schema import TABLES, to_arrow

STAGING_PREFIX = ".staging-"
BUCKETS = tuple("0123456789abcdef")
FLUSH_BYTES = 4 << 20  # Arrow bytes buffered per table before a part is written (a dozen tables: ~50 MB)
FLUSH_ROWS = 5_000  # row dicts buffered per table before they are converted to Arrow


def is_bucketed(name: str) -> bool:
    """True for tables sorted by ``article_id`` first: they are staged per bucket and merged by id."""
    return TABLES[name].sort_by[0] == "article_id"


def canonical(name: str, table: pa.Table) -> pa.Table:
    """``table`` with exactly the declared schema (no pandas metadata), so every writer agrees byte for byte."""
    schema = TABLES[name].arrow
    return table.select(schema.names).cast(schema) if table.schema != schema else table


def rows_to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Validate row dicts against the schema and convert them."""
    return canonical(name, to_arrow(name, pd.DataFrame(rows, columns=TABLES[name].column_names)))


def remove_stale(out_dir: Path) -> None:
    """Remove staging folders left behind by runs that were killed."""
    for folder in out_dir.glob(f"{STAGING_PREFIX}*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


class Staging:
    """Buffers rows per table and spills them to Parquet parts; holds at most a few MB per table."""

    def __init__(self, out_dir: Path) -> None:
        self.folder = out_dir / f"{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"
        self.folder.mkdir()
        self._rows: dict[str, list[dict]] = {}
        self._tables: dict[str, list[pa.Table]] = {}
        self._bytes: dict[str, int] = {}
        self._parts: dict[str, int] = {}
        self.counts: dict[str, int] = {}

    def add_rows(self, name: str, rows: list[dict] | dict) -> None:
        """Buffer row dicts of table ``name``."""
        buffer = self._rows.setdefault(name, [])
        buffer.extend(rows if isinstance(rows, list) else [rows])
        if len(buffer) >= FLUSH_ROWS:
            self._rows[name] = []
            self.add_table(name, rows_to_arrow(name, buffer))

    def add_table(self, name: str, table: pa.Table) -> None:
        """Buffer an Arrow table of table ``name`` (already validated)."""
        if table.num_rows == 0:
            return
        self._tables.setdefault(name, []).append(table)
        self._bytes[name] = self._bytes.get(name, 0) + table.nbytes
        self.counts[name] = self.counts.get(name, 0) + table.num_rows
        if self._bytes[name] >= FLUSH_BYTES:
            self._spill(name)

    def flush(self) -> None:
        """Write every buffered row to parts."""
        for name, rows in list(self._rows.items()):
            if rows:
                self._rows[name] = []
                self.add_table(name, rows_to_arrow(name, rows))
        for name in list(self._tables):
            self._spill(name)

    def _spill(self, name: str) -> None:
        tables = self._tables.pop(name, [])
        self._bytes[name] = 0
        if not tables:
            return
        table = pa.concat_tables(tables)
        folder = self.folder / name
        folder.mkdir(exist_ok=True)
        number = self._parts.get(name, 0)
        self._parts[name] = number + 1
        if not is_bucketed(name):
            pq.write_table(table, folder / f"all-{number:05d}.parquet", compression="lz4")
            return
        first = pc.utf8_slice_codeunits(table["article_id"], 0, 1)
        for bucket in BUCKETS:
            part = table.filter(pc.equal(first, bucket))
            if part.num_rows:
                pq.write_table(part, folder / f"b{bucket}-{number:05d}.parquet", compression="lz4")

    def parts(self, name: str, bucket: str | None = None) -> list[Path]:
        """The part files of table ``name`` (of one bucket), in the order they were written."""
        folder = self.folder / name
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"b{bucket}-*.parquet" if bucket else "*.parquet"))

    def read(self, name: str, bucket: str | None = None) -> list[pa.Table]:
        """The staged rows of table ``name`` (of one bucket) as Arrow tables, in arrival order."""
        return [canonical(name, pq.read_table(path)) for path in self.parts(name, bucket)]

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
