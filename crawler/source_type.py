"""Kind of source a page comes from (news, magazine, commercial, blog, government) by weighted cue lists."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml.html import HtmlElement

SOURCE_TYPES = ("news", "magazine", "commercial", "blog", "government", "unknown")
_RESOURCE = Path(__file__).with_name("resources") / "source_types.json"
_PRICE = re.compile(
    r"(?:[$£€]\s?\d[\d,]*(?:\.\d{1,2})?(?![\d.,]*\s?(?:million|billion|trillion|bn|tn|m|k)\b))"
    r"|(?:\b\d{1,6}(?:[.,]\d{2})?\s?(?:€|EUR|GBP|USD)\b)",
    re.I,
)
_BOOKING_WORDS = re.compile(r"\bbook|appointment|consultation|reservation|treatment|preferred.?date", re.I)
# A price is a cue only as a short text of its own (a list item, a price tag); prices in prose are news.
_PRICE_SNIPPET_WORDS = 8
_PAGE_TEXT_CHARS = 100_000
_INVISIBLE = {"script", "style", "noscript", "template"}
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Evidence:
    """What a page shows about its source: host, path, structured-data types and visible text."""

    host: str = ""
    path: str = ""
    jsonld_types: frozenset[str] = frozenset()
    article_types: frozenset[str] = frozenset()
    publisher_types: frozenset[str] = frozenset()
    og_type: str = ""
    names: tuple[str, ...] = ()
    page_text: str = ""
    price_snippets: int = 0
    booking_form: bool = False

    def __post_init__(self):
        """Keep the page text in lower case: case-blind regexes are several times slower on long text."""
        object.__setattr__(self, "page_text", self.page_text.lower())


@lru_cache(maxsize=1)
def _rules() -> dict:
    """The cue table, with regexes compiled once."""
    rules = json.loads(_RESOURCE.read_text(encoding="utf-8"))
    for cue in rules["cues"]:
        if cue["kind"] == "path_pattern":
            cue["compiled"] = [re.compile(value, re.I) for value in cue["values"]]
        elif cue["kind"] == "page_pattern":  # page_text is already lower case
            cue["compiled"] = [re.compile(value) for value in cue["values"]]
        elif "values" in cue:
            cue["set"] = {value.lower() for value in cue["values"]}
    page_patterns = [value for cue in rules["cues"] if cue["kind"] == "page_pattern" for value in cue["values"]]
    rules["page_any"] = re.compile("|".join(f"(?:{value})" for value in page_patterns)) if page_patterns else None
    return rules


def has_booking_form(tree: HtmlElement) -> bool:
    """Whether the page has a form that books appointments or treatments (not search or newsletter)."""
    for form in tree.iter("form"):
        fields = " ".join(
            " ".join(filter(None, (el.get("name"), el.get("id"), el.get("placeholder"), el.get("value"))))
            for el in form.iter("input", "select", "textarea", "button")
            if (el.get("type") or "").lower() != "hidden"  # hidden fields carry session ids, not labels
        )
        labels = " ".join(form.itertext())
        if _BOOKING_WORDS.search(fields) or _BOOKING_WORDS.search(labels[:2000]):
            return True
    return False


def _host_matches(host: str, suffix: str) -> bool:
    """Whether host ends with suffix on a label boundary ('.gov' matches 'fda.gov', not 'fakegov.com')."""
    suffix = suffix.lstrip(".")
    return host == suffix or host.endswith("." + suffix)


def _cue_score(cue: dict, ev: Evidence) -> int:
    """How many times this cue fires on the evidence (0 if it does not)."""
    kind = cue["kind"]
    if kind == "host_suffix":
        return int(any(_host_matches(ev.host, value) for value in cue["set"]))
    if kind in ("jsonld_type", "article_type", "publisher_type"):
        seen = {"jsonld_type": ev.jsonld_types, "article_type": ev.article_types,
                "publisher_type": ev.publisher_types}[kind]
        return int(bool({t.lower() for t in seen} & cue["set"]))
    if kind == "og_type":
        return int(ev.og_type.lower() in cue["set"])
    if kind == "name_word":
        words = {word for name in ev.names for word in _WORD.findall(name.lower())}
        return int(bool(words & cue["set"]))
    if kind == "host_word":
        labels = ev.host.split(".")[:-1] or [ev.host]
        return int(any(value in label for label in labels for value in cue["set"]))
    if kind == "path_pattern":
        return int(any(p.search(ev.path) for p in cue["compiled"]))
    if kind == "page_pattern":
        return int(any(p.search(ev.page_text) for p in cue["compiled"]))
    if kind == "price":
        return min(ev.price_snippets, cue.get("max_count", 1))
    if kind == "booking_form":
        return int(ev.booking_form)
    raise ValueError(f"unknown source-type cue kind {kind!r} in {_RESOURCE.name}")


def classify_source(ev: Evidence) -> tuple[str, dict[str, int]]:
    """(source type, score per type) for the evidence; 'unknown' when no type has enough cues."""
    rules = _rules()
    # One scan of the page text says whether any page pattern can fire; most pages have none.
    page_cues = bool(rules["page_any"] and rules["page_any"].search(ev.page_text))
    scores: dict[str, int] = {}
    for cue in rules["cues"]:
        hits = _cue_score(cue, ev) if page_cues or cue["kind"] != "page_pattern" else 0
        if hits:
            scores[cue["type"]] = scores.get(cue["type"], 0) + hits * cue["weight"]
    if not scores:
        return "unknown", scores
    order = rules["priority"]
    best = max(scores, key=lambda kind: (scores[kind], -order.index(kind)))
    needed = rules.get("min_score_by_type", {}).get(best, rules["min_score"])
    return (best if scores[best] >= needed else "unknown"), scores


def visible_texts(tree: HtmlElement) -> list[str]:
    """The non-blank text pieces of the page body, in order, without script and style contents."""
    body = tree.find("body")
    texts = []
    for element in (body if body is not None else tree).iter():
        text, tail = element.text, element.tail
        if text and element.tag not in _INVISIBLE and isinstance(element.tag, str) and text.strip():
            texts.append(text)
        if tail and tail.strip() and element is not body:
            texts.append(tail)
    return texts


def count_price_snippets(text_nodes: list[str], limit: int = 10) -> int:
    """How many short texts on the page are prices ('$550', 'From £99 per session'), up to limit."""
    count = 0
    for node in text_nodes:
        # split at most that often: a long text needs no full split to be ruled out
        if len(node.split(None, _PRICE_SNIPPET_WORDS)) <= _PRICE_SNIPPET_WORDS and _PRICE.search(node):
            count += 1
            if count >= limit:
                break
    return count


def evidence_from_page(url: str | None, meta: dict, tree: HtmlElement | None) -> Evidence:
    """Gather the cues classify_source needs from a page's URL, metadata and parsed tree."""
    text_nodes = visible_texts(tree) if tree is not None else []
    # Cues read the visible text; past this much the rest is footer and comments.
    page_text = " ".join(text_nodes)[:_PAGE_TEXT_CHARS]
    parts = urlsplit(url or meta.get("canonical_url") or "")
    host = (parts.hostname or "").lower().removeprefix("www.")
    names = tuple(name for name in (meta.get("publisher"), meta.get("site_name")) if name)
    return Evidence(
        host=host,
        path=parts.path or "",
        jsonld_types=frozenset(meta.get("jsonld_types") or ()),
        article_types=frozenset(meta.get("article_type") or ()),
        publisher_types=frozenset(meta.get("publisher_types") or ()),
        og_type=meta.get("og_type") or "",
        names=names,
        page_text=page_text,
        price_snippets=count_price_snippets(text_nodes),
        booking_form=has_booking_form(tree) if tree is not None else False,
    )
