"""Scoring for the article-extraction benchmark: word 4-gram shingles, corpus precision/recall/F1, accuracy."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# The benchmark data lives beside the repo, in the shared folder (see its README for the metric).
BENCHMARK_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "article-extraction"

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> list[str]:
    """Word tokens of a text, as the benchmark defines them (runs of \\w characters)."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of word n-grams; a text shorter than n tokens is one shorter shingle (none if empty)."""
    words = tokens(text)
    if not words:
        return Counter()
    return Counter(" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))


def page_counts(truth: str | None, prediction: str | None) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page, each divided by their sum so every page weighs the same."""
    true_sh, pred_sh = shingles(truth), shingles(prediction)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


@dataclass(frozen=True)
class Score:
    """Corpus scores of one extractor over the benchmark."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def score(pairs: Iterable[tuple[str | None, str | None]]) -> Score:
    """Corpus precision/recall means, their harmonic mean and exact-token accuracy over (truth, prediction)."""
    precisions, recalls, exact, pages = [], [], 0, 0
    for truth, prediction in pairs:
        pages += 1
        tp, fp, fn = page_counts(truth, prediction)
        if tp + fp > 0:  # an empty prediction does not count against precision
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        exact += tokens(truth) == tokens(prediction)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, exact / pages if pages else 0.0, pages)


def load_benchmark(directory: Path = BENCHMARK_DIR) -> list[tuple[str, bytes, str, str]]:
    """(page id, html bytes, original url, ground-truth article body) for every benchmark page."""
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        html = gzip.decompress((directory / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, html, truth[page_id].get("url") or "", truth[page_id].get("articleBody") or ""))
    return pages


def evaluate(extract: Callable[[bytes, str], str], pages: list[tuple[str, bytes, str, str]]) -> Score:
    """Score an extractor (html bytes, url -> text) over loaded benchmark pages."""
    return score((body, extract(html, url)) for _, html, url, body in pages)
