"""The crawl through the `healthclaims` command and its settings: options, seeds, one-line errors, demo flag."""

from __future__ import annotations

import duckdb
import pytest

from bench.sites import serve_pages
from crawler.settings import USER_AGENT, build_settings
from tests.test_crawl import news_pages


@pytest.fixture(scope="module")
def site():
    """The news fixture site on 127.0.0.1."""
    with serve_pages({}) as running:
        running.pages.update(news_pages(running.base_url))
        yield running


def test_polite_by_default_fast_on_loopback(tmp_path):
    db = str(tmp_path / "x.duckdb")
    polite = build_settings(["https://news.example.org/"], db, {})
    assert polite["ROBOTSTXT_OBEY"] is True and polite["AUTOTHROTTLE_ENABLED"] is True
    assert polite["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2 and polite["DOWNLOAD_DELAY"] > 0
    assert polite["USER_AGENT"] == USER_AGENT and "healthclaims" in USER_AGENT
    assert polite["DOWNLOAD_MAXSIZE"] == 10 * 1024 * 1024 and polite["RETRY_TIMES"] == 2
    local = build_settings(["http://127.0.0.1:8000/", "file:///tmp/a.html"], db, {"user_agent": "MyBot/1"})
    assert local["ROBOTSTXT_OBEY"] is True and local["AUTOTHROTTLE_ENABLED"] is False
    assert local["DOWNLOAD_DELAY"] == 0 and local["USER_AGENT"] == "MyBot/1"
    # A mixed crawl is polite: one remote host is enough.
    assert build_settings(["http://127.0.0.1/", "https://example.org/"], db, {})["AUTOTHROTTLE_ENABLED"] is True


def test_cli_crawl_with_seeds_file_prints_one_summary_line(site, tmp_path, cli):
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(f"# feeds\n{site.url('feed.xml')}\n\n{site.url('atom.xml')}\n", encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    code, out, err = cli("crawl", "--seeds", seeds, "--db", db, "--quiet")
    assert code == 0, err
    assert out.strip().splitlines()[-1].startswith("crawl: 2 pages, 2 stored, 0 unchanged")
    con = duckdb.connect(str(db), read_only=True)
    urls = sorted(r[0].rsplit("/", 1)[1] for r in con.execute("SELECT url FROM articles").fetchall())
    con.close()
    assert urls == ["castell-cbd.html", "oduya-melatonin.html"]


def test_cli_bad_url_is_one_line_error(tmp_path, cli):
    code, out, err = cli("crawl", "not-a-url", "--db", tmp_path / "bad.duckdb")
    assert code == 2
    assert err.strip() == "healthclaims crawl: error: not a URL the crawler can fetch (http, https or file): 'not-a-url'"


def test_cli_locked_store_is_one_line_error_and_nothing_lost(site, tmp_path, cli):
    db = tmp_path / "locked.duckdb"
    assert cli("crawl", site.url("feed.xml"), "--db", db, "--quiet")[0] == 0
    holder = duckdb.connect(str(db))  # another writer holds the file
    try:
        code, out, err = cli("crawl", site.url("atom.xml"), "--db", db, "--quiet")
        count = holder.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        holder.close()
    assert code == 2 and err.startswith("healthclaims crawl: error: database is locked") and len(err.splitlines()) == 1
    assert count == 1


def test_demo_crawl_marks_articles_as_demo(tmp_path):
    from crawler.run import crawl_urls
    from demo_corpus.server import serve_demo

    db = tmp_path / "demo.duckdb"
    with serve_demo() as demo:
        summary = crawl_urls(demo.start_urls, str(db), {"quiet": True, "demo": True})
    con = duckdb.connect(str(db), read_only=True)
    flags = con.execute("SELECT is_demo, count(*) FROM articles GROUP BY is_demo").fetchall()
    con.close()
    assert summary["stored"] > 0 and summary["errors"] == 0
    assert flags == [(True, summary["stored"])]


def test_progress_line_shows_counts():
    from scrapy.settings import Settings
    from scrapy.statscollectors import MemoryStatsCollector

    from crawler.progress import ProgressDisplay

    class Host:
        """The parts of a Scrapy crawler the display reads."""

    host = Host()
    host.settings = Settings()
    host.stats = MemoryStatsCollector(host)
    for key, value in {"pages": 12, "stored": 7, "revised": 1, "skipped": 3, "errors": 1}.items():
        host.stats.set_value(f"healthclaims/{key}", value)
    line = ProgressDisplay(host).render().plain
    assert "12 pages fetched" in line and "8 articles kept" in line and "3 skipped" in line and "1 errors" in line


def test_live_progress_on_a_terminal_and_not_when_quiet(tmp_path):
    import os
    import pty
    import re
    import subprocess
    import sys
    from pathlib import Path

    from bench.sites import serve_generated_site

    def run_on_terminal(*extra: str) -> str:
        master, slave = pty.openpty()
        db = tmp_path / f"tty{len(extra)}.duckdb"
        with serve_generated_site(40, delay=0.05) as url:
            proc = subprocess.Popen([sys.executable, "-m", "cli.main", "crawl", url, "--db", str(db), "--depth", "50",
                                     *extra], stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                                    cwd=Path(__file__).resolve().parents[1])
            os.close(slave)
            out = b""
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the terminal closed: the crawl is over
                    break
                if not chunk:
                    break
                out += chunk
            assert proc.wait() == 0
        os.close(master)
        return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8", "replace"))

    shown = run_on_terminal()
    assert "crawling" in shown and "pages fetched" in shown and "articles kept" in shown
    assert "crawl: 41 pages, 40 stored" in shown
    quiet = run_on_terminal("--quiet")
    assert "crawling" not in quiet and "crawl: 41 pages, 40 stored" in quiet
