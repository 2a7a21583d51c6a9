"""Named read queries: the only SQL the dashboard and exports run. All are parameterised."""

from __future__ import annotations

import json

import duckdb

CLAIMS_WITH_ARTICLES = """
SELECT c.claim_id, c.text, c.span_start, c.span_end, c.sentence_index,
       c.claimant_name, c.claimant_role, c.claim_type, c.substances, c.conditions, c.doses,
       c.routes, c.frequency, c.hedged, c.negated, c.stance, c.jurisdictions, c.cues,
       a.article_id, a.url AS article_url, a.title AS article_title, a.publisher, a.published,
       a.source_type, a.warc_file, a.warc_record_id, a.is_demo
FROM claims c JOIN articles a USING (article_id)
ORDER BY a.published NULLS LAST, a.url, c.span_start
"""

VERDICTS_OF_CLAIMS = """
SELECT v.claim_id, NULLIF(v.fact_id, '') AS fact_id, v.substance, v.jurisdiction, v.verdict,
       v.rationale, v.source_url, v.checked_at
FROM verdicts v ORDER BY v.claim_id, v.verdict, v.fact_id
"""

ARTICLES = """
SELECT article_id, url, canonical_url, title, author, publisher, published, modified, language,
       source_type, description, text, revision, warc_file, warc_record_id, is_demo, fetched_at,
       (SELECT list(url ORDER BY first_seen) FROM appearances p WHERE p.article_id = a.article_id) AS appearances
FROM articles a ORDER BY published NULLS LAST, url
"""

FACTS = "SELECT * EXCLUDE (data) FROM facts ORDER BY substance, jurisdiction, date NULLS LAST, fact_id"


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """Run a named query and return its rows as dicts."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def claims_with_verdicts(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every claim with its article fields and its list of verdicts, JSON columns decoded."""
    verdicts: dict[str, list[dict]] = {}
    for v in rows(con, VERDICTS_OF_CLAIMS):
        verdicts.setdefault(v.pop("claim_id"), []).append(v)
    out = []
    for claim in rows(con, CLAIMS_WITH_ARTICLES):
        for key in ("doses", "cues"):
            if isinstance(claim.get(key), str):
                claim[key] = json.loads(claim[key])
        claim["verdicts"] = verdicts.get(claim["claim_id"], [])
        out.append(claim)
    return out
