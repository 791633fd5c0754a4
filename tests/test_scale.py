"""Scale: a process pool and a Dask LocalCluster give the one-worker tables, and memory-bounded writing stays
crash safe. Real text from the bundled sample; small chunks so that several workers really share the work."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import analysis
from analysis import run as run_module
from analysis import staging
from analysis.analyse_tables import DERIVED_TABLES
from analysis.run import run_pipeline
from tests.conftest import PROJECT, sample_corpus

SAMPLE = PROJECT / "data" / "raw"
TABLE_FILES = ("inputs", "articles", "errors", *DERIVED_TABLES)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seed article, four text releases, six JSONL records, one broken file: 11 articles, 1 failure."""
    raw = sample_corpus(tmp_path_factory.mktemp("scale") / "raw", text_files=4, jsonl_records=6)
    (raw / "broken.txt").write_bytes(b"\xff\xfe\x00")
    return raw


@pytest.fixture(scope="module")
def one_worker(corpus) -> Path:
    out = corpus.parent / "one"
    summary = run_pipeline([corpus], out, progress=False)
    assert (summary.processed, summary.failed, summary.analysed) == (11, 1, 11)
    return out


def digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / f"{name}.parquet").read_bytes()).hexdigest() for name in TABLE_FILES}


def assert_same(left: Path, right: Path) -> None:
    for name in TABLE_FILES:
        a, b = pq.read_table(left / f"{name}.parquet"), pq.read_table(right / f"{name}.parquet")
        assert a.num_rows > 0 or name not in ("inputs", "articles", "paragraphs", "sentences", "entities")
        assert a.equals(b), name
    assert digests(left) == digests(right), "the Parquet files are byte for byte the same"


def test_two_worker_pool_gives_the_one_worker_tables(corpus, one_worker):
    out = corpus.parent / "two"
    summary = run_pipeline([corpus], out, progress=False, workers=2, chunk_size=2)
    assert summary.analysed == 11
    assert_same(one_worker, out)


def test_dask_local_cluster_gives_the_local_tables(corpus, one_worker):
    pytest.importorskip("dask.distributed")
    out = corpus.parent / "dask"
    summary = run_pipeline([corpus], out, progress=False, engine="dask", workers=2, chunk_size=3)
    assert summary.analysed == 11
    assert_same(one_worker, out)


def test_rows_spilled_in_many_small_parts_give_the_same_tables(corpus, one_worker, monkeypatch):
    spills: list[str] = []
    real_spill = staging.Staging._spill

    def counting_spill(self, name):
        spills.append(name)
        return real_spill(self, name)

    monkeypatch.setattr(staging, "FLUSH_BYTES", 1)
    monkeypatch.setattr(staging, "FLUSH_ROWS", 2)
    monkeypatch.setattr(staging.Staging, "_spill", counting_spill)
    out = corpus.parent / "spilled"
    run_pipeline([corpus], out, progress=False, chunk_size=2)
    assert spills.count("sentences") >= 5 and spills.count("inputs") >= 5
    assert not list(out.glob(f"{staging.STAGING_PREFIX}*")), "the staging folder is removed"
    assert_same(one_worker, out)


def test_crash_during_assembly_keeps_readable_tables_and_the_next_run_completes(corpus, one_worker, tmp_path,
                                                                                 monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    out = tmp_path / "out"
    run_pipeline([raw], out, progress=False)
    before = analysis.load_table("articles", out)
    (raw / "seed.txt").write_text("A new story. The mayor said the bridge would reopen.\n", encoding="utf-8")
    real_write = run_module.write_pieces

    def dying_write(out_dir, name, pieces):
        if name == "articles":  # derived tables and errors are already replaced
            raise OSError("disk full (simulated)")
        return real_write(out_dir, name, pieces)

    monkeypatch.setattr(run_module, "write_pieces", dying_write)
    with pytest.raises(OSError):
        run_pipeline([raw], out, progress=False)
    monkeypatch.setattr(run_module, "write_pieces", real_write)
    assert not list(out.glob(".*.tmp")) and not list(out.glob(f"{staging.STAGING_PREFIX}*"))
    after = analysis.load_table("articles", out)
    assert after.equals(before), "articles (and inputs) still describe the previous run"
    summary = run_pipeline([raw], out, progress=False)
    assert summary.analysed == 1
    clean = tmp_path / "clean"
    run_pipeline([raw], clean, progress=False)
    for name in TABLE_FILES[1:]:
        assert analysis.load_table(name, out).equals(analysis.load_table(name, clean)), name


def test_stale_staging_folder_of_a_killed_run_is_removed(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f"{staging.STAGING_PREFIX}deadbeef" / "sentences"
    stale.mkdir(parents=True)
    (stale / "b0-00000.parquet").write_bytes(b"partial")
    run_pipeline([corpus / "seed.txt"], out, progress=False)
    assert not stale.parent.exists()


def test_the_same_rows_make_the_same_file_in_whatever_pieces_they_arrive(tmp_path):
    """A fresh run stages rows in many small pieces; a rerun that merges with the store hands them over in one.
    Parquet gives up a column's dictionary when it grows past 1 MB, checking after each piece it is handed, so
    without care the same rows were stored in two different ways (found by the benchmark's byte comparison)."""
    from analysis.staging import rows_to_arrow
    from analysis.store import write_pieces
    from benchmarks.corpus import records
    from tests.conftest import shared_path

    bulk = shared_path("corpora", "bulk", "congress_press_releases.jsonl.gz")
    texts = [record["text"] for record in records(500, bulk)]
    rows = [{"article_id": f"{number:016x}", "paragraph": 0, "kind": "body", "start": 0, "end": len(text),
             "text": text, "credit": None, "credit_start": None, "credit_end": None}
            for number, text in enumerate(texts)]
    table = rows_to_arrow("paragraphs", rows)
    assert sum(map(len, texts)) > 1.5e6, "enough distinct text for Parquet to give up the dictionary"
    whole, pieces = tmp_path / "whole", tmp_path / "pieces"
    whole.mkdir(), pieces.mkdir()
    write_pieces(whole, "paragraphs", [table])
    write_pieces(pieces, "paragraphs", [table.slice(start, 64) for start in range(0, table.num_rows, 64)])
    assert (whole / "paragraphs.parquet").read_bytes() == (pieces / "paragraphs.parquet").read_bytes()
