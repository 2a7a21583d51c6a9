"""What a fetched start point is: an XML sitemap, an RSS/Atom feed, an HTML page, or something else."""

from __future__ import annotations

import gzip
import io
import re

# The first element after any XML declaration, processing instructions, comments and doctype.
_FIRST_ELEMENT = re.compile(rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)", re.S | re.I)
_SITEMAP_ROOTS = {"urlset", "sitemapindex"}
_FEED_ROOTS = {"rss", "feed", "rdf"}
_BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9._-]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
MAX_GUNZIPPED = 50 * 1024 * 1024  # sitemaps may be at most 50 MB uncompressed (sitemaps.org)


def gunzip_if_needed(body: bytes) -> bytes:
    """The body, unpacked when it is a gzip file (sitemap.xml.gz served without Content-Encoding)."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as packed:
            data = packed.read(MAX_GUNZIPPED + 1)
    except (OSError, EOFError) as exc:
        raise ValueError(f"broken gzip file: {exc}") from exc
    if len(data) > MAX_GUNZIPPED:
        raise ValueError("gzipped file larger than 50 MB unpacked")
    return data


def root_element(body: bytes) -> str | None:
    """The local name of the document's first element, lower case (`urlset`, `rss`, `html`)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    found = _FIRST_ELEMENT.match(head)
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    return name.split(":")[-1]


def detect_kind(body: bytes, content_type: str = "") -> str:
    """'sitemap', 'feed', 'html' or 'other', judged from the bytes first and the Content-Type second.

    Servers often label sitemaps and feeds text/html or text/plain, and pages application/xml,
    so the document's root element decides whenever there is one.
    """
    root = root_element(body)
    if root in _SITEMAP_ROOTS:
        return "sitemap"
    if root in _FEED_ROOTS:
        return "feed"
    if root == "html":
        return "html"
    ctype = (content_type or "").lower()
    if "html" in ctype:
        return "html"
    if not ctype and re.search(rb"<(?:html|head|body|p|div|title)[\s>]", body[:4096], re.I):
        return "html"
    return "other"


def escape_bare_ampersands(data: bytes) -> bytes:
    """XML with every `&` that starts no entity written `&amp;`.

    Sitemaps and feeds made by hand or by shop software often carry raw query strings
    (`?id=1&cat=2`); an XML parser in recovery mode would silently drop `&cat` and change the URL.
    """
    return _BARE_AMPERSAND.sub(b"&amp;", data)
