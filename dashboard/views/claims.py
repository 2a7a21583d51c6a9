"""Claims page: filter, search, sort and page through the claims; open one; download the selection."""

from __future__ import annotations

import functools

import streamlit as st

from dashboard import data, downloads, explain, freshness, tables
from dashboard.claim_filters import describe, filter_sidebar
from dashboard.labels import claims
from dashboard.safe_text import md
from store.queries import EXPORT_CAP

SORTS = {"newest": "Newest first", "oldest": "Oldest first", "verdict": "Most serious verdict first",
         "person": "Person (A to Z)", "outlet": "Outlet (A to Z)"}

freshness.require_store()
filters = filter_sidebar(data.query("filter_choices"))
st.title("Claims")
st.caption("Each row is one claim: a sentence from an article, who made it, and how it compares with what "
           "regulators have decided. Narrow the list with the filters on the left; open a claim to see it in "
           "its article, beside the regulatory facts.")
with st.expander("What the verdicts mean"):
    explain.verdict_legend()
total = data.query("claim_count", filters)
st.write(f"**{claims(total)}** match ({md(describe(filters))}).")

top = st.columns([2, 1, 1])
sort = top[0].selectbox("Sort by", list(SORTS), format_func=SORTS.get, key="claims_sort")
size = top[1].selectbox("Claims per page", [25, 50, 100, 200], index=1, key="claims_page_size")
pages = max(1, -(-total // size))
if st.session_state.get("claims_page", 1) > pages:
    st.session_state["claims_page"] = 1  # the filters changed and the old page no longer exists
page = top[2].number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key="claims_page")
page_rows = data.query("claim_page", filters, sort=sort, limit=size, offset=(int(page) - 1) * size)

if not page_rows:
    st.warning("No claims match these filters. Try removing one.")
else:
    st.dataframe(tables.coloured(tables.claims_frame(page_rows)), hide_index=True, width="stretch",
                 column_config=tables.COLUMN_CONFIG)
    labels = {r["claim_id"]: f"{r['claimant_name'] or 'Unattributed'}: {r['text'][:90]}" for r in page_rows}
    pick = st.selectbox("Open a claim from this page", list(labels), format_func=labels.get, key="claims_open_pick")
    if st.button("Open claim", type="primary", key="claims_open"):
        st.session_state["claim_id"] = pick
        st.switch_page("views/claim.py", query_params={"claim": pick})

st.subheader("Download this selection")
shown = min(total, EXPORT_CAP)
st.write(f"The {claims(shown)} above, with their articles and verdicts"
         + (f" (the first {EXPORT_CAP:,})" if total > EXPORT_CAP else "") + ".")


def _export(fmt: str, chosen: dict) -> bytes:
    """The selection's file in one format (run only when the reader clicks the button)."""
    return downloads.selection_file(data.query("claims_selection", chosen), fmt)


buttons = st.container(horizontal=True)
for fmt, (label, _, mime) in downloads.FORMATS.items():
    buttons.download_button(label, data=functools.partial(_export, fmt, filters),
                            file_name=downloads.file_name(fmt), mime=mime, key=f"download_{fmt}",
                            disabled=not total, on_click="ignore",
                            help="For fact-check search tools; only claims already checked get a review."
                            if fmt == "claimreview" else None)
