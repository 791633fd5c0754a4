"""Schemas are declared once, enforced on write, and documented in the data dictionary."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.schema import TABLES, SchemaError, data_dictionary_markdown, to_arrow
from tests.conftest import PROJECT


def test_data_dictionary_is_generated_from_the_schemas():
    committed = (PROJECT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary_markdown(), "run `make dictionary` and commit docs/data_dictionary.md"


def test_every_table_carries_article_id_or_an_input_key():
    for schema in TABLES.values():
        assert {"article_id", "input_key"} & set(schema.column_names), schema.name


def test_writing_a_frame_with_a_missing_or_empty_required_column_fails():
    good = pd.DataFrame([{"input_key": "a.txt", "source_path": "a.txt", "record": None, "stage": "read",
                          "error": "empty", "message": "a.txt: is empty"}])
    assert to_arrow("errors", good).num_rows == 1
    with pytest.raises(SchemaError, match="missing columns"):
        to_arrow("errors", good.drop(columns=["stage"]))
    with pytest.raises(SchemaError, match="may not"):
        to_arrow("errors", good.assign(message=[None]))
    with pytest.raises(SchemaError):
        to_arrow("errors", good.assign(record=["not a number"]))
