"""Matches every cue word list (claim types, context, attribution, roles, media cues, jurisdictions)."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.wordlists import is_short_caps, load


def cue_groups() -> dict[str, dict[str, list[str]]]:
    """{span group: {label: [phrases]}} built from the resource files."""
    claim = load("claim_cues")
    context = load("context_cues")
    attribution = load("attribution")
    roles = load("roles")
    media = load("media_cues")
    groups: dict[str, dict[str, list[str]]] = {
        "claim_cues": {kind: phrases for kind, phrases in claim.items()},
        "context_cues": {"terminate": context["terminators"]},
        "attribution": {
            "speech": attribution["speech_verbs"],
            "source": attribution["source_markers"],
            "channel": attribution["channels"],
        },
        "role_cues": {
            "expert_title": roles["expert_titles"],
            "expert": roles["expert"],
            "celebrity": roles["celebrity"],
        },
        # Unnamed speakers ("researchers said", "the influencer posted") and what role they have.
        "sources": dict(roles["sources"]),
        "regulators": {"regulator": roles["regulators"]},
        "organisations": {},
        "media_cues": {name: media[name] for name in ("anecdote", "absolute_language", "commercial", "statistic_sources")},
        "jurisdictions": dict(load("jurisdictions")),
    }
    for cue in context["cues"]:
        groups["context_cues"].setdefault(f"{cue['category']}:{cue['direction']}", []).extend(cue["phrases"])
    for name, canonical in roles["organisations"].items():
        groups["organisations"].setdefault(canonical or "generic", []).append(name)
    return groups


@Language.factory("cue_matcher", default_config={})
def make_cue_matcher(nlp: Language, name: str) -> CueMatcher:
    """Build one phrase matcher per span group from the cue resources."""
    return CueMatcher(nlp)


class CueMatcher:
    """Fills doc.spans[group] for each cue group; labels say which list a cue came from."""

    def __init__(self, nlp: Language):
        """Build a case-sensitive and a case-folded phrase matcher per span group."""
        self.matchers: dict[str, tuple[PhraseMatcher, PhraseMatcher]] = {}
        for group, lists in cue_groups().items():
            exact = PhraseMatcher(nlp.vocab, attr="ORTH")
            folded = PhraseMatcher(nlp.vocab, attr="LOWER")
            for label, phrases in lists.items():
                # Jurisdiction and organisation names are proper nouns: match them as written.
                case_sensitive = group in ("jurisdictions", "organisations", "regulators")
                strict = [p for p in phrases if case_sensitive or is_short_caps(p)]
                loose = [p for p in phrases if p not in strict]
                if strict:
                    exact.add(label, [nlp.make_doc(p) for p in strict])
                if loose:
                    folded.add(label, [nlp.make_doc(p) for p in loose])
            self.matchers[group] = (exact, folded)

    def __call__(self, doc: Doc) -> Doc:
        """Match every group; within a group the longest cue wins an overlap."""
        for group, (exact, folded) in self.matchers.items():
            spans = [Span(doc, s, e, label=m) for m, s, e in exact(doc)]
            spans += [Span(doc, s, e, label=m) for m, s, e in folded(doc)]
            doc.spans[group] = filter_spans(spans)
        return doc
