"""Measuring the pipeline against gold annotations (``analysis eval <task> --gold FILE``).

Each task is a module here with ``evaluate(gold: Path, limit: int | None) -> dict`` and
``format_report(result: dict) -> str``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

TASKS = ("quotes", "locations", "claims", "sentiment", "html", "interviews")


def run_evaluation(task: str, gold: Path, limit: int | None = None) -> tuple[dict, str]:
    """Evaluate ``task`` on the gold file; returns the figures and their printable report."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    if not gold.exists():
        raise FileNotFoundError(f"gold file {gold} does not exist")
    module = importlib.import_module(f"analysis.evaluation.{task}")
    result = module.evaluate(gold, limit=limit)
    return result, module.format_report(result)
