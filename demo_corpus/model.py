"""What a demo article and a demo outlet are: the data the page templates render."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# The one visible notice every page carries near its top, and the metadata twin of it.
DEMO_NOTICE = "Demo page written for the healthclaims project. Not a real article."

# Templates, named as each page declares them in <meta name="healthclaims:template">.
TEMPLATES = ("news-jsonld", "magazine-og", "clinic-landing", "personal-blog", "press-release", "cookie-popup")


@dataclass(frozen=True)
class Report:
    """A real, published news report of a real person's public statement, linked from a page."""

    url: str
    outlet: str
    about: str


@dataclass(frozen=True)
class Outlet:
    """A fictional publication, served under its own path prefix of the one demo host."""

    key: str
    name: str
    template: str
    tagline: str
    nav: tuple[str, ...]
    about: str


@dataclass
class Article:
    """One demo article: its words, its metadata and what the manifest says it covers."""

    outlet: str
    slug: str
    title: str
    published: str
    author: str
    kind: str  # "repeats" a health claim, or "disputes" one
    body: list[str]
    people: list[str] = field(default_factory=list)
    substances: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    # (sentence, intended verdict[, path of the fact-check page on the site that disputes it])
    claims: list[tuple[str, ...]] = field(default_factory=list)
    # (words of a claim sentence, who makes the claim, their role): the attribution a tagger should find
    attributions: list[tuple[str, str, str]] = field(default_factory=list)
    dek: str = ""
    modified: str = ""
    tags: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    in_feed: bool = True

    @property
    def path(self) -> str:
        """The URL path of the page, under its outlet's prefix."""
        return f"/{self.outlet}/{self.slug}.html"

    @property
    def published_at(self) -> datetime:
        """The publication time as a datetime."""
        return datetime.fromisoformat(self.published)

    @property
    def updated(self) -> str:
        """The last-modified time (the publication time unless the page says otherwise)."""
        return self.modified or self.published
