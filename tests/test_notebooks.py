"""The stored notebooks: story structure, parameters cell, chart images, no widget state.

nbval compares the committed text outputs (see docs/notebooks.md); it never compares images, so this checks that
every chart cell produced one, or says in a note that its table was empty.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.explore import cue_tones, format_number, narration_sentences, scorer_disagreement, select
from analysis.report import NOTEBOOKS, WIDGET_MIME, strip_volatile, title_and_question
from analysis.schema import TABLES
from analysis.store import Tables

PROJECT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = PROJECT / "notebooks"
PROCESSED = PROJECT / "data" / "processed"
EMPTY_NOTE = re.compile(r"^Note: no rows in the `(\w+)` table", re.MULTILINE)


def _notebooks() -> list[tuple[str, nbformat.NotebookNode]]:
    return [(name, nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)) for name in NOTEBOOKS]


def _stream_text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


@pytest.mark.parametrize(("name", "nb"), _notebooks(), ids=NOTEBOOKS)
def test_notebook_reads_as_a_story(name: str, nb: nbformat.NotebookNode) -> None:
    title, question = title_and_question(nb)
    assert title and question, f"{name}: the first cell needs a '# title' and a 'Question:' line"
    assert "Method and limits" in nb.cells[0].source, f"{name}: no method-and-limits note"
    for previous, cell in zip(nb.cells, nb.cells[1:], strict=False):
        if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
            assert previous.cell_type == "markdown", f"{name}: a code cell without a one-line markdown before it"


@pytest.mark.parametrize(("name", "nb"), _notebooks(), ids=NOTEBOOKS)
def test_first_code_cell_is_tagged_parameters(name: str, nb: nbformat.NotebookNode) -> None:
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", []), name
    for variable in ("data_dir", "outlets", "date_from", "date_to"):
        assert re.search(rf"^{variable} = ", first.source, re.MULTILINE), f"{name}: no {variable} parameter"


@pytest.mark.parametrize(("name", "nb"), _notebooks(), ids=NOTEBOOKS)
def test_no_parsing_or_relative_paths_in_notebooks(name: str, nb: nbformat.NotebookNode) -> None:
    code = "\n".join(line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
                     if not line.lstrip().startswith("#"))
    assert "analysis.load(data_dir)" in code, f"{name}: tables must come through analysis.load(data_dir)"
    for forbidden in ("read_parquet", "open(", "data/", "../", "spacy", "Path("):
        assert forbidden not in code, f"{name}: {forbidden!r} in a notebook (parsing or paths belong in the package)"


@pytest.mark.parametrize(("name", "nb"), _notebooks(), ids=NOTEBOOKS)
def test_outputs_are_stored_without_errors_or_widgets(name: str, nb: nbformat.NotebookNode) -> None:
    assert "widgets" not in nb.metadata, f"{name}: widget state is stored"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{name}: not executed; run `analysis notebooks`"
        for output in cell.outputs:
            assert output.output_type != "error", f"{name}: stored error {output.get('ename')}"
            assert WIDGET_MIME not in output.get("data", {}), f"{name}: a widget output is stored"
            if output.output_type == "stream":
                assert output.name == "stdout", f"{name}: stderr (a warning?) stored:\n{output.text}"
                assert "it/s]" not in output.text and "%|" not in output.text, f"{name}: a progress bar is stored"


@pytest.mark.parametrize(("name", "nb"), _notebooks(), ids=NOTEBOOKS)
def test_each_chart_cell_has_an_image_or_an_empty_table_note(name: str, nb: nbformat.NotebookNode) -> None:
    charts = [c for c in nb.cells if c.cell_type == "code" and "chart" in c.metadata.get("tags", [])]
    assert charts, f"{name}: no cell is tagged 'chart'"
    for cell in charts:
        has_image = any("image/png" in o.get("data", {}) for o in cell.outputs)
        note = _stream_text(cell)
        assert has_image or "Note:" in note, f"{name}: chart cell without an image or a note:\n{cell.source}"
        if not has_image and PROCESSED.joinpath("run.json").exists():
            for table in EMPTY_NOTE.findall(note):
                path = PROCESSED / f"{table}.parquet"
                if path.exists() and not pd.read_parquet(path).empty:
                    pytest.fail(f"{name}: the stored output says `{table}` is empty, but data/processed has rows "
                                "now: re-execute the notebooks (`make notebooks`)")


def test_strip_volatile_removes_widgets_and_timing() -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    nb.metadata["papermill"] = {"duration": 1.0}
    cell = nbformat.v4.new_code_cell("x")
    cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01"}
    cell.outputs = [nbformat.v4.new_output("display_data", data={WIDGET_MIME: {"model_id": "abc"},
                                                                 "text/plain": "bar"}),
                    nbformat.v4.new_output("stream", name="stdout", text="kept\n")]
    nb.cells.append(cell)
    strip_volatile(nb)
    assert "widgets" not in nb.metadata and "papermill" not in nb.metadata
    assert "execution" not in cell.metadata
    assert [o.output_type for o in cell.outputs] == ["stream"]


# ---- the helpers the notebooks call ----------------------------------------------------------------------------


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=TABLES[name].column_names)


def test_select_by_outlet_and_date_filters_every_article_table() -> None:
    articles = _frame("articles", [
        {"article_id": "a", "outlet": "X", "published": pd.Timestamp("2020-01-05", tz="UTC")},
        {"article_id": "b", "outlet": "Y", "published": pd.Timestamp("2020-03-01", tz="UTC")},
        {"article_id": "c", "outlet": "X", "published": pd.NaT},
    ])
    sentences = _frame("sentences", [{"article_id": i, "sentence": 0} for i in "abc"])
    tables = Tables(articles=articles, sentences=sentences, inputs=_frame("inputs", []), errors=_frame("errors", []))
    assert list(select(tables, ["X"]).sentences["article_id"]) == ["a", "c"]
    assert list(select(tables, None, "2020-01-01", "2020-01-05").articles["article_id"]) == ["a"]
    assert list(select(tables, [], date_from="2020-02-01").sentences["article_id"]) == ["b"]
    assert len(select(tables).articles) == 3


def test_cue_tones_use_the_table_and_say_none_without_a_cue() -> None:
    quotes = pd.DataFrame({"cue": ["said", "slammed", None, "quipped"],
                           "cue_tone": ["neutral", "loaded", None, None]})
    assert list(cue_tones(quotes)) == ["neutral", "loaded", "none", "other"]
    assert list(cue_tones(quotes.drop(columns="cue_tone"))) == ["other", "other", "none", "other"]


def test_narration_leaves_out_sentences_inside_quotes() -> None:
    sentences = _frame("sentences", [
        {"article_id": "a", "sentence": 0, "paragraph_kind": "body", "start": 0, "end": 10},
        {"article_id": "a", "sentence": 1, "paragraph_kind": "body", "start": 11, "end": 20},
        {"article_id": "a", "sentence": 2, "paragraph_kind": "caption", "start": 21, "end": 30},
    ])
    quotes = _frame("quotes", [{"article_id": "a", "start": 12, "end": 15}])
    assert list(narration_sentences(sentences, quotes)["sentence"]) == [0]
    assert list(narration_sentences(sentences, quotes.iloc[:0])["sentence"]) == [0, 1]


def test_scorer_disagreement_keeps_opposite_signs_largest_gap_first() -> None:
    frame = pd.DataFrame({"article_id": ["a"] * 3, "polarity": [0.5, 0.2, 0.3], "vader": [-0.6, 0.4, -0.1]})
    result = scorer_disagreement(frame)
    assert list(result["gap"].round(2)) == [1.1, 0.4]


def test_format_number_writes_numbers_as_people_do() -> None:
    assert [format_number(v) for v in (19.0, 1422, 0.35, 6e8, float("nan"), None)] == [
        "19", "1,422", "0.35", "600,000,000", "", ""]
