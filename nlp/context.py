"""ConText-style hedging, negation and dispute: cue lists with a direction and a scope within the sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)

# Dispute cues that also negate the claim they scope over ("no evidence that ...", "does not cure").
NEGATING_WORDS = {"no", "not", "never", "cannot", "can't", "doesn't", "won't", "hasn't", "haven't", "isn't",
                  "aren't", "didn't", "untrue", "n't", "none"}


RELATIVE = {"which", "whom", "whose"}


@Language.factory("context_scope", default_config={"max_scope": 12})
def make_context_scope(nlp: Language, name: str, max_scope: int) -> ContextScope:
    """Build the scoper; max_scope caps how many tokens a cue reaches, as in medspaCy's ConText."""
    return ContextScope(max_scope)


class ContextScope:
    """Marks each sentence hedged / negated / disputed when a cue's scope covers a health target."""

    def __init__(self, max_scope: int):
        """Keep how many tokens a cue may reach."""
        self.max_scope = max_scope

    def __call__(self, doc: Doc) -> Doc:
        """Set hedged, negated, disputed and context_cues on every sentence with a substance."""
        cues = list(doc.spans.get("context_cues", []))
        targets = [*doc.spans.get("substances", []), *doc.spans.get("conditions", []),
                   *doc.spans.get("claim_cues", [])]
        for sent in doc.sents:
            if not any(sent.start <= s.start < sent.end for s in doc.spans.get("substances", [])):
                continue
            inside = [c for c in cues if sent.start <= c.start < sent.end]
            # "yet" ends a scope as a conjunction (", yet clinics sell it"), not as in "no evidence yet".
            stops = [c.start for c in inside if c.label_ == "terminate"
                     and (c.text.lower() != "yet" or (c.start > 0 and doc[c.start - 1].text in {",", ";"}))]
            aimed = [t for t in targets if sent.start <= t.start < sent.end]
            found: dict[str, list[Span]] = {"hedge": [], "negation": [], "dispute": [], "endorse": []}
            relative = [c.start for c in inside if c.label_ == "terminate" and c.text.lower() in RELATIVE]
            negation_covers: set[int] = set()
            advice = [t.i for t in sent[1:] if t.lower_ == "so" and doc[t.i - 1].text in {",", ";"}]
            for cue in inside:
                if cue.label_ in ("terminate",) or cue.label_.startswith("pseudo"):
                    continue
                if cue.text == "May" and cue.start != sent.start:
                    continue  # the month
                if cue.label_.startswith("negation") and any(r < cue.start for r in relative + advice):
                    # "..., which means it has no accepted medical use", "..., so don't try it at home": the
                    # negation belongs to a clause added after the claim, not to the claim.
                    continue
                category, direction = cue.label_.split(":")
                lo, hi = self._scope(cue, direction, sent, stops)
                hits = {t.start for t in aimed if t.start != cue.start and (lo <= t.start < hi or lo < t.end <= hi)}
                covered = bool(hits)
                if category == "negation" or (category == "dispute" and any(t.lower_ in NEGATING_WORDS for t in cue)):
                    negation_covers |= hits
                if category == "endorse":
                    # "honestly I love that for him": the writer sides with the claim they report.
                    found["endorse"].append(cue)
                elif category == "dispute":
                    # The article disputing a claim need not sit within a few words of it.
                    found["dispute"].append(cue)
                    if covered and any(t.lower_ in NEGATING_WORDS for t in cue):
                        found["negation"].append(cue)
                elif covered:
                    found[category].append(cue)
            sent._.context_cues = found
            sent._.hedged = bool(found["hedge"])
            sent._.negated = bool(found["negation"])  # refined by the claim detector once it knows the claim's cue
            sent._.negation_covers = negation_covers
            sent._.disputed = bool(found["dispute"])
        return doc

    def _scope(self, cue: Span, direction: str, sent: Span, stops: list[int]) -> tuple[int, int]:
        """The token range a cue reaches in its direction, cut at the sentence edge and terminators."""
        lo, hi = cue.start, cue.end
        if direction in ("forward", "bidirectional"):
            after = [s for s in stops if s >= cue.end]
            hi = min([sent.end, cue.end + self.max_scope, *after])
        if direction in ("backward", "bidirectional"):
            before = [s + 1 for s in stops if s < cue.start]
            lo = max([sent.start, cue.start - self.max_scope, *before])
        return lo, hi
