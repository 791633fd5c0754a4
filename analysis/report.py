"""Execute the notebooks and render them into self-contained, offline HTML reports with an index page.

``analysis report`` runs every notebook in ``notebooks/`` against a processed-data folder with papermill, renders
each to ``reports/<name>.html`` (images embedded, code hidden, no script or style from the network) and writes
``reports/index.html``. ``analysis notebooks`` re-executes the notebooks in place so their committed outputs
(checked by nbval) match the data.
"""

from __future__ import annotations

import html
import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import nbformat

from .paths import default_processed_dir, project_root
from .store import read_manifest

NOTEBOOKS = ("01_overview", "02_claims", "03_sentiment", "04_attribution", "05_places")
KERNEL = "python3"
TEMPLATE = "offline"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass
class ReportResult:
    """One notebook's report: where it went, how long it took, and the error if execution failed."""

    name: str
    title: str
    question: str
    html_path: Path
    seconds: float
    error: str | None = None


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder (found from the package's checkout, not the working directory)."""
    root = project_root()
    if root is None or not (root / "notebooks").is_dir():
        raise FileNotFoundError("cannot find the project's notebooks/ folder: run from the project checkout")
    return root / "notebooks"


def notebook_paths(folder: Path | None = None, names: Sequence[str] | None = None) -> list[Path]:
    """The suite's notebooks in order (``names`` picks some of them, with or without ``.ipynb``)."""
    folder = folder or notebooks_dir()
    wanted = [n.removesuffix(".ipynb") for n in names] if names else list(NOTEBOOKS)
    paths = [folder / f"{name}.ipynb" for name in wanted]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such notebook: {', '.join(missing)}")
    return paths


def title_and_question(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """The notebook's title (its first ``#`` heading) and question (the paragraph starting "**Question:**")."""
    title, question = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in cell.source.split("\n\n"):
            text = " ".join(paragraph.split())
            if not title and text.startswith("# "):
                title = text[2:].strip()
            elif not question and text.replace("**", "").lower().startswith("question"):
                question = text.replace("**", "").split(":", 1)[-1].strip()
        if title and question:
            break
    return title, question


# ---- cleaning stored notebooks ---------------------------------------------------------------------------------


def strip_volatile(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove widget state, widget outputs, papermill and timing metadata: what must not be stored."""
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        for key in ("papermill", "execution", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            data = output.get("data", {})
            if WIDGET_MIME in data:
                continue  # a tqdm or ipywidgets widget: never stored
            output.get("metadata", {}).pop(WIDGET_MIME, None)
            outputs.append(output)
        cell.outputs = outputs
    return nb


def refresh_notebooks(names: Sequence[str] | None = None, folder: Path | None = None,
                      data_dir: Path | str | None = None, timeout: int = 600) -> list[Path]:
    """Re-execute notebooks in place (default parameters, or ``data_dir``), then strip volatile metadata.

    Used by ``analysis notebooks`` / ``make notebooks`` after a pipeline change, so nbval's committed outputs match.
    """
    from nbclient import NotebookClient

    paths = notebook_paths(folder, names)
    env_before = os.environ.get("ANALYSIS_DATA_DIR")
    if data_dir is not None:
        os.environ["ANALYSIS_DATA_DIR"] = str(Path(data_dir).resolve())
    try:
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            with tempfile.TemporaryDirectory(prefix="analysis-nb-") as cwd:
                NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                               resources={"metadata": {"path": cwd}}).execute()
            nbformat.write(strip_volatile(nb), path)
    finally:
        if data_dir is not None:
            if env_before is None:
                os.environ.pop("ANALYSIS_DATA_DIR", None)
            else:
                os.environ["ANALYSIS_DATA_DIR"] = env_before
    return paths


# ---- rendering -------------------------------------------------------------------------------------------------


def template_dir() -> Path:
    """Folder holding the ``offline`` nbconvert template."""
    return Path(str(resources.files("analysis").joinpath("data", "report", "templates")))


def render_html(nb: nbformat.NotebookNode, note: str = "") -> str:
    """The notebook as one self-contained HTML page: images inline, no network script or style, code hidden."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(template_dir())],
                            embed_images=True, exclude_input_prompt=True, exclude_output_prompt=True)
    nb = strip_volatile(nb)
    title, _ = title_and_question(nb)
    nb.metadata["title"] = title or "Report"
    body, _ = exporter.from_notebook_node(nb, resources={"report_note": note})
    return body


def execute_notebook(path: Path, out_nb: Path, parameters: dict, timeout: int = 600) -> str | None:
    """Run ``path`` with papermill into ``out_nb`` with ``parameters``; the error ("Name: message") or None."""
    import papermill

    with tempfile.TemporaryDirectory(prefix="analysis-report-") as cwd:
        try:
            # the kernel's working folder goes in nbclient's resources: papermill's own ``cwd`` chdirs the whole
            # process, which races when notebooks execute in threads
            papermill.execute_notebook(str(path.resolve()), str(out_nb.resolve()), parameters=parameters,
                                       kernel_name=KERNEL, progress_bar=False, log_output=False,
                                       execution_timeout=timeout, resources={"metadata": {"path": cwd}})
        except papermill.PapermillExecutionError as exc:
            return f"{exc.ename}: {exc.evalue}"
    return None


def build_reports(data_dir: Path | str | None = None, out_dir: Path | str = "reports",
                  names: Sequence[str] | None = None, parameters: dict | None = None,
                  folder: Path | None = None, timeout: int = 600, workers: int | None = None) -> list[ReportResult]:
    """Execute each notebook against ``data_dir`` and write ``<out_dir>/<name>.html`` and ``<out_dir>/index.html``.

    A notebook that fails still gets a report (showing the error) and is marked failed in the index. ``workers``
    notebooks execute at once (default: CPUs + 1, at most 4).
    """
    data = Path(data_dir or default_processed_dir()).resolve()
    if not data.is_dir():
        raise FileNotFoundError(f"{data} does not exist: run `analysis run` first")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = {"data_dir": str(data), **(parameters or {})}
    manifest = read_manifest(data)
    note = f"Data: {data.name} · run {manifest.get('finished', 'unknown')}"
    paths = notebook_paths(folder, names)

    def one(path: Path, scratch: str) -> ReportResult:
        started = time.perf_counter()
        executed = Path(scratch) / path.name
        error = execute_notebook(path, executed, params, timeout)
        nb = nbformat.read(executed if executed.exists() else path, as_version=4)
        title, question = title_and_question(nb)
        target = out / f"{path.stem}.html"
        _write_text(target, render_html(nb, note))
        return ReportResult(path.stem, title or path.stem, question, target, time.perf_counter() - started, error)

    # each notebook runs in its own kernel process: a few at once cut the wall time
    workers = max(1, min(len(paths), workers or min(4, (os.cpu_count() or 1) + 1)))
    with tempfile.TemporaryDirectory(prefix="analysis-executed-") as scratch, \
            ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: one(p, scratch), paths))
    _write_text(out / "index.html", index_html(results, data, manifest))
    return results


def _write_text(target: Path, text: str) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)


def _article_count(data_dir: Path) -> str:
    """The number of rows of the articles table (from its Parquet footer), or why it is unknown."""
    import pyarrow.parquet as pq

    path = data_dir / "articles.parquet"
    try:
        return f"{pq.read_metadata(path).num_rows:,}"
    except (OSError, ValueError) as exc:
        return f"unknown ({path.name}: {exc.__class__.__name__})"


def index_html(results: Sequence[ReportResult], data_dir: Path, manifest: dict, built: datetime | None = None) -> str:
    """The index page: every report with its question and status, the build date, and the data used."""
    built = built or datetime.now(UTC)
    e = html.escape
    counts = manifest.get("counts", {})
    rows = []
    for r in results:
        status = f'<span class="failed">failed: {e(r.error)}</span>' if r.error else "ok"
        rows.append(f'<tr><td><a href="{e(r.html_path.name)}">{e(r.title)}</a></td><td>{e(r.question)}</td>'
                    f'<td>{status}</td><td class="time">{r.seconds:.1f} s</td></tr>')
    facts = [
        ("Reports built", built.strftime("%Y-%m-%d %H:%M UTC")),
        ("Data folder", str(data_dir)),
        ("Articles in the data", _article_count(data_dir)),
        ("Pipeline run finished", str(manifest.get("finished", "unknown (no run.json)"))),
        ("Inputs of that run", ", ".join(map(str, manifest.get("inputs", []))) or "unknown"),
        ("Input outcomes", ", ".join(f"{k} {v}" for k, v in counts.items()) or "unknown"),
        ("Pipeline version", str(manifest.get("pipeline_version", "unknown"))),
    ]
    fact_rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in facts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="referrer" content="no-referrer">
<title>Media analysis reports</title>
<style>
  body {{ font: 15px/1.5 system-ui, sans-serif; max-width: 960px; margin: 2em auto; padding: 0 16px; color: #222; }}
  table {{ border-collapse: collapse; width: 100%; margin: 1em 0 2em; }}
  th, td {{ text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid #ddd; }}
  th {{ width: 14em; color: #555; font-weight: 600; }}
  thead th {{ width: auto; color: #222; }}
  a {{ color: #3b6ea5; }}
  .failed {{ color: #c44e52; font-weight: 600; }}
  td.time {{ white-space: nowrap; }}
</style>
</head>
<body>
<h1>Media analysis reports</h1>
<p>Each report is a notebook of <code>notebooks/</code> executed against the data below and rendered to a single
self-contained file: it opens offline, and the code is hidden (tick "show code" in a report to see it).</p>
<table>
<thead><tr><th>Report</th><th>Question</th><th>Status</th><th>Time</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
<h2>Data used</h2>
<table>{fact_rows}</table>
</body>
</html>
"""
