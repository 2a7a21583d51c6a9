"""Finds substances and conditions by their names, brands and slang, resolving ambiguous slang by context."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.lexicon import condition_terms, load_conditions, load_substances
from nlp.wordlists import is_short_caps, load


@Language.factory("health_terms", default_config={"substances": True, "conditions": True})
def make_health_terms(nlp: Language, name: str, substances: bool, conditions: bool) -> HealthTerms:
    """Build the matcher from nlp/resources/substances.json and conditions.json."""
    return HealthTerms(nlp, substances, conditions)


class HealthTerms:
    """Puts substance mentions in doc.spans['substances'] and conditions in doc.spans['conditions'].

    Each span's label is the canonical id. Overlaps keep the longest name ("treatment-resistant
    depression" over "depression"); ambiguous slang is kept only beside drug-taking words.
    """

    def __init__(self, nlp: Language, substances: bool, conditions: bool):
        """Build the phrase matchers from the substance and condition lexicons."""
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kind: dict[str, str] = {}
        self.ambiguous: set[str] = set()
        context = load("slang_context")
        self.drug_context = set(context["drug_context"])
        self.other_meaning_before = set(context["other_meaning_before"])
        self.adjacent_use = set(context["adjacent_use"])
        if substances:
            for sid, entry in load_substances().items():
                self._add(nlp, "substance", sid, [sid, *entry.get("synonyms", [])])
                self.ambiguous.update(t.lower() for t in entry.get("ambiguous", []))
        if conditions:
            for cid in load_conditions():
                self._add(nlp, "condition", cid, condition_terms(cid))

    def _add(self, nlp: Language, kind: str, canonical: str, terms: list[str]) -> None:
        """Add one canonical id's names: short acronyms case-sensitively, the rest case-folded."""
        self.kind[canonical] = kind
        exact = [t for t in terms if is_short_caps(t)]
        folded = [t for t in terms if not is_short_caps(t)]
        if exact:
            self.exact.add(canonical, [nlp.make_doc(t) for t in exact])
        if folded:
            self.folded.add(canonical, [nlp.make_doc(t) for t in folded])

    def __call__(self, doc: Doc) -> Doc:
        """Match, resolve overlaps and ambiguity, and store the spans."""
        found = [Span(doc, s, e, label=m) for m, s, e in self.exact(doc)]
        found += [Span(doc, s, e, label=m) for m, s, e in self.folded(doc)]
        kept = [span for span in filter_spans(found) if self._plausible(span)]
        doc.spans["substances"] = [s for s in kept if self.kind[s.label_] == "substance"]
        doc.spans["conditions"] = [s for s in kept if self.kind[s.label_] == "condition"]
        return doc

    def _plausible(self, span: Span) -> bool:
        """Ambiguous slang needs drug-taking words in its sentence; 'molly' must be lower case."""
        text = span.text
        if text.lower() not in self.ambiguous:
            return True
        if text == "Molly" or (text.islower() is False and text.lower() in {"ket", "pot", "acid", "speed"}
                               and span.start != span.sent.start):
            return False
        sent = span.sent
        # Compounds such as "folic acid" or "K-pop" are never the drug.
        before = span.doc[span.start - 1] if span.start > 0 else None
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if before is not None and before.is_alpha and before.lower_ in self.other_meaning_before:
            return False
        if after is not None and after.text in {"-", "–"}:
            return False
        context = {t.lower_ for t in sent if t.i < span.start or t.i >= span.end}
        if context & self.drug_context:
            return True
        # A use verb counts only right before the slang ("took K", "tried molly"), not in "take advantage
        # of the speed".
        near = span.doc[max(sent.start, span.start - 2):span.start]
        return any(t.lower_ in self.adjacent_use for t in near)
