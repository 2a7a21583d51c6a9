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


def store_claims_by_path(con) -> dict[str, list[dict]]:
    """{URL path: [{text, claimant, role, verdicts}]} from a store's claims and verdicts."""
    rows = con.execute("""
        SELECT a.url, c.text, c.claimant_name, c.claimant_role,
               list(DISTINCT v.verdict) FILTER (WHERE v.verdict IS NOT NULL)
        FROM claims c JOIN articles a USING (article_id) LEFT JOIN verdicts v USING (claim_id)
        GROUP BY a.url, c.claim_id, c.text, c.claimant_name, c.claimant_role""").fetchall()
    by_path: dict[str, list[dict]] = {}
    for url, text, claimant, role, verdicts in rows:
        by_path.setdefault(urlsplit(url).path, []).append(
            {"text": normalise(text), "claimant": claimant or "", "role": role or "", "verdicts": set(verdicts or [])})
    return by_path


def matching(claims: list[dict], words: str) -> list[dict]:
    """The stored claims whose sentence holds the labelled words (or lies within them)."""
    words = normalise(words)
    return [c for c in claims if words in c["text"] or c["text"] in words]


def same_person(stored: str, labelled: str) -> bool:
    """Whether a stored claimant names the labelled person (the surname is enough: 'Musk')."""
    stored_words = normalise(stored).split()
    return bool(stored_words) and normalise(labelled).split()[-1] in stored_words


def verdict_agreement(con, manifest: dict | None = None) -> dict:
    """Found / agreed counts for the manifest's intended verdicts, overall and per label, plus misses."""
    manifest = manifest or load_manifest()
    claims = store_claims_by_path(con)
    per_label: dict[str, Counter] = {label: Counter() for label in VERDICT_ORDER}
    misses = []
    for article in manifest["articles"]:
        for intended in article["claims"]:
            label = intended["intended_verdict"]
            matches = [c["verdicts"] for c in matching(claims.get(article["path"], []), intended["text"])]
            got = set().union(*matches) if matches else set()
            per_label[label]["intended"] += 1
            per_label[label]["found"] += bool(matches)
            per_label[label]["agreed"] += label in got
            if label not in got:
                misses.append({"path": article["path"], "text": intended["text"], "intended": label,
                               "got": sorted(got) if matches else None})
    total = sum((c for c in per_label.values()), Counter())
    return {"intended": total["intended"], "found": total["found"], "agreed": total["agreed"],
            "per_label": {k: dict(v) for k, v in per_label.items()}, "misses": misses,
            "attribution": attribution_agreement(claims, manifest)}


def attribution_agreement(claims: dict[str, list[dict]], manifest: dict) -> dict:
    """How many labelled claimants (and their roles) the tagger attributed the claim to."""
    counts, misses = Counter(), []
    for article in manifest["articles"]:
        for label in article.get("attributions", []):
            found = matching(claims.get(article["path"], []), label["text"])
            # The writer's own voice may be stored without a name, as role "author"; that counts.
            person = [c for c in found if same_person(c["claimant"], label["claimant"])
                      or (label["role"] == "author" and c["role"] == "author" and not c["claimant"])]
            counts["labelled"] += 1
            counts["found"] += bool(found)
            counts["claimant"] += bool(person)
            counts["role"] += any(c["role"] == label["role"] for c in person)
            if not person:
                misses.append({"path": article["path"], "text": label["text"], "claimant": label["claimant"],
                               "got": sorted({c["claimant"] for c in found}) if found else None})
    return {**counts, "misses": misses}


def format_agreement(result: dict) -> list[str]:
    """Human-readable lines for a benchmark or a terminal."""
    lines = [f"demo verdict agreement: {result['agreed']}/{result['intended']} intended verdicts given; "
             f"{result['found']}/{result['intended']} claim sentences found"]
    for label, counts in result["per_label"].items():
        lines.append(f"  {label:18} {counts.get('agreed', 0):3}/{counts.get('intended', 0):<3} agreed, "
                     f"{counts.get('found', 0):3} found")
    att = result["attribution"]
    lines.append(f"demo claimant attribution: {att.get('claimant', 0)}/{att.get('labelled', 0)} claimants right "
                 f"({att.get('role', 0)} with the right role); {att.get('found', 0)} labelled sentences found")
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
    for miss in outcome["attribution"]["misses"]:
        print(f"  miss claimant {miss['claimant']!r} got {miss['got']}: {miss['path']}: {miss['text'][:70]}")
