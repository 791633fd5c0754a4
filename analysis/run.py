"""``analysis run``: read every input, analyse only what is new or changed, and write the tables."""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from dateutil import parser as date_parser
from tqdm import tqdm

from .analyse_tables import DERIVED_TABLES, TableRows
from .article import Article
from .engine import analyse_local
from .errors import InputError, RecordError
from .inputs import InputFile, discover_inputs, input_key, read_bytes
from .model import model_version, resolve_model_name
from .readers import read_file
from .schema import TABLES
from .store import load_table, write_duckdb, write_manifest, write_table
from .version import pipeline_version


@dataclass
class RunSummary:
    """What a run did, counted per input (file, or record of a multi-record file)."""

    out_dir: Path
    processed: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    analysed: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = f" ({self.analysed / self.seconds:.1f} articles/s)" if self.analysed and self.seconds else ""
        return (f"processed {self.processed}, unchanged {self.unchanged}, duplicate {self.duplicate}, "
                f"failed {self.failed} in {self.seconds:.1f} s{rate} -> {self.out_dir}")


def _parse_published(raw: str | None) -> pd.Timestamp | None:
    if not raw:
        return None
    try:
        parsed = date_parser.parse(raw)
    except (ValueError, OverflowError):
        return None
    stamp = pd.Timestamp(parsed)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def article_row(article: Article, version: str, n_paragraphs: int) -> dict:
    """The articles-table row of one article."""
    return {
        "article_id": article.article_id,
        "source_path": article.source_path,
        "record": article.record,
        "source_format": article.source_format,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": _parse_published(article.published),
        "published_raw": article.published,
        "url": article.url,
        "text": article.text,
        "n_words": article.n_words,
        "n_paragraphs": n_paragraphs,
        "content_hash": article.content_hash,
        "pipeline_version": version,
    }


class _Tables:
    """Rows accumulated for the new tables."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in TABLES}

    def add(self, name: str, rows: list[dict] | dict) -> None:
        self.rows[name].extend(rows if isinstance(rows, list) else [rows])

    def add_input(self, item: InputFile, sha: str | None, record: int | None, outcome: str, *, fmt: str | None = None,
                  article_id: str | None = None, duplicate_of: str | None = None, encoding: str | None = None) -> None:
        self.add("inputs", {
            "input_key": input_key(item.source_path, record), "source_path": item.source_path, "record": record,
            "source_format": fmt, "outcome": outcome, "article_id": article_id, "duplicate_of": duplicate_of,
            "encoding": encoding, "file_size": item.size, "file_mtime_ns": item.mtime_ns, "file_sha256": sha,
        })

    def add_error(self, source_path: str, record: int | None, stage: str, kind: str, message: str) -> None:
        self.add("errors", {"input_key": input_key(source_path, record), "source_path": source_path,
                            "record": record, "stage": stage, "error": kind, "message": message})

    def frame(self, name: str) -> pd.DataFrame:
        columns = TABLES[name].column_names
        return pd.DataFrame(self.rows[name], columns=columns)


def _old_state(out_dir: Path, version: str, force: bool) -> tuple[pd.DataFrame, set[str]]:
    """The previous run's inputs table and its analysed article ids; empty when forced or out of date."""
    inputs = load_table("inputs", out_dir)
    if force or inputs.empty:
        return inputs.iloc[0:0], set()
    articles_path = out_dir / "articles.parquet"
    if not articles_path.exists():
        return inputs.iloc[0:0], set()
    stamped = pq.read_table(articles_path, columns=["article_id", "pipeline_version"]).to_pandas()
    if set(stamped["pipeline_version"]) - {version}:
        return inputs.iloc[0:0], set()
    return inputs, set(stamped["article_id"])


def _unchanged(item: InputFile, old_rows: pd.DataFrame, sha: str | None = None) -> bool:
    first = old_rows.iloc[0]
    if (old_rows["outcome"] == "duplicate").any() or pd.isna(first["file_sha256"]):
        return False  # a duplicate's original may have gone, an unreadable file may be readable now: look again
    if sha is not None:
        return first["file_sha256"] == sha
    return int(first["file_size"]) == item.size and int(first["file_mtime_ns"]) == item.mtime_ns


def run_pipeline(
    roots: list[Path],
    out_dir: Path,
    *,
    force: bool = False,
    workers: int = 1,
    field_mapping: Mapping[str, str] | None = None,
    model: str | None = None,
    progress: bool = True,
) -> RunSummary:
    """Process ``roots`` into the tables in ``out_dir``; only new or changed inputs are analysed.

    Never writes into the input folders. Each table is replaced atomically; ``inputs`` is written
    last, so a run that dies midway is picked up correctly by the next one.
    """
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    model_name = resolve_model_name(model)
    version = pipeline_version(model_version(model_name))
    summary = RunSummary(out_dir=out_dir)
    new = _Tables()

    files, discovery_errors = discover_inputs(roots)
    old_inputs, old_article_ids = _old_state(out_dir, version, force)
    old_by_path = {path: rows for path, rows in old_inputs.groupby("source_path", sort=False)}
    kept_paths: set[str] = set()
    seen: dict[str, str] = {}  # article_id -> input_key of the input that carries it
    to_read: list[tuple[InputFile, bytes | None, str | None]] = []

    for item in files:
        old_rows = old_by_path.get(item.source_path)
        if old_rows is not None and _unchanged(item, old_rows):
            kept_paths.add(item.source_path)
        else:
            to_read.append((item, None, None))

    # Files whose stat changed but whose bytes did not (touched, copied) are kept too.
    for position, (item, _, _) in enumerate(to_read):
        try:
            data, sha = read_bytes(item)
        except InputError as exc:
            to_read[position] = (item, None, None)
            new.add_input(item, None, None, "failed")
            new.add_error(item.source_path, None, "read", exc.kind, f"{item.source_path}: {exc.message}")
            continue
        old_rows = old_by_path.get(item.source_path)
        if old_rows is not None and _unchanged(item, old_rows, sha):
            kept_paths.add(item.source_path)
            to_read[position] = (item, None, "kept")
        else:
            to_read[position] = (item, data, sha)

    kept_inputs = old_inputs[old_inputs["source_path"].isin(kept_paths)].copy()
    kept_inputs.loc[kept_inputs["outcome"] == "processed", "outcome"] = "unchanged"
    for item in files:  # refresh the stat fields of kept files
        if item.source_path in kept_paths:
            mask = kept_inputs["source_path"] == item.source_path
            kept_inputs.loc[mask, "file_size"] = item.size
            kept_inputs.loc[mask, "file_mtime_ns"] = item.mtime_ns
    for row in kept_inputs.itertuples():
        if row.outcome == "unchanged":
            seen[row.article_id] = row.input_key
    kept_ids = set(seen)

    to_analyse: list[Article] = []
    reused: list[Article] = []
    for item, data, sha in to_read:
        if data is None:
            continue
        try:
            for entry in read_file(item.path, item.source_path, data, field_mapping):
                if isinstance(entry, RecordError):
                    new.add_input(item, sha, entry.record, "failed", fmt=None)
                    new.add_error(item.source_path, entry.record, entry.stage, entry.kind,
                                  f"{item.source_path}: {entry.message}")
                    continue
                key = input_key(item.source_path, entry.record)
                common = {"fmt": entry.source_format, "article_id": entry.article_id, "encoding": entry.encoding}
                if entry.article_id in seen:
                    new.add_input(item, sha, entry.record, "duplicate", duplicate_of=seen[entry.article_id], **common)
                    continue
                seen[entry.article_id] = key
                new.add_input(item, sha, entry.record, "processed", **common)
                (reused if entry.article_id in old_article_ids else to_analyse).append(entry)
        except InputError as exc:
            new.add_input(item, sha, None, "failed")
            new.add_error(item.source_path, None, "read", exc.kind, f"{item.source_path}: {exc.message}")
    for error in discovery_errors:
        new.add("inputs", {"input_key": error.source_path, "source_path": error.source_path, "record": None,
                           "source_format": None, "outcome": "failed", "article_id": None, "duplicate_of": None,
                           "encoding": None, "file_size": None, "file_mtime_ns": None, "file_sha256": None})
        new.add_error(error.source_path, None, "discover", error.kind, error.message)

    failed_ids: set[str] = set()
    bar = tqdm(total=len(to_analyse), unit="article", disable=not progress or not to_analyse, file=sys.stderr,
               desc="analysing")
    articles_by_id = {a.article_id: a for a in to_analyse}
    for article_id, outcome in analyse_local(to_analyse, model_name, workers=workers):
        bar.update(1)
        article = articles_by_id[article_id]
        if isinstance(outcome, str):
            failed_ids.add(article_id)
            new.add_error(article.source_path, article.record, "analyse", "analysis_failed",
                          f"{input_key(article.source_path, article.record)}: analysis failed ({outcome})")
            continue
        _add_article(new, article, outcome, version)
    bar.close()
    summary.analysed = len(to_analyse) - len(failed_ids)

    reused_ids = {a.article_id for a in reused}
    changed = bool(to_analyse or reused or new.rows["errors"] or set(old_by_path) - kept_paths
                   or any(data is not None for _, data, _ in to_read) or discovery_errors)
    tables = _assemble(out_dir, new, kept_ids, reused, reused_ids, version, failed_ids, kept_inputs, changed)
    for name, frame in tables.items():
        write_table(out_dir, name, frame)
    if changed or not (out_dir / "analysis.duckdb").exists():
        write_duckdb(out_dir)

    inputs = tables["inputs"]
    for outcome in ("processed", "unchanged", "duplicate", "failed"):
        setattr(summary, outcome, int((inputs["outcome"] == outcome).sum()))
    summary.failures = [f"{row.message}" for row in tables.get("errors", load_table("errors", out_dir)).itertuples()]
    summary.seconds = time.perf_counter() - started
    write_manifest(out_dir, {
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": [str(r) for r in roots],
        "pipeline_version": version,
        "model": model_name,
        "counts": {k: getattr(summary, k) for k in ("processed", "unchanged", "duplicate", "failed")},
        "seconds": round(summary.seconds, 2),
    })
    return summary


def _add_article(new: _Tables, article: Article, rows: TableRows, version: str) -> None:
    new.add("articles", article_row(article, version, len(rows["paragraphs"])))
    for name in DERIVED_TABLES:
        new.add(name, rows[name])


def _assemble(out_dir: Path, new: _Tables, kept_ids: set[str], reused: list[Article], reused_ids: set[str],
              version: str, failed_ids: set[str], kept_inputs: pd.DataFrame, changed: bool) -> dict[str, pd.DataFrame]:
    """The complete new tables: kept rows of earlier runs plus this run's rows, sorted."""
    inputs = new.frame("inputs")
    if failed_ids:
        failing = inputs["article_id"].isin(failed_ids) & (inputs["outcome"] == "processed")
        inputs.loc[failing, "outcome"] = "failed"
    inputs = pd.concat([kept_inputs, inputs], ignore_index=True) if not kept_inputs.empty else inputs
    if not changed:
        return {"inputs": _sorted("inputs", inputs)}

    keep = kept_ids | reused_ids
    tables: dict[str, pd.DataFrame] = {}
    old_articles = load_table("articles", out_dir)
    reused_rows = old_articles[old_articles["article_id"].isin(reused_ids)].set_index("article_id")
    for article in reused:
        new.add("articles", article_row(article, version, int(reused_rows.loc[article.article_id, "n_paragraphs"])))
    old_articles = old_articles[old_articles["article_id"].isin(kept_ids)]
    # Write order matters for crash safety: derived tables, then errors, then articles (an article id there
    # promises its derived rows exist), then inputs, which commits the run.
    for name in DERIVED_TABLES:
        old = load_table(name, out_dir)
        tables[name] = _sorted(name, _concat(old[old["article_id"].isin(keep)], new.frame(name)))
    kept_paths = set(kept_inputs["source_path"])
    old_errors = load_table("errors", out_dir)
    old_errors = old_errors[old_errors["source_path"].isin(kept_paths) & (old_errors["stage"] != "discover")]
    tables["errors"] = _sorted("errors", _concat(old_errors, new.frame("errors")))
    tables["articles"] = _sorted("articles", _concat(old_articles, new.frame("articles")))
    tables["inputs"] = _sorted("inputs", inputs)
    return tables


def _concat(old: pd.DataFrame, fresh: pd.DataFrame) -> pd.DataFrame:
    frames = [f for f in (old, fresh) if not f.empty]
    if not frames:
        return fresh
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)


def _sorted(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(TABLES[name].sort_by), kind="stable", na_position="first").reset_index(drop=True)
