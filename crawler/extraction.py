"""Article extraction: main text, metadata, language and source type of one saved HTML page."""

from __future__ import annotations

import logging
import re
from codecs import BOM_UTF8

from lxml.etree import ElementDefaultClassLookup, HTMLParser, XPath
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from lxml.html import fromstring as lxml_fromstring
from trafilatura.utils import DOCTYPE_TAG, load_html

from crawler.encoding import binary_kind, decode_html, maybe_gunzip
from crawler.language import choose_language
from crawler.main_text import extract_main_text
from crawler.metadata import (
    byline_author,
    clean_author,
    clean_text,
    is_urlish,
    normalise_date,
    structured_metadata,
)
from crawler.social_embeds import restore_social_embeds
from crawler.source_type import classify_source, evidence_from_page

logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# trafilatura refuses bigger files too; past this a "page" is a data dump, not an article.
MAX_HTML_CHARS = 20_000_000
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:»·-]\s+")
# Element counts: real article pages have a few thousand. Past LEAN_ELEMENTS only the fast passes run
# (trafilatura's fallbacks and byline search slow down faster than pages grow); past MAX_ELEMENTS the
# page is skipped rather than holding up a crawl for minutes.
LEAN_ELEMENTS = 20_000
MAX_ELEMENTS = 100_000
# Fewer words than this is a menu or a caption, not an article.
MIN_ARTICLE_WORDS = 5
_UNCLOSED_TITLE = re.compile(r"(<title[^>]*>)([^<]*)", re.I)
# The characters trafilatura's INVALID_XML_CHARS removes, besides U+FFFE and U+FFFF: control bytes.
_XML_INVALID_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
# trafilatura's parser settings, but every element an HtmlElement picked by lxml in C: lxml.html's own
# lookup calls back into Python for each element object made (only to give form fields their own
# classes, which nothing here uses), and trafilatura makes hundreds of thousands of them.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
# What tree.iter() visits: elements, comments and processing instructions (the parser keeps neither).
_COUNT_NODES = XPath("count(//* | //comment() | //processing-instruction())")

FIELDS = (
    "url", "title", "text", "author", "publisher", "published", "modified", "language", "canonical_url",
    "description", "source_type", "date_source", "language_source", "headline_image", "site_name",
    "section", "paywalled", "embedded_posts", "encoding", "extraction_method", "word_count",
)


def _empty_result(url: str | None) -> dict:
    """A result with every field present and nothing found."""
    result = dict.fromkeys(FIELDS)
    result.update(url=url, text="", source_type="unknown", source_scores={}, word_count=0, paywalled=False,
                  embedded_posts=0)
    return result


def extract_article(html: bytes | str, url: str | None = None) -> dict:
    """Main text and metadata of one HTML page; never raises: a page that yields nothing gets text ''
    and a one-line reason in "skipped" (not an article) or "error" (extraction failed)."""
    if isinstance(url, bytes):
        url = url.decode("utf-8", errors="replace")
    url = (url.strip() or None) if isinstance(url, str) else None
    result = _empty_result(url)
    try:
        _extract_into(result, html, url)
    except Exception as exc:  # noqa: BLE001 - one strange page must never stop a crawl; say why instead
        first_line = str(exc).splitlines()[0][:200] if str(exc) else ""
        result["error"] = f"extraction failed: {type(exc).__name__}: {first_line}"
        result["text"] = result.get("text") or ""
    return result


def _extract_into(result: dict, html: bytes | str, url: str | None) -> None:
    """Fill result in place; sets result["skipped"] and returns early for input that is not an article."""
    if not isinstance(html, (bytes, bytearray, str)):
        result["error"] = f"expected HTML as bytes or str, got {type(html).__name__}"
        return
    if isinstance(html, (bytes, bytearray)):
        html = maybe_gunzip(bytes(html))
        kind = binary_kind(html)
        if kind:
            result["skipped"] = f"not HTML: looks like {kind}"
            return
    if not html.strip():
        result["skipped"] = "empty page"
        return
    markup, encoding = decode_html(html)
    result["encoding"] = encoding
    if len(markup) > MAX_HTML_CHARS:
        result["skipped"] = f"page too large: {len(markup):,} characters (limit {MAX_HTML_CHARS:,})"
        return
    if not _MARKUP.search(markup[:65536]):
        result["skipped"] = "not HTML: no markup found"
        return
    # The page's own bytes, when markup is exactly their UTF-8 decoding: libxml2 parses them fastest.
    utf8 = html if encoding == "utf-8" and isinstance(html, bytes) and not html.startswith(BOM_UTF8) else None
    if markup.find("</title", 0, 200_000) < 0 and "</title" not in markup[:200_000].lower():
        # An unclosed <title> would swallow the whole document as its text; close it at the next tag.
        markup, utf8 = _UNCLOSED_TITLE.sub(r"\1\2</title>", markup, count=1), None
    tree = _parse(markup, utf8)
    if tree is None:
        result["skipped"] = "not HTML: no document could be parsed"
        return

    # Counted by libxml2: a Python loop over the elements cost as much as some extraction stages.
    elements = int(_COUNT_NODES(tree))
    if elements > MAX_ELEMENTS:
        result["skipped"] = f"page too complex: {elements:,} elements (limit {MAX_ELEMENTS:,})"
        return
    thorough = elements <= LEAN_ELEMENTS

    meta = structured_metadata(tree, url)
    titles = [meta.get("title"), meta.get("title_tag"), _heading_title(tree)]
    text, method = extract_main_text(tree, url, [title for title in titles if title], thorough=thorough,
                                     paywalled=bool(meta.get("paywalled")))
    text, result["embedded_posts"] = restore_social_embeds(tree, text)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        text, method = "", "none"
    result["text"] = text
    result["extraction_method"] = method
    result["word_count"] = len(text.split())
    _fill_metadata(result, meta, tree, url, thorough)
    result["language"], result["language_source"] = choose_language(
        meta.get("declared_language"), text or " ".join(filter(None, (result["title"], result["description"])))
    )
    # The publisher may have come from a fallback; its name is a cue too ("... Post", "... Blog").
    evidence = evidence_from_page(url, {**meta, "publisher": result["publisher"]}, tree)
    result["source_type"], result["source_scores"] = classify_source(evidence)
    if not text:
        result["skipped"] = "no article text found"


def _parse(markup: str, utf8: bytes | None) -> HtmlElement | None:
    """The page's tree, the same as trafilatura's load_html(markup) builds (but made by _PARSER).

    load_html first scans the whole text for characters XML forbids, then hands libxml2 a str to
    re-encode. Given utf8, the bytes markup was decoded from, and nothing for load_html to repair,
    libxml2 parses those bytes directly; every other page goes through load_html itself."""
    if utf8 is None or _needs_repair(markup, utf8):
        return load_html(markup)
    try:
        tree = lxml_fromstring(utf8, parser=_PARSER)
    except ValueError:
        return load_html(markup)
    # An empty or doubtful document (no head and body) gets load_html's checks and second tries.
    return tree if tree is not None and len(tree) >= 2 else load_html(markup)


def _needs_repair(markup: str, utf8: bytes) -> bool:
    """Whether trafilatura's repair_faulty_html would change the page: characters XML forbids, a
    doctype libxml2 trips over, or a self-closing <html/>."""
    if len(utf8.translate(None, _XML_INVALID_BYTES)) != len(utf8) or "\ufffe" in markup or "\uffff" in markup:
        return True
    first_line_end = markup.find("\n")  # (partition would copy the whole page)
    if "doctype" in markup[:50].lower() and DOCTYPE_TAG.match(markup[:first_line_end] if first_line_end >= 0 else markup):
        return True
    return any("<html" in line and line.endswith("/>") for line in markup[:4096].splitlines()[:4])


def _fill_metadata(result: dict, meta: dict, tree: HtmlElement, url: str | None, thorough: bool = True) -> None:
    """Copy structured metadata into result, with trafilatura and htmldate filling the gaps."""
    for key in ("title", "author", "publisher", "published", "modified", "canonical_url", "description",
                "date_source", "headline_image", "site_name", "section", "paywalled"):
        result[key] = meta.get(key)
    result["paywalled"] = bool(result["paywalled"])
    if not result["title"]:
        result["title"] = _heading_title(tree) or _strip_site_suffix(meta.get("title_tag"))
    if not result["publisher"]:
        result["publisher"] = _site_from_title_tag(meta.get("title_tag"), result["title"])
    if thorough and (not result["author"] or not result["publisher"] or not result["title"]):
        missing = {key for key in ("title", "author", "publisher") if not result[key]}
        for key, value in _trafilatura_metadata(tree, missing).items():
            result[key] = result[key] or (None if is_urlish(value) else value)
    result["author"] = clean_author(result["author"])
    if not result["published"]:
        result["published"] = _htmldate(tree, url or result["canonical_url"])
        result["date_source"] = "htmldate" if result["published"] else None


def _heading_title(tree: HtmlElement) -> str | None:
    """The page's single <h1>, when there is exactly one (several h1s are usually a site template)."""
    headings = [clean_text(h.text_content()) for h in tree.iter("h1")]
    headings = [h for h in headings if h]
    return headings[0] if len(headings) == 1 else None


def _strip_site_suffix(title: str | None) -> str | None:
    """'Headline | Site Name' -> 'Headline' (the longest part, since site names are short)."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    return max(parts, key=len) if len(parts) > 1 else title


def _site_from_title_tag(title_tag: str | None, headline: str | None) -> str | None:
    """'Headline - Site Name' -> 'Site Name', when one part of the <title> is the headline."""
    if not title_tag or not headline:
        return None
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title_tag) if part.strip()]
    if len(parts) < 2:
        return None
    key = _comparable(headline)
    # The headline part may carry extras ('Product name 30 x 25mg'), so a shared start is enough.
    if key and _comparable(parts[0]).startswith(key):
        return parts[-1]
    if key and _comparable(parts[-1]).startswith(key):
        return parts[0]
    return None


def _comparable(text: str) -> str:
    """Lower-case words only, so typographic quotes and dashes do not block a match."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _trafilatura_metadata(tree: HtmlElement, missing: set[str]) -> dict:
    """The missing ones of title, author and site name by trafilatura's heuristics (meta tags, bylines)."""
    from trafilatura import metadata as traf_meta

    found: dict = {}
    try:
        meta = traf_meta.examine_meta(tree)
        if "title" in missing:
            found["title"] = meta.title or traf_meta.extract_title(tree)
        if "author" in missing:  # the byline search copies the whole tree: only when needed
            author = meta.author or byline_author(tree)
            # trafilatura itself drops one-word "authors": they are usually site names or "admin".
            found["author"] = author if author and " " in author.strip() else None
        if "publisher" in missing:
            found["publisher"] = meta.sitename or traf_meta.extract_sitename(tree)
    except Exception:  # noqa: BLE001 - a fallback must not fail the page; the fields just stay empty
        return {}
    return {key: clean_text(value) for key, value in found.items()}


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    """Publication date found by htmldate (URL patterns, visible dates, headers), or None."""
    from htmldate import find_date

    try:
        # Only dates the page states in markup (meta, <time>, headers) or its URL: the extensive
        # free-text search is slow and often picks a date mentioned in the story or a sidebar.
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - htmldate's parsers meet every kind of broken date
        return None
    return normalise_date(found)
