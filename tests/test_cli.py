"""The command line as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from analysis.model import MODEL_ENV
from tests.conftest import shared_path

ANALYSIS = [sys.executable, "-m", "analysis.cli"]


def analysis(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*ANALYSIS, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def test_run_prints_a_summary_and_strict_fails_on_a_bad_file(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(shared_path("seed", "dhs-ice-schools.txt"), raw / "seed.txt")
    (raw / "broken.txt").write_bytes(b"\xff\xfe\x00")
    done = analysis("run", "raw", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "processed 1, unchanged 0, duplicate 0, failed 1" in done.stdout
    assert "raw/broken.txt" in done.stderr
    strict = analysis("run", "raw", "--out", "out", "--strict", "--quiet", cwd=tmp_path)
    assert strict.returncode == 1
    assert "unchanged 1" in strict.stdout and "failed 1" in strict.stdout
    assert (tmp_path / "out" / "articles.parquet").exists()
    assert json.loads((tmp_path / "out" / "run.json").read_text())["arrow_allocator"] == "system"


def test_a_chosen_arrow_allocator_is_kept(tmp_path):
    (tmp_path / "raw").mkdir()
    env = {**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "mimalloc"}
    done = analysis("run", "raw", "--out", "out", "--quiet", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out" / "run.json").read_text())["arrow_allocator"] == "mimalloc"


def test_bad_field_mapping_and_output_inside_input_are_refused(tmp_path):
    (tmp_path / "raw").mkdir()
    assert analysis("run", "raw", "--field", "body", cwd=tmp_path).returncode == 2
    refused = analysis("run", "raw", "--out", "raw/out", cwd=tmp_path)
    assert refused.returncode == 2 and "inside the input" in refused.stderr


def test_missing_model_says_what_to_install(tmp_path):
    env = {**os.environ, MODEL_ENV: "en_core_web_nonexistent"}
    (tmp_path / "raw").mkdir()
    done = analysis("run", "raw", "--out", "out", cwd=tmp_path, env=env)
    assert done.returncode == 3
    assert "requirements/model.txt" in done.stderr
