"""AppTest tests of every dashboard page against a small fixture store (fictional people, real facts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.source import DB_ENV
from tests.dashboard_store import HOSTILE_TITLE, SCRIPT, build_dashboard_store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
ANA = "\"Ketamine cured my depression in three weeks,\" said singer Ana Vega."


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The fixture store, built once for this module; returns its path and claim ids by sentence."""
    path = tmp_path_factory.mktemp("dashboard") / "fixture.duckdb"
    return path, build_dashboard_store(path)


@pytest.fixture
def app(store_db, monkeypatch) -> AppTest:
    """A fresh app session on the fixture store, caches cleared so each test sees its own run."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv(DB_ENV, str(store_db[0]))
    return AppTest.from_file(APP, default_timeout=30)


def page_text(at: AppTest) -> str:
    """Everything the page wrote as text, markdown, captions, titles and alerts."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "error",
                 "metric"):
        for element in getattr(at, kind):
            parts.append(str(getattr(element, "value", "")) + " " + str(getattr(element, "label", "")))
    return "\n".join(parts)


def table(at: AppTest):
    """The first dataframe on the page."""
    assert at.dataframe, "the page shows no table"
    return at.dataframe[0].value


def test_overview_counts_and_demo_banner(app):
    at = app.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Claims"] == "8"
    assert metrics["Articles"] == "5"
    assert metrics["Regulatory facts"] == "6"
    assert "Demo data" in page_text(at)
    assert "Unapproved use" in page_text(at)  # the verdict notes name each label with its friendly name
    assert len(at.get("vega_lite_chart")) == 5


def test_claims_page_lists_all_then_filters_by_person(app):
    at = app.run()
    at.switch_page("views/claims.py").run()
    assert not at.exception
    assert len(table(at)) == 8
    at.sidebar.multiselect(key="filter_people").select("Ana Vega").run()
    shown = table(at)
    assert list(shown["Person"]) == ["Ana Vega", "Ana Vega"]
    assert "**2 claims** match" in page_text(at)


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("filter_verdicts", "unapproved_use", {"Marco Reyes", "Jules Okafor"}),
    ("filter_substances", "ketamine", {"Ana Vega", ""}),  # ketamine brings its form esketamine along
    ("filter_roles", "expert", {"Lena Hart"}),
    ("filter_source_types", "commercial", {"Marco Reyes", "Green Leaf Shop"}),
    ("filter_outlets", "Health Wire", {"Lena Hart", "Jules Okafor"}),
    ("filter_conditions", "anxiety", {"Marco Reyes"}),
    ("filter_claim_types", "legal", {"Lena Hart", "Green Leaf Shop", "Ana Vega"}),
    ("filter_stances", "disputes", {"Ana Vega"}),
])
def test_each_multiselect_filter_narrows_the_table(app, key, value, expected):
    at = app.run()
    at.switch_page("views/claims.py").run()
    at.sidebar.multiselect(key=key).select(value).run()
    assert not at.exception
    assert set(table(at)["Person"]) == expected


def test_search_hedged_and_date_filters(app):
    at = app.run()
    at.switch_page("views/claims.py").run()
    at.sidebar.text_input(key="filter_search").input('"schedule i"').run()
    assert list(table(at)["Person"]) == ["Lena Hart"]
    at.sidebar.text_input(key="filter_search").input("").run()
    at.sidebar.radio(key="filter_hedged").set_value("yes").run()
    assert list(table(at)["Person"]) == ["Marco Reyes"]
    at.sidebar.radio(key="filter_hedged").set_value("any").run()
    from datetime import date
    at.sidebar.date_input(key="filter_dates").set_value((date(2025, 1, 1), date(2025, 3, 1))).run()
    assert set(table(at)["Person"]) == {"Lena Hart", "Jules Okafor", "Zed"}


def test_unchecked_claims_and_demo_toggle(app):
    at = app.run()
    at.switch_page("views/claims.py").run()
    at.sidebar.multiselect(key="filter_verdicts").select("unchecked").run()
    assert list(table(at)["Person"]) == ["Green Leaf Shop"]
    at.sidebar.checkbox(key="filter_include_demo").uncheck().run()
    assert not at.dataframe  # every fixture article is a demo article
    assert "No claims match" in page_text(at)


def test_filters_survive_a_trip_to_another_page(app):
    at = app.run()
    at.switch_page("views/claims.py").run()
    at.sidebar.multiselect(key="filter_people").select("Zed").run()
    at.switch_page("views/overview.py").run()
    at.switch_page("views/claims.py").run()
    assert list(table(at)["Person"]) == ["Zed"]


def test_sorting_and_paging(app):
    at = app.run()
    at.switch_page("views/claims.py").run()
    assert str(table(at)["Published"].iloc[0])[:10] == "2025-06-05"
    at.selectbox(key="claims_sort").select("oldest").run()
    assert str(table(at)["Published"].iloc[0])[:10] == "2024-03-18"
    at.selectbox(key="claims_sort").select("verdict").run()
    assert table(at)["Verdict"].iloc[0].endswith("(unapproved_use)")
    at.selectbox(key="claims_page_size").select(25).run()
    assert at.number_input(key="claims_page").max == 1


def test_open_a_claim_shows_paragraph_facts_and_verdict(app, store_db):
    at = app.run()
    at.switch_page("views/claims.py").run()
    at.sidebar.multiselect(key="filter_people").select("Ana Vega").run()
    claim_id = store_db[1][ANA]
    at.selectbox(key="claims_open_pick").select(claim_id).run()
    at.button(key="claims_open").click().run()
    assert not at.exception
    text = page_text(at)
    assert "Claim detail" in text
    assert "<mark" in text and "cured my depression" in text
    assert "Partly right" in text and "`partly_consistent`" in text
    assert "Spravato" in text and "accessdata.fda.gov" in text  # the fact and its source, beside the verdict
    assert "European Union" in text
    other = [e.label for e in at.expander if e.label.startswith("Other regulatory facts")]
    assert other == ["Other regulatory facts on ketamine (2)"]  # the DEA and UK scheduling facts
    assert set(at.dataframe[0].value["Authority"]) == {"DEA", "Home Office"}
    assert "Demo article" in text
    citation = at.code[0].value
    assert f"Claim: {ANA}" in citation and "Verdict: partly_consistent (Partly right)" in citation
    assert "URL: http://127.0.0.1:9/globe/ana-vega-ketamine" in citation and "Source: https://www.ema.europa.eu" in citation
    assert "Download as ClaimReview (JSON-LD)" in [b.label for b in at.get("download_button")]
    at.button(key="claim_person_claims").click().run()
    assert list(table(at)["Person"]) == ["Ana Vega", "Ana Vega"]


def test_claim_detail_escapes_hostile_article(app, store_db):
    claim_id = store_db[1]["Zed claimed that ibogaine resets the brain overnight."]
    app.query_params["claim"] = claim_id
    at = app.run()
    at.switch_page("views/claim.py").run()
    assert not at.exception
    html_blocks = [m.value for m in at.markdown if "<mark" in m.value]
    assert len(html_blocks) == 1
    assert "<script>" not in html_blocks[0] and "<b>" not in html_blocks[0]
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in html_blocks[0]
    assert "&lt;b&gt;" in html_blocks[0] and "&amp; more" in html_blocks[0]
    assert HOSTILE_TITLE in [t.value for t in at.text]  # shown as plain text, quotes and all
    assert "Not covered" in page_text(at)


def test_hostile_search_is_only_a_search(app, store_db):
    at = app.run()
    at.switch_page("views/claims.py").run()
    at.sidebar.text_input(key="filter_search").input("'; DROP TABLE claims; --").run()
    assert not at.exception
    assert list(table(at)["Person"]) == ["Zed"]  # it matches the hostile headline, as text
    at.sidebar.text_input(key="filter_search").input("").run()
    assert len(table(at)) == 8  # and the claims table is still whole
    assert SCRIPT not in page_text(at)


def test_people_page_shows_a_persons_record(app):
    at = app.run()
    at.switch_page("views/people.py").run()
    assert not at.exception
    assert table(at)["Person"].iloc[0] == "Ana Vega"  # most-cited first
    assert "Lena Hart" not in set(table(at)["Person"])  # an expert, not a public figure
    at.radio(key="people_who").set_value("everyone").run()
    assert {"Lena Hart", "Green Leaf Shop"} <= set(table(at)["Person"])
    at.selectbox(key="people_pick").select("Marco Reyes").run()
    text = page_text(at)
    assert "Marco Reyes" in [h.value for h in at.header]
    assert "**1 claim** said by or naming Marco Reyes" in text
    claims = at.dataframe[2].value
    assert list(claims["Claim"]) == ["Actor Marco Reyes says CBD oil may ease his anxiety before every premiere."]
    assert claims["Verdict"].iloc[0].endswith("(unapproved_use)")
    at.button(key="people_to_claims").click().run()
    assert list(table(at)["Person"]) == ["Marco Reyes"]  # the Claims page opens filtered to them


def test_substances_page_shows_timeline_and_table_per_jurisdiction(app):
    at = app.run()
    at.switch_page("views/substances.py").run()
    assert not at.exception
    at.selectbox(key="substances_pick").select("ketamine").run()
    including = [c.value for c in at.caption if c.value.startswith("Including: ")]
    assert including and "esketamine" in including[0][len("Including: "):].split(", ")
    assert [h.value for h in at.subheader][:3] == ["European Union", "United Kingdom", "United States"]
    us = at.dataframe[3].value
    assert list(us["Fact"]) == ["us-dea-ketamine-schedule-iii", "us-fda-spravato-approval-2019"]
    assert set(at.dataframe[2].value["Decision"]) == {"scheduling"}
    assert len(at.get("vega_lite_chart")) == 2  # the timeline and the verdicts of its claims
    at.selectbox(key="substances_pick").select("ibogaine").run()
    assert "holds no regulatory decisions" in page_text(at)


def test_classroom_page_filters_by_cue_and_offers_sheets(app):
    at = app.run()
    at.switch_page("views/classroom.py").run()
    assert not at.exception
    at.selectbox(key="classroom_cue").select("unsourced_statistic").run()
    sheet = [m.value for m in at.markdown if m.value.startswith("# ")][0]
    assert sheet.count("## Claim ") == 1
    assert "Jules Okafor" in sheet and "Number without a source" in sheet and "90%" in sheet
    assert "`unapproved_use`" in sheet
    at.checkbox(key="classroom_answer_key").check().run()
    sheet = [m.value for m in at.markdown if m.value.startswith("# ")][0]
    assert sheet.index("## Answer key") < sheet.index("`unapproved_use`")
    labels = [b.label for b in at.get("download_button")]
    assert any("HTML" in label for label in labels) and any("Markdown" in label for label in labels)
    at.selectbox(key="classroom_cue").select("all").run()
    at.sidebar.multiselect(key="filter_people").select("Zed").run()
    sheet = [m.value for m in at.markdown if m.value.startswith("# ")][0]
    assert "<script>" not in sheet
    assert "ibogaine resets the brain overnight" in sheet and sheet.count("## Claim ") == 1


def test_claim_page_without_a_claim_points_to_claims(app):
    at = app.run()
    at.switch_page("views/claim.py").run()
    assert not at.exception
    assert "Choose a claim" in page_text(at)
    app.query_params["claim"] = "no-such-claim"
    at = app.run()
    assert "not in the store" in page_text(at)


def test_missing_store_gives_one_clear_message(monkeypatch, tmp_path):
    import streamlit as st

    st.cache_data.clear()
    monkeypatch.setenv(DB_ENV, str(tmp_path / "absent.duckdb"))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        f"Cannot show data: no store at {tmp_path / 'absent.duckdb'}: run `healthclaims run --db "
        f"{tmp_path / 'absent.duckdb'}` first"]


def test_hostile_names_are_escaped_wherever_markdown_shows_them(tmp_path, monkeypatch):
    import streamlit as st

    from store import Store

    hostile = "[Dr Evil](javascript:alert(1)) <img src=x onerror=alert(2)> **bold**"
    db = tmp_path / "hostile.duckdb"
    build_dashboard_store(db)
    with Store(db) as store:
        text = "Dr Evil said kratom cures everything."
        _, article_id = store.save_article({"url": "http://127.0.0.1:9/evil", "title": hostile, "text": text,
                                            "publisher": hostile, "source_type": "blog"})
        store.save_claims(article_id, [{"span_start": 0, "span_end": len(text), "text": text,
                                        "claimant_name": hostile, "claimant_role": "celebrity",
                                        "substances": ["kratom"]}])
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv(DB_ENV, str(db))
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("views/people.py").run()
    at.selectbox(key="people_pick").select(hostile).run()
    assert not at.exception
    header = at.header[0].value
    assert not re.search(r"(?<!\\)\]\(", header)  # no link: every bracket is escaped
    assert "<img" not in header and "**" not in header
    assert header.replace("\\", "") == hostile.replace("<", "&lt;").replace(">", "&gt;")
    claim_id = at.dataframe[2].value["Open"].iloc[0].split("=")[1]
    at.query_params["claim"] = claim_id
    at.switch_page("views/claim.py").run()
    shown = "\n".join(m.value for m in [*at.markdown, *at.caption])  # what Markdown renders
    assert "Dr Evil" in shown and "<img" not in shown and not re.search(r"(?<!\\)\]\(javascript", shown)
    assert hostile in [t.value for t in at.text]  # the title, as plain text


@pytest.mark.parametrize(("page", "message"), [
    ("views/overview.py", "No claims yet"),
    ("views/claims.py", "No claims match"),
    ("views/claim.py", "Choose a claim"),
    ("views/people.py", "No public figures quoted yet"),
    ("views/substances.py", "No substances yet"),
    ("views/classroom.py", "No claims match"),
])
def test_every_page_explains_an_empty_store(tmp_path, monkeypatch, page, message):
    import streamlit as st

    from store import Store

    db = tmp_path / "empty.duckdb"
    Store(db).close()  # migrated and published, but nothing crawled yet
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv(DB_ENV, str(db))
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page(page).run()
    assert not at.exception
    assert message in page_text(at)
