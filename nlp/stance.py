"""Judges the article's stance on each claim and collects its media-literacy cues and jurisdictions."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)

STATISTIC = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)|\b\d+\s+(?:in|out of)\s+(?:\d+|ten|five|three|four)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+(?:ten|five|three|four|\d+)\b",
    re.IGNORECASE,
)
PRICE = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*\s?(?:dollars|pounds|euros)\b", re.IGNORECASE)
BACK_REFERENCES = {"this", "that", "these", "such", "the claim", "those", "it"}


@Language.factory("stance_rater", default_config={"commercial_types": ["commercial"]})
def make_stance_rater(nlp: Language, name: str, commercial_types: list[str]) -> StanceRater:
    """Build the rater; commercial_types are the article source types that sell something."""
    return StanceRater(set(commercial_types))


class StanceRater:
    """Sets stance, jurisdictions and cues on each claim sentence.

    disputes: the sentence (or the next one, pointing back) says the claim is false or unproven;
    endorses: the article asserts the claim in its own voice without hedging, or sells it;
    neutral: it reports someone else's claim, or hedges.
    """

    def __init__(self, commercial_types: set[str]):
        """Keep the source types that count as selling something."""
        self.commercial_types = commercial_types

    def __call__(self, doc: Doc) -> Doc:
        """Rate every claim in doc._.claims."""
        for sent in doc._.claims or []:
            disputed = sent._.disputed or self.disputed_next(sent)
            claimant = sent._.claimant or {"role": "author"}
            commercial = doc._.source_type in self.commercial_types
            if disputed:
                stance = "disputes"
            elif (sent._.context_cues or {}).get("endorse"):
                stance = "endorses"
            elif claimant["role"] == "author" and not sent._.hedged:
                stance = "endorses"
            elif commercial and claimant["role"] in ("organisation", "celebrity") and not sent._.hedged:
                stance = "endorses"
            else:
                stance = "neutral"
            sent._.stance = stance
            sent._.jurisdictions = sorted({j.label_ for j in doc.spans.get("jurisdictions", [])
                                           if sent.start <= j.start < sent.end})
            sent._.cues = self.cues(sent, commercial)
        return doc

    @staticmethod
    def disputed_next(sent: Span) -> bool:
        """True when the following sentence disputes this one without naming a substance of its own."""
        doc = sent.doc
        if sent.end >= len(doc):
            return False
        nxt = doc[sent.end].sent
        has_dispute = any(c.label_.startswith("dispute") and nxt.start <= c.start < nxt.end
                          for c in doc.spans.get("context_cues", []))
        if not has_dispute:
            return False
        own = any(nxt.start <= s.start < nxt.end for s in doc.spans.get("substances", []))
        words = {t.lower_ for t in nxt[:4]}
        return not own or bool(words & BACK_REFERENCES)

    @staticmethod
    def cues(sent: Span, commercial: bool) -> dict[str, list[str]]:
        """Media-literacy cues of a claim sentence, each with the words that showed it."""
        doc = sent.doc
        out: dict[str, list[str]] = {}

        def add(name: str, words: str) -> None:
            """Record one piece of evidence for a cue, once."""
            if words not in out.setdefault(name, []):
                out[name].append(words)

        media = [c for c in doc.spans.get("media_cues", []) if sent.start <= c.start < sent.end]
        for cue in media:
            if cue.label_ == "anecdote":
                add("anecdote", cue.text)
            elif cue.label_ == "absolute_language":
                add("absolute_language", cue.text)
            elif cue.label_ == "commercial" and commercial:
                add("commercial_source", cue.text)
        claimant = sent._.claimant or {}
        if claimant.get("role") == "celebrity" and claimant.get("name"):
            add("celebrity_endorsement", claimant["name"])
        for hedge in (sent._.context_cues or {}).get("hedge", []):
            add("hedging", hedge.text)
        if commercial:
            add("commercial_source", "source type: commercial")
        # A price in the claim sentence is a sales pitch whatever the source type.
        for m in PRICE.finditer(sent.text):
            add("commercial_source", m.group(0))
        sourced = any(c.label_ == "statistic_sources" for c in media) or any(
            a.label_ == "source" and sent.start <= a.start < sent.end for a in doc.spans.get("attribution", []))
        if not sourced:
            absolute = [(c.start_char, c.end_char) for c in media if c.label_ == "absolute_language"]
            for m in STATISTIC.finditer(sent.text):
                at = sent.start_char + m.start()
                # "100% safe" is absolute language, not a statistic.
                if not any(a <= at < b for a, b in absolute):
                    add("unsourced_statistic", m.group(0))
        return {k: v for k, v in out.items() if v}
