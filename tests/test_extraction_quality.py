"""Quality gate: F1 of extract_article on the 181-page article-extraction benchmark stays above a pinned floor."""

from __future__ import annotations

import pytest

from bench.extraction_metric import BENCHMARK_DIR, load_benchmark, page_counts, score, shingles

# Pinned to the score reached (rounded down). Raise it when the score rises; never lower it quietly.
F1_FLOOR = 0.979
PRECISION_FLOOR = 0.980
RECALL_FLOOR = 0.978


def test_metric_on_hand_made_pages():
    """The shingle metric counts as the benchmark README says: 4-grams, multiset overlap, equal page weight."""
    assert sum(shingles("one two three four five").values()) == 2
    assert list(shingles("too short")) == ["too short"]
    assert shingles("") == {}
    tp, fp, fn = page_counts("a b c d e", "a b c d x")  # truth {abcd, bcde}, prediction {abcd, bcdx}
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    result = score([("a b c d e", "a b c d e"), ("a b c d e", ""), ("", "w x y z")])
    # precision over pages with a prediction: (1 + 0) / 2; recall over pages with a truth: (1 + 0) / 2
    assert result.precision == pytest.approx(0.5) and result.recall == pytest.approx(0.5)
    assert result.f1 == pytest.approx(0.5)
    assert result.accuracy == pytest.approx(1 / 3)


@pytest.mark.slow
def test_benchmark_f1_floor():
    """Our extraction scores at least the pinned floor on the whole benchmark (generic methods only)."""
    if not (BENCHMARK_DIR / "ground-truth.json").exists():
        pytest.skip(f"benchmark data not found at {BENCHMARK_DIR}")
    from crawler.extraction import extract_article

    pages = load_benchmark()
    assert len(pages) == 181
    result = score((body, extract_article(html, url=url)["text"]) for _, html, url, body in pages)
    assert result.f1 >= F1_FLOOR, result
    assert result.precision >= PRECISION_FLOOR, result
    assert result.recall >= RECALL_FLOOR, result
