"""Golden pages: extract_article's fields on small hand-written pages of each shape match expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extraction import extract_article

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"
CASES = sorted(path.name for path in FIXTURES.iterdir() if (path / "input.html").exists())


def test_every_page_shape_has_a_case():
    """The shapes the extractor must handle each have a golden page."""
    assert {"news_jsonld", "magazine_opengraph", "clinic_landing", "personal_blog", "press_release",
            "cookie_newsletter", "government_page", "non_english", "mislabelled_encoding", "embedded_post"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_golden_page(case):
    """Every field recorded in expected.json comes out exactly so."""
    expected = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    result = extract_article((FIXTURES / case / "input.html").read_bytes())
    assert "error" not in result and "skipped" not in result
    for field, value in expected.items():
        assert result[field] == value, f"{case}: field {field!r}"


def test_text_is_paragraphs_without_headline_or_furniture():
    """The body keeps its paragraphs one a line and leaves out the headline, banners and pop-ups."""
    result = extract_article((FIXTURES / "cookie_newsletter" / "input.html").read_bytes())
    lines = result["text"].split("\n")
    assert len(lines) == 4
    assert lines[0].startswith("The fictional striker")
    assert "cookies" not in result["text"]
    assert "newsletter" not in result["text"].lower()
    assert result["title"] not in result["text"]


def test_source_type_explains_itself():
    """The per-type cue scores come with the verdict, so a reader can see why a page is 'commercial'."""
    result = extract_article((FIXTURES / "clinic_landing" / "input.html").read_bytes())
    assert result["source_type"] == "commercial"
    assert result["source_scores"]["commercial"] > result["source_scores"].get("news", 0)


def test_url_is_returned_and_canonical_kept_apart():
    """The URL passed in is echoed; the page's own canonical URL is a separate field."""
    url = "https://mirror.example/copy-of-article"
    result = extract_article((FIXTURES / "news_jsonld" / "input.html").read_bytes(), url=url)
    assert result["url"] == url
    assert result["canonical_url"].startswith("https://www.harbourcityledger.example/")
