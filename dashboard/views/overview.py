"""Overview page: how many claims, from when, about what, with which verdicts, from whom."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, explain, freshness
from dashboard.claim_filters import clear_filters

freshness.require_store()
st.title("Celebrity health claims: overview")
st.write(
    "Health claims made by or about celebrities in web articles, each set beside what regulators "
    "(FDA, DEA, EMA, NICE, the UK Home Office) have decided. Open **Claims** to search and filter them."
)

counts = data.query("store_counts")
if counts["demo_articles"]:
    st.info(
        f"**Demo data:** {counts['demo_articles']} of {counts['articles']} articles are demo articles written "
        "for this project to show how the tool works. They are not real reporting, and the people in them "
        "may be invented."
    )
cols = st.columns(5)
cols[0].metric("Claims", f"{counts['claims']:,}")
cols[1].metric("Articles", f"{counts['articles']:,}")
cols[2].metric("People quoted", f"{counts['people']:,}")
cols[3].metric("Substances", f"{counts['substances']:,}")
cols[4].metric("Regulatory facts", f"{counts['facts']:,}")
if not counts["claims"]:
    st.warning("No claims yet. Run `healthclaims run` (or crawl, tag and check) to fill the store.")
    st.stop()
st.caption(f"{counts['checked_claims']:,} of {counts['claims']:,} claims have been compared with the fact base.")

st.caption("Click a bar to see those claims.")
left, right = st.columns(2)
with left:
    st.altair_chart(charts.claims_over_time(data.query("claims_by_month")), width="stretch")
    substance_pick = st.altair_chart(
        charts.count_bars(data.query("claims_by_substance", limit=15), "substance", "Most-claimed substances",
                          "Substance", pickable=True),
        width="stretch", on_select="rerun", key="overview_substances")
with right:
    by_verdict = data.query("claims_by_verdict")
    verdict_pick = st.altair_chart(charts.verdict_bars(by_verdict, pickable=True), width="stretch",
                                   on_select="rerun", key="overview_verdicts")
    people_pick = st.altair_chart(
        charts.count_bars(data.query("top_people", limit=15), "person", "Most-cited people", "Person",
                          pickable=True),
        width="stretch", on_select="rerun", key="overview_people")

outlet_pick = st.altair_chart(charts.verdicts_by_outlet(data.query("verdicts_by_outlet"), pickable=True),
                              width="stretch", on_select="rerun", key="overview_outlets")

# A clicked bar opens the Claims page with just that filter.
for event, field, kept in ((verdict_pick, "label", "kept_verdicts"), (substance_pick, "substance", "kept_substances"),
                           (people_pick, "person", "kept_people"), (outlet_pick, "outlet", "kept_outlets")):
    value = charts.picked(event, field)
    if value:
        clear_filters()
        st.session_state[kept] = [value]
        # Forget the click, or coming back to this page would follow it again.
        for chart_key in ("overview_verdicts", "overview_substances", "overview_people", "overview_outlets"):
            st.session_state.pop(chart_key, None)
        st.switch_page("views/claims.py")

st.subheader("What the verdicts mean")
explain.verdict_legend({r["verdict"]: r["claims"] for r in by_verdict})
