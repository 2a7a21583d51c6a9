"""The claim filters in the sidebar: widgets that build the filter dict store.queries.claim_where reads."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.labels import CLAIM_TYPES, CUES, ROLES, SOURCE_TYPES, STANCES, VERDICTS, plain, verdict_text
from nlp.lexicon import lineage, load_substances

HEDGED = {"any": "Either", "yes": "Only hedged claims (may, might, could)", "no": "Only unhedged claims"}
PREFIX = "filter_"
KEPT = "kept_"


def with_forms(substances: list[str]) -> list[str]:
    """The chosen substances and every form of them (ketamine brings esketamine along)."""
    chosen = set(substances)
    for other in load_substances():
        if chosen & set(lineage(other)):
            chosen.add(other)
    return sorted(chosen)


def _restore(name: str, default) -> str:
    """Give a widget its value from earlier pages: Streamlit forgets widgets a page does not draw."""
    key = PREFIX + name
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(KEPT + name, default)
    return key


def _keep(name: str) -> None:
    """Remember a widget's value for the next page that draws it."""
    st.session_state[KEPT + name] = st.session_state[PREFIX + name]


def _multi(box, name: str, label: str, options: list, help_text: str | None = None, names=None) -> list:
    """A multiselect filter whose choices survive page changes; returns the chosen values."""
    key = _restore(name, [])
    # Fresh data may no longer list an earlier choice; a stale choice would break the widget.
    st.session_state[key] = [v for v in st.session_state[key] if v in options]
    box.multiselect(label, options, key=key, help=help_text,
                    format_func=(lambda code: plain(names, code)) if names else str)
    _keep(name)
    return list(st.session_state[key])


def clear_filters() -> None:
    """Forget every filter choice (button callback)."""
    for key in list(st.session_state):
        if key.startswith((PREFIX, KEPT)):
            del st.session_state[key]


def filter_sidebar(choices: dict, box=None) -> dict:
    """Draw the filters and return the filter dict for the named claim queries."""
    box = box or st.sidebar
    box.header("Filter the claims")
    key = _restore("search", "")
    box.text_input("Search words", key=key, placeholder="e.g. ketamine depression",
                   help='Every word must appear in the claim, its headline or the speaker\'s name. '
                        'Use "quotes" for an exact phrase.')
    _keep("search")
    filters: dict = {"search": st.session_state[key].strip() or None}
    filters["people"] = _multi(box, "people", "Person", choices["people"],
                               "Claims said by this person or naming them.")
    filters["roles"] = _multi(box, "roles", "Who makes the claim", list(ROLES), names=ROLES)
    substances = _multi(box, "substances", "Substance", choices["substances"],
                        "A substance includes its forms: ketamine includes esketamine.")
    filters["substances"] = with_forms(substances) if substances else []
    filters["conditions"] = _multi(box, "conditions", "Health condition", choices["conditions"])
    filters["claim_types"] = _multi(box, "claim_types", "Kind of claim", list(CLAIM_TYPES), names=CLAIM_TYPES)
    key = _restore("verdicts", [])
    box.multiselect("Verdict", list(VERDICTS), key=key, format_func=verdict_text)
    _keep("verdicts")
    filters["verdicts"] = list(st.session_state[key])
    filters["stances"] = _multi(box, "stances", "Stance", list(STANCES), names=STANCES)
    key = _restore("hedged", "any")
    box.radio("Hedged?", list(HEDGED), key=key, format_func=HEDGED.get)
    _keep("hedged")
    filters["hedged"] = {"any": None, "yes": True, "no": False}[st.session_state[key]]
    filters["source_types"] = _multi(box, "source_types", "Kind of source", list(SOURCE_TYPES),
                                     names=SOURCE_TYPES)
    filters["outlets"] = _multi(box, "outlets", "Outlet", choices["outlets"])
    filters.update(_date_range(box, choices.get("date_min"), choices.get("date_max")))
    key = _restore("include_demo", True)
    box.checkbox("Include demo articles", key=key,
                 help="Demo articles were written for this project to show how the tool works; they are not real reporting.")
    _keep("include_demo")
    if not st.session_state[key]:
        filters["include_demo"] = False
    box.button("Clear all filters", on_click=clear_filters)
    return {k: v for k, v in filters.items() if v not in (None, [], "")}


def _date_range(box, first: date | None, last: date | None) -> dict:
    """The publication date filter; left at the full range it filters nothing (undated articles stay)."""
    if not first or not last:
        return {}
    key = _restore("dates", (first, last))
    picked = st.session_state[key]
    if not isinstance(picked, (tuple, list)) or any(d < first or d > last for d in picked):
        st.session_state[key] = (first, last)
    box.date_input("Published between", key=key, min_value=first, max_value=last, format="YYYY-MM-DD")
    _keep("dates")
    picked = tuple(st.session_state[key])
    if len(picked) != 2 or picked == (first, last):
        return {}
    return {"date_from": picked[0], "date_to": picked[1]}


def plain_cue(cue: str) -> str:
    """The plain-words name of a media-literacy cue."""
    return CUES.get(cue, (cue, ""))[0]


def describe(filters: dict) -> str:
    """The active filters in one line of plain words, for captions and lesson sheets."""
    if not filters:
        return "all claims"
    parts = []
    names = {"people": "person", "roles": "role", "substances": "substance", "conditions": "condition",
             "claim_types": "kind", "verdicts": "verdict", "stances": "stance", "source_types": "source",
             "outlets": "outlet"}
    for key, word in names.items():
        if filters.get(key):
            parts.append(f"{word}: {', '.join(map(str, filters[key]))}")
    if filters.get("search"):
        parts.append(f"search: {filters['search']}")
    if filters.get("hedged") is not None:
        parts.append("hedged" if filters["hedged"] else "not hedged")
    if filters.get("date_from"):
        parts.append(f"published {filters['date_from']} to {filters['date_to']}")
    if filters.get("include_demo") is False:
        parts.append("no demo articles")
    if filters.get("cue"):
        cue = filters["cue"]
        parts.append("showing any warning sign" if cue == "any" else f"showing the sign '{plain_cue(cue)}'")
    return "; ".join(parts)
