"""The bundled demo corpus: every page honest about being a demo, the manifest true to the pages, the site crawlable."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import pytest

from demo_corpus.build import PRIVATE_PATH, SITE_DIR, render_site
from demo_corpus.model import DEMO_NOTICE, TEMPLATES
from demo_corpus.server import PLACEHOLDER_ORIGIN, serve_demo
from nlp.lexicon import load_substances

REPO = Path(__file__).resolve().parents[1]
MANIFEST = json.loads((SITE_DIR / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = MANIFEST["articles"]
VERDICTS = {"consistent", "partly_consistent", "inconsistent", "unapproved_use", "not_covered"}
REAL_PEOPLE = sorted({p for a in ARTICLES for p in a["people"]})


class PageReader(HTMLParser):
    """Collects a page's visible text (in order), its paragraphs, its links and its meta tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.paragraphs: list[str] = []
        self.links: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self._skip = 0
        self._para: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "meta" and (a.get("name") or a.get("property")):
            self.meta[a.get("name") or a.get("property")] = a.get("content", "")
        elif tag == "time" and a.get("datetime"):
            self.times.append(a["datetime"])
        elif tag == "p":
            self._para = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self._skip -= 1
        elif tag == "p" and self._para is not None:
            self.paragraphs.append("".join(self._para))
            self._para = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._para is not None:
            self._para.append(data)

    @property
    def visible(self) -> str:
        """The visible text with whitespace collapsed."""
        return re.sub(r"\s+", " ", "".join(self.text)).strip()


def read(path: str) -> PageReader:
    """Parse one file of the site on disk."""
    reader = PageReader()
    reader.feed((SITE_DIR / path.lstrip("/")).read_text(encoding="utf-8"))
    return reader


@pytest.fixture(scope="module")
def site():
    """The demo site served on loopback (any free port) for the whole module."""
    with serve_demo(port=0) as running:
        yield running


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET a URL: (status, content type, body); HTTP errors are returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


# --- the site on disk is what the generator makes ------------------------------------------------

def test_site_on_disk_matches_the_generator():
    rendered = render_site()
    on_disk = {p.relative_to(SITE_DIR).as_posix() for p in SITE_DIR.rglob("*") if p.is_file()}
    assert on_disk == set(rendered), "run `python -m demo_corpus.build` after editing demo_corpus/articles.py"
    stale = [p for p, text in rendered.items() if (SITE_DIR / p).read_text(encoding="utf-8") != text]
    assert not stale, f"stale files, rebuild the site: {stale[:5]}"


def test_package_data_ships_every_site_file():
    # A text search, not tomllib: the project still supports Python 3.10.
    pyproject = (REPO / "pyproject.toml").read_text()
    section = pyproject.split("[tool.setuptools.package-data]", 1)[1].split("\n[", 1)[0]
    globs = re.findall(r'"([^"]+)"', section)
    suffixes = {p.suffix for p in SITE_DIR.rglob("*") if p.is_file()}
    missing = {s for s in suffixes if f"**/*{s}" not in globs}
    assert not missing, f"pyproject package-data does not ship {missing}"


# --- size and coverage ------------------------------------------------------------------------------

def test_corpus_is_big_and_varied_enough():
    assert len(ARTICLES) >= 30
    assert len({a["path"] for a in ARTICLES}) == len(ARTICLES)
    templates = {read(a["path"]).meta["healthclaims:template"] for a in ARTICLES}
    assert templates == set(TEMPLATES)
    assert len(REAL_PEOPLE) >= 10
    assert len({s for a in ARTICLES for s in a["substances"]}) >= 12
    assert {a["kind"] for a in ARTICLES} == {"repeats", "disputes"}


def test_intended_verdicts_cover_all_five_labels():
    labels = [c["intended_verdict"] for a in ARTICLES for c in a["claims"]]
    assert set(labels) <= VERDICTS
    assert set(labels) == VERDICTS


# --- every page is honest about being a demo -----------------------------------------------------------

@pytest.mark.parametrize("path", [a["path"] for a in ARTICLES] + [PRIVATE_PATH, "/about.html", "/index.html"])
def test_every_page_says_near_its_top_that_it_is_a_demo(path):
    page = read(path)
    assert page.meta.get("healthclaims:demo") == "true"
    assert page.visible.startswith(DEMO_NOTICE), "the notice must be the first visible text"
    assert len(DEMO_NOTICE) < 100, "the notice should stay short"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["path"])
def test_manifest_entry_is_true_to_its_page(article):
    page = read(article["path"])
    text = page.visible
    assert page.meta["healthclaims:template"] == article["template"]
    dates = page.times + [v for k, v in page.meta.items() if "time" in k or k in ("date", "dcterms.created")]
    assert any(d.startswith(article["published"]) for d in dates), "no machine-readable publication date"
    for person in article["people"]:
        assert person in text, f"{person} is listed but not named"
    lexicon = load_substances()
    for substance in article["substances"]:
        names = [substance, *lexicon[substance].get("synonyms", [])]
        assert any(re.search(rf"(?<![\w+]){re.escape(n)}(?![\w+])", text, re.I) for n in names), substance
    for claim in article["claims"]:
        assert claim["text"] in text, f"claim not on the page verbatim: {claim['text'][:60]}"
    for label in article["attributions"]:
        assert label["text"] in text, f"attributed words not on the page: {label['text'][:60]}"
        assert label["claimant"] in text or label["claimant"].split()[-1] in text
        assert label["role"] in {"celebrity", "expert", "author", "organisation"}
        if label["role"] == "celebrity":
            assert label["claimant"] in REAL_PEOPLE


@pytest.mark.parametrize("article", [a for a in ARTICLES if a["people"]], ids=lambda a: a["path"])
def test_pages_about_real_people_link_the_real_report(article):
    page = read(article["path"])
    assert article["report_urls"], "a page describing a real person's statement must link the report"
    for url in article["report_urls"]:
        assert url in page.links
        host = urlsplit(url).hostname or ""
        assert "." in host and not host.startswith("127.") and "invalid" not in host and "example" not in host


def test_no_quotation_marks_around_words_of_real_people():
    # Direct quotes may only come from fictional people: no quoted paragraph names a real person.
    offenders = []
    for article in ARTICLES:
        for para in read(article["path"]).paragraphs:
            if "“" in para or '"' in para:
                offenders += [(article["path"], p) for p in REAL_PEOPLE if p in para or p.split()[-1] in para]
    assert not offenders, offenders


def test_internal_links_all_resolve():
    broken = []
    for path in [a["path"] for a in ARTICLES] + [f"/{k}/index.html" for k in MANIFEST["outlets"]] + ["/about.html"]:
        for href in read(path).links:
            target = urlsplit(href).path
            if href.startswith("/") and target and not (SITE_DIR / target.lstrip("/")).is_file():
                broken.append((path, href))
    assert not broken, broken[:5]


# --- sitemap, feeds and robots.txt, as the crawler sees them over HTTP -------------------------------------

def test_sitemap_lists_every_article_with_lastmod(site):
    status, ctype, body = fetch(site.base_url + "/sitemap.xml")
    assert status == 200 and "xml" in ctype
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.fromstring(body).findall("s:url", ns)
    locs = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in urls}
    assert set(locs) == {site.base_url + a["path"] for a in ARTICLES}
    assert all(re.match(r"\d{4}-\d{2}-\d{2}T", lastmod or "") for lastmod in locs.values())


def test_rss_feed_parses_and_links_articles(site):
    status, ctype, body = fetch(site.base_url + "/feed.xml")
    assert status == 200 and "rss" in ctype
    root = ET.fromstring(body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    links = [item.findtext("link") for item in root.iter("item")]
    assert 10 <= len(links) < len(ARTICLES), "the feed carries a subset, newest first"
    assert set(links) == {site.base_url + a["path"] for a in ARTICLES if a["in_feed"]}
    assert all(item.findtext("pubDate") for item in root.iter("item"))


def test_atom_feed_parses(site):
    status, _, body = fetch(site.base_url + "/wellnessmag/atom.xml")
    assert status == 200
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.fromstring(body).findall(f"{atom}entry")
    expected = {site.base_url + a["path"] for a in ARTICLES if a["outlet"] == "wellnessmag"}
    assert {e.find(f"{atom}link").get("href") for e in entries} == expected


def test_robots_txt_disallows_only_the_private_page(site):
    status, _, body = fetch(site.base_url + "/robots.txt")
    assert status == 200
    robots = RobotFileParser()
    robots.parse(body.decode().splitlines())
    assert not robots.can_fetch("healthclaims", site.base_url + PRIVATE_PATH)
    assert all(robots.can_fetch("healthclaims", site.base_url + a["path"]) for a in ARTICLES)
    assert robots.site_maps() == [site.base_url + "/sitemap.xml"]
    # The private page exists and is linked, so only obeying robots.txt keeps a crawler out of it.
    assert fetch(site.base_url + PRIVATE_PATH)[0] == 200
    assert PRIVATE_PATH in read("/about.html").links
    assert sum(PRIVATE_PATH in read(a["path"]).links for a in ARTICLES) >= 20


# --- the server ----------------------------------------------------------------------------------------

def test_serve_demo_serves_pages_on_loopback_with_real_urls(site):
    assert urlsplit(site.base_url).hostname == "127.0.0.1"
    assert site.start_urls == [site.base_url + "/sitemap.xml", site.base_url + "/feed.xml"]
    article = ARTICLES[0]
    status, ctype, body = fetch(site.base_url + article["path"])
    assert status == 200 and ctype.startswith("text/html")
    assert body.startswith(b"<!doctype html>")
    assert DEMO_NOTICE.encode() in body
    assert PLACEHOLDER_ORIGIN.encode() not in body
    assert f'href="{site.base_url}{article["path"]}"'.encode() in body  # canonical link on the live origin


def test_server_answers_missing_and_escaping_paths_with_404(site):
    assert fetch(site.base_url + "/no/such/page.html")[0] == 404
    assert fetch(site.base_url + "/../pyproject.toml")[0] == 404
    assert fetch(site.base_url + "/%2e%2e/server.py")[0] == 404
    assert fetch(site.base_url + "/dailyglobe/")[0] == 200  # a folder serves its index.html


def test_server_stops_when_the_block_ends():
    with serve_demo(port=0) as running:
        url = running.base_url + "/robots.txt"
        assert fetch(url)[0] == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)


def test_site_root_falls_back_to_the_folder_beside_the_module(monkeypatch):
    # A stale editable install maps demo_corpus as a namespace package that importlib.resources
    # cannot read (the `healthclaims` console script hit this); the server must still find its site.
    import demo_corpus.server as server

    def namespace_files(_package):
        raise NotADirectoryError("MultiplexedPath only supports directories")

    monkeypatch.setattr(server.resources, "files", namespace_files)
    root = server.site_root()
    assert root.joinpath("robots.txt").is_file()
    assert server.resolve(root, "/sitemap.xml") is not None


def test_verdict_agreement_scores_a_store_against_the_intended_verdicts():
    import duckdb

    from demo_corpus.agreement import format_agreement, verdict_agreement

    manifest = {"articles": [
        {"path": "/a.html", "claims": [{"text": "Ketamine is legal in the UK.", "intended_verdict": "inconsistent"},
                                       {"text": "Ivermectin cures COVID-19.", "intended_verdict": "unapproved_use"}]},
        {"path": "/b.html", "claims": [{"text": "Wegovy was approved in 2021.", "intended_verdict": "consistent"}]},
    ]}
    manifest["articles"][0]["attributions"] = [
        {"text": "legal in the UK", "claimant": "Elon Musk", "role": "celebrity"},
        {"text": "cures COVID-19", "claimant": "Joe Rogan", "role": "celebrity"}]
    con = duckdb.connect()
    con.execute("CREATE TABLE articles (article_id VARCHAR, url VARCHAR)")
    con.execute("CREATE TABLE claims (claim_id VARCHAR, article_id VARCHAR, text VARCHAR, claimant_name VARCHAR,"
                " claimant_role VARCHAR)")
    con.execute("CREATE TABLE verdicts (claim_id VARCHAR, verdict VARCHAR)")
    con.execute("INSERT INTO articles VALUES ('A', 'http://127.0.0.1:1/a.html'), ('B', 'http://127.0.0.1:1/b.html')")
    # claim 1 matches sentence 1 with the intended verdict among others; claim 2 matches sentence 2 with the
    # wrong verdict; sentence 3 has no claim at all.
    con.execute("INSERT INTO claims VALUES ('c1', 'A', 'Ketamine is legal in the UK.', 'Musk', 'celebrity'), "
                "('c2', 'A', 'Ivermectin   cures COVID-19.', NULL, 'author'), "
                "('c3', 'B', 'Unrelated sentence.', NULL, 'unknown')")
    con.execute("INSERT INTO verdicts VALUES ('c1', 'inconsistent'), ('c1', 'not_covered'), ('c2', 'not_covered')")
    result = verdict_agreement(con, manifest)
    assert (result["intended"], result["found"], result["agreed"]) == (3, 2, 1)
    assert result["per_label"]["unapproved_use"] == {"intended": 1, "found": 1, "agreed": 0}
    assert [m["got"] for m in result["misses"]] == [["not_covered"], None]
    assert format_agreement(result)[0].startswith("demo verdict agreement: 1/3")
    attribution = result["attribution"]
    assert (attribution["labelled"], attribution["found"], attribution["claimant"], attribution["role"]) == (2, 2, 1, 1)
    assert attribution["misses"][0]["claimant"] == "Joe Rogan" and attribution["misses"][0]["got"] == [""]


def test_json_ld_parses_and_matches_each_template():
    expected = {"news-jsonld": {"NewsArticle"}, "clinic-landing": {"MedicalClinic", "Product", "WebPage"},
                "personal-blog": {"BlogPosting"}, "magazine-og": set(), "press-release": set(),
                "cookie-popup": set()}
    article_paths = {a["path"] for a in ARTICLES}
    for article in ARTICLES:
        raw = (SITE_DIR / article["path"].lstrip("/")).read_text(encoding="utf-8")
        blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)]
        types = {b["@type"] for b in blocks}
        assert expected[article["template"]] <= types <= expected[article["template"]] | {"ClaimReview"}
        for block in blocks:
            if block["@type"] in ("NewsArticle", "BlogPosting"):
                assert block["datePublished"].startswith(article["published"])
                assert block["headline"] == article["title"]
            if block["@type"] == "Product":
                assert block["offers"] and all(float(o["price"]) >= 0 for o in block["offers"])
            if block["@type"] == "ClaimReview":
                assert block["reviewRating"]["alternateName"] == "False"
                appearance = block["itemReviewed"].get("appearance")
                if appearance:
                    assert urlsplit(appearance["url"]).path in article_paths


def test_article_extraction_keeps_every_labelled_claim_and_the_date():
    # The corpus is only useful if the real extractor gets the claim sentences out of each template's
    # boilerplate (crawler.extraction.extract_article is the crawler's public entry point).
    from crawler.extraction import extract_article

    lost = []
    for article in ARTICLES:
        html = (SITE_DIR / article["path"].lstrip("/")).read_bytes()
        result = extract_article(html, url="http://127.0.0.1:8000" + article["path"])
        text = result.get("text") or ""
        lost += [(article["path"], c["text"][:50]) for c in article["claims"] if c["text"] not in text]
        assert str(result.get("published"))[:10] == article["published"], article["path"]
        assert "Accept all" not in text and "Don't miss a thing" not in text  # cookie banner and pop-up
    assert not lost, lost


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_concurrent_demo_servers_share_the_stable_port(monkeypatch):
    # A free port stands in for the default, so this test never holds the real one.
    port = free_port()
    monkeypatch.setenv("HEALTHCLAIMS_DEMO_PORT", str(port))
    with serve_demo() as first:
        assert first.base_url == f"http://127.0.0.1:{port}"
        with serve_demo() as second:  # a second run at the same time gets the same origin
            assert second.base_url == first.base_url
            assert fetch(second.base_url + "/robots.txt")[0] == 200
        assert fetch(first.base_url + "/robots.txt")[0] == 200  # the first outlives the second
    with serve_demo() as again:  # and the next run is served at the same origin again
        assert again.base_url == first.base_url


def test_serve_demo_falls_back_to_a_free_port_when_another_program_holds_it(monkeypatch):
    import socket

    with socket.socket() as squatter:  # a listener without SO_REUSEPORT: the port cannot be shared
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        monkeypatch.setenv("HEALTHCLAIMS_DEMO_PORT", str(taken))
        with serve_demo() as site:
            assert site.base_url != f"http://127.0.0.1:{taken}"
            assert fetch(site.base_url + "/robots.txt")[0] == 200
    monkeypatch.setenv("HEALTHCLAIMS_DEMO_PORT", "eighty")
    with pytest.raises(ValueError, match="HEALTHCLAIMS_DEMO_PORT"):
        with serve_demo():
            pass


def test_syndicated_copy_points_back_to_its_original():
    copies = [a for a in ARTICLES if a["syndicated_from"]]
    assert copies, "the corpus carries at least one republished story, for duplicate detection"
    paths = {a["path"]: a for a in ARTICLES}
    for copy in copies:
        original = paths[copy["syndicated_from"]]
        raw = (SITE_DIR / copy["path"].lstrip("/")).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{PLACEHOLDER_ORIGIN}{original["path"]}">' in raw
        assert copy["claims"] == [] and original["claims"], "claims are labelled once, on the original"
        story = [p for p in read(original["path"]).paragraphs if len(p) > 150]  # the story's own paragraphs
        copy_paragraphs = read(copy["path"]).paragraphs
        assert len(story) >= 3 and all(p in copy_paragraphs for p in story)
        assert "first appeared in" in read(copy["path"]).visible


def test_every_false_regulatory_claim_is_disputed_by_a_fact_check_on_the_site():
    # The corpus's rule: regulatory statements are true unless a page repeats a false one, and then a
    # page on the site disputes it (and a reader can follow the manifest from one to the other).
    paths = {a["path"]: a for a in ARTICLES}
    false_claims = [(a, c) for a in ARTICLES for c in a["claims"]
                    if c["intended_verdict"] in ("inconsistent", "partly_consistent")]
    assert len(false_claims) >= 6
    for article, claim in false_claims:
        assert article["kind"] == "repeats", f"a disputing page states a false claim: {claim['text']}"
        checker = paths.get(claim["disputed_by"])
        assert checker and checker["kind"] == "disputes", claim["text"]
        assert set(checker["substances"]) & set(article["substances"]), claim["text"]
