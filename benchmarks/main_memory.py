"""The main process's memory from commit to commit: ``.venv/bin/python -m benchmarks.main_memory``.

Writes the first N Congress press releases of ``../shared`` as one file each (``benchmarks.corpus``), then runs
``analysis run --workers 2 --commit-every K`` on them through the CLI once for each Arrow allocator asked for
(``ARROW_DEFAULT_MEMORY_POOL``; ``default`` leaves the command line's own choice), sampling the RSS of the main
process, the one that reads, stages and commits the tables. A part of the run ends when its ``run.json`` is written,
after its tables and views; for each part of the run it prints the lowest RSS the main process came back to after that
commit (what it kept) and the highest it reached before. Kept memory that climbs part after part is what a long run
would pile up. Each run's figures go to ``<work>/n<N>/main_memory-<allocator>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

import psutil

from analysis.memory import ARROW_POOL_VARIABLE
from benchmarks.corpus import BULK, ROOT, write_corpus

ALLOCATORS = ("default", "mimalloc", "system", "jemalloc")


def _mb(value: int) -> int:
    return round(value / 2**20)


def _anonymous(info: object) -> int | None:
    """Resident memory not backed by a file (on Linux: RSS less shared pages), or None where psutil lacks it."""
    shared = getattr(info, "shared", None)
    return None if shared is None else info.rss - shared  # type: ignore[attr-defined]


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return None


def sample_stretches(process: subprocess.Popen, out: Path, interval: float = 0.2) -> list[dict]:
    """Wait for ``process`` to end; for the stretch before the first commit and after each commit, the main
    process's lowest and highest RSS (MB), and the same for its anonymous memory where the platform reports it."""
    watched = psutil.Process(process.pid)
    marker = out / "run.json"  # written as each part ends, after its tables and DuckDB views
    last_commit = _mtime(marker)
    stretches: list[dict] = [{}]
    started = time.perf_counter()
    while process.poll() is None:
        try:
            info = watched.memory_info()
        except psutil.Error:
            break
        stamp = _mtime(marker)
        if stamp != last_commit:  # a commit finished: from here on is what the process kept, then the next part
            last_commit = stamp
            stretches[-1]["until_s"] = round(time.perf_counter() - started)
            stretches.append({})
        current = stretches[-1]
        anon = _anonymous(info)
        current["low_rss_mb"] = min(current.get("low_rss_mb", 1 << 30), _mb(info.rss))
        current["high_rss_mb"] = max(current.get("high_rss_mb", 0), _mb(info.rss))
        if anon is not None:
            current["low_anon_mb"] = min(current.get("low_anon_mb", 1 << 30), _mb(anon))
            current["high_anon_mb"] = max(current.get("high_anon_mb", 0), _mb(anon))
        time.sleep(interval)
    stretches[-1]["until_s"] = round(time.perf_counter() - started)
    return stretches


def by_commit(stretches: list[dict]) -> list[dict]:
    """Per commit: the highest RSS of the part it ends (analysis and commit) and the lowest after it (kept)."""
    return [{"commit": k, "highest_rss_mb": before.get("high_rss_mb"), "kept_rss_mb": after.get("low_rss_mb"),
             "kept_anon_mb": after.get("low_anon_mb"), "at_s": before.get("until_s")}
            for k, (before, after) in enumerate(pairwise(stretches), start=1)]


def measure(raw: Path, folder: Path, allocator: str, workers: int, commit_every: int) -> dict:
    """One run through the CLI with ``allocator``; its seconds, summary line and per-part main-process memory."""
    out = folder / f"out-main-memory-{allocator}"
    if out.exists():
        shutil.rmtree(out)
    env = dict(os.environ)
    env.pop(ARROW_POOL_VARIABLE, None)
    if allocator != "default":
        env[ARROW_POOL_VARIABLE] = allocator
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "analysis.cli", "run", str(raw), "--out", str(out),
                                "--workers", str(workers), "--commit-every", str(commit_every), "--quiet"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    stretches = sample_stretches(process, out)
    output = process.stdout.read() if process.stdout else ""
    process.wait()
    manifest = out / "run.json"
    used = json.loads(manifest.read_text()).get("arrow_allocator") if manifest.exists() else None
    lines = output.strip().splitlines()
    return {"allocator": allocator, "arrow_allocator": used, "exit": process.returncode,
            "seconds": round(time.perf_counter() - started, 1), "summary": lines[-1] if lines else "",
            "workers": workers, "commit_every": commit_every, "commits": by_commit(stretches),
            "stretches": stretches}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "analysis-benchmarks",
                        help="where the corpus and the tables go")
    parser.add_argument("--files", type=int, default=4000, help="how many releases (default 4,000)")
    parser.add_argument("--commit-every", type=int, default=1000, help="files per commit (default 1,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chars", type=int, default=None,
                        help="cut each release to its first N characters: many files, little text, so that what "
                             "grows with the number of files shows in minutes (default: whole releases)")
    parser.add_argument("--copies", type=int, default=1,
                        help="write the releases this many times, each copy a distinct article (default 1): more "
                             "files than the bulk corpus holds")
    parser.add_argument("--allocator", nargs="+", choices=ALLOCATORS, default=["default", "mimalloc"],
                        help="Arrow allocators to compare (default: the command line's choice, then mimalloc)")
    args = parser.parse_args(argv)
    if not BULK.exists():
        print(f"the bulk corpus is absent ({BULK}): nothing to measure")
        return 0
    folder = args.work / ((f"n{args.files}" if args.chars is None else f"n{args.files}-c{args.chars}")
                          + ("" if args.copies == 1 else f"-x{args.copies}"))
    raw = write_corpus(args.files, folder, chars=args.chars, copies=args.copies)
    failed = False
    for allocator in args.allocator:
        print(f"== {args.files * args.copies} files, a commit every {args.commit_every}, Arrow allocator "
              f"{allocator}", flush=True)
        result = measure(raw, folder, allocator, args.workers, args.commit_every)
        (folder / f"main_memory-{allocator}.json").write_text(json.dumps(result, indent=1))
        print(f"   {result['summary']} ({result['seconds']} s; allocator in run.json: {result['arrow_allocator']})")
        print("   commit  at s  highest RSS MB  kept RSS MB  kept anon MB")
        for row in result["commits"]:
            shown = {key: "-" if value is None else value for key, value in row.items()}
            print(f"   {shown['commit']:>6}  {shown['at_s']:>4}  {shown['highest_rss_mb']:>14}"
                  f"  {shown['kept_rss_mb']:>11}  {shown['kept_anon_mb']:>12}")
        failed = failed or result["exit"] != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
