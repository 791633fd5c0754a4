"""Keeping the main process of a long run small: the allocator Arrow uses, and giving freed memory back.

Arrow's default allocator in the pyarrow wheels (mimalloc) keeps pages its I/O threads freed, so a run's main
process, which reads, stages and commits the tables, grew from commit to commit; with the C heap (``malloc``),
trimmed after each commit and held to two arenas, it stays lower and grows far less (docs/benchmarks.md).
Arrow picks its allocator once, from ``ARROW_DEFAULT_MEMORY_POOL``, when pyarrow is first imported, so the command
line asks for the C heap before it imports anything that uses Arrow; the worker processes it starts inherit it.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ARROW_POOL_VARIABLE = "ARROW_DEFAULT_MEMORY_POOL"
ARENA_VARIABLE = "MALLOC_ARENA_MAX"
M_ARENA_MAX = -8  # glibc's mallopt parameter for the most arenas the C heap may create
MAIN_PROCESS_ARENAS = 2
MMAP_THRESHOLD_VARIABLE = "MALLOC_MMAP_THRESHOLD_"
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter for the size from which a block gets a mapping of its own
MAIN_PROCESS_MMAP_THRESHOLD = 256 << 10
ANALYSIS_MMAP_THRESHOLD = 32 << 20  # the ceiling of glibc's own sliding threshold, where a parsing process ends up


def prepare_main_process() -> None:
    """Before a run: Arrow on the C heap (inherited by the workers) and, in this process, few heap arenas whose
    large blocks go back to the system when freed."""
    prefer_system_allocator()
    limit_heap_arenas()
    fix_mmap_threshold()


def prefer_system_allocator() -> bool:
    """Have Arrow allocate from the C heap in this process and those it starts, unless the user chose a pool.

    Returns True when the choice can still take effect (pyarrow not imported yet).
    """
    if "pyarrow" in sys.modules:
        return False
    os.environ.setdefault(ARROW_POOL_VARIABLE, "system")
    return True


def limit_heap_arenas(arenas: int = MAIN_PROCESS_ARENAS) -> bool:
    """On glibc, let this process's C heap create at most ``arenas`` arenas, unless ``MALLOC_ARENA_MAX`` is set.

    Each thread that allocates may get an arena of its own (up to eight per core), and memory freed in one stays
    there; Arrow's reading and writing threads left the main process keeping more after every commit. Call it
    before those threads start. Returns True when the limit was set.
    """
    mallopt = _libc_function("mallopt")
    if mallopt is None or ARENA_VARIABLE in os.environ:
        return False
    return mallopt(M_ARENA_MAX, arenas) == 1


def fix_mmap_threshold(threshold: int = MAIN_PROCESS_MMAP_THRESHOLD) -> bool:
    """On glibc, give every block of ``threshold`` bytes or more a mapping of its own, unmapped when it is freed,
    unless ``MALLOC_MMAP_THRESHOLD_`` is set. Returns True when the threshold was set.

    By default glibc raises this threshold to the size of each such block freed (up to 32 MB), and from then on
    Arrow's buffers of a few MB (a row group being read, filtered, sorted and written) come from the heap, where
    they stay resident after they are freed; the main process's highest RSS then rose with every row group a
    commit went through (docs/benchmarks.md). The workers are separate processes and keep glibc's default.
    """
    mallopt = _libc_function("mallopt")
    if mallopt is None or MMAP_THRESHOLD_VARIABLE in os.environ:
        return False
    return mallopt(M_MMAP_THRESHOLD, threshold) == 1


@contextmanager
def heap_for_analysis() -> Iterator[None]:
    """While this process parses and analyses articles itself (one local worker), serve blocks of up to 32 MB from
    the heap, as glibc's sliding threshold comes to do in a worker; then the main process's threshold again.

    spaCy allocates and frees arrays of several MB per batch: with every block of 256 KB or more mapped afresh, a
    one-worker run took three and a half times the page faults and about 6 % longer (docs/benchmarks.md). Does
    nothing when ``MALLOC_MMAP_THRESHOLD_`` is set or off glibc. Leaves the threshold at the main process's.
    """
    mallopt = _libc_function("mallopt")
    if mallopt is None or MMAP_THRESHOLD_VARIABLE in os.environ:
        yield
        return
    mallopt(M_MMAP_THRESHOLD, ANALYSIS_MMAP_THRESHOLD)
    try:
        yield
    finally:
        mallopt(M_MMAP_THRESHOLD, MAIN_PROCESS_MMAP_THRESHOLD)


def arrow_allocator() -> str:
    """The name of the allocator Arrow uses in this process (``system``, ``mimalloc`` or ``jemalloc``)."""
    import pyarrow as pa

    return pa.default_memory_pool().backend_name


def release_memory() -> None:
    """Return freed memory to the system: Arrow's pool and, on glibc, the C heap (``malloc_trim``).

    Without it the main process keeps the high-water mark of every commit, which grows with the store.
    """
    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    trim = _libc_function("malloc_trim")
    if trim is not None:
        trim(0)


def _libc_function(name: str) -> Callable[..., int] | None:
    """glibc's function ``name`` on Linux, else None; the process's own symbols hold libc's (no library search)."""
    if not sys.platform.startswith("linux"):
        return None
    return getattr(ctypes.CDLL(None), name, None)
