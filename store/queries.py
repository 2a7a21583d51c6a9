"""Named read queries: the only SQL the dashboard and exports run. All are parameterised."""

from __future__ import annotations

import json
import re

import duckdb

CLAIMS_WITH_ARTICLES = """
SELECT c.claim_id, c.text, c.span_start, c.span_end, c.sentence_index,
       c.claimant_name, c.claimant_role, c.claim_type, c.substances, c.conditions, c.doses,
       c.routes, c.frequency, c.hedged, c.negated, c.stance, c.jurisdictions, c.cues,
       a.article_id, a.url AS article_url, a.title AS article_title, a.publisher, a.published,
       a.source_type, a.warc_file, a.warc_record_id, a.is_demo,
       (SELECT list(url ORDER BY first_seen, url) FROM appearances p WHERE p.article_id = a.article_id) AS appearances
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


# -- claim selections (the dashboard's filters) ----------------------------------------------

# Row caps: a page of the claims table, and the largest selection one export may hold.
PAGE_CAP = 500
EXPORT_CAP = 100_000
# The verdicts in the order a reader should worry about them; a claim shows its most serious one.
VERDICT_ORDER = ("inconsistent", "unapproved_use", "partly_consistent", "consistent", "not_covered")
CUE_NAMES = ("celebrity_endorsement", "anecdote", "hedging", "absolute_language", "commercial_source",
             "unsourced_statistic")

# One row per claim with its article fields and overall verdict (NULL when not checked yet).
CLAIM_SUMMARY_CTE = """
WITH ranked AS (
    SELECT claim_id, min(CASE verdict WHEN 'inconsistent' THEN 1 WHEN 'unapproved_use' THEN 2
                       WHEN 'partly_consistent' THEN 3 WHEN 'consistent' THEN 4 ELSE 5 END) AS verdict_rank
    FROM verdicts GROUP BY claim_id
), summary AS (
    SELECT c.claim_id, c.article_id, c.text, c.claimant_name, c.claimant_role, c.claim_type,
           c.substances, c.conditions, c.stance, c.hedged, c.negated, c.cues, c.span_start,
           a.title AS article_title, a.publisher, a.published, a.source_type, a.is_demo,
           a.url AS article_url, r.verdict_rank,
           ['inconsistent', 'unapproved_use', 'partly_consistent', 'consistent', 'not_covered'][r.verdict_rank]
               AS verdict
    FROM claims c JOIN articles a USING (article_id) LEFT JOIN ranked r USING (claim_id)
)
"""
# The same rows without the verdict ranking, for counts and charts whose filter does not ask for a
# verdict: ranking every claim's verdicts is most of the cost of a query on a large store.
CLAIM_SUMMARY_NO_VERDICT_CTE = """
WITH summary AS (
    SELECT c.claim_id, c.article_id, c.text, c.claimant_name, c.claimant_role, c.claim_type,
           c.substances, c.conditions, c.stance, c.hedged, c.negated, c.cues, c.span_start,
           a.title AS article_title, a.publisher, a.published, a.source_type, a.is_demo,
           a.url AS article_url, NULL::INTEGER AS verdict_rank, NULL::VARCHAR AS verdict
    FROM claims c JOIN articles a USING (article_id)
)
"""


def summary_cte(filters: dict | None, need_verdict: bool = False) -> str:
    """The claim summary CTE, with the verdict ranking only when the query or its filter needs it."""
    if need_verdict or (filters or {}).get("verdicts"):
        return CLAIM_SUMMARY_CTE
    return CLAIM_SUMMARY_NO_VERDICT_CTE


CLAIM_SORTS = {
    "newest": "published DESC NULLS LAST, claim_id",
    "oldest": "published ASC NULLS LAST, claim_id",
    "person": "claimant_name NULLS LAST, published DESC NULLS LAST, claim_id",
    "verdict": "verdict_rank NULLS LAST, published DESC NULLS LAST, claim_id",
    "outlet": "publisher NULLS LAST, published DESC NULLS LAST, claim_id",
}

SEARCH_TERM = re.compile(r'"([^"]+)"|(\S+)')


def search_terms(text: str | None) -> list[str]:
    """Lower-case words and "quoted phrases" of a search box; every one must match."""
    return [(phrase or word).lower() for phrase, word in SEARCH_TERM.findall(text or "")][:12]


def claim_where(filters: dict | None) -> tuple[str, list]:
    """A WHERE clause (over the summary CTE) and its parameters for a filter dict; unknown keys are errors.

    Keys: claim_ids, people, roles, substances, conditions, claim_types, verdicts, stances, source_types, outlets
    (lists; empty means any), hedged (True/False/None), date_from, date_to (dates), search (text),
    cue (one of CUE_NAMES, or "any" for at least one), include_demo (False drops demo articles).
    """
    filters = filters or {}
    clauses: list[str] = []
    params: list = []
    in_lists = {
        "roles": "claimant_role", "claim_types": "claim_type", "stances": "stance",
        "source_types": "source_type", "outlets": "publisher",
    }
    unknown = set(filters) - set(in_lists) - {
        "claim_ids", "people", "substances", "conditions", "verdicts", "hedged", "date_from", "date_to", "search",
        "cue", "include_demo",
    }
    if unknown:
        raise ValueError(f"unknown claim filter {sorted(unknown)[0]!r}")
    for key, column in in_lists.items():
        values = list(filters.get(key) or [])
        if values:
            clauses.append(f"list_contains(?, {column})")
            params.append(values)
    chosen_ids = list(filters.get("claim_ids") or [])
    if chosen_ids:
        clauses.append("list_contains(?, claim_id)")
        params.append(chosen_ids)
    people = list(filters.get("people") or [])
    if people:
        # A person filter keeps claims they made and claims that name them.
        clauses.append(
            "(list_contains(?, claimant_name) OR claim_id IN (SELECT claim_id FROM mentions"
            " WHERE kind = 'person' AND list_contains(?, coalesce(value, text))))"
        )
        params += [people, people]
    for key in ("substances", "conditions"):
        values = list(filters.get(key) or [])
        if values:
            clauses.append(f"list_has_any({key}, ?)")
            params.append(values)
    verdicts = list(filters.get("verdicts") or [])
    if verdicts:
        wanted = [v for v in verdicts if v != "unchecked"]
        part = "list_contains(?, verdict)"
        if "unchecked" in verdicts:
            part = f"({part} OR verdict IS NULL)"
        clauses.append(part)
        params.append(wanted)
    if filters.get("hedged") is not None:
        clauses.append("hedged = ?")
        params.append(bool(filters["hedged"]))
    if filters.get("date_from"):
        clauses.append("published >= ?")
        params.append(filters["date_from"])
    if filters.get("date_to"):
        clauses.append("published <= ?")
        params.append(filters["date_to"])
    if filters.get("include_demo") is False:
        clauses.append("NOT is_demo")
    cue = filters.get("cue")
    if cue:
        if cue not in CUE_NAMES and cue != "any":
            raise ValueError(f"unknown cue {cue!r}; choose from {', '.join(CUE_NAMES)}")
        if cue == "any":
            # Cues are stored as JSON text; a non-empty list of evidence words always contains '["'.
            clauses.append("contains(cues::VARCHAR, '[\"')")
        else:
            clauses.append("coalesce(json_array_length(json_extract(cues, ?)), 0) > 0")
            params.append(f"$.{cue}")
    for term in search_terms(filters.get("search")):
        clauses.append(
            "(contains(lower(text), ?) OR contains(lower(coalesce(article_title, '')), ?)"
            " OR contains(lower(coalesce(claimant_name, '')), ?))"
        )
        params += [term, term, term]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _cap(limit: int | None, cap: int) -> int:
    """A row limit clipped to [0, cap]; None means the cap."""
    return max(0, min(int(limit if limit is not None else cap), cap))


def claim_page(con: duckdb.DuckDBPyConnection, filters: dict | None = None, sort: str = "newest",
               limit: int = 50, offset: int = 0) -> list[dict]:
    """One page of the claims table for a filter, sorted by one of CLAIM_SORTS (at most PAGE_CAP rows)."""
    if sort not in CLAIM_SORTS:
        raise ValueError(f"unknown sort {sort!r}; choose from {', '.join(CLAIM_SORTS)}")
    where, params = claim_where(filters)
    # Ranking verdicts is needed to sort by them; otherwise only the page's own claims are ranked.
    by_verdict = sort == "verdict"
    sql = (
        summary_cte(filters, need_verdict=by_verdict)
        + "SELECT claim_id, published, claimant_name, claimant_role, text, substances, conditions,"
        " claim_type, stance, hedged, verdict, publisher, source_type, article_title, article_url, is_demo"
        f" FROM summary {where} ORDER BY {CLAIM_SORTS[sort]} LIMIT ? OFFSET ?"
    )
    page = rows(con, sql, params + [_cap(limit, PAGE_CAP), max(0, int(offset))])
    if page and not by_verdict:
        ranks = dict(con.execute(
            "SELECT claim_id, min(CASE verdict WHEN 'inconsistent' THEN 1 WHEN 'unapproved_use' THEN 2"
            " WHEN 'partly_consistent' THEN 3 WHEN 'consistent' THEN 4 ELSE 5 END)"
            " FROM verdicts WHERE list_contains(?, claim_id) GROUP BY claim_id",
            [[r["claim_id"] for r in page]],
        ).fetchall())
        for row in page:
            rank = ranks.get(row["claim_id"])
            row["verdict"] = VERDICT_ORDER[rank - 1] if rank else None
    return page


def claim_count(con: duckdb.DuckDBPyConnection, filters: dict | None = None) -> int:
    """How many claims a filter selects."""
    where, params = claim_where(filters)
    return con.execute(summary_cte(filters) + f"SELECT count(*) FROM summary {where}", params).fetchone()[0]


def claims_selection(con: duckdb.DuckDBPyConnection, filters: dict | None = None,
                     limit: int | None = None) -> list[dict]:
    """The selected claims as full rows with verdicts (the shape exports.records.claim_record reads)."""
    where, params = claim_where(filters)
    chosen = (
        summary_cte(filters)
        + f", chosen AS (SELECT claim_id, published, span_start FROM summary {where}"
        " ORDER BY published NULLS LAST, claim_id LIMIT ?) "
    )
    params = params + [_cap(limit, EXPORT_CAP)]
    claims = rows(
        con,
        chosen + "SELECT c.*, a.url AS article_url, a.title AS article_title, a.publisher, a.published,"
        " a.source_type, a.warc_file, a.warc_record_id, a.is_demo, (SELECT list(url ORDER BY first_seen, url)"
        " FROM appearances p WHERE p.article_id = a.article_id) AS appearances"
        " FROM chosen JOIN claims c USING (claim_id)"
        " JOIN articles a ON a.article_id = c.article_id ORDER BY a.published NULLS LAST, a.url, c.span_start",
        params,
    )
    verdicts: dict[str, list[dict]] = {}
    for v in rows(con, chosen + "SELECT v.claim_id, NULLIF(v.fact_id, '') AS fact_id, v.substance,"
                  " v.jurisdiction, v.verdict, v.rationale, v.source_url FROM verdicts v"
                  " JOIN chosen USING (claim_id) ORDER BY v.claim_id, v.verdict, v.fact_id", params):
        verdicts.setdefault(v.pop("claim_id"), []).append(v)
    for claim in claims:
        _decode_json(claim)
        claim["verdicts"] = verdicts.get(claim["claim_id"], [])
    return claims


def _decode_json(row: dict) -> dict:
    """Decode a row's JSON text columns (doses, cues) in place."""
    for key in ("doses", "cues"):
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key])
    return row


# -- overview ----------------------------------------------------------------------------------

def store_counts(con: duckdb.DuckDBPyConnection) -> dict:
    """Headline numbers: articles, demo articles, claims, people, substances, facts, checked claims."""
    sql = """
    SELECT (SELECT count(*) FROM articles) AS articles,
           (SELECT count(*) FROM articles WHERE is_demo) AS demo_articles,
           (SELECT count(*) FROM claims) AS claims,
           (SELECT count(DISTINCT claimant_name) FROM claims
             WHERE claimant_name IS NOT NULL AND claimant_role <> 'organisation') AS people,
           (SELECT count(DISTINCT s) FROM (SELECT unnest(substances) AS s FROM claims)) AS substances,
           (SELECT count(*) FROM facts) AS facts,
           (SELECT count(DISTINCT claim_id) FROM verdicts) AS checked_claims
    """
    return rows(con, sql)[0]


def claims_by_month(con: duckdb.DuckDBPyConnection, filters: dict | None = None) -> list[dict]:
    """Claims per month of publication (articles with no date are left out)."""
    where, params = claim_where(filters)
    where = f"{where} AND published IS NOT NULL" if where else "WHERE published IS NOT NULL"
    return rows(con, summary_cte(filters) + "SELECT date_trunc('month', published)::DATE AS month, count(*) AS claims"
                f" FROM summary {where} GROUP BY month ORDER BY month", params)


def claims_by_substance(con: duckdb.DuckDBPyConnection, filters: dict | None = None,
                        limit: int = 20) -> list[dict]:
    """The most-claimed substances with their claim counts."""
    where, params = claim_where(filters)
    return rows(con, summary_cte(filters) + "SELECT substance, count(*) AS claims FROM"
                f" (SELECT unnest(substances) AS substance FROM summary {where})"
                " GROUP BY substance ORDER BY claims DESC, substance LIMIT ?", params + [_cap(limit, 200)])


def claims_by_verdict(con: duckdb.DuckDBPyConnection, filters: dict | None = None) -> list[dict]:
    """Claims per overall verdict ('unchecked' for claims the checker has not seen)."""
    where, params = claim_where(filters)
    return rows(con, summary_cte(filters, need_verdict=True) + "SELECT coalesce(verdict, 'unchecked') AS verdict, count(*) AS claims"
                f" FROM summary {where} GROUP BY ALL ORDER BY min(coalesce(verdict_rank, 9))", params)


def top_people(con: duckdb.DuckDBPyConnection, filters: dict | None = None, limit: int = 15,
               include_organisations: bool = False) -> list[dict]:
    """The people most often quoted making claims, with their claim counts and main role.

    Organisations (the FDA, a clinic) make claims too, but a chart of people ranks them only when asked.
    """
    where, params = claim_where(filters)
    people_only = "claimant_name IS NOT NULL"
    if not include_organisations:
        people_only += " AND claimant_role <> 'organisation'"
    where = f"{where} AND {people_only}" if where else f"WHERE {people_only}"
    return rows(con, summary_cte(filters) + "SELECT claimant_name AS person, mode(claimant_role) AS role,"
                f" count(*) AS claims FROM summary {where} GROUP BY claimant_name"
                " ORDER BY claims DESC, person LIMIT ?", params + [_cap(limit, 500)])


def verdicts_by_outlet(con: duckdb.DuckDBPyConnection, filters: dict | None = None,
                       limit: int = 12) -> list[dict]:
    """For the outlets with the most claims: claims per overall verdict ('unchecked' when not checked)."""
    where, params = claim_where(filters)
    where = f"{where} AND publisher IS NOT NULL" if where else "WHERE publisher IS NOT NULL"
    return rows(
        con,
        summary_cte(filters, need_verdict=True)
        + f", chosen AS (SELECT * FROM summary {where}),"
        " top AS (SELECT publisher FROM chosen GROUP BY publisher ORDER BY count(*) DESC, publisher LIMIT ?)"
        " SELECT publisher AS outlet, coalesce(verdict, 'unchecked') AS verdict, count(*) AS claims"
        " FROM chosen JOIN top USING (publisher) GROUP BY ALL ORDER BY outlet, verdict",
        params + [_cap(limit, 100)],
    )


def filter_choices(con: duckdb.DuckDBPyConnection, limit: int = 2000) -> dict:
    """The values each claims filter can take, most common first, and the range of dates."""
    def column(sql: str) -> list:
        """One column of a query's rows, at most `limit` of them."""
        return [r[0] for r in con.execute(sql, [limit]).fetchall()]

    dates = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "people": column(
            "SELECT name FROM (SELECT claimant_name AS name FROM claims UNION ALL SELECT coalesce(value, text)"
            " FROM mentions WHERE kind = 'person') WHERE name IS NOT NULL GROUP BY name"
            " ORDER BY count(*) DESC, name LIMIT ?"),
        "substances": column("SELECT s FROM (SELECT unnest(substances) AS s FROM claims) GROUP BY s"
                             " ORDER BY count(*) DESC, s LIMIT ?"),
        "conditions": column("SELECT s FROM (SELECT unnest(conditions) AS s FROM claims) GROUP BY s"
                             " ORDER BY count(*) DESC, s LIMIT ?"),
        "outlets": column("SELECT publisher FROM articles WHERE publisher IS NOT NULL GROUP BY publisher"
                          " ORDER BY count(*) DESC, publisher LIMIT ?"),
        "date_min": dates[0],
        "date_max": dates[1],
    }


def last_updated(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The most recent stage run (stage, finished_at), or None when nothing has run."""
    found = rows(con, "SELECT stage, coalesce(finished_at, started_at) AS finished_at FROM runs"
                 " ORDER BY coalesce(finished_at, started_at) DESC LIMIT 1")
    return found[0] if found else None


# -- one claim ----------------------------------------------------------------------------------

def claim_detail(con: duckdb.DuckDBPyConnection, claim_id: str) -> dict | None:
    """One claim with its whole article (text, title, outlet, date, archive record), or None."""
    found = rows(
        con,
        "SELECT c.*, a.url AS article_url, a.title AS article_title, a.publisher, a.published, a.author,"
        " a.source_type, a.text AS article_text, a.warc_file, a.warc_record_id, a.is_demo, a.fetched_at,"
        " (SELECT list(url ORDER BY first_seen) FROM appearances p WHERE p.article_id = a.article_id)"
        " AS appearances FROM claims c JOIN articles a USING (article_id) WHERE c.claim_id = ?",
        [claim_id],
    )
    return _decode_json(found[0]) if found else None


def claim_verdicts(con: duckdb.DuckDBPyConnection, claim_id: str) -> list[dict]:
    """A claim's verdicts, each beside the regulatory fact it rests on (fact fields NULL for not_covered)."""
    return rows(
        con,
        "SELECT v.verdict, v.rationale, v.substance, v.jurisdiction, coalesce(v.source_url, f.source_url)"
        " AS source_url, NULLIF(v.fact_id, '') AS fact_id, f.authority, f.kind, f.product, f.brand, f.form,"
        " f.route, f.indication, f.population, f.date, f.summary, f.source_title, f.verified"
        " FROM verdicts v LEFT JOIN facts f ON f.fact_id = v.fact_id WHERE v.claim_id = ?"
        " ORDER BY CASE v.verdict WHEN 'inconsistent' THEN 1 WHEN 'unapproved_use' THEN 2"
        " WHEN 'partly_consistent' THEN 3 WHEN 'consistent' THEN 4 ELSE 5 END, v.jurisdiction, v.fact_id",
        [claim_id],
    )


# -- people and substances ----------------------------------------------------------------------

def person_record(con: duckdb.DuckDBPyConnection, person: str) -> dict:
    """A public figure's record: claim count, roles, substances, verdict mix and outlets."""
    filters = {"people": [person]}
    where, params = claim_where(filters)
    base = CLAIM_SUMMARY_CTE + f", mine AS (SELECT * FROM summary {where}) "
    return {
        "person": person,
        "claims": con.execute(base + "SELECT count(*) FROM mine", params).fetchone()[0],
        "roles": rows(con, base + "SELECT claimant_role AS role, count(*) AS claims FROM mine"
                      " WHERE claimant_name = ? GROUP BY ALL ORDER BY claims DESC", params + [person]),
        "substances": rows(con, base + "SELECT s AS substance, count(*) AS claims FROM"
                           " (SELECT unnest(substances) AS s FROM mine) GROUP BY s ORDER BY claims DESC, s",
                           params),
        "verdicts": rows(con, base + "SELECT coalesce(verdict, 'unchecked') AS verdict, count(*) AS claims"
                         " FROM mine GROUP BY ALL ORDER BY min(coalesce(verdict_rank, 9))", params),
        "outlets": rows(con, base + "SELECT publisher AS outlet, count(*) AS claims FROM mine"
                        " GROUP BY ALL ORDER BY claims DESC, outlet LIMIT 50", params),
        "first": con.execute(base + "SELECT min(published) FROM mine", params).fetchone()[0],
        "last": con.execute(base + "SELECT max(published) FROM mine", params).fetchone()[0],
    }


def substance_list(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every substance that has claims or facts, with how many of each."""
    return rows(
        con,
        "WITH c AS (SELECT s AS substance, count(*) AS claims FROM (SELECT unnest(substances) AS s FROM claims)"
        " GROUP BY s), f AS (SELECT substance, count(*) AS facts FROM facts GROUP BY substance)"
        " SELECT substance, coalesce(c.claims, 0) AS claims, coalesce(f.facts, 0) AS facts"
        " FROM c FULL OUTER JOIN f USING (substance) ORDER BY claims DESC, facts DESC, substance",
    )


def substance_facts(con: duckdb.DuckDBPyConnection, substances: list[str]) -> list[dict]:
    """The regulatory facts on any of these substances, in date order per jurisdiction."""
    return rows(
        con,
        "SELECT fact_id, substance, jurisdiction, authority, kind, product, brand, form, route, indication,"
        " population, date, summary, source_url, source_title, verified FROM facts"
        " WHERE list_contains(?, substance) ORDER BY jurisdiction, date NULLS LAST, fact_id LIMIT 2000",
        [list(substances)],
    )
