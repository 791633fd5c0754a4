"""Peak memory of one commit over a stored corpus: ``.venv/bin/python -m benchmarks.commit_memory OUT_DIR``.

Rewrites every table of ``OUT_DIR`` (a run's output folder) as a run's commit does when it keeps every stored
article and adds none, and prints the seconds, the process's peak RSS and the most Arrow held at once. It rewrites
the folder in place: run it on a copy. A commit that reads each stored table one row group at a time needs about
the same memory whatever the size of the store; one that holds a fixed share of a table (a sixteenth, or all of
it) needs memory in proportion to the store.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.analyse_tables import DERIVED_TABLES
from analysis.assemble import table_pieces
from analysis.staging import Staging
from analysis.store import write_pieces


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a run's output folder (a copy: it is rewritten)")
    args = parser.parse_args(argv)
    ids = pq.read_table(args.out / "articles.parquet", columns=["article_id"])["article_id"].to_pylist()
    keep = pa.array(sorted(ids), pa.string())
    staging = Staging(args.out)
    started = time.perf_counter()
    try:
        for name in (*DERIVED_TABLES, "articles"):
            write_pieces(args.out, name, table_pieces(args.out, name, staging, keep))
    finally:
        staging.remove()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    arrow = pa.default_memory_pool().max_memory() / 2**20
    print(f"{len(ids):,} articles: commit in {time.perf_counter() - started:.1f} s, peak RSS {peak:,.0f} MB, "
          f"Arrow at most {arrow:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
