"""Links "it" and "the drug" back to the substance named in the sentence before, when they carry a claim."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.wordlists import load


@Language.factory("substance_anaphora", default_config={"max_position": 8})
def make_substance_anaphora(nlp: Language, name: str, max_position: int) -> SubstanceAnaphora:
    """Build the linker; max_position is how early in its sentence the anaphor must come (a subject)."""
    return SubstanceAnaphora(nlp, max_position)


class SubstanceAnaphora:
    """Adds a substance span for an anaphor in a sentence that names no substance but follows one that
    does, if the sentence asserts something (a claim cue or a dose): "It is usually given as 0.5 mg/kg"."""

    def __init__(self, nlp: Language, max_position: int):
        """Load the anaphor phrases into a phrase matcher."""
        self.max_position = max_position
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("ANAPHOR", [nlp.make_doc(p) for p in load("anaphora")["anaphors"]])

    def __call__(self, doc: Doc) -> Doc:
        """Extend doc.spans['substances'] with linked anaphors."""
        substances = list(doc.spans.get("substances", []))
        if not substances:
            return doc
        cues = doc.spans.get("claim_cues", [])
        doses = doc._.doses or []
        anaphors = [Span(doc, s, e) for _, s, e in self.matcher(doc)]
        added = []
        previous: Span | None = None
        for sent in doc.sents:
            named = [s for s in substances if sent.start <= s.start < sent.end]
            if named:
                previous = sent
                continue
            if previous is None or previous.end != sent.start:
                previous = None
                continue
            antecedents = [s for s in substances if previous.start <= s.start < previous.end]
            ids = {s.label_ for s in antecedents}
            asserts = any(sent.start <= c.start < sent.end for c in cues) or any(
                sent.start_char <= d["start_char"] < sent.end_char for d in doses)
            # The anaphor must start the claim, with words after it ("It is given as ..."), not end a
            # slogan ("We're on it.").
            words = [t for t in sent if not (t.is_punct or t.is_space)]
            mine = [a for a in anaphors if sent.start <= a.start < min(sent.end, sent.start + self.max_position)
                    and len(words) >= 5 and any(t.i >= a.end for t in words)]
            # Only an unambiguous antecedent: "it" after "ketamine and esketamine" could be either.
            if mine and asserts and len(ids) == 1:
                span = Span(doc, mine[0].start, mine[0].end, label=antecedents[-1].label_)
                added.append(span)
                substances.append(span)
                previous = sent  # a chain: "Ketamine ... It is given ... "It does not make it approved"
            else:
                previous = None
        if added:
            doc.spans["substances"] = sorted(substances, key=lambda s: s.start)
        return doc
