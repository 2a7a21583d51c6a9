"""ClaimReview JSON-LD and the dashboard's selection downloads, checked field by field on the fixture store."""

from __future__ import annotations

import csv
import io
import json
import re

import duckdb
import pyarrow.parquet as pq
import pytest

from dashboard.downloads import FORMATS, selection_file
from store import Store, queries, snapshot_path
from tests.dashboard_store import ARTICLES, FACTS, build_dashboard_store

ANA = "\"Ketamine cured my depression in three weeks,\" said singer Ana Vega."
MIRROR = "http://127.0.0.1:9/mirror/ana-vega-ketamine"


@pytest.fixture
def store_db(tmp_path):
    """The fixture store, plus a syndicated copy of the first article at a second URL."""
    path = tmp_path / "fixture.duckdb"
    ids = build_dashboard_store(path)
    with Store(path) as store:
        outcome, _ = store.save_article(dict(ARTICLES[0][0], url=MIRROR))
    assert outcome == "duplicate"
    return path, ids


def reviews_by_claim(path) -> dict[str, dict]:
    """The ClaimReview objects of an export file, keyed by the claim sentence."""
    reviews = json.loads(path.read_text(encoding="utf-8"))
    return {r["claimReviewed"]: r for r in reviews}


def test_cli_claimreview_export_has_the_fields_fact_checkers_read(store_db, cli, tmp_path):
    db, ids = store_db
    out = tmp_path / "reviews.json"
    code, stdout, stderr = cli("export", "--table", "claims", "--format", "claimreview", "--out", out, "--db", db)
    assert code == 0, stderr
    assert "exported 7 claims rows as claimreview" in stdout
    reviews = reviews_by_claim(out)
    assert len(reviews) == 7
    assert "Our gummies are legal in all 50 states." not in reviews  # never checked: no review to publish

    ana = reviews[ANA]
    assert ana["@context"] == "https://schema.org" and ana["@type"] == "ClaimReview"
    assert ana["url"].endswith(f"#claim-{ids[ANA]}")
    assert ana["author"] == {"@type": "Organization", "name": "healthclaims fact-check dataset"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", ana["datePublished"])
    rating = ana["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["name"] == "partly_consistent"
    assert rating["alternateName"] == "Partly consistent with the regulatory record"
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (3, 5, 1)
    assert "treatment-resistant depression" in rating["ratingExplanation"]
    item = ana["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ana Vega"}
    assert item["datePublished"] == "2024-03-18"
    urls = [a["url"] for a in item["appearance"]]
    assert urls == [ARTICLES[0][0]["url"], MIRROR]  # the original first, then the syndicated copy
    assert item["appearance"][0]["headline"] == "Singer Ana Vega opens up about ketamine"
    assert item["appearance"][0]["publisher"] == {"@type": "Organization", "name": "The Daily Globe"}
    assert set(ana["citation"]) == {FACTS[0]["source_url"], FACTS[1]["source_url"]}


def test_claimreview_authors_and_ratings_per_kind_of_claimant(store_db, cli, tmp_path):
    db, _ = store_db
    out = tmp_path / "reviews.json"
    cli("export", "--table", "claims", "--format", "claimreview", "--out", out, "--db", db)
    reviews = reviews_by_claim(out)
    written = reviews["Spravato was approved by the FDA in 2019 for treatment-resistant depression."]
    assert written["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Daily Globe"}
    assert written["reviewRating"]["ratingValue"] == 5
    cbd = reviews["Actor Marco Reyes says CBD oil may ease his anxiety before every premiere."]
    assert cbd["reviewRating"]["alternateName"] == "Unapproved use"
    assert cbd["reviewRating"]["ratingValue"] == 2
    zed = reviews["Zed claimed that ibogaine resets the brain overnight."]
    assert zed["reviewRating"]["name"] == "not_covered" and "ratingValue" not in zed["reviewRating"]


def selection(db, filters=None) -> list[dict]:
    """The claims a dashboard filter selects, as claims_selection returns them."""
    with duckdb.connect(str(snapshot_path(db)), read_only=True) as con:
        return queries.claims_selection(con, filters)


def test_dashboard_downloads_of_a_selection_in_every_format(store_db):
    db, ids = store_db
    rows = selection(db, {"people": ["Ana Vega"]})
    assert len(rows) == 2

    table = list(csv.DictReader(io.StringIO(selection_file(rows, "csv").decode("utf-8-sig"))))
    assert [r["claimant"] for r in table] == ["Ana Vega", "Ana Vega"]
    assert table[0]["verdicts"] == "partly_consistent" and table[0]["published"] == "2024-03-18"

    lines = selection_file(rows, "jsonl").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["claim_id"] for r in records][0] == ids[ANA]
    assert records[0]["article"]["appearances"] == [ARTICLES[0][0]["url"], MIRROR]

    parquet = pq.read_table(io.BytesIO(selection_file(rows, "parquet")))
    assert parquet.num_rows == 2 and "verdicts" in parquet.column_names

    reviews = json.loads(selection_file(rows, "claimreview"))
    assert [r["itemReviewed"]["author"]["name"] for r in reviews] == ["Ana Vega", "Ana Vega"]
    assert set(FORMATS) == {"csv", "jsonl", "parquet", "claimreview"}
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        selection_file(rows, "xml")


def test_whole_selection_download_matches_the_cli_export(store_db, cli, tmp_path):
    db, _ = store_db
    out = tmp_path / "claims.jsonl"
    assert cli("export", "--table", "claims", "--format", "jsonl", "--out", out, "--db", db)[0] == 0
    from_cli = out.read_text(encoding="utf-8").splitlines()
    from_dashboard = selection_file(selection(db), "jsonl").decode("utf-8").splitlines()
    assert from_dashboard == from_cli
    assert len(from_cli) == 8


def test_an_organisation_claimant_is_an_organization_author(store_db):
    from exports.claimreview import claim_review
    from exports.records import claim_record

    db, _ = store_db
    record = claim_record(selection(db, {"people": ["Green Leaf Shop"]})[0])
    record["verdicts"] = [{"fact_id": FACTS[5]["fact_id"], "substance": "cannabidiol", "jurisdiction": "US",
                           "verdict": "unapproved_use", "rationale": "Not an approved use.",
                           "source_url": FACTS[5]["source_url"]}]
    review = claim_review(record)
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Green Leaf Shop"}
    assert review["reviewRating"]["ratingExplanation"] == "Not an approved use."
