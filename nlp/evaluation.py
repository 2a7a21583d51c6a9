"""Scores the tagger against the hand-annotated gold sentences: per-field precision, recall and F1."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from spacy.language import Language

from nlp.pipeline import build_pipeline
from nlp.tagging import tag_articles

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "claims.jsonl"


def load_gold(path: str | Path = GOLD) -> list[dict]:
    """The gold items, one JSON object a line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def article_for(item: dict) -> tuple[dict, int, int]:
    """A small article holding the item's heading, context and sentence; and where the sentence is."""
    head = item.get("heading") or ""
    before = (head + "\n\n" if head else "") + ((item.get("context") or "") + " " if item.get("context") else "")
    text = before + item["text"]
    article = {"article_id": item["id"], "text": text, "source_type": item.get("source_type") or "unknown",
               "title": ""}
    return article, len(before), len(text)


def predict(items: list[dict], nlp: Language | None = None) -> list[dict | None]:
    """The tagger's claim for each gold sentence (the claim overlapping it), or None."""
    nlp = nlp or build_pipeline()
    articles = [article_for(item) for item in items]
    results = tag_articles(nlp, [a for a, _, _ in articles])
    out = []
    for (_, start, end), (claims, _) in zip(articles, results):
        hit = [c for c in claims if c["span_start"] < end and c["span_end"] > start]
        out.append(hit[0] if hit else None)
    return out


class Tally:
    """True positives, false positives and false negatives of one field."""

    def __init__(self) -> None:
        """Start every count at zero."""
        self.tp = self.fp = self.fn = 0
        self.right = self.total = 0

    def sets(self, gold, pred) -> None:
        """Count a set-valued field."""
        gold, pred = Counter(gold), Counter(pred)
        self.tp += sum((gold & pred).values())
        self.fp += sum((pred - gold).values())
        self.fn += sum((gold - pred).values())
        self.total += 1
        self.right += gold == pred

    def flag(self, gold: bool, pred: bool) -> None:
        """Count a yes/no field (the positive class is True)."""
        self.tp += gold and pred
        self.fp += pred and not gold
        self.fn += gold and not pred
        self.total += 1
        self.right += gold == pred

    def label(self, gold, pred) -> None:
        """Count a single-label field (scored as accuracy)."""
        self.total += 1
        self.right += gold == pred
        self.tp += gold == pred
        self.fp += gold != pred
        self.fn += gold != pred

    def scores(self) -> dict[str, float]:
        """precision, recall, f1 and accuracy, rounded to three places."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        a = self.right / self.total if self.total else 1.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "accuracy": round(a, 3),
                "n": self.total}


def same_person(gold: str | None, pred: str | None) -> bool:
    """Names match when equal, or when one is the other's surname ('Musk' for 'Elon Musk')."""
    if not gold or not pred:
        return not gold and not pred
    g, p = gold.lower().split(), pred.lower().split()
    return g == p or g[-1] == p[-1]


def same_name(gold: str | None, pred: str | None) -> bool:
    """Names match exactly (case aside): one person or organisation keeps one full name."""
    return " ".join((gold or "").lower().split()) == " ".join((pred or "").lower().split())


def evaluate(items: list[dict] | None = None, nlp: Language | None = None) -> tuple[dict, list[dict]]:
    """(scores by field, disagreements) for the gold items."""
    items = items if items is not None else load_gold()
    predictions = predict(items, nlp)
    fields = {name: Tally() for name in ("claim", "claim_type", "substances", "conditions", "claimant",
                                        "claimant_name", "role", "doses", "hedged", "negated", "stance", "disputes")}
    misses = []
    for item, pred in zip(items, predictions):
        fields["claim"].flag(item["claim"], pred is not None)
        if item["claim"] != (pred is not None):
            misses.append({"id": item["id"], "field": "claim", "gold": item["claim"], "pred": pred is not None})
        if not (item["claim"] and pred):
            continue
        checks = {
            "claim_type": (item["claim_type"], pred["claim_type"]),
            "role": (item["role"], pred["claimant_role"]),
            "stance": (item["stance"], pred["stance"]),
        }
        for name, (g, p) in checks.items():
            fields[name].label(g, p)
            if g != p:
                misses.append({"id": item["id"], "field": name, "gold": g, "pred": p})
        fields["claimant"].label(True, same_person(item["claimant"], pred["claimant_name"]))
        if not same_person(item["claimant"], pred["claimant_name"]):
            misses.append({"id": item["id"], "field": "claimant", "gold": item["claimant"], "pred": pred["claimant_name"]})
        # The same, without the surname allowance: 'Rogan' beside 'Joe Rogan' or 'examiner' is a miss here.
        fields["claimant_name"].label(True, same_name(item["claimant"], pred["claimant_name"]))
        if same_person(item["claimant"], pred["claimant_name"]) and not same_name(item["claimant"], pred["claimant_name"]):
            misses.append({"id": item["id"], "field": "claimant_name", "gold": item["claimant"],
                           "pred": pred["claimant_name"]})
        for name in ("substances", "conditions"):
            fields[name].sets(item[name], pred[name])
            if sorted(item[name]) != sorted(pred[name]):
                misses.append({"id": item["id"], "field": name, "gold": item[name], "pred": pred[name]})
        gold_doses = [(round(float(d["value"]), 3), d["unit"]) for d in item["doses"]]
        pred_doses = [(round(float(d["value"]), 3), d["unit"]) for d in pred["doses"]]
        fields["doses"].sets(gold_doses, pred_doses)
        if sorted(gold_doses) != sorted(pred_doses):
            misses.append({"id": item["id"], "field": "doses", "gold": gold_doses, "pred": pred_doses})
        for name in ("hedged", "negated"):
            fields[name].flag(item[name], pred[name])
            if item[name] != pred[name]:
                misses.append({"id": item["id"], "field": name, "gold": item[name], "pred": pred[name]})
        fields["disputes"].flag(item["stance"] == "disputes", pred["stance"] == "disputes")
    return {name: tally.scores() for name, tally in fields.items()}, misses


def main(argv: list[str]) -> int:
    """Print the scores (and, with --misses, every disagreement) for a gold file."""
    path = next((a for a in argv if not a.startswith("--")), GOLD)
    scores, misses = evaluate(load_gold(path))
    for name, s in scores.items():
        print(f"{name:12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  acc {s['accuracy']:.3f}  n {s['n']}")
    if "--misses" in argv:
        for miss in misses:
            print(json.dumps(miss, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
