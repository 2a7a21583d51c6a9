"""Telling readers which data they see and when it was last updated; stopping politely when there is none."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from store import StoreError


def sidebar_note() -> None:
    """A short note in the sidebar: when the data was last updated, and by which stage."""
    try:
        src = data.source()
        last = data.query("last_updated")
    except StoreError as exc:
        st.sidebar.warning(str(exc))
        return
    when = last["finished_at"].strftime("%Y-%m-%d %H:%M") if last else src.modified.strftime("%Y-%m-%d %H:%M")
    stage = f" (last stage: {last['stage']})" if last else ""
    kind = "snapshot" if src.is_snapshot else "database"
    st.sidebar.caption(f"Data last updated {when} UTC{stage}. Reading the {kind} `{src.path.name}`, read-only; "
                       "new data appears by itself when a crawl or tagging run publishes it.")


def require_store() -> None:
    """Stop the page with a one-line explanation when the store cannot be read."""
    try:
        data.source()
        data.query("store_counts")
    except StoreError as exc:
        st.error(f"Cannot show data: {exc}")
        st.stop()
