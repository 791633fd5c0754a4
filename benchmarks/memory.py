"""Peak memory of a child process and its own children, sampled while it runs."""

from __future__ import annotations

import subprocess
import time

import psutil


def wait_sampling_rss(process: subprocess.Popen, interval: float = 0.2, timeline: list[dict] | None = None,
                      every: float = 60.0) -> int:
    """Wait for ``process`` to end; the largest summed RSS (bytes) of it and its children seen every ``interval``.

    With ``timeline``, append for each ``every`` seconds of the run the largest RSS (MB) seen in it of the whole
    tree, of the process itself and of its largest child, so that growth over a long run shows, and where.
    """
    peak = 0
    watched = psutil.Process(process.pid)
    started = time.perf_counter()
    window_tree = window_main = window_child = 0
    window_end = every
    while process.poll() is None:
        try:
            main = watched.memory_info().rss
            children = [p.memory_info().rss for p in watched.children(recursive=True) if p.is_running()]
            peak = max(peak, main + sum(children))
            window_tree = max(window_tree, main + sum(children))
            window_main = max(window_main, main)
            window_child = max(window_child, 0, *children)
        except psutil.Error:
            pass
        elapsed = time.perf_counter() - started
        if timeline is not None and elapsed >= window_end:
            timeline.append({"until_s": round(window_end), "tree_mb": round(window_tree / 2**20),
                             "main_mb": round(window_main / 2**20), "largest_child_mb": round(window_child / 2**20)})
            window_tree = window_main = window_child = 0
            window_end += every
        time.sleep(interval)
    return peak
