"""Corrects the statistical NER: substances are never people, well-known public figures are found, a first
name owning a blog's title is the blog, and an organisation is never a lone common noun."""

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
        self.known = {p["name"] for p in people["people"]}
        roles = load("roles")
        self.site_words = set(roles["site_title_words"])
        self.offices = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.offices.add("office", [nlp.make_doc(o) for o in roles["offices"]])

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
        ents = self.place_offices(doc, ents)
        titles = [t for t in (self.site_title(e) for e in ents) if t is not None]
        doc.spans["site_titles"] = titles
        in_title = {i for t in titles for i in range(t.start, t.end)}
        ents = [e for e in ents if not in_title.intersection(range(e.start, e.end))]
        doc.ents = filter_spans(known + ents)
        return doc

    def place_offices(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A place name and the office after it are one organisation ("Cook County medical examiner")."""
        ends = {e.end: e for e in ents if e.label_ in ("GPE", "ORG")}
        for _, start, end in self.offices(doc):
            place = ends.get(start)
            if place is not None:
                office = Span(doc, place.start, end, label="ORG")
                ents = [e for e in ents if e.end <= office.start or e.start >= office.end] + [office]
        return sorted(ents, key=lambda e: e.start)

    def site_title(self, ent: Span) -> Span | None:
        """The title of a blog, site or show that a one-word name owns ("the fan blog Sam's Star Diary",
        "Mia's Wellness Blog"), or None. A known figure's name ("Oprah") stays a person."""
        doc = ent.doc
        if ent.label_ != "PERSON" or len(ent) != 1 or ent.text in self.known or ent.end + 1 >= len(doc) \
                or doc[ent.end].lower_ not in ("'s", "’s"):
            return None
        end = ent.end + 1
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            end += 1
        words = {t.lower_ for t in doc[max(0, ent.start - 2):end]}
        if end == ent.end + 1 or not words & self.site_words:
            return None
        return Span(doc, ent.start, end, label="site")


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
        if ent.label_ == "ORG" and all(t.is_lower for t in doc[start:end]):
            # The model tags "examiner" in "the Los Angeles County medical examiner's office": the name is the
            # whole noun phrase before it, up to "the" or a small word; a lone common noun is no name.
            verbs = {i for c in doc.spans.get("attribution", []) for i in range(c.start, c.end)}
            while start > ent.sent.start and doc[start - 1].is_alpha and not doc[start - 1].is_stop \
                    and start - 1 not in verbs:
                start -= 1
            if end - start < 2:
                return None
        return Span(doc, start, end, label=ent.label_)
