"""Main article text by trafilatura: a fast precise pass, with fallbacks and the balanced setting for short output."""

from __future__ import annotations

import logging

import trafilatura
from lxml.html import HtmlElement

from crawler.boilerplate import remove_boilerplate

# trafilatura logs every page it gives up on; that is an expected outcome here, not a warning.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# The fast precise pass is trusted when it finds at least this many words; shorter output usually
# means it cut the article (a body split by ads, a teaser wrapper) and the slower passes get a say.
_TRUSTED_WORDS = 100
# A page that declares a paywall is short by design: a teaser this long is not a failed extraction.
_TEASER_WORDS = 30
# If the precise extraction keeps less than this share of the balanced one's words, it has
# most likely lost part of the article itself, not just boilerplate.
_PRECISE_MIN_SHARE = 0.5


def _words(text: str) -> int:
    """Rough word count."""
    return len(text.split())


def _run(html: str | HtmlElement, url: str | None, titles: list[str] | None, **options) -> str:
    """trafilatura text for one setting, furniture removed; '' when it finds nothing."""
    try:
        # Given a parsed tree, trafilatura works on a copy, which is cheaper than parsing again.
        text = trafilatura.extract(html, url=url, include_comments=False, **options) or ""
    except (ValueError, TypeError, AttributeError, IndexError, RecursionError):  # lxml corner cases
        return ""
    return remove_boilerplate(text, titles)


def extract_main_text(html: str | HtmlElement, url: str | None = None, titles: list[str] | None = None,
                      thorough: bool = True, paywalled: bool = False) -> tuple[str, str]:
    """(main text, one paragraph a line, without furniture or the headline; which setting produced it).

    thorough=False runs the fast precise pass only: for huge pages, where trafilatura's fallbacks
    take time that grows faster than the page. paywalled=True accepts a teaser-length text as it is."""
    fast_precise = _run(html, url, titles, favor_precision=True, fast=True)
    words = _words(fast_precise)
    if words >= _TRUSTED_WORDS or not thorough or (paywalled and words >= _TEASER_WORDS):
        return fast_precise, "trafilatura-precision"
    # Short or empty: let trafilatura's fallbacks (readability, jusText) have a say, then the balanced
    # setting if the text is still short.
    precise = _run(html, url, titles, favor_precision=True) or fast_precise
    if _words(precise) >= _TRUSTED_WORDS:
        return precise, "trafilatura-precision+fallback"
    balanced = _run(html, url, titles)
    if precise and _words(precise) >= _PRECISE_MIN_SHARE * _words(balanced):
        return precise, "trafilatura-precision+fallback"
    if balanced:
        return balanced, "trafilatura-balanced"
    recall = _run(html, url, titles, favor_recall=True)
    return recall, "trafilatura-recall" if recall else "none"
