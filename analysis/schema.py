"""Every table's columns, declared once: types, meaning, and validation on write.

``docs/data_dictionary.md`` is generated from this module (``analysis dictionary``), and a test
keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = True


@dataclass(frozen=True)
class TableSchema:
    name: str
    row: str
    columns: tuple[Column, ...]
    sort_by: tuple[str, ...]

    @property
    def arrow(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns],
            metadata={"table": self.name, "schema_version": str(SCHEMA_VERSION)},
        )

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


S, I32, I64, F64, B = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
TS = pa.timestamp("us", tz="UTC")

ARTICLE_ID = Column("article_id", S, "Article id: the first 16 hex digits of the SHA-256 of the article text.", False)
PARAGRAPH = Column("paragraph", I32, "Paragraph number: the line of the article text it starts on (0-based).", False)
START = Column("start", I64, "Start offset in `articles.text` (characters, 0-based).", False)
END = Column("end", I64, "End offset in `articles.text` (exclusive): `text[start:end]` is the span.", False)


def _span_text(what: str) -> Column:
    return Column("text", S, f"The {what} as it stands in the article: `articles.text[start:end]`.", False)


TABLES: dict[str, TableSchema] = {
    t.name: t
    for t in (
        TableSchema(
            "inputs",
            "input file, or record of a multi-record file",
            (
                Column("input_key", S, "`source_path`, plus `#N` for record N of a multi-record file.", False),
                Column("source_path", S, "Path of the input file as given on the command line.", False),
                Column("record", I64, "Line (JSONL), row (CSV, after the header) or item (JSON) number; empty for "
                       "single-article files and for files that failed as a whole."),
                Column("source_format", S, "Reader used: txt, html, jsonl, json or csv."),
                Column("outcome", S, "processed, unchanged (kept from an earlier run), duplicate or failed.", False),
                Column("article_id", S, "The article this input became (for a duplicate, the article it repeats)."),
                Column("duplicate_of", S, "For a duplicate: the `input_key` of the input whose article is kept."),
                Column("encoding", S, "Text encoding the file was read with (utf-8, utf-16, cp1252)."),
                Column("file_size", I64, "File size in bytes (empty when the file could not be opened)."),
                Column("file_mtime_ns", I64, "File modification time (ns since the epoch)."),
                Column("file_sha256", S, "SHA-256 of the file's bytes (empty when it could not be read)."),
            ),
            ("source_path", "record"),
        ),
        TableSchema(
            "articles",
            "article",
            (
                ARTICLE_ID,
                Column("source_path", S, "Input file the article came from.", False),
                Column("record", I64, "Record number within a multi-record file; empty otherwise."),
                Column("source_format", S, "Reader used: txt, html, jsonl, json or csv.", False),
                Column("outlet", S, "Publisher or outlet, from metadata."),
                Column("title", S, "Headline, from metadata."),
                Column("author", S, "Author(s), from metadata."),
                Column("published", TS, "Publication time (UTC) parsed from metadata; empty if absent or unreadable."),
                Column("published_raw", S, "Publication date exactly as the metadata gave it."),
                Column("url", S, "URL, from metadata (never fetched)."),
                Column("text", S, "The article text; every offset in every table indexes into it.", False),
                Column("n_words", I64, "Number of whitespace-separated words in `text`.", False),
                Column("n_paragraphs", I64, "Number of non-blank paragraphs.", False),
                Column("polarity", F64, "TextBlob polarity of the whole text, -1 to 1.", False),
                Column("subjectivity", F64, "TextBlob subjectivity of the whole text, 0 to 1.", False),
                Column("vader", F64, "VADER compound score, -1 to 1: the mean over the text's sentences, weighted by "
                       "words.", False),
                Column("content_hash", S, "Full SHA-256 of the whitespace-normalised text.", False),
                Column("pipeline_version", S, "Package version, rules digest and spaCy model of the rows.", False),
            ),
            # by id, as the derived tables: merged one stored row group at a time, so a run's memory does not
            # grow with the texts of the corpus it has already stored
            ("article_id",),
        ),
        TableSchema(
            "paragraphs",
            "non-blank paragraph of an article: a line, or a run of lines in hard-wrapped text",
            (
                ARTICLE_ID,
                PARAGRAPH,
                Column("kind", S, "body, caption, teaser (related-article headline), credit, heading, byline or "
                       "dateline.", False),
                START,
                END,
                _span_text("paragraph"),
                Column("credit", S, "For a caption: its photo credit, without the parentheses or the label "
                       "(\"Image: Danny Newman.\" → \"Danny Newman\")."),
                Column("credit_start", I64, "Start offset of the credit."),
                Column("credit_end", I64, "End offset of the credit."),
            ),
            ("article_id", "paragraph"),
        ),
        TableSchema(
            "sentences",
            "sentence (spaCy's parser; never across paragraphs)",
            (
                ARTICLE_ID,
                Column("sentence", I32, "Sentence number within the article (0-based).", False),
                PARAGRAPH,
                Column("paragraph_kind", S, "Kind of the paragraph the sentence is in.", False),
                START,
                END,
                _span_text("sentence"),
                Column("polarity", F64, "TextBlob polarity, -1 (negative) to 1 (positive).", False),
                Column("subjectivity", F64, "TextBlob subjectivity, 0 (objective) to 1 (subjective).", False),
                Column("vader", F64, "VADER compound score, -1 to 1.", False),
            ),
            ("article_id", "sentence"),
        ),
        TableSchema(
            "entities",
            "named-entity mention (spaCy NER)",
            (
                ARTICLE_ID,
                Column("entity", I32, "Mention number within the article (0-based).", False),
                PARAGRAPH,
                Column("sentence", I32, "Sentence the mention is in.", False),
                START,
                END,
                _span_text("mention"),
                Column("label", S, "spaCy entity label (PERSON, ORG, GPE, LOC, FAC, NORP, DATE, ...).", False),
                Column("canonical", S, "Canonical name: the mention without a leading 'the' or a possessive "
                       "'s, with a defined acronym expanded.", False),
                Column("target_sentiment", S, "For a PERSON mention: how its sentence treats the person (negative, "
                       "neutral or positive; analysis/target_sentiment.py); empty for other labels."),
                Column("target_sentiment_score", F64, "For a PERSON mention: P(positive) - P(negative) toward the "
                       "person, -1 to 1."),
            ),
            ("article_id", "entity"),
        ),
        TableSchema(
            "quotes",
            "quote: direct, mixed or indirect reported speech",
            (
                Column("quote_id", S, "Quote id: `<article_id>-q<n>`.", False),
                ARTICLE_ID,
                PARAGRAPH,
                Column("kind", S, "direct (all in quotation marks), mixed (reported speech with quoted fragments) "
                       "or indirect (reported speech after a speech cue).", False),
                START,
                END,
                Column("text", S, "What was said, without the attribution: the content fragments joined by a "
                       "space (\"A,\" she said, \"b.\" gives \"A, b.\"; \"A,\" she said. \"B.\" gives "
                       "\"A. B.\"); for a quote of one fragment, `articles.text[start:end]`. `start` and `end` span "
                       "the first fragment to the last.", False),
                Column("fragments", pa.list_(pa.struct([("start", I64), ("end", I64)])),
                       "Offsets of the content fragments (one for most quotes, more for a split quote or a "
                       "continuation in the same paragraph); outer quotation marks excluded."),
                Column("speaker_mention", S, "The speaker as written (\"the agency\")."),
                Column("speaker_start", I64, "Start offset of the speaker mention."),
                Column("speaker_end", I64, "End offset of the speaker mention."),
                Column("speaker", S, "Canonical speaker (\"Department of Homeland Security\")."),
                Column("speaker_type", S, "person, organization, government, media, anonymous or unknown."),
                Column("cue", S, "Cue verb or phrase as written (\"said\", \"according to\"); empty for a "
                       "continuation quote and for an answer in a question-and-answer interview (the speaker is "
                       "the interviewee the headline or lead names)."),
                Column("cue_start", I64, "Start offset of the cue."),
                Column("cue_end", I64, "End offset of the cue."),
                Column("cue_tone", S, "neutral (\"said\") or loaded (\"slammed\", \"fired back\"), from the cue "
                       "lexicon; other for a verb outside it that takes a quotation (\"talked up\")."),
                Column("in_caption", B, "True when the quote stands in a photo caption.", False),
                Column("duplicate_of", S, "For a caption repeating a body quote: that quote's `quote_id`."),
                Column("continues", S, "For a continuation quote in a later paragraph (no cue of its own, e.g. "
                       "the next paragraph of a multi-paragraph quote): the `quote_id` of the quote it continues."),
                Column("polarity", F64, "TextBlob polarity of the quote text."),
                Column("subjectivity", F64, "TextBlob subjectivity of the quote text."),
                Column("vader", F64, "VADER compound score of the quote text."),
            ),
            ("article_id", "start"),
        ),
        TableSchema(
            "sources",
            "source (canonical speaker) within an article",
            (
                ARTICLE_ID,
                Column("source", S, "Canonical name of the source.", False),
                Column("source_type", S, "person, organization, government, media, anonymous or unknown.", False),
                Column("aliases", pa.list_(S), "Every way the article names the source."),
                Column("n_quotes", I64, "Quotes attributed to the source (caption repeats not counted).", False),
                Column("first_paragraph", I32, "Paragraph of the source's first quote.", False),
                Column("mean_polarity", F64, "Mean TextBlob polarity of the source's quotes."),
                Column("mean_vader", F64, "Mean VADER compound score of the source's quotes."),
            ),
            ("article_id", "first_paragraph", "source"),
        ),
        TableSchema(
            "locations",
            "place mention",
            (
                ARTICLE_ID,
                Column("location", I32, "Mention number within the article (0-based).", False),
                PARAGRAPH,
                START,
                END,
                _span_text("place mention"),
                Column("place", S, "Canonical place name."),
                Column("kind", S, "country, state (or province), county, city, facility, region or other.", False),
                Column("country", S, "ISO 3166-1 alpha-2 country code."),
                Column("admin1", S, "First-level region (US state, province) name."),
                Column("lat", F64, "Latitude (WGS84)."),
                Column("lon", F64, "Longitude (WGS84)."),
                Column("geonameid", I64, "GeoNames id, when known."),
                Column("within", S, "For a facility or a street: the town or place that holds it. For a name "
                       "the gazetteer lacks that opens with a town the article places (\"Hammond Marina\"): "
                       "that town. For another local name the gazetteer lacks (a township, a suburb, a park), "
                       "cued as a place: the town the article names most, whose coordinates it takes (in or near "
                       "it; see docs/locations.md). For a name the gazetteer lacks in the state, province or "
                       "country written after it (\"Stroud, Ontario\"): that region, whose coordinates it takes."),
                Column("in_teaser", B, "True when the mention stands in a related-article teaser.", False),
                Column("form", S, "How the article refers to the place: `name` (\"Iraq\", \"T&T\") or `adjective` "
                       "(\"Iraqi officials\"; a people's noun such as \"Iraqis\" is no mention).", False),
            ),
            ("article_id", "location"),
        ),
        TableSchema(
            "claims",
            "claim: an attributed statement, or a check-worthy factual sentence of the article's own",
            (
                Column("claim_id", S, "Claim id: `<article_id>-c<n>`.", False),
                ARTICLE_ID,
                PARAGRAPH,
                Column("sentence", I32, "Sentence the claim starts in."),
                START,
                END,
                _span_text("claim"),
                Column("claimant", S, "Canonical source making the claim; empty when the article states it itself."),
                Column("claim_type", S, "statistic, denial, accusation, promise, reported or assertion.", False),
                Column("quote_id", S, "The quote the claim is, when it is one."),
                Column("numbers", pa.list_(pa.struct([("value", F64), ("qualifier", S), ("unit", S)])),
                       "Numbers in the claim: value, qualifier (nearly, more than, ...) and unit."),
                Column("disputed_by", S, "Canonical source that rebuts the claim, if any."),
                Column("check_worthiness", F64, "Probability (0 to 1) that a fact-checker would pick the claim."),
            ),
            ("article_id", "start"),
        ),
        TableSchema(
            "errors",
            "input file, record or article that could not be read or analysed",
            (
                Column("input_key", S, "`source_path`, plus `#N` for a record.", False),
                Column("source_path", S, "Path of the input file.", False),
                Column("record", I64, "Record number, when one record of a multi-record file failed."),
                Column("stage", S, "Where it failed: discover, read or analyse.", False),
                Column("error", S, "Short error kind: empty, binary, encoding, no_text, bad_json, ...", False),
                Column("message", S, "What went wrong, in plain words, naming the file.", False),
            ),
            ("source_path", "record"),
        ),
    )
}


class SchemaError(ValueError):
    """A table does not match its declared schema."""


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    """Validate ``frame`` against table ``name``'s schema and convert it, in declared column order."""
    schema = TABLES[name]
    missing = set(schema.column_names) - set(frame.columns)
    extra = set(frame.columns) - set(schema.column_names)
    if missing or extra:
        raise SchemaError(f"table {name}: missing columns {sorted(missing)}, unexpected columns {sorted(extra)}")
    for column in schema.columns:
        if not column.nullable and frame[column.name].isna().any():
            raise SchemaError(f"table {name}: column {column.name} has empty values but may not")
    try:
        return pa.Table.from_pandas(frame[schema.column_names], schema=schema.arrow, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"table {name}: {exc}") from exc


def empty_frame(name: str) -> pd.DataFrame:
    """An empty DataFrame with table ``name``'s columns and types."""
    return TABLES[name].arrow.empty_table().to_pandas()


def data_dictionary_markdown() -> str:
    """The data dictionary, as Markdown, generated from the schemas above."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `analysis/schema.py` by `analysis dictionary`; do not edit by hand.",
        f"Schema version {SCHEMA_VERSION}. Every table is `data/processed/<table>.parquet` and a view of the same "
        "name in `data/processed/analysis.duckdb`; `analysis.load()` returns them as DataFrames.",
        "Offsets are Python string offsets into `articles.text`, end-exclusive.",
        "",
    ]
    for schema in TABLES.values():
        lines += [f"## {schema.name}", "", f"One row per {schema.row}.", "", "| column | type | meaning |",
                  "|---|---|---|"]
        for c in schema.columns:
            kind = str(c.type).replace("timestamp[us, tz=UTC]", "timestamp (UTC)")
            lines.append(f"| `{c.name}` | {kind}{'' if c.nullable else ', required'} | {c.description} |")
        lines.append("")
    return "\n".join(lines)
