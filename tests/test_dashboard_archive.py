"""The claim page offers the article's archived copy (WARC record) as a download, never as rendered HTML."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from crawler.archive import WarcArchive
from dashboard.archive import archived_copy
from dashboard.safe_text import md
from dashboard.source import DB_ENV
from store import Store
from tests.dashboard_store import ARTICLES, build_dashboard_store
from tests.test_dashboard import ANA, APP, page_text

PAGE = b"<html><head><title>Archived</title></head><body><script>alert(1)</script>Ana Vega page</body></html>"


@pytest.fixture
def archived(tmp_path, monkeypatch):
    """The fixture store with its first article pointing at a real WARC record of its page."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    archive = WarcArchive(tmp_path / "warc", "test")
    warc_file, record_id, _ = archive.write_response(
        ARTICLES[0][0]["url"], 200, "OK", [("Content-Type", "text/html; charset=utf-8")], PAGE)
    archive.close()
    path = tmp_path / "store.duckdb"
    ids = build_dashboard_store(path)
    with Store(path) as store:
        store.con.execute("UPDATE articles SET warc_file = ?, warc_record_id = ? WHERE url = ?",
                          [warc_file, record_id, ARTICLES[0][0]["url"]])
    monkeypatch.setenv(DB_ENV, str(path))
    return warc_file, record_id, ids


def test_archived_copy_reads_the_record_or_says_why(archived, tmp_path):
    warc_file, record_id, _ = archived
    copy = archived_copy(warc_file, record_id)
    assert copy.content == PAGE and copy.mime == "text/html" and copy.fetched
    assert archived_copy(None, None).note == "This article has no archived copy."
    missing = archived_copy(str(tmp_path / "gone.warc.gz"), record_id)
    assert missing.content is None and missing.note.startswith("The archived copy could not be read: cannot open")


def test_claim_page_offers_the_archived_copy_as_a_download(archived):
    _, record_id, ids = archived
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["claim"] = ids[ANA]
    at.run()
    at.switch_page("views/claim.py").run()
    assert not at.exception
    assert "Download the archived copy" in [b.label for b in at.get("download_button")]
    assert md(f"Archived copy: WARC record {record_id}") in page_text(at)
    assert "alert(1)" not in page_text(at)  # the archived page itself is never drawn
