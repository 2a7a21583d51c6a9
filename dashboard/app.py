"""The dashboard's entry point: page setup, navigation, and how fresh the data is."""

from __future__ import annotations

import streamlit as st

from dashboard import freshness

st.set_page_config(page_title="Celebrity health claims", page_icon=":material/fact_check:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/insights:", url_path="overview", default=True),
    st.Page("pages/claims.py", title="Claims", icon=":material/search:", url_path="claims"),
    st.Page("pages/claim.py", title="Claim detail", icon=":material/article:", url_path="claim"),
    st.Page("pages/people.py", title="People", icon=":material/groups:", url_path="people"),
    st.Page("pages/substances.py", title="Substances", icon=":material/medication:", url_path="substances"),
    st.Page("pages/classroom.py", title="Classroom", icon=":material/school:", url_path="classroom"),
]

page = st.navigation(PAGES)
freshness.sidebar_note()
page.run()
