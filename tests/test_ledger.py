"""The run's account of its inputs: found files, the comparison with the last run, article look-ups, and its size."""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.ledger import IdLookup, compare_with_previous, find_inputs
from analysis.run import run_pipeline
from tests.conftest import PROJECT, sample_corpus

CONGRESS = PROJECT / "data" / "raw" / "congress"


def test_found_files_are_sorted_each_once_and_hidden_ones_skipped(tmp_path):
    raw = tmp_path / "raw"
    (raw / "b").mkdir(parents=True)
    releases = sorted(CONGRESS.glob("*.txt"))[:3]
    shutil.copyfile(releases[0], raw / "b" / "z.txt")
    shutil.copyfile(releases[1], raw / "a.txt")
    shutil.copyfile(releases[2], raw / ".hidden.txt")
    found, errors = find_inputs([raw, raw / "a.txt", tmp_path / "missing"])
    assert [item.source_path for item in found] == [str(raw / "a.txt"), str(raw / "b" / "z.txt")]
    assert [error.kind for error in errors] == ["missing"]
    first = next(iter(found))
    assert first.size == releases[1].stat().st_size and first.path.read_bytes() == releases[1].read_bytes()


def test_article_ids_are_looked_up_with_their_values():
    ids = pa.chunked_array([["ffffffffffffffff", "0000000000000001"], ["a0a0a0a0a0a0a0a0"]])
    lookup = IdLookup(ids, pa.array(["last.txt", "first.txt", "middle.txt"]))
    assert lookup.get("0000000000000001") == "first.txt" and lookup.get("ffffffffffffffff") == "last.txt"
    assert "a0a0a0a0a0a0a0a0" in lookup and "a0a0a0a0a0a0a0a1" not in lookup and "short" not in lookup
    assert lookup.ids({"1111111111111111", "0000000000000001"}).to_pylist() == [
        "0000000000000001", "1111111111111111", "a0a0a0a0a0a0a0a0", "ffffffffffffffff"]
    with pytest.raises(ValueError, match="16 characters"):
        IdLookup(pa.array(["not an id"]))


def test_comparison_keeps_unchanged_files_hashes_touched_ones_and_reads_new_ones(tmp_path):
    raw = sample_corpus(tmp_path / "raw", text_files=2, jsonl_records=1)
    out = tmp_path / "out"
    run_pipeline([raw], out, progress=False)
    previous = pq.read_table(out / "inputs.parquet")
    touched, new = raw / "seed.txt", raw / "new.txt"
    os.utime(touched, ns=(1, 1))
    shutil.copyfile(sorted(CONGRESS.glob("*.txt"))[5], new)
    found, _ = find_inputs([raw])
    comparison = compare_with_previous(found, previous)
    names = [Path(item.source_path).name for item in found]
    kept = {name for name, flag in zip(names, comparison.kept.to_pylist(), strict=True) if flag}
    assert kept == set(names) - {"seed.txt", "new.txt"}
    assert [names[position] for position in comparison.to_hash] == ["seed.txt"]
    assert names[comparison.to_read.to_pylist().index(True)] == "new.txt" and sum(comparison.to_read.to_pylist()) == 1
    seed_sha = previous.filter(pa.compute.equal(previous["source_path"], str(touched)))["file_sha256"][0]
    assert comparison.recorded_sha(names.index("seed.txt")) == seed_sha.as_py()
    assert comparison.recorded_sha(names.index("new.txt")) is None


def test_many_files_are_held_in_arrow_buffers_not_python_objects(tmp_path):
    """5,000 files: the list costs well under 200 bytes a file, and the Python heap keeps almost nothing of it."""
    raw = tmp_path / "raw"
    for folder in range(10):
        (raw / f"{folder:02d}").mkdir(parents=True)
        for number in range(500):
            (raw / f"{folder:02d}" / f"{number:04d}.txt").write_text("A short article.\n")
    tracemalloc.start()
    found, _ = find_inputs([raw])
    python_heap, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(found) == 5000
    assert found.table.nbytes / len(found) < 200
    assert python_heap < 200_000, f"{python_heap} bytes of Python objects kept for 5,000 files"
