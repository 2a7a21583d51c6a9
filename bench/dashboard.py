"""Dashboard benchmark: first render and per-filter query time on a generated store of 100,000 claims."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

CLAIMS = 100_000
CLAIMS_PER_ARTICLE = 5
PEOPLE = 2_000
FIRST_RENDER_GOAL = 2.0  # seconds
FILTER_GOAL = 0.300  # seconds
APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")

# Synthetic names and outlets only: the generated store is labelled and never published.
CONDITIONS = ["depression", "anxiety", "ptsd", "insomnia", "chronic pain", "addiction", "obesity", "adhd",
              "epilepsy", "migraine"]
OUTLETS = [f"Bench Outlet {n:02d}" for n in range(40)]


def generate_store(path: Path, claims: int = CLAIMS) -> dict:
    """A store of `claims` synthetic claims with articles, verdicts, facts and mentions, built in bulk SQL."""
    from nlp.lexicon import load_substances
    from store import Store

    substances = sorted(load_substances())
    with Store(path) as store:
        con = store.con
        # hash() gives a fixed pseudo-random spread, so every run builds the same store.
        con.execute("CREATE OR REPLACE TEMP MACRO pick(x, m) AS (hash(x) % m)::BIGINT")
        con.execute("CREATE TEMP TABLE subs AS SELECT unnest(?::TEXT[]) AS s, generate_subscripts(?::TEXT[], 1) AS i",
                    [substances, substances])
        con.execute(
            """
            CREATE TEMP TABLE gen AS
            SELECT n, n // ? AS a, n % ? AS k,
                   'Bench Person ' || lpad((pick(n, ?))::TEXT, 4, '0') AS person,
                   (SELECT s FROM subs WHERE i = 1 + pick(n * 7, ?)) AS substance,
                   (?::TEXT[])[1 + pick(n * 11, ?)] AS condition,
                   (['celebrity', 'celebrity', 'expert', 'author', 'organisation'])[1 + pick(n * 13, 5)] AS role,
                   (['efficacy', 'safety', 'legal', 'regulatory', 'dosage', 'usage'])[1 + pick(n * 17, 6)] AS ctype,
                   (['endorses', 'neutral', 'disputes'])[1 + pick(n * 19, 3)] AS stance,
                   pick(n * 23, 4) = 0 AS hedged
            FROM range(?) t(n)
            """,
            [CLAIMS_PER_ARTICLE, CLAIMS_PER_ARTICLE, PEOPLE, len(substances), CONDITIONS, len(CONDITIONS), claims],
        )
        con.execute("""ALTER TABLE gen ADD COLUMN text TEXT""")
        con.execute("""UPDATE gen SET text = person || ' said ' || substance || ' helped with their '
                       || condition || ' (benchmark sentence ' || n || ').'""")
        con.execute("""CREATE TEMP TABLE spans AS SELECT *, coalesce(sum(length(text) + 1) OVER (PARTITION BY a
                       ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start FROM gen""")
        con.execute(
            """
            INSERT INTO articles (article_id, url, canonical_url, title, publisher, published, source_type,
                                  text, text_hash, is_demo, fetched_at, tagged_at, tag_status)
            SELECT 'bench-a' || a, 'http://127.0.0.1:9/bench/' || a, 'http://127.0.0.1:9/bench/' || a,
                   'Benchmark article ' || a, (?::TEXT[])[1 + pick(a, ?)],
                   DATE '2019-01-01' + (pick(a * 3, 2500))::INTEGER,
                   (['news', 'magazine', 'commercial', 'blog'])[1 + pick(a * 5, 4)],
                   string_agg(text, ' ' ORDER BY k), md5(a::TEXT), FALSE, now(), now(), 'tagged'
            FROM spans GROUP BY a
            """,
            [OUTLETS, len(OUTLETS)],
        )
        con.execute(
            """
            INSERT INTO claims (claim_id, article_id, text, span_start, span_end, sentence_index, claimant_name,
                                claimant_role, claim_type, substances, conditions, doses, hedged, negated, stance,
                                cues, tagged_at)
            SELECT 'bench-c' || n, 'bench-a' || a, text, start, start + length(text), k, person, role, ctype,
                   [substance], [condition], '[]', hedged, FALSE, stance,
                   CASE WHEN pick(n * 29, 3) = 0 THEN '{"anecdote": ["my"], "celebrity_endorsement": []}'
                        WHEN pick(n * 29, 3) = 1 THEN '{"unsourced_statistic": ["90%"]}' ELSE '{}' END,
                   now()
            FROM spans
            """
        )
        con.execute(
            """
            INSERT INTO facts (fact_id, substance, jurisdiction, authority, kind, date, summary, source_url,
                               provenance, data)
            SELECT 'bench-f-' || s || '-' || j, s, j, 'Bench authority', 'scheduling', DATE '2000-01-01',
                   'Synthetic benchmark fact', 'http://127.0.0.1:9/bench/fact', 'bench', '{}'
            FROM subs, (VALUES ('US'), ('UK'), ('EU')) v(j)
            """
        )
        con.execute(
            """
            INSERT INTO verdicts
            SELECT 'bench-c' || n, 'bench-f-' || substance || '-' || j,
                   substance, j,
                   (['consistent', 'partly_consistent', 'inconsistent', 'unapproved_use', 'not_covered'])
                       [1 + pick(n * 31 + length(j), 5)],
                   'Synthetic benchmark verdict', 'http://127.0.0.1:9/bench/fact', now()
            FROM gen, (VALUES ('US'), ('UK')) v(j) WHERE pick(n * 37, 10) < 9
            """
        )
        con.execute(
            """
            INSERT INTO mentions SELECT 'bench-c' || n, 'bench-a' || a, 'person', person, person, 0, 5
            FROM gen WHERE pick(n * 41, 2) = 0
            """
        )
        store.record_run("bench", store.con.execute("SELECT now()::TIMESTAMP").fetchone()[0], {"claims": claims})
        counts = store.counts()
    return counts


def filters_to_time() -> dict[str, dict]:
    """One representative value for every filter on the Claims page, and all of them at once."""
    return {
        "no filter": {},
        "person": {"people": ["Bench Person 0042"]},
        "role": {"roles": ["expert"]},
        "substance (with forms)": {"substances": ["ketamine", "esketamine", "arketamine"]},
        "condition": {"conditions": ["anxiety"]},
        "claim type": {"claim_types": ["legal"]},
        "verdict": {"verdicts": ["inconsistent"]},
        "stance": {"stances": ["disputes"]},
        "hedged": {"hedged": True},
        "source type": {"source_types": ["commercial"]},
        "outlet": {"outlets": ["Bench Outlet 07"]},
        "date range": {"date_from": date(2021, 1, 1), "date_to": date(2021, 6, 30)},
        "search": {"search": "ketamine depression"},
        "classroom cue": {"cue": "unsourced_statistic"},
        "all combined": {"roles": ["celebrity"], "substances": ["psilocybin"], "hedged": False,
                         "date_from": date(2020, 1, 1), "date_to": date(2024, 12, 31), "search": "helped"},
    }


def best_of(fn, repeat: int = 5) -> float:
    """The fastest of a few runs, in seconds (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def first_render(db: Path, script: str, page: str | None = None) -> float:
    """Seconds for a fresh AppTest session to run the app (optionally switched to a page), caches cold."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.source import DB_ENV

    os.environ[DB_ENV] = str(db)
    st.cache_data.clear()
    st.cache_resource.clear()
    started = time.perf_counter()
    at = AppTest.from_file(script, default_timeout=120).run()
    if page:
        at.switch_page(page).run()
    seconds = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"app failed: {at.exception[0].value}")
    return seconds


def apply_filter_in_app(db: Path) -> float:
    """Seconds for the Claims page to rerun after a person is chosen in the sidebar (queries not cached)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.source import DB_ENV

    os.environ[DB_ENV] = str(db)
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("views/claims.py").run()
    st.cache_data.clear()
    started = time.perf_counter()
    at.sidebar.multiselect(key="filter_people").select("Bench Person 0042").run()
    seconds = time.perf_counter() - started
    if at.exception or len(at.dataframe[0].value) != 40:
        raise RuntimeError("the person filter did not narrow the Claims table as expected")
    return seconds


def mark(seconds: float, goal: float) -> str:
    """'ok' when a time meets its goal, else a flag that stands out in the output."""
    return "ok" if seconds <= goal else "OVER GOAL"


def run() -> list[str]:
    """Generate the store, then print render and query times beside their goals and a reference."""
    from dashboard.source import ReadOnlyStore, current_source
    from store import queries

    lines = []
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as folder:
        db = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        counts = generate_store(db)
        lines.append(f"generated {counts['claims']:,} claims, {counts['articles']:,} articles, "
                     f"{counts['verdicts']:,} verdicts in {time.perf_counter() - started:.1f} s (bulk SQL)")

        hello = Path(folder) / "hello.py"
        hello.write_text("import streamlit as st\nst.title('hello')\nst.write('reference page')\n")
        reference = first_render(db, str(hello))
        for name, page in (("Overview", None), ("Claims", "views/claims.py")):
            seconds = first_render(db, APP, page)
            lines.append(f"first render, {name} page: {seconds:.2f} s (goal < {FIRST_RENDER_GOAL:.0f} s, "
                         f"{mark(seconds, FIRST_RENDER_GOAL)}; reference: a one-line Streamlit page "
                         f"{reference:.2f} s)")

        seconds = apply_filter_in_app(db)
        lines.append(f"apply a person filter on the Claims page (whole rerun, cold cache): {seconds * 1000:.0f} ms "
                     f"(goal < {FILTER_GOAL * 1000:.0f} ms, {mark(seconds, FILTER_GOAL)})")

        reader = ReadOnlyStore(current_source(db))
        cur = reader.cursor()
        scan = best_of(lambda: cur.execute("SELECT count(*), max(length(text)) FROM claims").fetchone())
        lines.append(f"reference: a full scan of the claims table, {scan * 1000:.0f} ms")
        lines.append(f"{'filter':<24}{'matches':>9}{'count':>9}{'page':>9}  (goal < {FILTER_GOAL * 1000:.0f} ms)")
        worst = 0.0
        for name, chosen in filters_to_time().items():
            matches = queries.claim_count(cur, chosen)
            count = best_of(lambda chosen=chosen: queries.claim_count(cur, chosen))
            page = best_of(lambda chosen=chosen: queries.claim_page(cur, chosen, sort="newest", limit=50))
            worst = max(worst, count + page)
            lines.append(f"{name:<24}{matches:>9,}{count * 1000:>7.0f}ms{page * 1000:>7.0f}ms  "
                         f"{mark(count + page, FILTER_GOAL)}")
        lines.append(f"slowest filter (count + first page): {worst * 1000:.0f} ms (goal < {FILTER_GOAL * 1000:.0f} ms, "
                     f"{mark(worst, FILTER_GOAL)})")
        for name, fn in (
            ("overview counts and charts (6 queries)", lambda: [
                queries.store_counts(cur), queries.claims_by_month(cur), queries.claims_by_verdict(cur),
                queries.claims_by_substance(cur), queries.top_people(cur), queries.verdicts_by_outlet(cur)]),
            ("filter choices", lambda: queries.filter_choices(cur)),
            ("export selection, one person", lambda: queries.claims_selection(cur, {"people": ["Bench Person 0042"]})),
            ("export selection, all claims (rows only)", lambda: queries.claims_selection(cur, {})),
        ):
            seconds = best_of(fn, repeat=1)
            lines.append(f"{name}: {seconds * 1000:.0f} ms")
        cur.close()
        reader.close()
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
