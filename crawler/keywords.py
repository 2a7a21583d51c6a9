"""The keyword filter: which extracted articles are worth keeping (health topics by default)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path


def default_keywords() -> list[str]:
    """The bundled health word list plus every substance name and synonym in the lexicon."""
    text = resources.files("crawler.resources").joinpath("keywords.txt").read_text(encoding="utf-8")
    words = parse_keyword_lines(text.splitlines())
    try:
        from nlp.lexicon import load_substances
    except ImportError:  # the lexicon is optional for the crawler; the word list still works alone
        return words
    for substance_id, entry in load_substances().items():
        words.append(substance_id)
        words.extend(entry.get("synonyms") or [])
    return words


def parse_keyword_lines(lines: list[str]) -> list[str]:
    """Keywords from lines of a file: one a line, blank lines and # comments ignored."""
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


class KeywordFilter:
    """Matches whole words or phrases, case-insensitively; `match` names the first keyword found."""

    def __init__(self, keywords: list[str]):
        cleaned = sorted({k.strip().lower() for k in keywords if k.strip()}, key=len, reverse=True)
        if not cleaned:
            raise ValueError("the keyword list is empty; give --no-keywords to keep every article")
        self.keywords = cleaned
        # One alternation: a single pass over the text however long the list is.
        alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in cleaned)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    def match(self, text: str) -> str | None:
        """The first keyword the text mentions, or None."""
        found = self._pattern.search(text or "")
        return found.group(0) if found else None

    @classmethod
    def from_options(cls, keywords: str = "", keyword_file: str = "", no_keywords: bool = False):
        """The filter a crawl's options ask for; None when --no-keywords keeps everything."""
        if no_keywords:
            return None
        words: list[str] = []
        if keywords:
            words += [k for k in keywords.split(",") if k.strip()]
        if keyword_file:
            try:
                lines = Path(keyword_file).read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise OSError(f"cannot read keyword file {keyword_file}: {exc.strerror}") from exc
            words += parse_keyword_lines(lines)
            if not words:
                raise ValueError(f"keyword file {keyword_file} holds no keywords")
        return cls(words or default_keywords())
