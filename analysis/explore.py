"""Table helpers for the notebooks and reports: select articles, join outlets, summarise tables.

Everything here works on the DataFrames of ``analysis.load()``; nothing re-reads or re-parses article text.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .corpus_names import corpus_names, corpus_speakers
from .schema import TABLES
from .store import Tables

UNKNOWN_OUTLET = "(no outlet)"
ARTICLE_TABLES = tuple(name for name, schema in TABLES.items()
                       if "article_id" in schema.column_names and name not in ("inputs", "articles"))


def _timestamp(value: str | pd.Timestamp | None) -> pd.Timestamp | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def select(tables: Tables, outlets: Iterable[str] | None = None, date_from: str | None = None,
           date_to: str | None = None) -> Tables:
    """The tables restricted to articles of ``outlets`` published within [date_from, date_to] (inclusive).

    ``None`` (or an empty list) means no restriction. With a date range, articles without a publication date are
    left out. ``inputs`` and ``errors`` describe files, not articles, and are kept whole.
    """
    articles = tables["articles"]
    keep = pd.Series(True, index=articles.index)
    outlets = list(outlets or [])
    if outlets:
        keep &= articles["outlet"].isin(outlets)
    start, end = _timestamp(date_from), _timestamp(date_to)
    if start is not None:
        keep &= articles["published"].notna() & (articles["published"] >= start)
    if end is not None:
        # a bare date means the whole of that day
        if isinstance(date_to, str) and len(date_to.strip()) <= 10:
            end = end + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
        keep &= articles["published"].notna() & (articles["published"] <= end)
    ids = set(articles.loc[keep, "article_id"])
    selected = Tables(tables)
    selected["articles"] = articles[keep].reset_index(drop=True)
    for name in ARTICLE_TABLES:
        if name in selected:
            frame = selected[name]
            selected[name] = frame[frame["article_id"].isin(ids)].reset_index(drop=True)
    return selected


def describe_selection(outlets: Iterable[str] | None, date_from: str | None, date_to: str | None) -> str:
    """One line saying which articles the parameters select."""
    outlets = list(outlets or [])
    what = f"outlets: {', '.join(outlets)}" if outlets else "all outlets"
    if date_from or date_to:
        what += f"; published {date_from or '...'} to {date_to or '...'}"
    else:
        what += "; any date"
    return f"Selection: {what}."


def with_outlet(frame: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """``frame`` with the article's ``outlet`` (``(no outlet)`` when the metadata had none) as a column."""
    outlets = tables["articles"].set_index("article_id")["outlet"]
    result = frame.copy()
    result["outlet"] = result["article_id"].map(outlets).fillna(UNKNOWN_OUTLET)
    return result


def table_rows(tables: Tables) -> pd.DataFrame:
    """Rows per table, in schema order, with what one row is."""
    rows = [{"table": name, "rows": len(tables[name]), "one row per": TABLES[name].row}
            for name in TABLES if name in tables]
    return pd.DataFrame(rows)


def input_status(inputs: pd.DataFrame) -> pd.Series:
    """Inputs by what became of them: read (processed now or kept from an earlier run), duplicate, failed.

    ``processed`` and ``unchanged`` are merged so the counts do not depend on whether the run was incremental.
    """
    status = inputs["outcome"].replace({"processed": "read", "unchanged": "read"})
    return status.value_counts().rename_axis("status").rename("inputs")


def articles_per_period(articles: pd.DataFrame, freq: str = "YS") -> pd.Series:
    """Articles per period of their publication date (year by default); undated articles left out."""
    published = articles["published"].dropna()
    if published.empty:
        return pd.Series(dtype="int64")
    return published.dt.tz_convert(None).dt.to_period(freq[0]).value_counts().sort_index()


def format_number(value: object) -> str:
    """A number as people write it: 1,422 / 0.35 / 600,000,000 (no scientific notation); "" when missing."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    try:
        return f"{float(value):,.10g}" if float(value) != int(float(value)) else f"{int(float(value)):,}"
    except (TypeError, ValueError, OverflowError):
        return str(value)


def shorten(text: object, width: int = 140) -> object:
    """``text`` cut to ``width`` characters with an ellipsis (for tables); non-strings unchanged."""
    if not isinstance(text, str) or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


# ---- attribution -----------------------------------------------------------------------------------------------


def cue_tones(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's cue tone: ``neutral`` / ``loaded`` (the quotes table's ``cue_tone``, from
    ``analysis/data/cue_verbs.yaml``), ``other`` (a cue the lexicon does not rate) or ``none`` (no cue)."""
    has_cue = quotes["cue"].fillna("").str.strip() != ""
    tone = quotes["cue_tone"] if "cue_tone" in quotes.columns else pd.Series(None, index=quotes.index, dtype=object)
    result = tone.where(tone.isin(["neutral", "loaded"]), "other").astype(object)
    result[~has_cue] = "none"
    return result


def body_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes without caption repeats of a body quote (those would be counted twice)."""
    if quotes.empty:
        return quotes
    return quotes[quotes["duplicate_of"].isna()].reset_index(drop=True)


def first_quoted(quotes: pd.DataFrame) -> pd.DataFrame:
    """The first quoted source of each article (by position), with its type."""
    quotes = body_quotes(quotes)
    if quotes.empty:
        return pd.DataFrame(columns=["article_id", "speaker", "speaker_type"])
    first = quotes.sort_values(["article_id", "start"]).groupby("article_id", as_index=False).first()
    first["speaker"] = first["speaker"].fillna("(unattributed)")
    first["speaker_type"] = first["speaker_type"].fillna("unknown")
    return first[["article_id", "speaker", "speaker_type"]]


def with_corpus_speakers(quotes: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Quotes with each ``speaker`` under one name across articles ("ICE" and "U.S. Immigration and Customs
    Enforcement" as one source; see :mod:`analysis.corpus_names`)."""
    if quotes.empty or sources.empty:
        return quotes
    return quotes.assign(speaker=corpus_speakers(quotes, sources))


def source_summary(sources: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """The most quoted sources across articles, each under one name: type, articles, quotes and mean VADER."""
    named = sources.assign(source=sources["source"].map(corpus_names(sources)))
    summary = named.groupby("source").agg(
        source_type=("source_type", lambda kinds: kinds.value_counts().index[0]),
        articles=("article_id", "nunique"), quotes=("n_quotes", "sum"), mean_vader=("mean_vader", "mean"))
    return summary.sort_values(["quotes", "articles"], ascending=False).head(top).reset_index()


# ---- sentiment -------------------------------------------------------------------------------------------------


def narration_sentences(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Body sentences that overlap no quote: the article's own voice."""
    body = sentences[sentences["paragraph_kind"] == "body"]
    if quotes.empty or body.empty:
        return body.reset_index(drop=True)
    overlaps = body.merge(quotes[["article_id", "start", "end"]], on="article_id", suffixes=("", "_q"))
    hit = overlaps[(overlaps["start"] < overlaps["end_q"]) & (overlaps["start_q"] < overlaps["end"])]
    hit_keys = set(zip(hit["article_id"], hit["sentence"], strict=True))
    mask = [(a, s) not in hit_keys for a, s in zip(body["article_id"], body["sentence"], strict=True)]
    return body[mask].reset_index(drop=True)


def opposite_signs(frame: pd.DataFrame, threshold: float = 0.05) -> pd.Series:
    """True where TextBlob polarity and VADER compound point opposite ways, each beyond ``threshold``."""
    return ((frame["polarity"] > threshold) & (frame["vader"] < -threshold)) | (
        (frame["polarity"] < -threshold) & (frame["vader"] > threshold))


def scorer_disagreement(frame: pd.DataFrame, threshold: float = 0.05) -> pd.DataFrame:
    """Rows whose two scores point opposite ways, with ``gap`` = |polarity - vader|, largest gap first."""
    if frame.empty:
        return frame.assign(gap=pd.Series(dtype="float64"))
    result = frame[opposite_signs(frame, threshold)]
    result = result.assign(gap=(result["polarity"] - result["vader"]).abs())
    return result.sort_values(["gap", "article_id"], ascending=[False, True]).reset_index(drop=True)


def sign_label(score: pd.Series, threshold: float = 0.05) -> pd.Series:
    """negative / neutral / positive from a score in [-1, 1], with VADER's customary ±0.05 cut."""
    labels = pd.Series("neutral", index=score.index)
    labels[score > threshold] = "positive"
    labels[score < -threshold] = "negative"
    return labels


# ---- claims ----------------------------------------------------------------------------------------------------


def claim_numbers(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per number quoted in a claim: claim_id, claimant, value, qualifier, unit, text."""
    rows = []
    for claim in claims.itertuples(index=False):
        numbers = claim.numbers
        if numbers is None or (not isinstance(numbers, (list, tuple)) and not hasattr(numbers, "__len__")):
            continue
        for number in numbers:
            rows.append({"claim_id": claim.claim_id, "claimant": claim.claimant or "(the article)",
                         "value": number.get("value"), "qualifier": number.get("qualifier"),
                         "unit": number.get("unit"), "text": claim.text})
    return pd.DataFrame(rows, columns=["claim_id", "claimant", "value", "qualifier", "unit", "text"])
