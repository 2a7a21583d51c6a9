"""Corrects the statistical NER: substances are never people, and well-known public figures are found."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.lexicon import load_substances
from nlp.wordlists import load


@Language.factory("entity_guard", default_config={"keep_labels": ["PERSON", "ORG", "GPE", "NORP"]})
def make_entity_guard(nlp: Language, name: str, keep_labels: list[str]) -> EntityGuard:
    """Build the guard with the public-figures list from nlp/resources/people.json."""
    return EntityGuard(nlp, keep_labels)


class EntityGuard:
    """Drops entities that overlap a substance or condition, and adds PERSON spans for known figures."""

    def __init__(self, nlp: Language, keep_labels: list[str]):
        """Load the public figures and the words that are never part of a name."""
        self.keep = set(keep_labels)
        self.people = PhraseMatcher(nlp.vocab, attr="ORTH")
        people = load("people")
        # Substance names are never part of a name, nor are titles such as "Dr" or "Singer".
        self.not_names = set(people["not_name_words"]) | {
            t.lower() for sid, e in load_substances().items() for t in [sid, *e["synonyms"]]
            if " " not in t and t not in e.get("ambiguous", [])}  # "Molly Harper" keeps her first name
        for person in people["people"]:
            self.people.add("PERSON", [nlp.make_doc(person["name"])])

    def __call__(self, doc: Doc) -> Doc:
        """Rewrite doc.ents so that health terms win over the model's guesses."""
        health = [*doc.spans.get("substances", []), *doc.spans.get("conditions", [])]
        taken = set()
        for span in health:
            taken.update(range(span.start, span.end))
        ents = []
        for ent in doc.ents:
            if ent.label_ not in self.keep or taken.intersection(range(ent.start, ent.end)):
                continue
            ent = self.trim(ent)
            if ent is None:
                continue
            ents.append(ent)
        known = [Span(doc, s, e, label="PERSON") for _, s, e in self.people(doc)]
        known = [k for k in known if not taken.intersection(range(k.start, k.end))]
        doc.ents = filter_spans(known + ents)
        return doc


    def trim(self, ent: Span) -> Span | None:
        """Strip titles, possessives and stray words the model includes in a name; None if nothing is left."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (doc[start].lower_ in self.not_names or doc[start].is_punct
                               or (ent.label_ == "ORG" and doc[start].lower_ == "the")):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s"}):
            end -= 1
        if start >= end:
            return None
        if ent.label_ == "PERSON" and all(t.lower_ in self.not_names or not t.is_title for t in doc[start:end]):
            return None
        return Span(doc, start, end, label=ent.label_)
