"""The incremental pipeline end to end: contract, reruns, changes, removals, duplicates and atomic writes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

import analysis
from analysis import store
from analysis.analyse_tables import DERIVED_TABLES
from analysis.run import run_pipeline
from tests.conftest import PROJECT, SEED_TEXT, sample_corpus

SAMPLE = PROJECT / "data" / "raw"
TABLES_COMPARED = ("articles", "paragraphs", "sentences", "entities", "errors")


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """A small corpus: the seed article, three Congress releases as text, and a JSONL file of two more."""
    return sample_corpus(tmp_path / "raw", text_files=3, jsonl_records=2)


def run(raw: Path, out: Path, **kwargs):
    return run_pipeline([raw], out, progress=False, **kwargs)


def frames(out: Path) -> dict[str, pd.DataFrame]:
    return {name: analysis.load_table(name, out) for name in TABLES_COMPARED}


def assert_same_tables(left: Path, right: Path) -> None:
    a, b = frames(left), frames(right)
    for name in TABLES_COMPARED:
        pd.testing.assert_frame_equal(a[name].drop(columns=["source_path"], errors="ignore"),
                                      b[name].drop(columns=["source_path"], errors="ignore"), obj=name)


def test_contract_text_and_source_path_and_offsets(corpus, tmp_path):
    out = tmp_path / "out"
    summary = run(corpus, out)
    assert (summary.processed, summary.failed) == (6, 0)
    articles = analysis.load_table("articles", out).set_index("source_path")
    seed_path = str(corpus / "seed.txt")
    assert articles.loc[seed_path, "text"] == SEED_TEXT.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
    texts = analysis.load_table("articles", out).set_index("article_id")["text"]
    for name in ("paragraphs", "sentences", "entities"):
        table = analysis.load_table(name, out)
        assert not table.empty
        for row in table.itertuples():
            assert texts[row.article_id][row.start:row.end] == row.text, name


def test_rerun_of_unchanged_inputs_does_no_nlp_work(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    before = frames(out)
    summary = run(corpus, out)
    assert (summary.analysed, summary.processed, summary.unchanged) == (0, 0, 6)
    for name, frame in frames(out).items():
        pd.testing.assert_frame_equal(frame, before[name], obj=name)


def test_touched_but_identical_file_is_unchanged(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    os.utime(corpus / "seed.txt", ns=(1, 1))
    summary = run(corpus, out)
    assert summary.analysed == 0 and summary.unchanged == 6


def test_changed_file_replaces_its_rows_and_removed_file_loses_them(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    old_ids = set(analysis.load_table("articles", out)["article_id"])
    seed = corpus / "seed.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Wednesday", "Thursday"), encoding="utf-8")
    victim = sorted(corpus.glob("cong_*.txt"))[0]
    victim.unlink()
    summary = run(corpus, out)
    assert summary.analysed == 1 and summary.processed == 1 and summary.unchanged == 4
    articles = analysis.load_table("articles", out)
    assert len(articles) == 5 and str(victim) not in set(articles["source_path"])
    assert "Thursday" in articles.set_index("source_path").loc[str(seed), "text"]
    ids = set(articles["article_id"])
    for name in ("paragraphs", "sentences", "entities", "inputs"):
        table = analysis.load_table(name, out)
        assert set(table["article_id"].dropna()) == ids, name
    assert len(old_ids - ids) == 2
    clean = tmp_path / "clean"
    run(corpus, clean)
    assert_same_tables(out, clean)


def test_same_article_in_two_formats_is_a_duplicate_and_survives_its_twin_going(corpus, tmp_path):
    out = tmp_path / "out"
    twin = corpus / "zz_twin.json"
    twin.write_text(json.dumps({"title": "Twin", "text": (corpus / "seed.txt").read_text(encoding="utf-8")}))
    summary = run(corpus, out)
    assert summary.duplicate == 1 and summary.processed == 6
    inputs = analysis.load_table("inputs", out).set_index("input_key")
    assert inputs.loc[f"{twin}#1", "duplicate_of"] == str(corpus / "seed.txt")
    (corpus / "seed.txt").unlink()
    summary = run(corpus, out)
    assert summary.duplicate == 0 and summary.analysed == 0  # the twin takes over the kept rows
    articles = analysis.load_table("articles", out)
    assert f"{twin}" in set(articles["source_path"]) and len(articles) == 6


def test_a_duplicate_of_an_article_kept_from_an_earlier_run_names_the_input_it_came_from(corpus, tmp_path):
    """The kept article's input key is read back from the stored inputs table, in this run and the next."""
    out = tmp_path / "out"
    run(corpus, out)
    twin = corpus / "zz_twin.json"
    twin.write_text(json.dumps({"title": "Twin", "text": (corpus / "seed.txt").read_text(encoding="utf-8")}))
    for _ in range(2):  # the file holding a duplicate is read again at every run
        summary = run(corpus, out)
        assert summary.duplicate == 1 and summary.analysed == 0
        inputs = analysis.load_table("inputs", out).set_index("input_key")
        assert inputs.loc[f"{twin}#1", "duplicate_of"] == str(corpus / "seed.txt")
        assert inputs.loc[str(corpus / "seed.txt"), "outcome"] == "unchanged"


def test_failed_inputs_are_error_rows_and_every_file_is_accounted_for(corpus, tmp_path):
    out = tmp_path / "out"
    (corpus / "empty.txt").write_text("")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    summary = run(corpus, out)
    assert summary.failed == 2 and summary.processed == 6
    errors = analysis.load_table("errors", out).set_index("source_path")
    assert errors.loc[str(corpus / "empty.txt"), "error"] == "empty"
    assert "unsupported file type '.docx'" in errors.loc[str(corpus / "notes.docx"), "message"]
    inputs = analysis.load_table("inputs", out)
    assert set(inputs["source_path"]) == {str(p) for p in corpus.iterdir()}


def test_crash_while_writing_keeps_previous_tables_and_next_run_completes(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(corpus, out)
    before = frames(out)
    (corpus / "seed.txt").write_text("A new story. The mayor said the bridge would reopen.\n", encoding="utf-8")
    real_write, calls = store.pq.write_table, []

    def dying_write(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full (simulated)")
        return real_write(*args, **kwargs)

    monkeypatch.setattr(store.pq, "write_table", dying_write)
    with pytest.raises(OSError):
        run(corpus, out)
    monkeypatch.setattr(store.pq, "write_table", real_write)
    assert not list(out.glob(".*.tmp")), "temporary files are cleaned up"
    for name, frame in frames(out).items():  # every table still readable
        assert list(frame.columns) == list(before[name].columns)
    run(corpus, out)
    clean = tmp_path / "clean"
    run(corpus, clean)
    assert_same_tables(out, clean)


def test_duckdb_has_a_view_per_table_and_load_returns_them(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    with duckdb.connect(str(out / "analysis.duckdb"), read_only=True) as connection:
        count = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        kinds = dict(connection.execute("SELECT kind, count(*) FROM paragraphs GROUP BY kind").fetchall())
    assert count == 6 and kinds["teaser"] == 2 and kinds["caption"] == 2
    tables = analysis.load(out)
    assert set(tables) >= {"inputs", "articles", "paragraphs", "sentences", "entities", "errors"}
    assert len(tables.articles) == 6
    assert store.read_manifest(out)["counts"]["processed"] == 6


def test_input_folder_is_never_written(corpus, tmp_path):
    before = {p: p.read_bytes() for p in corpus.rglob("*")}
    run(corpus, tmp_path / "out")
    run(corpus, tmp_path / "out", force=True)
    assert {p: p.read_bytes() for p in corpus.rglob("*")} == before


def test_a_new_pipeline_version_reprocesses_everything(corpus, tmp_path, monkeypatch):
    import analysis.run as run_module

    out = tmp_path / "out"
    run(corpus, out)
    monkeypatch.setattr(run_module, "pipeline_version", lambda model: "9.9.9+changed")
    summary = run(corpus, out)
    assert summary.analysed == 6 and summary.unchanged == 0
    assert set(analysis.load_table("articles", out)["pipeline_version"]) == {"9.9.9+changed"}


def test_a_run_committed_in_parts_gives_the_same_tables(corpus, tmp_path):
    """Five input files committed two at a time: every input processed, the tables as with one commit."""
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    one = run(corpus, whole, commit_every=None)
    several = run(corpus, parts, commit_every=2)
    assert (several.processed, several.unchanged, several.failed) == (one.processed, 0, 0) == (6, 0, 0)
    assert several.analysed == one.analysed == 6
    assert_same_tables(whole, parts)
    outcomes = analysis.load_table("inputs", parts)["outcome"]
    assert set(outcomes) == {"processed"}


@pytest.mark.parametrize("cut", ["rows", "bytes"])
def test_commits_merge_into_stored_row_groups_and_give_the_same_files(corpus, tmp_path, monkeypatch, cut):
    """Small row groups (three rows, or about 600 bytes), so each later commit slots its rows into several stored
    row groups: every table comes out byte for byte as from one commit."""
    monkeypatch.setattr(store, "ROW_GROUP_ROWS", 3 if cut == "rows" else 10**6)
    monkeypatch.setattr(store, "GROUP_BYTES", 10**9 if cut == "rows" else 600)
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    run(corpus, whole, commit_every=None)
    run(corpus, parts, commit_every=2)
    for name in ("articles", *DERIVED_TABLES, "inputs"):
        stored = pq.ParquetFile(parts / f"{name}.parquet")
        sizes = [stored.metadata.row_group(i).num_rows for i in range(stored.num_row_groups)]
        if cut == "rows":
            assert all(size == 3 for size in sizes[:-1]) and 0 < sizes[-1] <= 3, name
        assert (whole / f"{name}.parquet").read_bytes() == (parts / f"{name}.parquet").read_bytes(), name
    assert pq.ParquetFile(parts / "sentences.parquet").num_row_groups > 3, "several stored row groups to merge into"
    articles = pq.ParquetFile(parts / "articles.parquet")
    assert articles.num_row_groups == (2 if cut == "rows" else 6)  # six articles, each text over 600 bytes


def test_a_run_killed_between_parts_keeps_them_and_the_next_run_finishes(corpus, tmp_path, monkeypatch):
    import analysis.run as run_module

    out = tmp_path / "out"
    real_part = run_module._run_part

    def killed_after_the_first_part(*args, **kwargs):
        if kwargs["part"] > 1:
            raise KeyboardInterrupt("killed (simulated)")
        return real_part(*args, **kwargs)

    monkeypatch.setattr(run_module, "_run_part", killed_after_the_first_part)
    with pytest.raises(KeyboardInterrupt):
        run(corpus, out, commit_every=2)
    monkeypatch.setattr(run_module, "_run_part", real_part)
    kept = analysis.load_table("inputs", out)
    assert kept["source_path"].nunique() == 2 and set(kept["outcome"]) == {"processed"}
    finish = run(corpus, out)
    assert finish.analysed == 6 - len(kept) and finish.unchanged == len(kept)
    clean = tmp_path / "clean"
    run(corpus, clean)
    assert_same_tables(out, clean)


def test_a_new_file_after_an_unchanged_rerun_keeps_every_earlier_article(corpus, tmp_path):
    """The daily case: run, rerun with nothing new, then a new file arrives. The earlier articles stay."""
    out, spare = tmp_path / "out", sorted((SAMPLE / "congress").glob("*.txt"))[-1]
    run(corpus, out)
    assert run(corpus, out).unchanged == 6
    shutil.copyfile(spare, corpus / spare.name)
    summary = run(corpus, out)
    assert (summary.analysed, summary.processed, summary.unchanged) == (1, 1, 6)
    assert len(analysis.load_table("articles", out)) == 7
    assert run(corpus, out).unchanged == 7
    clean = tmp_path / "clean"
    run(corpus, clean)
    assert_same_tables(out, clean)


def test_reruns_with_a_duplicate_stay_the_same(corpus, tmp_path):
    """A file repeating another's article is read again every run; the kept articles never change."""
    out = tmp_path / "out"
    shutil.copyfile(corpus / "seed.txt", corpus / "seed copy.txt")
    first = run(corpus, out)
    articles = analysis.load_table("articles", out)
    for _ in range(2):
        again = run(corpus, out)
        assert (again.analysed, again.processed, again.unchanged, again.duplicate) == (0, 0, 6, 1)
        pd.testing.assert_frame_equal(analysis.load_table("articles", out), articles)
    assert first.duplicate == 1
