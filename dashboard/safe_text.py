"""Escaping untrusted text (article words, names, titles) before it goes into Markdown or HTML."""

from __future__ import annotations

import html
import re

# Characters that start Markdown (or Streamlit) markup anywhere in a line: code, emphasis, links and
# images, tables, strike-through, maths. Parentheses only matter after a bracket, which is escaped.
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
# Streamlit turns :name: into an emoji or icon.
SHORTCODE = re.compile(r":(?=[\w/+-]+:)")
# Markers that make a block when a line starts with them: headings, quotes, lists, rules.
BLOCK_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")


def md(text: object) -> str:
    """Text shown literally inside Markdown: no links, emphasis, HTML, maths or blocks from article content."""
    value = html.escape(str(text if text is not None else ""), quote=False)
    value = " ".join(value.splitlines())  # a new line could start a heading or a list
    value = INLINE_SPECIAL.sub(r"\\\1", value)
    value = SHORTCODE.sub(r"\\:", value)
    return BLOCK_START.sub(
        lambda m: m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4)), value
    )
