"""The crawler's small parsers: kind detection, sitemaps, feeds, simhash, keywords, canonical URLs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crawler.duplicates import distance, nearest, simhash
from crawler.feeds import parse_feed
from crawler.keywords import KeywordFilter
from crawler.kinds import detect_kind
from crawler.sitemaps import parse_sitemap
from crawler.spiders import is_site_root, site_of
from store.ids import canonical_url

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- generated -->
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc> https://a.example/one </loc><image:image><image:loc>https://a.example/x.jpg</image:loc></image:image></url>
  <url><loc>https://a.example/two?x=1&amp;y=2</loc></url>
</urlset>"""


def test_kind_is_judged_from_the_bytes_before_the_content_type():
    assert detect_kind(URLSET, "text/html") == "sitemap"
    assert detect_kind(b"\xef\xbb\xbf<?xml version='1.0'?><rss version='2.0'/>", "text/plain") == "feed"
    assert detect_kind(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'/>", "") == "feed"
    assert detect_kind(b"<feed xmlns='http://www.w3.org/2005/Atom'/>", "application/xml") == "feed"
    assert detect_kind(b"<!DOCTYPE html>\n<html><body>x</body></html>", "application/xml") == "html"
    assert detect_kind(b"<p>no html element</p>", "") == "html"
    assert detect_kind(b'{"json": true}', "application/json") == "other"
    assert detect_kind(b"%PDF-1.7", "application/pdf") == "other"


def test_sitemaps_plain_gzipped_and_index():
    assert parse_sitemap(URLSET).pages == ["https://a.example/one", "https://a.example/two?x=1&y=2"]
    assert parse_sitemap(gzip.compress(URLSET)).pages == ["https://a.example/one", "https://a.example/two?x=1&y=2"]
    index = b"<sitemapindex><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>"
    entries = parse_sitemap(index)
    assert entries.sitemaps == ["https://a.example/s1.xml"] and entries.pages == []
    with pytest.raises(ValueError, match="broken gzip"):
        parse_sitemap(b"\x1f\x8b\x08\x00broken")


def test_feeds_rss_atom_and_relative_links():
    rss = (b"<rss><channel><link>https://a.example/</link><item><link>https://a.example/p1</link></item>"
           b"<item><guid>https://a.example/p2</guid></item><item><guid isPermaLink='false'>id-3</guid></item>"
           b"</channel></rss>")
    assert parse_feed(rss, "https://a.example/feed") == ["https://a.example/p1", "https://a.example/p2"]
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><link rel='enclosure' href='/a.mp3'/>"
            b"<link href='/posts/1'/></entry></feed>")
    assert parse_feed(atom, "https://b.example/atom.xml") == ["https://b.example/posts/1"]


def test_simhash_finds_syndicated_copies_not_related_stories():
    story = " ".join(f"Sentence {i} says the fictional actor took ketamine at a clinic for depression." for i in range(15))
    copy = "Partner Wire. " + story.replace("Sentence 4 says", "Sentence four said") + " First published elsewhere."
    other = " ".join(f"Item {i}: a fictional singer praised melatonin and magnesium for sleep on tour." for i in range(15))
    a, b, c = simhash(story), simhash(copy), simhash(other)
    assert distance(a, b) <= 3 < distance(a, c)
    assert nearest(b, [("other", c), ("story", a)]) == "story"
    assert nearest(c, [("story", a)]) is None
    assert simhash("too short to judge") is None


def test_keyword_filter_matches_whole_words_and_phrases():
    words = KeywordFilter(["CBD", "weight loss", "pain"])
    assert words.match("She swears by cbd gummies") == "cbd"
    assert words.match("a weight\nloss plan") == "weight\nloss"
    assert words.match("Spain and painting") is None
    assert KeywordFilter.from_options(no_keywords=True) is None
    default = KeywordFilter.from_options()
    assert default.match("Esketamine nasal spray") and default.match("a new vaccine") and not default.match("cup final")
    with pytest.raises(ValueError, match="keyword list is empty"):
        KeywordFilter([" "])


def test_site_roots_sites_and_canonical_urls():
    assert is_site_root("https://a.example/") and is_site_root("https://a.example/news/")
    assert is_site_root("file:///tmp/site/index.html") and not is_site_root("https://a.example/story.html")
    assert site_of("https://www.A.example/x") == site_of("https://a.example/y") == "a.example"
    assert site_of("file:///tmp/site/a.html") == "file:/tmp/site/"
    assert canonical_url("HTTPS://A.example:443/p?utm_source=x&b=2&a=1#top") == "https://a.example/p?a=1&b=2"


GOLDEN = Path(__file__).parent / "fixtures" / "crawl"


@pytest.mark.parametrize("case", sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()))
def test_golden_sitemaps_and_feeds(case):
    body = (GOLDEN / case / "input.xml").read_bytes()
    expected = json.loads((GOLDEN / case / "expected.json").read_text(encoding="utf-8"))
    kind = detect_kind(body, "text/xml")
    if kind == "sitemap":
        entries = parse_sitemap(body)
        found = {"kind": kind, "pages": entries.pages, "sitemaps": entries.sitemaps}
    else:
        found = {"kind": kind, "pages": parse_feed(body, "https://fallback.example/"), "sitemaps": []}
    assert found == expected
