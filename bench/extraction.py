"""Extraction benchmark: our extract_article against plain trafilatura.extract on the 181-page benchmark."""

from __future__ import annotations

import time

from bench.extraction_metric import BENCHMARK_DIR, load_benchmark, score


def _reference(html: bytes) -> str:
    """Plain trafilatura with its defaults: the reference every figure is printed beside."""
    import trafilatura

    return trafilatura.extract(html) or ""


def _reference_with_metadata(html: bytes) -> str:
    """trafilatura with its own metadata extraction switched on: the fair speed reference for text + metadata."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True)
    return (document.text if document is not None else "") or ""


def _ours(html: bytes, url: str) -> dict:
    """Our full extraction: text plus all metadata."""
    from crawler.extraction import extract_article

    return extract_article(html, url=url)


def measure(pages: list[tuple[str, bytes, str, str]]) -> dict:
    """Texts and seconds for both extractors, run page by page in alternation so that load
    from other processes on the machine falls on both alike."""
    ours_texts, ref_texts, articles = [], [], []
    ours_seconds = ref_seconds = meta_seconds = 0.0
    # Imports and caches out of the timing.
    _ours(pages[0][1], pages[0][2]), _reference(pages[0][1]), _reference_with_metadata(pages[0][1])
    # CPU time of this process, not wall time: other processes on a shared machine barely move it.
    for index, (_, html, url, _) in enumerate(pages):
        order = (("ours", "ref", "meta"), ("ref", "meta", "ours"), ("meta", "ours", "ref"))[index % 3]
        for who in order:
            started = time.process_time()
            if who == "ours":
                articles.append(_ours(html, url))
                ours_seconds += time.process_time() - started
                ours_texts.append(articles[-1]["text"])
            elif who == "ref":
                ref_texts.append(_reference(html))
                ref_seconds += time.process_time() - started
            else:
                _reference_with_metadata(html)
                meta_seconds += time.process_time() - started
    truths = [body for *_, body in pages]
    return {
        "ours": score(zip(truths, ours_texts)),
        "reference": score(zip(truths, ref_texts)),
        "ours_seconds": ours_seconds,
        "reference_seconds": ref_seconds,
        "reference_metadata_seconds": meta_seconds,
        "articles": articles,
    }


def coverage(articles: list[dict]) -> list[str]:
    """How often each metadata field was found, where dates came from, and the source types seen."""
    from collections import Counter

    found = {field: sum(1 for a in articles if a.get(field)) for field in
             ("title", "author", "publisher", "published", "language", "canonical_url")}
    dates = Counter(a["date_source"] for a in articles if a.get("date_source"))
    kinds = Counter(a["source_type"] for a in articles)
    return [
        "metadata found on " + ", ".join(f"{field} {count}" for field, count in found.items())
        + f" of {len(articles)} pages",
        "published date from " + ", ".join(f"{source} {count}" for source, count in dates.most_common()),
        "source types " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()),
    ]


def run() -> list[str]:
    """Figures for `make bench`: quality and speed, ours beside trafilatura's defaults."""
    if not (BENCHMARK_DIR / "ground-truth.json").exists():
        return [f"skipped: benchmark data not found at {BENCHMARK_DIR}"]
    pages = load_benchmark()
    result = measure(pages)
    ours, ref = result["ours"], result["reference"]
    ours_speed = len(pages) / result["ours_seconds"]
    ref_speed = len(pages) / result["reference_seconds"]
    meta_speed = len(pages) / result["reference_metadata_seconds"]
    return [
        f"pages {len(pages)} ({BENCHMARK_DIR})",
        f"extraction F1 {ours.f1:.3f} (trafilatura {ref.f1:.3f})",
        f"precision {ours.precision:.3f} (trafilatura {ref.precision:.3f})  "
        f"recall {ours.recall:.3f} (trafilatura {ref.recall:.3f})  "
        f"accuracy {ours.accuracy:.3f} (trafilatura {ref.accuracy:.3f})",
        f"speed {ours_speed:.1f} pages/s (trafilatura {ref_speed:.1f} pages/s, ratio {ours_speed / ref_speed:.2f}); "
        "ours includes metadata, language and source type, trafilatura's is text only",
        f"speed with metadata {ours_speed:.1f} pages/s (trafilatura with_metadata {meta_speed:.1f} pages/s, "
        f"ratio {ours_speed / meta_speed:.2f}); CPU seconds of this process",
        *coverage(result["articles"]),
    ]
