"""Showing a claim inside its paragraph, with every piece of article text HTML-escaped."""

from __future__ import annotations

import html


def paragraph_parts(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The text before the claim in its paragraph, the claim itself, and the text after it."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end == -1:
        para_end = len(text)
    return text[para_start:start], text[start:end], text[end:para_end]


def highlight_html(text: str, start: int, end: int) -> str:
    """An HTML paragraph with the claim marked; article text is escaped, never passed through as markup."""
    before, claim, after = paragraph_parts(text, start, end)
    return (
        '<p class="claim-paragraph">' + html.escape(before)
        + '<mark style="background:#fde68a;padding:0 2px">' + html.escape(claim) + "</mark>"
        + html.escape(after) + "</p>"
    )
