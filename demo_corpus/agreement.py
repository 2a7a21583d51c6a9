"""Score a store built from the demo corpus against the verdicts the corpus's authors intended.

Each article in site/manifest.json lists claim sentences written to exercise one verdict. After
`healthclaims run` (no URL), this reports how many of those sentences became claims and how many got
the intended verdict, so NLP and fact-base changes can be judged on the same labelled set.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlsplit

from demo_corpus.server import site_root

VERDICT_ORDER = ("consistent", "partly_consistent", "inconsistent", "unapproved_use", "not_covered")


def load_manifest() -> dict:
    """The corpus manifest (pages, people, substances, intended verdicts)."""
    return json.loads(site_root().joinpath("manifest.json").read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    """Lower case with quotes, dashes and runs of spaces folded, so sentence matching is robust."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def store_claims_by_path(con) -> dict[str, list[tuple[str, set[str]]]]:
    """{URL path: [(claim text, {verdict labels})]} from a store's claims and verdicts."""
    rows = con.execute("""
        SELECT a.url, c.text, list(DISTINCT v.verdict) FILTER (WHERE v.verdict IS NOT NULL)
        FROM claims c JOIN articles a USING (article_id) LEFT JOIN verdicts v USING (claim_id)
        GROUP BY a.url, c.claim_id, c.text""").fetchall()
    by_path: dict[str, list[tuple[str, set[str]]]] = {}
    for url, text, verdicts in rows:
        by_path.setdefault(urlsplit(url).path, []).append((normalise(text), set(verdicts or [])))
    return by_path


def verdict_agreement(con, manifest: dict | None = None) -> dict:
    """Found / agreed counts for the manifest's intended verdicts, overall and per label, plus misses."""
    manifest = manifest or load_manifest()
    claims = store_claims_by_path(con)
    per_label: dict[str, Counter] = {label: Counter() for label in VERDICT_ORDER}
    misses = []
    for article in manifest["articles"]:
        for intended in article["claims"]:
            label, sentence = intended["intended_verdict"], normalise(intended["text"])
            matches = [verdicts for text, verdicts in claims.get(article["path"], [])
                       if sentence in text or text in sentence]
            got = set().union(*matches) if matches else set()
            per_label[label]["intended"] += 1
            per_label[label]["found"] += bool(matches)
            per_label[label]["agreed"] += label in got
            if label not in got:
                misses.append({"path": article["path"], "text": intended["text"], "intended": label,
                               "got": sorted(got) if matches else None})
    total = sum((c for c in per_label.values()), Counter())
    return {"intended": total["intended"], "found": total["found"], "agreed": total["agreed"],
            "per_label": {k: dict(v) for k, v in per_label.items()}, "misses": misses}


def format_agreement(result: dict) -> list[str]:
    """Human-readable lines for a benchmark or a terminal."""
    lines = [f"demo verdict agreement: {result['agreed']}/{result['intended']} intended verdicts given; "
             f"{result['found']}/{result['intended']} claim sentences found"]
    for label, counts in result["per_label"].items():
        lines.append(f"  {label:18} {counts.get('agreed', 0):3}/{counts.get('intended', 0):<3} agreed, "
                     f"{counts.get('found', 0):3} found")
    return lines


if __name__ == "__main__":
    import sys

    import duckdb

    if len(sys.argv) != 2:
        sys.exit("usage: python -m demo_corpus.agreement DB_PATH  (a store built by `healthclaims run`)")
    with duckdb.connect(sys.argv[1], read_only=True) as connection:
        outcome = verdict_agreement(connection)
    print("\n".join(format_agreement(outcome)))
    for miss in outcome["misses"]:
        print(f"  miss {miss['intended']:18} got {miss['got']}: {miss['path']}: {miss['text'][:80]}")
