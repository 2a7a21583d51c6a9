"""Put embedded social posts (tweets, Instagram, TikTok) back into the article text, where they stood.

Main-text extraction tends to drop embedded posts as widgets, yet a celebrity's own words are often
exactly there. A post is restored only when none of its text is already in the article.
"""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement

_TOKEN = re.compile(r"\w+")
# Class names the embed scripts of the big platforms require on their <blockquote>.
_EMBED_CLASS = re.compile(r"\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|"
                          r"text-post-media|threads-embed)\b")
_CLASSED_QUOTES = XPath("//blockquote[@class]")
_ANCHOR_TAGS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "pre", "td"}


def _key(text: str) -> str:
    """Comparable form of a text: lower-case word tokens."""
    return " ".join(_TOKEN.findall(text.lower()))


def _clean(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def embed_lines(blockquote: HtmlElement) -> list[str]:
    """A post's lines: its paragraphs, then the attribution line ('— Name (@handle) date')."""
    paragraphs = [_clean(p.text_content()) for p in blockquote.iter("p")]
    paragraphs = [p for p in paragraphs if p]
    whole = _clean(blockquote.text_content())
    rest = whole
    for paragraph in paragraphs:
        rest = rest.replace(paragraph, "", 1)
    rest = _clean(rest)
    return paragraphs + ([rest] if rest else []) if paragraphs else ([whole] if whole else [])


def restore_social_embeds(tree: HtmlElement, text: str) -> tuple[str, int]:
    """(text with missing embedded posts inserted after the paragraph they followed, posts restored)."""
    embeds = [quote for quote in _CLASSED_QUOTES(tree) if _EMBED_CLASS.search(quote.get("class"))] if text else []
    if not embeds:
        return text, 0  # no embedded post: spare the walk over every paragraph of the page
    lines = text.split("\n")
    line_at = {_key(line): index for index, line in enumerate(lines)}
    known = " \n ".join(line_at)
    inserts: dict[int, list[str]] = {}
    last_line, restored = -1, 0
    # Only posts and the paragraphs they may follow, in page order; nothing after the last post matters.
    for element in tree.iter("blockquote", *_ANCHOR_TAGS):
        if element.tag == "blockquote" and _EMBED_CLASS.search(element.get("class") or ""):
            post = embed_lines(element)
            keys = [_key(line) for line in post]
            if post and last_line >= 0 and not any(key and key in known for key in keys):
                inserts.setdefault(last_line, []).extend(post)
                restored += 1
            if element is embeds[-1]:
                break
            continue
        if element.tag in _ANCHOR_TAGS:
            index = line_at.get(_key(element.text_content()))
            if index is not None:
                last_line = max(last_line, index)
    if not inserts:
        return text, 0
    merged = []
    for index, line in enumerate(lines):
        merged.append(line)
        merged.extend(inserts.get(index, []))
    return "\n".join(merged), restored
