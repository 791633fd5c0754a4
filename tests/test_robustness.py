"""Bad input loses nothing and breaks nothing: every input ends in exactly one place, the run goes on."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.inputs import InputFile
from analysis.run import run_pipeline
from tests.conftest import PROJECT, shared_path

SAMPLE = PROJECT / "data" / "raw"


def congress_text(n: int = 0) -> str:
    lines = (SAMPLE / "congress_releases.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[n])["text"]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> tuple[Path, Path, object]:
    """One run over a folder holding every kind of bad input next to good ones."""
    raw = tmp_path_factory.mktemp("hostile") / "raw"
    raw.mkdir()
    seed = shared_path("seed", "dhs-ice-schools.txt").read_text(encoding="utf-8")
    body = congress_text(0)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t \n",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06",
        "latin.txt": "“Café owners,” the mayor said, “deserve better.” Prices rose 5 % in Zürich.".encode("cp1252"),
        "bad-utf8.txt": b"Valid start \x81\x8d\x8f\x90\x9d then undefined bytes in any 8-bit code page.",
        "utf16.txt": "\ufeffThe council said the library would reopen on Monday.".encode("utf-16-le"),
        "huge.txt": (("The committee said the report was late. " * 25 + "\n") * 20_500).encode(),
        "one-long-line.txt": ((body.replace("\n", " ") + " ") * (1_000_000 // len(body) + 1))[:1_000_000].encode(),
        "no-article.html": b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "scripts-only.html": (b"<html><head><script>document.write('x')</script></head>"
                              b"<body><script>1</script></body></html>"),
        "malformed.html": ("<html><body><div><p>" + body[:3000] + "<p><b><i>unclosed <div></span></html").encode(),
        "nested.html": ("<html><body>" + "<div>" * 2000 + f"<p>{body[:2000]}</p>" + "</div>" * 10 + "</body>").encode(),
        "nested-too-deep.html": ("<html><body>" + "<div>" * 20000 + f"<p>{body[:500]}</p>" + "</body>").encode(),
        "xml-declared.html": (f'<?xml version="1.0" encoding="utf-8"?>\n<html><body><article><p>{body[:1500]}</p>'
                              "</article></body></html>").encode(),
        "mixed.jsonl": "\n".join([json.dumps({"title": "ok", "text": body}), "{broken",
                                  json.dumps({"title": "x", "text": ""}),
                                  json.dumps({"title": "twin of the seed", "text": seed})]).encode(),
        "no-text-column.csv": b"id,headline,link\n1,Storm hits coast,http://example.com/1\n",
        "name with spaces é ü.txt": "The governor said the bridge, “closed since May”, would reopen.".encode(),
        "-leading-dash.txt": b"Officials said the vote was postponed until Friday.",
        "quotes-galore.txt": ("“" * 3001 + " he said " + "”" * 1000 + ' "odd " marks " here, she said.\n' +
                              "‘Unbalanced, the agency said.").encode(),
        "a-seed.txt": seed.encode(),
    }
    for name, data in files.items():
        (raw / name).write_bytes(data)
    (raw / "loop-a.txt").symlink_to(raw / "loop-b.txt")
    (raw / "loop-b.txt").symlink_to(raw / "loop-a.txt")
    out = raw.parent / "out"
    summary = run_pipeline([raw], out, progress=False)
    return raw, out, summary


def outcomes(out: Path) -> dict[str, str]:
    inputs = analysis.load_table("inputs", out)
    return {Path(row.input_key).name: row.outcome for row in inputs.itertuples()}


def test_every_input_file_is_accounted_for_exactly_once(hostile_run):
    raw, out, _ = hostile_run
    inputs = analysis.load_table("inputs", out)
    assert set(inputs["source_path"]) == {str(p) for p in raw.iterdir()}
    assert not inputs["input_key"].duplicated().any()
    errors = analysis.load_table("errors", out)
    failed = set(inputs.loc[inputs["outcome"] == "failed", "input_key"])
    assert failed == set(errors["input_key"]), "each failure has exactly one error row, and only failures do"
    assert errors["message"].str.len().min() > 10


@pytest.mark.parametrize("name, outcome, error", [
    ("empty.txt", "failed", "empty"),
    ("blank.txt", "failed", "empty"),
    ("image.txt", "failed", "binary"),
    ("bad-utf8.txt", "failed", "encoding"),
    ("huge.txt", "failed", "too_long"),
    ("no-article.html", "failed", "no_article"),
    ("scripts-only.html", "failed", "no_article"),
    ("nested-too-deep.html", "failed", "no_article"),
    ("no-text-column.csv", "failed", "no_text_column"),
    ("mixed.jsonl#2", "failed", "bad_json"),
    ("mixed.jsonl#3", "failed", "no_text"),
    ("loop-a.txt", "failed", "bad_link"),
    ("loop-b.txt", "failed", "bad_link"),
])
def test_bad_inputs_fail_with_a_named_reason(hostile_run, name, outcome, error):
    raw, out, _ = hostile_run
    assert outcomes(out)[name] == outcome
    errors = analysis.load_table("errors", out)
    row = errors[errors["input_key"].map(lambda k: Path(k).name) == name].iloc[0]
    assert row["error"] == error
    assert name.split("#")[0] in row["message"], "the message names the file"


@pytest.mark.parametrize("name", ["latin.txt", "utf16.txt", "one-long-line.txt", "malformed.html", "nested.html",
                                  "xml-declared.html", "mixed.jsonl#1", "name with spaces é ü.txt", "-leading-dash.txt",
                                  "quotes-galore.txt", "a-seed.txt"])
def test_difficult_but_readable_inputs_are_processed(hostile_run, name):
    assert outcomes(hostile_run[1])[name] == "processed"


def test_encodings_are_recorded_and_text_decoded(hostile_run):
    raw, out, _ = hostile_run
    inputs = analysis.load_table("inputs", out).set_index("input_key")
    assert inputs.loc[str(raw / "latin.txt"), "encoding"] == "cp1252"
    assert inputs.loc[str(raw / "utf16.txt"), "encoding"] == "utf-16"
    articles = analysis.load_table("articles", out).set_index("source_path")
    assert articles.loc[str(raw / "latin.txt"), "text"].startswith("“Café owners,”")


def test_same_article_in_two_formats_is_one_article(hostile_run):
    raw, out, _ = hostile_run
    inputs = analysis.load_table("inputs", out).set_index("input_key")
    twin = inputs.loc[f"{raw / 'mixed.jsonl'}#4"]
    assert twin["outcome"] == "duplicate" and twin["duplicate_of"] == str(raw / "a-seed.txt")


def test_summary_counts_failures_and_default_run_did_not_raise(hostile_run):
    _, out, summary = hostile_run
    assert summary.failed == 13 and summary.duplicate == 1
    assert summary.processed == len(analysis.load_table("articles", out))


def test_unreadable_file_is_an_error_row(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "secret.txt").write_text("The minister said nothing.")
    (raw / "open.txt").write_text("The mayor said the road would reopen.")
    real = Path.read_bytes

    def guarded(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    summary = run_pipeline([raw], tmp_path / "out", progress=False)
    assert (summary.processed, summary.failed) == (1, 1)
    errors = analysis.load_table("errors", tmp_path / "out")
    assert errors.iloc[0]["error"] == "unreadable" and "Permission denied" in errors.iloc[0]["message"]
    assert isinstance(InputFile, type)


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_data_raw_is_byte_identical_after_runs(tmp_path):
    before = tree_hashes(SAMPLE)
    subset = [SAMPLE / "seed", SAMPLE / "congress_releases.csv"]
    run_pipeline(subset, tmp_path / "out", progress=False)
    run_pipeline(subset, tmp_path / "out", progress=False, force=True)
    assert tree_hashes(SAMPLE) == before


def test_sigkill_midway_leaves_readable_tables_and_the_next_run_matches_a_clean_one(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE / "congress", raw)
    out = tmp_path / "out"
    first = sorted(raw.glob("*.txt"))[:3]
    run_pipeline(first, out, progress=False)
    before = analysis.load_table("articles", out)
    process = subprocess.Popen([sys.executable, "-m", "analysis.cli", "run", str(raw), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # kill it once it has begun writing: its staging folder exists (on a fast machine the 21 new articles take
    # a few seconds, so a fixed wait could outlast the run)
    deadline = time.monotonic() + 120
    while not list(out.glob(".staging-*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    after_kill = analysis.load_table("articles", out)  # still readable
    assert len(after_kill) in (len(before), 24)
    run_pipeline([raw], out, progress=False)
    run_pipeline([raw], tmp_path / "clean", progress=False)
    for name in ("articles", "paragraphs", "sentences", "entities", "errors"):
        pd.testing.assert_frame_equal(analysis.load_table(name, out), analysis.load_table(name, tmp_path / "clean"),
                                      obj=name)


def test_pipeline_notebooks_and_reports_make_no_network_request(tmp_path):
    """Inside a network namespace with only loopback (Jupyter kernels talk over it), everything still works."""
    if shutil.which("unshare") is None or shutil.which("ip") is None or subprocess.run(
            ["unshare", "-rn", "ip", "link", "set", "lo", "up"]).returncode != 0:
        pytest.skip("cannot create a network namespace here (unshare -rn, ip)")
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(SAMPLE / "seed" / "dhs-ice-schools.txt", raw / "seed.txt")
    shutil.copyfile(shared_path("corpora", "html", "np4k_cnn_article.html"), raw / "page.html")
    out, reports = tmp_path / "out", tmp_path / "reports"
    analysis_cli = f"{sys.executable} -m analysis.cli"
    script = (f"ip link set lo up && {analysis_cli} run {raw} --out {out} --strict --quiet && "
              f"{analysis_cli} report --data {out} --out {reports}")
    done = subprocess.run(["unshare", "-rn", "sh", "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "processed 2" in done.stdout
    pages = sorted(p.name for p in reports.glob("*.html"))
    assert "index.html" in pages and len(pages) == 6, pages


def test_csv_reader_keeps_formula_like_text_as_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(raw / "export.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["title", "text"],
                                      ["=HYPERLINK(\"x\")", "=1+1 the council said the vote passed."]])
    run_pipeline([raw], tmp_path / "out", progress=False)
    articles = analysis.load_table("articles", tmp_path / "out")
    assert articles.iloc[0]["title"] == '=HYPERLINK("x")'
