"""Telling readers which data they see and when it was last updated; stopping politely when there is none."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from store import StoreError

# How often an open page looks for a newly published snapshot, in seconds.
WATCH_SECONDS = 10


def sidebar_note() -> None:
    """A short note in the sidebar: when the data was last updated, and by which stage."""
    try:
        src = data.source()
        last = data.query("last_updated")
    except StoreError as exc:
        st.sidebar.warning(str(exc))
        return
    with st.sidebar:
        _watch(src.mtime_ns)
    when = last["finished_at"].strftime("%Y-%m-%d %H:%M") if last else src.modified.strftime("%Y-%m-%d %H:%M")
    stage = f" (last stage: {last['stage']})" if last else ""
    kind = "snapshot" if src.is_snapshot else "database"
    st.sidebar.caption(f"Data last updated {when} UTC{stage}. Reading the {kind} `{src.path.name}`, read-only; "
                       "new data appears by itself when a crawl or tagging run publishes it.")


@st.fragment(run_every=WATCH_SECONDS)
def _watch(shown_mtime_ns: int) -> None:
    """Offer the newer data when a crawl or tagging run publishes a snapshot while the page is open."""
    try:
        newer = data.source().mtime_ns != shown_mtime_ns
    except StoreError:
        return
    if newer:
        st.info("New data has been published since this page was drawn.")
        if st.button("Show the new data", key="freshness_reload", type="primary"):
            st.rerun()


def require_store() -> None:
    """Stop the page with a one-line explanation when the store cannot be read."""
    try:
        data.source()
        data.query("last_updated")  # the cheapest query that proves the store can be read
    except StoreError as exc:
        st.error(f"Cannot show data: {exc}")
        st.stop()
