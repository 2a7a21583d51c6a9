"""Altair charts for the dashboard, coloured with the verdict palette."""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.labels import VERDICTS, verdict

VERDICT_DOMAIN = [v.name for v in VERDICTS.values()]
VERDICT_RANGE = [v.colour for v in VERDICTS.values()]
RANK = {label: number for number, label in enumerate(VERDICTS)}
# Claims are counted in whole numbers; no axis should offer half a claim.
COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)


# The name of the click selection on bar charts; st.altair_chart(on_select="rerun") reports it.
PICK = "pick"


def _pickable(chart: alt.Chart, field: str) -> alt.Chart:
    """The chart with a click selection on one field, so a click on a bar can open those claims."""
    return chart.add_params(alt.selection_point(name=PICK, fields=[field]))


def picked(event, field: str) -> str | None:
    """The value of `field` on the bar a reader clicked, if any (from st.altair_chart's return)."""
    chosen = ((event or {}).get("selection") or {}).get(PICK) or []
    return chosen[0].get(field) if chosen else None


def verdict_bars(counts: list[dict], title: str = "Claims by verdict", pickable: bool = False) -> alt.Chart:
    """Horizontal bars of claims per verdict, each in its verdict colour."""
    frame = pd.DataFrame(
        [{"verdict": verdict(r["verdict"]).name, "label": r["verdict"], "claims": r["claims"]} for r in counts]
    )
    chart = (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            x=alt.X("claims:Q", title="Claims", axis=COUNT_AXIS),
            y=alt.Y("verdict:N", title=None, sort=VERDICT_DOMAIN),
            color=alt.Color("verdict:N", scale=alt.Scale(domain=VERDICT_DOMAIN, range=VERDICT_RANGE), legend=None),
            tooltip=["verdict", "label", "claims"],
        )
    )
    return _pickable(chart, "label") if pickable else chart


def verdicts_by_outlet(items: list[dict], pickable: bool = False) -> alt.Chart:
    """Stacked bars per outlet, one segment per verdict in its colour: where the doubtful claims appear."""
    frame = pd.DataFrame(
        [{"outlet": r["outlet"], "verdict": verdict(r["verdict"]).name, "label": r["verdict"],
          "rank": RANK.get(r["verdict"], len(RANK)), "claims": r["claims"]} for r in items],
        columns=["outlet", "verdict", "label", "rank", "claims"],
    )
    chart = (
        alt.Chart(frame, title="Outlets with the most claims, by verdict")
        .mark_bar()
        .encode(
            x=alt.X("sum(claims):Q", title="Claims", axis=COUNT_AXIS),
            y=alt.Y("outlet:N", title=None, sort="-x"),
            color=alt.Color("verdict:N", title="Verdict",
                            scale=alt.Scale(domain=VERDICT_DOMAIN, range=VERDICT_RANGE)),
            order=alt.Order("rank:Q"),  # most serious first, at the left of each bar
            tooltip=["outlet", "verdict", "label", "claims"],
        )
    )
    return _pickable(chart, "outlet") if pickable else chart


def count_bars(items: list[dict], field: str, title: str, axis_title: str, pickable: bool = False) -> alt.Chart:
    """Horizontal bars of claims per value of one field, largest first."""
    frame = pd.DataFrame(items or [], columns=[field, "claims"])
    chart = (
        alt.Chart(frame, title=title)
        .mark_bar(color="#2e86c1")
        .encode(
            x=alt.X("claims:Q", title="Claims", axis=COUNT_AXIS),
            y=alt.Y(f"{field}:N", title=axis_title, sort="-x"),
            tooltip=[field, "claims"],
        )
    )
    return _pickable(chart, field) if pickable else chart


def claims_over_time(months: list[dict]) -> alt.Chart:
    """Claims per month of publication."""
    frame = pd.DataFrame(months or [], columns=["month", "claims"])
    frame["month"] = pd.to_datetime(frame["month"])
    return (
        alt.Chart(frame, title="Claims by month the article was published")
        .mark_bar(color="#2e86c1")
        .encode(x=alt.X("yearmonth(month):T", title="Month"), y=alt.Y("claims:Q", title="Claims", axis=COUNT_AXIS),
                tooltip=[alt.Tooltip("yearmonth(month):T", title="Month"), "claims"])
    )


# Decisions that allow a use are green, that restrict or refuse one are purple or red.
KIND_COLOURS = {"approval": "#1e8449", "extension": "#52be80", "labelled_dose": "#2e86c1",
                "scheduling": "#8e44ad", "legal_class": "#8e44ad", "rejection": "#c0392b", "withdrawal": "#e67e22"}


def fact_timeline(facts: list[dict]) -> alt.Chart:
    """Regulatory decisions as points on a time line, one row per jurisdiction, coloured by kind."""
    frame = pd.DataFrame(
        [{"date": f["date"], "jurisdiction": f["jurisdiction"], "kind": f["kind"], "substance": f["substance"],
          "authority": f["authority"], "what": f.get("product") or f.get("summary") or ""}
         for f in facts if f.get("date")],
        columns=["date", "jurisdiction", "kind", "substance", "authority", "what"],
    )
    frame["date"] = pd.to_datetime(frame["date"])
    kinds = sorted(set(frame["kind"]))
    colours = [KIND_COLOURS.get(k, "#7f8c8d") for k in kinds]
    rows = max(1, frame["jurisdiction"].nunique())
    return (
        alt.Chart(frame, title="Regulatory decisions over time", height=60 + 45 * rows)
        .mark_point(size=160, filled=True)
        .encode(
            x=alt.X("date:T", title="Date"),
            y=alt.Y("jurisdiction:N", title="Jurisdiction"),
            color=alt.Color("kind:N", title="Kind of decision", scale=alt.Scale(domain=kinds, range=colours)),
            shape="substance:N",
            tooltip=[alt.Tooltip("date:T"), "jurisdiction", "authority", "kind", "substance", "what"],
        )
    )
