"""Decides which sentences are health claims and of which type, from cue lists and found doses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.wordlists import load

# Types named by a status word win over the rest; among effect words the first one named wins.
RANKED_TYPES = ("legal", "regulatory")
EFFECT_TYPES = ("safety", "mechanism", "efficacy")


@Language.factory("claim_detector", default_config={"min_tokens": 4, "usage_needs_person": False})
def make_claim_detector(nlp: Language, name: str, min_tokens: int, usage_needs_person: bool) -> ClaimDetector:
    """Build the detector; min_tokens skips fragments such as captions and menu items."""
    return ClaimDetector(min_tokens)


class ClaimDetector:
    """A claim names a substance and asserts an effect, risk, legal or regulatory status, dose or use."""

    def __init__(self, min_tokens: int):
        """Keep the shortest sentence (in words) that may be a claim, and the topic-phrase word lists."""
        self.min_tokens = min_tokens
        topics = load("topics")
        self.topic_nouns = set(topics["topic_nouns"])
        self.topic_prepositions = set(topics["topic_prepositions"])

    def topic_tokens(self, sent: Span) -> set[int]:
        """Tokens inside a topic phrase ("questions about microdosing mushrooms"), up to the next punctuation."""
        inside: set[int] = set()
        for token in sent:
            if token.lower_ not in self.topic_prepositions or token.i == sent.start:
                continue
            before = sent.doc[max(sent.start, token.i - 2):token.i]
            if not any(t.lower_ in self.topic_nouns for t in before):
                continue
            for follower in sent.doc[token.i + 1:sent.end]:
                if follower.is_punct:
                    break
                inside.add(follower.i)
        return inside

    def __call__(self, doc: Doc) -> Doc:
        """Set is_claim, claim_type, substances and conditions on sentences; list claims in doc._.claims."""
        substances = list(doc.spans.get("substances", []))
        conditions = list(doc.spans.get("conditions", []))
        cues = list(doc.spans.get("claim_cues", []))
        doses = doc._.doses or []
        claims = []
        for sent in doc.sents:
            named = [s for s in substances if sent.start <= s.start < sent.end]
            if not named:
                continue
            sent._.substances = named
            # "an addiction specialist" names a job, not the condition the claim is about.
            roles = [r for r in doc.spans.get("role_cues", []) if sent.start <= r.start < sent.end]
            sent._.conditions = [c for c in conditions if sent.start <= c.start < sent.end
                                 and not any(r.start <= c.start < r.end for r in roles)]
            words = [t for t in sent if not (t.is_punct or t.is_space)]
            if len(words) < self.min_tokens or sent.text.rstrip().endswith("?"):
                continue
            topic = self.topic_tokens(sent)
            kinds = [c for c in cues if sent.start <= c.start < sent.end and c.start not in topic
                     and not any(s.start <= c.start < s.end for s in named)]
            has_dose = any(sent.start_char <= d["start_char"] < sent.end_char for d in doses)
            claim_type = self.claim_type(kinds, has_dose)
            if claim_type in ("efficacy", "usage") and any(
                    sent.start <= r.start < sent.end for r in doc.spans.get("regulators", [])):
                # What a medicines regulator says a drug is for is its regulatory status.
                claim_type = "regulatory"
            if claim_type is None and sent._.conditions:
                # "Spravato, a nasal spray for treatment-resistant depression" states a use.
                claim_type = "efficacy"
            if claim_type is None:
                continue
            sent._.is_claim = True
            sent._.claim_type = claim_type
            claims.append(sent)
        doc._.claims = claims
        return doc

    @staticmethod
    def claim_type(kinds: list[Span], has_dose: bool) -> str | None:
        """The claim type from the cue spans in a sentence (None when nothing is asserted)."""
        labels = [k.label_ for k in kinds]
        for kind in RANKED_TYPES:
            if kind in labels:
                return kind
        if has_dose:
            return "dosage"
        for label in labels:
            if label in EFFECT_TYPES:
                return label
        if "usage" in labels:
            return "usage"
        return None
