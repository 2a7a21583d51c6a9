"""Turning store rows into the published record shapes (the claims contract in DESIGN.md)."""

from __future__ import annotations

from datetime import date, datetime


def iso_date(value) -> str | None:
    """YYYY-MM-DD for a date or datetime, else None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value or None


def claim_record(row: dict) -> dict:
    """One claim in the contract shape, with the extra fields reporters use after the contract keys."""
    return {
        "claim_id": row["claim_id"],
        "text": row["text"],
        "article": {
            "url": row["article_url"],
            "title": row["article_title"],
            "publisher": row["publisher"],
            "published": iso_date(row["published"]),
            "source_type": row["source_type"] or "unknown",
            "archive": {"warc_file": row.get("warc_file"), "warc_record_id": row.get("warc_record_id")},
            # Every URL the article was seen at (syndicated copies too), first seen first.
            "appearances": list(row.get("appearances") or [row["article_url"]]),
            "is_demo": bool(row.get("is_demo")),
        },
        "span": [row["span_start"], row["span_end"]],
        "claimant": {"name": row["claimant_name"], "role": row["claimant_role"] or "unknown"},
        "claim_type": row["claim_type"],
        "substances": list(row["substances"] or []),
        "conditions": list(row["conditions"] or []),
        "doses": row.get("doses") or [],
        "hedged": bool(row["hedged"]),
        "negated": bool(row["negated"]),
        "stance": row.get("stance"),
        "routes": list(row.get("routes") or []),
        "frequency": row.get("frequency"),
        "jurisdictions": list(row.get("jurisdictions") or []),
        "cues": row.get("cues") or {},
        "verdicts": [
            {
                "fact_id": v["fact_id"],
                "substance": v["substance"],
                "jurisdiction": v["jurisdiction"],
                "verdict": v["verdict"],
                "rationale": v["rationale"],
                "source_url": v["source_url"],
            }
            for v in row["verdicts"]
        ],
    }


def claim_csv_row(record: dict) -> dict:
    """A flat row of a claim record for spreadsheets: lists joined with '; '."""
    article = record["article"]
    verdicts = record["verdicts"]
    return {
        "claim_id": record["claim_id"],
        "text": record["text"],
        "claimant": record["claimant"]["name"] or "",
        "claimant_role": record["claimant"]["role"],
        "claim_type": record["claim_type"],
        "substances": "; ".join(record["substances"]),
        "conditions": "; ".join(record["conditions"]),
        "doses": "; ".join(d.get("text") or f"{d.get('value')} {d.get('unit')}" for d in record["doses"]),
        "hedged": record["hedged"],
        "negated": record["negated"],
        "stance": record["stance"],
        "verdicts": "; ".join(sorted({v["verdict"] for v in verdicts})),
        "verdict_details": " | ".join(
            f"{v['verdict']} ({v['jurisdiction'] or 'any'}, {v['fact_id'] or 'no fact'}): {v['rationale']}"
            for v in verdicts
        ),
        "sources": "; ".join(sorted({v["source_url"] for v in verdicts if v["source_url"]})),
        "article_url": article["url"],
        "article_title": article["title"],
        "publisher": article["publisher"],
        "published": article["published"],
        "source_type": article["source_type"],
        "span_start": record["span"][0],
        "span_end": record["span"][1],
    }
