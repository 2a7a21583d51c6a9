"""Lesson sheets: golden Markdown and HTML for the fixture store, the answer key, escaping of hostile text."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from dashboard.lesson import lesson_html, lesson_markdown
from store import queries, snapshot_path
from tests.dashboard_store import build_dashboard_store

GOLDEN = Path(__file__).parent / "fixtures" / "dashboard"
# UPDATE_GOLDEN=1 rewrites the expected files; read the diff before committing them.
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict]:
    """The fixture store's claims that show a warning sign, as the Classroom page selects them."""
    path = tmp_path_factory.mktemp("lesson") / "fixture.duckdb"
    build_dashboard_store(path)
    with duckdb.connect(str(snapshot_path(path)), read_only=True) as con:
        return queries.claims_selection(con, {"cue": "any"})


def check_golden(name: str, text: str) -> None:
    """Compare with tests/fixtures/dashboard/<name> (or rewrite it when UPDATE_GOLDEN is set)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_markdown_and_html_sheets_match_their_golden_files(rows):
    assert len(rows) == 5
    check_golden("lesson-sheet.md", lesson_markdown(rows, "Spot the warning signs", "any warning sign"))
    check_golden("lesson-sheet.html", lesson_html(rows, "Spot the warning signs", "any warning sign"))
    check_golden("lesson-sheet-answer-key.md",
                 lesson_markdown(rows, "Spot the warning signs", "any warning sign", answer_key=True))


def test_answer_key_moves_every_verdict_to_the_end(rows):
    sheet = lesson_markdown(rows, "T", "s", answer_key=True)
    questions, key = sheet.split("## Answer key")
    assert "What regulators' records say" not in questions
    assert key.count("What regulators' records say") == len(rows)
    html_sheet = lesson_html(rows, "T", "s", answer_key=True)
    assert html_sheet.index('<div class="key">') > html_sheet.rindex("<blockquote>")


def test_hostile_text_in_a_sheet_stays_text():
    row = {"text": '<script>alert("x")</script> [click](javascript:alert(1)) **now**',
           "claimant_name": "<img src=x onerror=alert(2)>", "publisher": "A & B", "published": None,
           "article_url": "javascript:alert(3)", "is_demo": False, "verdicts": [],
           "cues": {"absolute_language": ["<b>always</b>"]}}
    page = lesson_html([row], "<title>", "all")
    assert "<script>" not in page and "<img" not in page and "<b>always" not in page
    assert "href" not in page  # a javascript: address is never made a link
    assert "&lt;script&gt;" in page and "A &amp; B" in page
    sheet = lesson_markdown([row], "T", "all")
    assert "<script>" not in sheet and "\\](javascript" in sheet and "**now**" not in sheet
