"""A crawl killed with SIGKILL midway resumes where it stopped: every page stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from bench.sites import serve_generated_site
from crawler.archive import read_record

REPO = Path(__file__).resolve().parents[1]
N_PAGES = 120


def count_articles(db: Path) -> int:
    """Articles in a store (opened writable: a killed writer may have left a WAL to replay)."""
    deadline = time.monotonic() + 20
    while True:  # the killed crawl's child process lets go of the file lock a moment after the kill
        try:
            con = duckdb.connect(str(db))
            break
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_midway_then_resume_stores_every_page_once(tmp_path):
    db = tmp_path / "resume.duckdb"
    requested: list[str] = []
    with serve_generated_site(N_PAGES, delay=0.05, log=requested) as base_url:
        # Small write batches (the default is 200) and inline extraction (no worker start-up lag),
        # so some batches are committed before the kill.
        options = {"quiet": True, "depth": 50, "batch_items": 10, "extract_processes": 0}
        code = f"from crawler.run import crawl_urls; crawl_urls([{base_url!r}], {str(db)!r}, {options!r})"
        # A new session: the kill reaches the crawl's child process too, as `kill -9` on a process group.
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, start_new_session=True,
                                stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while sum(p.startswith("/articles/") for p in requested) < N_PAGES // 2:
            assert proc.poll() is None, "the crawl ended before it could be killed"
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        fetched_before = sum(p.startswith("/articles/") for p in requested)
        stored_before = count_articles(db)
        assert 0 < stored_before < N_PAGES

        from crawler.run import crawl_urls

        summary = crawl_urls([base_url], str(db), {"quiet": True, "depth": 50})
        fetched_total = sum(p.startswith("/articles/") for p in requested)

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (N_PAGES, N_PAGES)
    stored_per_url = con.execute(
        "SELECT url, count(*) FROM crawl_log WHERE outcome = 'stored' GROUP BY url HAVING count(*) > 1").fetchall()
    assert stored_per_url == []
    assert con.execute("SELECT status FROM crawls").fetchall() == [("finished",)]
    assert con.execute("SELECT count(*) FROM crawl_frontier WHERE state = 'queued'").fetchone()[0] == 0
    # Every stored page points at a readable archived copy, the killed run's included.
    archived = con.execute("SELECT url, warc_file, warc_record_id FROM articles").fetchall()
    con.close()
    for url, warc_file, record_id in archived:
        headers, body = read_record(warc_file, record_id)
        assert headers["WARC-Target-URI"] == url and b"<article>" in body
    # Resumed, not restarted: the second run fetched only what the first had not finished.
    assert summary["stored"] == N_PAGES - stored_before
    assert fetched_total - fetched_before < N_PAGES - stored_before + 20
    assert json.dumps(summary)  # a plain dict the CLI can print
