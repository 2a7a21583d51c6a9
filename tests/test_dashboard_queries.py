"""The dashboard's named queries: filter building, caps, paging and sorting, literal search."""

from __future__ import annotations

import duckdb
import pytest

from store import queries, snapshot_path
from tests.dashboard_store import build_dashboard_store


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """A read-only connection on the fixture store's snapshot."""
    path = tmp_path_factory.mktemp("queries") / "fixture.duckdb"
    build_dashboard_store(path)
    with duckdb.connect(str(snapshot_path(path)), read_only=True) as connection:
        yield connection


def test_unknown_filters_sorts_and_cues_are_one_line_errors(con):
    with pytest.raises(ValueError, match="unknown claim filter 'colour'"):
        queries.claim_count(con, {"colour": ["red"]})
    with pytest.raises(ValueError, match="unknown sort 'random'"):
        queries.claim_page(con, {}, sort="random")
    with pytest.raises(ValueError, match="unknown cue 'vibes'"):
        queries.claim_count(con, {"cue": "vibes"})


def test_paging_walks_every_claim_once_in_order(con):
    seen = []
    for offset in range(0, 8, 3):
        seen += [r["claim_id"] for r in queries.claim_page(con, {}, sort="oldest", limit=3, offset=offset)]
    assert len(seen) == len(set(seen)) == 8
    assert queries.claim_page(con, {}, limit=10**9)[:8] == queries.claim_page(con, {}, limit=8)
    assert len(queries.claim_page(con, {}, limit=-5)) == 0


def test_filters_combine_with_and(con):
    both = {"people": ["Ana Vega"], "claim_types": ["legal"]}
    rows = queries.claim_page(con, both)
    assert [r["text"] for r in rows] == ["Ana Vega said she now avoids ketamine because it is a controlled drug in Britain."]
    assert queries.claim_count(con, both) == 1
    assert queries.claim_count(con, {"verdicts": ["consistent", "unchecked"]}) == 4


def test_search_is_literal_and_case_blind(con):
    assert queries.claim_count(con, {"search": "90%"}) == 1
    assert queries.claim_count(con, {"search": "9_%"}) == 0  # no LIKE wildcards
    assert queries.claim_count(con, {"search": "KETAMINE cured"}) == 1
    assert queries.claim_count(con, {"search": '"cured my"'}) == 1
    assert queries.claim_count(con, {"search": '"my cured"'}) == 0
    assert queries.search_terms('a "b c" d') == ["a", "b c", "d"]


def test_cue_filter_and_overview_aggregates(con):
    assert {r["claimant_name"] for r in queries.claim_page(con, {"cue": "commercial_source"})} == {
        "Marco Reyes", "Green Leaf Shop"}
    by_verdict = {r["verdict"]: r["claims"] for r in queries.claims_by_verdict(con)}
    assert by_verdict == {"unapproved_use": 2, "partly_consistent": 1, "consistent": 3, "not_covered": 1,
                          "unchecked": 1}
    assert sum(r["claims"] for r in queries.claims_by_month(con)) == 8
    assert queries.claims_by_substance(con, limit=1)[0]["claims"] == 2


def test_claim_verdicts_carry_their_facts(con):
    claim = queries.claim_page(con, {"search": "cured"})[0]["claim_id"]
    verdicts = queries.claim_verdicts(con, claim)
    assert [(v["jurisdiction"], v["authority"], v["verdict"]) for v in verdicts] == [
        ("EU", "EMA", "partly_consistent"), ("US", "FDA", "partly_consistent")]
    assert queries.claim_detail(con, "nope") is None


def test_any_cue_keeps_only_claims_with_a_warning_sign(con):
    people = {r["claimant_name"] for r in queries.claim_page(con, {"cue": "any"})}
    assert people == {"Ana Vega", "Marco Reyes", "Green Leaf Shop", "Jules Okafor", "Zed"}


def test_claim_ids_filter_selects_exactly_those_claims(con):
    ids = [r["claim_id"] for r in queries.claim_page(con, {}, limit=3)]
    assert {r["claim_id"] for r in queries.claims_selection(con, {"claim_ids": ids[:2]})} == set(ids[:2])


def test_verdicts_by_outlet_splits_each_outlets_claims(con):
    found = {(r["outlet"], r["verdict"]): r["claims"] for r in queries.verdicts_by_outlet(con)}
    assert found[("Green Leaf Shop", "unapproved_use")] == 1 and found[("Green Leaf Shop", "unchecked")] == 1
    assert found[("The Daily Globe", "partly_consistent")] == 1 and found[("The Daily Globe", "consistent")] == 1
    assert sum(found.values()) == 8
    assert {r["outlet"] for r in queries.verdicts_by_outlet(con, limit=1)} == {"Green Leaf Shop"}


def test_top_people_leaves_out_organisations(tmp_path):
    """Organisations make claims, but the most-cited people chart ranks people only."""
    from store import Store, queries
    from tests.store_samples import ARTICLE, claims_for

    db = tmp_path / "orgs.duckdb"
    with Store(db) as store:
        _, aid = store.save_article(dict(ARTICLE))
        person, org = claims_for(ARTICLE["text"])
        org.update(claimant_name="US Food and Drug Administration", claimant_role="organisation")
        store.save_claims(aid, [person, org])
        names = [r["person"] for r in queries.top_people(store.con)]
        counts = queries.store_counts(store.con)
    assert names == ["Ana Vega"]
    assert counts["people"] == 1
