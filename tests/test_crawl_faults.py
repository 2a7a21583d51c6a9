"""Every fault a crawl meets is logged with its reason in crawl_log, and the crawl goes on."""

from __future__ import annotations

import duckdb
import pytest

from bench.sites import Response, free_port, serve_pages

ARTICLE = (
    "<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
    "<p>The fictional actor {name} told a radio host that ketamine infusions at a private clinic eased a "
    "long depression, and that a doctor supervised every session. {extra}</p>"
    "<p>Psychiatrists said a single celebrity story is not evidence about the dose or long-term safety of "
    "the treatment, and that patients should talk to their own doctor first.</p>"
    "<p>The approved esketamine nasal spray is used alongside an oral antidepressant in certified clinics.</p>"
    "</article></body></html>"
)


def article(title: str, name: str, extra: str = "", meta: str = "") -> str:
    """A small article page about a fictional person."""
    return ARTICLE.format(title=title, name=name, extra=extra, meta=meta)


def html(body: str | bytes, ctype: str = "text/html; charset=utf-8", **kw) -> Response:
    """An HTML response."""
    return Response(200, body.encode("utf-8") if isinstance(body, str) else body, {"Content-Type": ctype}, **kw)


FAULTS = {
    "/robots.txt": Response(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}),
    "/good.html": html(article("A good page", "Jordan Vale")),
    "/fault/500": Response(500, b"<html>server error</html>", {"Content-Type": "text/html"}),
    "/fault/busy": Response(503, b"<html>busy</html>", {"Content-Type": "text/html", "Retry-After": "1"}),
    "/fault/slow": html(article("A slow page", "Mira Castell"), delay=4.0),
    "/fault/loop-a": Response(302, b"", {"Location": "/fault/loop-b"}),
    "/fault/loop-b": Response(302, b"", {"Location": "/fault/loop-a"}),
    "/fault/redirected": Response(301, b"", {"Location": "/good.html"}),
    "/fault/report.pdf": Response(200, b"%PDF-1.4\n% ketamine depression\n", {"Content-Type": "application/pdf"}),
    "/fault/huge": html("<html><body><p>" + "ketamine " * 400_000 + "</p></body></html>"),
    "/fault/huge-streamed": html("<html><body><p>" + "ketamine " * 400_000 + "</p></body></html>", streamed=True),
    "/fault/empty": html(b""),
    # Declared Latin-1, sent as UTF-8: the text must still read correctly.
    "/fault/mislabelled": html(article("Café owner's ketamine story", "Zoë Brontë", "He called it a naïve hope."),
                               ctype="text/html; charset=iso-8859-1"),
    # Invalid UTF-8 bytes in the middle of a page that claims UTF-8.
    "/fault/broken-bytes": html(article("Broken bytes", "Theo Brandt").encode("utf-8").replace(
        b"radio host", b"radio \xff\xfe host")),
    "/fault/malformed": html("<html><head><title>Malformed</title><body><div><p>The fictional singer Ava Linwood said "
                             "melatonin <b>cured<i> her insomnia</b></i> on tour, and a doctor told the magazine "
                             "that melatonin is a prescription medicine in the United Kingdom while shops in the "
                             "United States sell it as a dietary supplement. <p>Sleep specialists said most "
                             "studies used far lower doses than the ten milligrams she described taking each "
                             "night, and warned against <table><tr><td>long-term use without advice"),
    "/private/secret.html": html(article("Secret", "Rafael Oduya")),
    # A folder index served with no useful type: still read as HTML, its links still followed.
    "/untyped/": Response(200, b"<html><body><a href='/untyped/story.html'>story</a></body></html>",
                          {"Content-Type": "application/octet-stream"}),
    "/untyped/story.html": html(article("Untyped", "Iris Tanaka")),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl over every fault route (plus a dead host): (summary, log, articles, requested, times)."""
    from crawler.run import crawl_urls

    db = tmp_path_factory.mktemp("faults") / "faults.duckdb"
    with serve_pages(dict(FAULTS)) as site:
        dead = f"http://127.0.0.1:{free_port()}/gone.html"
        urls = [site.url(p) for p in FAULTS if p not in ("/robots.txt", "/untyped/story.html")]
        urls += [site.url("/fault/404"), dead]
        options = {"quiet": True, "retry_times": 1, "download_timeout": 1, "max_size": 1_000_000,
                   "extract_processes": 0}
        summary = crawl_urls(urls, str(db), options)
        requested = list(site.requested)
        times = dict(site.times)
    con = duckdb.connect(str(db), read_only=True)
    log = {}
    for url, outcome, reason, status in con.execute(
            "SELECT url, outcome, reason, status FROM crawl_log ORDER BY logged_at").fetchall():
        key = "dead" if url == dead else "/" + url.split("/", 3)[3]
        log[key] = (outcome, reason, status)
    articles = {r[0].split("/", 3)[3]: r[1:] for r in con.execute("SELECT url, title, text FROM articles").fetchall()}
    con.close()
    return summary, log, articles, requested, times


def test_http_errors_are_logged_with_status(crawled):
    summary, log, _, requested, times = crawled
    assert log["/fault/404"] == ("error", "HTTP 404 Not Found", 404)
    assert log["/fault/500"] == ("error", "HTTP 500 Internal Server Error (after 1 retries)", 500)
    assert requested.count("/fault/500") == 2  # one retry, then it gives up
    # 503 with Retry-After: 1 is retried once, no sooner than the server asked.
    assert log["/fault/busy"] == ("error", "HTTP 503 Service Unavailable (after 1 retries)", 503)
    first, second = times["/fault/busy"]
    assert second - first >= 0.9


def test_network_failures_are_logged(crawled):
    _, log, _, _, _ = crawled
    assert log["/fault/slow"][:2] == ("error", "timed out after 1 s")
    assert log["dead"][:2] == ("error", "connection refused (host down or not listening)")
    assert log["/fault/loop-a"][:2] == ("error", "redirect loop (too many redirects)")


def test_our_own_rules_are_logged_as_skips(crawled):
    _, log, _, requested, _ = crawled
    assert log["/private/secret.html"][:2] == ("skipped", "forbidden by robots.txt")
    assert "/private/secret.html" not in requested
    assert log["/fault/report.pdf"][:2] == ("skipped", "not HTML (application/pdf)")
    assert log["/fault/empty"][:2] == ("skipped", "empty body")
    for route in ("/fault/huge", "/fault/huge-streamed"):  # size announced, or found out while reading
        outcome, reason, _ = log[route]
        assert outcome == "skipped" and reason.startswith("page too large"), (route, reason)


def test_pages_that_are_hard_to_read_are_still_stored(crawled):
    summary, log, articles, _, _ = crawled
    assert articles["fault/mislabelled"][0] == "Café owner's ketamine story"
    assert "Zoë Brontë" in articles["fault/mislabelled"][1] and "naïve" in articles["fault/mislabelled"][1]
    assert "Theo Brandt" in articles["fault/broken-bytes"][1]
    assert "melatonin" in articles["fault/malformed"][1]
    assert "Iris Tanaka" in articles["untyped/story.html"][1]  # found through an octet-stream index
    # /fault/redirected lands on /good.html: whichever is fetched first stores it, the other finds it unchanged.
    assert sorted([log["/good.html"][0], log["/fault/redirected"][0]]) == ["stored", "unchanged"]
    assert sum(1 for key in articles if key == "good.html") == 1
    # 404, 500, 503, slow, dead host, and both ends of the redirect loop.
    assert summary["errors"] == 7 and summary["stored"] == 5
