"""The claims table as readers see it: plain column names, friendly verdicts coloured like the charts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.labels import ROLES, SOURCE_TYPES, VERDICTS, plain, verdict_text

# Light tints of the verdict colours, so dark text stays readable on them.
TINTS = {"inconsistent": "#f5b7b1", "unapproved_use": "#f8c9a0", "partly_consistent": "#f9e79f",
         "consistent": "#abebc6", "not_covered": "#e5e8e8", "unchecked": "#f4f6f6"}
COLUMN_CONFIG = {
    "Published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
    "Person": st.column_config.TextColumn("Person", width="medium"),
    "Claim": st.column_config.TextColumn("Claim", width="large"),
    "Verdict": st.column_config.TextColumn("Verdict", width="medium",
                                           help="Friendly name, then the exact label in brackets"),
    "Open": st.column_config.LinkColumn("Open", display_text="Open claim",
                                        help="Open the claim with its article, facts and verdict"),
}


def claims_frame(rows: list[dict]) -> pd.DataFrame:
    """A page of claim_page rows as a table with plain column names."""
    return pd.DataFrame([{
        # First, so the way into a claim is in view without scrolling sideways.
        "Open": f"./claim?claim={r['claim_id']}",
        "Published": r["published"],
        "Person": r["claimant_name"] or "",
        "Claim": r["text"],
        "Verdict": verdict_text(r["verdict"]),
        "Substances": ", ".join(r["substances"] or []),
        "Outlet": (r["publisher"] or "") + (" (demo)" if r["is_demo"] else ""),
        "Who": plain(ROLES, r["claimant_role"]),
        "Source": plain(SOURCE_TYPES, r["source_type"]),
    } for r in rows], columns=["Open", "Published", "Person", "Claim", "Verdict", "Substances", "Outlet", "Who",
                               "Source"])


def coloured(frame: pd.DataFrame):
    """The table with each verdict cell tinted in its verdict's colour."""
    tint = {verdict_text(label if label != "unchecked" else None): TINTS[label] for label in VERDICTS}
    return frame.style.map(lambda value: f"background-color: {tint.get(value, '')}", subset=["Verdict"])
