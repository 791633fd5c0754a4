"""Reading gold files (JSON Lines) for the evaluations."""

from __future__ import annotations

import json
from pathlib import Path


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    """The records of a JSON Lines file (blank lines skipped), the first ``limit`` of them when given."""
    records: list[dict] = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records
