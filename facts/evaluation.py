"""Scores the checker against a gold file of claim–fact pairs with the verdicts a fact-checker expects."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from facts.checker import check_claims
from facts.curated import load_curated


def read_gold(path: str | Path) -> list[dict]:
    """Gold cases, one JSON object a line: {id, claim, expected: {fact_id ('' = not_covered): label}, note}."""
    cases = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: bad JSON ({exc.msg})") from None
            case["claim"].setdefault("claim_id", case["id"])
            cases.append(case)
    return cases


def score(cases: list[dict], facts: list[dict] | None = None) -> dict:
    """Accuracy over every expected pair, per-label recall, and the pairs the checker got wrong."""
    facts = load_curated() if facts is None else facts
    verdicts = check_claims([c["claim"] for c in cases], facts)
    total = correct = 0
    per_label: Counter = Counter()
    per_label_ok: Counter = Counter()
    misses = []
    for case in cases:
        got = {v["fact_id"]: v["verdict"] for v in verdicts[case["claim"]["claim_id"]]}
        for fact_id, expected in case["expected"].items():
            total += 1
            per_label[expected] += 1
            actual = got.get(fact_id, "absent")
            if actual == expected:
                correct += 1
                per_label_ok[expected] += 1
            else:
                misses.append({"id": case["id"], "fact_id": fact_id, "expected": expected, "actual": actual})
    return {
        "pairs": total,
        "accuracy": correct / total if total else 0.0,
        "recall_by_label": {k: per_label_ok[k] / n for k, n in sorted(per_label.items())},
        "misses": misses,
    }
