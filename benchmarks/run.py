"""The benchmark suite: ``.venv/bin/python -m benchmarks.run --sizes 1000 10000``.

For each size N it takes the first N Congress press releases from ``../shared/corpora/bulk`` (one .txt file per
article) and measures, each in a fresh process: a bare ``nlp.pipe`` over the same texts with the same model; the
whole pipeline on one worker (with per-stage timers); an unchanged rerun through the CLI; the pipeline on two
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

from benchmarks.corpus import BULK, ROOT, write_corpus
from benchmarks.report import render

TABLE_FILES = ("articles", "paragraphs", "sentences", "entities", "errors", "inputs")


def child(task: str, log: Path, **kwargs) -> dict:
    """Run a task in a fresh process, sampling the RSS of it and its children; its JSON result plus the peak."""
    with open(log, "a", encoding="utf-8") as errors, tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen([sys.executable, "-m", "benchmarks.tasks", task, json.dumps(kwargs)],
                                   cwd=ROOT, stdout=output, stderr=errors, text=True)
        peak = 0
        watched = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)
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


def bench_size(n: int, work: Path, workers: list[int], dask: bool, log: Path) -> dict:
    folder = work / f"n{n}"
    print(f"== {n} articles: writing the corpus to {folder}", flush=True)
    raw = write_corpus(n, folder)
    result: dict = {"size": n, "load_before": os.getloadavg()}
    print("   bare nlp.pipe ...", flush=True)
    result["bare"] = child("bare", log, n=n)
    tables: dict[str, str] = {}
    for count in workers:
        out = folder / f"out-w{count}"
        print(f"   pipeline, {count} worker(s) ...", flush=True)
        result[f"w{count}"] = child("run", log, raw=str(raw), out=str(out), workers=count, stages=count == 1)
        tables[f"w{count}"] = json.dumps(digests(out))
        if count == 1:
            print("   unchanged rerun ...", flush=True)
            result["rerun"] = rerun(raw, out, log)
    if dask:
        print("   dask LocalCluster, 2 workers ...", flush=True)
        result["dask"] = child("run", log, raw=str(raw), out=str(folder / "out-dask"), workers=2, engine="dask")
        tables["dask"] = json.dumps(digests(folder / "out-dask"))
    result["identical"] = len(set(tables.values())) == 1  # every table file, byte for byte
    result["load_after"] = os.getloadavg()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Throughput, scaling, rerun and memory benchmarks.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="articles per benchmark")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to time (1 first)")
    parser.add_argument("--dask", action="store_true", help="also time a two-worker Dask LocalCluster")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "analysis-benchmarks",
                        help="where corpora and outputs go (default: $TMPDIR/analysis-benchmarks)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md", help="the Markdown report")
    parser.add_argument("--no-write", action="store_true", help="print only; do not write the report")
    args = parser.parse_args(argv)
    if not BULK.exists():
        print(f"benchmarks: {BULK} is absent (the ../shared corpora); nothing to measure", file=sys.stderr)
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    log = args.work / "benchmarks.log"
    started = datetime.now(UTC)
    results = [bench_size(n, args.work, sorted(set(args.workers)), args.dask, log) for n in args.sizes]
    info = {"started": started.isoformat(timespec="minutes"), "machine": machine(),
            "command": " ".join([".venv/bin/python -m benchmarks.run", *sys.argv[1:]] if argv is None else argv)}
    (args.work / "results.json").write_text(json.dumps({"info": info, "results": results}, indent=2))
    text = render(info, results)
    print(text)
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} (raw figures: {args.work / 'results.json'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
