"""Escaping untrusted text (article words, names, titles) before it goes into Markdown or HTML."""

from __future__ import annotations

import html
import re

# Characters Markdown gives a meaning to; a backslash makes each one literal.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def md(text: object) -> str:
    """Text shown literally inside Markdown: no links, emphasis, HTML or maths from article content."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text if text is not None else ""), quote=False))
