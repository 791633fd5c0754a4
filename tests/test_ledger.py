"""The run's account of its inputs: found files, the comparison with the last run, article look-ups, and its size."""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis import ledger
from analysis.inputs import InputFile
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
    found, errors = find_inputs([raw, raw / "a.txt", tmp_path / "missing"], tmp_path)
    assert [item.source_path for item in found] == [str(raw / "a.txt"), str(raw / "b" / "z.txt")]
    assert [error.kind for error in errors] == ["missing"]
    first = next(iter(found))
    assert first.size == releases[1].stat().st_size and first.path.read_bytes() == releases[1].read_bytes()


def test_article_ids_are_looked_up_with_their_values():
    ids = pa.chunked_array([["ffffffffffffffff", "0000000000000001"], ["a0a0a0a0a0a0a0a0"]])
    lookup = IdLookup(ids, pa.array(["last.txt", "first.txt", "middle.txt"]))
    assert lookup.get("0000000000000001") == "first.txt" and lookup.get("ffffffffffffffff") == "last.txt"
    assert "a0a0a0a0a0a0a0a0" in lookup and "a0a0a0a0a0a0a0a1" not in lookup and "short" not in lookup
    assert lookup.with_ids({"1111111111111111", "0000000000000001"}).ids().to_pylist() == [
        "0000000000000001", "1111111111111111", "a0a0a0a0a0a0a0a0", "ffffffffffffffff"]
    with pytest.raises(ValueError, match="16 characters"):
        IdLookup(pa.array(["not an id"]))


def test_comparison_keeps_unchanged_files_hashes_touched_ones_and_reads_new_ones(tmp_path):
    raw = sample_corpus(tmp_path / "raw", text_files=2, jsonl_records=1)
    out = tmp_path / "out"
    run_pipeline([raw], out, progress=False)
    previous = pq.read_table(out / "inputs.parquet")
    articles_before = previous.filter(pa.compute.equal(previous["outcome"], "processed"))
    touched, new = raw / "seed.txt", raw / "new.txt"
    os.utime(touched, ns=(1, 1))
    shutil.copyfile(sorted(CONGRESS.glob("*.txt"))[5], new)
    found, _ = find_inputs([raw], tmp_path)
    comparison = compare_with_previous(found, out / "inputs.parquet")
    names = [Path(item.source_path).name for item in found]
    kept = {name for name, flag in zip(names, comparison.kept.tolist(), strict=True) if flag}
    assert kept == set(names) - {"seed.txt", "new.txt"}
    assert [names[position] for position in comparison.to_hash] == ["seed.txt"]
    assert names[comparison.to_read.tolist().index(True)] == "new.txt" and sum(comparison.to_read.tolist()) == 1
    seed_sha = previous.filter(pa.compute.equal(previous["source_path"], str(touched)))["file_sha256"][0]
    assert comparison.recorded_sha(names.index("seed.txt")) == seed_sha.as_py()
    assert comparison.recorded_sha(names.index("new.txt")) is None
    kept_articles = comparison.kept_articles(comparison.kept)
    expected = articles_before.filter(pa.compute.not_equal(articles_before["source_path"], str(touched)))
    assert sorted(kept_articles.ids().to_pylist()) == sorted(expected["article_id"].to_pylist())


def test_files_come_in_order_of_their_paths_however_the_folders_are_named(tmp_path):
    """A folder's files and subfolders interleave as their paths sort ("a-b.txt" before "a/", "a/" before "ab")."""
    raw = tmp_path / "raw"
    for relative in ("a/z.txt", "a-b.txt", "ab/c.txt", "a.txt", "A.txt", "a/b/c.txt", "a0.txt", "é.txt", "z.txt"):
        (raw / relative).parent.mkdir(parents=True, exist_ok=True)
        (raw / relative).write_text("A short article.\n")
    found, _ = find_inputs([raw / "ab", raw], tmp_path)
    paths = [item.source_path for item in found]
    assert paths == sorted(paths) and len(paths) == len(set(paths)) == 9


def test_many_files_are_held_on_disk_and_in_fixed_width_arrays(tmp_path):
    """5,000 files: under 64 bytes a file in memory, and no Python object per file (10 bytes a file at most)."""
    raw = tmp_path / "raw"
    for folder in range(10):
        (raw / f"{folder:02d}").mkdir(parents=True)
        for number in range(500):
            (raw / f"{folder:02d}" / f"{number:04d}.txt").write_text("A short article.\n")
    tracemalloc.start()
    found, _ = find_inputs([raw], tmp_path)
    python_heap, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(found) == 5000
    index = found._index
    in_memory = sum(array.nbytes for array in (index.sorted_keys, index.order, index.sizes, index.mtimes,
                                                found.selected))
    assert in_memory / len(found) < 64
    other = python_heap - in_memory  # tracemalloc counts NumPy's buffers too
    assert other < 50_000, f"{other} bytes of Python objects kept for 5,000 files"
    assert [item.source_path for _, item in found.items([0, 4999])] == [
        str(raw / "00" / "0000.txt"), str(raw / "09" / "0499.txt")]


def test_files_out_of_order_are_sorted_again_each_once(tmp_path, monkeypatch):
    """A safeguard the walk never needs: files that arrive out of order are sorted, the first of a path kept."""
    raw = tmp_path / "raw"
    raw.mkdir()
    names = ["c.txt", "a.txt", "b.txt", "a.txt"]
    for name in names:
        (raw / name).write_text(f"The article {name}.\n")
    items = [InputFile(raw / name, str(raw / name), size, 1) for name, size in zip(names, (3, 1, 2, 9), strict=True)]
    monkeypatch.setattr(ledger, "walk_inputs", lambda roots: iter(items))
    found, _ = ledger.find_inputs([raw], tmp_path)
    assert [(Path(item.source_path).name, item.size) for item in found] == [("a.txt", 1), ("b.txt", 2), ("c.txt", 3)]
    assert found.contains(pa.array([str(raw / "b.txt"), str(raw / "d.txt")])).tolist() == [True, False]
