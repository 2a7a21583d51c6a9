"""Substances page: the regulatory timeline per jurisdiction (approvals, scheduling, rejections) and claims."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, freshness
from dashboard.claim_filters import with_forms
from dashboard.labels import JURISDICTIONS, claims
from dashboard.safe_text import md

freshness.require_store()
st.title("Substances")
st.write("What regulators have decided about each substance, when, and where - the record each claim is "
         "checked against. A substance includes its forms (ketamine includes esketamine).")

listed = data.query("substance_list")
if not listed:
    st.warning("No substances yet: no claims and no regulatory facts in the store.")
    st.stop()
st.dataframe(pd.DataFrame(listed).rename(columns={"substance": "Substance", "claims": "Claims",
                                                  "facts": "Regulatory facts"}),
             hide_index=True, width="stretch", height=240)
names = [s["substance"] for s in listed]
substance = st.selectbox("Substance", names, key="substances_pick")
family = with_forms([substance])
facts = data.query("substance_facts", family)

st.header(md(substance))
if len(family) > 1:
    st.caption("Including: " + ", ".join(s for s in family if s != substance))
if not facts:
    st.info("The fact base holds no regulatory decisions on this substance, so its claims are 'not covered'.")
else:
    dated = [f for f in facts if f["date"]]
    if dated:
        st.altair_chart(charts.fact_timeline(dated), width="stretch")
    for jurisdiction in sorted({f["jurisdiction"] for f in facts}):
        st.subheader(JURISDICTIONS.get(jurisdiction, jurisdiction))
        st.dataframe(pd.DataFrame([{
            "Date": f["date"], "Authority": f["authority"], "Decision": f["kind"], "Substance": f["substance"],
            "Product": f["product"] or "", "For": f["indication"] or "", "What it says": f["summary"] or "",
            "Source": f["source_url"], "Fact": f["fact_id"]} for f in facts if f["jurisdiction"] == jurisdiction]),
            hide_index=True, width="stretch",
            column_config={"Source": st.column_config.LinkColumn("Source", display_text="Source"),
                           "Date": st.column_config.DateColumn("Date", format="YYYY-MM-DD")})

st.subheader("Claims about it")
total = data.query("claim_count", {"substances": family})
by_verdict = data.query("claims_by_verdict", {"substances": family})
if total:
    st.write(f"{claims(total)} mention{'s' if total == 1 else ''} {md(substance)}.")
    st.altair_chart(charts.verdict_bars(by_verdict, f"Verdicts on claims about {substance}"), width="stretch")
    if st.button("Show these claims on the Claims page", key="substances_to_claims"):
        from dashboard.claim_filters import clear_filters

        clear_filters()
        st.session_state["kept_substances"] = [substance]
        st.switch_page("views/claims.py")
else:
    st.write("No claims mention it yet.")
