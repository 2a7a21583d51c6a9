"""Re-crawls: unchanged pages are not stored again, changed ones get a revision, copies become appearances."""

from __future__ import annotations

import duckdb

from bench.sites import Response, serve_pages
from crawler.run import crawl_urls
from tests.test_crawl import news_pages

# Extraction inline: a worker process costs a second of start-up, more than these small crawls take.
FAST = {"quiet": True, "retry_times": 1, "download_timeout": 2, "extract_processes": 0}


def rows(db, sql, params=None):
    """Rows of a query on a store no crawl holds open."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_recrawl_unchanged_revised_and_syndicated(tmp_path):
    db = tmp_path / "recrawl.duckdb"
    with serve_pages({}) as site:
        site.pages.update(news_pages(site.base_url))
        # One page without validators: only its content hash can tell it is unchanged.
        oduya = site.pages["/articles/oduya-melatonin.html"]
        site.pages["/articles/oduya-melatonin.html"] = Response(200, oduya.body, {"Content-Type": "text/html"})
        # One page with a Last-Modified date but no ETag: If-Modified-Since brings the 304.
        castell = site.pages["/articles/castell-cbd.html"]
        site.pages["/articles/castell-cbd.html"] = Response(
            200, castell.body, {k: v for k, v in castell.headers.items() if k != "ETag"})
        starts = [site.base_url, site.url("feed.xml")]

        first = crawl_urls(starts, str(db), FAST)
        assert first["stored"] == 3  # vale, castell (root links) and oduya (feed)

        warc_before = rows(db, "SELECT warc_file, warc_offset FROM pages WHERE url LIKE '%vale-ketamine.html'")
        second = crawl_urls(starts, str(db), FAST)
        assert second["stored"] == 0 and second["unchanged"] == 3 and second["revised"] == 0
        reasons = dict(rows(db, "SELECT url, reason FROM crawl_log WHERE outcome = 'unchanged'"))
        assert reasons[site.url("articles/vale-ketamine.html")] == "not modified (304)"
        # (linked from the home page with utm_ parameters: logged as linked, matched by canonical URL)
        castell_logged = [url for url in reasons if "/articles/castell-cbd.html" in url]
        assert [reasons[url] for url in castell_logged] == ["not modified (304)"]
        assert reasons[site.url("articles/oduya-melatonin.html")] == "same content"
        # A 304 carries no page: the page row still points at the archived copy of the full page.
        assert rows(db, "SELECT warc_file, warc_offset FROM pages WHERE url LIKE '%vale-ketamine.html'") == warc_before

        # A syndicated near-copy on another host name: one more appearance, not a new article.
        partner = site.base_url.replace("127.0.0.1", "localhost") + "syndicated/vale-ketamine-copy.html"
        third = crawl_urls([partner], str(db), FAST)
        assert third["duplicates"] == 1 and third["stored"] == 0
        vale_id, = rows(db, "SELECT article_id FROM articles WHERE url LIKE '%/articles/vale-ketamine.html'")[0]
        appearances = {r[0] for r in rows(db, "SELECT url FROM appearances WHERE article_id = ?", [vale_id])}
        assert partner in appearances and len(appearances) == 2
        assert rows(db, "SELECT count(*) FROM articles")[0][0] == 3

        # The page changes: a correction is appended; the new ETag makes the server answer 200.
        vale = site.pages["/articles/vale-ketamine.html"]
        changed = vale.body.replace(
            b"</article>", b"<p>Correction: an earlier version of this story gave the wrong number of sessions.</p>"
                           b"</article>")
        site.pages["/articles/vale-ketamine.html"] = Response(200, changed, {"Content-Type": "text/html"})
        fourth = crawl_urls(starts, str(db), FAST)
        assert fourth["revised"] == 1 and fourth["unchanged"] == 2 and fourth["stored"] == 0

    revision, text = rows(db, "SELECT revision, text FROM articles WHERE article_id = ?", [vale_id])[0]
    assert revision == 2 and "Correction:" in text
    old = rows(db, "SELECT revision, text FROM article_revisions WHERE article_id = ?", [vale_id])
    assert len(old) == 1 and old[0][0] == 1
    assert "six infusions" in old[0][1] and "Correction:" not in old[0][1]
    # Four crawls of the same start URLs never duplicated an article or a page.
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM pages")[0][0] == rows(
        db, "SELECT count(DISTINCT url) FROM pages")[0][0]
