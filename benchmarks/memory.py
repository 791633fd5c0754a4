"""Peak memory of a child process and its own children, sampled while it runs."""

from __future__ import annotations

import subprocess
import time

import psutil


def wait_sampling_rss(process: subprocess.Popen, interval: float = 0.2) -> int:
    """Wait for ``process`` to end; the largest summed RSS (bytes) of it and its children seen every ``interval``."""
    peak = 0
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(interval)
    return peak
