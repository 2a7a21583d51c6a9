"""The dashboard's entry point: page setup, navigation, and how fresh the data is."""

from __future__ import annotations

import streamlit as st

from dashboard import freshness

st.set_page_config(page_title="Celebrity health claims", page_icon=":material/fact_check:", layout="wide")

# Pages live in views/, not pages/: Streamlit would otherwise serve pages/*.py on their own (skipping this
# file's navigation and settings) to a browser whose first request names a page.
PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/insights:", url_path="overview", default=True),
    st.Page("views/claims.py", title="Claims", icon=":material/search:", url_path="claims"),
    st.Page("views/claim.py", title="Claim detail", icon=":material/article:", url_path="claim"),
    st.Page("views/people.py", title="People", icon=":material/groups:", url_path="people"),
    st.Page("views/substances.py", title="Substances", icon=":material/medication:", url_path="substances"),
    st.Page("views/classroom.py", title="Classroom", icon=":material/school:", url_path="classroom"),
]

page = st.navigation(PAGES)
freshness.sidebar_note()
page.run()
