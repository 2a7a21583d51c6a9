"""Short plain-words explanations shown on several pages (what a verdict means, how claims are checked)."""

from __future__ import annotations

import streamlit as st

from dashboard.labels import VERDICTS, verdict_badge


def verdict_legend(counts: dict[str, int] | None = None) -> None:
    """One line per verdict: its badge, its exact label, (how many claims), and what it means."""
    st.write("Each claim is compared with each regulatory fact that bears on it; a claim is listed under its "
             "most serious verdict. A verdict is about the regulatory record only - not whether a treatment "
             "works for anyone.")
    for v in VERDICTS.values():
        count = f", {counts.get(v.label, 0):,} claims" if counts is not None else ""
        st.markdown(f"{verdict_badge(v.label)}{count}: {v.meaning}")
