"""Extraction benchmark: our extract_article against plain trafilatura.extract on the 181-page benchmark."""

from __future__ import annotations

import time

from bench.extraction_metric import BENCHMARK_DIR, load_benchmark, score


def _reference(html: bytes) -> str:
    """Plain trafilatura with its defaults: the reference every figure is printed beside."""
    import trafilatura

    return trafilatura.extract(html) or ""


def _ours(html: bytes, url: str) -> str:
    """Our full extraction (text plus all metadata), keeping only the text for scoring."""
    from crawler.extraction import extract_article

    return extract_article(html, url=url)["text"]


def measure(pages: list[tuple[str, bytes, str, str]]) -> dict:
    """Texts and seconds for both extractors, run page by page in alternation so that load
    from other processes on the machine falls on both alike."""
    ours_texts, ref_texts = [], []
    ours_seconds = ref_seconds = 0.0
    _ours(pages[0][1], pages[0][2]), _reference(pages[0][1])  # imports and caches out of the timing
    for index, (_, html, url, _) in enumerate(pages):
        order = (("ours", "ref"), ("ref", "ours"))[index % 2]
        for who in order:
            started = time.process_time()
            if who == "ours":
                ours_texts.append(_ours(html, url))
                ours_seconds += time.process_time() - started
            else:
                ref_texts.append(_reference(html))
                ref_seconds += time.process_time() - started
    truths = [body for *_, body in pages]
    return {
        "ours": score(zip(truths, ours_texts)),
        "reference": score(zip(truths, ref_texts)),
        "ours_seconds": ours_seconds,
        "reference_seconds": ref_seconds,
    }


def run() -> list[str]:
    """Figures for `make bench`: quality and speed, ours beside trafilatura's defaults."""
    if not (BENCHMARK_DIR / "ground-truth.json").exists():
        return [f"skipped: benchmark data not found at {BENCHMARK_DIR}"]
    pages = load_benchmark()
    result = measure(pages)
    ours, ref = result["ours"], result["reference"]
    ours_speed = len(pages) / result["ours_seconds"]
    ref_speed = len(pages) / result["reference_seconds"]
    return [
        f"pages {len(pages)} ({BENCHMARK_DIR})",
        f"extraction F1 {ours.f1:.3f} (trafilatura {ref.f1:.3f})",
        f"precision {ours.precision:.3f} (trafilatura {ref.precision:.3f})  "
        f"recall {ours.recall:.3f} (trafilatura {ref.recall:.3f})  "
        f"accuracy {ours.accuracy:.3f} (trafilatura {ref.accuracy:.3f})",
        f"speed {ours_speed:.1f} pages/s (trafilatura {ref_speed:.1f} pages/s, ratio {ours_speed / ref_speed:.2f}); "
        "ours includes metadata, language and source type, trafilatura's is text only",
    ]
