"""People page: each public figure's record - their claims, the substances they talk about, the verdict mix."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, freshness, tables
from dashboard.labels import ROLES, claims, plain
from dashboard.safe_text import md

freshness.require_store()
st.title("People")
st.write("Public figures quoted making health claims, most-cited first. Choose one to see their record: "
         "what they said, about which substances, and how it compares with the regulatory record.")

WHO = {"celebrity": "Public figures only", "everyone": "Everyone quoted (experts, writers, organisations too)"}
who = st.radio("Show", list(WHO), format_func=WHO.get, horizontal=True, key="people_who")
people = data.query("top_people", {"roles": ["celebrity"]} if who == "celebrity" else None, limit=500,
                    include_organisations=who == "everyone")
if not people:
    st.warning("No claims with a named person yet." if who == "everyone" else
               "No public figures quoted yet. Choose 'Everyone quoted' to see experts, writers and organisations.")
    st.stop()
st.dataframe(pd.DataFrame([{"Person": p["person"], "Who": plain(ROLES, p["role"]), "Claims": p["claims"]}
                           for p in people]), hide_index=True, width="stretch", height=240)
names = [p["person"] for p in people]
person = st.selectbox("Person", names, key="people_pick")
record = data.query("person_record", person)

st.header(md(person))
roles = ", ".join(plain(ROLES, r["role"]) for r in record["roles"]) or "named in claims by others"
span = f"{record['first']} to {record['last']}" if record["first"] else "dates unknown"
st.write(f"**{claims(record['claims'])}** said by or naming {md(person)} ({roles}); articles from {span}.")
left, right = st.columns(2)
with left:
    if record["verdicts"]:
        st.altair_chart(charts.verdict_bars(record["verdicts"], f"Verdicts on claims by or about {person}"),
                        width="stretch")
with right:
    if record["substances"]:
        st.altair_chart(charts.count_bars(record["substances"], "substance", "Substances", "Substance"),
                        width="stretch")
st.subheader("Outlets")
st.dataframe(pd.DataFrame(record["outlets"]).rename(columns={"outlet": "Outlet", "claims": "Claims"}),
             hide_index=True)

st.subheader("Claims")
their_claims = data.query("claim_page", {"people": [person]}, sort="newest", limit=200)
st.dataframe(tables.coloured(tables.claims_frame(their_claims)), hide_index=True, width="stretch",
             column_config=tables.COLUMN_CONFIG)
if st.button("Show these claims on the Claims page", key="people_to_claims"):
    from dashboard.claim_filters import clear_filters

    clear_filters()
    st.session_state["kept_people"] = [person]
    st.switch_page("views/claims.py")
