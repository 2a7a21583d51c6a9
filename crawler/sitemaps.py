"""XML sitemaps (sitemaps.org urlsets, sitemap indexes, Google News sitemaps): the URLs they list."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from crawler.kinds import escape_bare_ampersands, gunzip_if_needed


@dataclass
class SitemapEntries:
    """What one sitemap file lists: page URLs, or (for an index) further sitemap URLs."""

    pages: list[str]
    sitemaps: list[str]


def parse_sitemap(body: bytes) -> SitemapEntries:
    """Page and sub-sitemap URLs of a sitemap or sitemap index (gzipped or not); ValueError if unreadable."""
    data = escape_bare_ampersands(gunzip_if_needed(body))
    # recover=True: real sitemaps often carry stray ampersands; huge_tree for 50 MB files.
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"unreadable sitemap: {exc}") from exc
    if root is None:
        raise ValueError("unreadable sitemap: no XML element")
    pages: list[str] = []
    sitemaps: list[str] = []
    is_index = etree.QName(root).localname.lower() == "sitemapindex"
    for element in root:
        if not isinstance(element.tag, str):
            continue
        # <loc> directly under <url>/<sitemap>; news:, image: and video: children are ignored.
        for child in element:
            if isinstance(child.tag, str) and etree.QName(child).localname == "loc" and child.text:
                (sitemaps if is_index else pages).append(child.text.strip())
                break
    return SitemapEntries(pages=pages, sitemaps=sitemaps)
