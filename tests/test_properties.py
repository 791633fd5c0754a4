"""Property-based: arbitrary text never crashes the analysis, and every span indexes into the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.analyse import analyse_doc
from analysis.article import Article, normalise_text
from analysis.segment import segment_paragraphs

QUOTE_MARKS = list("\"'“”‘’«»„‚‹›`´")
WORDS = ["said", "the", "agency", "DHS", "Homeland", "Security", "according", "to", "Texas", "5,000", "children",
         "(", ")", ":", ",", ".", "—", "\n", "\n\n", "U.S.", "Los Angeles", "told", "reporters", "that", "not"]

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.text(min_size=1, max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=400).map(lambda s: s.replace(" ", "")),
)
texts = st.lists(pieces, min_size=1, max_size=80).map(" ".join).map(normalise_text).filter(str.strip)


@pytest.fixture(scope="module")
def parse(nlp):
    return nlp


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(text=texts)
def test_arbitrary_text_gives_consistent_spans(parse, text):
    article = Article(source_path="generated.txt", text=text)
    rows = analyse_doc(article, parse(text))
    paragraphs = {p.index: p for p in segment_paragraphs(text)}
    for table, table_rows in rows.items():
        for row in table_rows:
            if "start" not in row:
                continue
            assert 0 <= row["start"] <= row["end"] <= len(text), table
            if table == "quotes":  # what was said without the attribution between its fragments
                parts = [text[f["start"]:f["end"]] for f in row["fragments"]]
                assert row["text"].replace(".", ",") == " ".join(parts).replace(".", ","), table
            elif "text" in row:
                assert text[row["start"]:row["end"]] == row["text"], table
            if "paragraph" in row and table != "paragraphs":
                paragraph = paragraphs[row["paragraph"]]
                assert paragraph.start <= row["start"] and row["end"] <= paragraph.end, table
