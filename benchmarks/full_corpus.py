"""The whole bulk corpus end to end, over one or more sittings: ``.venv/bin/python -m benchmarks.full_corpus``.

Writes every Congress press release of ``../shared/corpora/bulk`` as one file (``benchmarks.corpus``), then runs
``analysis run --workers N`` on them through the CLI, as a user would, sampling the RSS of the process tree. The
run commits its tables every 10,000 files, so a sitting that is stopped keeps the parts it finished and running
this again goes on from there, as long as the pipeline version is the same (run it from a fixed export of the
code). Each sitting is appended to ``<work>/n<N>/sittings.json``; when the run is complete it prints the totals:
the sittings' time, the peak memory, articles and words from the tables.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

from analysis.model import model_version
from analysis.version import pipeline_version
from benchmarks.corpus import BULK, ROOT, write_corpus
from benchmarks.memory import wait_sampling_rss


def corpus_size(source: Path = BULK) -> int:
    """The number of records with text in the bulk corpus."""
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip() and (json.loads(line).get("text") or "").strip())


def _children_cpu_seconds() -> float:
    """User and system CPU seconds of this process's ended children and their own waited-for children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sitting(raw: Path, out: Path, workers: int, log: Path) -> dict:
    """One ``analysis run`` through the CLI: its seconds (wall and CPU), exit code, last output line, peak RSS and
    the largest RSS of the tree, of the main process and of its largest worker in each minute.

    The CPU seconds of the process tree do not grow when other work shares the machine, the wall seconds do.
    """
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    cpu_before = _children_cpu_seconds()
    with open(log, "a", encoding="utf-8") as output:
        process = subprocess.Popen([sys.executable, "-m", "analysis.cli", "run", str(raw), "--out", str(out),
                                    "--workers", str(workers), "--quiet"], cwd=ROOT, stdout=output,
                                   stderr=subprocess.STDOUT, text=True)
        timeline: list[dict] = []
        peak = wait_sampling_rss(process, interval=1.0, timeline=timeline)
    cpu = _children_cpu_seconds() - cpu_before
    lines = log.read_text(encoding="utf-8").strip().splitlines()
    return {"started": started_at, "seconds": round(time.perf_counter() - started, 1),
            "cpu_seconds": round(cpu, 1),
            "exit": process.returncode, "summary": lines[-1] if lines else "", "peak_mb": round(peak / 2**20, 1),
            "workers": workers, "pipeline_version": pipeline_version(model_version()),
            "rss_by_minute": timeline}


def totals(out: Path, sittings: list[dict]) -> dict:
    """The whole run's figures: the sittings of this pipeline version, and the articles and words in the tables."""
    version = pipeline_version(model_version())
    mine = [s for s in sittings if s["pipeline_version"] == version]
    articles = pq.read_table(out / "articles.parquet", columns=["n_words"])
    seconds = sum(s["seconds"] for s in mine)
    cpu_seconds = sum(s.get("cpu_seconds", 0.0) for s in mine)
    words = int(sum(articles.column("n_words").to_pylist()))
    return {"sittings": len(mine), "seconds": round(seconds, 1), "hours": round(seconds / 3600, 2),
            "cpu_seconds": round(cpu_seconds, 1),
            "articles": articles.num_rows, "words": words, "words_per_second": round(words / seconds),
            "articles_per_second": round(articles.num_rows / seconds, 2),
            "peak_mb": max(s["peak_mb"] for s in mine), "last_summary": mine[-1]["summary"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "analysis-benchmarks",
                        help="where the corpus and the tables go")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N releases (default: all)")
    args = parser.parse_args(argv)
    if not BULK.exists():
        print(f"the bulk corpus is absent ({BULK}): nothing to measure")
        return 0
    n = args.limit or corpus_size()
    folder = args.work / f"n{n}"
    print(f"== {n} articles: corpus in {folder}", flush=True)
    raw = write_corpus(n, folder)
    out = folder / "out-full"
    record = folder / "sittings.json"
    sittings = json.loads(record.read_text()) if record.exists() else []
    print(f"   analysis run --workers {args.workers} (sitting {len(sittings) + 1}) ...", flush=True)
    sittings.append(sitting(raw, out, args.workers, folder / "full_run.log"))
    record.write_text(json.dumps(sittings, indent=1))
    print(f"   {sittings[-1]['summary']} ({sittings[-1]['seconds']} s, peak {sittings[-1]['peak_mb']} MB)")
    if sittings[-1]["exit"] != 0:
        print(f"   the sitting ended with exit code {sittings[-1]['exit']}; run this again to go on")
        return 1
    print(json.dumps(totals(out, sittings), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
