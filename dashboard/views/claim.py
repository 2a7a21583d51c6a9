"""Claim detail page: the sentence in its paragraph, the verdict, the facts beside it, the article and archive."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import archive, data, downloads, freshness
from dashboard.claim_filters import clear_filters, with_forms
from dashboard.highlight import highlight_html
from dashboard.labels import (
    CLAIM_TYPES,
    CUES,
    JURISDICTIONS,
    ROLES,
    SOURCE_TYPES,
    STANCES,
    plain,
    verdict,
    verdict_badge,
)
from dashboard.safe_text import md
from exports.claimreview import overall_verdict

freshness.require_store()
claim_id = st.query_params.get("claim") or st.session_state.get("claim_id")
if not claim_id:
    st.title("Claim detail")
    st.info("Choose a claim on the **Claims** page to see it here.")
    st.page_link("views/claims.py", label="Go to Claims", icon=":material/search:")
    st.stop()
claim = data.query("claim_detail", claim_id)
if claim is None:
    st.title("Claim detail")
    st.warning("That claim is not in the store (the data may have been re-tagged). Choose it again on Claims.")
    st.page_link("views/claims.py", label="Go to Claims", icon=":material/search:")
    st.stop()
st.session_state["claim_id"] = claim_id
st.query_params["claim"] = claim_id
verdicts = data.query("claim_verdicts", claim_id)

st.title("Claim detail")
if claim["is_demo"]:
    st.info("**Demo article:** written for this project to show how the tool works; not real reporting.")
# Article text is untrusted: highlight_html escapes every part of it before it is shown as HTML.
st.markdown(highlight_html(claim["article_text"], claim["span_start"], claim["span_end"]), unsafe_allow_html=True)
speaker = md(claim["claimant_name"]) if claim["claimant_name"] else "Not clear who"
st.write(f"**Who says it:** {speaker} ({plain(ROLES, claim['claimant_role'])})  \n"
         f"**Kind of claim:** {plain(CLAIM_TYPES, claim['claim_type'])}; "
         f"**stance:** {plain(STANCES, claim['stance'])}; "
         f"**hedged:** {'yes' if claim['hedged'] else 'no'}; **negated:** {'yes' if claim['negated'] else 'no'}  \n"
         f"**Substances:** {md(', '.join(claim['substances'])) or 'none found'}; "
         f"**conditions:** {md(', '.join(claim['conditions'])) or 'none found'}")
if claim.get("doses"):
    st.write("**Doses mentioned:** " + md("; ".join(d.get("text") or f"{d.get('value')} {d.get('unit')}"
                                                     for d in claim["doses"])))

label = overall_verdict(verdicts) if verdicts else None
st.subheader("Verdict")
st.markdown(f"#### {verdict_badge(label)}")
st.write(verdict(label).meaning)
if len(verdicts) > 1:
    st.caption("The claim was compared with several facts; it is listed under the most serious verdict.")

st.subheader("The regulatory record, side by side")
if not verdicts:
    st.write("This claim has not been compared with the fact base yet.")
for v in verdicts:
    with st.container(border=True):
        left, right = st.columns(2)
        with left:
            st.markdown("**What we found:** " + verdict_badge(v["verdict"]))
            st.write(md(v["rationale"]))
        with right:
            if v["fact_id"]:
                place = JURISDICTIONS.get(v["jurisdiction"], v["jurisdiction"] or "")
                when = v["date"].isoformat() if v["date"] else "date unknown"
                st.markdown(f"**The record:** {md(v['authority'] or '')} {md(v['kind'] or '')}, {md(place)}, {when}")
                st.write(md(v["summary"] or ""))
                details = [f"{name}: {v[key]}" for key, name in (("product", "Product"), ("indication", "For"),
                           ("route", "Route"), ("population", "Who")) if v.get(key)]
                if details:
                    st.caption(md("; ".join(details)))
                if v["source_url"]:
                    st.markdown(f"Source: [{md(v['source_title'] or v['source_url'])}]({v['source_url']})")
                st.caption(f"Fact `{v['fact_id']}`" + (f", last verified {v['verified']}" if v.get("verified") else ""))
            else:
                st.write("No regulatory fact in the fact base bears on this claim.")

related = [f for f in data.query("substance_facts", with_forms(list(claim["substances"])))
           if f["fact_id"] not in {v["fact_id"] for v in verdicts}]
if related:
    with st.expander(f"Other regulatory facts on {md(', '.join(claim['substances']))} ({len(related)})"):
        st.dataframe(pd.DataFrame([{
            "Date": f["date"], "Where": JURISDICTIONS.get(f["jurisdiction"], f["jurisdiction"]),
            "Authority": f["authority"], "Decision": f["kind"], "Substance": f["substance"],
            "What it says": f["summary"] or "", "Source": f["source_url"]} for f in related]),
            hide_index=True, width="stretch",
            column_config={"Source": st.column_config.LinkColumn("Source", display_text="Source"),
                           "Date": st.column_config.DateColumn("Date", format="YYYY-MM-DD")})

st.subheader("The article")
published = claim["published"].isoformat() if claim["published"] else "date unknown"
st.text(claim["article_title"] or "(no title)")
st.write(f"{md(claim['publisher'] or 'Unknown outlet')} ({plain(SOURCE_TYPES, claim['source_type'])}), "
         f"published {published}")
links = st.container(horizontal=True)
links.link_button("Open the original page", claim["article_url"], icon=":material/open_in_new:")
copy = archive.archived_copy(claim.get("warc_file"), claim.get("warc_record_id"), data.db_path().parent)
if copy.content is not None:
    # The archived page is untrusted HTML: offered as a file to open, never drawn inside the dashboard.
    links.download_button("Download the archived copy", copy.content, file_name=f"archived-{claim_id[:12]}.html",
                             mime=copy.mime, on_click="ignore", icon=":material/archive:")
st.caption(md(copy.note + (f" Fetched {copy.fetched}." if copy.fetched else "")))
with st.expander("Full article text as stored"):
    st.text(claim["article_text"])
if claim.get("appearances") and len(claim["appearances"]) > 1:
    st.write("Also seen at: " + md(", ".join(claim["appearances"][1:])))

st.subheader("Cite or share this claim")
citation = "\n".join([
    f"Claim: {claim['text']}",
    f"Said by: {claim['claimant_name'] or 'not named'} ({claim['claimant_role']})",
    f"Article: {claim['article_title'] or '(no title)'}, {claim['publisher'] or 'unknown outlet'}, {published}",
    f"URL: {claim['article_url']}",
    *([f"Archived: WARC record {claim['warc_record_id']} in {claim['warc_file']}"] if claim.get("warc_record_id") else []),
    f"Verdict: {label or 'unchecked'} ({verdict(label).name})",
    *[f"Source: {url}" for url in dict.fromkeys(v["source_url"] for v in verdicts if v.get("source_url"))],
    f"Claim id: {claim_id}",
])
# st.code shows text literally (no Markdown, no HTML) and has a copy button.
st.code(citation, language=None, wrap_lines=True)
share = st.container(horizontal=True)
share.download_button(
    "Download as ClaimReview (JSON-LD)",
    data=lambda: downloads.selection_file(data.query("claims_selection", {"claim_ids": [claim_id]}), "claimreview"),
    file_name=f"claimreview-{claim_id[:12]}.json", mime="application/ld+json", on_click="ignore",
    key="claim_claimreview")
if claim["claimant_name"] and share.button(f"All claims by or about {md(claim['claimant_name'][:40])}",
                                               key="claim_person_claims"):
    clear_filters()
    st.session_state["kept_people"] = [claim["claimant_name"]]
    st.switch_page("views/claims.py")

cues = {name: words for name, words in (claim.get("cues") or {}).items() if words}
if cues:
    st.subheader("What to notice (media-literacy cues)")
    for name, words in cues.items():
        title, why = CUES.get(name, (name, ""))
        st.write(f"**{md(title)}**: {md(', '.join(map(str, words)))}. {why}")
