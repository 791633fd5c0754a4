"""Each reader on real files: plain text in several encodings, HTML pages, JSON Lines, JSON and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.errors import InputError, RecordError
from analysis.evaluation.html import evaluate as evaluate_html
from analysis.readers import read_file
from tests.conftest import PROJECT, shared_path

SAMPLE = PROJECT / "data" / "raw"


def read_all(path: Path, data: bytes | None = None, mapping=None) -> list:
    return list(read_file(path, str(path), path.read_bytes() if data is None else data, mapping))


def test_text_with_front_matter(seed_text):
    [article] = read_all(SAMPLE / "seed" / "dhs-ice-schools.txt")
    assert article.outlet == "Fox News"
    assert article.text == seed_text
    assert article.encoding == "utf-8"


def test_front_matter_words_like_no_and_on_stay_words(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: No\noutlet: On\n---\nThe council met on Monday.\n", encoding="utf-8")
    [article] = read_all(path)
    assert (article.title, article.outlet) == ("No", "On")  # not YAML 1.1's booleans False and True


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")])
def test_text_in_utf8_with_and_without_bom_and_utf16(tmp_path, seed_text, encoding, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + seed_text.replace("\n", "\r\n").encode(encoding))
    [article] = read_all(path)
    assert article.text == seed_text


def test_cp1252_falls_back_and_says_so(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("“Café prices rose,” the owner said — sharply.".encode("cp1252"))
    [article] = read_all(path)
    assert article.encoding == "cp1252"
    assert article.text.startswith("“Café")


@pytest.mark.parametrize("content, kind", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"---\ntitle: [unclosed\n---\nBody.", "front_matter"), (b"---\ntitle: Only metadata\n---\n", "empty"),
])
def test_unreadable_text_files_raise_a_named_error(tmp_path, content, kind):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_all(path)
    assert raised.value.kind == kind


def test_html_main_text_matches_the_extraction_gold_on_real_pages():
    result = evaluate_html(shared_path("corpora", "html", "MANIFEST.jsonl"), limit=30)
    assert result["pages"] == 30 and not result["failed"]
    assert result["mean_f1"] >= 0.93


def test_html_metadata_title_and_site():
    folder = shared_path("corpora", "html")
    [article] = read_all(folder / "np4k_cnn_article.html")
    gold = json.loads((folder / "np4k_cnn_article.gold.json").read_text())
    assert article.title == gold["gold_fields"]["title"]
    assert article.source_format == "html"
    assert "Thanksgiving" in article.text and "<" not in article.text


def test_html_without_an_article_is_an_error(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError) as raised:
        read_all(path)
    assert raised.value.kind == "no_article"


def test_jsonl_sample_reads_every_record_with_metadata():
    articles = read_all(SAMPLE / "congress_releases.jsonl")
    assert len(articles) == 18 and all(not isinstance(a, RecordError) for a in articles)
    assert [a.record for a in articles] == list(range(1, 19))
    assert all(a.outlet.startswith("US Congress press release") for a in articles)


def test_jsonl_broken_line_is_reported_with_its_number_and_the_rest_read(tmp_path):
    lines = [json.dumps({"title": "One", "text": "First story text."}), "{not json",
             json.dumps({"title": "Three", "body": "Third story text."}), json.dumps({"title": "No text"})]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines))
    entries = read_all(path)
    assert [type(e).__name__ for e in entries] == ["Article", "RecordError", "Article", "RecordError"]
    assert entries[1].record == 2 and entries[1].kind == "bad_json"
    assert entries[3].kind == "no_text" and "fetching URLs is out of scope" in entries[3].message
    assert entries[2].text == "Third story text."


def test_csv_media_cloud_style_columns_are_found():
    articles = read_all(SAMPLE / "congress_releases.csv")
    assert len(articles) == 6
    assert all(a.outlet and a.text and a.published for a in articles)


def test_csv_without_a_text_column_names_the_columns_and_explicit_mapping_fixes_it(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text("stories_id,headline,story_body\n1,Flood,The river rose overnight.\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_all(path)
    assert raised.value.kind == "no_text_column" and "story_body" in raised.value.message
    [article] = read_all(path, mapping={"text": "story_body"})
    assert article.text == "The river rose overnight." and article.title == "Flood"


def test_json_newsapi_style_nested_source_and_list(tmp_path):
    payload = {"status": "ok", "articles": [
        {"source": {"id": None, "name": "Example Times"}, "author": "A. Writer", "title": "Rates rise",
         "publishedAt": "2024-05-01T10:00:00Z", "content": "The bank raised rates on Tuesday."}]}
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps(payload))
    [article] = read_all(path)
    assert (article.outlet, article.author, article.published) == ("Example Times", "A. Writer",
                                                                  "2024-05-01T10:00:00Z")
