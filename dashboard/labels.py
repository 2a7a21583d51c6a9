"""Plain words for the dataset's codes: friendly verdict names, colours and notes, roles, cue names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """How one verdict label is shown to readers."""

    label: str
    name: str
    colour: str  # hex, for charts and printed sheets
    badge: str  # one of Streamlit's badge colours
    icon: str  # a Streamlit material icon (emoji fonts are missing on many machines)
    meaning: str


# Order: most serious first, as claims are ranked by their most serious verdict.
VERDICTS = {
    v.label: v
    for v in (
        Verdict("inconsistent", "Contradicted", "#c0392b", "red", ":material/cancel:",
                "What regulators have decided contradicts the claim."),
        Verdict("unapproved_use", "Unapproved use", "#d35400", "orange", ":material/block:",
                "The claim promotes a use, indication or dose that no regulator we cover has approved."),
        Verdict("partly_consistent", "Partly right", "#b7950b", "yellow", ":material/rule:",
                "The record agrees in part, but a detail is wrong: the product, form, route, year, "
                "who it is for, or the conditions of use."),
        Verdict("consistent", "Matches the record", "#1e8449", "green", ":material/check_circle:",
                "What regulators have decided agrees with the claim."),
        Verdict("not_covered", "Not covered", "#7f8c8d", "gray", ":material/help:",
                "No regulatory fact in our fact base bears on this claim. That does not make it true or false."),
        Verdict("unchecked", "Not checked yet", "#aab7b8", "gray", ":material/hourglass_empty:",
                "The checker has not compared this claim with the fact base yet."),
    )
}


def verdict(label: str | None) -> Verdict:
    """The display record of a verdict label (None means not checked yet)."""
    return VERDICTS.get(label or "unchecked") or Verdict(label or "", label or "", "#7f8c8d", "gray",
                                                        ":material/help:", "")


def verdict_text(label: str | None) -> str:
    """'Unapproved use (unapproved_use)': friendly name plus the exact label, for tables and menus."""
    return f"{verdict(label).name} ({label or 'unchecked'})"


def verdict_badge(label: str | None) -> str:
    """Markdown for a coloured badge with the friendly name, followed by the exact label in code."""
    v = verdict(label)
    return f":{v.badge}-badge[{v.icon} {v.name}] `{label or 'unchecked'}`"


ROLES = {
    "celebrity": "Celebrity or public figure",
    "expert": "Doctor, scientist or other expert",
    "author": "The article's writer",
    "organisation": "Company or organisation",
    "unknown": "Not clear who says it",
}
CLAIM_TYPES = {
    "efficacy": "Says it works", "safety": "About safety", "legal": "About the law",
    "regulatory": "About regulators' decisions", "dosage": "About dose", "usage": "About how it is used",
    "mechanism": "About how it works", "other": "Other",
}
STANCES = {"endorses": "Speaks for it", "neutral": "Neutral", "disputes": "Speaks against it"}
SOURCE_TYPES = {
    "news": "News outlet", "magazine": "Magazine", "commercial": "Seller or advertiser",
    "blog": "Blog or personal site", "government": "Government", "unknown": "Unknown",
}
CUES = {
    "celebrity_endorsement": ("Celebrity endorsement",
                              "A famous name is used to make the claim seem trustworthy."),
    "anecdote": ("Personal story", "One person's experience is offered as if it were evidence."),
    "hedging": ("Hedging words", "Words like 'may' or 'could' that soften the claim - read them closely."),
    "absolute_language": ("Absolute language",
                          "Words like 'cured', 'never' or 'always' that promise more than evidence allows."),
    "commercial_source": ("Someone is selling", "The text comes from, or links to, someone selling a product."),
    "unsourced_statistic": ("Number without a source", "A statistic is given with no study or source named."),
}
JURISDICTIONS = {"US": "United States", "UK": "United Kingdom", "EU": "European Union"}


def claims(count: int) -> str:
    """'1 claim', '2,000 claims': a count with the right form of the word."""
    return f"{count:,} claim" + ("" if count == 1 else "s")


def plain(mapping: dict[str, str], code: str | None) -> str:
    """The plain-words name of a code, falling back to the code itself."""
    return mapping.get(code or "", code or "")
