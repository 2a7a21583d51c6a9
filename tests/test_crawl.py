"""The real spider against a loopback fixture site: every kind of start point, into the store."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bench.sites import Response, folder_pages, serve_pages, with_validators
from crawler.archive import read_record
from crawler.run import crawl_urls

SITE = Path(__file__).parent / "sites" / "news"
# Extraction inline: a worker process costs a second of start-up, more than these small crawls take.
FAST = {"quiet": True, "retry_times": 1, "download_timeout": 2, "extract_processes": 0}


def news_pages(base_url: str) -> dict:
    """The fixture site's pages with its real base URL in the XML files, ETags on every page."""
    pages = {}
    for path, page in folder_pages(SITE).items():
        body = page.body.replace(b"http://SITE/", base_url.encode())
        pages[path] = with_validators(Response(page.status, body, page.headers))
    return pages


@pytest.fixture(scope="module")
def site():
    """The news fixture site on 127.0.0.1."""
    with serve_pages({}) as running:
        running.pages.update(news_pages(running.base_url))
        yield running


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a query on a store no crawl holds open."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def log_of(db: Path) -> dict[str, tuple[str, str]]:
    """The crawl log as {url path: (outcome, reason)} (last entry per URL)."""
    out = {}
    for url, outcome, reason in query(db, "SELECT url, outcome, reason FROM crawl_log ORDER BY logged_at"):
        out["/" + url.split("/", 3)[3]] = (outcome, reason)
    return out


def test_site_root_sitemap_index_and_feeds_fill_the_store(site, tmp_path):
    db = tmp_path / "crawl.duckdb"
    summary = crawl_urls(
        [site.base_url, site.url("sitemap-index.xml"), site.url("feed.xml"), site.url("atom.xml")], str(db), FAST
    )
    articles = {row[0].rsplit("/", 1)[1]: row[1:] for row in query(
        db, "SELECT url, title, warc_file, warc_record_id, published, is_demo FROM articles")}
    # Root links (vale, castell via a utm_ variant), sitemap index -> sitemap + news sitemap (linwood),
    # RSS (oduya) and Atom (castell again): each article stored once.
    assert sorted(articles) == ["castell-cbd.html", "linwood-psilocybin.html", "oduya-melatonin.html",
                                "vale-ketamine.html"]
    assert summary["stored"] == 4 and summary["errors"] == 0
    log = log_of(db)
    assert log["/articles/brandt-football.html"] == ("skipped", "no keyword match")
    assert log["/private/draft.html"] == ("skipped", "forbidden by robots.txt")
    assert log["/"][0] == "skipped" and log["/"][1].startswith("too little text")
    assert log["/sitemap-index.xml"] == ("listed", "sitemap listing 2 sitemaps")
    assert log["/news-sitemap.xml"] == ("listed", "sitemap listing 1 pages")
    assert log["/atom.xml"] == ("listed", "feed listing 1 pages")
    assert "/private/draft.html" not in site.requested
    title, warc_file, record_id, published, is_demo = articles["vale-ketamine.html"]
    assert title == "Actor Jordan Vale says ketamine therapy eased his depression"
    assert str(published) == "2024-03-14" and is_demo is False
    headers, body = read_record(warc_file, record_id)
    assert headers["status"] == "200 OK" and headers["WARC-Target-URI"].endswith("/articles/vale-ketamine.html")
    assert b"six infusions over three weeks" in body
    # pages.warc_offset finds the same record.
    offset = query(db, "SELECT warc_offset FROM pages WHERE url LIKE '%vale-ketamine.html'")[0][0]
    assert read_record(warc_file, offset)[1] == body


def test_keyword_options_choose_what_is_kept(site, tmp_path):
    db = tmp_path / "kw.duckdb"
    crawl_urls([site.base_url], str(db), dict(FAST, keywords="cup final, striker"))
    assert [r[0] for r in query(db, "SELECT url FROM articles")] == [site.url("articles/brandt-football.html")]
    db2 = tmp_path / "all.duckdb"
    summary = crawl_urls([site.base_url], str(db2), dict(FAST, no_keywords=True))
    stored = {r[0].rsplit("/", 1)[1] for r in query(db2, "SELECT url FROM articles")}
    # Linked from the home page, and (oduya) listed in the feed the home page announces.
    assert stored == {"vale-ketamine.html", "castell-cbd.html", "brandt-football.html", "oduya-melatonin.html"}
    assert summary["stored"] == 4
    assert log_of(db2)["/feed.xml"] == ("listed", "feed listing 1 pages")


def test_keyword_file_and_bad_keyword_file(site, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# sleep topics\nmelatonin\n", encoding="utf-8")
    db = tmp_path / "kwf.duckdb"
    # Extraction in a worker process here: the same results as inline.
    crawl_urls([site.url("feed.xml"), site.url("sitemap.xml")], str(db),
               dict(FAST, keyword_file=str(words), extract_processes=1))
    assert [r[0] for r in query(db, "SELECT url FROM articles")] == [site.url("articles/oduya-melatonin.html")]
    with pytest.raises(OSError, match="cannot read keyword file"):
        crawl_urls([site.base_url], str(db), dict(FAST, keyword_file=str(tmp_path / "missing.txt")))


def test_max_pages_and_depth_limit_the_crawl(site, tmp_path):
    db = tmp_path / "limits.duckdb"
    crawl_urls([site.base_url], str(db), dict(FAST, depth=0))
    assert query(db, "SELECT count(*) FROM pages")[0][0] == 1  # the home page alone
    db2 = tmp_path / "max.duckdb"
    summary = crawl_urls([site.url("sitemap-index.xml")], str(db2), dict(FAST, max_pages=2))
    # Two sub-sitemaps use the budget: their pages are not fetched.
    assert summary["pages"] == 0
    assert query(db2, "SELECT count(*) FROM crawl_log WHERE outcome = 'listed'")[0][0] == 3


def test_file_urls_page_and_site_root(tmp_path):
    db = tmp_path / "file.duckdb"
    # A path with spaces: its file:// URL is percent-encoded.
    folder = tmp_path / "saved pages"
    folder.mkdir()
    copy = folder / "vale story.html"
    copy.write_bytes((SITE / "articles" / "vale-ketamine.html").read_bytes())
    page = copy.as_uri()
    assert "%20" in page
    summary = crawl_urls([page], str(db), FAST)
    assert summary["stored"] == 1
    title, warc_file, record_id = query(db, "SELECT title, warc_file, warc_record_id FROM articles")[0]
    assert title.startswith("Actor Jordan Vale")
    assert b"six infusions" in read_record(warc_file, record_id)[1]
    db2 = tmp_path / "fileroot.duckdb"
    crawl_urls([(SITE / "index.html").as_uri()], str(db2), FAST)
    stored = {r[0].rsplit("/", 1)[1] for r in query(db2, "SELECT url FROM articles")}
    # Root-relative links (/articles/...) point outside the folder on file://; nothing else is followed.
    assert stored <= {"vale-ketamine.html", "castell-cbd.html"}


def test_bad_start_urls_are_one_line_errors(tmp_path):
    with pytest.raises(ValueError, match="not a URL the crawler can fetch"):
        crawl_urls(["ftp://example.org/x"], str(tmp_path / "x.duckdb"), FAST)
    with pytest.raises(ValueError, match="file not found"):
        crawl_urls([(tmp_path / "nope.html").as_uri()], str(tmp_path / "x.duckdb"), FAST)


def test_robots_crawl_delay_spaces_requests(tmp_path):
    with serve_pages({}) as slow_site:
        slow_site.pages.update(news_pages(slow_site.base_url))
        slow_site.pages["/robots.txt"] = Response(200, b"User-agent: *\nCrawl-delay: 1\n", {"Content-Type": "text/plain"})
        crawl_urls([slow_site.url("sitemap-index.xml")], str(tmp_path / "delay.duckdb"), FAST)
        times = sorted(t for path, ts in slow_site.times.items() if path != "/robots.txt" for t in ts)
    assert len(times) == 6  # index, two sitemaps, three articles
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.9, gaps


def test_crawl_delay_is_a_floor_under_autothrottle(tmp_path):
    # Polite mode on loopback: AutoThrottle would shorten the delay for a fast server; Crawl-delay holds.
    with serve_pages({}) as slow_site:
        slow_site.pages.update(news_pages(slow_site.base_url))
        slow_site.pages["/robots.txt"] = Response(200, b"User-agent: *\nCrawl-delay: 2\n", {"Content-Type": "text/plain"})
        crawl_urls([slow_site.url("sitemap.xml")], str(tmp_path / "polite.duckdb"), dict(FAST, polite=True))
        times = sorted(t for path, ts in slow_site.times.items() if path != "/robots.txt" for t in ts)
    assert len(times) == 3  # the sitemap and its two articles
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 1.9, gaps
