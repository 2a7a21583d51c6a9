"""Markdown escaping of untrusted text: nothing in it may become markup, and it reads as it was written."""

from __future__ import annotations

import pytest

from dashboard.safe_text import md


@pytest.mark.parametrize(("raw", "escaped"), [
    ("Ana Vega", "Ana Vega"),
    ("http://example.org/a-b.html", "http://example.org/a-b.html"),  # addresses stay readable
    ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
    ("![img](http://x/y.png)", "!\\[img\\](http://x/y.png)"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("**bold** _it_ `code` ~~gone~~ $x^2$ a|b", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\$x^2\\$ a\\|b"),
    (":rocket: and :material/home:", "\\:rocket: and \\:material/home:"),
    ("# Heading", "\\# Heading"),
    ("- item", "\\- item"),
    ("12. item", "12\\. item"),
    ("line one\n# two", "line one # two"),
    ("Tom & Jerry", "Tom &amp; Jerry"),
    (None, ""),
])
def test_md_escapes_markup_and_keeps_words(raw, escaped):
    assert md(raw) == escaped
