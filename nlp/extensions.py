"""Every custom Doc and Span attribute of the pipeline, registered in one place."""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES = {
    "offset": 0,            # where this doc's text starts in the article text
    "source_type": "unknown",  # the article's source type (news, commercial, ...)
    "doses": None,          # [{value, unit, text, low, high, per_kg, route, frequency, start_char, end_char}]
    "routes": None,         # [(route, start_char, end_char)]
    "frequencies": None,    # [(frequency, start_char, end_char)]
    "people": None,         # [{"name", "role", "start_char", "end_char"}] every person named, in order
    "claims": None,         # [Span] sentences judged to be claims, in order
}
SPAN_ATTRIBUTES = {
    "is_claim": False,
    "claim_type": "other",
    "substances": None,     # [Span] with label_ = canonical id
    "conditions": None,     # [Span] with label_ = canonical id
    "hedged": False,
    "negated": False,
    "disputed": False,
    "context_cues": None,   # {"hedge": [Span], "negation": [...], "dispute": [...], "endorse": [...]}
    "negation_covers": None,  # token starts of the health targets some negation cue's scope covers
    "claimant": None,       # {"name", "role", "start_char", "end_char", "pending"}
    "stance": "neutral",
    "jurisdictions": None,  # [code]
    "cues": None,           # {cue name: [evidence words]}
}


def register() -> None:
    """Set every extension (idempotent: safe to call from each component factory)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register()
