"""The main process's memory settings: chosen before Arrow loads, and a user's own settings kept."""

from __future__ import annotations

import subprocess
import sys

from analysis.memory import fix_mmap_threshold, limit_heap_arenas


def test_importing_the_package_and_its_command_line_leaves_pyarrow_unloaded():
    """Arrow reads its allocator once, when first imported: the command line must still be able to choose it."""
    code = "import sys, analysis, analysis.cli; print('pyarrow' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_a_users_arena_setting_is_left_alone(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_heap_arenas() is False


def test_a_users_mmap_threshold_is_left_alone(monkeypatch):
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert fix_mmap_threshold() is False


def test_a_users_mmap_threshold_is_left_alone_while_analysing(monkeypatch):
    """The analysis's own threshold must not override the user's either (mallopt would fix it for the process)."""
    from analysis import memory

    calls = []
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    monkeypatch.setattr(memory, "_libc_function", lambda name: lambda *args: calls.append(args) or 1)
    with memory.heap_for_analysis():
        pass
    assert calls == []
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_")
    with memory.heap_for_analysis():
        assert calls == [(memory.M_MMAP_THRESHOLD, memory.ANALYSIS_MMAP_THRESHOLD)]
    assert calls[-1] == (memory.M_MMAP_THRESHOLD, memory.MAIN_PROCESS_MMAP_THRESHOLD)
