"""Fact-checker benchmark: verdict accuracy on the gold pairs, and check speed beside the store's own I/O floor."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"
ARTICLES = 10  # 10 articles x every gold claim (105): about 1,000 claims


def _build_store(path: Path, cases: list[dict]):
    """A store holding every gold claim once per article, as the tagger would write them."""
    from store import Store

    store = Store(path)
    for number in range(ARTICLES):
        text = " ".join(case["claim"]["text"] for case in cases)
        _, article_id = store.save_article({"url": f"https://bench.example.com/{number}", "title": f"Bench {number}",
                                            "publisher": "Bench", "source_type": "news",
                                            "text": f"{number}. {text}"})
        claims, offset = [], len(f"{number}. ")
        for case in cases:
            claim = dict(case["claim"])
            claim.pop("claim_id", None)
            claim.update(span_start=offset, span_end=offset + len(claim["text"]), sentence_index=0)
            offset += len(claim["text"]) + 1
            claims.append(claim)
        store.save_claims(article_id, claims)
    return store


def _io_floor(store) -> None:
    """The least any checker must do through the store: read the claims, write one verdict each."""
    claims = store.claims_for_checking()
    store.save_verdicts({c["claim_id"]: [{"fact_id": "", "verdict": "not_covered", "rationale": "floor"}]
                         for c in claims})


def run() -> list[str]:
    """Gold accuracy, held-out accuracy, and check_store time beside the I/O floor on the same store."""
    from facts.checker import check_store
    from facts.evaluation import read_gold, score

    lines = []
    for name in ("verdicts", "verdicts_heldout"):
        result = score(read_gold(GOLD_DIR / f"{name}.jsonl"))
        recall = ", ".join(f"{k} {v:.2f}" for k, v in result["recall_by_label"].items())
        lines.append(f"{name}: accuracy {result['accuracy']:.3f} on {result['pairs']} pairs ({recall})")
    cases = read_gold(GOLD_DIR / "verdicts.jsonl") + read_gold(GOLD_DIR / "verdicts_heldout.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        store = _build_store(Path(tmp) / "bench.duckdb", cases)
        with store:
            claims = len(store.claims_for_checking())
            check_store(store)  # warm caches (facts, lexicon, cue patterns) out of the timing
            timings = {"check": [], "floor": []}
            for _ in range(2):  # alternate, so load from other processes falls on both alike
                for who in ("check", "floor"):
                    started = time.process_time()
                    check_store(store) if who == "check" else _io_floor(store)
                    timings[who].append(time.process_time() - started)
    check, floor = min(timings["check"]), min(timings["floor"])
    lines.append(f"check_store: {claims} claims in {check:.2f} s CPU ({claims / check:,.0f} claims/s); "
                 f"reference, reading the claims and writing one verdict each: {floor:.2f} s "
                 f"({claims / floor:,.0f} claims/s); checking costs {check / floor:.1f}x the I/O floor")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
