"""Benchmark tasks, each run in a fresh child process: ``python -m benchmarks.tasks TASK JSON``.

Prints one JSON line with the result. A fresh process per task keeps peak-memory figures separate.
"""

from __future__ import annotations

import importlib
import json
import resource
import sys
import time
from pathlib import Path

from benchmarks.corpus import records


def _peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_children_mb": round(children, 1)}


def bare(n: int, model: str | None = None, batch_size: int | None = None) -> dict:
    """A bare ``nlp.pipe`` over the same texts with the same model (as shipped: no extra component)."""
    from analysis.article import normalise_text
    from analysis.engine import BATCH_SIZE
    from analysis.model import resolve_model_name

    texts = [normalise_text(r["text"]) for r in records(n)]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    nlp = importlib.import_module(resolve_model_name(model)).load()
    nlp.max_length = 2_000_000
    load_seconds = time.perf_counter() - started
    for _ in nlp.pipe(texts[:8]):  # warm-up, as the pipeline's first chunk pays it too
        pass
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size or BATCH_SIZE):
        pass
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "words": words, "seconds": seconds, "load_seconds": load_seconds,
            "components": nlp.pipe_names, **_peak_mb()}


def run(raw: str, out: str, workers: int = 1, engine: str = "local", stages: bool = False,
        force: bool = True) -> dict:
    """The whole pipeline, as ``analysis run`` does it (the same allocator settings first); with ``stages``,
    per-stage timings of analyse_doc."""
    from analysis.memory import prepare_main_process

    prepare_main_process()
    from analysis.run import run_pipeline

    started = time.perf_counter()
    summary = run_pipeline([Path(raw)], Path(out), workers=workers, engine=engine, force=force, progress=False,
                           stage_timings=stages)
    seconds = time.perf_counter() - started
    result = {"seconds": seconds, "analysed": summary.analysed, "words": summary.analysed_words,
              "processed": summary.processed, "unchanged": summary.unchanged, "duplicate": summary.duplicate,
              "failed": summary.failed, "timings": summary.timings, **_peak_mb()}
    return result


TASKS = {"bare": bare, "run": run}

if __name__ == "__main__":
    result = TASKS[sys.argv[1]](**json.loads(sys.argv[2]))
    print(json.dumps(result))
