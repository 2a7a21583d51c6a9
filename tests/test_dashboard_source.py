"""The dashboard reads the published snapshot read-only, follows it when it changes, and survives a writer."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.source import DB_ENV, ReadOnlyStore, current_source, database_path
from store import Store, StoreError, snapshot_path
from tests.dashboard_store import build_dashboard_store
from tests.test_dashboard import APP, page_text

EXTRA = {"url": "http://127.0.0.1:9/late/new-story", "title": "A late story", "publisher": "Late Wire",
         "published": "2025-09-01", "source_type": "news",
         "text": "Comedian Pia Lund said MDMA fixed her back pain."}


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A fresh fixture store the app is pointed at, caches cleared."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    path = tmp_path / "live.duckdb"
    build_dashboard_store(path)
    monkeypatch.setenv(DB_ENV, str(path))
    return path


def add_claim(path) -> None:
    """What a tagging run does: one more article and claim, then a fresh snapshot on close."""
    with Store(path) as store:
        _, article_id = store.save_article(dict(EXTRA))
        text = EXTRA["text"]
        store.save_claims(article_id, [{"span_start": 0, "span_end": len(text), "text": text,
                                        "claimant_name": "Pia Lund", "claimant_role": "celebrity",
                                        "substances": ["mdma"], "conditions": ["back pain"]}])


def test_source_prefers_snapshot_then_database_then_explains(tmp_path, db):
    assert current_source(db).path == snapshot_path(db) and current_source(db).is_snapshot
    snapshot_path(db).unlink()
    assert current_source(db).path == db and not current_source(db).is_snapshot
    with pytest.raises(StoreError, match="no store at .*absent.duckdb: run `healthclaims run"):
        current_source(tmp_path / "absent.duckdb")
    assert database_path(["--db", "/x/y.duckdb"]).as_posix() == "/x/y.duckdb"


def test_app_shows_new_data_when_the_snapshot_is_replaced(db):
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert {m.label: m.value for m in at.metric}["Claims"] == "8"
    time.sleep(0.01)  # a new modification time, even on coarse file systems
    add_claim(db)
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Claims"] == "9"
    at.switch_page("views/claims.py").run()
    at.sidebar.multiselect(key="filter_people").select("Pia Lund").run()
    assert list(at.dataframe[0].value["Claim"]) == [EXTRA["text"]]


def test_old_reader_keeps_its_view_while_a_new_one_sees_the_new_snapshot(db):
    before = ReadOnlyStore(current_source(db))
    add_claim(db)
    after = ReadOnlyStore(current_source(db))
    count = "SELECT count(*) FROM claims"
    assert before.cursor().execute(count).fetchone()[0] == 8
    assert after.cursor().execute(count).fetchone()[0] == 9
    before.close()
    after.close()


HOLD_WRITER = textwrap.dedent("""
    import sys, time
    from store import Store
    store = Store(sys.argv[1])
    print("open", flush=True)
    time.sleep(30)
""")


@pytest.fixture
def writer(db):
    """Another process holding the database open for writing, as a crawl does."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    yield proc
    proc.kill()
    proc.wait()


def test_dashboard_keeps_working_while_a_writer_holds_the_database(db, writer):
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Claims"] == "8"
    at.switch_page("views/claims.py").run()
    assert len(at.dataframe[0].value) == 8


def test_no_snapshot_and_a_busy_writer_gives_a_plain_message(db, writer):
    snapshot_path(db).unlink()
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "is being written and has no read snapshot yet" in page_text(at)


TRY_WRITER = textwrap.dedent("""
    import sys
    from store import Store, StoreError
    try:
        with Store(sys.argv[1]) as store:
            store.record_run("tag", store.con.execute("SELECT now()::TIMESTAMP").fetchone()[0], {})
    except StoreError as exc:
        print(exc)
        sys.exit(3)
""")


def test_reading_the_database_itself_never_locks_out_the_next_writer(db):
    snapshot_path(db).unlink()
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert {m.label: m.value for m in at.metric}["Claims"] == "8"
    assert "Reading the database" in page_text(at)
    done = subprocess.run([sys.executable, "-c", TRY_WRITER, str(db)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    at.run()  # the writer published a snapshot on closing; the app moves over to it
    assert "Reading the snapshot" in page_text(at)
