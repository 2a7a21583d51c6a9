"""RSS 0.9x/1.0/2.0 and Atom feeds: the article URLs they link to."""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import etree

from crawler.kinds import escape_bare_ampersands


def parse_feed(body: bytes, base_url: str) -> list[str]:
    """Article URLs of an RSS or Atom feed, in feed order; ValueError if it cannot be read."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(escape_bare_ampersands(body), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"unreadable feed: {exc}") from exc
    if root is None:
        raise ValueError("unreadable feed: no XML element")
    urls: list[str] = []
    for item in root.iter():
        if not isinstance(item.tag, str) or etree.QName(item).localname not in ("item", "entry"):
            continue
        link = _item_link(item)
        if link:
            urls.append(urljoin(base_url, link))
    return urls


def _item_link(item) -> str | None:
    """An RSS <link>text</link>, an Atom <link rel="alternate" href>, or a permalink <guid>."""
    guid = None
    for child in item:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                return href.strip()
            if child.text and child.text.strip():
                return child.text.strip()
        elif name == "guid" and child.get("isPermaLink", "true") != "false" and child.text:
            guid = child.text.strip()
    return guid if guid and guid.startswith(("http://", "https://")) else None
