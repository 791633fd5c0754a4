"""Reports: offline and self-contained, escaped, complete when every table has rows, and sound in a real browser.

The browser test needs Debian's chromium and chromedriver (``scripts/install_browser.sh``) and selenium; it is
skipped, saying so, when they are absent. Set REPORT_SCREENSHOTS=DIR to keep its screenshots.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pyarrow as pa
import pytest

from analysis.report import NOTEBOOKS, build_reports, execute_notebook, notebook_paths
from analysis.schema import TABLES
from analysis.store import load, write_duckdb, write_manifest, write_table

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "data" / "raw"
PROCESSED = PROJECT / "data" / "processed"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory) -> Path:
    """The processed bundled sample: data/processed when `analysis run` has written it, else built afresh."""
    if (PROCESSED / "run.json").exists() and (PROCESSED / "articles.parquet").exists():
        return PROCESSED
    from analysis.run import run_pipeline

    out = tmp_path_factory.mktemp("processed")
    run_pipeline([RAW], out, progress=False)
    return out


@pytest.fixture(scope="session")
def reports(sample_data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    results = build_reports(sample_data, out)
    assert [r.error for r in results] == [None] * len(NOTEBOOKS)
    return out


class _Refs(HTMLParser):
    """Every tag with its attributes, and the text of <style> blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _report_files(folder: Path) -> list[Path]:
    return [folder / f"{name}.html" for name in NOTEBOOKS] + [folder / "index.html"]


def test_index_links_every_report_with_date_and_data(reports: Path, sample_data: Path) -> None:
    index = (reports / "index.html").read_text(encoding="utf-8")
    for name in NOTEBOOKS:
        assert f'href="{name}.html"' in index
        assert (reports / f"{name}.html").stat().st_size > 10_000
    assert "Reports built" in index and re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", index)
    assert str(sample_data.resolve()) in index
    manifest = json.loads((sample_data / "run.json").read_text())
    assert manifest["finished"] in index
    articles = len(pd.read_parquet(sample_data / "articles.parquet"))
    assert f"<th>Articles in the data</th><td>{articles:,}</td>" in index


def test_reports_fetch_nothing_from_the_network(reports: Path) -> None:
    remote = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
    for path in _report_files(reports):
        refs = _parse(path)
        for tag, attrs in refs.tags:
            assert tag not in ("script", "iframe", "object", "embed"), f"{path.name}: <{tag}> in a report"
            for attr in ("src", "href", "data", "srcset", "poster"):
                value = attrs.get(attr) or ""
                if tag == "a":
                    continue  # a link the reader may follow is not fetched
                assert not remote.match(value), f"{path.name}: <{tag} {attr}={value[:80]}> fetches from the network"
        css = "\n".join(refs.styles)
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)  # comments may name web pages; they are not fetched
        assert not re.search(r"@import", css), f"{path.name}: CSS @import"
        assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css, re.IGNORECASE), f"{path.name}: remote CSS url()"


def test_images_are_embedded_and_code_is_hidden(reports: Path) -> None:
    for name in NOTEBOOKS:
        refs = _parse(reports / f"{name}.html")
        images = [attrs.get("src") or "" for tag, attrs in refs.tags if tag == "img"]
        assert all(src.startswith("data:image/png;base64,") for src in images), name
        assert ".jp-CodeCell .jp-Cell-inputWrapper { display: none; }" in "".join(refs.styles), name
    assert len([t for t, _ in _parse(reports / "01_overview.html").tags if t == "img"]) >= 3


def test_report_command_runs_from_any_folder(sample_data: Path, tmp_path: Path, monkeypatch) -> None:
    from analysis.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["report", "--data", str(sample_data), "--out", "out", "--notebook", "01_overview"]) == 0
    assert (tmp_path / "out" / "01_overview.html").exists() and (tmp_path / "out" / "index.html").exists()


def test_refresh_executes_in_place_and_strips_volatile_metadata(sample_data: Path, tmp_path: Path) -> None:
    from analysis.report import refresh_notebooks

    (source,) = notebook_paths(names=["02_claims"])
    shutil.copy(source, tmp_path / source.name)
    nb = nbformat.read(tmp_path / source.name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata["widgets"] = {}
    nbformat.write(nb, tmp_path / source.name)
    refresh_notebooks(["02_claims"], folder=tmp_path, data_dir=sample_data)
    refreshed = nbformat.read(tmp_path / source.name, as_version=4)
    assert "widgets" not in refreshed.metadata
    code = [c for c in refreshed.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code) and any(c.outputs for c in code)
    assert not any("execution" in c.metadata for c in code)


# ---- hostile text ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory) -> Path:
    """Reports on a one-article corpus whose quote, outlet and title carry HTML and a script."""
    from analysis.run import run_pipeline

    tmp_path = tmp_path_factory.mktemp("hostile")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "hostile.txt").write_text(
        "---\noutlet: 'Hostile <b>Outlet</b>'\ntitle: 'Headline <img src=x onerror=alert(2)>'\n"
        "published: '2024-05-01'\n---\n"
        f"\"This is a wonderful, excellent and truly great day {HOSTILE} for everyone,\" the mayor said.\n"
        "The council met on Tuesday to discuss the budget for the coming year.\n"
        "It was a terrible, awful and horrible decision, the opposition said.\n",
        encoding="utf-8")
    processed = tmp_path / "processed"
    run_pipeline([raw], processed, progress=False)
    out = tmp_path / "reports"
    results = build_reports(processed, out, names=["01_overview", "03_sentiment"])
    assert [r.error for r in results] == [None, None]
    return out


def test_article_text_is_escaped(hostile_reports: Path) -> None:
    out = hostile_reports
    page = (out / "03_sentiment.html").read_text(encoding="utf-8")
    assert HOSTILE not in page and "<b>Outlet</b>" not in (out / "01_overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not any(tag == "script" for tag, _ in _parse(out / "03_sentiment.html").tags)


# ---- every table filled ----------------------------------------------------------------------------------------


def _default(field: pa.Field):
    kind = field.type
    if pa.types.is_string(kind):
        return "x"
    if pa.types.is_integer(kind):
        return 0
    if pa.types.is_floating(kind):
        return 0.0
    if pa.types.is_boolean(kind):
        return False
    if pa.types.is_list(kind):
        return []
    return None


def _rows(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows of table ``name``: every declared column, defaults by type, then the given values."""
    schema = TABLES[name].arrow
    filled = [{f.name: _default(f) for f in schema} | row for row in rows]
    return pd.DataFrame(filled, columns=TABLES[name].column_names)


@pytest.fixture(scope="session")
def filled_data(sample_data: Path, tmp_path_factory) -> Path:
    """The sample's tables plus test rows in quotes, sources, locations and claims (spans of real sentences)."""
    out = tmp_path_factory.mktemp("filled")
    for name in TABLES:
        if (sample_data / f"{name}.parquet").exists():
            shutil.copy(sample_data / f"{name}.parquet", out / f"{name}.parquet")
    shutil.copy(sample_data / "run.json", out / "run.json")
    tables = load(out)
    sentences = tables.sentences[tables.sentences["paragraph_kind"] == "body"].head(60).reset_index(drop=True)
    speakers = [("Jane Doe", "person"), ("Department of Homeland Security", "government"),
                ("a senior official", "anonymous"), ("ACLU", "organization")]
    cues = [("said", "neutral"), ("slammed", "loaded"), ("according to", "neutral"), ("claimed", "loaded")]
    quotes, claims, locations = [], [], []
    for i, s in sentences.iterrows():
        speaker, kind = speakers[i % 4]
        cue, tone = cues[i % 4]
        quotes.append({"quote_id": f"{s.article_id}-q{i}", "article_id": s.article_id, "paragraph": s.paragraph,
                       "kind": ("direct", "mixed", "indirect")[i % 3], "start": s.start, "end": s.end, "text": s.text,
                       "fragments": [{"start": s.start, "end": s.end}], "speaker_mention": speaker,
                       "speaker": speaker, "speaker_type": kind, "cue": cue, "cue_tone": tone,
                       "duplicate_of": None, "polarity": s.polarity, "subjectivity": s.subjectivity,
                       "vader": s.vader})
        claims.append({"claim_id": f"{s.article_id}-c{i}", "article_id": s.article_id, "paragraph": s.paragraph,
                       "sentence": s.sentence, "start": s.start, "end": s.end, "text": s.text,
                       "claimant": speaker if i % 5 else None,
                       "claim_type": ("statistic", "denial", "assertion", "accusation", "reported")[i % 5],
                       "quote_id": None, "numbers": [{"value": float(i), "qualifier": "about", "unit": "people"}],
                       "disputed_by": "ACLU" if i % 7 == 0 else None, "check_worthiness": (i % 10) / 10})
    places = [("Texas", "state", "US", "Texas", 31.0, -100.0, None), ("El Paso", "city", "US", "Texas", 31.76,
              -106.49, None), ("Mexico", "country", "MX", None, 23.0, -102.0, None),
              ("Otay Mesa Detention Center", "facility", "US", "California", 32.57, -116.94, "San Diego")]
    for i, s in sentences.head(20).iterrows():
        place, kind, country, admin1, lat, lon, within = places[i % 4]
        locations.append({"article_id": s.article_id, "location": i, "paragraph": s.paragraph, "start": s.start,
                          "end": s.start + 1, "text": s.text[:1], "place": place, "kind": kind, "country": country,
                          "admin1": admin1, "lat": lat, "lon": lon, "geonameid": None, "within": within,
                          "in_teaser": False})
    quote_frame = _rows("quotes", quotes)
    sources = (quote_frame.groupby(["article_id", "speaker", "speaker_type"], as_index=False)
               .agg(n_quotes=("quote_id", "size"), first_paragraph=("paragraph", "min"),
                    mean_polarity=("polarity", "mean"), mean_vader=("vader", "mean"))
               .rename(columns={"speaker": "source", "speaker_type": "source_type"}))
    sources["aliases"] = [[s] for s in sources["source"]]
    write_table(out, "quotes", quote_frame)
    write_table(out, "sources", _rows("sources", sources.to_dict("records")))
    write_table(out, "claims", _rows("claims", claims))
    write_table(out, "locations", _rows("locations", locations))
    write_duckdb(out)
    write_manifest(out, json.loads((sample_data / "run.json").read_text()))
    return out


@pytest.mark.parametrize("name", ["02_claims", "03_sentiment", "04_attribution", "05_places"])
def test_every_chart_appears_when_the_tables_have_rows(name: str, filled_data: Path, tmp_path: Path) -> None:
    (path,) = notebook_paths(names=[name])
    executed = tmp_path / f"{name}.ipynb"
    assert execute_notebook(path, executed, {"data_dir": str(filled_data)}) is None
    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "no rows in the" not in text, f"{name}: an empty-table note with every table filled:\n{text}"
        if "chart" in cell.metadata.get("tags", []):
            assert any("image/png" in o.get("data", {}) for o in cell.outputs), f"{name}: no image:\n{cell.source}"


def test_an_empty_selection_runs_every_notebook_cleanly(sample_data: Path, tmp_path: Path) -> None:
    parameters = {"outlets": ["no such outlet"], "date_from": "1900-01-01"}
    results = build_reports(sample_data, tmp_path, parameters=parameters)
    assert [r.error for r in results] == [None] * len(NOTEBOOKS)
    page = (tmp_path / "03_sentiment.html").read_text(encoding="utf-8")
    assert "0 articles" in page and "Warning" not in page


# ---- a real browser --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip("Debian chromium/chromedriver absent: run scripts/install_browser.sh (as root) to run this test")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1200,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    driver.get("about:blank")
    yield driver
    driver.quit()


NETWORK = ("http:", "https:", "ws:", "wss:", "ftp:", "//")


def _open(browser, page: Path) -> tuple[dict, list[str]]:
    """Open ``page``; its state (images, resources, scripts, height) and every network URL it requested."""
    browser.get_log("performance")  # drop what earlier pages logged
    browser.get(page.as_uri())
    state = browser.execute_script("""
        return {
          ready: document.readyState,
          images: Array.from(document.images).map(i => ({complete: i.complete, width: i.naturalWidth,
                                                          src: i.src.slice(0, 40)})),
          resources: performance.getEntriesByType('resource').map(e => e.name),
          scripts: document.scripts.length,
          height: document.documentElement.scrollHeight,
          text: document.body.innerText,
        };""")
    urls = list(state["resources"])
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return state, [u for u in urls if u.lower().startswith(NETWORK)]


def test_browser_check_sees_a_network_fetch(browser, tmp_path: Path) -> None:
    """Control: a page that loads a remote image is caught, and its image does not decode (no network here)."""
    page = tmp_path / "remote.html"
    page.write_text('<!DOCTYPE html><html><body><img src="http://192.0.2.1/x.png"></body></html>')
    state, remote = _open(browser, page)
    assert remote and remote[0].startswith("http://192.0.2.1/")


@pytest.mark.parametrize("name", [*NOTEBOOKS, "index"])
def test_reports_open_in_a_browser_offline(name: str, reports: Path, browser, tmp_path: Path) -> None:
    state, remote = _open(browser, reports / f"{name}.html")
    assert state["ready"] == "complete"
    assert state["scripts"] == 0
    broken = [i for i in state["images"] if not i["complete"] or i["width"] == 0]
    assert not broken, f"{name}: images that do not decode: {broken}"
    if name in ("01_overview", "03_sentiment"):
        assert state["images"], f"{name}: no image in the report"
    assert not remote, f"{name}: network requests {remote}"
    # a full-page screenshot, to look at
    browser.set_window_size(1200, min(max(int(state["height"]), 900), 8000))
    shots = Path(os.environ.get("REPORT_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(shots / f"{name}.png"))
    browser.set_window_size(1200, 900)
    assert (shots / f"{name}.png").stat().st_size > 5_000


def test_hostile_text_shows_as_text_in_a_browser(hostile_reports: Path, browser) -> None:
    state, remote = _open(browser, hostile_reports / "03_sentiment.html")
    assert HOSTILE in state["text"] and state["scripts"] == 0 and not remote
