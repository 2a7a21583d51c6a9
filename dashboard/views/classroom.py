"""Classroom page: claims with the cues a media-literacy lesson looks for, and a printable lesson sheet."""

from __future__ import annotations

import streamlit as st

from dashboard import data, freshness, lesson
from dashboard.claim_filters import describe, filter_sidebar
from dashboard.labels import CUES

freshness.require_store()
filters = filter_sidebar(data.query("filter_choices"))
st.title("Classroom")
st.write("Claims picked for a media-literacy lesson. Each shows the warning signs a reader should learn to "
         "spot - who is speaking, whether someone is selling, whether a number has a source - and what the "
         "regulators' records say. Print the sheet or download it.")
with st.expander("What the warning signs mean"):
    for cue_title, why in CUES.values():
        st.markdown(f"**{cue_title}**: {why}")

top = st.columns([2, 1, 2])
CHOICES = {"any": "Any warning sign", "all": "All claims, with or without signs"}
cue = top[0].selectbox("Only claims showing this warning sign", [*CHOICES, *CUES],
                       format_func=lambda c: CHOICES.get(c) or CUES[c][0], key="classroom_cue")
count = top[1].number_input("How many claims", min_value=1, max_value=50, value=8, key="classroom_count")
title = top[2].text_input("Sheet title", value="Spot the warning signs: celebrity health claims",
                          key="classroom_title")
chosen = dict(filters, cue=cue) if cue != "all" else filters
rows = data.query("claims_selection", chosen, limit=int(count))
if not rows:
    st.warning("No claims match. Try another warning sign or fewer filters.")
    st.stop()
answer_key = st.checkbox("Put the regulators' verdicts in an answer key at the end, so students judge first",
                         key="classroom_answer_key")
selection = describe(chosen)
markdown_sheet = lesson.lesson_markdown(rows, title, selection, answer_key=answer_key)
html_sheet = lesson.lesson_html(rows, title, selection, answer_key=answer_key)
buttons = st.container(horizontal=True)
buttons.download_button("Download lesson sheet (HTML, ready to print)", html_sheet,
                           file_name="lesson-sheet.html", mime="text/html", key="classroom_html", on_click="ignore")
buttons.download_button("Download lesson sheet (Markdown)", markdown_sheet, file_name="lesson-sheet.md",
                           mime="text/markdown", key="classroom_md", on_click="ignore")
st.divider()
# The sheet's Markdown escapes every piece of article text, so no article markup can reach the page.
st.markdown(markdown_sheet)
