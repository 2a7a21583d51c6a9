"""Article metadata from structured data: JSON-LD, OpenGraph and microdata (extruct), then <meta> tags."""

from __future__ import annotations

import html
import re
from copy import deepcopy
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from extruct.jsonld import JsonLdExtractor
from extruct.opengraph import OpenGraphExtractor
from extruct.w3cmicrodata import MicrodataExtractor
from lxml.etree import XPath
from lxml.html import HtmlElement

# schema.org types whose node describes the article itself (not the site, a person or a breadcrumb).
ARTICLE_TYPES = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
    "SocialMediaPosting", "ScholarlyArticle", "MedicalScholarlyArticle", "TechArticle", "Report",
    "SatiricalArticle", "AdvertiserContentArticle", "MedicalWebPage", "WebPage", "Recipe", "Review",
    "HowTo", "PressRelease",
}
# Types of a JSON-LD node that names the site's owner, when the article node names no publisher.
ORGANIZATION_TYPES = {
    "Organization", "NewsMediaOrganization", "GovernmentOrganization", "Corporation", "MedicalOrganization",
    "MedicalClinic", "MedicalBusiness", "LocalBusiness", "Store", "Pharmacy", "HealthAndBeautyBusiness",
    "NGO", "EducationalOrganization", "Hospital",
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_URLISH = re.compile(r"^(https?:)?//|^www\.", re.I)
_SPACE = re.compile(r"\s+")
_ITEM_TYPES = XPath("//*[@itemscope]/@itemtype", smart_strings=False)

# The microdata properties structured_metadata reads, and the names it looks up inside their values.
_MICRODATA_READ = {"datePublished", "dateModified", "headline", "author", "image", "name", "legalName", "url",
                   "contentUrl"}


class _ReadPropertiesMicrodata(MicrodataExtractor):
    """extruct's microdata reader, giving '' as the text of the properties never read here (articleBody,
    description, ...): cleaning a whole article body into text was most of its time. Should extruct
    rename this hook, the override just stops applying and every property is read in full again."""

    def _extract_textContent(self, node):
        if _MICRODATA_READ.isdisjoint((node.get("itemprop") or "").split()):
            return ""
        return super()._extract_textContent(node)


_jsonld = JsonLdExtractor()
_opengraph = OpenGraphExtractor()
_microdata = _ReadPropertiesMicrodata()


def normalise_date(value) -> str | None:
    """'YYYY-MM-DD' for an ISO, slash or RFC 2822 date string (local date as written), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE.search(text) or _SLASH_DATE.search(text)
    parsed = None
    if match:
        try:
            parsed = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    else:
        try:
            parsed = parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            return None
    # A date before the web or far in the future is a template placeholder, not a publication date.
    if parsed.year < 1990 or parsed > date(datetime.now().year + 1, 12, 31):
        return None
    return parsed.isoformat()


def clean_text(value) -> str | None:
    """A one-line, stripped string, or None for empty or non-string values."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    if "&" in value:  # JSON-LD and meta values often carry HTML entities (&#8211;, &amp;)
        value = html.unescape(value)
    text = _SPACE.sub(" ", value).strip()
    return text or None


_BYLINE_PREFIX = re.compile(r"^(written |posted |reported )?by\s+", re.I)
# Words that bylines drag in after the name: dates, "Published", "commented on".
_BYLINE_TAIL = re.compile(
    r"((^|\s+)(published|updated|posted|commented|on|at|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|"
    r"july?|aug(ust)?|sep(tember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|\d+))+$",
    re.I,
)


def clean_author(value: str | None) -> str | None:
    """An author string without 'By ' and trailing date words; None if nothing is left."""
    if not value:
        return None
    names = []
    for name in value.split(";"):
        name = _BYLINE_TAIL.sub("", _BYLINE_PREFIX.sub("", name.strip())).strip(" ,;|-")
        if name and name not in names:
            names.append(name)
    return "; ".join(names) or None


def is_urlish(text: str | None) -> bool:
    """Whether a 'name' is really a URL (a profile or home page link)."""
    return bool(text and _URLISH.search(text))


def _names(value) -> list[str]:
    """Person or organisation names from a JSON-LD value (string, object, or list of either)."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        value = value.get("name") or value.get("legalName")
        if isinstance(value, (list, dict)):
            return _names(value)
    text = clean_text(value)
    if not text or _URLISH.search(text):  # a profile URL is not a name
        return []
    return [text.lstrip("@") or text]


def _types(node: dict) -> set[str]:
    """The schema.org types of a JSON-LD node, without URL prefixes."""
    kinds = node.get("@type") or []
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).rsplit("/", 1)[-1] for kind in kinds}


def _flatten(items) -> list[dict]:
    """Every JSON-LD object in the page, with @graph lists and nested lists opened up."""
    nodes, stack = [], list(items) if isinstance(items, list) else [items]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            nodes.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
    return nodes


def jsonld_nodes(tree: HtmlElement) -> list[dict]:
    """All JSON-LD objects in the page; a broken script block is skipped, not fatal."""
    nodes = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            # extruct's public extract_items() gives up on the whole page at the first bad block,
            # so parse block by block with the same (comment-tolerant) parser.
            nodes.extend(_flatten(list(_jsonld._extract_items(script))))
        except Exception:  # noqa: BLE001 - sites ship every kind of broken JSON; one bad block must not cost the rest
            continue
    return nodes


def _article_node(nodes: list[dict]) -> dict:
    """The JSON-LD node that describes the article (a news/blog type beats a generic WebPage)."""
    best, best_rank = {}, 99
    for node in nodes:
        kinds = _types(node)
        if not kinds & ARTICLE_TYPES:
            continue
        rank = 2 if kinds <= {"WebPage"} else 1 if "Article" in kinds else 0
        if rank < best_rank:
            best, best_rank = node, rank
    return best


def _opengraph_props(tree: HtmlElement) -> dict[str, str]:
    """OpenGraph and article:* properties as a flat dict (first value of each)."""
    props: dict[str, str] = {}
    try:
        for item in _opengraph.extract_items(tree):
            for key, value in item.get("properties", []):
                props.setdefault(key, value)
    except Exception:  # noqa: BLE001 - malformed namespaces in the wild
        pass
    return props


def _microdata_article(tree: HtmlElement, url: str | None) -> dict:
    """Properties of the first microdata item that is an article, or {}."""
    # extruct is slow; only an item typed as an article can be the answer, so look for one first.
    declared = {kind.rsplit("/", 1)[-1] for types in _ITEM_TYPES(tree) for kind in types.split()}
    if not declared & ARTICLE_TYPES:
        return {}
    try:
        items = _microdata.extract_items(tree, url)
    except Exception:  # noqa: BLE001 - extruct trips over some broken itemprop markup
        return {}
    for item in items:
        types = item.get("type") or []
        types = types if isinstance(types, list) else [types]
        if {str(t).rsplit("/", 1)[-1] for t in types} & ARTICLE_TYPES:
            return item.get("properties") or {}
    return {}


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """<meta> contents keyed by lower-case name, property, itemprop or http-equiv (first one wins)."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if not content:
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            key = element.get(attr)
            if key:
                tags.setdefault(key.strip().lower(), content)
    return tags


def _meta(tags: dict[str, str], *names: str) -> str | None:
    """Content of the first of names present among the page's meta tags, or None."""
    for name in names:
        text = clean_text(tags.get(name))
        if text:
            return text
    return None


def _first(*values):
    """The first value that is not None or empty."""
    return next((value for value in values if value), None)


def _image(value) -> str | None:
    """An image URL from a JSON-LD image value (URL, ImageObject, or a list of either)."""
    if isinstance(value, list):
        return _first(*(_image(item) for item in value))
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return clean_text(value)


def structured_metadata(tree: HtmlElement, url: str | None = None) -> dict:
    """Metadata fields from JSON-LD, OpenGraph, microdata and <meta> tags, plus the types seen."""
    nodes = jsonld_nodes(tree)
    article = _article_node(nodes)
    og = _opengraph_props(tree)
    # Microdata is slow to read and rarely adds anything once JSON-LD has described the article.
    micro = {} if article else _microdata_article(tree, url)
    tags = meta_tags(tree)
    publisher = article.get("publisher") or {}
    publisher_names = _names(publisher) or _names(article.get("sourceOrganization"))
    site_owner = next((node for node in nodes if _types(node) & ORGANIZATION_TYPES), {})

    published, date_source = None, None
    for source, value in (
        ("json-ld", article.get("datePublished") or article.get("dateCreated")),
        ("opengraph", og.get("article:published_time") or og.get("og:published_time")),
        ("microdata", micro.get("datePublished")),
        ("meta", _meta(tags, "article:published_time", "date", "dc.date", "dc.date.issued",
                       "pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date")),
    ):
        published = normalise_date(value if isinstance(value, str) else clean_text(value))
        if published:
            date_source = source
            break
    modified = _first(*(normalise_date(clean_text(v)) for v in (
        article.get("dateModified"), og.get("article:modified_time"), og.get("og:updated_time"),
        micro.get("dateModified"), _meta(tags, "last-modified", "dc.date.modified"))))

    canonical = [link.get("href") for link in tree.iter("link")
                 if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href")]
    title_tag = tree.xpath("//title/text()")
    html_lang = tree.xpath("/html/@lang | /html/@xml:lang")
    jsonld_types = sorted({kind for node in nodes for kind in _types(node)})
    return {
        "title": _first(clean_text(article.get("headline")), clean_text(og.get("og:title")),
                        clean_text(micro.get("headline")), clean_text(article.get("name"))),
        "title_tag": clean_text(title_tag[0]) if title_tag else None,
        "author": "; ".join(dict.fromkeys(_names(article.get("author")) or _names(micro.get("author"))
                                          or _names(og.get("article:author"))
                                          or _names(_meta(tags, "author", "dc.creator", "byl"))))
        or None,
        "publisher": _first(*publisher_names, *_names(og.get("og:site_name")), *_names(site_owner),
                            *_names(_meta(tags, "application-name", "publisher", "dc.publisher"))),
        "site_name": _first(clean_text(og.get("og:site_name")), _meta(tags, "application-name")),
        "publisher_types": sorted(_types(publisher)) if isinstance(publisher, dict) else [],
        "published": published,
        "date_source": date_source,
        "modified": modified,
        "declared_language": _first(clean_text(html_lang[0]) if html_lang else None,
                                    clean_text(article.get("inLanguage")) if isinstance(
                                        article.get("inLanguage"), str) else None,
                                    clean_text(og.get("og:locale")),
                                    _meta(tags, "content-language", "language", "dc.language")),
        "canonical_url": _first(clean_text(canonical[0]) if canonical else None, clean_text(og.get("og:url")),
                                clean_text(article.get("url")) if isinstance(article.get("url"), str) else None),
        "description": _first(clean_text(article.get("description")), clean_text(og.get("og:description")),
                              _meta(tags, "description")),
        "headline_image": _first(_image(article.get("image")), clean_text(og.get("og:image")),
                                 _image(micro.get("image"))),
        # schema.org's paywall flag: the text we get may be a teaser, which a reader should know.
        "paywalled": str(article.get("isAccessibleForFree", "")).strip().lower() == "false" or None,
        "og_type": clean_text(og.get("og:type")),
        "jsonld_types": jsonld_types,
        "article_type": sorted(_types(article)) if article else [],
        "section": clean_text(article.get("articleSection")) or clean_text(og.get("article:section")),
    }



# trafilatura's byline search (trafilatura.metadata.extract_author, with its AUTHOR_XPATHS and
# AUTHOR_DISCARD_XPATHS as of 2.3) in one Python pass: its XPaths test a dozen attributes of every
# element three times over, which made the byline search a tenth of a page's extraction time.
_AUTHOR_TAGS = ({"a", "address", "div", "link", "p", "span", "strong"}, {"a", "div", "h3", "h4", "p", "span"})
_AUTHOR_CLASS = (re.compile("author-?name|AuthorName|authorName"),
                 re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"),
                 re.compile("[Aa]uthor|screenname|writer|[Bb]yline"))
_AUTHOR_ID = (re.compile("author|zuozhe|bianji|xiaobian"), re.compile("[Aa]uthor"))
_DISCARD_TAGS = {"a", "div", "section", "span"}
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
                            "article-(?:share|support)|print|category|meta-date|meta-reviewer")
_TIME_OR_FIGURE = XPath("//time|//figure")
# Every class or id piece the tests below look for: an element whose class and id hold none of them
# can match only through its other attributes.
_BYLINE_CUES = re.compile("uthor|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by|journalist-name|screenname|"
                          "writer|yline|username|byl|BBL|omment|title|date|ProductReviews|sidebar|is-hidden|quote|"
                          "embedly-instagram|article-s|print|category|meta-")
_NONE = (False, False, False)


def _byline_candidates(root: HtmlElement) -> tuple[list[HtmlElement], list[list[HtmlElement]]]:
    """(elements to discard, author candidates of each of the three XPaths), all in document order."""
    discard: list[HtmlElement] = []
    found: list[list[HtmlElement]] = [[], [], []]
    rel_children = root.find(".//rel") is not None  # trafilatura's rel='me' tests a child <rel> element
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        get = element.get
        cls, ident = get("class", ""), get("id", "")
        if not (tag == "author" or rel_children or (cls or ident) and _BYLINE_CUES.search(f"{cls}\0{ident}")
                or get("itemprop") or get("data-component") or get("rel") or get("data-testid")):
            continue  # no test below can pass: spare them
        itemprop, component = get("itemprop", ""), get("data-component", "")
        # Which of the class and id patterns hit, each tested once (most elements have neither).
        class_hits = [pattern.search(cls) is not None for pattern in _AUTHOR_CLASS] if cls else _NONE
        id_hits = [pattern.search(ident) is not None for pattern in _AUTHOR_ID] if ident else _NONE
        if tag == "author" or tag in _AUTHOR_TAGS[0] and (
            get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
            or get("data-testid") in ("AuthorCard", "AuthorURL") or class_hits[0]
            or rel_children and any(child.text_content() == "me" for child in element.iterchildren("rel"))
        ):
            found[0].append(element)
        if tag in _AUTHOR_TAGS[1] and (
            cls in ("byline", "username", "byl", "BBL") or "author" in itemprop or id_hits[0] or class_hits[1]
        ):
            found[1].append(element)
        if "Byline" in component or "author" in itemprop or id_hits[1] or class_hits[2]:
            found[2].append(element)
        if tag in _DISCARD_TAGS and (cls or ident or component) and (
            ident == "comments" or cls in ("comments", "title", "date") or ident and _DISCARD_ID.search(ident)
            or cls and _DISCARD_CLASS.search(cls) or "Figure" in component
        ):
            discard.append(element)
    return discard, found


def byline_author(tree: HtmlElement) -> str | None:
    """The author named in a byline element, exactly as trafilatura's extract_author finds it:
    byline classes and ids, outside comments, sidebars, dates and figures.

    trafilatura cuts those out of a copy of the whole page first; here they are only set aside, and
    just a candidate that holds one is copied and cut."""
    from trafilatura.metadata import normalize_authors

    discard, found = _byline_candidates(tree)
    cut = set(discard).union(_TIME_OR_FIGURE(tree))
    for candidates in found:
        for element in candidates:
            if element in cut or any(ancestor in cut for ancestor in element.iterancestors()):
                continue
            content = _text_without(element, cut)
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _text_without(element: HtmlElement, cut: set) -> str:
    """The element's text, trimmed as trafilatura does, once the elements in cut are deleted from it
    (their tails kept, as trafilatura's delete_element keeps them)."""
    from trafilatura.utils import trim
    from trafilatura.xml import delete_element

    if any(node in cut for node in element.iterdescendants()):
        originals, element = list(element.iter()), deepcopy(element)
        for original, copied in zip(originals, list(element.iter())):
            if original in cut:
                delete_element(copied)
    return trim(" ".join(element.itertext()))
