"""Main article text: trafilatura in precision and recall settings, one chosen per page by agreement."""

from __future__ import annotations

import logging

import trafilatura

# trafilatura logs every page it gives up on; that is an expected outcome here, not a warning.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

# If the precise extraction keeps less than this share of the balanced one's words, it has
# most likely cut the article itself (a split body, a paywall teaser wrapper), not boilerplate.
_PRECISE_MIN_SHARE = 0.5


def _words(text: str) -> int:
    """Rough word count."""
    return len(text.split())


def _run(html: str, url: str | None, **options) -> str:
    """trafilatura text for one setting; '' when it finds nothing."""
    try:
        return trafilatura.extract(html, url=url, include_comments=False, fast=True, **options) or ""
    except (ValueError, TypeError, AttributeError, IndexError):  # lxml corner cases deep in trafilatura
        return ""


def extract_main_text(html: str, url: str | None = None) -> tuple[str, str]:
    """(main text with paragraphs separated by newlines, which setting produced it)."""
    precise = _run(html, url, favor_precision=True)
    balanced = _run(html, url)
    if precise and _words(precise) >= _PRECISE_MIN_SHARE * _words(balanced):
        return precise, "trafilatura-precision"
    if balanced:
        return balanced, "trafilatura-balanced"
    recall = _run(html, url, favor_recall=True)
    return recall, "trafilatura-recall" if recall else "none"
