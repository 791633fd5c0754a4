"""The benchmark suite: ``.venv/bin/python -m benchmarks.run --sizes 1000 10000``.

For each size N it takes the first N Congress press releases from ``../shared/corpora/bulk`` (one .txt file per
article) and measures, each in a fresh process: a bare ``nlp.pipe`` over the same texts with the same model; the
whole pipeline on one worker (with per-stage timers), then the bare pass again (the ratio is to the mean of
the two, as the machine's speed drifts); an unchanged rerun through the CLI; the pipeline on two
workers (and with ``--dask`` on a two-worker Dask LocalCluster). It prints the figures and writes
``docs/benchmarks.md`` (``--out``). When the corpus is absent it says so and exits 0.
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


def bench_size(n: int, work: Path, parts: set[str], log: Path, previous: dict | None = None) -> dict:
    """Run the chosen parts for one size; results of parts not run now are kept from ``previous``."""
    folder = work / f"n{n}"
    print(f"== {n} articles: corpus in {folder}", flush=True)
    raw = write_corpus(n, folder)
    result: dict = dict(previous or {}, size=n)
    result.setdefault("load", {})
    result.setdefault("tables", {})

    def measure(part: str, label: str, task: str, **kwargs) -> None:
        print(f"   {label} ...", flush=True)
        before = os.getloadavg()
        result[part] = child(task, log, **kwargs)
        result["load"][part] = [before, os.getloadavg()]

    if "bare" in parts:
        measure("bare", "bare nlp.pipe", "bare", n=n)
    if "w1" in parts:
        out = folder / "out-w1"
        measure("w1", "pipeline, 1 worker", "run", raw=str(raw), out=str(out), workers=1, stages=True)
        result["tables"]["w1"] = digests(out)
    if "bare" in parts and "w1" in parts:  # the machine's speed drifts: the bare pass brackets the pipeline's
        first = result["bare"]
        measure("bare", "bare nlp.pipe, again", "bare", n=n)
        result["bare_runs"] = [first, result["bare"]]
        result["bare"] = dict(result["bare"], seconds=(first["seconds"] + result["bare"]["seconds"]) / 2)
    if "rerun" in parts and (folder / "out-w1" / "inputs.parquet").exists():
        print("   unchanged rerun ...", flush=True)
        result["rerun"] = rerun(raw, folder / "out-w1", log)
    if "w2" in parts:
        out = folder / "out-w2"
        measure("w2", "pipeline, 2 workers", "run", raw=str(raw), out=str(out), workers=2)
        result["tables"]["w2"] = digests(out)
    if "dask" in parts:
        out = folder / "out-dask"
        measure("dask", "dask LocalCluster, 2 workers", "run", raw=str(raw), out=str(out), workers=2, engine="dask")
        result["tables"]["dask"] = digests(out)
    if len(result["tables"]) > 1:
        result["identical"] = len({json.dumps(d, sort_keys=True) for d in result["tables"].values()}) == 1
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
    parser.add_argument("--no-write", action="store_true", help="print only; do not write the report")
    args = parser.parse_args(argv)
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
        saved["results"][str(n)] = bench_size(n, args.work, parts, log, saved["results"].get(str(n)))
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
