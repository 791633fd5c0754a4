"""The benchmark suite: ``.venv/bin/python -m benchmarks.run --sizes 1000 10000``.

For each size N it takes the first N Congress press releases from ``../shared/corpora/bulk`` (one .txt file per
article) and measures, each in a fresh process: a bare ``nlp.pipe`` over the same texts with the same model; the
whole pipeline on one worker (with per-stage timers); the pipeline on two workers; the bare pass again (the
machine's speed drifts, so the bare passes bracket the pipeline's); with ``--dask`` the pipeline on a two-worker
Dask LocalCluster; an unchanged rerun through the CLI. ``--repeat N`` runs the timed parts in N interleaved
rounds; each part is reported by its fastest run (noise only adds time), with every run's seconds beside it.
It prints the figures and writes ``docs/benchmarks.md`` (``--out``). When the corpus is absent it says so and
exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

from analysis.analyse_tables import DERIVED_TABLES
from benchmarks.corpus import BULK, ROOT, write_corpus
from benchmarks.memory import wait_sampling_rss
from benchmarks.report import render

TABLE_FILES = ("inputs", "articles", "errors", *DERIVED_TABLES)


def child(task: str, log: Path, **kwargs) -> dict:
    """Run a task in a fresh process, sampling the RSS of it and its children; its JSON result plus the peak."""
    with open(log, "a", encoding="utf-8") as errors, tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen([sys.executable, "-m", "benchmarks.tasks", task, json.dumps(kwargs)],
                                   cwd=ROOT, stdout=output, stderr=errors, text=True)
        peak = wait_sampling_rss(process)
        output.seek(0)
        lines = output.read().strip().splitlines()
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark task {task} failed (exit {process.returncode}); see {log}")
    return {**json.loads(lines[-1]), "sampled_peak_mb": round(peak / 2**20, 1)}


def rerun(raw: Path, out: Path, log: Path) -> dict:
    """An unchanged rerun as a user runs it: the CLI, process start-up included."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "analysis.cli", "run", str(raw), "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(done.stdout + done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"unchanged rerun failed; see {log}")
    return {"seconds": seconds, "summary": done.stdout.strip().splitlines()[-1]}


def digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / f"{name}.parquet").read_bytes()).hexdigest() for name in TABLE_FILES}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    import spacy

    from analysis.model import model_version

    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "spacy": spacy.__version__, "model": model_version()}


PARTS = ("bare", "w1", "rerun", "w2", "dask")


def fastest_of(runs: list[dict]) -> dict:
    """The fastest of a part's runs (the machine's noise only ever adds time), with the highest peak memory of
    them all, so that repeating a part never flatters its memory figure."""
    best = dict(min(runs, key=lambda run: run["seconds"]))
    for key in ("peak_rss_mb", "sampled_peak_mb"):
        if any(key in run for run in runs):
            best[key] = max(run.get(key, 0.0) for run in runs)
    return best


def bench_size(n: int, work: Path, parts: set[str], log: Path, previous: dict | None = None,
               repeat: int = 1) -> dict:
    """Run the chosen parts for one size; results of parts not run now are kept from ``previous``.

    With ``repeat`` > 1 the timed parts (bare, one worker, two workers) run that many rounds, interleaved, and each
    is reported by its fastest run; every run's seconds are kept under ``runs``.
    """
    folder = work / f"n{n}"
    print(f"== {n} articles: corpus in {folder}", flush=True)
    raw = write_corpus(n, folder)
    result: dict = dict(previous or {}, size=n)
    result.setdefault("load", {})
    result.setdefault("tables", {})
    runs: dict[str, list[dict]] = {}
    tables: dict[str, set[str]] = {}

    def measure(part: str, label: str, task: str, out: Path | None = None, **kwargs) -> None:
        print(f"   {label} ...", flush=True)
        before = os.getloadavg()
        run = child(task, log, **kwargs, **({"out": str(out)} if out else {}))
        run["load"] = [before, os.getloadavg()]
        runs.setdefault(part, []).append(run)
        if out is not None:
            tables.setdefault(part, set()).add(json.dumps(digests(out), sort_keys=True))

    for round_number in range(1, repeat + 1):
        suffix = f" (round {round_number} of {repeat})" if repeat > 1 else ""
        if "bare" in parts:
            measure("bare", "bare nlp.pipe" + suffix, "bare", n=n)
        if "w1" in parts:
            measure("w1", "pipeline, 1 worker" + suffix, "run", out=folder / "out-w1", raw=str(raw), workers=1,
                    stages=True)
        if "w2" in parts:
            measure("w2", "pipeline, 2 workers" + suffix, "run", out=folder / "out-w2", raw=str(raw), workers=2)
    if "bare" in parts and "w1" in parts:  # the machine's speed drifts: the bare passes bracket the pipeline's
        measure("bare", "bare nlp.pipe, again", "bare", n=n)
    if "dask" in parts:
        measure("dask", "dask LocalCluster, 2 workers", "run", out=folder / "out-dask", raw=str(raw), workers=2,
                engine="dask")
    for part, part_runs in runs.items():
        result[part] = fastest_of(part_runs)
        result["load"][part] = result[part].pop("load")
        result.setdefault("runs", {})[part] = [round(run["seconds"], 1) for run in part_runs]
    result.pop("bare_runs", None)  # the mean of two bare passes, as reported before runs were repeated
    if "rerun" in parts and (folder / "out-w1" / "inputs.parquet").exists():
        print("   unchanged rerun ...", flush=True)
        result["rerun"] = rerun(raw, folder / "out-w1", log)
    for part, digest_sets in tables.items():
        result["tables"][part] = json.loads(next(iter(digest_sets))) if len(digest_sets) == 1 else None
    if len(result["tables"]) > 1:
        values = list(result["tables"].values())
        result["identical"] = None not in values and len({json.dumps(d, sort_keys=True) for d in values}) == 1
    return result


NOTES_MARK = "<!-- notes: written by hand, kept when benchmarks.run rewrites the figures above -->"


def kept_notes(report: Path) -> str:
    """The hand-written part of an existing report, from ``NOTES_MARK`` on (empty when there is none)."""
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    return "\n" + text[text.index(NOTES_MARK):] if NOTES_MARK in text else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Throughput, scaling, rerun and memory benchmarks.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="articles per benchmark")
    parser.add_argument("--parts", default=",".join(PARTS[:4]),
                        help=f"comma-separated parts to run per size, of {', '.join(PARTS)} (default: all but dask); "
                        "figures of parts not run are kept from earlier runs in --work")
    parser.add_argument("--dask", action="store_true", help="also time a two-worker Dask LocalCluster")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "analysis-benchmarks",
                        help="where corpora and outputs go (default: $TMPDIR/analysis-benchmarks)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md", help="the Markdown report")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of the timed parts (bare, w1, w2); each is reported by its fastest run")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write the report")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if not BULK.exists():
        print(f"benchmarks: {BULK} is absent (the ../shared corpora); nothing to measure", file=sys.stderr)
        return 0
    parts = {p.strip() for p in args.parts.split(",") if p.strip()} | ({"dask"} if args.dask else set())
    if parts - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(parts - set(PARTS)))}")
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "benchmarks.log"
    store = args.work / "results.json"
    saved = json.loads(store.read_text()) if store.exists() else {"results": {}}
    command = " ".join([".venv/bin/python -m benchmarks.run", *(sys.argv[1:] if argv is None else argv)])
    for n in args.sizes:
        saved["results"][str(n)] = bench_size(n, args.work, parts, log, saved["results"].get(str(n)),
                                               args.repeat)
        saved["results"][str(n)]["command"] = command
        saved["results"][str(n)]["finished"] = datetime.now(UTC).isoformat(timespec="minutes")
        store.write_text(json.dumps(saved, indent=2))
    info = {"machine": machine(), "commands": sorted({r["command"] for r in saved["results"].values()})}
    results = [saved["results"][key] for key in sorted(saved["results"], key=int)]
    text = render(info, results)
    print(text)
    if not args.no_write:
        args.out.write_text(text + kept_notes(args.out), encoding="utf-8")
        print(f"wrote {args.out} (raw figures: {store})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
