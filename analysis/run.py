"""``analysis run``: read every input, analyse only what is new or changed, and write the tables.

Articles stream through: inputs are read lazily, analysed in chunks (one process, a pool or Dask; see
:mod:`analysis.engine`) and their rows spilled to Parquet parts in a staging folder (:mod:`analysis.staging`).
Each final table is then assembled from the kept old rows plus the parts (:mod:`analysis.assemble`) and
replaced atomically, in the crash-safe order: derived tables, errors, articles, inputs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

from .analyse_tables import DERIVED_TABLES
from .article import Article
from .article_rows import article_row, parse_published  # noqa: F401  (article_row: public here too)
from .assemble import errors_still_valid, errors_table, inputs_pieces, new_inputs, old_rows, table_pieces
from .engine import CHUNK_SIZE, ChunkResult, analyse_local
from .errors import InputError, RecordError
from .inputs import DiscoveryError, InputFile, input_key, read_bytes
from .ledger import (
    KEY_WIDTH,
    FoundFiles,
    IdLookup,
    SeenArticles,
    StoredValues,
    compare_with_previous,
    find_inputs,
)
from .memory import arrow_allocator, release_memory
from .model import model_version, resolve_model_name
from .readers import read_file
from .schema import TABLES
from .staging import Staging, remove_stale
from .store import load_table, write_duckdb, write_manifest, write_pieces
from .version import pipeline_version

ENGINES = ("local", "dask")


@dataclass
class RunSummary:
    """What a run did, counted per input (file, or record of a multi-record file)."""

    out_dir: Path
    processed: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    analysed: int = 0
    analysed_words: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase; worker phases summed

    def line(self) -> str:
        rate = f" ({self.analysed / self.seconds:.1f} articles/s)" if self.analysed and self.seconds else ""
        return (f"processed {self.processed}, unchanged {self.unchanged}, duplicate {self.duplicate}, "
                f"failed {self.failed} in {self.seconds:.1f} s{rate} -> {self.out_dir}")

    def add_time(self, phase: str, seconds: float) -> None:
        self.timings[phase] = self.timings.get(phase, 0.0) + seconds


@dataclass
class _OldState:
    """What the last run left: the ids of the articles whose rows are stored, and whether they may be kept."""

    article_ids: IdLookup
    inputs: Path | None = None  # the last run's inputs table, when its tables are to be kept
    valid: bool = True  # False when forced or out of date: the tables on disk are not to be kept

    @classmethod
    def load(cls, out_dir: Path, version: str, force: bool) -> _OldState:
        """The state; its ``inputs`` is None when the last run's tables are not to be kept."""
        inputs_path, articles_path = out_dir / "inputs.parquet", out_dir / "articles.parquet"
        nothing = cls(IdLookup(pa.array([], pa.string())), valid=False)
        if force or not inputs_path.exists() or not articles_path.exists():
            return nothing
        if pq.ParquetFile(inputs_path).metadata.num_rows == 0:
            return nothing
        stamped = pq.read_table(articles_path, columns=["article_id", "pipeline_version"],
                                read_dictionary=["pipeline_version"])
        if set(pc.unique(stamped["pipeline_version"]).to_pylist()) - {version}:
            return nothing
        return cls(IdLookup(stamped["article_id"]), inputs_path)


@dataclass
class _Plan:
    """What one part of a run will do with the inputs found: read some, keep the rest's rows as they were."""

    to_read: FoundFiles
    kept_files: FoundFiles  # files whose rows of the last run are kept (with their current stat)
    earlier: np.ndarray  # keys of the paths analysed in earlier parts of this run, sorted
    seen: SeenArticles  # the kept articles and the inputs they came from
    read_failures: list[tuple[dict, dict]]  # (input row, error row) of known files that could not be read
    deferred: int  # inputs left for the next part
    files_gone: bool  # some file of the last run is not kept (removed, or changed)


def _input_row(item: InputFile, sha: str | None, record: int | None, outcome: str, *, fmt: str | None = None,
               article_id: str | None = None, duplicate_of: str | None = None, encoding: str | None = None) -> dict:
    return {"input_key": input_key(item.source_path, record), "source_path": item.source_path, "record": record,
            "source_format": fmt, "outcome": outcome, "article_id": article_id, "duplicate_of": duplicate_of,
            "encoding": encoding, "file_size": item.size, "file_mtime_ns": item.mtime_ns, "file_sha256": sha}


def _error_row(source_path: str, record: int | None, stage: str, kind: str, message: str) -> dict:
    return {"input_key": input_key(source_path, record), "source_path": source_path, "record": record,
            "stage": stage, "error": kind, "message": message}


def _unreadable_rows(item: InputFile, sha: str | None, exc: InputError) -> tuple[dict, dict]:
    """The input and error rows of a file that could not be read (or parsed) as a whole."""
    return _input_row(item, sha, None, "failed"), _error_row(item.source_path, None, "read", exc.kind,
                                                            f"{item.source_path}: {exc.message}")


def _discovery_rows(error: DiscoveryError) -> tuple[dict, dict]:
    row = {"input_key": error.source_path, "source_path": error.source_path, "record": None, "source_format": None,
           "outcome": "failed", "article_id": None, "duplicate_of": None, "encoding": None, "file_size": None,
           "file_mtime_ns": None, "file_sha256": None}
    return row, _error_row(error.source_path, None, "discover", error.kind, error.message)


class _Reader:
    """Reads the inputs that need reading, lazily; records input and error rows; yields articles to analyse."""

    def __init__(self, to_read: FoundFiles, staging: Staging, seen: SeenArticles, old: _OldState,
                 out_dir: Path, version: str, field_mapping: Mapping[str, str] | None, summary: RunSummary) -> None:
        self.to_read, self.staging, self.seen, self.old = to_read, staging, seen, old
        self.out_dir, self.version, self.mapping, self.summary = out_dir, version, field_mapping, summary
        self.reused_ids: set[str] = set()
        self._n_paragraphs: IdLookup | None = None

    def _reuse(self, article: Article) -> None:
        """An article analysed in an earlier run but arriving from another input: its rows are kept."""
        if self._n_paragraphs is None:
            old = pq.read_table(self.out_dir / "articles.parquet", columns=["article_id", "n_paragraphs"])
            self._n_paragraphs = IdLookup(old["article_id"], old["n_paragraphs"])
        self.reused_ids.add(article.article_id)
        n_paragraphs = self._n_paragraphs.get(article.article_id)
        self.staging.add_rows("articles", article_row(article, self.version, n_paragraphs))  # type: ignore[arg-type]

    def _add_failure(self, input_row: dict, error_row: dict) -> None:
        self.staging.add_rows("inputs", input_row)
        self.staging.add_rows("errors", error_row)

    def __iter__(self) -> Iterator[Article]:
        clock = time.perf_counter()
        for item in self.to_read:
            try:
                data, sha = read_bytes(item)
            except InputError as exc:
                self._add_failure(*_unreadable_rows(item, None, exc))
                continue
            try:
                for entry in read_file(item.path, item.source_path, data, self.mapping):
                    if isinstance(entry, RecordError):
                        self._add_failure(_input_row(item, sha, entry.record, "failed"), _error_row(
                            item.source_path, entry.record, entry.stage, entry.kind,
                            f"{item.source_path}: {entry.message}"))
                        continue
                    common = {"fmt": entry.source_format, "article_id": entry.article_id, "encoding": entry.encoding}
                    first = self.seen.get(entry.article_id)
                    if first is not None:
                        self.staging.add_rows("inputs", _input_row(item, sha, entry.record, "duplicate",
                                                                   duplicate_of=first, **common))
                        continue
                    self.seen.add(entry.article_id, input_key(item.source_path, entry.record))
                    self.staging.add_rows("inputs", _input_row(item, sha, entry.record, "processed", **common))
                    if entry.article_id in self.old.article_ids:
                        self._reuse(entry)
                        continue
                    self.summary.add_time("reading", time.perf_counter() - clock)
                    yield entry
                    clock = time.perf_counter()
            except InputError as exc:
                self._add_failure(*_unreadable_rows(item, sha, exc))
        self.summary.add_time("reading", time.perf_counter() - clock)


def _results(articles: Iterator[Article], model_name: str, version: str, engine: str, workers: int,
             scheduler: str | None, chunk_size: int, stage_timings: bool) -> Iterator[ChunkResult]:
    options = {"workers": workers, "chunk_size": chunk_size, "stage_timings": stage_timings}
    if engine == "dask":
        from .dask_engine import analyse_dask

        return analyse_dask(articles, model_name, version, scheduler=scheduler, **options)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return analyse_local(articles, model_name, version, **options)


COMMIT_EVERY = 10_000  # input files analysed between two commits of the tables


def run_pipeline(
    roots: list[Path],
    out_dir: Path,
    *,
    force: bool = False,
    workers: int = 1,
    field_mapping: Mapping[str, str] | None = None,
    model: str | None = None,
    progress: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    stage_timings: bool = False,
    commit_every: int | None = COMMIT_EVERY,
) -> RunSummary:
    """Process ``roots`` into the tables in ``out_dir``; only new or changed inputs are analysed.

    Never writes into the input folders. Memory is bounded: rows are spilled to a staging folder inside
    ``out_dir`` and each table is assembled streaming. Each table is replaced atomically; ``inputs`` is written
    last, so a run that dies midway is picked up correctly by the next one. ``engine`` is ``local`` (one
    process, or a pool of ``workers``) or ``dask`` (the cluster at ``scheduler``, else a LocalCluster);
    ``chunk_size`` articles make one task; ``stage_timings`` adds each stage's seconds to ``summary.timings``.
    With more than ``commit_every`` input files to analyse, the tables are committed after each ``commit_every``
    of them (None: once, at the end), so a run killed after hours keeps what it finished; the tables come out
    the same either way.
    """
    if commit_every is not None and commit_every < 1:
        raise ValueError(f"commit_every must be at least 1, not {commit_every}")
    started = time.perf_counter()
    total = RunSummary(out_dir=out_dir)
    committed: list[np.ndarray] = []  # keys of inputs analysed in earlier parts: "processed", not "unchanged"
    part = 0
    while True:
        part += 1
        summary, deferred = _run_part(roots, out_dir, force=force and part == 1, workers=workers,
                                      field_mapping=field_mapping, model=model, progress=progress, engine=engine,
                                      scheduler=scheduler, chunk_size=chunk_size, stage_timings=stage_timings,
                                      limit=commit_every, committed=committed, started=started, part=part)
        release_memory()  # what a commit read and wrote is freed: give it back, so the next part starts as low
        total.analysed += summary.analysed
        total.analysed_words += summary.analysed_words
        for phase, seconds in summary.timings.items():
            total.add_time(phase, seconds)
        if not deferred:
            break
    for name in ("processed", "unchanged", "duplicate", "failed", "failures", "seconds"):
        setattr(total, name, getattr(summary, name))
    return total


def _run_part(roots: list[Path], out_dir: Path, *, force: bool, workers: int,
              field_mapping: Mapping[str, str] | None, model: str | None, progress: bool, engine: str,
              scheduler: str | None, chunk_size: int, stage_timings: bool, limit: int | None,
              committed: list[np.ndarray], started: float, part: int) -> tuple[RunSummary, int]:
    """One commit of a run: analyse the inputs to read (at most ``limit`` not yet in ``committed``) and write
    the tables; returns the summary and how many inputs were left for the next part."""
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale(out_dir)
    model_name = resolve_model_name(model)
    version = pipeline_version(model_version(model_name))
    summary = RunSummary(out_dir=out_dir)

    staging = Staging(out_dir)
    try:
        found, discovery_errors = find_inputs(roots, staging.folder)
        old = _OldState.load(out_dir, version, force)
        plan = _plan(found, old, committed, limit)
        del found  # only the plan is needed from here on: a long run's main process keeps no more
        release_memory()  # what the walk and the comparison freed, so the analysis and the commit start low
        to_read, seen, deferred, kept_files = plan.to_read, plan.seen, plan.deferred, plan.kept_files

        changed = bool(len(to_read) or plan.read_failures or discovery_errors or plan.files_gone)
        if not changed:
            started_writing = time.perf_counter()
            counts = _write_inputs(out_dir, plan, [])
            if not (out_dir / "analysis.duckdb").exists():
                write_duckdb(out_dir)
            summary.add_time("writing", time.perf_counter() - started_writing)
            errors = load_table("errors", out_dir)
            return _finish(summary, out_dir, roots, model_name, version, counts, errors["message"].tolist(),
                           started), deferred

        for input_row, error_row in [*plan.read_failures, *map(_discovery_rows, discovery_errors)]:
            staging.add_rows("inputs", input_row)
            staging.add_rows("errors", error_row)
        reader = _Reader(to_read, staging, seen, old, out_dir, version, field_mapping, summary)
        failed_ids: list[str] = []
        bar = tqdm(unit="article", disable=not progress, file=sys.stderr,
                   desc="analysing" if part == 1 and not deferred else f"analysing, part {part}")
        for result in _results(iter(reader), model_name, version, engine, workers, scheduler, chunk_size,
                               stage_timings):
            for name, table in result.tables.items():
                staging.add_table(name, table)
            for source_path, record, article_id, message in result.failures:
                failed_ids.append(article_id)
                staging.add_rows("errors", _error_row(source_path, record, "analyse", "analysis_failed",
                                                      f"{input_key(source_path, record)}: analysis failed ({message})"))
            summary.analysed += result.analysed
            summary.analysed_words += result.n_words
            for phase, seconds in result.seconds.items():
                summary.add_time(phase, seconds)
            bar.update(result.analysed + len(result.failures))
        bar.close()

        started_writing = time.perf_counter()
        staging.flush()
        release_memory()  # what the analysis freed (the workers' results, staged), before the commit reads
        if _only_inputs_changed(out_dir, old, staging, reader.reused_ids, failed_ids, seen.kept, kept_files):
            # e.g. files holding duplicates, read again: every other table would be rewritten unchanged
            counts = _write_inputs(out_dir, plan, new_inputs(staging, pa.array([], pa.string())))
            if not (out_dir / "analysis.duckdb").exists():
                write_duckdb(out_dir)
            stored_errors = old_rows(out_dir, "errors")
            errors = TABLES["errors"].arrow.empty_table() if stored_errors is None else stored_errors
        else:
            # Write order matters for crash safety: derived tables, then errors, then articles (an article id
            # there promises its derived rows exist), then inputs, which commits the run.
            keep_ids = seen.kept.with_ids(reader.reused_ids)
            for name in DERIVED_TABLES:
                write_pieces(out_dir, name, table_pieces(out_dir, name, staging, keep_ids))
            errors = errors_table(out_dir, staging, kept_files)
            write_pieces(out_dir, "errors", [errors])
            write_pieces(out_dir, "articles", table_pieces(out_dir, "articles", staging, seen.kept))
            counts = _write_inputs(out_dir, plan, new_inputs(staging, pa.array(sorted(set(failed_ids)), pa.string())))
            write_duckdb(out_dir)
        summary.add_time("writing", time.perf_counter() - started_writing)
    finally:
        staging.remove()
    return _finish(summary, out_dir, roots, model_name, version, counts, errors["message"].to_pylist(),
                   started), deferred


def _plan(found: FoundFiles, old: _OldState, committed: list[np.ndarray], limit: int | None) -> _Plan:
    """Which found files to read (at most ``limit`` not in ``committed``, which grows by their keys) and which to
    keep."""
    comparison = compare_with_previous(found, old.inputs)
    kept_mask, read_mask = comparison.kept.copy(), comparison.to_read.copy()
    read_failures: list[tuple[dict, dict]] = []
    for position, item in found.items(comparison.to_hash):  # stat changed: keep it if its bytes did not
        try:
            _, sha = read_bytes(item)
        except InputError as exc:
            read_failures.append(_unreadable_rows(item, None, exc))
            continue
        if sha == comparison.recorded_sha(position):
            kept_mask[position] = True
        else:
            read_mask[position] = True

    earlier = np.sort(np.concatenate(committed)) if committed else np.empty(0, dtype=f"S{KEY_WIDTH}")
    deferred = 0
    if limit is not None:  # later inputs wait for the next part; inputs re-read every part do not count
        fresh = np.flatnonzero(read_mask & ~found.key_flags(earlier))
        if len(fresh) > limit:
            deferred = len(fresh) - limit
            read_mask[fresh[limit:]] = False
    to_read = found.where(read_mask)
    committed.append(to_read.sorted_keys())
    kept_files = found.where(kept_mask)
    input_keys = StoredValues(old.inputs, "input_key") if old.inputs is not None else None
    seen = SeenArticles(comparison.kept_articles(kept_mask), input_keys.__getitem__ if input_keys else None)
    files_gone = comparison.previous_files > len(kept_files)
    return _Plan(to_read, kept_files, earlier, seen, read_failures, deferred, files_gone)


def _write_inputs(out_dir: Path, plan: _Plan, new: list[pa.Table]) -> dict[str, int]:
    """Write the ``inputs`` table (the kept files' rows merged with ``new``, streaming); returns its outcomes'
    counts."""
    counts: dict[str, int] = {}

    def counted(pieces: Iterator[pa.Table]) -> Iterator[pa.Table]:
        for piece in pieces:
            for row in pc.value_counts(piece["outcome"]).to_pylist():
                counts[row["values"]] = counts.get(row["values"], 0) + row["counts"]
            yield piece

    write_pieces(out_dir, "inputs", counted(inputs_pieces(out_dir, plan.kept_files, plan.earlier, new)))
    return counts


def _only_inputs_changed(out_dir: Path, old: _OldState, staging: Staging, reused_ids: set[str], failed_ids: list[str],
                         kept_ids: IdLookup, kept_files: FoundFiles) -> bool:
    """True when this run leaves every table but ``inputs`` as it was: nothing analysed, reused, failed or gone."""
    if not old.valid or reused_ids or failed_ids or not old.article_ids.same_ids(kept_ids):
        return False
    if any(staging.counts.get(name) for name in ("articles", "errors", *DERIVED_TABLES)):
        return False
    errors = old_rows(out_dir, "errors", columns=["source_path", "stage"])
    if errors is None or errors.num_rows == 0:
        return True
    return bool(np.all(errors_still_valid(errors, kept_files)))


def _finish(summary: RunSummary, out_dir: Path, roots: list[Path], model_name: str, version: str,
            counts: dict[str, int], failures: list[str], started: float) -> RunSummary:
    for outcome in ("processed", "unchanged", "duplicate", "failed"):
        setattr(summary, outcome, counts.get(outcome, 0))
    summary.failures = failures
    summary.seconds = time.perf_counter() - started
    write_manifest(out_dir, {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": [str(r) for r in roots],
        "pipeline_version": version,
        "model": model_name,
        "counts": {k: getattr(summary, k) for k in ("processed", "unchanged", "duplicate", "failed")},
        "seconds": round(summary.seconds, 2),
        "arrow_allocator": arrow_allocator(),
    })
    return summary
