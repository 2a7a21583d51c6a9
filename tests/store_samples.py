"""Small hand-made articles, claims and facts for store and export tests (fictional people only)."""

from __future__ import annotations

ARTICLE = {
    "url": "http://127.0.0.1:9/news/ketamine-story?utm_source=feed#top",
    "title": "A fictional singer says ketamine helped her",
    "publisher": "The Daily Globe (demo)",
    "published": "2024-03-18",
    "source_type": "news",
    "language": "en",
    "text": (
        "Singer Ana Vega said ketamine cured her depression. "
        "Spravato was approved by the FDA in 2019 for treatment-resistant depression."
    ),
    "is_demo": True,
}


def claims_for(article_text: str) -> list[dict]:
    """Two claims over the two sentences of ARTICLE's text."""
    first = article_text.index("Singer")
    first_end = article_text.index(".") + 1
    second = article_text.index("Spravato")
    return [
        {"span_start": first, "span_end": first_end, "text": article_text[first:first_end],
         "claimant_name": "Ana Vega", "claimant_role": "celebrity", "claim_type": "efficacy",
         "substances": ["ketamine"], "conditions": ["depression"], "hedged": False, "negated": False,
         "doses": [{"value": 0.5, "unit": "mg/kg", "text": "0.5 mg/kg"}]},
        {"span_start": second, "span_end": len(article_text), "text": article_text[second:],
         "claimant_name": None, "claimant_role": "author", "claim_type": "regulatory",
         "substances": ["esketamine"], "conditions": ["treatment-resistant depression"]},
    ]


FACT = {
    "fact_id": "us-fda-spravato-approval-2019",
    "substance": "esketamine",
    "jurisdiction": "US",
    "authority": "FDA",
    "kind": "approval",
    "product": "Spravato nasal spray",
    "date": "2019-03-05",
    "source_url": "https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=211243",
    "source_title": "Drugs@FDA: NDA 211243",
    "verified": "2026-11-21",
    "provenance": "test",
}
