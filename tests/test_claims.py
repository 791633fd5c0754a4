"""Claims on the seed article, the number parser, the check-worthiness model and its evaluation."""

from __future__ import annotations

import pytest

from analysis.checkworthiness import check_worthiness
from analysis.claims import claim_rows, classify_claim
from analysis.numbers import is_statistic, parse_numbers
from analysis.segment import segment_paragraphs
from tests.conftest import shared_path

DHS = "Department of Homeland Security"


def _numbers(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(n.value, n.qualifier, n.unit) for n in parse_numbers(text)]


@pytest.fixture(scope="module")
def seed_quotes(seed_text, seed_gold) -> list[dict]:
    """Quote rows built by hand from the seed gold (offsets found by searching the gold text)."""
    rows = []
    for quote in seed_gold["quotes"]:
        start = seed_text.find(quote["text"])
        assert start >= 0, quote["text"]
        rows.append({"quote_id": quote["id"], "start": start, "end": start + len(quote["text"]),
                     "speaker": quote["speaker"], "speaker_type": quote.get("speaker_type"), "cue": quote.get("cue")})
    return rows


@pytest.fixture(scope="module")
def seed_claims(seed_doc, seed_text, seed_quotes) -> list[dict]:
    return claim_rows("seed", seed_doc, segment_paragraphs(seed_text), seed_quotes)


def test_rows_match_schema_and_text(seed_claims, seed_text):
    from analysis.schema import TABLES

    columns = set(TABLES["claims"].column_names)
    for row in seed_claims:
        assert set(row) == columns
        assert row["text"] == seed_text[row["start"]:row["end"]]
        assert 0.0 <= row["check_worthiness"] <= 1.0
    assert len({r["claim_id"] for r in seed_claims}) == len(seed_claims)


def test_every_quote_is_a_claim(seed_claims, seed_quotes):
    by_quote = {r["quote_id"]: r for r in seed_claims if r["quote_id"]}
    assert set(by_quote) == {q["quote_id"] for q in seed_quotes}
    for quote in seed_quotes:
        assert by_quote[quote["quote_id"]]["claimant"] == quote["speaker"]


def test_statistic_with_both_numbers(seed_claims):
    [row] = [r for r in seed_claims if r["text"].startswith("Nearly 5,000")]
    assert row["claim_type"] == "statistic"
    assert {"value": 5000.0, "qualifier": "nearly", "unit": "unaccompanied children"} in row["numbers"]
    assert {"value": 70.0, "qualifier": None, "unit": "days"} in row["numbers"]


def test_dhs_denials(seed_claims):
    denials = [r for r in seed_claims if r["claim_type"] == "denial" and r["claimant"] == DHS]
    assert len(denials) >= 4
    assert any(r["text"].startswith("pushed back") for r in denials)


def test_disputed_media_narrative(seed_claims):
    [row] = [r for r in seed_claims if "entering elementary schools" in r["text"]]
    assert row["claim_type"] == "reported"
    assert row["disputed_by"] == DHS
    assert row["claimant"] == "various media outlets"
    [rebutted] = [r for r in seed_claims if r["text"].endswith("removing children from school")
                  and r["claim_type"] == "reported"]
    assert rebutted["disputed_by"] == DHS


def test_claimants_match_gold(seed_claims, seed_gold, seed_text):
    """Every claim row that overlaps a gold claim in the same paragraph carries that claim's claimant."""
    quote_text = {q["id"]: q["text"] for q in seed_gold["quotes"]}
    checked = 0
    for gold in seed_gold["claims"]:
        text = quote_text.get(gold.get("quote"), gold.get("text"))
        start = seed_text.find(text)
        end = start + len(text)
        matches = [r for r in seed_claims if r["paragraph"] == gold["paragraph"] and r["start"] < end
                   and start < r["end"] and (r["claim_type"] == "denial") == (gold["type"] == "denial")]
        assert matches, f"no claim row for gold claim {text!r}"
        for row in matches:
            assert row["claimant"] == gold["claimant"], row["text"]
            checked += 1
    assert checked >= len(seed_gold["claims"])
    assert all(r["claimant"] for r in seed_claims if r["quote_id"])


def test_reported_own_sentence(seed_claims):
    [row] = [r for r in seed_claims if "reports in early April" in r["text"]]
    assert row["claim_type"] == "reported" and row["claimant"] is None and row["quote_id"] is None


def test_teaser_is_not_a_claim(seed_claims):
    assert not any("FIRES BACK" in r["text"] for r in seed_claims)


@pytest.mark.parametrize(("text", "expected"), [
    ("ICE did not conduct any enforcement action at the school.", "denial"),
    ("The visits had nothing to do with immigration enforcement.", "denial"),
    ("Agents were on campus for reasons not related to enforcement.", "denial"),
    ("We will continue to work with federal law enforcement.", "promise"),
    ("The senator accused the agency of misleading Congress.", "accusation"),
    ("There were reports of agents at two schools.", "reported"),
    ("Unemployment fell to 3.5 percent last year.", "statistic"),
    ("The agency works to protect children.", "assertion"),
    # negation alone denies nothing (sentences of the sample's releases)
    ("If your child has received DACA, you should not be deported.", "assertion"),
    ("A deportation policy that does not target those that pose a real threat makes our communities less safe.",
     "assertion"),
    ("U.S. citizens will not be targeted for interrogation and apprehension.", "promise"),
    ("ICE and HSI agents have not been there to conduct immigration enforcement.", "denial"),
])
def test_classify_claim(text, expected):
    assert classify_claim(text) == expected


def test_reported_cue_makes_a_reported_claim():
    assert classify_claim("Agents were seen at the school.", cue="reported") == "reported"
    assert classify_claim("Agents were seen at the school.", speaker_type="media") == "reported"
    assert classify_claim("Agents did not enter the school.", cue="reported") == "denial"


@pytest.mark.parametrize(("text", "expected"), [
    ("Nearly 5,000 unaccompanied children were reunited in the past 70 days",
     [(5000.0, "nearly", "unaccompanied children"), (70.0, None, "days")]),
    ("The program cost about $4.5 billion in 2019.", [(4.5e9, "about", "dollars")]),
    ("More than a dozen agents arrived on April 5 at 9 a.m.", [(12.0, "more than", "agents")]),
    ("Unemployment fell to 3.5 percent, up to 10% in some states.",
     [(3.5, None, "percent"), (10.0, "at most", "percent")]),
    ("We lost 700,000 jobs.", [(700000.0, None, "jobs")]),
    ("at least three elementary schools", [(3.0, "at least", "elementary schools")]),
    ("Sign 287(g) agreements, said Pocan (WI-02) on [09/22/17].", []),
    ("It happened in 2019 and one of them said so.", []),
    ("Call (202) 225-5084 or write to press@mail.house.gov for 3 copies.", [(3.0, None, "copies")]),
    ("the 1st and 2nd districts saw 40 arrests", [(40.0, None, "arrests")]),
])
def test_parse_numbers(text, expected):
    assert _numbers(text) == expected


def test_references_in_a_release_are_not_statistics():
    """A real release's link list, file name and mailing address (a public-domain text in the bundled sample): no
    quantity in it, so no statistic."""
    from tests.conftest import PROJECT

    text = (PROJECT / "data" / "raw" / "congress" / "cong_luis_gutierrez_00163.txt").read_text(encoding="utf-8")
    start = text.index("Links to ICE Tweets")
    links = text[start:text.index("20024", start) + 5]
    assert "https://twitter.com/ICEgov/status/" in links and "500 12th St, SW" in links and "LETTER 031017" in links
    assert _numbers(links) == []


def test_number_offsets_cover_the_quantity():
    text = "Officials said nearly 5,000 children were reunited."
    [number] = parse_numbers(text)
    assert text[number.start:number.end] == "nearly 5,000 children"
    assert is_statistic([number])
    assert not is_statistic(parse_numbers("sections 236 and 287 of the Act"))


def test_checkworthiness_orders_clear_examples():
    factual = check_worthiness("Unemployment fell to 3.5 percent last year, the lowest rate in 50 years.")
    chatter = check_worthiness("Thank you very much, it is great to be here tonight.")
    assert 0.0 <= chatter < 0.2 < factual <= 1.0


def test_claims_evaluation_on_a_slice(tmp_path):
    """Leave-debates-out MAP on three debates of the CLEF train part (copied to a temporary folder, without
    ClaimBuster, to keep the test fast)."""
    import json

    from analysis.evaluation.claims import evaluate, format_report

    pytest.importorskip("sklearn", reason="leave-debates-out evaluation retrains the model with scikit-learn")
    rows = [json.loads(line) for line in shared_path("gold", "claims", "clef2019_train.jsonl").open(encoding="utf-8")]
    debates = list(dict.fromkeys(r["source"] for r in rows))[:3]
    gold = tmp_path / "clef_slice.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows if r["source"] in debates), encoding="utf-8")
    result = evaluate(gold, limit=None)
    assert result["debates"] == 3 and result["claimbuster_rows"] == 0 and 0.0 < result["map"] <= 1.0
    assert "MAP" in format_report(result)


def test_seed_with_the_quotes_stage(seed_doc, seed_text):
    """The issue's checks hold with the quotes stage's own rows, not only with gold quotes."""
    from analysis.quotes import quote_rows

    paragraphs = segment_paragraphs(seed_text)
    rows = claim_rows("seed", seed_doc, paragraphs, quote_rows("seed", seed_doc, paragraphs))
    [statistic] = [r for r in rows if "Nearly 5,000" in r["text"]]
    assert statistic["claim_type"] == "statistic" and len(statistic["numbers"]) == 2
    assert sum(r["claim_type"] == "denial" and r["claimant"] == DHS for r in rows) >= 4
    [narrative] = [r for r in rows if "entering elementary schools" in r["text"]]
    assert (narrative["claim_type"], narrative["disputed_by"]) == ("reported", DHS)
